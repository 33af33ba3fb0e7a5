static LANGUAGE: &str = "Rust";
static THRESHOLD: i32 = 10;
static mut COUNTER: u32 = 0;
static NAMES: [&str; 3] = ["a", "b", "c"];

fn add_to_count(inc: u32) {
    unsafe {
        COUNTER += inc;
    }
}

fn is_big(n: i32) -> bool {
    n > THRESHOLD
}

fn main() {
    println!("{LANGUAGE} {}", is_big(11));
    add_to_count(3);
    add_to_count(4);
    let c = unsafe { COUNTER };
    println!("COUNTER: {c}");
    println!("{}", NAMES.join(""));
}
