fn main() {
    let v = vec![10, 20, 30, 40];
    println!("{:?}", v.iter().last());
    println!("{:?}", v.iter().nth(2));
    println!("{:?}", v.iter().nth(10));
    let mut it = v.iter();
    println!("{:?} {:?}", it.nth(0), it.nth(0));
    let (even, odd): (Vec<i32>, Vec<i32>) = (1..=10).partition(|n| n % 2 == 0);
    println!("{:?} {:?}", even, odd);
    let (short, long): (Vec<&str>, Vec<&str>) = ["a", "bbb", "cc", "dddd"].iter().partition(|w| w.len() < 3);
    println!("{:?} {:?}", short, long);
    let pairs = vec![(1, 'a'), (2, 'b'), (3, 'c')];
    let (nums, chars): (Vec<i32>, Vec<char>) = pairs.into_iter().unzip();
    println!("{:?} {:?}", nums, chars);
    let (sq, cu): (Vec<u32>, Vec<u32>) = (1..4u32).map(|x| (x * x, x.pow(3))).unzip();
    println!("{:?} {:?}", sq, cu);
    println!("{:?}", "abc".chars().last());
    println!("{:?}", (0..5).rev().nth(1));
}
