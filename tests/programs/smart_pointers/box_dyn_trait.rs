use std::collections::HashMap;

trait Plugin {
    fn name(&self) -> String;
    fn run(&mut self, input: i32) -> i32;
}

struct Doubler;
struct Accumulator {
    total: i32,
}

impl Plugin for Doubler {
    fn name(&self) -> String {
        "doubler".into()
    }
    fn run(&mut self, input: i32) -> i32 {
        input * 2
    }
}

impl Plugin for Accumulator {
    fn name(&self) -> String {
        format!("acc({})", self.total)
    }
    fn run(&mut self, input: i32) -> i32 {
        self.total += input;
        self.total
    }
}

fn make(kind: &str) -> Option<Box<dyn Plugin>> {
    match kind {
        "d" => Some(Box::new(Doubler)),
        "a" => Some(Box::new(Accumulator { total: 0 })),
        _ => None,
    }
}

fn main() {
    let mut plugins: Vec<Box<dyn Plugin>> = ["d", "a", "x", "a"].iter().filter_map(|k| make(k)).collect();
    for round in 1..=2 {
        for p in plugins.iter_mut() {
            let out = p.run(round * 10);
            println!("{} -> {}", p.name(), out);
        }
    }
    let mut registry: HashMap<String, Box<dyn Plugin>> = HashMap::new();
    registry.insert("only".to_string(), Box::new(Doubler));
    if let Some(p) = registry.get_mut("only") {
        println!("{}", p.run(21));
    }
}
