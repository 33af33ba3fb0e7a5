//! Parser tests for items, statements and the REPL entry points (shared helpers here).

use super::*;
use crate::ast::*;

/// Parse a file that must have no diagnostics.
pub(super) fn file(src: &str) -> SourceFile {
    let (f, d) = parse_file(src);
    assert!(d.is_empty(), "unexpected diagnostics for {src:?}: {d:#?}");
    f
}

/// Parse one expression that must have no diagnostics.
pub(super) fn expr(src: &str) -> Expr {
    let (e, d) = parse_expr(src);
    assert!(d.is_empty(), "unexpected diagnostics for {src:?}: {d:#?}");
    e.expect("an expression")
}

/// The one item of a file.
fn item(src: &str) -> Item {
    let mut f = file(src);
    assert_eq!(f.items.len(), 1, "{src}");
    f.items.remove(0)
}

fn fn_decl(src: &str) -> FnDecl {
    match item(src).kind {
        ItemKind::Fn(f) => f,
        k => panic!("not a fn: {k:?}"),
    }
}

#[test]
fn smoke_program() {
    let f = file(
        r#"
use std::collections::HashMap;
#[derive(Debug, Clone)]
struct Point { x: i32, y: i32 }
enum Shape { Circle(f64), Rect { w: f64, h: f64 }, Empty }
impl Point {
    fn new(x: i32, y: i32) -> Self { Point { x, y } }
    fn dist(&self) -> f64 { ((self.x * self.x + self.y * self.y) as f64).sqrt() }
}
trait Area { fn area(&self) -> f64; fn twice(&self) -> f64 { self.area() * 2.0 } }
impl Area for Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle(r) => 3.14 * r * r,
            Shape::Rect { w, h } => w * h,
            Shape::Empty => 0.0,
        }
    }
}
fn main() {
    let mut m: HashMap<String, Vec<i32>> = HashMap::new();
    let v = vec![1, 2, 3];
    for (i, x) in v.iter().enumerate() {
        if let Some(y) = m.get(&i.to_string()) { println!("{} {:?}", x, y); }
    }
    let total: i32 = v.iter().map(|x| x * 2).filter(|&x| x > 2).sum();
    let mut n = 0;
    while n < 10 { n += 1; }
    let r = loop { break 5; };
    let p = Point::new(1, 2);
    println!("{total} {r} {}", p.dist());
    let c = move || n + 1;
    assert_eq!(c(), 11, "closure {}", n);
}
"#,
    );
    assert_eq!(f.items.len(), 7);
    assert_eq!(f.items[1].derives().collect::<Vec<_>>(), ["Debug", "Clone"]);
}

#[test]
fn functions() {
    let f = fn_decl("pub(crate) const unsafe fn f<'a, T: Clone + 'a, const N: usize>(x: &'a T, (a, b): (i32, i32)) -> Vec<T> where T: Default { vec![] }");
    assert!(f.is_const && f.is_unsafe && !f.is_async);
    assert_eq!(f.generics.params.len(), 3);
    assert!(matches!(f.generics.params[0].kind, GenericParamKind::Lifetime));
    assert_eq!(f.generics.params[1].bounds.len(), 2);
    assert!(matches!(f.generics.params[2].kind, GenericParamKind::Const { .. }));
    assert_eq!(f.generics.where_clause.len(), 1);
    assert_eq!(f.params.len(), 2);
    assert!(matches!(f.params[1].pat.kind, PatKind::Tuple(_)));
    assert!(f.ret.is_some());
    let it = item("pub(crate) fn g() {}");
    assert!(it.public);
    let f = fn_decl("async fn h() {}");
    assert!(f.is_async && f.body.is_some());
    let f = fn_decl("extern \"C\" fn k() {}");
    assert!(f.body.is_some());
}

#[test]
fn self_params() {
    let t = item("trait T { fn a(self); fn b(&self); fn c(&mut self); fn d(mut self); fn e(&'a self); fn f(self: Box<Self>); fn g(self: &mut Self, x: i32); }");
    let ItemKind::Trait(t) = t.kind else { panic!() };
    let sp: Vec<_> = t
        .items
        .iter()
        .map(|i| match &i.kind {
            ItemKind::Fn(f) => {
                let s = f.self_param.as_ref().unwrap();
                (s.kind, s.mutable, s.ty.is_some(), f.body.is_none())
            }
            _ => panic!(),
        })
        .collect();
    use SelfKind::*;
    assert_eq!(
        sp,
        [
            (Value, false, false, true),
            (Ref, false, false, true),
            (RefMut, false, false, true),
            (Value, true, false, true),
            (Ref, false, false, true),
            (Value, false, true, true),
            (RefMut, false, true, true)
        ]
    );
    let ItemKind::Trait(t) = item("trait T { fn g(self: &mut Self, x: i32); }").kind else { panic!() };
    let ItemKind::Fn(f) = &t.items[0].kind else { panic!() };
    assert_eq!(f.params.len(), 1);
}

#[test]
fn structs_and_enums() {
    let ItemKind::Struct(s) = item("struct P<T> { pub x: T, #[allow(dead_code)] y: i32, }").kind else { panic!() };
    let Fields::Named(f) = &s.fields else { panic!() };
    assert!(f[0].public && !f[1].public && f[1].attrs.len() == 1);
    let ItemKind::Struct(s) = item("struct W(pub i32, String);").kind else { panic!() };
    let Fields::Tuple(f) = &s.fields else { panic!() };
    assert_eq!((f[0].name.name.as_str(), f[1].name.name.as_str()), ("0", "1"));
    let ItemKind::Struct(s) = item("struct U;").kind else { panic!() };
    assert_eq!(s.fields, Fields::Unit);
    let ItemKind::Enum(e) = item("enum E<T> { A, B(T, i32), C { x: u8 }, D = 5, }").kind else { panic!() };
    assert_eq!(e.variants.len(), 4);
    assert_eq!(e.variants[0].fields, Fields::Unit);
    assert!(matches!(e.variants[1].fields, Fields::Tuple(ref v) if v.len() == 2));
    assert!(matches!(e.variants[2].fields, Fields::Named(_)));
    assert!(e.variants[3].discriminant.is_some());
}

#[test]
fn impls_and_traits() {
    let ItemKind::Impl(i) = item("impl<T: Clone> fmt::Display for Wrapper<T> where T: Debug { fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { write!(f, \"x\") } }").kind else {
        panic!()
    };
    assert_eq!(i.trait_.as_ref().unwrap().segments.len(), 2);
    assert!(matches!(i.self_ty.kind, TypeKind::Path(ref p) if p.last().ident.name == "Wrapper"));
    assert_eq!(i.generics.params.len(), 1);
    assert_eq!(i.generics.where_clause.len(), 1);
    assert_eq!(i.items.len(), 1);
    let ItemKind::Impl(i) = item("impl !Send for T {}").kind else { panic!() };
    assert!(i.negative && i.trait_.is_some());
    let ItemKind::Impl(i) = item("unsafe impl Send for T {}").kind else { panic!() };
    assert!(i.is_unsafe);
    let ItemKind::Impl(i) = item("impl Iterator for Counter { type Item = u32; const N: usize = 3; fn next(&mut self) -> Option<u32> { None } }").kind else {
        panic!()
    };
    assert!(matches!(i.items[0].kind, ItemKind::TypeAlias(ref t) if t.ty.is_some()));
    assert!(matches!(i.items[1].kind, ItemKind::Const(_)));
    let ItemKind::Trait(t) = item("pub trait Shape: Debug + Clone { type Out: Display; const SIDES: u32; fn area(&self) -> f64; fn name(&self) -> String { String::from(\"s\") } }").kind else {
        panic!()
    };
    assert_eq!(t.supertraits.len(), 2);
    assert!(matches!(t.items[0].kind, ItemKind::TypeAlias(ref a) if a.ty.is_none() && a.bounds.len() == 1));
    assert!(matches!(t.items[1].kind, ItemKind::Const(ConstDecl { value: None, .. })));
    assert!(matches!(t.items[3].kind, ItemKind::Fn(FnDecl { body: Some(_), .. })));
}

#[test]
fn other_items() {
    assert!(matches!(item("const MAX: u32 = 10;").kind, ItemKind::Const(ConstDecl { value: Some(_), ty: Some(_), .. })));
    assert!(matches!(item("static mut COUNT: i32 = 0;").kind, ItemKind::Static(StaticDecl { mutable: true, .. })));
    assert!(matches!(item("type Grid<T> = Vec<Vec<T>>;").kind, ItemKind::TypeAlias(ref t) if t.generics.params.len() == 1));
    assert!(matches!(item("extern crate std;").kind, ItemKind::Ignored));
    let ItemKind::Mod(m) = item("mod geo { pub fn f() {} struct S; }").kind else { panic!() };
    assert_eq!(m.items.as_ref().map(Vec::len), Some(2));
    let f = file("#![allow(dead_code)]\n//! Crate docs.\n/// Doc.\nfn main() {}");
    assert_eq!(f.items.len(), 1);
    let it = item("#[derive(Debug, PartialEq)]\n#[cfg(test)]\n#[doc = \"hi\"]\nstruct S;");
    assert_eq!(it.attrs.len(), 3);
    assert_eq!(it.attrs[1].args, ["test"]);
    assert_eq!(it.attrs[2].args, ["hi"]);
}

#[test]
fn use_trees() {
    let ItemKind::Use(u) = item("use std::collections::{HashMap, hash_map::Entry as E, btree_map::*, self};").kind else { panic!() };
    let names: Vec<_> = u.prefix.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["std", "collections"]);
    let UseTreeKind::Nested(trees) = &u.kind else { panic!() };
    assert_eq!(trees.len(), 4);
    assert!(matches!(trees[1].kind, UseTreeKind::Simple { rename: Some(ref r) } if r.name == "E"));
    assert_eq!(trees[1].prefix.len(), 2);
    assert!(matches!(trees[2].kind, UseTreeKind::Glob));
    assert_eq!(trees[3].prefix[0].name, "self");
    let ItemKind::Use(u) = item("use std::fmt;").kind else { panic!() };
    assert!(matches!(u.kind, UseTreeKind::Simple { rename: None }));
    assert_eq!(u.prefix.len(), 2);
    let ItemKind::Use(u) = item("use super::*;").kind else { panic!() };
    assert!(matches!(u.kind, UseTreeKind::Glob));
}

#[test]
fn let_statements() {
    let f = fn_decl("fn f() { let (a, mut b): (i32, i32) = (1, 2); let x; let Some(v) = o else { return; }; }");
    let stmts = &f.body.unwrap().stmts;
    assert!(matches!(&stmts[0].kind, StmtKind::Let { pat: Pat { kind: PatKind::Tuple(_), .. }, ty: Some(_), init: Some(_), else_: None }));
    assert!(matches!(&stmts[1].kind, StmtKind::Let { ty: None, init: None, .. }));
    assert!(matches!(&stmts[2].kind, StmtKind::Let { else_: Some(_), .. }));
    let f = fn_decl("fn f() { struct Inner; fn helper() {} let x = 1; x }");
    let stmts = &f.body.unwrap().stmts;
    assert!(matches!(stmts[0].kind, StmtKind::Item(_)));
    assert!(matches!(stmts[1].kind, StmtKind::Item(_)));
    assert!(matches!(stmts[3].kind, StmtKind::Expr(_, false)));
}

#[test]
fn repl_inputs() {
    let (f, d) = parse_repl("fn sq(x: i32) -> i32 { x * x }\nlet a = 3;\nstruct S;\nsq(a)");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(f.items.len(), 2);
    assert_eq!(f.stmts.len(), 2);
    assert!(matches!(f.stmts[0].kind, StmtKind::Let { .. }));
    assert!(matches!(f.stmts[1].kind, StmtKind::Expr(_, false)));
    let (f, d) = parse_repl("println!(\"hi\");");
    assert!(d.is_empty());
    assert!(matches!(f.stmts[0].kind, StmtKind::Expr(_, true)));
    let (f, _) = parse_repl("if true { 1 } else { 2 }");
    assert!(matches!(f.stmts[0].kind, StmtKind::Expr(_, false)));
    let (f, d) = parse_repl("use std::collections::HashMap;\nlet mut m = HashMap::new();\nm.insert(1, 2);\nm");
    assert!(d.is_empty() && f.items.len() == 1 && f.stmts.len() == 3);
    // A final `let` may omit its `;` at the prompt.
    let (f, d) = parse_repl("let x = 5");
    assert!(d.is_empty() && matches!(f.stmts[0].kind, StmtKind::Let { .. }));
    let (f, d) = parse_repl("let x = 5\nlet y = 6;");
    assert!(d.len() == 1 && f.stmts.len() == 2);
    let (f, d) = parse_repl("");
    assert!(d.is_empty() && f.items.is_empty() && f.stmts.is_empty());
}

#[test]
fn parse_expr_entry() {
    assert!(parse_expr("1 + 2").0.is_some());
    let (e, d) = parse_expr("1 + ");
    assert!(e.is_none() && !d.is_empty());
    let (e, d) = parse_expr("1 2");
    assert!(e.is_none() && !d.is_empty());
}

#[test]
fn keywords_list() {
    assert!(KEYWORDS.contains(&"fn") && KEYWORDS.contains(&"match"));
}
