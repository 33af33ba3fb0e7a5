// std rejects a load with Release ordering at run time.
use std::sync::atomic::{AtomicUsize, Ordering};

fn order(release: bool) -> Ordering {
    if release {
        Ordering::Release
    } else {
        Ordering::SeqCst
    }
}

fn main() {
    let a = AtomicUsize::new(1);
    println!("{}", a.load(order(false)));
    println!("{}", a.load(order(true)));
}
