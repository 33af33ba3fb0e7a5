fn main() {
    for i in 0..3 {
        print!("{i} ");
    }
    println!();
    for i in 1..=3 {
        print!("{i} ");
    }
    println!();
    for i in (1..4).rev() {
        print!("{i} ");
    }
    println!();
    for i in (0..10).step_by(3) {
        print!("{i} ");
    }
    println!();
    for i in (0..=10).rev().step_by(4) {
        print!("{i} ");
    }
    println!();
    for c in 'a'..='e' {
        print!("{c}");
    }
    println!();
    for i in 5..5 {
        println!("never {i}");
    }
    for i in -3i64..-1 {
        print!("{i} ");
    }
    println!();
    let r = 2..6;
    println!("{:?} {} {}", r, r.len(), r.contains(&4));
    println!("{:?}", (1..=4));
    let total: u64 = (1..=100).sum();
    println!("{total}");
    let n = 4;
    for i in 0..n * 2 {
        if i == n {
            break;
        }
        print!("{i}");
    }
    println!();
    for (i, ch) in "héllo".chars().enumerate() {
        print!("{i}:{ch} ");
    }
    println!();
}
