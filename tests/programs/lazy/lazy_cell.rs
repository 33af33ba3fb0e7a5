// LazyCell: a lazily computed value in one thread, forced explicitly or on first use.
use std::cell::LazyCell;

fn main() {
    let lazy: LazyCell<i32> = LazyCell::new(|| {
        println!("computing");
        6 * 7
    });
    println!("before use");
    println!("forced: {}", *LazyCell::force(&lazy));
    println!("again: {}", *LazyCell::force(&lazy));
}
