//! Compiler + VM tests on small programs (expected output from rustc).

use crate::session::{Options, Outcome, Session};
use crate::test_support::{run_program, Buf};

fn run(src: &str) -> (String, i32) {
    let (out, outcome) = run_program(src);
    (out, outcome.exit_code())
}

#[test]
fn fib_structs_enums_closures() {
    let (out, code) = run(r#"
#[derive(Debug, Clone, PartialEq)]
struct P { x: i32, y: i32 }
enum Shape { Circle(f64), Sq { s: f64 } }
fn area(s: &Shape) -> f64 { match s { Shape::Circle(r) => 3.0 * r * r, Shape::Sq { s } => s * s } }
fn fib(n: u64) -> u64 { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
fn main() {
    println!("{}", fib(20));
    let mut p = P { x: 1, y: 2 };
    p.x += 10;
    println!("{:?}", p);
    println!("{} {}", area(&Shape::Circle(1.0)), area(&Shape::Sq { s: 2.0 }));
    let mut n = 0;
    let mut inc = || n += 2;
    inc();
    inc();
    println!("{n}");
    let v: Vec<i32> = (1..=4).map(|x| x * x).collect();
    println!("{:?} {}", v, v.len());
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, "6765\nP { x: 11, y: 2 }\n3 4\n4\n[1, 4, 9, 16] 4\n");
}

#[test]
fn copy_structs_copy_and_places_alias() {
    let (out, _) = run(r#"
#[derive(Debug, Clone, Copy)]
struct P { x: i32 }
#[derive(Debug)]
struct O { p: P }
fn main() {
    let a = P { x: 1 };
    let mut b = a;
    b.x = 5;
    let mut o = O { p: a };
    o.p.x = 7;
    let mut arr = [[0; 2]; 2];
    arr[1][0] = 3;
    println!("{:?} {:?} {:?} {:?}", a, b, o, arr);
}
"#);
    assert_eq!(out, "P { x: 1 } P { x: 5 } O { p: P { x: 7 } } [[0, 0], [3, 0]]\n");
}

#[test]
fn labelled_break_with_value_and_let_else() {
    let (out, _) = run(r#"
fn parse(s: &str) -> Option<i32> {
    let Ok(n) = s.parse::<i32>() else { return None; };
    Some(n * 2)
}
fn main() {
    let r = 'outer: loop {
        for i in 0.. {
            if i == 7 { break 'outer i * 3; }
        }
    };
    println!("{r} {:?} {:?}", parse("21"), parse("x"));
}
"#);
    assert_eq!(out, "21 Some(42) None\n");
}

#[test]
fn question_mark_converts_with_from() {
    let (out, _) = run(r#"
#[derive(Debug)]
enum E { Parse(std::num::ParseIntError), Neg(i64) }
impl From<std::num::ParseIntError> for E {
    fn from(e: std::num::ParseIntError) -> Self { E::Parse(e) }
}
fn f(s: &str) -> Result<i64, E> {
    let n: i64 = s.parse()?;
    if n < 0 { return Err(E::Neg(n)); }
    Ok(n)
}
fn main() { println!("{:?} {:?} {:?}", f("4"), f("-1"), f("z")); }
"#);
    assert_eq!(out, "Ok(4) Err(Neg(-1)) Err(Parse(ParseIntError { kind: InvalidDigit }))\n");
}

#[test]
fn user_display_and_operator_impls() {
    let (out, _) = run(r#"
use std::fmt;
use std::ops::Add;
#[derive(Debug, Clone, Copy, PartialEq)]
struct V(i32, i32);
impl Add for V { type Output = V; fn add(self, o: V) -> V { V(self.0 + o.0, self.1 + o.1) } }
impl fmt::Display for V {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "<{}, {}>", self.0, self.1) }
}
fn main() {
    let a = V(1, 2) + V(3, 4);
    println!("{a} {} {}", a == V(4, 6), a.to_string());
}
"#);
    assert_eq!(out, "<4, 6> true <4, 6>\n");
}

#[test]
fn compile_errors_are_reported() {
    let mut s = Session::new(Options::default());
    let r = s.check("t.rs", "fn main() { let count = 1; println!(\"{}\", coutn); foo(1, 2); }\nfn foo(a: i32) {}\n");
    let msgs: Vec<String> = r.iter().map(|r| r.diag.message.clone()).collect();
    assert!(msgs.iter().any(|m| m == "cannot find value `coutn` in this scope"), "{msgs:?}");
    assert!(msgs.iter().any(|m| m == "this function takes 1 argument but 2 arguments were supplied"), "{msgs:?}");
    let mut s = Session::new(Options::default());
    let r = s.check("t.rs", "fn helper() {}\n");
    assert!(r.iter().any(|r| r.diag.message == "`main` function not found in crate"));
}

#[test]
fn panics_exit_101() {
    let (_, code) = run("fn main() { let v: Vec<i32> = Vec::new(); let _ = v[3]; }");
    assert_eq!(code, 101);
    let (_, code) = run("fn f(n: u64) -> u64 { f(n + 1) + 1 } fn main() { f(0); }");
    assert_eq!(code, 101);
}

#[test]
fn repl_keeps_definitions_after_errors() {
    let mut s = Session::new(Options::default());
    s.set_stdout(Box::new(Buf::default()));
    let (o, _) = s.eval_repl("fn sq(x: i32) -> i32 { x * x }");
    assert!(matches!(o, Outcome::Finished));
    let (o, _) = s.eval_repl("let a = sq(7);");
    assert!(matches!(o, Outcome::Finished));
    let (o, _) = s.eval_repl("undefined_thing + 1");
    assert!(matches!(o, Outcome::CompileErrors(_)));
    let (o, _) = s.eval_repl("panic!(\"boom\")");
    assert!(matches!(o, Outcome::Panicked));
    let (o, out) = s.eval_repl("a + sq(2)");
    assert!(matches!(o, Outcome::Finished));
    assert_eq!(out.value, Some(("53".to_string(), "i32".to_string())));
    let (_, out) = s.eval_repl("vec![a]");
    assert_eq!(out.value.map(|v| v.0), Some("[49]".to_string()));
}

#[test]
fn repl_panic_hook_lasts_until_taken_or_reset() {
    let mut s = Session::new(Options::default());
    let buf = Buf::default();
    s.set_stdout(Box::new(buf.clone()));
    let (o, _) = s.eval_repl("std::panic::set_hook(Box::new(|info| println!(\"hooked: {}\", info.payload_as_str().unwrap_or(\"?\"))));");
    assert!(matches!(o, Outcome::Finished));
    let (o, _) = s.eval_repl("panic!(\"first\")");
    assert!(matches!(o, Outcome::Panicked));
    assert!(buf.text().contains("hooked: first"), "{}", buf.text());
    let (o, _) = s.eval_repl("let _old = std::panic::take_hook();");
    assert!(matches!(o, Outcome::Finished));
    s.eval_repl("panic!(\"second\")");
    assert!(!buf.text().contains("hooked: second"), "{}", buf.text());
    s.eval_repl("std::panic::set_hook(Box::new(|_| println!(\"hooked again\")));");
    s.reset();
    s.eval_repl("panic!(\"third\")");
    assert!(!buf.text().contains("hooked again"), "{}", buf.text());
}

#[test]
fn signature_types_resolve_in_modules_and_unknown_ones_are_errors() {
    let mut s = Session::new(Options::default());
    let r = s.check("t.rs", "mod m { pub type Scalar = f64; pub fn z() -> Scalar { 0.0 } }\nfn main() { println!(\"{}\", m::z()); }\n");
    assert!(r.is_empty(), "{:?}", r.iter().map(|r| r.diag.message.clone()).collect::<Vec<_>>());
    let mut s = Session::new(Options::default());
    let r = s.check("t.rs", "fn area(s: &Shape) -> f64 { 0.0 }\nfn main() {}\n");
    assert!(r.iter().any(|r| r.diag.message == "cannot find type `Shape` in this scope"));
}

/// Numeric literal operands (`BinK`/`KBin`): f64 and integer fast paths, f32 and comparisons
/// through the general path, user operator impls with a literal on either side (expected
/// output from rustc).
#[test]
fn literal_operands() {
    let (out, code) = run(r#"
use std::ops::Mul;
#[derive(Debug, Clone, Copy)]
struct V(f64);
impl Mul<V> for f64 {
    type Output = V;
    fn mul(self, v: V) -> V { V(self * v.0) }
}
impl Mul<f64> for V {
    type Output = V;
    fn mul(self, k: f64) -> V { V(self.0 * k) }
}
fn main() {
    let x = 3.0;
    println!("{} {} {} {}", 2.0 * x, x / 4.0, 1.5 - x, x + 0.25);
    let n: i64 = 5;
    println!("{} {} {}", n * 100000, 1000000 - n, n % 1000003);
    println!("{:?} {:?}", 2.0 * V(1.5), V(2.0) * 4.0);
    let f: f32 = 1.5;
    println!("{} {}", f * 2.5, 0.1 + f);
    let big: i64 = 1 << 40;
    println!("{} {}", big + 3000000000, 3000000000 - big);
    let b = x < 2.5;
    let c = 1.5e300 * x > 1e300;
    println!("{b} {c} {}", 100000 == n);
}
"#);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "6 0.75 -1.5 3.25\n500000 999995 5\nV(3.0) V(8.0)\n3.75 1.6\n1102511627776 -1096511627776\nfalse true false\n");
}

/// A literal operand keeps the other operand's integer type and its overflow check.
#[test]
fn literal_operand_overflow_panics() {
    let (out, code) = run(r#"
fn main() {
    let w: u32 = std::env::args().count() as u32 * 70000;
    println!("{}", w * 70000);
}
"#);
    assert_eq!((out.as_str(), code), ("", 101));
}

/// `writeln!`/`write!` on a temporary lock guard: the guard dies at the end of the statement
/// (the called `write_str` takes the argument window as its frame, so the guard is kept below
/// it and released after the call), as with a method call on the same temporary.
#[test]
fn writeln_to_a_temporary_guard_unlocks_at_the_end_of_the_statement() {
    let src = r#"
use std::io::Write;
use std::sync::Mutex;
fn main() {
    let m = Mutex::new(Vec::<u8>::new());
    writeln!(m.lock().unwrap(), "a{}", 1).unwrap();
    println!("{}", m.try_lock().is_ok());
    let _ = write!(m.lock().unwrap(), "b");
    writeln!(m.lock().unwrap()).unwrap();
    println!("{}", m.try_lock().is_ok());
    let v = m.lock().unwrap().clone();
    println!("{:?}", String::from_utf8(v).unwrap());
}
"#;
    assert_eq!(run(src), ("true\ntrue\n\"a1\\nb\\n\"\n".to_string(), 0));
}
