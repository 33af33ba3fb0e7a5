use std::thread;

fn main() {
    let greeting = String::from("hi");
    let h = thread::Builder::new()
        .name("worker".to_string())
        .spawn(|| {
            println!("{}", greeting.len());
        })
        .unwrap();
    h.join().unwrap();
}
