// not-rust
use tokio::sync::{Mutex, RwLock};
struct D(&'static str);
impl Drop for D {
    fn drop(&mut self) { println!("drop {}", self.0); }
}
#[tokio::main]
async fn main() {
    {
        let m = Mutex::new(D("async mutex"));
        let _r = RwLock::new(D("async rwlock"));
        m.lock().await;
        println!("scope end");
    }
    println!("end");
}
