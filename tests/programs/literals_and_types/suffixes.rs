fn main() {
    let a = 5u8;
    let b = 300u16;
    let c = -7i64;
    let d = 42usize;
    let e = 3.5f32;
    let f = 1_000_000i32;
    let g = 0xffu8;
    let h = 0b1010_1010u8;
    let i = 0o777u16;
    let j = b'A';
    println!("{a} {b} {c} {d} {e} {f} {g} {h} {i} {j}");
    println!("{}", std::mem::size_of_val(&a));
    println!("{}", std::mem::size_of_val(&c));
    let k = 1_u128 << 100;
    println!("{k}");
    let l = i128::MIN;
    println!("{l}");
}
