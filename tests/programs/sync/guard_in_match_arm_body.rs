use std::sync::{Arc, Mutex};
use std::thread;
fn main() {
    let c = Arc::new(Mutex::new(0));
    let mut hs = vec![];
    for t in 0..2 {
        let c = Arc::clone(&c);
        hs.push(thread::spawn(move || {
            for i in 0..1000 {
                match (i + t) % 2 {
                    0 => *c.lock().unwrap() += 1,
                    _ => *c.lock().unwrap() += 2,
                }
            }
        }));
    }
    for h in hs { h.join().unwrap(); }
    println!("{}", *c.lock().unwrap());
    let m = Mutex::new(5);
    for i in 0..3 {
        if i > 0 { *m.lock().unwrap() += 1 } else { *m.lock().unwrap() += 10 }
    }
    let v = loop { break *m.lock().unwrap() };
    println!("{v}");
    let r = if *m.lock().unwrap() > 3 { *m.lock().unwrap() } else { 0 };
    println!("{r}");
    let mut k = 0;
    while k < 3 { *m.lock().unwrap() += 1; k += 1 }
    for _ in 0..2 { *m.lock().unwrap() += 1 }
    println!("{}", m.lock().unwrap());
}
