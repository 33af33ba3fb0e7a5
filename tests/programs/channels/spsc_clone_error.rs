// not-rust
// Neither end of an spsc_channel can be cloned.
fn main() {
    let (tx, _rx) = spsc_channel::<i32>(4);
    println!("before");
    let _tx2 = tx.clone();
    println!("not reached");
}
