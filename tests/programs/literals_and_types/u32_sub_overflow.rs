fn remaining(total: u32, used: u32) -> u32 {
    total - used
}

fn main() {
    println!("{}", remaining(10, 3));
    println!("{}", remaining(3, 10));
}
