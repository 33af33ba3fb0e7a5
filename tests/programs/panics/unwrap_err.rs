fn main() {
    let r: Result<i32, String> = Err("boom".to_string());
    println!("start");
    let n = r.unwrap();
    println!("{n}");
}
