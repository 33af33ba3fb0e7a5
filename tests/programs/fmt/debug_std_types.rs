use std::collections::HashMap;

fn main() {
    let v = vec![1, 2, 3];
    println!("{:?}", v);
    println!("{:#?}", v);
    let empty: Vec<i32> = Vec::new();
    println!("{:?}", empty);
    println!("{:#?}", empty);
    let t = (1, "two", 3.0, 'c', true);
    println!("{:?}", t);
    println!("{:#?}", (1, "a"));
    println!("{:?}", (5,));
    println!("{:?}", ());
    let o: Option<Vec<i32>> = Some(vec![1]);
    println!("{:?} {:?}", o, None::<i32>);
    println!("{:#?}", o);
    let r: Result<i32, String> = Err("bad".to_string());
    println!("{:?}", r);
    let ok: Result<i32, String> = Ok(5);
    println!("{:?}", ok);
    let mut m = HashMap::new();
    m.insert("key", vec![1, 2]);
    println!("{:?}", m);
    println!("{:#?}", m);
    let nested = vec![vec![1, 2], vec![], vec![3]];
    println!("{:?}", nested);
    let s = String::from("quote\"d\n");
    println!("{:?}", s);
    println!("{:?}", [1.0, 2.5, -0.0]);
    println!("{:?}", &v[1..]);
    println!("{:?}", "str");
    println!("{:?}", Some("x"));
    let arr2 = [[0u8; 2]; 2];
    println!("{:?}", arr2);
    println!("{:5?}|{:<8?}|", 1, Some(2));
}
