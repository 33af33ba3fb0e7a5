// A thread that panics: `join` returns `Err` with the payload, the process goes on.
use std::thread;

fn main() {
    let h = thread::spawn(|| {
        if 2 + 2 == 4 {
            panic!("oh no");
        }
        7
    });
    let r = h.join();
    println!("is_err: {}", r.is_err());
    let payload = r.unwrap_err();
    println!("payload: {:?}", payload);
    match payload.downcast_ref::<&str>() {
        Some(msg) => println!("message: {msg}"),
        None => println!("not a &str"),
    }

    let n = 3;
    let h = thread::spawn(move || -> i32 { panic!("formatted {}", n) });
    let payload = h.join().unwrap_err();
    println!("&str? {:?}", payload.downcast_ref::<&str>());
    println!("String? {:?}", payload.downcast_ref::<String>());

    let h = thread::spawn(|| {
        let v: Vec<i32> = Vec::new();
        v[0]
    });
    let payload = h.join().unwrap_err();
    if let Some(s) = payload.downcast_ref::<String>() {
        println!("index panic: {s}");
    }
    println!("main continues");
}
