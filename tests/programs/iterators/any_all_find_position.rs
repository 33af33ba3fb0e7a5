fn main() {
    let v = vec![2, 4, 7, 8];
    println!("{}", v.iter().any(|&x| x % 2 == 1));
    println!("{}", v.iter().all(|&x| x > 0));
    println!("{}", v.iter().all(|&x| x % 2 == 0));
    let empty: [i32; 0] = [];
    println!("{} {}", empty.iter().any(|_| true), empty.iter().all(|_| false));
    println!("{:?}", v.iter().find(|&&x| x > 4));
    println!("{:?}", v.iter().find(|&&x| x > 40));
    println!("{:?}", v.iter().position(|&x| x == 7));
    println!("{:?}", v.iter().position(|&x| x == 70));
    println!("{:?}", v.iter().find_map(|&x| if x > 5 { Some(x * 100) } else { None }));
    let words = ["apple", "banana", "cherry"];
    println!("{:?}", words.iter().find(|w| w.starts_with('b')));
    println!("{:?}", words.iter().rposition(|w| w.len() == 6));
    let mut it = v.iter();
    println!("{}", it.any(|&x| x == 4));
    println!("{:?}", it.next());
}
