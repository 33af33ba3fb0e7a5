// Condvar: the std docs' handshake, wait_while, notify_all to several waiters, a timeout.
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::Duration;

fn main() {
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let pair2 = Arc::clone(&pair);
    let t = thread::spawn(move || {
        let (lock, cvar) = &*pair2;
        let mut started = lock.lock().unwrap();
        *started = true;
        cvar.notify_one();
    });
    let (lock, cvar) = &*pair;
    let mut started = lock.lock().unwrap();
    while !*started {
        started = cvar.wait(started).unwrap();
    }
    println!("started: {}", *started);
    drop(started);
    t.join().unwrap();

    // A counter the workers bump; main waits until it reaches 4.
    let state = Arc::new((Mutex::new(0), Condvar::new()));
    let mut hs = Vec::new();
    for _ in 0..4 {
        let st = Arc::clone(&state);
        hs.push(thread::spawn(move || {
            let (m, c) = &*st;
            *m.lock().unwrap() += 1;
            c.notify_all();
        }));
    }
    let (m, c) = &*state;
    let g = c.wait_while(m.lock().unwrap(), |n| *n < 4).unwrap();
    println!("count reached {}", *g);
    drop(g);
    for h in hs {
        h.join().unwrap();
    }

    // notify_all releases every waiter.
    let gate = Arc::new((Mutex::new(false), Condvar::new()));
    let waiters: Vec<_> = (0..3)
        .map(|i| {
            let g = Arc::clone(&gate);
            thread::spawn(move || {
                let (m, c) = &*g;
                let open = c.wait_while(m.lock().unwrap(), |open| !*open).unwrap();
                assert!(*open);
                i
            })
        })
        .collect();
    thread::sleep(Duration::from_millis(20));
    {
        let (m, c) = &*gate;
        *m.lock().unwrap() = true;
        c.notify_all();
    }
    let ids: Vec<i32> = waiters.into_iter().map(|h| h.join().unwrap()).collect();
    println!("released {:?}", ids);

    // Nobody notifies: the wait times out.
    let m = Mutex::new(0);
    let c = Condvar::new();
    let (g, r) = c.wait_timeout(m.lock().unwrap(), Duration::from_millis(10)).unwrap();
    println!("timed out: {}, value {}", r.timed_out(), *g);
    drop(g);
    let (g, r) = c.wait_timeout_while(m.lock().unwrap(), Duration::from_millis(10), |v| *v == 0).unwrap();
    println!("timed out: {}, value {}", r.timed_out(), *g);
    drop(g);
    let (g, r) = c.wait_timeout_while(m.lock().unwrap(), Duration::from_millis(10), |v| *v == 1).unwrap();
    println!("timed out: {}, value {}, {:?}", r.timed_out(), *g, r);
}
