// not-rust
// The tokio tutorial's "Channels" (a manager task owning the state, commands over mpsc with
// a oneshot responder) and "Shared state" (Arc<std Mutex<HashMap>> shared by tasks, a
// sharded map, and a guard dropped before the next .await), with a local HashMap in place of
// mini-redis.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{mpsc, oneshot};

/// Provided by the requester and used by the manager task to send the command response back
/// to the requester.
type Responder<T> = oneshot::Sender<Result<T, String>>;

#[derive(Debug)]
enum Command {
    Get { key: String, resp: Responder<Option<String>> },
    Set { key: String, val: String, resp: Responder<()> },
}

type Db = Arc<Mutex<HashMap<String, Vec<u8>>>>;
type ShardedDb = Arc<Vec<Mutex<HashMap<String, Vec<u8>>>>>;

fn new_sharded_db(num_shards: usize) -> ShardedDb {
    let mut db = Vec::with_capacity(num_shards);
    for _ in 0..num_shards {
        db.push(Mutex::new(HashMap::new()));
    }
    Arc::new(db)
}

fn shard_of(key: &str, n: usize) -> usize {
    key.bytes().map(|b| b as usize).sum::<usize>() % n
}

struct CanIncrement {
    mutex: Mutex<i32>,
}

impl CanIncrement {
    // This function is not marked async.
    fn increment(&self) {
        let mut lock = self.mutex.lock().unwrap();
        *lock += 1;
    }
}

async fn increment_and_do_stuff(can_incr: &CanIncrement) {
    can_incr.increment();
    tokio::task::yield_now().await;
}

#[tokio::main]
async fn main() {
    // Channels: the manager owns the map.
    let (tx, mut rx) = mpsc::channel(32);
    let manager = tokio::spawn(async move {
        let mut db: HashMap<String, String> = HashMap::new();
        while let Some(cmd) = rx.recv().await {
            match cmd {
                Command::Get { key, resp } => {
                    let res = db.get(&key).cloned();
                    // Ignore errors
                    let _ = resp.send(Ok(res));
                }
                Command::Set { key, val, resp } => {
                    db.insert(key, val);
                    let _ = resp.send(Ok(()));
                }
            }
        }
        println!("manager: every sender is gone");
    });
    let tx2 = tx.clone();
    let t1 = tokio::spawn(async move {
        let (resp_tx, resp_rx) = oneshot::channel();
        let cmd = Command::Set { key: "foo".to_string(), val: "bar".into(), resp: resp_tx };
        // Send the SET request
        if tx.send(cmd).await.is_err() {
            eprintln!("connection task shutdown");
            return;
        }
        // Await the response
        let res = resp_rx.await;
        println!("SET GOT = {:?}", res);
    });
    t1.await.unwrap();
    let t2 = tokio::spawn(async move {
        let (resp_tx, resp_rx) = oneshot::channel();
        let cmd = Command::Get { key: "foo".to_string(), resp: resp_tx };
        tx2.send(cmd).await.unwrap();
        let res = resp_rx.await;
        println!("GET GOT = {:?}", res);
        let (resp_tx, resp_rx) = oneshot::channel();
        tx2.send(Command::Get { key: "nope".to_string(), resp: resp_tx }).await.unwrap();
        println!("GET GOT = {:?}", resp_rx.await);
    });
    t2.await.unwrap();
    manager.await.unwrap();

    // A responder dropped without an answer: the requester sees RecvError.
    let (resp_tx, resp_rx) = oneshot::channel::<Result<(), String>>();
    drop(resp_tx);
    println!("dropped responder: {:?}", resp_rx.await.is_err());

    // Shared state: tasks insert into one Arc<Mutex<HashMap>>.
    let db: Db = Arc::new(Mutex::new(HashMap::new()));
    let mut handles = Vec::new();
    for i in 0..8 {
        let db = db.clone();
        handles.push(tokio::spawn(async move {
            let mut db = db.lock().unwrap();
            db.insert(format!("key{}", i), vec![i as u8; i]);
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let db = db.lock().unwrap();
    let mut keys: Vec<_> = db.iter().map(|(k, v)| (k.clone(), v.len())).collect();
    keys.sort();
    println!("{:?}", keys);
    drop(db);

    // A sharded map.
    let shards = new_sharded_db(4);
    let mut handles = Vec::new();
    for i in 0..10 {
        let shards = shards.clone();
        handles.push(tokio::spawn(async move {
            let key = format!("k{}", i);
            let mut shard = shards[shard_of(&key, shards.len())].lock().unwrap();
            shard.insert(key, b"v".to_vec());
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let sizes: Vec<usize> = shards.iter().map(|s| s.lock().unwrap().len()).collect();
    println!("shard sizes {:?}", sizes);

    // The guard lives in a non-async method, so the future stays Send.
    let c = Arc::new(CanIncrement { mutex: Mutex::new(0) });
    let mut handles = Vec::new();
    for _ in 0..5 {
        let c = c.clone();
        handles.push(tokio::spawn(async move { increment_and_do_stuff(&c).await }));
    }
    for h in handles {
        h.await.unwrap();
    }
    println!("incremented to {}", *c.mutex.lock().unwrap());
}
