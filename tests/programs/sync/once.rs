// Once and OnceLock: one initialiser, concurrent callers wait for it; statics.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Once, OnceLock};
use std::thread;

static INIT: Once = Once::new();
static RUNS: AtomicUsize = AtomicUsize::new(0);
static CONFIG: OnceLock<String> = OnceLock::new();

fn config() -> &'static String {
    CONFIG.get_or_init(|| {
        RUNS.fetch_add(1, Ordering::SeqCst);
        String::from("configured")
    })
}

fn main() {
    println!("completed before: {}", INIT.is_completed());
    let hs: Vec<_> = (0..4)
        .map(|_| {
            thread::spawn(|| {
                INIT.call_once(|| {
                    RUNS.fetch_add(1, Ordering::SeqCst);
                });
                config().len()
            })
        })
        .collect();
    let lens: Vec<usize> = hs.into_iter().map(|h| h.join().unwrap()).collect();
    println!("lens {:?}", lens);
    println!("completed after: {}", INIT.is_completed());
    println!("initialisers run: {}", RUNS.load(Ordering::SeqCst));
    println!("{:?}", CONFIG.get());
    println!("{:?}", CONFIG.set(String::from("again")));

    let cell: OnceLock<i32> = OnceLock::new();
    println!("{:?}", cell.get());
    println!("{:?}", cell.set(7));
    println!("{:?}", cell.set(8));
    println!("{}", cell.get_or_init(|| 9));
    println!("{:?}", cell.into_inner());
}
