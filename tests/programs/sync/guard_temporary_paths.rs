// Lock guards made as temporaries live to the end of their statement, whatever path they
// reach a register by: a method's temporary receiver with arguments that lock again, a
// `&mut self` method of a scalar or an enum element behind a guard, statics and LazyLock
// mutexes, closures, RwLock readers, the same statement's try_lock (rustc's output).
use std::sync::{Mutex, RwLock, LazyLock};
static G: Mutex<i32> = Mutex::new(5);
static L: LazyLock<Mutex<Vec<i32>>> = LazyLock::new(|| Mutex::new(vec![1, 2]));
struct Counter { n: i32 }
impl Counter {
    fn bump(&mut self, by: i32) -> i32 { self.n += by; self.n }
    fn get(&self, k: i32) -> i32 { self.n + k }
}
fn add(a: i32, b: i32) -> i32 { a + b }
fn main() {
    let m = Mutex::new(3);
    // method on temp guard, argument locks another mutex
    let v = Mutex::new(vec![1, 2, 3]);
    v.lock().unwrap().push(*m.lock().unwrap());
    println!("1 {:?} {}", v.lock().unwrap(), m.try_lock().is_ok());
    // same statement, twice the same mutex sequentially via function args
    let s = add(*m.lock().unwrap(), 1);
    println!("2 {} {}", s, m.try_lock().is_ok());
    // &mut self method on guard deref
    let c = Mutex::new(Counter { n: 0 });
    let r = c.lock().unwrap().bump(*m.lock().unwrap());
    println!("3 {} {} {}", r, c.try_lock().is_ok(), m.try_lock().is_ok());
    let r2 = c.lock().unwrap().get(*m.lock().unwrap());
    println!("4 {} {} {}", r2, c.try_lock().is_ok(), m.try_lock().is_ok());
    // static mutex
    *G.lock().unwrap() += *m.lock().unwrap();
    println!("5 {} {}", G.lock().unwrap(), m.try_lock().is_ok());
    let x = G.lock().unwrap().max(*m.lock().unwrap());
    println!("6 {} {} {}", x, G.try_lock().is_ok(), m.try_lock().is_ok());
    // LazyLock mutex
    L.lock().unwrap().push(*m.lock().unwrap());
    println!("7 {:?} {}", L.lock().unwrap(), m.try_lock().is_ok());
    let n = L.lock().unwrap().len() + *G.lock().unwrap() as usize;
    println!("8 {} {} {}", n, L.try_lock().is_ok(), G.try_lock().is_ok());
    // closure
    let f = |k: i32| *m.lock().unwrap() + k;
    let y = f(*G.lock().unwrap());
    println!("9 {} {} {}", y, m.try_lock().is_ok(), G.try_lock().is_ok());
    let z = f(f(1));
    println!("10 {} {}", z, m.try_lock().is_ok());
    // rwlock
    let rw = RwLock::new(10);
    let w = *rw.read().unwrap() + *rw.read().unwrap();
    println!("11 {} {}", w, rw.try_write().is_ok());
    rw.write().unwrap().clone_from(&(*m.lock().unwrap()));
    println!("12 {} {}", rw.read().unwrap(), m.try_lock().is_ok());
    // match scrutinee temp lives to the end of match
    match *m.lock().unwrap() {
        3 => println!("13 three held={}", m.try_lock().is_err()),
        _ => println!("13 other held={}", m.try_lock().is_err()),
    }
    println!("14 {}", m.try_lock().is_ok());
    // if let: scrutinee temp lives through the body in 2021
    if let 3 = *m.lock().unwrap() {
        println!("15 held={}", m.try_lock().is_err());
    }
    println!("16 {}", m.try_lock().is_ok());
    // let with temp: guard dies at end of let
    let k = *m.lock().unwrap() + 1;
    println!("17 {} {}", k, m.try_lock().is_ok());
    // let with method chain result
    let len = v.lock().unwrap().len();
    println!("18 {} {}", len, v.try_lock().is_ok());
    // if condition
    if *m.lock().unwrap() == 3 {
        println!("19 held={}", m.try_lock().is_err());
    }
    // while cond
    let mut i = 0;
    while *m.lock().unwrap() > i {
        i += 1;
        if m.try_lock().is_err() { println!("20 held in while body"); }
    }
    println!("21 {}", i);
}
