fn add_one(x: i32) -> i32 {
    x + 1
}

fn do_twice(f: fn(i32) -> i32, arg: i32) -> i32 {
    f(arg) + f(arg)
}

fn apply_all(fs: &[fn(i32) -> i32], x: i32) -> Vec<i32> {
    fs.iter().map(|f| f(x)).collect()
}

fn negate(x: i32) -> i32 {
    -x
}

#[derive(Debug)]
enum Status {
    Value(u32),
}

fn main() {
    println!("{}", do_twice(add_one, 5));
    println!("{:?}", apply_all(&[add_one, negate, |x| x * 100], 3));
    let list_of_numbers = vec![1, 2, 3];
    let list_of_strings: Vec<String> = list_of_numbers.iter().map(ToString::to_string).collect();
    println!("{:?}", list_of_strings);
    let list_of_statuses: Vec<Status> = (0u32..3).map(Status::Value).collect();
    println!("{:?}", list_of_statuses);
    let f: fn(i32) -> i32 = add_one;
    println!("{}", f(f(0)));
    let words = vec!["a", "b"];
    let upper: Vec<String> = words.iter().map(|s| s.to_uppercase()).collect();
    println!("{:?}", upper);
    let opts = vec![Some(1), None, Some(3)];
    let flat: Vec<i32> = opts.into_iter().flatten().collect();
    println!("{:?}", flat);
}
