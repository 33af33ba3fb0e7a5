fn window(v: &[i32], a: usize, b: usize) -> &[i32] {
    &v[a..b]
}

fn main() {
    let v = vec![1, 2, 3];
    println!("{:?}", window(&v, 0, 2));
    println!("{:?}", window(&v, 2, 1));
}
