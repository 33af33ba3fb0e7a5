fn main() {
    let x = 5;
    let y = dbg!(x * 2) + 1;
    println!("{y}");
    let v = dbg!(vec![1, 2]);
    println!("{:?}", v);
}
