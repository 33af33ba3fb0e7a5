fn main() {
    let parts = ["a", "b"].map(|s| s.to_uppercase());
    println!("{:?}", parts);
    let sq = [1, 2, 3].map(|x| x * x);
    let copy = sq;
    println!("{:?} {:?} {}", sq, copy, sq.len());
}
