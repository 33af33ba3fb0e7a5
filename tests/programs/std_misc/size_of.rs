use std::mem;

fn main() {
    println!("{} {} {} {}", mem::size_of::<u8>(), mem::size_of::<i32>(), mem::size_of::<f64>(), mem::size_of::<char>());
    println!("{} {}", std::mem::size_of::<bool>(), std::mem::size_of::<usize>());
    println!("{} {} {}", mem::size_of::<String>(), mem::size_of::<Vec<u64>>(), mem::size_of::<&str>());
    println!("{} {}", mem::size_of::<Box<i32>>(), mem::size_of::<Option<Box<i32>>>());
    println!("{} {}", mem::size_of::<Option<u32>>(), mem::size_of::<Option<&u8>>());
    println!("{} {}", mem::size_of::<(u8, u32, u8)>(), mem::size_of::<[u16; 5]>());
    println!("{}", mem::size_of::<()>());
    let x = 5u64;
    let arr = [1i32, 2, 3];
    println!("{} {}", mem::size_of_val(&x), mem::size_of_val(&arr));
}
