fn main() {
    let v = vec![3, 1, 2];
    let c: Vec<i32> = v.iter().copied().collect();
    let d: Vec<i32> = v.iter().cloned().collect();
    println!("{:?} {:?}", c, d);
    let names = vec![String::from("x"), String::from("y")];
    let mut owned: Vec<String> = names.iter().cloned().collect();
    owned.push("z".to_string());
    println!("{:?} {:?}", names, owned);
    let maxv = v.iter().copied().max().unwrap();
    println!("{maxv}");
    let opt: Option<&i32> = v.first();
    println!("{:?}", opt.copied());
    let s: Option<&String> = names.last();
    println!("{:?}", s.cloned());
    let sum: i32 = v.iter().copied().filter(|x| x % 2 == 1).sum();
    println!("{sum}");
}
