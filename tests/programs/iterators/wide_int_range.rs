fn main() {
    let big: u128 = 1 << 100;
    let mut n = 0;
    for i in big..big + 3 {
        println!("{i}");
        n += 1;
    }
    for i in (i128::MAX - 2)..=i128::MAX {
        println!("{i}");
    }
    for i in (i128::MIN..i128::MIN + 2).rev() {
        println!("{i}");
    }
    let v: Vec<u128> = (u128::MAX - 3..u128::MAX).step_by(2).collect();
    println!("{:?} {n}", v);
    let s: u128 = (big..big + 4).sum();
    println!("{s}");
    println!("{}", (big..big + 10).count());
    println!("{:?}", (big..=big + 1).last());
    let r = (1u128 << 70)..(1u128 << 70) + 5;
    println!("{} {:?}", r.contains(&((1u128 << 70) + 2)), r.clone().count());
    for i in -2i128..2 {
        print!("{i} ");
    }
    println!();
    let x: i128 = -(1 << 80);
    for i in (x..x + 2).map(|v| v * 2) {
        println!("{i}");
    }
}
