// A panic in a scoped thread that nobody joined is re-raised by `scope`.
use std::thread;

fn main() {
    let v = vec![1, 2, 3];
    let joined = thread::scope(|s| {
        let h = s.spawn(|| {
            if v.len() == 3 {
                panic!("joined thread fails");
            }
        });
        h.join().is_err()
    });
    println!("explicitly joined panic handled: {joined}");
    thread::scope(|s| {
        s.spawn(|| {
            println!("sum {}", v.iter().sum::<i32>());
        });
    });
    println!("before the failing scope");
    thread::scope(|s| {
        s.spawn(|| {
            let i = v.len() + 7;
            v[i]
        });
    });
    println!("not reached");
}
