fn first_negative(v: &[i32]) -> Option<usize> {
    for (i, &x) in v.iter().enumerate() {
        if x < 0 {
            return Some(i);
        }
    }
    None
}

fn describe(n: u32) -> String {
    if n == 0 {
        return "none".to_string();
    }
    let mut s = String::new();
    for _ in 0..n {
        s.push('*');
    }
    s
}

fn side_effect(log: &mut Vec<String>) {
    log.push("start".to_string());
    if log.len() > 1 {
        return;
    }
    log.push("end".to_string());
}

fn main() {
    println!("{:?}", first_negative(&[1, 2, -3, -4]));
    println!("{:?}", first_negative(&[1]));
    println!("{} {}", describe(0), describe(3));
    let mut log = Vec::new();
    side_effect(&mut log);
    side_effect(&mut log);
    println!("{:?}", log);
}
