fn main() {
    let a = 2 + 2;
    assert_eq!(a, 4);
    println!("first ok");
    let v = vec![1, 2, 3];
    assert_eq!(v.len(), 4);
}
