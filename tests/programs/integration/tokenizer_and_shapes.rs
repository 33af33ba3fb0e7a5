use std::collections::HashMap;
use std::fmt;
use std::error::Error;

#[derive(Debug, Clone, PartialEq)]
enum Token { Num(f64), Op(char), LParen, RParen }

#[derive(Debug)]
struct ParseError { pos: usize, msg: String }
impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "at {}: {}", self.pos, self.msg) }
}
impl Error for ParseError {}

fn tokenize(s: &str) -> Result<Vec<Token>, Box<dyn Error>> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => { i += 1; }
            '0'..='9' | '.' => {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') { i += 1; }
                let t: String = chars[start..i].iter().collect();
                out.push(Token::Num(t.parse()?));
            }
            '+' | '-' | '*' | '/' => { out.push(Token::Op(c)); i += 1; }
            '(' => { out.push(Token::LParen); i += 1; }
            ')' => { out.push(Token::RParen); i += 1; }
            _ => return Err(Box::new(ParseError { pos: i, msg: format!("unexpected {:?}", c) })),
        }
    }
    Ok(out)
}

fn prec(op: char) -> u8 { if op == '+' || op == '-' { 1 } else { 2 } }

fn eval(tokens: &[Token]) -> Option<f64> {
    let mut nums: Vec<f64> = vec![];
    let mut ops: Vec<Token> = vec![];
    fn apply(nums: &mut Vec<f64>, op: char) -> Option<()> {
        let b = nums.pop()?; let a = nums.pop()?;
        nums.push(match op { '+' => a + b, '-' => a - b, '*' => a * b, '/' => a / b, _ => unreachable!() });
        Some(())
    }
    for t in tokens {
        match t {
            Token::Num(n) => nums.push(*n),
            Token::LParen => ops.push(t.clone()),
            Token::RParen => {
                while let Some(Token::Op(o)) = ops.last().cloned() { ops.pop(); apply(&mut nums, o)?; }
                ops.pop();
            }
            Token::Op(o) => {
                while let Some(Token::Op(p)) = ops.last() {
                    if prec(*p) >= prec(*o) { let p = *p; ops.pop(); apply(&mut nums, p)?; } else { break; }
                }
                ops.push(t.clone());
            }
        }
    }
    while let Some(Token::Op(o)) = ops.pop() { apply(&mut nums, o)?; }
    nums.pop()
}

trait Shape { fn area(&self) -> f64; fn name(&self) -> String { "shape".to_string() } }
struct Circle(f64);
struct Rect { w: f64, h: f64 }
impl Shape for Circle { fn area(&self) -> f64 { 3.14159 * self.0 * self.0 } fn name(&self) -> String { format!("circle r={}", self.0) } }
impl Shape for Rect { fn area(&self) -> f64 { self.w * self.h } }

fn main() {
    for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - 1", "2 * (3 + 4) * 5", "1 + x"] {
        match tokenize(e) {
            Ok(t) => println!("{e} = {:?}", eval(&t)),
            Err(err) => println!("{e}: error {err}"),
        }
    }
    let shapes: Vec<Box<dyn Shape>> = vec![Box::new(Circle(1.5)), Box::new(Rect { w: 2.0, h: 3.5 })];
    let total: f64 = shapes.iter().map(|s| s.area()).sum();
    for s in &shapes { println!("{:>20}: {:8.3}", s.name(), s.area()); }
    println!("total {total:.2}");
    let text = "the quick brown fox jumps over the lazy dog the end";
    let mut freq: HashMap<&str, usize> = HashMap::new();
    for w in text.split_whitespace() { *freq.entry(w).or_insert(0) += 1; }
    let mut v: Vec<_> = freq.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("{:?}", &v[..3]);
    let words: Vec<String> = text.split(' ').filter(|w| w.len() > 3).map(|w| w.to_uppercase()).collect();
    println!("{}", words.join("-"));
    let nested = vec![vec![1, 2], vec![3], vec![]];
    let flat: Vec<i32> = nested.iter().flatten().copied().collect();
    println!("{flat:?} {:?}", nested.iter().map(Vec::len).max());
    let (evens, odds): (Vec<i32>, Vec<i32>) = (1..=10).partition(|x| x % 2 == 0);
    println!("{evens:?} {odds:?} {:#?}", (1u8, "a"));
    let r: Result<u32, _> = "12a".parse::<u32>();
    println!("{:?} {}", r, i64::MAX.checked_add(1).is_none());
}
