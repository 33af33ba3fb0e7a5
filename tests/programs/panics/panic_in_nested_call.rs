struct Stack {
    items: Vec<u32>,
}

impl Stack {
    fn pop_two(&mut self) -> (u32, u32) {
        let a = self.items.pop().expect("stack underflow");
        let b = self.items.pop().expect("stack underflow");
        (a, b)
    }
}

fn eval(ops: &[&str]) -> u32 {
    let mut s = Stack { items: vec![] };
    for op in ops {
        match *op {
            "+" => {
                let (a, b) = s.pop_two();
                s.items.push(a + b);
            }
            n => s.items.push(n.parse().unwrap()),
        }
    }
    s.items[0]
}

fn main() {
    println!("{}", eval(&["1", "2", "+"]));
    println!("{}", eval(&["1", "+"]));
}
