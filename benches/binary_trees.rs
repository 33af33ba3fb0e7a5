// Benchmark 4: binary-trees, after the Benchmarks Game: allocate many short-lived
// complete binary trees and one long-lived tree, and walk them to count nodes.
// Nodes are Box<Node> with Option<Box<Node>> children (Box is transparent in TERAS).

struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn bottom_up(depth: i64) -> Box<Node> {
    if depth > 0 {
        Box::new(Node {
            left: Some(bottom_up(depth - 1)),
            right: Some(bottom_up(depth - 1)),
        })
    } else {
        Box::new(Node {
            left: None,
            right: None,
        })
    }
}

fn check(node: &Node) -> i64 {
    let mut total: i64 = 1;
    match &node.left {
        Some(l) => total += check(l),
        None => {}
    }
    match &node.right {
        Some(r) => total += check(r),
        None => {}
    }
    total
}

fn arg_or(default: i64) -> i64 {
    let args: Vec<String> = std::env::args().collect();
    if args.len() > 1 {
        args[1].parse::<i64>().unwrap()
    } else {
        default
    }
}

fn main() {
    let n = arg_or(16);
    let min_depth: i64 = 4;
    let max_depth = if min_depth + 2 > n { min_depth + 2 } else { n };

    let stretch_depth = max_depth + 1;
    println!(
        "stretch tree of depth {}\t check: {}",
        stretch_depth,
        check(&bottom_up(stretch_depth))
    );

    let long_lived = bottom_up(max_depth);

    let mut depth = min_depth;
    while depth <= max_depth {
        let mut iterations: i64 = 1;
        let mut e: i64 = 0;
        while e < max_depth - depth + min_depth {
            iterations *= 2;
            e += 1;
        }
        let mut sum: i64 = 0;
        for _ in 0..iterations {
            let tree = bottom_up(depth);
            sum += check(&tree);
        }
        println!("{}\t trees of depth {}\t check: {}", iterations, depth, sum);
        depth += 2;
    }

    println!("long lived tree of depth {}\t check: {}", max_depth, check(&long_lived));
}
