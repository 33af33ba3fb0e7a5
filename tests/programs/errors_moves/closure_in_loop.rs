use std::thread;

fn main() {
    let data = vec![1, 2, 3];
    let mut handles = Vec::new();
    for i in 0..3 {
        handles.push(thread::spawn(move || {
            println!("thread {i}: {:?}", data);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}
