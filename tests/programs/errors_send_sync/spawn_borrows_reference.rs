// A non-move `thread::spawn` closure and a local holding a reference (edition 2021 capture
// rules): using the reference itself (`{d}`, `let x = d`, `d == ..`) borrows the local: E0373;
// a method call, an index or `*d` only reaches the referent (`d.len()` is fine for a
// `&'static str`), but a reference to a local of the function must then live for 'static:
// E0597. A scoped thread using a reference declared inside the scope as a whole: E0373.
use std::thread;

static WORDS: [&str; 2] = ["a", "b"];

fn referent_only() {
    let d: &'static str = "hi";
    let w: &'static [&str] = &WORDS;
    let n: &'static i32 = &5;
    let h = thread::spawn(|| println!("{} {} {}", d.len(), w[1], *n));
    h.join().unwrap();
}

fn prints_reference() {
    let d: &'static str = "hi";
    let h = thread::spawn(|| println!("{}", d));
    h.join().unwrap();
}

fn copies_reference() {
    let d: &'static str = "hi";
    let h = thread::spawn(|| {
        let x = d;
        x.len()
    });
    h.join().unwrap();
}

fn compares_reference() {
    let d: &'static str = "hi";
    let h = thread::spawn(|| d == "hi");
    h.join().unwrap();
}

fn borrows_local() {
    let v = vec![1, 2, 3];
    let r = &v;
    let h = thread::spawn(move || r.len());
    h.join().unwrap();
}

fn scoped_reference() {
    let data = vec![1, 2, 3, 4];
    thread::scope(|s| {
        for chunk in data.chunks(2) {
            s.spawn(|| println!("{}", chunk.len()));
            s.spawn(|| println!("{:?}", chunk));
        }
    });
}

fn main() {
    referent_only();
    prints_reference();
    copies_reference();
    compares_reference();
    borrows_local();
    scoped_reference();
}
