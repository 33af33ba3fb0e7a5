// LazyLock statics: initialized on first use (once, even with racing threads), then read
// like the value; LazyCell in a static of a single thread would be similar.
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::thread;

static SQUARES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    println!("computing squares");
    (0..10).map(|i| i * i).collect()
});

static CONFIG: LazyLock<HashMap<&'static str, i32>> = LazyLock::new(|| {
    println!("loading config");
    let mut m = HashMap::new();
    m.insert("threads", 4);
    m.insert("depth", 7);
    m
});

static LOG: LazyLock<Mutex<Vec<String>>> = LazyLock::new(|| Mutex::new(Vec::new()));

static GREETING: LazyLock<String> = LazyLock::new(|| "hello".to_uppercase());

fn main() {
    println!("main starts");
    println!("square of 3 is {}", SQUARES[3]);
    println!("{} squares, sum {}", SQUARES.len(), SQUARES.iter().sum::<u64>());
    println!("threads = {}", CONFIG["threads"]);
    println!("depth = {:?}", CONFIG.get("depth"));
    println!("missing = {:?}", CONFIG.get("nope"));
    let first: &Vec<u64> = LazyLock::force(&SQUARES);
    println!("forced again: {:?}", &first[..4]);
    println!("{} has {} chars", *GREETING, GREETING.len());

    let handles: Vec<_> = (0..4)
        .map(|i| {
            thread::spawn(move || {
                LOG.lock().unwrap().push(format!("thread {} saw {}", i, SQUARES[i]));
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut lines = LOG.lock().unwrap().clone();
    lines.sort();
    for l in lines {
        println!("{}", l);
    }
}
