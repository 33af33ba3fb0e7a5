#[derive(Debug, Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

fn apply(op: Op, a: i32, b: i32) -> Result<i32, String> {
    match (op, b) {
        (Op::Div, 0) => Err(format!("{a} / 0")),
        (Op::Add, _) => Ok(a + b),
        (Op::Sub, _) => Ok(a - b),
        (Op::Mul, _) => Ok(a * b),
        (Op::Div, _) => Ok(a / b),
    }
}

fn main() {
    for op in [Op::Add, Op::Sub, Op::Mul, Op::Div] {
        for b in [0, 3] {
            let text = match apply(op, 12, b) {
                Ok(v) if v < 0 => format!("negative {v}"),
                Ok(v) => format!("{v}"),
                Err(e) => format!("error: {e}"),
            };
            println!("{:?} 12 {b} -> {text}", op);
        }
    }
}
