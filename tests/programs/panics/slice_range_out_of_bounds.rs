fn tail(v: &[u8], from: usize) -> &[u8] {
    &v[from..]
}

fn main() {
    let v = [1u8, 2, 3];
    println!("{:?}", tail(&v, 1));
    println!("{:?}", tail(&v, 5));
}
