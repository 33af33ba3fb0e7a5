// `write!`/`writeln!` whose receiver is a temporary lock guard (`m.lock().unwrap()`): the
// guard dies at the end of the statement, so the lock is free again right afterwards, for
// this thread (`try_lock`) and for other threads, which each write through the same kind of
// temporary guard. Covers `Mutex<Vec<u8>>`, `Mutex<Stdout>`, `Mutex<String>` (fmt::Write),
// `Mutex<File>`, a `RefCell` borrow guard and `let _ = writeln!(..)`.
use std::cell::RefCell;
use std::fmt::Write as FmtWrite;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // Threads writing through a shared Mutex<Vec<u8>>, each line via a temporary guard.
    let buf = Arc::new(Mutex::new(Vec::<u8>::new()));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let buf = Arc::clone(&buf);
            thread::spawn(move || {
                for j in 0..3 {
                    writeln!(buf.lock().unwrap(), "thread {} line {}", i, j).unwrap();
                    write!(buf.lock().unwrap(), "").unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let free = buf.try_lock().is_ok();
    let text = String::from_utf8(buf.lock().unwrap().clone()).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort();
    println!("vec: {} lines, free after the threads: {}", lines.len(), free);
    for l in &lines {
        println!("  {}", l);
    }

    // Threads writing to stdout through a shared Mutex<Stdout> (the same line every time, so
    // any interleaving prints the same); the main thread locks it again after the joins.
    let out = Arc::new(Mutex::new(std::io::stdout()));
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let out = Arc::clone(&out);
            thread::spawn(move || {
                writeln!(out.lock().unwrap(), "hello through a temporary guard").unwrap();
                let _ = writeln!(out.lock().unwrap(), "hello through a temporary guard");
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let free = out.try_lock().is_ok();
    writeln!(out.lock().unwrap(), "joined, free: {}", free).unwrap();

    // In the main thread: each statement's guard is gone at its end.
    let m = Mutex::new(std::io::stdout());
    writeln!(m.lock().unwrap(), "stdout").unwrap();
    println!("stdout free: {}", m.try_lock().is_ok());
    write!(m.lock().unwrap(), "no newline, ").unwrap();
    writeln!(m.lock().unwrap()).unwrap();
    println!("stdout free: {}", m.try_lock().is_ok());

    let s = Mutex::new(String::new());
    writeln!(s.lock().unwrap(), "fmt {}", 1).unwrap();
    let free = s.try_lock().is_ok();
    println!("string free: {} {:?}", free, s.lock().unwrap());

    let c = RefCell::new(String::new());
    write!(c.borrow_mut(), "cell").unwrap();
    let free = c.try_borrow_mut().is_ok();
    println!("cell borrowable: {} {:?}", free, c.borrow());

    let path = std::env::temp_dir().join(format!("teras_writeln_guard_{}.txt", std::process::id()));
    let f = Mutex::new(std::fs::File::create(&path).unwrap());
    writeln!(f.lock().unwrap(), "file line").unwrap();
    println!("file free: {}", f.try_lock().is_ok());
    drop(f);
    println!("file: {:?}", std::fs::read_to_string(&path).unwrap());
    std::fs::remove_file(&path).unwrap();

    // A bound guard still works as before.
    let mut g = m.lock().unwrap();
    writeln!(g, "bound guard").unwrap();
    drop(g);
    println!("stdout free: {}", m.try_lock().is_ok());
}
