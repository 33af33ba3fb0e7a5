fn main() {
    let mut count = 0;
    'counting_up: loop {
        println!("count = {count}");
        let mut remaining = 10;
        loop {
            println!("remaining = {remaining}");
            if remaining == 9 {
                break;
            }
            if count == 2 {
                break 'counting_up;
            }
            remaining -= 1;
        }
        count += 1;
    }
    println!("End count = {count}");
    'outer: for i in 0..5 {
        for j in 0..5 {
            if (i + j) % 3 == 2 {
                continue 'outer;
            }
            if i == 4 {
                break 'outer;
            }
            print!("({i},{j}) ");
        }
    }
    println!();
    let v = 'search: {
        for x in [3, 8, 12] {
            if x > 5 {
                break 'search x;
            }
        }
        0
    };
    println!("{v}");
    let pair = 'find: loop {
        for a in 1..10 {
            for b in 1..10 {
                if a * b == 42 {
                    break 'find (a, b);
                }
            }
        }
        break (0, 0);
    };
    println!("{:?}", pair);
}
