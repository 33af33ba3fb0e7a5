// The Book, chapter 16 (listing 16-5): a `move` closure takes ownership of the vector.
use std::thread;

fn main() {
    let v = vec![1, 2, 3];

    let handle = thread::spawn(move || {
        println!("Here's a vector: {v:?}");
    });

    handle.join().unwrap();
}
