//! The fast `CallSite` of a native (`call::site_fast` -> `native_into`, the result written
//! straight into the destination register) and its fallbacks: results of every kind land
//! where the general path puts them, a native's panic stops the program at the call, and a
//! native that blocks runs again once woken. Expected outputs are rustc's builds of the same
//! programs.

/// Natives whose results are unit, integers, strings and `Option`s (a fresh one, an old map
/// value), read back in the next statements; then a native's panic (`Vec::remove`).
#[test]
fn native_results_land_in_their_registers_and_panics_stop_at_the_call() {
    let src = r#"
use std::collections::HashMap;
fn main() {
    let mut m: HashMap<String, usize> = HashMap::new();
    let mut s = String::new();
    let mut total = 0;
    for i in 0..6 {
        s.push_str("ab");
        let k = format!("{}-{}", s.len() % 4, i % 2);
        let c = match m.get(&k) {
            Some(c) => *c,
            None => 0,
        };
        let old = m.insert(k, c + 1);
        total += old.unwrap_or(0) + s.len();
    }
    println!("{} {} {}", s, m.len(), total);
    let mut v = vec![1, 2, 3];
    let last = v.pop();
    println!("{:?} {:?}", last, v);
    v.remove(7);
    println!("unreachable");
}
"#;
    let (out, outcome) = crate::test_support::run_program(src);
    assert_eq!(out, "abababababab 2 48\nSome(3) [1, 2]\n", "{out}");
    assert!(matches!(outcome, crate::session::Outcome::Panicked), "v.remove(7) panics");
}

/// `thread::sleep` and `JoinHandle::join` block (`NativeError::Block`) on the fast path: the
/// call runs again after the wake-up, and its result still reaches its register.
#[test]
fn a_blocking_native_on_the_fast_path_runs_again() {
    let src = r#"
use std::time::Duration;
fn main() {
    let h = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(5));
        let mut s = String::new();
        s.push_str("done");
        s
    });
    std::thread::sleep(Duration::from_millis(1));
    let r = h.join().unwrap();
    println!("{} {}", r, r.len());
}
"#;
    let (out, _) = crate::test_support::run_program(src);
    assert_eq!(out, "done 4\n");
}
