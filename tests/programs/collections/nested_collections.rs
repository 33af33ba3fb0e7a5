use std::collections::{BTreeMap, HashMap};

fn main() {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in [("a", "b"), ("a", "c"), ("b", "c"), ("c", "a")] {
        graph.entry(a).or_default().push(b);
        graph.entry(b).or_default();
    }
    for (node, edges) in &graph {
        println!("{node}: {}", edges.join(","));
    }
    let mut grid = vec![vec!['.'; 4]; 3];
    grid[1][2] = '#';
    grid[0][0] = '@';
    for row in &grid {
        println!("{}", row.iter().collect::<String>());
    }
    let mut inventory: HashMap<String, (u32, f64)> = HashMap::new();
    inventory.insert("apple".to_string(), (3, 0.5));
    inventory.insert("pear".to_string(), (2, 0.75));
    let mut value: Vec<(String, f64)> = inventory.iter().map(|(k, (n, p))| (k.clone(), *n as f64 * p)).collect();
    value.sort_by(|a, b| a.0.cmp(&b.0));
    println!("{:?}", value);
    let matrix = vec![vec![1, 2, 3], vec![4, 5, 6]];
    let transposed: Vec<Vec<i32>> = (0..3).map(|c| matrix.iter().map(|r| r[c]).collect()).collect();
    println!("{:?}", transposed);
}
