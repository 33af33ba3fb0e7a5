// not-rust
// resume is one-shot: calling it twice is a panic.

effect Choose {
    fn pick() -> bool;
}

fn main() {
    handler both for Choose {
        pick() resume => {
            let a: i32 = resume(true);
            let b: i32 = resume(false);
            a + b
        }
    }
    let n = handle {
        if Choose::pick() { 1 } else { 2 }
    } with both;
    println!("{n}");
}
