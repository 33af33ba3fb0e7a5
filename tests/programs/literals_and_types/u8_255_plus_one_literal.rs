// The example, verbatim. rustc rejects it at compile time through the deny-by-default
// `arithmetic_overflow` lint unless the lint is allowed; allowed, the binary panics at run time.
#![allow(arithmetic_overflow)]

fn main() {
    let x: u8 = 255;
    println!("x = {x}");
    let y = x + 1;
    println!("y = {y}");
}
