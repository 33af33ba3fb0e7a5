#[derive(Debug)]
enum Expr {
    Num(f64),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

fn eval(e: &Expr) -> f64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Add(a, b) => eval(a) + eval(b),
        Expr::Mul(a, b) => eval(a) * eval(b),
        Expr::Neg(a) => -eval(a),
    }
}

fn main() {
    let b = Box::new(5);
    println!("b = {}", b);
    println!("{}", *b + 1);
    let mut m = Box::new(vec![1]);
    m.push(2);
    println!("{:?} {}", m, m.len());
    let e = Expr::Add(Box::new(Expr::Num(2.0)), Box::new(Expr::Mul(Box::new(Expr::Num(3.0)), Box::new(Expr::Neg(Box::new(Expr::Num(4.0)))))));
    println!("{}", eval(&e));
    println!("{:?}", Expr::Neg(Box::new(Expr::Num(1.5))));
    let unboxed: Vec<i32> = *m;
    println!("{:?}", unboxed);
    let mut bx = Box::new(10);
    *bx += 5;
    println!("{bx}");
}
