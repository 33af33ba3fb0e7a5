fn main() {
    let v = vec![1, 2];
    assert!(v.is_empty());
}
