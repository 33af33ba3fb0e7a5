fn main() {
    let v: Vec<i32> = (1..=10).collect();
    println!("{:?}", v.iter().rev().collect::<Vec<_>>());
    println!("{:?}", v.iter().take(3).collect::<Vec<_>>());
    println!("{:?}", v.iter().skip(7).collect::<Vec<_>>());
    println!("{:?}", v.iter().skip(2).take(3).collect::<Vec<_>>());
    println!("{:?}", v.iter().take_while(|&&x| x < 4).collect::<Vec<_>>());
    println!("{:?}", v.iter().skip_while(|&&x| x < 8).collect::<Vec<_>>());
    println!("{:?}", v.iter().step_by(3).collect::<Vec<_>>());
    println!("{:?}", v.iter().rev().step_by(4).collect::<Vec<_>>());
    println!("{:?}", v.iter().take(100).count());
    println!("{:?}", (0..).take(3).collect::<Vec<u8>>());
    println!("{:?}", (1..).map(|x| x * x).take_while(|&x| x < 50).collect::<Vec<i32>>());
    println!("{:?}", [1, 5, 2, 7].iter().take_while(|&&x| x < 6).collect::<Vec<_>>());
    println!("{:?}", "  indented".chars().skip_while(|c| c.is_whitespace()).collect::<String>());
    println!("{:?}", v.iter().rev().skip(1).take(2).rev().collect::<Vec<_>>());
    let mut it = v.iter();
    it.next();
    it.next_back();
    println!("{:?}", it.len());
    println!("{:?}", v.iter().map_while(|&x| if x < 3 { Some(x * 10) } else { None }).collect::<Vec<_>>());
}
