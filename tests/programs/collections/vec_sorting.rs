#[derive(Debug, Clone)]
struct Player {
    name: &'static str,
    score: u32,
}

fn main() {
    let mut v = vec![5, 3, 8, 1, 9, 2, 8];
    v.sort();
    println!("{:?}", v);
    v.sort_by(|a, b| b.cmp(a));
    println!("{:?}", v);
    v.sort_unstable();
    println!("{:?}", v);
    v.dedup();
    println!("{:?}", v);
    let mut words = vec!["banana", "Apple", "cherry", "date"];
    words.sort();
    println!("{:?}", words);
    words.sort_by_key(|w| w.to_lowercase());
    println!("{:?}", words);
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    println!("{:?}", words);
    let mut players = vec![
        Player { name: "ann", score: 30 },
        Player { name: "bob", score: 50 },
        Player { name: "cy", score: 30 },
        Player { name: "dee", score: 10 },
    ];
    players.sort_by_key(|p| p.score);
    println!("{:?}", players.iter().map(|p| p.name).collect::<Vec<_>>());
    players.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.name.cmp(b.name)));
    println!("{:?}", players.iter().map(|p| p.name).collect::<Vec<_>>());
    let mut floats = vec![2.5, -1.0, 3.75, 0.0];
    floats.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{:?}", floats);
    let mut d = vec![1, 1, 2, 3, 3, 3, 1];
    d.dedup();
    println!("{:?}", d);
    let mut dk = vec!["a", "A", "b", "B", "b"];
    dk.dedup_by_key(|s| s.to_lowercase());
    println!("{:?}", dk);
    let mut u = vec![3, 1, 2];
    u.sort_unstable_by(|a, b| b.cmp(a));
    println!("{:?}", u);
    println!("{}", [1, 2, 2, 5].is_sorted());
}
