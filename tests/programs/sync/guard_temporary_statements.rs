// More guard temporaries: same-statement try_lock sees the guard, write! with locking
// format arguments, while let over a locked queue (with continue and break), a user
// method returning a guard, statics, LazyLock, threads (rustc's output).
use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock, Mutex, MutexGuard, RwLock};
use std::thread;

static COUNT: Mutex<u32> = Mutex::new(0);
static NAMES: LazyLock<Mutex<Vec<String>>> = LazyLock::new(|| Mutex::new(Vec::new()));

struct Bank {
    m: Mutex<i64>,
}
impl Bank {
    fn guard(&self) -> MutexGuard<'_, i64> {
        self.m.lock().unwrap()
    }
}

fn main() {
    let m = Mutex::new(7i32);
    // 1. temporary guard in the same statement as try_lock: still held (Rust keeps it to the `;`)
    let t = (m.lock().unwrap().abs(), m.try_lock().is_ok());
    println!("1 {:?} {}", t, m.try_lock().is_ok());
    // 2. write! to a String behind a lock with a format argument that locks another mutex
    let s = Mutex::new(String::new());
    write!(s.lock().unwrap(), "{}-{}", *m.lock().unwrap(), m.try_lock().is_ok()).unwrap();
    println!("2 {} {} {}", s.lock().unwrap(), s.try_lock().is_ok(), m.try_lock().is_ok());
    // 3. while let over a locked queue: the guard dies after each iteration
    let q = Mutex::new(VecDeque::from(vec![1, 2, 3, 4]));
    let mut seen = Vec::new();
    while let Some(x) = q.lock().unwrap().pop_front() {
        if x == 2 {
            continue;
        }
        seen.push(x);
    }
    println!("3 {:?} {}", seen, q.try_lock().is_ok());
    // 4. user method returning a guard, used as a temporary receiver
    let b = Bank { m: Mutex::new(100) };
    let v = b.guard().abs() + 1;
    println!("4 {} {}", v, b.m.try_lock().is_ok());
    *b.guard() += 5;
    println!("5 {} {}", *b.guard(), b.m.try_lock().is_ok());
    // 6. static and LazyLock
    *COUNT.lock().unwrap() += 1;
    NAMES.lock().unwrap().push(format!("n{}", *COUNT.lock().unwrap()));
    NAMES.lock().unwrap().push(format!("n{}", COUNT.lock().unwrap().pow(2) + 1));
    println!("6 {:?} {} {}", NAMES.lock().unwrap(), NAMES.try_lock().is_ok(), COUNT.try_lock().is_ok());
    // 7. RefCell temporaries
    let c = RefCell::new(vec![1]);
    let l = c.borrow().len() as i32 + c.borrow().len() as i32;
    c.borrow_mut().push(l);
    println!("7 {:?}", c.borrow());
    // 8. threads: each locks the same mutex twice in one statement sequence through args
    let shared = Arc::new(Mutex::new(0u64));
    let other = Arc::new(Mutex::new(1u64));
    let hs: Vec<_> = (0..4)
        .map(|_| {
            let s = Arc::clone(&shared);
            let o = Arc::clone(&other);
            thread::spawn(move || {
                for _ in 0..50 {
                    s.lock().unwrap().clone_from(&(*o.lock().unwrap() + 0));
                    // (Not `*s.lock().unwrap() += *o.lock().unwrap();`: a compound assignment
                    // evaluates its right side first and keeps that guard to the statement's end,
                    // so it would lock `o` then `s`, the reverse of the line above: two threads
                    // could deadlock, and rustc's own binary did once under load.)
                    let add = *o.lock().unwrap();
                    *s.lock().unwrap() += add;
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    println!("8 {} {}", shared.lock().unwrap(), other.try_lock().is_ok());
    // 9. RwLock readers in one statement and a writer after
    let rw = RwLock::new(vec![1, 2]);
    let n = rw.read().unwrap().len() + rw.read().unwrap().len();
    rw.write().unwrap().push(n as i32);
    println!("9 {:?} {}", rw.read().unwrap(), rw.try_write().is_ok());
    // 10. closure with an expression body making a temporary
    let len = |k: usize| m.lock().unwrap().abs() as usize + k;
    println!("10 {} {} {}", len(1), len(len(0)), m.try_lock().is_ok());
    // 11. match on a temporary guard: held in the arms
    match m.lock().unwrap().abs() {
        7 => println!("11 held={}", m.try_lock().is_err()),
        _ => println!("11 other"),
    }
    println!("12 {}", m.try_lock().is_ok());
    // 13. block tail in a let
    let k = { m.lock().unwrap().abs() + 1 };
    println!("13 {} {}", k, m.try_lock().is_ok());
    // 14. a guard bound by let and dropped
    let g = m.lock().unwrap();
    let in_use = m.try_lock().is_err();
    drop(g);
    println!("14 {} {}", in_use, m.try_lock().is_ok());
}
