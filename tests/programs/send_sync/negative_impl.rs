// not-rust
// `impl !Send` needs a nightly feature in rustc; teras honours it.
#![feature(negative_impls)]
use std::thread;

struct Token {
    id: u32,
}

impl !Send for Token {}

fn main() {
    let t = Token { id: 1 };
    let h = thread::spawn(move || {
        let t = t;
        println!("{}", t.id);
    });
    h.join().unwrap();
}
