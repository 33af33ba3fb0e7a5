#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Low = 1,
    Mid = 5,
    High = 10,
}

#[derive(Debug, Clone, Copy)]
enum Dir {
    North,
    East,
    South,
    West,
}

fn main() {
    println!("{}", Level::Mid as i32);
    println!("{}", Level::High as u8 + 1);
    println!("{}", Level::Low < Level::High);
    let mut levels = vec![Level::High, Level::Low, Level::Mid];
    levels.sort();
    println!("{:?}", levels);
    println!("{:?}", levels.iter().max());
    for d in [Dir::North, Dir::East, Dir::South, Dir::West] {
        print!("{:?}={} ", d, d as i32);
    }
    println!();
}
