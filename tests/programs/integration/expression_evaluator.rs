#[derive(Debug, Clone, PartialEq)]
enum Token {
    Num(f64),
    Plus,
    Minus,
    Star,
    Slash,
    LParen,
    RParen,
}

fn lex(src: &str) -> Result<Vec<Token>, String> {
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < chars.len() {
        let c = chars[i];
        match c {
            ' ' => {}
            '+' => out.push(Token::Plus),
            '-' => out.push(Token::Minus),
            '*' => out.push(Token::Star),
            '/' => out.push(Token::Slash),
            '(' => out.push(Token::LParen),
            ')' => out.push(Token::RParen),
            '0'..='9' | '.' => {
                let start = i;
                while i + 1 < chars.len() && (chars[i + 1].is_ascii_digit() || chars[i + 1] == '.') {
                    i += 1;
                }
                let s: String = chars[start..=i].iter().collect();
                out.push(Token::Num(s.parse().map_err(|_| format!("bad number {s}"))?));
            }
            other => return Err(format!("unexpected {other:?} at {i}")),
        }
        i += 1;
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.pos)
    }
    fn next(&mut self) -> Option<Token> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn expr(&mut self) -> Result<f64, String> {
        let mut v = self.term()?;
        while let Some(t) = self.peek() {
            match t {
                Token::Plus => { self.next(); v += self.term()?; }
                Token::Minus => { self.next(); v -= self.term()?; }
                _ => break,
            }
        }
        Ok(v)
    }
    fn term(&mut self) -> Result<f64, String> {
        let mut v = self.atom()?;
        loop {
            match self.peek() {
                Some(Token::Star) => { self.next(); v *= self.atom()?; }
                Some(Token::Slash) => {
                    self.next();
                    let d = self.atom()?;
                    if d == 0.0 {
                        return Err("division by zero".to_string());
                    }
                    v /= d;
                }
                _ => return Ok(v),
            }
        }
    }
    fn atom(&mut self) -> Result<f64, String> {
        match self.next() {
            Some(Token::Num(n)) => Ok(n),
            Some(Token::Minus) => Ok(-self.atom()?),
            Some(Token::LParen) => {
                let v = self.expr()?;
                match self.next() {
                    Some(Token::RParen) => Ok(v),
                    t => Err(format!("expected ), got {:?}", t)),
                }
            }
            t => Err(format!("unexpected token {:?}", t)),
        }
    }
}

fn eval(src: &str) -> Result<f64, String> {
    let toks = lex(src)?;
    let mut p = Parser { toks, pos: 0 };
    let v = p.expr()?;
    if p.pos < p.toks.len() {
        return Err(format!("trailing input at token {}", p.pos));
    }
    Ok(v)
}

fn main() {
    for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "-(2.5 * 4) + 1", "1 / 0", "2 * (3 + ", "4 $ 4", "1 2"] {
        match eval(src) {
            Ok(v) => println!("{src:<16} = {v}"),
            Err(e) => println!("{src:<16} ! {e}"),
        }
    }
}
