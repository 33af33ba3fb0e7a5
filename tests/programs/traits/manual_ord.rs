use std::cmp::Ordering;
use std::collections::BTreeSet;

#[derive(Debug, PartialEq, Eq)]
struct Task {
    priority: u8,
    name: String,
}

impl Ord for Task {
    fn cmp(&self, other: &Self) -> Ordering {
        other.priority.cmp(&self.priority).then_with(|| self.name.cmp(&other.name))
    }
}

impl PartialOrd for Task {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn t(priority: u8, name: &str) -> Task {
    Task { priority, name: name.to_string() }
}

fn main() {
    let mut tasks = vec![t(1, "sweep"), t(9, "fire"), t(5, "email"), t(9, "alarm")];
    tasks.sort();
    for task in &tasks {
        println!("{} {}", task.priority, task.name);
    }
    println!("{}", t(9, "a") < t(1, "b"));
    println!("{:?}", t(3, "x").max(t(4, "y")));
    let set: BTreeSet<Task> = vec![t(2, "b"), t(2, "a"), t(7, "z")].into_iter().collect();
    println!("{:?}", set.iter().map(|t| t.name.as_str()).collect::<Vec<_>>());
    println!("{:?}", tasks.iter().min().map(|t| &t.name));
}
