//! Parser error tests: precise diagnostics with help, recovery with several errors per run
//! and no cascades.

use super::*;
use crate::ast::{ItemKind, Span};

fn errors(src: &str) -> Vec<Diagnostic> {
    let d = parse_file(src).1;
    for x in &d {
        assert!(x.help.is_some(), "diagnostic without help: {x:?}");
        assert!(!x.label.is_empty(), "diagnostic without label: {x:?}");
        assert!(x.span.hi as usize <= src.len());
    }
    d
}

fn one_error(src: &str) -> Diagnostic {
    let mut d = errors(src);
    assert_eq!(d.len(), 1, "expected one diagnostic for {src:?}: {d:#?}");
    d.remove(0)
}

#[test]
fn missing_semicolon_points_after_the_statement() {
    let src = "fn main() {\n    let x = 1\n    let y = 2;\n}\n";
    let d = one_error(src);
    assert_eq!(d.message, "expected `;`, found keyword `let`");
    let end_of_1 = src.find("1\n").unwrap() + 1;
    assert_eq!(d.span, Span::new(end_of_1, end_of_1));
    assert_eq!(d.help.as_deref(), Some("add `;` here"));
    // The statement after it still parses: the function has both lets.
    let (f, _) = parse_file(src);
    let ItemKind::Fn(fd) = &f.items[0].kind else { panic!() };
    assert_eq!(fd.body.as_ref().unwrap().stmts.len(), 2);
}

#[test]
fn several_errors_without_cascades() {
    let src = "fn a() { let = 3; }\nfn b() { foo(1 2); }\nstruct S { x: i32 y: i32 }\nfn c() { match v { 1 => x 2 => y } }\nfn ok() { let fine = 1; }\n";
    let d = errors(src);
    assert_eq!(d.len(), 4, "{d:#?}");
    assert!(d[0].message.contains("expected pattern"));
    assert!(d[1].message.contains("expected `,`, or `)`"));
    assert!(d[2].message.contains("expected `,`, or `}`"));
    assert!(d[3].message.contains("following `match` arm"));
    // Every item is still there, the struct with both fields, the call with both arguments.
    let f = parse_file(src).0;
    assert_eq!(f.items.len(), 5);
    let ItemKind::Struct(s) = &f.items[2].kind else { panic!() };
    assert!(matches!(&s.fields, crate::ast::Fields::Named(v) if v.len() == 2));
    let ItemKind::Fn(b) = &f.items[1].kind else { panic!() };
    let crate::ast::StmtKind::Expr(call, _) = &b.body.as_ref().unwrap().stmts[0].kind else { panic!() };
    assert!(matches!(&call.kind, crate::ast::ExprKind::Call(_, args) if args.len() == 2));
}

#[test]
fn unclosed_and_mismatched_delimiters() {
    let src = "fn main() {\n    let v = vec![1, 2;\n";
    let d = one_error(src);
    assert!(d.message.contains("unclosed delimiter"), "{d:?}");
    assert_eq!(d.span, Span::new(src.len(), src.len()));
    assert!(d.secondary.iter().any(|(s, l)| l == "unclosed delimiter" && s.lo as usize == src.find('{').unwrap()));
    let d = one_error("fn main() { let x = (1 + 2; }");
    assert!(d.message.contains("mismatched closing delimiter"), "{d:?}");
    assert_eq!(d.secondary.len(), 1);
    let d = one_error("fn main() { } }");
    assert!(d.message.contains("unexpected closing delimiter"), "{d:?}");
}

#[test]
fn top_level_statements_in_files() {
    let d = one_error("let x = 5;\nfn main() {}");
    assert_eq!(d.message, "expected item, found keyword `let`");
    assert!(d.help.as_deref().unwrap().contains("fn main()"));
    let d = one_error("println!(\"hi\");");
    assert!(d.message.contains("item level"), "{d:?}");
}

#[test]
fn lexer_errors() {
    let d = one_error("fn main() { let c = '\\q'; }");
    assert!(d.message.contains("unknown character escape"));
    let d = one_error("fn main() { let x = 1; § }");
    assert!(d.message.contains("unknown start of token"), "{d:?}");
    let d = one_error("fn main() { let s = \"abc; }");
    assert!(d.message.contains("unterminated double quote string"), "{d:?}");
    let d = one_error("fn main() { let x = 5u7; }");
    assert!(d.message.contains("invalid width `7`"), "{d:?}");
    let d = one_error("fn main() { let x = 5xyz; }");
    assert!(d.message.contains("invalid suffix `xyz`"), "{d:?}");
    let d = one_error("fn main() { let t = (1, (2, 3)); t.1.0x; }");
    assert_eq!(d.message, "suffixes on a tuple index are invalid");
    let d = one_error("fn main() { let x = 0x; }");
    assert!(d.message.contains("no valid digits"), "{d:?}");
    let d = one_error("fn main() { let x = 1000000000000000000000000000000000000000000000; }");
    assert!(d.message.contains("too large"), "{d:?}");
}

#[test]
fn expression_errors() {
    let d = one_error("fn main() { let x = a < b < c; }");
    assert!(d.message.contains("cannot be chained"));
    let d = one_error("fn main() { let x = foo::bar<i32>(); }");
    assert!(d.help.as_deref().unwrap().contains("::<"));
    let d = one_error("fn main() { let x = let y = 1; }");
    assert!(d.message.contains("`let`"), "{d:?}");
    let d = one_error("fn main() { let r = 1..=; }");
    assert!(d.message.contains("inclusive range with no end"), "{d:?}");
    let d = one_error("fn main() { for x v {} }");
    assert!(d.message.contains("missing `in`"), "{d:?}");
    let d = one_error("fn main() { if x { } else y }");
    assert_eq!(d.message, "expected `{`, found `y`");
    let d = one_error("fn main() { if { } }");
    assert_eq!(d.message, "missing condition for `if` expression");
    let d = one_error("fn main() { let x = 1 + + 2; }");
    assert_eq!(d.message, "leading `+` is not supported");
    let d = one_error("impl Foo { pub b() {} fn c() {} }");
    assert_eq!(d.message, "missing `fn` for function definition");
    let d = one_error("fn main() { x.0.; }");
    assert_eq!(d.message, "unexpected token: `;`");
    let d = one_error("fn main() { let x = b'é'; }");
    assert_eq!(d.message, "non-ASCII character in byte literal");
    let d = one_error("fn main() { x.; }");
    assert_eq!(d.message, "unexpected token: `;`");
    let d = one_error("fn f(&self) {} impl S { fn g(&self) { fn h() {} } }");
    assert_eq!(d.message, "`self` parameter is only allowed in associated functions");
}

#[test]
fn macro_errors() {
    let d = one_error("fn main() { println!(x); }");
    assert_eq!(d.message, "format argument must be a string literal");
    assert!(d.help.as_deref().unwrap().contains("\"{}\""));
    let d = one_error("fn main() { my_macro!(a => b); }");
    assert!(d.message.contains("unknown macro `my_macro!`"), "{d:?}");
    let d = one_error("macro_rules! m { () => {} }\nfn main() {}");
    assert!(d.message.contains("macro_rules!"), "{d:?}");
    let d = one_error("fn main() { println!(\"{}\" x); }");
    assert!(d.message.contains("println!"), "{d:?}");
}

#[test]
fn nesting_limit() {
    let src = format!("fn main() {{ let x = {}1{}; }}", "(".repeat(400), ")".repeat(400));
    let d = one_error(&src);
    assert_eq!(d.message, "expression nests too deeply");
    // Reasonable nesting is fine.
    let src = format!("fn main() {{ let x = {}1{}; }}", "(".repeat(60), ")".repeat(60));
    assert!(errors(&src).is_empty());
    let src = format!("fn main() {{ {}{} }}", "if a { ".repeat(40), "}".repeat(40));
    assert!(errors(&src).is_empty());
}
