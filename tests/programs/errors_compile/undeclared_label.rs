fn main() {
    for i in 0..3 {
        if i == 1 {
            continue 'outer;
        }
        println!("{i}");
    }
}
