use std::collections::HashMap;

fn ackermann(m: u64, n: u64) -> u64 {
    match (m, n) {
        (0, n) => n + 1,
        (m, 0) => ackermann(m - 1, 1),
        (m, n) => ackermann(m - 1, ackermann(m, n - 1)),
    }
}

fn count_paths(r: usize, c: usize, memo: &mut HashMap<(usize, usize), u64>) -> u64 {
    if r == 0 || c == 0 {
        return 1;
    }
    if let Some(&v) = memo.get(&(r, c)) {
        return v;
    }
    let v = count_paths(r - 1, c, memo) + count_paths(r, c - 1, memo);
    memo.insert((r, c), v);
    v
}

fn main() {
    println!("{}", ackermann(2, 3));
    println!("{}", ackermann(3, 3));
    let mut memo = HashMap::new();
    println!("{}", count_paths(16, 16, &mut memo));
    println!("{}", memo.len());
}
