// A panic hook (`std::panic::set_hook`) sees the panics of threads and of `main` instead of
// the default message; the panicking thread still unwinds (its `Drop`s run) and `main` exits
// with 101.
use std::panic;
use std::sync::{Arc, Mutex};
use std::thread;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s2 = Arc::clone(&seen);
    panic::set_hook(Box::new(move |info| {
        let loc = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        let text = info.to_string();
        s2.lock().unwrap().push(format!("{loc} | {}", text.lines().last().unwrap_or("")));
        println!("hook saw a panic at {loc}");
    }));
    // One thread at a time, so that the output has one order.
    let results: Vec<String> = (0..3)
        .map(|i| {
            let h = thread::spawn(move || {
                let _n = Noisy("in thread");
                if i == 1 {
                    panic!("thread {i} gives up");
                }
                i
            });
            match h.join() {
                Ok(v) => format!("ok {v}"),
                Err(_) => "err".to_string(),
            }
        })
        .collect();
    println!("{results:?}");
    println!("{:?}", seen.lock().unwrap());
    let _guard = Noisy("main local");
    let v: Vec<u32> = vec![1, 2, 3];
    let idx = v.len() + 2;
    println!("about to fail");
    let _ = v[idx];
    println!("unreachable");
}
