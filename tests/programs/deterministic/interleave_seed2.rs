// not-rust
// a racy program (three threads and main print as they run); under the
// deterministic scheduler (TERAS_SEED in the .env file, as `teras run --seed 2`) the
// interleaving, and so the output, is fixed by the seed.
use std::thread;

fn busy(n: u64) -> u64 {
    let mut x = 0;
    for k in 0..n {
        x += k % 7;
    }
    x
}

fn main() {
    let mut hs = Vec::new();
    for t in 0..3 {
        hs.push(thread::spawn(move || {
            for i in 0..4 {
                println!("thread {t} step {i} ({})", busy(40));
            }
        }));
    }
    for i in 0..4 {
        println!("main step {i} ({})", busy(40));
    }
    for h in hs {
        h.join().unwrap();
    }
    println!("done");
}
