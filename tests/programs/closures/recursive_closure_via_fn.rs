fn memo_fib(n: usize, memo: &mut Vec<Option<u64>>) -> u64 {
    if let Some(v) = memo[n] {
        return v;
    }
    let v = if n < 2 { n as u64 } else { memo_fib(n - 1, memo) + memo_fib(n - 2, memo) };
    memo[n] = Some(v);
    v
}

fn main() {
    let mut memo = vec![None; 91];
    println!("{}", memo_fib(90, &mut memo));
    let counter = {
        let mut n = 0;
        move || {
            n += 10;
            n
        }
    };
    let mut c = counter;
    c();
    println!("{}", c());
    let adders: Vec<Box<dyn Fn(i32) -> i32>> = (1..=3).map(|k| Box::new(move |x| x + k) as Box<dyn Fn(i32) -> i32>).collect();
    println!("{:?}", adders.iter().map(|f| f(10)).collect::<Vec<_>>());
}
