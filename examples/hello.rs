// The smallest TERAS program: `teras run examples/hello.rs`.
fn main() {
    let name = "TERAS";
    println!("Hello from {name}!");
}
