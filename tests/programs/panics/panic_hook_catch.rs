// `set_hook` / `take_hook`: a hook replaces the default message (for `catch_unwind` and
// thread panics too), gets the payload and the location, and `take_hook` gives back the hook
// in place or the default one, which prints Rust's message.
use std::panic;
use std::thread;

fn main() {
    panic::set_hook(Box::new(|info| {
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => match info.payload().downcast_ref::<String>() {
                Some(s) => format!("formatted: {s}"),
                None => "?".to_string(),
            },
        };
        let loc = info.location().unwrap();
        println!("hook: '{}' at line {} col {} of {}", msg, loc.line(), loc.column(), loc.file());
    }));
    let r = panic::catch_unwind(|| {
        panic!("first");
    });
    println!("caught: {}", r.is_err());
    let n = 3;
    let h = thread::spawn(move || {
        if n > 2 {
            panic!("thread failed with {n}");
        }
    });
    println!("join err: {}", h.join().is_err());
    let old = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        println!("wrapping: {}", info.payload_as_str().unwrap_or("-"));
        old(info);
    }));
    let _ = panic::catch_unwind(|| {
        let v: Vec<i32> = Vec::new();
        v[1]
    });
    let _ = panic::take_hook();
    let d = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        println!("to default");
        d(info);
    }));
    let r = panic::catch_unwind(|| { let x: Option<u8> = None; x.unwrap() });
    println!("end {}", r.is_err());
}
