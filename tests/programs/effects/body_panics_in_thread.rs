// not-rust
// A panic in a handled body on a spawned thread: the body, then the clause waiting in
// resume, then the thread's own values are dropped; the panic is reported once, by the
// thread, at its location; join gives Err.
effect Ask {
    fn ask() -> i32;
}
struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
fn main() {
    let h = std::thread::spawn(|| {
        handler answer for Ask {
            ask() resume => {
                let _c = Noisy("clause");
                resume(0)
            }
        }
        let _t = Noisy("thread");
        handle {
            let _b = Noisy("body");
            let d = Ask::ask();
            100 / d
        } with answer
    });
    let r = h.join();
    println!("joined: is_err {}", r.is_err());
}
