// A match scrutinee's temporary guard lives to the end of the statement holding the match;
// an if-let's through its else block; a block's tail expression's to the end of the
// enclosing let (edition 2021, rustc's output).
use std::sync::Mutex;
fn main() {
    let m = Mutex::new(vec![1]);
    if let Some(99) = m.lock().unwrap().first().copied() {
        println!("then");
    } else {
        println!("else held={}", m.try_lock().is_err());
    }
    let x = { m.lock().unwrap().len() } + m.try_lock().is_ok() as usize;
    println!("{x}");
    let y = match m.lock().unwrap().len() { n => n } + m.try_lock().is_ok() as usize;
    println!("{y}");
}
