use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};

fn bfs(adj: &BTreeMap<u32, Vec<u32>>, start: u32) -> Vec<(u32, u32)> {
    let mut dist = vec![(start, 0)];
    let mut seen = HashSet::from([start]);
    let mut q = VecDeque::from([(start, 0)]);
    while let Some((node, d)) = q.pop_front() {
        for &next in adj.get(&node).map(|v| v.as_slice()).unwrap_or(&[]) {
            if seen.insert(next) {
                dist.push((next, d + 1));
                q.push_back((next, d + 1));
            }
        }
    }
    dist
}

fn dfs(adj: &BTreeMap<u32, Vec<u32>>, node: u32, seen: &mut BTreeSet<u32>, order: &mut Vec<u32>) {
    if !seen.insert(node) {
        return;
    }
    order.push(node);
    if let Some(ns) = adj.get(&node) {
        for &n in ns {
            dfs(adj, n, seen, order);
        }
    }
}

fn main() {
    let edges = [(1, 2), (1, 3), (2, 4), (3, 4), (4, 5), (6, 7)];
    let mut adj: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for &(a, b) in &edges {
        adj.entry(a).or_default().push(b);
        adj.entry(b).or_default().push(a);
    }
    println!("{:?}", bfs(&adj, 1));
    let mut seen = BTreeSet::new();
    let mut components = Vec::new();
    for &node in adj.keys() {
        if !seen.contains(&node) {
            let mut order = Vec::new();
            dfs(&adj, node, &mut seen, &mut order);
            components.push(order);
        }
    }
    println!("{:?}", components);
}
