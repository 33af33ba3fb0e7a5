fn main() {
    let mut v = vec![1, 2, 3];
    for x in v.iter_mut() {
        *x += 10;
    }
    println!("{:?}", v);
    v.iter_mut().enumerate().for_each(|(i, x)| *x *= i as i32);
    println!("{:?}", v);
    let mut words = vec![String::from("a"), String::from("b")];
    for w in words.iter_mut() {
        w.push('!');
    }
    println!("{:?}", words);
    let moved: Vec<String> = words.into_iter().rev().collect();
    println!("{:?}", moved);
    let mut grid = vec![vec![0; 3]; 2];
    for (r, row) in grid.iter_mut().enumerate() {
        for (c, cell) in row.iter_mut().enumerate() {
            *cell = r * 3 + c;
        }
    }
    println!("{:?}", grid);
    if let Some(last) = v.last_mut() {
        *last = 99;
    }
    println!("{:?}", v);
    let total: i32 = v.into_iter().sum();
    println!("{total}");
}
