fn main() {
    let v = vec![String::from("a"), String::from("b")];
    for s in &v {
        print!("{s} ");
    }
    println!("{}", v.len());
    let mut nums = vec![1, 2, 3];
    for n in &mut nums {
        *n *= 10;
    }
    println!("{:?}", nums);
    for n in nums {
        print!("{n};");
    }
    println!();
    let arr = [[1, 2], [3, 4]];
    for row in arr {
        for x in row {
            print!("{x}");
        }
    }
    println!();
    for (a, b) in [(1, 'x'), (2, 'y')] {
        print!("{a}{b} ");
    }
    println!();
    let words = ["one", "two"];
    for (i, w) in words.iter().enumerate() {
        println!("{i} {w}");
    }
}
