// A scoped thread may borrow what outlives the scope, but not a variable declared inside it:
// `total` and the loop's `label` die before the scope joins its threads. (`data` is fine, and
// so is `chunk.len()`: edition 2021 captures the place `*chunk`, which borrows `data`.)
use std::thread;

fn main() {
    let data = vec![1, 2, 3, 4, 5];
    thread::scope(|s| {
        let total = data.len();
        s.spawn(|| println!("{} of {}", data[0], total));
        for (i, chunk) in data.chunks(2).enumerate() {
            let label = format!("chunk {i}");
            s.spawn(|| println!("{label}: {}", chunk.len()));
        }
    });
}
