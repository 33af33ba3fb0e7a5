fn main() {
    let a = 256u8;
    let b = 70000u16;
    let c = -129i8;
    println!("{a} {b} {c}");
}
