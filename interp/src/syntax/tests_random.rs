//! Robustness: deterministic pseudo-random inputs (token soups and mutated programs), and
//! pathological nesting. Every entry point must return (no panic, no hang, no stack
//! overflow). This complements the cargo-fuzz target in `fuzz/`.

use super::*;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&str] = &[
    "fn", "let", "mut", "if", "else", "match", "while", "loop", "for", "in", "break", "continue", "return", "struct",
    "enum", "impl", "trait", "for", "where", "pub", "use", "mod", "const", "static", "type", "move", "async", "await",
    "unsafe", "dyn", "ref", "as", "self", "Self", "crate", "super", "true", "false", "x", "y", "Foo", "Vec", "i32",
    "println", "vec", "matches", "assert_eq", "write", "'a", "'x'", "b'y'", "\"s{}\"", "r#\"raw\"#", "b\"by\"", "0",
    "1.5", "0x1f", "1e3", "2u8", "1.", "(", ")", "[", "]", "{", "}", "<", ">", ">>", "<<", "=", "==", "!=", "<=",
    ">=", "+", "-", "*", "/", "%", "^", "!", "&", "&&", "|", "||", "+=", "..", "..=", "...", "::", "->", "=>", ",",
    ";", ":", "#", "@", "?", "$", "_", ".", "\n", " ", "//c\n", "/* c */", "#[derive(Debug)]", "#![allow(x)]", "\"",
    "'", "/*", "\\", "é", "\u{0}",
];

const PROGRAMS: &[&str] = &[
    "fn main() { let v: Vec<i32> = (0..10).map(|x| x * 2).collect(); println!(\"{:?}\", v); }",
    "struct P { x: i32 } impl P { fn new() -> Self { P { x: 1 } } } fn main() { let p = P::new(); if p.x > 0 { } }",
    "enum E { A(i32), B { s: String } } fn f(e: &E) -> i32 { match e { E::A(n) if *n > 0 => *n, E::A(_) | E::B { .. } => 0 } }",
    "fn main() { 'o: for i in 0..3 { while let Some(x) = it.next() { break 'o; } } let s = [1, 2, 3]; if let [a, rest @ ..] = &s[..] {} }",
    "trait T: Clone { type A; fn f(&self) -> Self::A; fn g(&mut self) {} } impl<U: T> T for Box<U> where U: Send { type A = u8; fn f(&self) -> u8 { 0 } }",
    "use std::collections::{HashMap, HashSet as S}; fn main() { let mut m = HashMap::new(); *m.entry(1).or_insert(0) += 1; assert_eq!(m[&1], 1, \"m {}\", 1); }",
];

fn exercise(src: &str) {
    let _ = parse_file(src);
    let _ = parse_repl(src);
    let _ = parse_expr(src);
    let _ = input_is_complete(src);
    let h = highlight(src);
    for (r, _) in h {
        assert!(r.start <= r.end && r.end <= src.len() && src.is_char_boundary(r.start) && src.is_char_boundary(r.end));
    }
}

/// Inputs per generator. Kept small so `cargo test` stays quick: the cargo-fuzz target in
/// `fuzz/` is the long-running search.
const ROUNDS: usize = 2_000;

#[test]
fn token_soups_and_mutations() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..ROUNDS {
        let n = rng.below(60);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        exercise(&s);
    }
    for _ in 0..ROUNDS {
        let base = PROGRAMS[rng.below(PROGRAMS.len())];
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(chars.len());
            match rng.below(4) {
                0 => {
                    chars.remove(i.min(chars.len().saturating_sub(1)));
                }
                1 => {
                    let f = FRAGMENTS[rng.below(FRAGMENTS.len())];
                    for (k, c) in f.chars().enumerate() {
                        chars.insert((i + k).min(chars.len()), c);
                    }
                }
                2 => {
                    let last = chars.len() - 1;
                    let j = rng.below(chars.len());
                    chars.swap(i.min(last), j.min(last));
                }
                _ => chars.truncate(i),
            }
            if chars.is_empty() {
                break;
            }
        }
        let s: String = chars.into_iter().collect();
        exercise(&s);
    }
}

fn must_not_crash_deep(src: &str) {
    let (_, d) = parse_file(src);
    let (_, d2) = parse_repl(src);
    assert!(d.len() <= 101 && d2.len() <= 101);
    exercise(src);
}

#[test]
fn pathological_nesting() {
    // Far beyond the nesting limit (256) yet quick to lex in a debug build.
    let n = 1_000;
    let wrap = |open: &str, mid: &str, close: &str| format!("fn main() {{ let x = {}{}{}; }}", open.repeat(n), mid, close.repeat(n));
    must_not_crash_deep(&wrap("(", "1", ")"));
    must_not_crash_deep(&wrap("[", "1", "]"));
    must_not_crash_deep(&wrap("{", "1", "}"));
    must_not_crash_deep(&wrap("-", "1", ""));
    must_not_crash_deep(&wrap("!", "1", ""));
    must_not_crash_deep(&wrap("&", "1", ""));
    must_not_crash_deep(&wrap("&&", "1", ""));
    must_not_crash_deep(&wrap("*", "1", ""));
    must_not_crash_deep(&wrap("|x| ", "1", ""));
    must_not_crash_deep(&wrap("..", "1", ""));
    must_not_crash_deep(&wrap("return ", "1", ""));
    must_not_crash_deep(&wrap("f(", "1", ")"));
    must_not_crash_deep(&wrap("if a { ", "1", " } else { 2 }"));
    must_not_crash_deep(&wrap("vec![", "1", "]"));
    must_not_crash_deep(&wrap("S { a: ", "1", " }"));
    must_not_crash_deep(&wrap("x = ", "1", ""));
    must_not_crash_deep(&format!("fn main() {{ let x = 1{}; }}", " + 1".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x = a{}; }}", ".b".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x = a{}; }}", "?".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x = a{}; }}", "[0]".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x = a{}; }}", " as u8".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ if a {{}} {} }}", "else if b {} ".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let {}x{} = 1; }}", "(".repeat(n), ")".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let {}x{} = 1; }}", "Some(".repeat(n), ")".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let {}x = 1; }}", "&".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x: {}i32{}; }}", "Vec<".repeat(n), ">".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x: {}i32; }}", "&".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ let x: {}i32{}; }}", "[".repeat(n), "]".repeat(n)));
    must_not_crash_deep(&format!("use {}a{};", "a::{".repeat(n), "}".repeat(n)));
    must_not_crash_deep(&format!("{}{}", "mod m { ".repeat(n), "}".repeat(n)));
    must_not_crash_deep(&format!("{}{}", "fn f() { ".repeat(n), "}".repeat(n)));
    must_not_crash_deep(&format!("fn main() {{ {} }}", "match x { _ => ".repeat(n)));
    must_not_crash_deep(&"(".repeat(n));
    must_not_crash_deep(&"}".repeat(n));
    must_not_crash_deep(&"fn f() { x = ".repeat(n));
    let (_, d) = parse_file(&wrap("(", "1", ")"));
    assert!(d.iter().any(|d| d.message == "expression nests too deeply"), "{d:?}");
}

#[test]
fn large_inputs_parse_in_linear_time() {
    let stmt = "let x = a.b(c, 1 + 2 * 3)[0] as u8;\n";
    let src = format!("fn main() {{\n{}}}\n", stmt.repeat(10_000));
    let t = std::time::Instant::now();
    let (f, d) = parse_file(&src);
    assert!(d.is_empty() && f.items.len() == 1);
    let errs = "let = ;\n".repeat(10_000);
    let _ = parse_file(&format!("fn main() {{ {errs} }}"));
    let _ = parse_repl(&"x y z\n".repeat(10_000));
    // Generous bound for debug builds on a loaded machine: quadratic behaviour would take minutes.
    assert!(t.elapsed().as_secs() < 20);
}
