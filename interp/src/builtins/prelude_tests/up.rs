fn main() {
    let c = 'ß';
    println!("{}", c.to_uppercase().to_string());
    println!("{}", 'a'.to_uppercase().collect::<String>());
    println!("{:?}", 'Q'.to_lowercase().next());
    println!("{}", (1..3).map(|x| x.to_string()).collect::<String>());
    println!("{}", 5.to_string() + &'x'.to_string());
}
