// Slices split by a predicate: `split`, `splitn`, `rsplit`, `rsplitn`, `split_inclusive` and
// `chunk_by`, on vectors, arrays and sub-slices, with the edge cases (empty slice, separator
// at either end, adjacent separators, `n` of 0 and 1); `str::split` is another method.
fn runs(xs: &[i32]) -> Vec<usize> {
    xs.chunk_by(|a, b| a <= b).map(|run| run.len()).collect()
}

fn main() {
    let v = vec![1, 0, 2, 3, 0, 4];
    let zero = |x: &i32| *x == 0;
    println!("{:?}", v.split(zero).collect::<Vec<_>>());
    println!("{:?}", v.splitn(2, zero).collect::<Vec<_>>());
    println!("{:?}", v.splitn(1, zero).collect::<Vec<_>>());
    println!("{:?}", v.splitn(0, zero).count());
    println!("{:?}", v.rsplit(zero).collect::<Vec<_>>());
    println!("{:?}", v.rsplitn(2, zero).collect::<Vec<_>>());
    println!("{:?}", v.split_inclusive(zero).collect::<Vec<_>>());

    let edges = [0, 0, 5, 0];
    println!("{:?}", edges.split(|x| *x == 0).collect::<Vec<_>>());
    println!("{:?}", edges.split_inclusive(|x| *x == 0).collect::<Vec<_>>());
    println!("{:?}", edges.rsplitn(3, |x| *x == 0).collect::<Vec<_>>());
    let empty: Vec<i32> = Vec::new();
    println!("{:?} {:?} {:?}", empty.split(|x| *x == 0).collect::<Vec<_>>(), empty.split_inclusive(|x| *x == 0).count(), empty.chunk_by(|a, b| a == b).count());

    println!("{:?}", runs(&[1, 2, 2, 5, 3, 4, 1]));
    println!("{:?}", runs(&v[1..]));
    let words = vec!["apple", "avocado", "banana", "blueberry", "cherry"];
    for group in words.chunk_by(|a, b| a.as_bytes()[0] == b.as_bytes()[0]) {
        println!("{}: {}", &group[0][..1], group.join(","));
    }
    let lines = vec![String::from("a"), String::new(), String::from("b"), String::from("c")];
    let paragraphs: Vec<Vec<String>> = lines.split(|l| l.is_empty()).map(|p| p.to_vec()).collect();
    println!("{:?}", paragraphs);
    println!("{:?}", v.split(|x| *x == 0).rev().map(|p| p.iter().sum::<i32>()).collect::<Vec<_>>());
    println!("{:?}", v.split(|x| *x > 100).last());
    println!("{:?}", "a,b,,c".split(',').collect::<Vec<_>>());
}
