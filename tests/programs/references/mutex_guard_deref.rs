use std::sync::{Arc, Mutex, RwLock};

fn main() {
    let m = Mutex::new(5);
    {
        let mut num = m.lock().unwrap();
        *num += 1;
        *num *= 10;
    }
    println!("m = {:?}", m.lock().unwrap());
    println!("{}", *m.lock().unwrap() + 1);
    let shared = Arc::new(Mutex::new(vec![1, 2]));
    let other = Arc::clone(&shared);
    other.lock().unwrap().push(3);
    println!("{:?} strong={}", shared.lock().unwrap(), Arc::strong_count(&shared));
    let rw = RwLock::new(String::from("read"));
    {
        let r1 = rw.read().unwrap();
        let r2 = rw.read().unwrap();
        println!("{} {}", *r1, r2.len());
    }
    rw.write().unwrap().push_str("/write");
    println!("{}", rw.read().unwrap());
    let inner = m.into_inner().unwrap();
    println!("{inner}");
}
