// A `move` closure whose body declares a name that the enclosing function has already moved
// (or whose parameter, loop variable or match binding has that name) does not capture the
// moved outer value.
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

struct Noisy(i32);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop Noisy({})", self.0);
    }
}

fn main() {
    let g = Arc::new(Mutex::new(0));
    let g2 = Arc::clone(&g);
    thread::spawn(move || *g2.lock().unwrap() += 1).join().unwrap();
    let moved = g;
    let h = thread::spawn(move || {
        let g = moved.lock().unwrap();
        *g + 10
    });
    println!("inner let: {}", h.join().unwrap());

    // Shadowed and moved again, also in a loop.
    let v = vec![1, 2, 3];
    let h = thread::spawn(move || v.len());
    let v = vec![4, 5];
    let h2 = thread::spawn(move || v.len());
    println!("shadowed: {} {}", h.join().unwrap(), h2.join().unwrap());
    let mut hs = Vec::new();
    for i in 0..3 {
        let v = vec![i; 2];
        let a = thread::spawn(move || v.len() as i32 + i);
        let v = vec![i; 3];
        hs.push((a, thread::spawn(move || v.len() as i32)));
    }
    for (a, b) in hs {
        println!("loop: {} {}", a.join().unwrap(), b.join().unwrap());
    }

    // A closure parameter, a nested closure, a for variable and a match binding named like a
    // moved outer local.
    let x = Noisy(1);
    let y = x;
    let f = move |x: i32| x + 1;
    println!("param: {}", f(2));
    let t = Noisy(2);
    let t2 = t;
    let c = move || {
        let t = 10;
        let inner = move || t + 1;
        inner()
    };
    println!("nested: {}", c());
    let n = Noisy(3);
    let n2 = n;
    let c = move || {
        let mut s = 0;
        for n in 0..4 {
            s += n;
        }
        s
    };
    println!("for: {}", c());
    let k = Noisy(4);
    let k2 = k;
    let c = move || match 7 {
        k => k * 2,
    };
    println!("match: {}", c());

    // A nested closure assigning to a shadowing local.
    let count = Noisy(5);
    let kept = count;
    let h = thread::spawn(move || {
        let mut count = 0;
        let mut inc = || count += 1;
        inc();
        inc();
        count
    });
    println!("nested assign: {}", h.join().unwrap());

    let (tx, rx) = mpsc::channel();
    let msg = String::from("hi");
    tx.send(msg).unwrap();
    drop(tx);
    let h = thread::spawn(move || {
        let mut out = Vec::new();
        while let Ok(msg) = rx.recv() {
            out.push(msg);
        }
        out
    });
    println!("while let: {:?}", h.join().unwrap());
    drop((y, t2, n2, k2, kept));
    println!("end");
}
