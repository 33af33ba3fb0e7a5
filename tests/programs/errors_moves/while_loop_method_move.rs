fn main() {
    let mut i = 0;
    let label = Some(String::from("n"));
    while i < 3 {
        let s = label.unwrap_or_default();
        println!("{s}{i}");
        i += 1;
    }
}
