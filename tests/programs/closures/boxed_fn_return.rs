fn make_op(name: &str) -> Box<dyn Fn(i32, i32) -> i32> {
    match name {
        "add" => Box::new(|a, b| a + b),
        "mul" => Box::new(|a, b| a * b),
        _ => {
            let fallback = 0;
            Box::new(move |_, _| fallback)
        }
    }
}

fn compose(f: Box<dyn Fn(i32) -> i32>, g: Box<dyn Fn(i32) -> i32>) -> Box<dyn Fn(i32) -> i32> {
    Box::new(move |x| g(f(x)))
}

fn multiplier(k: i32) -> Box<dyn Fn(i32) -> i32> {
    Box::new(move |x| x * k)
}

fn main() {
    for name in ["add", "mul", "pow"] {
        let op = make_op(name);
        println!("{name}: {}", op(6, 7));
    }
    let h = compose(Box::new(|x| x + 1), multiplier(10));
    println!("{}", h(4));
    let ops: Vec<Box<dyn Fn(i32) -> i32>> = vec![Box::new(|x| x - 1), multiplier(3), Box::new(|x| x * x)];
    let results: Vec<i32> = ops.iter().map(|f| f(5)).collect();
    println!("{:?}", results);
    let chained = ops.iter().fold(2, |acc, f| f(acc));
    println!("{chained}");
}
