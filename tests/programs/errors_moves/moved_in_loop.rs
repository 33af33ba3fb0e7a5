fn total(v: Vec<i32>) -> i32 {
    v.iter().sum()
}

fn main() {
    let numbers = vec![1, 2, 3];
    let mut sum = 0;
    for _ in 0..3 {
        sum += total(numbers);
    }
    println!("{sum}");
}
