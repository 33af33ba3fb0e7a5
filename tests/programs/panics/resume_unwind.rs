// std::panic::resume_unwind: a caught panic's payload (catch_unwind, a join) raised again
// keeps its kind (String or &str) and is reported by nobody (no hook, no message); uncaught
// in main it ends the process with 101 and prints nothing more.
use std::panic;
use std::thread;
fn main() {
    let r = panic::catch_unwind(|| { panic!("first {}", "x".repeat(2)); });
    let p = r.unwrap_err();
    println!("msg: {:?}", p.downcast_ref::<String>());
    let r2 = panic::catch_unwind(panic::AssertUnwindSafe(|| panic::resume_unwind(p)));
    let p2 = r2.unwrap_err();
    println!("again: {:?} {:?}", p2.downcast_ref::<String>(), p2.downcast_ref::<&str>());
    let h = thread::spawn(|| panic!("in thread"));
    let e = h.join().unwrap_err();
    println!("joined: {:?}", e.downcast_ref::<&str>());
    let h2 = thread::spawn(move || panic::resume_unwind(e));
    let e2 = h2.join().unwrap_err();
    println!("rejoined: {:?}", e2.downcast_ref::<&str>());
    let h3 = thread::spawn(|| panic::resume_unwind(Box::new("boxed str")));
    println!("boxed: {:?}", h3.join().unwrap_err().downcast_ref::<&str>());
    let h4 = thread::spawn(|| -> i32 { panic!("last") });
    if let Err(e) = h4.join() {
        panic::resume_unwind(e);
    }
}
