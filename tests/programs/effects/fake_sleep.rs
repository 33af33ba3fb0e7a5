// not-rust
// The seed's Async effect, with two handlers: one on real threads (the tokio_handler shape)
// and a test handler that fakes `sleep`: it records the requested durations and resumes at
// once, so a program that "sleeps" for an hour finishes instantly.
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

effect Async {
    fn spawn<T: Send>(f: fn() -> T) -> JoinHandle<T>;
    fn yield_now();
    fn sleep(duration: Duration);
}

handler thread_handler for Async {
    spawn(f) resume => {
        let handle = std::thread::spawn(f);
        resume(handle)
    }
    yield_now() resume => {
        std::thread::yield_now();
        resume(())
    }
    sleep(duration) resume => {
        std::thread::sleep(duration);
        resume(())
    }
}

fn job() -> u64 {
    6 * 7
}

fn poll_service(rounds: u32) -> u64 {
    let mut seen = 0;
    for i in 0..rounds {
        Async::yield_now();
        Async::sleep(Duration::from_secs(60 * 20));
        seen += i as u64;
    }
    let h = Async::spawn(job);
    seen + h.join().unwrap()
}

fn main() {
    let started = Instant::now();
    let mut slept = Duration::ZERO;
    let mut naps = 0;
    handler fake_time for Async {
        spawn(f) resume => resume(std::thread::spawn(f)),
        yield_now() resume => resume(()),
        sleep(d) resume => {
            slept += d;
            naps += 1;
            resume(())
        }
    }
    let r = handle { poll_service(3) } with fake_time;
    println!("result {r} after {naps} naps, {} s asleep", slept.as_secs());
    println!("instant: {}", started.elapsed() < Duration::from_secs(5));
    let real = handle {
        Async::sleep(Duration::from_millis(20));
        let h = Async::spawn(job);
        h.join().unwrap()
    } with thread_handler;
    println!("real handler: {real}, waited: {}", started.elapsed() >= Duration::from_millis(20));
}
