fn first_even(v: &[i32]) -> Option<i32> {
    let check = |x: i32| {
        if x % 2 != 0 {
            return false;
        }
        true
    };
    for &x in v {
        if check(x) {
            return Some(x);
        }
    }
    None
}

fn main() {
    println!("{:?} {:?}", first_even(&[1, 3, 4, 6]), first_even(&[1]));
    let mut found = Vec::new();
    for i in 0..4 {
        match i {
            0 => continue,
            3 => break,
            _ => {}
        }
        let mut j = 0;
        while j < 10 {
            j += 1;
            if j % 2 == 0 {
                continue;
            }
            if j > 5 {
                break;
            }
            found.push((i, j));
        }
    }
    println!("{:?}", found);
    let mut stack = vec![vec![1, 2], vec![3]];
    let mut total = 0;
    while let Some(mut inner) = stack.pop() {
        while let Some(x) = inner.pop() {
            if x == 2 {
                continue;
            }
            total += x;
        }
    }
    println!("{total}");
    let v: Vec<i32> = (1..=10)
        .map(|x| {
            if x > 5 {
                return x * 100;
            }
            x
        })
        .collect();
    println!("{:?}", v);
    let mut n = 0;
    let r = loop {
        n += 1;
        let done = match n {
            1 | 2 => false,
            _ => true,
        };
        if done {
            break n * 10;
        }
    };
    println!("{r}");
}
