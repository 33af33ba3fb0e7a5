// Clone is deep for owned data: changing the clone never changes the original.
#[derive(Debug, Clone)]
struct Team {
    name: String,
    members: Vec<String>,
    scores: Vec<Vec<u32>>,
}

fn main() {
    let a = Team { name: "a".into(), members: vec!["x".into()], scores: vec![vec![1, 2]] };
    let mut b = a.clone();
    b.name.push('!');
    b.members[0].push('y');
    b.members.push("z".into());
    b.scores[0][1] = 20;
    b.scores.push(vec![3]);
    println!("{:?}", a);
    println!("{:?}", b);

    let words = vec![String::from("one"), String::from("two")];
    let mut copy = words.clone();
    copy[0].make_ascii_uppercase();
    println!("{:?} {:?}", words, copy);

    let nested = vec![vec![1], vec![2]];
    let mut n2 = nested.clone();
    n2[1].push(3);
    println!("{:?} {:?}", nested, n2);

    let opt = Some(vec![1, 2]);
    let mut opt2 = opt.clone();
    if let Some(v) = opt2.as_mut() {
        v.clear();
    }
    println!("{:?} {:?}", opt, opt2);

    let s = String::from("base");
    let mut t = s.clone();
    t += "-more";
    println!("{s} {t}");

    let moved = a;
    let mut team_vec = vec![moved.clone(), moved];
    team_vec[1].name = "second".into();
    println!("{} {}", team_vec[0].name, team_vec[1].name);
}
