fn main() {
    let record = (String::from("name"), 42);
    let (label, value) = record;
    println!("{label} {value}");
    let again = record;
    println!("{:?}", again);
}
