fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut it = s.chars().peekable();
    while let Some(&c) = it.peek() {
        if c.is_ascii_digit() {
            let mut num = String::new();
            while let Some(&d) = it.peek() {
                if d.is_ascii_digit() {
                    num.push(d);
                    it.next();
                } else {
                    break;
                }
            }
            out.push(num);
        } else if c == ' ' {
            it.next();
        } else {
            out.push(c.to_string());
            it.next();
        }
    }
    out
}

fn main() {
    println!("{:?}", tokenize("12+345 * 6"));
    let mut p = [1, 2, 3].iter().peekable();
    println!("{:?}", p.peek());
    println!("{:?}", p.next());
    println!("{:?}", p.next_if(|&&x| x == 2));
    println!("{:?}", p.next_if_eq(&&9));
    println!("{:?}", p.peek());
    println!("{:?} {:?}", p.next(), p.peek());
    let runs = {
        let data = [1, 1, 2, 2, 2, 3, 1];
        let mut it = data.iter().peekable();
        let mut runs = Vec::new();
        while let Some(&x) = it.next() {
            let mut n = 1;
            while it.peek() == Some(&&x) {
                it.next();
                n += 1;
            }
            runs.push((x, n));
        }
        runs
    };
    println!("{:?}", runs);
}
