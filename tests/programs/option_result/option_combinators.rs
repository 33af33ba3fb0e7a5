fn find_user(id: u32) -> Option<&'static str> {
    match id {
        1 => Some("ann"),
        2 => Some("bob"),
        _ => None,
    }
}

fn main() {
    let some = Some(4);
    let none: Option<i32> = None;
    println!("{:?} {:?}", some.map(|x| x * 2), none.map(|x| x * 2));
    println!("{:?}", some.and_then(|x| if x > 3 { Some(x - 3) } else { None }));
    println!("{:?}", some.filter(|x| x % 2 == 1));
    println!("{} {}", some.unwrap_or(0), none.unwrap_or(0));
    println!("{}", none.unwrap_or_else(|| 7 * 6));
    println!("{}", none.unwrap_or_default());
    println!("{:?} {:?}", some.ok_or("missing"), none.ok_or("missing"));
    println!("{:?}", none.ok_or_else(|| format!("no {}", "value")));
    println!("{:?} {:?}", some.or(Some(9)), none.or(Some(9)));
    println!("{:?}", none.or_else(|| Some(1)));
    println!("{:?}", some.xor(None::<i32>));
    println!("{} {}", some.is_some(), none.is_none());
    println!("{}", some.is_some_and(|x| x > 10));
    println!("{:?}", some.zip(Some('c')));
    println!("{}", some.map_or(-1, |x| x + 1));
    println!("{}", none.map_or_else(|| -2, |x| x + 1));
    println!("{:?}", find_user(1).map(|n| n.len()));
    println!("{:?}", find_user(3).map(|n| n.to_uppercase()).unwrap_or_else(|| "guest".to_string()));
    let mut slot = Some(3);
    if let Some(x) = slot.as_mut() {
        *x += 1;
    }
    println!("{:?}", slot);
    println!("{:?} {:?}", slot.take(), slot);
    println!("{:?}", slot.get_or_insert(10));
    println!("{:?}", slot.replace(11));
    println!("{:?}", slot.insert(12));
    let name: Option<String> = Some("x".to_string());
    let r: Option<&str> = name.as_deref();
    println!("{:?} {:?}", r, name);
    println!("{:?}", Some(Some(1)).flatten());
    println!("{}", Some(3).expect("has a value"));
    println!("{:?}", Some(2).iter().chain(None.iter()).collect::<Vec<_>>());
}
