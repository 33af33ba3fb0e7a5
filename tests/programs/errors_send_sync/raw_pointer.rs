use std::thread;

fn main() {
    let x = 42;
    let p = &x as *const i32;
    let h = thread::spawn(move || {
        println!("{:?}", p);
    });
    h.join().unwrap();
}
