// A value with a Drop impl captured by a closure that reassigns it is dropped at the
// assignment, as Rust does, and the last value dies with the closure (`move`) or with the
// enclosing local (a borrowing closure).
#![allow(unused_assignments, unused_variables, unused_mut)]
struct Guard(i32);
impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop Guard({})", self.0);
    }
}

fn main() {
    {
        let mut g = Guard(1);
        let mut f = move || {
            g = Guard(2);
            println!("assigned in move closure");
        };
        f();
        println!("after first call");
        f();
        println!("after second call");
    }
    println!("-- borrowing closure");
    {
        let mut g = Guard(10);
        let mut f = || {
            g = Guard(11);
            println!("assigned in borrowing closure");
        };
        f();
        f();
        println!("g is now {}", g.0);
    }
    println!("-- move closure never called");
    {
        let mut g = Guard(20);
        let mut f = move || {
            g = Guard(21);
        };
        println!("not called");
    }
    println!("-- field assignment");
    {
        let mut p = (Guard(30), 0);
        let mut f = move || {
            p.0 = Guard(31);
            p.1 += 1;
        };
        f();
        println!("after field call");
    }
    println!("-- boxed by a &mut borrow");
    {
        let mut g = Guard(40);
        {
            let r = &mut g;
            r.0 += 1;
        }
        g = Guard(42);
        println!("reassigned {}", g.0);
    }
    println!("-- returned closure");
    {
        let mut f = counter();
        f();
        f();
        println!("dropping the closure");
        drop(f);
        println!("dropped");
    }
    println!("end");
}

/// A closure that owns a `Guard` and replaces it at every call.
fn counter() -> impl FnMut() {
    let mut g = Guard(50);
    move || {
        g = Guard(g.0 + 1);
        println!("now {}", g.0);
    }
}
