// Bounded stress: 8 threads read one Arc<Vec>, clone the Arc, format strings and fill
// local maps, then publish through a Mutex<HashMap>; printed sorted by thread.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

static GREETING: &str = "hello";

fn main() {
    let shared = Arc::new((0..1000).collect::<Vec<u64>>());
    let results = Arc::new(Mutex::new(HashMap::new()));
    let mut hs = Vec::new();
    for t in 0..8u64 {
        let shared = Arc::clone(&shared);
        let results = Arc::clone(&results);
        hs.push(thread::spawn(move || {
            let mut local = HashMap::new();
            let mut s = String::new();
            for round in 0..15 {
                let sum: u64 = shared.iter().filter(|x| *x % 8 == t).sum();
                let key = format!("{}-{}", GREETING, round % 10);
                *local.entry(key).or_insert(0u64) += sum;
                s.push_str(&sum.to_string());
                let _c = Arc::clone(&shared);
            }
            results.lock().unwrap().insert(t, (local.len(), s.len(), local.values().sum::<u64>()));
        }));
    }
    for h in hs { h.join().unwrap(); }
    let r = results.lock().unwrap();
    let mut keys: Vec<_> = r.keys().copied().collect();
    keys.sort();
    for k in keys { println!("{k}: {:?}", r[&k]); }
}
