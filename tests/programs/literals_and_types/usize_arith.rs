fn main() {
    let v = vec![10, 20, 30];
    let n = v.len();
    let mid = n / 2;
    println!("{n} {mid} {}", v[mid]);
    let idx: usize = 2;
    println!("{}", v[idx] + v[idx - 1]);
    let diff = n as i64 - 5;
    println!("{diff}");
    let m = v.len().saturating_sub(5);
    println!("{m}");
    let i: u32 = 1;
    println!("{}", v[i as usize]);
    let pos = v.iter().position(|&x| x == 30).unwrap();
    println!("{}", pos * 100);
}
