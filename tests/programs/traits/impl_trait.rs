use std::fmt::Display;

fn notify(item: &impl Display) -> String {
    format!("Breaking news! {}", item)
}

fn evens(limit: u32) -> impl Iterator<Item = u32> {
    (0..limit).filter(|x| x % 2 == 0)
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn describe_all(items: impl IntoIterator<Item = impl Display>) -> String {
    items.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

fn main() {
    println!("{}", notify(&42));
    println!("{}", notify(&"str"));
    let v: Vec<u32> = evens(10).collect();
    println!("{:?}", v);
    println!("{}", evens(100).sum::<u32>());
    let add5 = make_adder(5);
    println!("{}", add5(10));
    println!("{}", describe_all(vec![1, 2, 3]));
    println!("{}", describe_all(["x", "y"]));
}
