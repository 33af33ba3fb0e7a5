fn main() {
    let mut counter = 0;
    let result = loop {
        counter += 1;
        if counter == 10 {
            break counter * 2;
        }
    };
    println!("result {result}");
    let mut n = 27u64;
    let mut steps = 0;
    let steps_taken = loop {
        if n == 1 {
            break steps;
        }
        n = if n % 2 == 0 { n / 2 } else { 3 * n + 1 };
        steps += 1;
    };
    println!("collatz steps {steps_taken}");
    let found = loop {
        counter += 7;
        if counter % 5 == 0 {
            break Some(counter);
        }
        if counter > 100 {
            break None;
        }
    };
    println!("{:?}", found);
}
