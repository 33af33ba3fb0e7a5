fn main() {
    print!("partial line, ");
    print!("still partial");
    let v: Vec<i32> = Vec::new();
    let _ = v[0];
}
