fn main() {
    let x = 5;
    let x = x + 1;
    {
        let x = x * 2;
        println!("inner {x}");
    }
    println!("outer {x}");
    let spaces = "   ";
    let spaces = spaces.len();
    println!("{spaces}");
    let mut count = 0;
    count += 1;
    count *= 10;
    count -= 3;
    count /= 2;
    count %= 4;
    println!("{count}");
    let mut bits = 0b1100u8;
    bits |= 1;
    bits &= 0b1101;
    bits ^= 0b0100;
    bits <<= 2;
    bits >>= 1;
    println!("{bits}");
    let (a, b): (i64, f32) = (1, 2.0);
    println!("{a} {b}");
    let tup = (500, 6.4, 'q');
    let (_, y, _) = tup;
    println!("{y} {}", tup.2);
    let arr: [i32; 5] = [3; 5];
    println!("{:?} {}", arr, arr.len());
}
