// not-rust
// Rust hangs here (main relocks a Mutex it holds while no other thread runs); teras sees
// that nothing can ever wake the thread and stops it with a panic at the blocking call.
use std::sync::Mutex;
use std::thread;

fn main() {
    let m = Mutex::new(1);
    let _g = m.lock().unwrap();
    println!("locked once");
    let h = thread::spawn(|| 5);
    println!("joined {}", h.join().unwrap());
    let _g2 = m.lock().unwrap();
    println!("never printed");
}
