//! Expression tests: precedence and associativity (via a compact S-expression rendering),
//! and the shape of every expression form.

use super::tests::{expr, file};
use crate::ast::*;

/// A compact rendering: `(+ 1 (* 2 3))`, `(call f a)`, `(. x y)`, `(m x f a)`.
pub(super) fn sx(e: &Expr) -> String {
    let b = |e: &Expr| sx(e);
    match &e.kind {
        ExprKind::Lit(l) => match &l.kind {
            LitKind::Int(n, s) => format!("{n}{}", s.as_deref().unwrap_or("")),
            LitKind::Float(t, s) => format!("{t}{}", s.as_deref().unwrap_or("")),
            LitKind::Str(s) => format!("{s:?}"),
            LitKind::Char(c) => format!("{c:?}"),
            LitKind::Bool(v) => v.to_string(),
            LitKind::Byte(v) => format!("b{v}"),
            LitKind::ByteStr(v) => format!("b{v:?}"),
        },
        ExprKind::Path(p) => p.segments.iter().map(|s| s.ident.name.clone()).collect::<Vec<_>>().join("::"),
        ExprKind::Unary(op, x) => format!("({} {})", match op { UnOp::Neg => "neg", UnOp::Not => "!", UnOp::Deref => "*" }, b(x)),
        ExprKind::Ref { mutable, expr } => format!("(&{} {})", if *mutable { "mut" } else { "" }, b(expr)),
        ExprKind::Binary(op, l, r) => format!("({} {} {})", op.as_str(), b(l), b(r)),
        ExprKind::Assign(l, r) => format!("(= {} {})", b(l), b(r)),
        ExprKind::AssignOp(op, l, r) => format!("({}= {} {})", op.as_str(), b(l), b(r)),
        ExprKind::Call(f, a) => format!("(call {}{})", b(f), a.iter().map(|x| format!(" {}", sx(x))).collect::<String>()),
        ExprKind::MethodCall { receiver, method, turbofish, args } => format!(
            "(m {} {}{}{})",
            b(receiver),
            method.name,
            if turbofish.is_some() { "::<>" } else { "" },
            args.iter().map(|x| format!(" {}", sx(x))).collect::<String>()
        ),
        ExprKind::Field(x, f) => format!("(. {} {})", b(x), f.name),
        ExprKind::TupleField(x, n, _) => format!("(. {} {n})", b(x)),
        ExprKind::Index(x, i) => format!("(idx {} {})", b(x), b(i)),
        ExprKind::Range { start, end, inclusive } => format!(
            "({} {} {})",
            if *inclusive { "..=" } else { ".." },
            start.as_ref().map_or("_".into(), |x| sx(x)),
            end.as_ref().map_or("_".into(), |x| sx(x))
        ),
        ExprKind::Tuple(v) => format!("(tuple{})", v.iter().map(|x| format!(" {}", sx(x))).collect::<String>()),
        ExprKind::Paren(x) => format!("(paren {})", b(x)),
        ExprKind::Array(v) => format!("[{}]", v.iter().map(sx).collect::<Vec<_>>().join(" ")),
        ExprKind::ArrayRepeat(x, n) => format!("[{}; {}]", b(x), b(n)),
        ExprKind::Struct { .. } => "struct".into(),
        ExprKind::Block(_) => "block".into(),
        ExprKind::Async { .. } => "async".into(),
        ExprKind::Await(x) => format!("(await {})", b(x)),
        ExprKind::If { .. } => "if".into(),
        ExprKind::Let(_, x) => format!("(let {})", b(x)),
        ExprKind::While { .. } => "while".into(),
        ExprKind::Loop { .. } => "loop".into(),
        ExprKind::For { .. } => "for".into(),
        ExprKind::LabeledBlock { .. } => "labeled".into(),
        ExprKind::Match { .. } => "match".into(),
        ExprKind::Closure { body, .. } => format!("(closure {})", b(body)),
        ExprKind::Break { value, .. } => format!("(break{})", value.as_ref().map_or(String::new(), |x| format!(" {}", sx(x)))),
        ExprKind::Continue { .. } => "continue".into(),
        ExprKind::Return(v) => format!("(return{})", v.as_ref().map_or(String::new(), |x| format!(" {}", sx(x)))),
        ExprKind::Try(x) => format!("(? {})", b(x)),
        ExprKind::Cast(x, _) => format!("(as {})", b(x)),
        ExprKind::Macro(m) => format!("{}!", m.name.name),
        ExprKind::Error => "error".into(),
    }
}

fn p(src: &str) -> String {
    sx(&expr(src))
}

#[test]
fn precedence() {
    assert_eq!(p("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(p("1 - 2 - 3"), "(- (- 1 2) 3)");
    assert_eq!(p("a = b = c"), "(= a (= b c))");
    assert_eq!(p("a += 1 + 2"), "(+= a (+ 1 2))");
    assert_eq!(p("a || b && c"), "(|| a (&& b c))");
    assert_eq!(p("a == b && c < d"), "(&& (== a b) (< c d))");
    assert_eq!(p("a | b ^ c & d"), "(| a (^ b (& c d)))");
    assert_eq!(p("1 << 2 + 3"), "(<< 1 (+ 2 3))");
    assert_eq!(p("a & b == c"), "(== (& a b) c)");
    assert_eq!(p("-x.abs()"), "(neg (m x abs))");
    assert_eq!(p("-x as u8"), "(as (neg x))");
    assert_eq!(p("x as i64 * 2"), "(* (as x) 2)");
    assert_eq!(p("!a && b"), "(&& (! a) b)");
    assert_eq!(p("*a.b += 1"), "(+= (* (. a b)) 1)");
    assert_eq!(p("&mut v[0]"), "(&mut (idx v 0))");
    assert_eq!(p("&&x"), "(& (& x))");
    assert_eq!(p("a..b + 1"), "(.. a (+ b 1))");
    assert_eq!(p("..=n"), "(..= _ n)");
    assert_eq!(p(".."), "(.. _ _)");
    assert_eq!(p("a.."), "(.. a _)");
    assert_eq!(p("x = a..b"), "(= x (.. a b))");
    assert_eq!(p("a || b..c"), "(.. (|| a b) c)");
    assert_eq!(p("f(x)?.y"), "(. (? (call f x)) y)");
    assert_eq!(p("a.0.1"), "(. (. a 0) 1)");
    assert_eq!(p("a.0.1.2"), "(. (. (. a 0) 1) 2)");
    assert_eq!(p("a.0 .len()"), "(m (. a 0) len)");
    assert_eq!(p("t.0 + 1."), "(+ (. t 0) 1.)");
    assert_eq!(p("1..2"), "(.. 1 2)");
    assert_eq!(p("x.iter().map(|v| v * 2).collect::<Vec<_>>()"), "(m (m (m x iter) map (closure (* v 2))) collect::<>)");
    assert_eq!(p("|x| x + 1"), "(closure (+ x 1))");
    assert_eq!(p("return a + b"), "(return (+ a b))");
    assert_eq!(p("a % b / c"), "(/ (% a b) c)");
    assert_eq!(p("a >> 1 >= b"), "(>= (>> a 1) b)");
}

#[test]
fn literal_forms() {
    assert_eq!(p("0xff"), "255");
    assert_eq!(p("1_000i64"), "1000i64");
    assert_eq!(p("2.5f32"), "2.5f32");
    assert_eq!(p("1e10"), "1e10");
    assert_eq!(p("1f64"), "1f64");
    assert_eq!(p("'\\u{1F600}'"), "'😀'");
    assert_eq!(p("b'a'"), "b97");
    assert_eq!(p("r#\"x\"#"), "\"x\"");
    assert_eq!(p("true"), "true");
}

#[test]
fn postfix_and_calls() {
    assert_eq!(p("a.b.c(1, 2)[3]"), "(idx (m (. a b) c 1 2) 3)");
    assert_eq!(p("f(a)(b)"), "(call (call f a) b)");
    assert_eq!(p("fut.await?"), "(? (await fut))");
    assert_eq!(p("Vec::<i32>::new()"), "(call Vec::new)");
    assert_eq!(p("std::mem::swap(&mut a, &mut b)"), "(call std::mem::swap (&mut a) (&mut b))");
    let e = expr("Vec::<i32>::with_capacity(3)");
    let ExprKind::Call(f, _) = &e.kind else { panic!() };
    let ExprKind::Path(path) = &f.kind else { panic!() };
    assert!(path.segments[0].generics.is_some());
    // Qualified paths are lowered to the type's path.
    assert_eq!(p("<f64 as Zero>::zero()"), "(call f64::zero)");
    assert_eq!(p("<Vec<u8>>::new()"), "(call Vec::new)");
    assert_eq!(p("<T as Iterator>::Item::default()"), "(call T::Item::default)");
    assert_eq!(p("<<T as A>::B as C>::d()"), "(call T::B::d)");
}

#[test]
fn qualified_paths_keep_qself() {
    let qself_of = |src: &str| {
        let ExprKind::Path(path) = expr(src).kind else { panic!("not a path: {src}") };
        path.qself
    };
    let q = qself_of("<Human as Pilot>::name").expect("qself");
    assert!(matches!(&q.ty.kind, TypeKind::Path(t) if t.as_ident() == Some("Human")));
    assert_eq!(q.trait_.as_ref().and_then(Path::as_ident), Some("Pilot"));
    let q = qself_of("<Vec<u8>>::new").expect("qself");
    assert!(q.trait_.is_none());
    let q = qself_of("<S as m::T>::C").expect("qself");
    let tr = q.trait_.expect("trait");
    assert_eq!(tr.segments.iter().map(|s| s.ident.name.as_str()).collect::<Vec<_>>(), ["m", "T"]);
    assert!(qself_of("Human::name").is_none());
}

#[test]
fn compound_forms() {
    assert_eq!(p("(1, 2)"), "(tuple 1 2)");
    assert_eq!(p("(1,)"), "(tuple 1)");
    assert_eq!(p("()"), "(tuple)");
    assert_eq!(p("(1)"), "(paren 1)");
    assert_eq!(p("[1, 2, 3]"), "[1 2 3]");
    assert_eq!(p("[0; 10]"), "[0; 10]");
    assert_eq!(p("[]"), "[]");
    let e = expr("Point { x: 1, y, ..base }");
    let ExprKind::Struct { path, fields, base } = &e.kind else { panic!("{e:?}") };
    assert_eq!(path.as_ident(), Some("Point"));
    assert_eq!(fields.len(), 2);
    assert_eq!(fields[1].name.name, "y");
    assert!(matches!(&fields[1].expr.kind, ExprKind::Path(p) if p.as_ident() == Some("y")));
    assert!(base.is_some());
    let e = expr("move |a, b: i32| -> i32 { a + b }");
    let ExprKind::Closure { is_move, params, ret, body } = &e.kind else { panic!() };
    assert!(*is_move && params.len() == 2 && params[1].ty.is_some() && ret.is_some());
    assert!(matches!(body.kind, ExprKind::Block(_)));
    let e = expr("async move { 1 }");
    assert!(matches!(e.kind, ExprKind::Async { is_move: true, .. }));
    assert!(matches!(expr("|| 1").kind, ExprKind::Closure { ref params, .. } if params.is_empty()));
    assert!(matches!(expr("unsafe { 1 }").kind, ExprKind::Block(Block { is_unsafe: true, .. })));
}

#[test]
fn control_flow() {
    let e = expr("if let Some(x) = a && x > 0 { 1 } else if b { 2 } else { 3 }");
    let ExprKind::If { cond, else_, .. } = &e.kind else { panic!() };
    assert_eq!(sx(cond), "(&& (let a) (> x 0))");
    let Some(else_) = else_ else { panic!() };
    assert!(matches!(&else_.kind, ExprKind::If { else_: Some(_), .. }));
    let e = expr("while let Some(x) = stack.pop() { }");
    let ExprKind::While { cond, .. } = &e.kind else { panic!() };
    assert!(matches!(cond.kind, ExprKind::Let(..)));
    let e = expr("'outer: for i in 0..n { break 'outer; }");
    let ExprKind::For { label: Some(l), iter, body, .. } = &e.kind else { panic!() };
    assert_eq!(l.name, "outer");
    assert_eq!(sx(iter), "(.. 0 n)");
    let StmtKind::Expr(b, true) = &body.stmts[0].kind else { panic!() };
    assert!(matches!(&b.kind, ExprKind::Break { label: Some(l), value: None } if l.name == "outer"));
    let e = expr("loop { break 'a 5; }");
    let ExprKind::Loop { body, .. } = &e.kind else { panic!() };
    let StmtKind::Expr(b, _) = &body.stmts[0].kind else { panic!() };
    assert_eq!(sx(b), "(break 5)");
    assert!(matches!(expr("'a: { 1 }").kind, ExprKind::LabeledBlock { .. }));
    let e = expr("match x { 0 | 1 => a, n if n > 5 => { b } _ => c }");
    let ExprKind::Match { arms, .. } = &e.kind else { panic!() };
    assert_eq!(arms.len(), 3);
    assert!(matches!(arms[0].pat.kind, PatKind::Or(ref v) if v.len() == 2));
    assert!(arms[1].guard.is_some());
    assert!(matches!(arms[2].pat.kind, PatKind::Wild));
}

#[test]
fn struct_literals_not_in_heads() {
    // `x {` in an if head is the condition then the block.
    let e = expr("if x { S { a: 1 } } else { y }");
    let ExprKind::If { cond, then, .. } = &e.kind else { panic!() };
    assert_eq!(sx(cond), "x");
    assert!(matches!(then.tail().map(|e| &e.kind), Some(ExprKind::Struct { .. })));
    let e = expr("match s { _ => 1 }");
    assert!(matches!(e.kind, ExprKind::Match { .. }));
    let e = expr("for x in v { }");
    let ExprKind::For { iter, .. } = &e.kind else { panic!() };
    assert_eq!(sx(iter), "v");
    let e = expr("while a < b { }");
    assert!(matches!(e.kind, ExprKind::While { .. }));
    // Inside parentheses the restriction is lifted.
    let e = expr("if (S { a: 1 }) == s { }");
    assert!(matches!(e.kind, ExprKind::If { .. }));
    // `0..` in a for head: the block is the body, not the range end.
    let e = expr("for i in 0.. { }");
    let ExprKind::For { iter, .. } = &e.kind else { panic!() };
    assert_eq!(sx(iter), "(.. 0 _)");
}

#[test]
fn statements_and_block_like() {
    let f = file("fn f() { if a { 1 } else { 2 }; match x {} let y = loop {}; { 3 } x.y() }");
    let ItemKind::Fn(fd) = &f.items[0].kind else { panic!() };
    let stmts = &fd.body.as_ref().unwrap().stmts;
    assert_eq!(stmts.len(), 5);
    assert!(matches!(stmts[0].kind, StmtKind::Expr(_, true)));
    // A block-like expression without `;` that is not last counts as terminated.
    assert!(matches!(stmts[1].kind, StmtKind::Expr(ref e, true) if matches!(e.kind, ExprKind::Match { .. })));
    assert!(matches!(stmts[2].kind, StmtKind::Let { .. }));
    assert!(matches!(stmts[3].kind, StmtKind::Expr(ref e, true) if matches!(e.kind, ExprKind::Block(_))));
    assert!(matches!(stmts[4].kind, StmtKind::Expr(ref e, false) if matches!(e.kind, ExprKind::MethodCall { .. })));
    // `{ } (a, b)` is a block then a tuple; `{ } - 1` is a block then a negation.
    let f = file("fn f() { { } (a, b) }");
    let ItemKind::Fn(fd) = &f.items[0].kind else { panic!() };
    assert_eq!(fd.body.as_ref().unwrap().stmts.len(), 2);
    // `match x {}.len()` continues as a method call.
    let f = file("fn f() { match x { _ => v }.len(); }");
    let ItemKind::Fn(fd) = &f.items[0].kind else { panic!() };
    let StmtKind::Expr(e, true) = &fd.body.as_ref().unwrap().stmts[0].kind else { panic!() };
    assert!(matches!(e.kind, ExprKind::MethodCall { .. }));
}

#[test]
fn node_ids_are_unique_and_spans_cover() {
    let e = expr("a + b * c");
    let mut ids = Vec::new();
    fn walk(e: &Expr, ids: &mut Vec<NodeId>) {
        ids.push(e.id);
        if let ExprKind::Binary(_, l, r) = &e.kind {
            walk(l, ids);
            walk(r, ids);
        }
    }
    walk(&e, &mut ids);
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len());
    assert_eq!(e.span, Span::new(0, 9));
    let ExprKind::Binary(_, _, r) = &e.kind else { panic!() };
    assert_eq!(r.span, Span::new(4, 9));
}
