//! Tests of the inference on real sources (parsed with `syntax::parse_file`): the type of an
//! expression is looked up by its source text.

use super::*;
use crate::ast::Span;

/// Checks `src` and returns the checker and its info.
fn check(src: &str) -> (Typeck, TypeInfo) {
    let (file, diags) = crate::syntax::parse_file(src);
    assert!(diags.is_empty(), "parse errors: {diags:?}");
    let mut tc = Typeck::new();
    let info = tc.check_file(&file);
    (tc, info)
}

/// The spans where `text` occurs in `src` as whole words.
fn spans_of(src: &str, text: &str) -> Vec<Span> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    src.match_indices(text)
        .filter(|(i, _)| {
            let before = src[..*i].chars().next_back();
            let after = src[i + text.len()..].chars().next();
            !(word(before) && word(text.chars().next()) || word(after) && word(text.chars().next_back()))
        })
        .map(|(i, _)| Span::new(i, i + text.len()))
        .collect()
}

/// The type of the `nth` expression whose source text is `text` (outermost when several
/// expressions share the span).
fn ty_at(src: &str, text: &str, nth: usize) -> String {
    let (_, info) = check(src);
    let span = *spans_of(src, text).get(nth).unwrap_or_else(|| panic!("`{text}` not in source"));
    let found = info.at_span(span);
    let (_, ty) = found.last().unwrap_or_else(|| panic!("`{text}` was not typed"));
    ty.to_string()
}

fn ty(src: &str, text: &str) -> String {
    ty_at(src, text, 0)
}

fn expected_at(src: &str, text: &str) -> String {
    let (_, info) = check(src);
    let span = spans_of(src, text)[0];
    let found = info.at_span(span);
    let (id, _) = found.last().unwrap_or_else(|| panic!("`{text}` was not typed"));
    info.expected_ty(*id).map_or_else(|| "<none>".to_string(), |t| t.to_string())
}

fn main_body(body: &str) -> String {
    format!("fn main() {{\n{body}\n}}\n")
}

#[test]
fn literal_from_annotation_and_operand() {
    let src = main_body("let x: u8 = 200; let y = x + 55; let z = 7;");
    assert_eq!(ty(&src, "200"), "u8");
    assert_eq!(ty(&src, "55"), "u8");
    assert_eq!(ty(&src, "x + 55"), "u8");
    assert_eq!(ty(&src, "7"), "i32");
}

#[test]
fn literal_defaults_and_suffixes() {
    let src = main_body("let f = 1.0; let g = 2f32; let h = 3u64; let t = (1, 2.5);");
    assert_eq!(ty(&src, "1.0"), "f64");
    assert_eq!(ty(&src, "2f32"), "f32");
    assert_eq!(ty(&src, "3u64"), "u64");
    assert_eq!(ty(&src, "(1, 2.5)"), "(i32, f64)");
}

#[test]
fn method_result_usize() {
    let src = main_body("let v: Vec<u64> = Vec::new(); let s = v.len() + 1;");
    assert_eq!(ty(&src, "Vec::new()"), "Vec<u64>");
    assert_eq!(ty(&src, "1"), "usize");
}

#[test]
fn array_elements_from_first_suffix() {
    let src = main_body("let a = [1u8, 2, 3];");
    assert_eq!(ty(&src, "2"), "u8");
    assert_eq!(ty(&src, "[1u8, 2, 3]"), "[u8; 3]");
}

#[test]
fn parameter_types() {
    let src = "fn f(x: i64) {}\nfn main() { f(5); }\n";
    assert_eq!(ty(src, "5"), "i64");
}

#[test]
fn closures_over_iterators() {
    let src = main_body("let v = vec![1, 2].iter().map(|x| x * 2).collect::<Vec<_>>();");
    assert_eq!(ty(&src, "vec![1, 2].iter().map(|x| x * 2).collect::<Vec<_>>()"), "Vec<i32>");
    assert_eq!(ty(&src, "x * 2"), "i32");
    assert_eq!(ty(&src, "2"), "i32");
}

#[test]
fn parse_gets_expected_result() {
    let src = main_body("let n: u32 = \"5\".parse().unwrap();");
    assert_eq!(ty(&src, "\"5\".parse()"), "Result<u32, ParseIntError>");
    assert_eq!(expected_at(&src, "\"5\".parse()"), "Result<u32, ParseIntError>");
}

#[test]
fn collect_and_sum_hints() {
    let src = main_body(
        "let v: Vec<i32> = (1..4).collect();\nlet total: f64 = vec![1.0, 2.0].iter().sum();\nlet s = v.iter().sum::<i32>();",
    );
    assert_eq!(expected_at(&src, "(1..4).collect()"), "Vec<i32>");
    assert_eq!(ty(&src, "1"), "i32");
    assert_eq!(expected_at(&src, "vec![1.0, 2.0].iter().sum()"), "f64");
    assert_eq!(ty(&src, "v.iter().sum::<i32>()"), "i32");
}

#[test]
fn structs_and_fields() {
    let src = "struct P { x: u16, y: f32 }\nfn main() { let p = P { x: 1, y: 2.0 }; let q = p.x + 3; }\n";
    assert_eq!(ty(src, "1"), "u16");
    assert_eq!(ty(src, "2.0"), "f32");
    assert_eq!(ty(src, "p.x + 3"), "u16");
}

#[test]
fn return_type_and_if_branches() {
    let src = "fn f(c: bool) -> u8 { if c { 1 } else { 2 } }\nfn g() -> i64 { return 4; }\nfn main() {}\n";
    assert_eq!(ty(src, "1"), "u8");
    assert_eq!(ty(src, "2"), "u8");
    assert_eq!(ty(src, "4"), "i64");
}

#[test]
fn methods_of_user_impls_and_generics() {
    let src = "struct W<T> { v: Vec<T> }\nimpl<T> W<T> { fn first(&self) -> Option<&T> { self.v.first() } fn new() -> Self { W { v: Vec::new() } } }\n\
               fn main() { let mut w: W<u8> = W::new(); w.v.push(9); let f = w.first(); }\n";
    assert_eq!(ty(src, "9"), "u8");
    assert_eq!(ty(src, "w.first()"), "Option<&u8>");
    assert_eq!(ty(src, "self.v.first()"), "Option<&T>");
}

#[test]
fn option_and_result_variants() {
    let src = main_body("let a: Option<u64> = Some(3); let b: Result<i8, String> = Ok(1); let c = a.unwrap_or(0);");
    assert_eq!(ty(&src, "3"), "u64");
    assert_eq!(ty(&src, "1"), "i8");
    assert_eq!(ty(&src, "0"), "u64");
    assert_eq!(ty(&src, "a.unwrap_or(0)"), "u64");
}

#[test]
fn for_loops_and_ranges() {
    let src = main_body("let v: Vec<u32> = vec![]; for x in &v { let y = *x + 1; } for i in 0..v.len() { let z = i; }");
    assert_eq!(ty(&src, "*x + 1"), "u32");
    assert_eq!(ty(&src, "0"), "usize");
    assert_eq!(ty_at(&src, "i", 1), "usize");
}

#[test]
fn hashmap_and_strings() {
    let src = main_body(
        "use std::collections::HashMap;\nlet mut m: HashMap<String, u64> = HashMap::new(); m.insert(\"a\".to_string(), 1); \
         let g = m.get(\"a\"); let s = String::from(\"x\"); let l = s.len(); let c = s.chars().rev().collect::<String>();",
    );
    assert_eq!(ty(&src, "1"), "u64");
    assert_eq!(ty(&src, "m.get(\"a\")"), "Option<&u64>");
    assert_eq!(ty(&src, "s.len()"), "usize");
    assert_eq!(ty(&src, "s.chars().rev().collect::<String>()"), "String");
}

#[test]
fn casts_and_indexing() {
    let src = main_body("let v = vec![1i64, 2]; let i = 1; let x = v[i]; let y = 300 as u16; let z = x as f64;");
    assert_eq!(ty(&src, "v[i]"), "i64");
    assert_eq!(ty(&src, "1"), "usize");
    assert_eq!(ty(&src, "300"), "u16");
    assert_eq!(ty(&src, "x as f64"), "f64");
}

#[test]
fn match_patterns_bind() {
    let src = main_body("let o: Option<(u8, char)> = None; match o { Some((n, c)) => { let k = n + 1; } None => {} }");
    assert_eq!(ty(&src, "n + 1"), "u8");
}

#[test]
fn closures_from_annotations() {
    let src = main_body("let f = |a: u64| a + 1; let r = f(2);");
    assert_eq!(ty(&src, "a + 1"), "u64");
    assert_eq!(ty(&src, "2"), "u64");
    assert_eq!(ty(&src, "f(2)"), "u64");
}

#[test]
fn repl_vars_persist_and_type_of_expr() {
    let mut tc = Typeck::new();
    let (file, d) = crate::syntax::parse_repl("let v = vec![1u8, 2];");
    assert!(d.is_empty());
    tc.check_file(&file);
    let (file2, d2) = crate::syntax::parse_repl("v.len()");
    assert!(d2.is_empty());
    let info = tc.check_file(&file2);
    let tail = match &file2.stmts.last().map(|s| &s.kind) {
        Some(crate::ast::StmtKind::Expr(e, _)) => e.clone(),
        other => panic!("no tail: {other:?}"),
    };
    assert_eq!(info.expr_ty(tail.id).map(ToString::to_string).as_deref(), Some("usize"));
    let (e, _) = crate::syntax::parse_expr("v.iter().map(|x| *x as f64).collect::<Vec<_>>()");
    let e = e.expect("expr");
    assert_eq!(tc.type_of_expr(&e).to_string(), "Vec<f64>");
    let (e, _) = crate::syntax::parse_expr("(\"a\", Some(String::new()))");
    assert_eq!(tc.type_of_expr(&e.expect("expr")).to_string(), "(&str, Option<String>)");
}

#[test]
fn default_into_and_from() {
    let src = "#[derive(Default)] struct S { a: u8 }\nfn main() { let s: S = Default::default(); let t: String = \"a\".into(); let n: i64 = i64::from(3u8); let d = S::default(); }\n";
    assert_eq!(expected_at(src, "Default::default()"), "S");
    assert_eq!(expected_at(src, "\"a\".into()"), "String");
    assert_eq!(ty(src, "S::default()"), "S");
}

#[test]
fn never_panics_on_odd_programs() {
    let srcs = [
        "fn main() { let x = x; let y = y.z().w; loop { break break; } }",
        "fn f<T>(t: T) -> T { t.foo().bar }\nfn main() { f(f(f(1))); let a = [[[[1]]]]; a[0][0][0][0][0]; }",
        "fn main() { let v = Vec::new(); v.push(v); let w = vec![w]; }",
        "struct A(B); struct B(A); fn main() { let a = A(B(a)); a.0.0.0.0; }",
        "fn main() { let f = |x| f(x); f(1); let s: &str = 5; let t: u8 = \"x\"; }",
        "trait T { fn m(&self) -> Self; } impl T for i32 { fn m(&self) -> Self { *self } } fn main() { 1.m().m(); }",
    ];
    for s in srcs {
        let (file, _) = crate::syntax::parse_file(s);
        let mut tc = Typeck::new();
        let _ = tc.check_file(&file);
    }
}

#[test]
fn iterator_types_display_and_deep_known() {
    let src = main_body("let v = vec![1u8]; let it = v.iter().map(|x| *x as u32); let w: Vec<_> = Vec::new();");
    assert_eq!(ty(&src, "v.iter().map(|x| *x as u32)"), "impl Iterator<Item = u32>");
    let (_, info) = check(&src);
    let span = spans_of(&src, "Vec::new()")[0];
    let t = info.at_span(span)[0].1.clone();
    assert_eq!(t.to_string(), "Vec<_>");
    assert!(t.is_known() && !t.is_fully_known());
}

#[test]
fn setup_and_checking_are_fast_enough() {
    let start = std::time::Instant::now();
    let tc = Typeck::new();
    let mut body = String::new();
    for i in 0..400 {
        body.push_str(&format!("let v{i}: Vec<u64> = (0..{i}).map(|x| x * 2).filter(|x| x % 3 == 0).collect();\n"));
    }
    let src = main_body(&body);
    let (file, _) = crate::syntax::parse_file(&src);
    let mut tc2 = tc.clone();
    let info = tc2.check_file(&file);
    assert!(info.len() > 400 * 8);
    assert!(start.elapsed() < std::time::Duration::from_secs(5), "took {:?}", start.elapsed());
}

#[test]
fn deep_nesting_stays_within_a_small_stack() {
    let mut srcs = Vec::new();
    for depth in [50usize, 150, 400] {
        let open = "(1 + ".repeat(depth);
        let close = ")".repeat(depth);
        srcs.push(main_body(&format!("let x = {open}1{close};")));
        srcs.push(main_body(&format!("let y = {}0{};", "{ ".repeat(depth), " }".repeat(depth))));
        srcs.push(main_body(&format!("let z = {}1{};", "Some(".repeat(depth), ")".repeat(depth))));
        srcs.push(main_body(&format!("let f = {}1;", "|a| ".repeat(depth))));
        srcs.push(main_body(&format!("let g = vec![1]{};", ".iter().map(|x| x)".repeat(depth))));
    }
    // The parser needs more stack than typeck for these; parse (and drop) on a big stack,
    // check on a 2 MiB one.
    let big = std::thread::Builder::new().stack_size(256 << 20);
    let files = big
        .spawn(move || srcs.iter().map(|s| crate::syntax::parse_file(s).0).collect::<Vec<_>>())
        .expect("spawn")
        .join()
        .expect("parse");
    let small = std::thread::Builder::new().stack_size(2 << 20);
    let files = small
        .spawn(move || {
            for file in &files {
                let mut tc = Typeck::new();
                let _ = tc.check_file(file);
            }
            files
        })
        .expect("spawn")
        .join()
        .expect("typeck overflowed a 2 MiB stack");
    let big = std::thread::Builder::new().stack_size(256 << 20);
    big.spawn(move || drop(files)).expect("spawn").join().expect("drop");
}

#[test]
fn repl_refines_earlier_variables() {
    let mut tc = Typeck::new();
    for input in ["let mut v = Vec::new();", "v.push(1u8);"] {
        let (file, d) = crate::syntax::parse_repl(input);
        assert!(d.is_empty());
        tc.check_file(&file);
    }
    let (e, _) = crate::syntax::parse_expr("v");
    assert_eq!(tc.type_of_expr(&e.expect("expr")).to_string(), "Vec<u8>");
    assert_eq!(tc.var_ty("v").map(ToString::to_string).as_deref(), Some("Vec<u8>"));
    let (e, _) = crate::syntax::parse_expr("v.get(1..2)");
    let e = e.expect("expr");
    assert_eq!(tc.type_of_expr(&e).to_string(), "Option<&u8>");
}

#[test]
fn user_trait_on_integers_and_generic_calls() {
    let src = "trait Double { fn double(&self) -> Self; }\nimpl Double for i64 { fn double(&self) -> i64 { self * 2 } }\n\
               fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T { xs[0] }\n\
               fn main() { let a = 5.double(); let v = vec![1u16, 2]; let m = largest(&v); let w = [3, 4]; let n = largest(&w) + 1u8; }\n";
    assert_eq!(ty(src, "5"), "i64");
    assert_eq!(ty(src, "largest(&v)"), "u16");
    assert_eq!(ty(src, "3"), "u8");
}

/// A tiny deterministic PRNG for the mutation test.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

/// Sources mutated by the robustness test: every construct the checker handles.
const MUTATION_SEEDS: &[&str] = &[
    "use std::collections::HashMap;\nstruct P<T> { x: T, v: Vec<T> }\nimpl<T: Clone> P<T> { fn get(&self) -> Option<&T> { self.v.first() } }\n\
     trait S { fn a(&self) -> u8 { 1 } }\nimpl S for P<u8> {}\nenum E { A(u8), B { x: i64 }, C }\n\
     fn f<F: Fn(u32) -> u32>(g: F) -> u32 { g(2) }\n\
     fn main() { let mut m: HashMap<String, Vec<u64>> = HashMap::new(); m.entry(\"a\".into()).or_default().push(3);\n\
     let p = P { x: 1u8, v: vec![2] }; let e = E::B { x: -4 }; match e { E::A(n) => {} E::B { x } if x > 0 => {} _ => {} }\n\
     let s: u64 = (1..10).map(|i| i * 2).filter(|x| x % 3 == 0).sum(); let w = [1, 2, 3]; if let [a, .., c] = w {}\n\
     let r = f(|x| x + 1); let t = (1, 2.5, 'c'); let q = 'l: loop { break 'l 5u16; }; let z = p.get().map(|v| *v as f64);\n\
     let st = format!(\"{:>w$}\", 1, w = 3); let o: Option<i32> = \"5\".parse().ok(); let c = v![1];\n\
     for (k, v) in &m { let n = v.len() + k.len(); } let cl = move || r * 2; while let Some(x) = Some(1) { break; } }\n",
];

#[test]
fn mutated_programs_never_panic() {
    let mut rng = Lcg(0x5eed);
    let mut sources: Vec<String> = Vec::new();
    for seed in MUTATION_SEEDS {
        let bytes: Vec<char> = seed.chars().collect();
        for _ in 0..150 {
            let mut v = bytes.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(v.len());
                let len = 1 + rng.below(12);
                match rng.below(3) {
                    0 => {
                        let end = (at + len).min(v.len());
                        v.drain(at..end);
                    }
                    1 => {
                        let end = (at + len).min(v.len());
                        let chunk: Vec<char> = v[at..end].to_vec();
                        let to = rng.below(v.len());
                        for (i, c) in chunk.into_iter().enumerate() {
                            v.insert(to + i, c);
                        }
                    }
                    _ => {
                        let tokens = ["(", ")", "{", "}", "1", "x", ".", "::", "&", "|", "<", ">", ";", "let", "as u8"];
                        let t = tokens[rng.below(tokens.len())];
                        for (i, c) in t.chars().enumerate() {
                            v.insert((at + i).min(v.len()), c);
                        }
                    }
                }
            }
            sources.push(v.into_iter().collect());
        }
    }
    let big = std::thread::Builder::new().stack_size(64 << 20);
    let ok = big
        .spawn(move || {
            for s in &sources {
                let (file, _) = crate::syntax::parse_file(s);
                let mut tc = Typeck::new();
                let _ = tc.check_file(&file);
                let (rf, _) = crate::syntax::parse_repl(s);
                let _ = tc.check_file(&rf);
            }
        })
        .expect("spawn")
        .join();
    assert!(ok.is_ok());
}

#[test]
fn struct_generic_bounds_give_closure_types() {
    let src = "struct C<F> where F: Fn(u64) -> u64 { f: F }\nfn main() { let c = C { f: |x| x + 1 }; let r = (c.f)(2); }\n";
    assert_eq!(ty(src, "1"), "u64");
    assert_eq!(ty(src, "2"), "u64");
}

#[test]
fn expected_type_is_never_an_incompatible_context() {
    let src = main_body("let s: &str = &String::from(\"a\"); let b: Box<dyn std::fmt::Debug> = Box::new(1u8);");
    assert_eq!(expected_at(&src, "String::from(\"a\")"), "String");
    assert_eq!(expected_at(&src, "Box::new(1u8)"), "Box<dyn Debug>");
}

#[test]
fn module_paths_reach_flattened_items() {
    let src = "mod geo { pub const K: u16 = 3; pub struct P { pub x: u8 } pub fn mk(x: u8) -> P { P { x } } pub mod deep { pub fn f(a: i64) -> i64 { a } } }\n\
               fn main() { let p = geo::mk(1); let q = geo::P { x: 2 }; let k = geo::K + 4; let d = crate::geo::deep::f(5); let m = std::cmp::max(6u32, 7); }\n";
    assert_eq!(ty(src, "1"), "u8");
    assert_eq!(ty(src, "2"), "u8");
    assert_eq!(ty(src, "4"), "u16");
    assert_eq!(ty(src, "5"), "i64");
    assert_eq!(ty(src, "7"), "u32");
    assert_eq!(ty(src, "geo::mk(1)"), "P");
}

#[test]
fn compound_assignment_through_references() {
    let src = main_body("let v: Vec<u64> = vec![1]; let mut total = 0; for x in &v { total += x; }");
    assert_eq!(ty(&src, "0"), "u64");
}

#[test]
fn user_types_named_like_table_markers() {
    let src = "struct Item<T> { v: T }\nfn mk<T>(v: T) -> Item<T> { Item { v } }\nfn main() { let i = mk(3u8); let w = i.v + 1; }\n";
    assert_eq!(ty(src, "i.v + 1"), "u8");
    assert_eq!(ty(src, "mk(3u8)"), "Item<u8>");
}

#[test]
fn collect_into_result_and_unzip() {
    let src = main_body(
        "let r: Result<Vec<i32>, _> = [\"1\", \"x\"].iter().map(|s| s.parse::<i32>()).collect();\n\
         let (a, b): (Vec<u8>, Vec<char>) = vec![(1, 'a')].into_iter().unzip();",
    );
    assert_eq!(expected_at(&src, "[\"1\", \"x\"].iter().map(|s| s.parse::<i32>()).collect()"), "Result<Vec<i32>, ParseIntError>");
    assert_eq!(ty_at(&src, "1", 1), "u8");
}

#[test]
fn user_deref_impls() {
    let src = "use std::ops::Deref;\nstruct MyBox<T>(T);\nimpl<T> Deref for MyBox<T> { type Target = T; fn deref(&self) -> &T { &self.0 } }\n\
               fn main() { let b = MyBox(5u16); let c = *b + 1; }\n";
    assert_eq!(ty(src, "*b + 1"), "u16");
}

#[test]
fn control_flow_values() {
    let src = "fn f() -> Result<u16, String> { let x: Result<u16, String> = Ok(1); let y = x?; Ok(y + 2) }\n\
               fn main() { let a = 'l: loop { break 'l 3u8; }; let b = loop { break 4; }; let c: i64 = b;\n\
               let d = match a { 0 => 5, _ => 6 }; let e: u32 = d; let g = if a > 1 { 7.0 } else { return }; }\n";
    assert_eq!(ty(src, "2"), "u16");
    assert_eq!(ty(src, "4"), "i64");
    assert_eq!(ty(src, "5"), "u32");
    assert_eq!(ty(src, "1"), "u16");
    assert_eq!(ty(src, "7.0"), "f64");
    assert_eq!(ty(src, "x?"), "u16");
}

#[test]
fn slice_patterns_and_struct_update() {
    let src = "#[derive(Default)] struct C { a: u8, b: i64 }\n\
               fn main() { let v = [1u32, 2, 3]; if let [first, rest @ ..] = &v[..] { let n = first + 1; let m = rest.len(); }\n\
               let c = C { a: 9, ..Default::default() }; }\n";
    assert_eq!(ty(src, "first + 1"), "u32");
    assert_eq!(ty(src, "rest.len()"), "usize");
    assert_eq!(ty(src, "9"), "u8");
    assert_eq!(expected_at(src, "Default::default()"), "C");
}

#[test]
fn async_functions_and_await() {
    let src = "async fn get() -> u8 { 4 }\nasync fn run() { let x = get().await; let y = x + 1; }\nfn main() {}\n";
    assert_eq!(ty(src, "4"), "u8");
    assert_eq!(ty(src, "x + 1"), "u8");
    assert_eq!(ty_at(src, "get()", 1), "Future<u8>");
}

#[test]
fn from_impls_chosen_by_literal_argument() {
    let src = "struct N(i64);\nimpl From<&str> for N { fn from(s: &str) -> N { N(s.len() as i64) } }\n\
               impl From<u8> for N { fn from(b: u8) -> N { N(b as i64) } }\n\
               fn main() { let a = N::from(200); let b = N::from(\"x\"); }\n";
    assert_eq!(ty(src, "200"), "u8");
    assert_eq!(ty(src, "N::from(200)"), "N");
}

#[test]
fn into_user_types_types_the_literal() {
    let src = "struct N(i64);\nimpl From<&str> for N { fn from(s: &str) -> N { N(s.len() as i64) } }\n\
               impl From<u8> for N { fn from(b: u8) -> N { N(b as i64) } }\n\
               fn main() { let a: N = 200.into(); }\n";
    assert_eq!(ty(src, "200"), "u8");
}

#[test]
fn trait_impls_for_references() {
    let src = "trait Shout { fn shout(&self) -> String; }\nimpl Shout for &str { fn shout(&self) -> String { self.to_uppercase() } }\n\
               fn main() { let s = \"hi\".shout(); }\n";
    assert_eq!(ty(src, "\"hi\".shout()"), "String");
}

#[test]
fn type_aliases() {
    let src = "#[derive(Debug)] struct MyErr;\ntype Result<T> = std::result::Result<T, MyErr>;\ntype Grid = Vec<Vec<u8>>;\n\
               fn f() -> Result<u16> { Ok(1) }\nfn g() -> std::result::Result<i64, String> { Ok(2) }\n\
               fn main() { let gr: Grid = vec![vec![3]]; let x = f(); }\n";
    assert_eq!(ty(src, "1"), "u16");
    assert_eq!(ty(src, "2"), "i64");
    assert_eq!(ty(src, "3"), "u8");
    assert_eq!(ty_at(src, "f()", 1), "Result<u16, MyErr>");
}

#[test]
fn generic_arguments_per_call() {
    let src = "fn sum_all<T: Default>(xs: &[T]) -> T { T::default() }\nstruct W<T>(T);\nimpl<T> W<T> { fn get<U: Default>(&self) -> U { U::default() } }\n\
               fn main() { let a = sum_all(&[1u8, 2]); let w = W(1.5); let b: i64 = w.get(); }\n";
    let (file, _) = crate::syntax::parse_file(src);
    let mut tc = Typeck::new();
    let info = tc.check_file(&file);
    let find = |text: &str| {
        let span = spans_of(src, text)[0];
        info.at_span(span).first().map(|(id, _)| *id).expect("typed")
    };
    let fmt = |args: &[(String, crate::types::Ty)]| args.iter().map(|(n, t)| format!("{n}={t}")).collect::<Vec<_>>().join(",");
    let id = find("sum_all(&[1u8, 2])");
    assert_eq!(info.generic_args(id).map(fmt).as_deref(), Some("T=u8"));
    let m = find("w.get()");
    assert_eq!(info.generic_args(m).map(fmt).as_deref(), Some("T=f64,U=i64,Self=W<f64>"));
}
