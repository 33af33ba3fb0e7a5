// Temporaries of one statement die last created first, whatever they hold: a lock guard
// inside an `Ok` nobody unwrapped, values with a `Drop` impl, an `Rc`, an `Ok` holding a
// vector of droppable values, a closure; a guard unwrapped out of its `Ok` dies with the
// statement too (rustc's output).
use std::rc::Rc;
use std::sync::{Arc, Mutex};

struct D<'a>(&'static str, &'a Mutex<i32>);
impl Drop for D<'_> {
    fn drop(&mut self) {
        println!("drop {} locked={}", self.0, self.1.try_lock().is_err());
    }
}

fn len_of(d: &D, ok: bool) -> usize {
    d.0.len() + ok as usize
}

fn both(a: usize, b: bool) -> usize {
    a + b as usize
}

fn rc_len(r: &Rc<D>, n: &i32) -> usize {
    r.0.len() + *n as usize
}

fn main() {
    let m = Mutex::new(1);
    // An `Ok(guard)` temporary holds the lock to the statement's end.
    println!("1 {} {}", m.lock().is_ok(), m.try_lock().is_err());
    println!("2 {}", m.try_lock().is_ok());
    // Between two droppable temporaries: the later one sees the lock held, the earlier not.
    let n = len_of(&D("a", &m), m.lock().is_ok()) + D("b", &m).0.len();
    println!("3 {} {}", n, m.try_lock().is_ok());
    // The guard's `Ok` created after the droppable temporary dies first.
    let n = len_of(&D("i", &m), m.lock().is_ok());
    println!("3b {} {}", n, m.try_lock().is_ok());
    // A guard unwrapped out of its `Ok`, between droppable temporaries.
    let n = len_of(&D("c", &m), true) + *m.lock().unwrap() as usize + D("d", &m).0.len();
    println!("4 {} {}", n, m.try_lock().is_ok());
    // An `Rc` temporary (its last handle) holding a droppable value, and a guard.
    let n = rc_len(&Rc::new(D("e", &m)), &*m.lock().unwrap());
    println!("5 {} {}", n, m.try_lock().is_ok());
    // An `Ok` holding droppable values, after the guard.
    let k = both(*m.lock().unwrap() as usize, Ok::<Vec<D>, ()>(vec![D("f", &m), D("g", &m)]).is_ok());
    println!("6 {} {}", k, m.try_lock().is_ok());
    // A closure temporary capturing a droppable value, and a guard.
    let d = D("h", &m);
    let k = both((move || { let x = d; x.0.len() })(), m.lock().is_ok());
    println!("7 {} {}", k, m.try_lock().is_ok());
    // An `Arc<Mutex>` cloned in the statement, its guard unwrapped.
    let a = Arc::new(Mutex::new(5));
    *Arc::clone(&a).lock().unwrap() += 1;
    println!("8 {}", a.lock().unwrap());
    let k = both(*Arc::clone(&a).lock().unwrap() as usize, a.try_lock().is_err());
    println!("9 {} {}", k, a.try_lock().is_ok());
}
