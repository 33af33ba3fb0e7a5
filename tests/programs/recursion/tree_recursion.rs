#[derive(Debug)]
enum Tree {
    Leaf,
    Node(Box<Tree>, i32, Box<Tree>),
}

impl Tree {
    fn insert(self, v: i32) -> Tree {
        match self {
            Tree::Leaf => Tree::Node(Box::new(Tree::Leaf), v, Box::new(Tree::Leaf)),
            Tree::Node(l, x, r) => {
                if v < x {
                    Tree::Node(Box::new(l.insert(v)), x, r)
                } else {
                    Tree::Node(l, x, Box::new(r.insert(v)))
                }
            }
        }
    }

    fn inorder(&self, out: &mut Vec<i32>) {
        if let Tree::Node(l, x, r) = self {
            l.inorder(out);
            out.push(*x);
            r.inorder(out);
        }
    }

    fn height(&self) -> usize {
        match self {
            Tree::Leaf => 0,
            Tree::Node(l, _, r) => 1 + l.height().max(r.height()),
        }
    }
}

fn permutations(items: &[char]) -> Vec<String> {
    if items.len() <= 1 {
        return vec![items.iter().collect()];
    }
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut rest = items.to_vec();
        let c = rest.remove(i);
        for p in permutations(&rest) {
            out.push(format!("{c}{p}"));
        }
    }
    out
}

fn hanoi(n: u32, from: char, to: char, via: char, moves: &mut Vec<(char, char)>) {
    if n == 0 {
        return;
    }
    hanoi(n - 1, from, via, to, moves);
    moves.push((from, to));
    hanoi(n - 1, via, to, from, moves);
}

fn main() {
    let mut t = Tree::Leaf;
    for v in [5, 3, 8, 1, 4, 9, 7, 2] {
        t = t.insert(v);
    }
    let mut out = vec![];
    t.inorder(&mut out);
    println!("{:?} height {}", out, t.height());
    println!("{:?}", permutations(&['a', 'b', 'c']));
    let mut moves = vec![];
    hanoi(4, 'A', 'C', 'B', &mut moves);
    println!("{} {:?}", moves.len(), &moves[..3]);
}
