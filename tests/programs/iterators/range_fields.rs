// A range's bounds: `.start`/`.end` fields of `Range`, `start()`/`end()` of `RangeInclusive`.
fn span(r: std::ops::Range<usize>) -> usize {
    r.end - r.start
}

fn main() {
    let r = 3..7;
    println!("{} {} {}", r.start, r.end, r.len());
    let ri = 2..=9;
    println!("{} {}", ri.start(), ri.end());
    println!("{}", span(10..25));
    let words = ["a", "bb", "ccc"];
    let r2 = 1..words.len();
    println!("{:?}", &words[r2.start..r2.end]);
}
