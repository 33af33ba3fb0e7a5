#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Suit {
    Clubs,
    Diamonds,
    Hearts,
    Spades,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Card {
    rank: u8,
    suit: Suit,
}

fn v(major: u32, minor: u32, patch: u32) -> Version {
    Version { major, minor, patch }
}

fn main() {
    let mut vs = vec![v(1, 2, 3), v(0, 9, 9), v(1, 10, 0), v(1, 2, 0)];
    vs.sort();
    for x in &vs {
        println!("{}.{}.{}", x.major, x.minor, x.patch);
    }
    println!("{}", v(1, 0, 0) > v(0, 99, 99));
    println!("{:?}", v(1, 0, 0).cmp(&v(1, 0, 1)));
    println!("{:?}", v(2, 0, 0).partial_cmp(&v(1, 0, 1)));
    println!("{:?}", vs.iter().max());
    let mut cards = vec![
        Card { rank: 10, suit: Suit::Hearts },
        Card { rank: 2, suit: Suit::Spades },
        Card { rank: 10, suit: Suit::Clubs },
    ];
    cards.sort();
    println!("{:?}", cards);
    cards.sort_by(|a, b| b.suit.cmp(&a.suit).then(a.rank.cmp(&b.rank)));
    println!("{:?}", cards);
    println!("{}", Suit::Clubs < Suit::Spades);
    println!("{:?}", Suit::Hearts.max(Suit::Diamonds));
    let mut tuples = vec![(2, "b"), (1, "z"), (2, "a")];
    tuples.sort();
    println!("{:?}", tuples);
    println!("{}", "apple" < "banana");
    println!("{}", vec![1, 2, 3] < vec![1, 3]);
    println!("{:?}", Some(1) < None);
}
