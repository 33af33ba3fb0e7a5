fn main() {
    let mut number = 3;
    while number != 0 {
        println!("{number}!");
        number -= 1;
    }
    println!("LIFTOFF!!!");
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        println!("popped {top}");
    }
    let a = [10, 20, 30, 40, 50];
    let mut index = 0;
    while index < 5 {
        print!("{} ", a[index]);
        index += 1;
    }
    println!();
    let mut it = "a,b,c".split(',');
    while let Some(part) = it.next() {
        print!("<{part}>");
    }
    println!();
    let mut x = 100;
    while x > 1 {
        x /= 3;
        if x == 11 {
            continue;
        }
        println!("x = {x}");
    }
    let mut pairs = vec![(1, 'a'), (2, 'b')];
    while let Some((n, c)) = pairs.pop() {
        println!("{n}{c}");
    }
}
