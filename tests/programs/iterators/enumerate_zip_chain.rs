fn main() {
    let names = ["a", "b", "c"];
    for (i, n) in names.iter().enumerate() {
        print!("{i}={n} ");
    }
    println!();
    let ages = [30, 40];
    let pairs: Vec<(&str, i32)> = names.iter().copied().zip(ages.iter().copied()).collect();
    println!("{:?}", pairs);
    let dot: i32 = [1, 2, 3].iter().zip([4, 5, 6].iter()).map(|(a, b)| a * b).sum();
    println!("{dot}");
    let all: Vec<i32> = (1..3).chain(7..9).collect();
    println!("{:?}", all);
    let v1 = vec![1];
    let v2 = vec![2, 3];
    println!("{:?}", v1.iter().chain(&v2).rev().collect::<Vec<_>>());
    let zipped3: Vec<(i32, (char, bool))> = (0..).zip("xyz".chars().zip([true, false, true])).collect();
    println!("{:?}", zipped3);
    for (i, c) in "hey".chars().enumerate().skip(1) {
        print!("{i}{c} ");
    }
    println!();
    let (idx, max) = [3, 9, 2].iter().enumerate().max_by_key(|(_, &v)| v).unwrap();
    println!("{idx} {max}");
}
