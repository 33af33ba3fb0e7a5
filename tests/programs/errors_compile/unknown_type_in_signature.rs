fn area(s: &Shape) -> f64 {
    0.0
}

fn main() {
    println!("start");
}
