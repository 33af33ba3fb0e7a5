// `thread::Builder`: names (shown by `current().name()` and in panic messages) and stack sizes.
use std::thread;

fn main() {
    let h = thread::Builder::new()
        .name("worker-1".to_string())
        .stack_size(4 * 1024 * 1024)
        .spawn(|| {
            let me = thread::current();
            format!("{} says hi", me.name().unwrap())
        })
        .unwrap();
    println!("{}", h.join().unwrap());

    let h = thread::Builder::new().name("cruncher".into()).spawn(|| {
        let v = vec![10, 20];
        let i = v.len();
        v[i]
    });
    let h = h.unwrap();
    println!("thread name before join: {:?}", h.thread().name());
    let r = h.join();
    println!("cruncher failed: {}", r.is_err());

    let unnamed = thread::spawn(|| thread::current().name().map(|s| s.to_string()));
    println!("unnamed: {:?}", unnamed.join().unwrap());
    println!("main: {:?}", thread::current().name());
}
