fn main() {
    let v = [1, 2, 3, 4, 5];
    for w in v.windows(2) {
        print!("{:?} ", w);
    }
    println!();
    let increasing = v.windows(2).all(|w| w[0] < w[1]);
    println!("{increasing}");
    let sums: Vec<i32> = v.windows(3).map(|w| w.iter().sum()).collect();
    println!("{:?}", sums);
    for c in v.chunks(2) {
        print!("{:?} ", c);
    }
    println!();
    let exact: Vec<&[i32]> = v.chunks_exact(2).collect();
    println!("{:?}", exact);
    println!("{:?}", v.rchunks(2).collect::<Vec<_>>());
    let mut m = vec![0; 6];
    for (i, chunk) in m.chunks_mut(4).enumerate() {
        for x in chunk.iter_mut() {
            *x = i;
        }
    }
    println!("{:?}", m);
    let text = "abcdefg";
    let parts: Vec<String> = text.as_bytes().chunks(3).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
    println!("{:?}", parts);
    println!("{}", v.windows(10).count());
}
