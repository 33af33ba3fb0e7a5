fn main() {
    let mut v = vec!['a'];
    v.insert(1, 'b');
    println!("{:?}", v);
    v.insert(5, 'c');
}
