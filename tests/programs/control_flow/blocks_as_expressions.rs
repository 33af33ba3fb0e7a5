fn main() {
    let y = {
        let x = 3;
        x + 1
    };
    println!("{y}");
    let z = {
        let a = 2;
        let b = 5;
        a * b
    } + 1;
    println!("{z}");
    let s = {
        let mut s = String::new();
        s.push('h');
        s.push('i');
        s
    };
    println!("{s}");
    let nothing = {
        let _unused = 1;
    };
    println!("{:?}", nothing);
    let r = match y {
        4 => {
            let t = y * 10;
            t + 2
        }
        _ => 0,
    };
    println!("{r}");
}
