use std::sync::{Arc, Mutex};

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
    let inner = m.into_inner().unwrap();
    println!("{inner}");
}
