fn main() {
    let v = vec![(1, "one".to_string()), (2, "two".to_string())];
    for (n, name) in &v {
        println!("{n} {name}");
    }
    for &(n, ref name) in &v {
        println!("{} {}", n + 1, name.len());
    }
    let r = &Some(5);
    if let Some(x) = r {
        println!("{}", x + 1);
    }
    match *r {
        Some(x) => println!("deref {x}"),
        None => {}
    }
    let nums = [1, 2, 3];
    let doubled: Vec<i32> = nums.iter().map(|&x| x * 2).collect();
    println!("{:?}", doubled);
    let evens: Vec<&i32> = nums.iter().filter(|&&x| x % 2 == 1).collect();
    println!("{:?}", evens);
    let mut opt = Some(String::from("hi"));
    if let Some(s) = &mut opt {
        s.push('!');
    }
    println!("{:?}", opt);
    let point = &(3, 4);
    let &(a, b) = point;
    println!("{}", a * b);
}
