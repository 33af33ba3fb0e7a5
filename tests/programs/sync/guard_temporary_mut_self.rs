// &mut self methods (a scalar's, an enum element's) reached through guards, with arguments
// that lock other mutexes, statics and LazyLock, across threads (rustc's output).
use std::sync::{Arc, LazyLock, Mutex};
use std::thread;

trait Bump {
    fn bump(&mut self, by: i32) -> i32;
}
impl Bump for i32 {
    fn bump(&mut self, by: i32) -> i32 {
        *self += by;
        *self
    }
}
#[derive(Debug, Clone, Copy, PartialEq)]
enum Light {
    On(i32),
    Off,
}
impl Light {
    fn toggle(&mut self, level: i32) {
        *self = match *self {
            Light::On(_) => Light::Off,
            Light::Off => Light::On(level),
        };
    }
}
struct Holder {
    n: i32,
    lights: Vec<Light>,
}
static TOTAL: LazyLock<Mutex<i32>> = LazyLock::new(|| Mutex::new(0));
static LEVEL: Mutex<i32> = Mutex::new(3);

fn level() -> i32 {
    *LEVEL.lock().unwrap()
}

fn main() {
    let m = Mutex::new(10);
    let mut x = 1;
    // &mut self on a scalar local with an argument that locks
    let r = x.bump(*m.lock().unwrap());
    println!("1 {} {} {}", r, x, m.try_lock().is_ok());
    // &mut self on a scalar field reached through a guard
    let h = Mutex::new(Holder { n: 5, lights: vec![Light::Off, Light::On(1)] });
    let r = h.lock().unwrap().n.bump(*m.lock().unwrap());
    println!("2 {} {} {}", r, h.try_lock().is_ok(), m.try_lock().is_ok());
    // enum element &mut self through a guard, argument locks a static
    h.lock().unwrap().lights[0].toggle(*LEVEL.lock().unwrap());
    h.lock().unwrap().lights[1].toggle(level());
    println!("3 {:?} {} {}", h.lock().unwrap().lights, h.try_lock().is_ok(), LEVEL.try_lock().is_ok());
    // LazyLock receiver with an argument that locks
    let old = std::mem::replace(&mut *TOTAL.lock().unwrap(), *m.lock().unwrap() + level());
    println!("4 {} {} {}", old, TOTAL.lock().unwrap(), TOTAL.try_lock().is_ok());
    let e = TOTAL.try_lock().is_err() as i32;
    *TOTAL.lock().unwrap() += e + *m.lock().unwrap();
    println!("5 {}", TOTAL.lock().unwrap());
    // scalar &mut self on a static's guard
    let r = LEVEL.lock().unwrap().bump(*m.lock().unwrap() - 9);
    println!("6 {} {}", r, LEVEL.try_lock().is_ok());
    // threads contending through these paths
    let shared = Arc::new(Mutex::new(Holder { n: 0, lights: vec![Light::Off; 4] }));
    let hs: Vec<_> = (0..4)
        .map(|i| {
            let s = Arc::clone(&shared);
            thread::spawn(move || {
                for _ in 0..25 {
                    s.lock().unwrap().n.bump(level());
                    s.lock().unwrap().lights[i].toggle(*LEVEL.lock().unwrap());
                    *TOTAL.lock().unwrap() += s.lock().unwrap().n.signum();
                }
            })
        })
        .collect();
    for h in hs {
        h.join().unwrap();
    }
    let s = shared.lock().unwrap();
    println!("7 {} {:?} {}", s.n, s.lights, TOTAL.lock().unwrap());
}
