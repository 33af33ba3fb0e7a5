fn main() {
    let mut v = vec![1, 2, 3];
    println!("{}", v.remove(1));
    let i = v.len() + 3;
    v.remove(i);
}
