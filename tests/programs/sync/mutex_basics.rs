// Mutex on one thread: guards, try_lock, into_inner, get_mut, Debug.
use std::sync::{Mutex, TryLockError};

fn held(m: &Mutex<Vec<i32>>) -> bool {
    match m.try_lock() {
        Err(TryLockError::WouldBlock) => true,
        Err(_) => panic!("poisoned"),
        Ok(_) => false,
    }
}

fn total(g: std::sync::MutexGuard<Vec<i32>>) -> i32 {
    g.iter().sum()
}

fn main() {
    let m = Mutex::new(vec![1, 2]);
    let g = m.lock().unwrap();
    println!("guard {:?}, len {}, held {}", g, g.len(), held(&m));
    println!("while locked: {:?}", m);
    drop(g);
    println!("after drop: held {}, {:?}", held(&m), m);
    m.lock().unwrap().push(3);
    {
        let mut g = m.lock().unwrap();
        g.push(4);
        g[0] = 10;
        println!("in scope: held {}", held(&m));
    }
    println!("after scope: held {}", held(&m));
    println!("total {}", total(m.lock().unwrap()));
    let len = m.lock().unwrap().len();
    println!("len {} held {}", len, held(&m));
    if let Ok(g) = m.lock() {
        println!("if-let guard {:?} held {}", *g, held(&m));
    }
    for i in 0..3 {
        let mut g = m.lock().unwrap();
        g.push(i * 100);
    }
    println!("poisoned {}", m.is_poisoned());
    let r = m.try_lock();
    println!("try_lock ok {}", r.is_ok());
    drop(r);

    let counter = Mutex::new(0u64);
    for _ in 0..5 {
        *counter.lock().unwrap() += 2;
    }
    let mut counter = counter;
    *counter.get_mut().unwrap() += 1;
    println!("counter {:?}", counter);
    println!("into_inner {:?}", counter.into_inner());
    println!("vec {:?}", m.into_inner().unwrap());

    let e = Mutex::new(String::from("x"));
    let _g = e.lock().unwrap();
    println!("{:?}", e.try_lock().err());
}
