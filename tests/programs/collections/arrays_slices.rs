fn sum(xs: &[i32]) -> i32 {
    xs.iter().sum()
}

fn zero_out(xs: &mut [i32]) {
    for x in xs.iter_mut() {
        *x = 0;
    }
}

fn main() {
    let a = [1, 2, 3, 4, 5];
    let months = ["Jan", "Feb", "Mar"];
    println!("{} {} {}", a.len(), months[1], sum(&a));
    println!("{}", sum(&a[1..4]));
    let mut b = [0u8; 4];
    b[2] = 7;
    println!("{:?}", b);
    let mut c = a;
    zero_out(&mut c[3..]);
    println!("{:?} {:?}", a, c);
    let slice = &a[..2];
    println!("{:?} {}", slice, slice.len());
    println!("{:?}", &a[3..]);
    println!("{:?}", a.iter().map(|x| x * x).collect::<Vec<_>>());
    let grid = [[1, 2], [3, 4], [5, 6]];
    println!("{}", grid[2][1]);
    println!("{}", grid.len() * grid[0].len());
    let v: Vec<i32> = a.to_vec();
    println!("{:?}", v);
    println!("{}", a.contains(&3));
    println!("{:?}", a.first());
    let [first, .., last] = a;
    println!("{first} {last}");
    let mut s = [3, 1, 2];
    s.sort();
    println!("{:?}", s);
    println!("{}", [1.5f64, 2.5].iter().sum::<f64>());
    let filled: [String; 2] = Default::default();
    println!("{:?}", filled);
    println!("{}", a == [1, 2, 3, 4, 5]);
    s.fill(9);
    println!("{:?}", s);
    println!("{:?}", a.iter().copied().reduce(|x, y| x * y));
}
