use std::cmp::Ordering;
use std::collections::BinaryHeap;

// The Dijkstra state of the std docs: a min-heap by cost through a reversed Ord.
#[derive(Copy, Clone, Eq, PartialEq, Debug)]
struct State {
    cost: usize,
    position: usize,
}

impl Ord for State {
    fn cmp(&self, other: &Self) -> Ordering {
        other.cost.cmp(&self.cost).then_with(|| self.position.cmp(&other.position))
    }
}

impl PartialOrd for State {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct Edge {
    node: usize,
    cost: usize,
}

fn shortest_path(adj: &Vec<Vec<Edge>>, start: usize, goal: usize) -> Option<usize> {
    let mut dist: Vec<_> = (0..adj.len()).map(|_| usize::MAX).collect();
    let mut heap = BinaryHeap::new();
    dist[start] = 0;
    heap.push(State { cost: 0, position: start });
    while let Some(State { cost, position }) = heap.pop() {
        if position == goal {
            return Some(cost);
        }
        if cost > dist[position] {
            continue;
        }
        for edge in &adj[position] {
            let next = State { cost: cost + edge.cost, position: edge.node };
            if next.cost < dist[next.position] {
                heap.push(next);
                dist[next.position] = next.cost;
            }
        }
    }
    None
}

#[derive(Debug, PartialEq, Eq)]
struct Task {
    pri: i32,
    id: u32,
}
impl Ord for Task {
    fn cmp(&self, other: &Self) -> Ordering {
        self.pri.cmp(&other.pri)
    }
}
impl PartialOrd for Task {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn main() {
    let graph = vec![
        vec![Edge { node: 2, cost: 10 }, Edge { node: 1, cost: 1 }],
        vec![Edge { node: 3, cost: 2 }],
        vec![Edge { node: 1, cost: 1 }, Edge { node: 3, cost: 3 }, Edge { node: 4, cost: 1 }],
        vec![Edge { node: 0, cost: 7 }, Edge { node: 4, cost: 2 }],
        vec![],
    ];
    println!("{:?}", shortest_path(&graph, 0, 1));
    println!("{:?}", shortest_path(&graph, 0, 3));
    println!("{:?}", shortest_path(&graph, 3, 0));
    println!("{:?}", shortest_path(&graph, 0, 4));
    println!("{:?}", shortest_path(&graph, 4, 0));

    let mut heap = BinaryHeap::new();
    for (i, p) in [5, 1, 8, 3, 9, 2, 8, 5].iter().enumerate() {
        heap.push(Task { pri: *p, id: i as u32 });
    }
    println!("len {} peek {:?}", heap.len(), heap.peek());
    println!("{:?}", heap);
    let mut order = Vec::new();
    while let Some(t) = heap.pop() {
        order.push((t.pri, t.id));
    }
    println!("{:?}", order);

    let h: BinaryHeap<Task> = (0..10).map(|i| Task { pri: (i as i32 * 7) % 5, id: i }).collect();
    println!("{:?}", h.iter().map(|t| t.id).collect::<Vec<_>>());
    println!("{:?}", h.into_sorted_vec().iter().map(|t| (t.pri, t.id)).collect::<Vec<_>>());

    let mut h2 = BinaryHeap::from(vec![Task { pri: 3, id: 0 }, Task { pri: 9, id: 1 }]);
    h2.extend(vec![Task { pri: 4, id: 2 }, Task { pri: 10, id: 3 }, Task { pri: 1, id: 4 }]);
    println!("{:?}", h2.into_vec().iter().map(|t| t.id).collect::<Vec<_>>());

    let mut small = BinaryHeap::new();
    small.push(State { cost: 5, position: 1 });
    small.push(State { cost: 2, position: 7 });
    small.push(State { cost: 9, position: 3 });
    small.push(State { cost: 2, position: 4 });
    println!("{:?}", small.peek());
    println!("{:?}", small.into_sorted_vec());
    let mut plain = BinaryHeap::new();
    plain.extend(vec![4, 1, 7, 3, 8, 5, 0, 2, 6, 9, 11, 10]);
    plain.extend(vec![12, 13]);
    println!("{:?}", plain);
}
