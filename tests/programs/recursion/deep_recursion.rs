fn depth(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        1 + depth(n - 1)
    }
}

fn sum_list(v: &[i64]) -> i64 {
    if v.is_empty() {
        0
    } else {
        v[0] + sum_list(&v[1..])
    }
}

fn main() {
    println!("{}", depth(10000));
    let v: Vec<i64> = (1..=5000).collect();
    println!("{}", sum_list(&v));
}
