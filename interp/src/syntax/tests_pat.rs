//! Pattern, type and macro tests.

use super::tests::{expr, file};
use super::tests_expr::sx;
use crate::ast::*;

/// The pattern of `match x { PAT => () }`.
fn pat(src: &str) -> Pat {
    let e = expr(&format!("match x {{ {src} => () }}"));
    let ExprKind::Match { mut arms, .. } = e.kind else { panic!() };
    arms.remove(0).pat
}

/// The type of `let x: TY;`.
fn ty(src: &str) -> Type {
    let f = file(&format!("fn f() {{ let x: {src}; }}"));
    let ItemKind::Fn(f) = &f.items[0].kind else { panic!() };
    match &f.body.as_ref().unwrap().stmts[0].kind {
        StmtKind::Let { ty: Some(t), .. } => t.clone(),
        _ => panic!(),
    }
}

fn mac(src: &str) -> MacroArgs {
    match expr(src).kind {
        ExprKind::Macro(m) => m.args,
        k => panic!("not a macro: {k:?}"),
    }
}

#[test]
fn literal_and_range_patterns() {
    assert!(matches!(pat("1").kind, PatKind::Lit(_)));
    let PatKind::Lit(e) = pat("-1").kind else { panic!() };
    assert_eq!(sx(&e), "(neg 1)");
    assert!(matches!(pat("'a'").kind, PatKind::Lit(_)));
    assert!(matches!(pat("\"s\"").kind, PatKind::Lit(_)));
    assert!(matches!(pat("true").kind, PatKind::Lit(_)));
    assert!(matches!(pat("1..=5").kind, PatKind::Range { lo: Some(_), hi: Some(_), inclusive: true }));
    assert!(matches!(pat("'a'..='z'").kind, PatKind::Range { inclusive: true, .. }));
    assert!(matches!(pat("0..10").kind, PatKind::Range { inclusive: false, hi: Some(_), .. }));
    assert!(matches!(pat("5..").kind, PatKind::Range { hi: None, .. }));
    assert!(matches!(pat("..=9").kind, PatKind::Range { lo: None, inclusive: true, .. }));
    assert!(matches!(pat("-10..=-1").kind, PatKind::Range { .. }));
    assert!(matches!(pat("i32::MIN..=0").kind, PatKind::Range { .. }));
}

#[test]
fn structural_patterns() {
    assert!(matches!(pat("_").kind, PatKind::Wild));
    let PatKind::Tuple(v) = pat("(a, _, ..)").kind else { panic!() };
    assert!(matches!(v[2].kind, PatKind::Rest));
    let PatKind::TupleStruct { path, elems } = pat("Some(x)").kind else { panic!() };
    assert_eq!(path.as_ident(), Some("Some"));
    assert_eq!(elems.len(), 1);
    let PatKind::Struct { path, fields, rest } = pat("Point { x, y: 0, ref mut z, .. }").kind else { panic!() };
    assert_eq!(path.as_ident(), Some("Point"));
    assert!(rest && fields.len() == 3);
    assert!(matches!(fields[0].pat.kind, PatKind::Ident { ref name, .. } if name.name == "x"));
    assert!(matches!(fields[1].pat.kind, PatKind::Lit(_)));
    assert!(matches!(fields[2].pat.kind, PatKind::Ident { by_ref: true, mutable: true, .. }));
    assert!(matches!(pat("Color::Red").kind, PatKind::Path(ref p) if p.segments.len() == 2));
    assert!(matches!(pat("None").kind, PatKind::Ident { .. }));
    let PatKind::Slice(v) = pat("[first, rest @ .., last]").kind else { panic!() };
    assert!(matches!(v[1].kind, PatKind::Ident { sub: Some(ref s), .. } if matches!(s.kind, PatKind::Rest)));
    assert!(matches!(pat("ref r").kind, PatKind::Ident { by_ref: true, mutable: false, .. }));
    assert!(matches!(pat("mut m").kind, PatKind::Ident { by_ref: false, mutable: true, .. }));
    assert!(matches!(pat("n @ 1..=9").kind, PatKind::Ident { sub: Some(_), .. }));
    let PatKind::Or(v) = pat("| A | B(_) | C { .. }").kind else { panic!() };
    assert_eq!(v.len(), 3);
    assert!(matches!(pat("&(a, b)").kind, PatKind::Ref { mutable: false, .. }));
    assert!(matches!(pat("&mut x").kind, PatKind::Ref { mutable: true, .. }));
    let PatKind::Ref { pat: inner, .. } = pat("&&x").kind else { panic!() };
    assert!(matches!(inner.kind, PatKind::Ref { .. }));
    let PatKind::Tuple(v) = pat("(Some(n @ 1..=3), Err(ref e))").kind else { panic!() };
    assert_eq!(v.len(), 2);
    // `(p)` is just `p`; `(p,)` is a one-tuple.
    assert!(matches!(pat("(x)").kind, PatKind::Ident { .. }));
    assert!(matches!(pat("(x,)").kind, PatKind::Tuple(ref v) if v.len() == 1));
}

#[test]
fn types() {
    let t = ty("Vec<Vec<i32>>");
    let TypeKind::Path(p) = &t.kind else { panic!() };
    let inner = &p.segments[0].generics.as_ref().unwrap()[0];
    assert!(matches!(&inner.kind, TypeKind::Path(p) if p.segments[0].generics.is_some()));
    assert!(matches!(ty("HashMap<String, Vec<Vec<u8>>>").kind, TypeKind::Path(_)));
    assert!(matches!(ty("&'a mut str").kind, TypeKind::Ref { mutable: true, .. }));
    assert!(matches!(ty("&&str").kind, TypeKind::Ref { inner: ref i, .. } if matches!(i.kind, TypeKind::Ref { .. })));
    assert!(matches!(ty("(i32, String)").kind, TypeKind::Tuple(ref v) if v.len() == 2));
    assert!(matches!(ty("()").kind, TypeKind::Tuple(ref v) if v.is_empty()));
    assert!(matches!(ty("[u8; 4]").kind, TypeKind::Array(..)));
    assert!(matches!(ty("&[u8]").kind, TypeKind::Ref { inner: ref i, .. } if matches!(i.kind, TypeKind::Slice(_))));
    assert!(matches!(ty("fn(i32) -> i32").kind, TypeKind::Fn { ref params, ret: Some(_) } if params.len() == 1));
    let TypeKind::ImplTrait(b) = ty("impl Fn(i32) -> i32").kind else { panic!() };
    assert!(b[0].fn_sugar.is_some());
    let TypeKind::Ref { inner, .. } = ty("&dyn Trait").kind else { panic!() };
    assert!(matches!(inner.kind, TypeKind::DynTrait(_)));
    let t = ty("Box<dyn Fn(&str) -> String + Send + 'static>");
    let TypeKind::Path(p) = &t.kind else { panic!() };
    let TypeKind::DynTrait(b) = &p.segments[0].generics.as_ref().unwrap()[0].kind else { panic!() };
    assert_eq!(b.len(), 3);
    assert!(b[2].lifetime);
    let TypeKind::ImplTrait(b) = ty("impl Iterator<Item = u32>").kind else { panic!() };
    assert_eq!(b[0].assoc.len(), 1);
    assert!(matches!(ty("_").kind, TypeKind::Infer));
    assert!(matches!(ty("*const u8").kind, TypeKind::Ptr { mutable: false, .. }));
    assert!(matches!(ty("std::collections::HashMap<K, V>").kind, TypeKind::Path(ref p) if p.segments.len() == 3));
    let f = file("fn f() -> ! { loop {} } fn g<T: ?Sized>() {}");
    let ItemKind::Fn(f0) = &f.items[0].kind else { panic!() };
    assert!(matches!(f0.ret.as_ref().unwrap().kind, TypeKind::Never));
    let ItemKind::Fn(f1) = &f.items[1].kind else { panic!() };
    assert!(f1.generics.params[0].bounds[0].maybe);
}

#[test]
fn format_macros() {
    let MacroArgs::Format { target, leading, fmt, args } = mac("println!(\"{} {x} {:?}\", a, x = 1, b)") else { panic!() };
    assert!(target.is_none() && leading.is_empty());
    assert!(matches!(fmt, Some(Lit { kind: LitKind::Str(ref s), .. }) if s == "{} {x} {:?}"));
    assert_eq!(args.len(), 3);
    assert_eq!(args[1].name.as_ref().map(|n| n.name.as_str()), Some("x"));
    assert!(matches!(mac("println!()"), MacroArgs::Format { fmt: None, .. }));
    assert!(matches!(mac("panic!()"), MacroArgs::Format { fmt: None, .. }));
    let MacroArgs::Format { target, fmt, args, .. } = mac("writeln!(f, \"{}\", self.x)") else { panic!() };
    assert!(target.is_some() && fmt.is_some() && args.len() == 1);
    assert!(matches!(mac("writeln!(f)"), MacroArgs::Format { target: Some(_), fmt: None, .. }));
    let MacroArgs::Format { leading, fmt, args, .. } = mac("assert_eq!(a, b, \"values {}\", c)") else { panic!() };
    assert!(leading.len() == 2 && fmt.is_some() && args.len() == 1);
    assert!(matches!(mac("assert!(x > 1)"), MacroArgs::Exprs(ref v) if v.len() == 1));
    assert!(matches!(mac("assert_ne!(a, b,)"), MacroArgs::Exprs(ref v) if v.len() == 2));
    assert!(matches!(mac("assert!(ok, \"bad {}\", 1)"), MacroArgs::Format { ref leading, .. } if leading.len() == 1));
    assert!(matches!(mac("format!(\"{}\", 1,)"), MacroArgs::Format { ref args, .. } if args.len() == 1));
    assert!(matches!(mac("todo!()"), MacroArgs::Format { fmt: None, .. }));
    assert!(matches!(mac("unreachable!(\"no {}\", 1)"), MacroArgs::Format { fmt: Some(_), .. }));
}

#[test]
fn other_macros() {
    assert!(matches!(mac("vec![1, 2, 3]"), MacroArgs::Exprs(ref v) if v.len() == 3));
    assert!(matches!(mac("vec![]"), MacroArgs::Exprs(ref v) if v.is_empty()));
    assert!(matches!(mac("vec![0; n]"), MacroArgs::Repeat(..)));
    assert!(matches!(mac("vec!(1, 2)"), MacroArgs::Exprs(ref v) if v.len() == 2));
    assert!(matches!(mac("dbg!(a, b + 1)"), MacroArgs::Exprs(ref v) if v.len() == 2));
    let MacroArgs::Matches { pat, guard, .. } = mac("matches!(c, 'a'..='z' | 'A'..='Z' if c != 'q')") else { panic!() };
    assert!(matches!(pat.kind, PatKind::Or(_)) && guard.is_some());
    assert!(matches!(mac("my_macro!(1, x)"), MacroArgs::Exprs(ref v) if v.len() == 2));
    let (f, d) = super::parse_file("fn main() { thread_local! { static X: u8 = 1; } }");
    assert!(f.items.len() == 1 && d.len() == 1 && d[0].message.contains("unknown macro"), "{d:?}");
}
