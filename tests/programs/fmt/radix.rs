fn main() {
    println!("{:x}", 255);
    println!("{:X}", 255);
    println!("{:#x}", 255);
    println!("{:#X}", 3054);
    println!("{:b}", 10);
    println!("{:#b}", 5u8);
    println!("{:o}", 64);
    println!("{:#o}", 8);
    println!("{:08b}", 5u8);
    println!("{:#010x}", 255);
    println!("{:#06b}", 3);
    println!("{:x}", -1i8);
    println!("{:x}", -1i32);
    println!("{:b}", -2i8);
    println!("{:X}", u64::MAX);
    println!("{:>8x}|", 48879);
    println!("{:<#8x}|", 48879);
    let n = 0xdead_beefu32;
    println!("{n:x} {n:#X} {n}");
    println!("{:x?}", vec![10, 11, 255]);
}
