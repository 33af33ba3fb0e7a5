// Thread API odds and ends: a fn item as the body, nested spawns, handles kept in a struct,
// is_finished polling, Builder::stack_size, thread::panicking.
use std::thread;
use std::time::Duration;

#[derive(Debug)]
struct Report { id: usize, sum: u64 }

fn worker() -> i32 { 7 }

struct Pool { handles: Vec<thread::JoinHandle<Report>> }

fn main() {
    println!("{}", thread::spawn(worker).join().unwrap());
    let outer = thread::spawn(|| {
        let inner = thread::spawn(|| thread::current().id());
        let id = inner.join().unwrap();
        format!("inner was {:?}, outer is {:?}", id, thread::current().id())
    });
    println!("{}", outer.join().unwrap());
    let mut pool = Pool { handles: Vec::new() };
    for id in 0..3 {
        pool.handles.push(thread::spawn(move || Report { id, sum: (0..=id as u64 * 10).sum() }));
    }
    for h in pool.handles.drain(..) {
        println!("{:?}", h.join().unwrap());
    }
    let h = thread::spawn(|| { thread::sleep(Duration::from_secs_f64(0.02)); 1 });
    let mut polls = 0;
    while !h.is_finished() { polls += 1; thread::sleep(Duration::from_millis(1)); }
    println!("finished after polling: {}", polls > 0);
    println!("{}", h.join().unwrap());
    let r = thread::Builder::new().stack_size(1 << 20).spawn(|| "small stack").unwrap().join().unwrap();
    println!("{r}");
    println!("{}", thread::panicking());
}
