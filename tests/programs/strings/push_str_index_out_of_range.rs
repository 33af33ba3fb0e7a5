// `s.push_str(v[i])` (an indexed element appended in place by the dispatch loop) with an
// index past the end: Rust's out-of-bounds panic, after the pushes before it.
fn main() {
    let parts = vec!["ab", "cd"];
    let owned: Vec<String> = vec![String::from("X"), String::from("Y")];
    let mut s = String::new();
    for i in 0..3 {
        s.push_str(&owned[i % 2]);
        s.push_str(parts[i]);
        println!("{s}");
    }
}
