fn main() {
    let names = ["ab", "héé", "日本", "x"];
    for n in names {
        println!("[{:<6}] [{:>6}] [{:^6}]", n, n, n);
    }
    println!("[{:-^7}]", "ñ");
    let s = String::from("café");
    println!("{} {}", s.len(), s.chars().count());
    println!("[{:.3}]", s);
    println!("[{:6.2}]", "äöü");
}
