use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

struct D(String);
impl Drop for D {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

struct Bank {
    accounts: Mutex<BTreeMap<u32, D>>,
    log: RwLock<Vec<D>>,
}

fn main() {
    let bank = Arc::new(Bank { accounts: Mutex::new(BTreeMap::new()), log: RwLock::new(Vec::new()) });
    let hs: Vec<_> = (0..3)
        .map(|i| {
            let bank = Arc::clone(&bank);
            thread::spawn(move || {
                bank.accounts.lock().unwrap().insert(i, D(format!("account {i}")));
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    bank.log.write().unwrap().push(D("log entry".to_string()));
    println!("accounts: {}", bank.accounts.lock().unwrap().len());
    let removed = bank.accounts.lock().unwrap().remove(&1);
    println!("removed: {}", removed.as_ref().map(|d| d.0.as_str()).unwrap_or("none"));
    drop(removed);
    let plain = Mutex::new(D("taken out".to_string()));
    let d = plain.into_inner().unwrap();
    println!("taken: {}", d.0);
    drop(d);
    let mut replaced = Mutex::new(D("first".to_string()));
    *replaced.get_mut().unwrap() = D("second".to_string());
    *replaced.lock().unwrap() = D("third".to_string());
    drop(replaced);
    let v = vec![Mutex::new(D("v0".to_string())), Mutex::new(D("v1".to_string()))];
    println!("vec built");
    drop(v);
    let m = Arc::new(Mutex::new(D("shared".to_string())));
    let m2 = Arc::clone(&m);
    drop(m);
    println!("one handle left");
    drop(m2);
    let bank2 = Bank { accounts: Mutex::new(BTreeMap::new()), log: RwLock::new(vec![D("b2".to_string())]) };
    let Bank { log, .. } = bank2;
    println!("moved log out: {}", log.read().unwrap().len());
    println!("end");
}
