use std::sync::atomic::{AtomicUsize, AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Barrier, Mutex, Condvar, mpsc, OnceLock, RwLock};
use std::thread;
use std::time::Duration;

static GLOBAL: AtomicUsize = AtomicUsize::new(0);
static CONFIG: OnceLock<String> = OnceLock::new();

fn main() {
    let n = 4;
    let barrier = Arc::new(Barrier::new(n));
    let leaders = Arc::new(AtomicUsize::new(0));
    let hs: Vec<_> = (0..n).map(|i| {
        let b = Arc::clone(&barrier);
        let l = Arc::clone(&leaders);
        thread::spawn(move || {
            GLOBAL.fetch_add(i, Ordering::SeqCst);
            if b.wait().is_leader() { l.fetch_add(1, Ordering::SeqCst); }
        })
    }).collect();
    for h in hs { h.join().unwrap(); }
    println!("global {} leaders {}", GLOBAL.load(Ordering::SeqCst), leaders.load(Ordering::SeqCst));
    let v = AtomicI64::new(10);
    println!("{:?} {:?} {} {}", v.compare_exchange(10, 20, Ordering::AcqRel, Ordering::Acquire), v.compare_exchange(10, 30, Ordering::AcqRel, Ordering::Acquire), v.fetch_max(15, Ordering::Relaxed), v.load(Ordering::Relaxed));
    println!("{:?}", v.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| if x < 100 { Some(x * 3) } else { None }));
    let c = CONFIG.get_or_init(|| "configured".to_string());
    println!("{c} {:?}", CONFIG.get());
    let pair = Arc::new((Mutex::new(0), Condvar::new()));
    let (m, cv) = &*pair;
    let r = cv.wait_timeout(m.lock().unwrap(), Duration::from_millis(20)).unwrap();
    println!("timed out {}", r.1.timed_out());
    let (tx, rx) = mpsc::channel::<i32>();
    println!("{:?}", rx.recv_timeout(Duration::from_millis(10)));
    println!("{:?}", rx.try_recv());
    drop(tx);
    println!("{:?}", rx.recv());
    let lock = Arc::new(RwLock::new(vec![1]));
    let l2 = Arc::clone(&lock);
    let _ = thread::spawn(move || { let _w = l2.write().unwrap(); panic!("writer died"); }).join();
    println!("poisoned {} {:?}", lock.is_poisoned(), lock.read().map(|g| g.len()).map_err(|e| e.get_ref().len()));
    let stop = Arc::new(AtomicBool::new(false));
    let s2 = stop.clone();
    let worker = thread::spawn(move || { let mut k = 0u64; loop { k += 1; if s2.load(Ordering::Acquire) { break; } thread::yield_now(); } k > 0 });
    thread::sleep(Duration::from_millis(5));
    stop.store(true, Ordering::Release);
    println!("worker ran {}", worker.join().unwrap());
    let (stx, srx) = mpsc::sync_channel::<u8>(1);
    stx.try_send(1).unwrap();
    println!("{:?}", stx.try_send(2));
    println!("{}", thread::Builder::new().name("named".into()).spawn(|| thread::current().name().unwrap().to_string()).unwrap().join().unwrap());
    let srx_iter: Vec<u8> = { drop(stx); srx.iter().collect() };
    println!("{srx_iter:?}");
}
