// Matching TryLockError's variants: WouldBlock while another guard is held, Poisoned(e)
// after a panic while locked (e.into_inner() still gives the guard).
use std::sync::{Mutex, RwLock, TryLockError};
use std::thread;

fn describe<T: std::fmt::Debug>(r: Result<std::sync::MutexGuard<'_, T>, TryLockError<std::sync::MutexGuard<'_, T>>>) -> String {
    match r {
        Ok(g) => format!("locked, value {:?}", *g),
        Err(TryLockError::WouldBlock) => "would block".to_string(),
        Err(TryLockError::Poisoned(e)) => format!("poisoned, value {:?}", *e.into_inner()),
    }
}

fn main() {
    let m = Mutex::new(5);
    println!("{}", describe(m.try_lock()));
    {
        let _held = m.lock().unwrap();
        println!("{}", describe(m.try_lock()));
    }

    thread::scope(|s| {
        let r = s
            .spawn(|| {
                let mut g = m.lock().unwrap();
                *g += 1;
                panic!("poisoning the mutex");
            })
            .join();
        println!("the thread panicked: {}", r.is_err());
    });
    println!("{}", describe(m.try_lock()));

    let value = match m.try_lock() {
        Ok(g) => *g,
        Err(TryLockError::Poisoned(e)) => {
            let mut g = e.into_inner();
            *g += 10;
            *g
        }
        Err(TryLockError::WouldBlock) => -1,
    };
    println!("recovered value {}", value);

    if let Err(TryLockError::Poisoned(e)) = m.try_lock() {
        println!("still poisoned: {}", e);
    }
    m.clear_poison();
    println!("after clear_poison: {}", describe(m.try_lock()));

    let rw = RwLock::new(vec![1]);
    let r = rw.read().unwrap();
    match rw.try_write() {
        Ok(_) => println!("write acquired"),
        Err(TryLockError::WouldBlock) => println!("try_write would block while reading"),
        Err(TryLockError::Poisoned(_)) => println!("poisoned"),
    }
    match rw.try_read() {
        Ok(g) => println!("second reader sees {:?}", *g),
        Err(e) => println!("error {:?}", e),
    }
    drop(r);
    let e: TryLockError<()> = TryLockError::WouldBlock;
    println!("{:?}", e);
}
