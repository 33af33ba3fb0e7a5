//! E0277 for `?` where it cannot return: the `?` operator needs the enclosing function,
//! closure or `async` block to return `Result` or `Option` (or another type implementing
//! `FromResidual`, which only std types can on stable Rust). rustc rejects
//! `fn main() { let n: i32 = s.parse()?; }` with
//! "the `?` operator can only be used in a function that returns `Result` or `Option` (or
//! another type that implements `FromResidual`)"; so does teras, with the same message and
//! labels (the `?` itself, and the function's signature, the closure's parameter list or the
//! `async` keyword).
//!
//! Only sure cases are reported: a function's written return type (none, `()`, a primitive,
//! a tuple, an array, a reference, a std container, a struct or enum of the program); a
//! closure's or `async` block's return type as inference resolved it, when it is such a type.
//! Aliases, type parameters, `impl Trait`, `Self` and unknown types are never judged.

use super::facts::Facts;
use crate::ast::{self, Expr, ExprKind, Span, TypeKind};
use crate::diag::{Diagnostic, Source};
use crate::typeck::TypeInfo;
use crate::types::Ty;

/// Std types that are never `?`-compatible return types.
const STD_NON_TRY: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool", "char",
    "str", "String", "Vec", "VecDeque", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "BinaryHeap", "Box", "Rc", "Arc",
    "Cell", "RefCell", "Mutex", "RwLock", "Duration", "Instant", "Ordering",
];

/// Names that are (or may stand for) types implementing `FromResidual`.
const TRY_NAMES: &[&str] = &["Result", "Option", "Poll", "ControlFlow"];

/// Which kind of body a `?` returns from, as rustc words it.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Function,
    AsyncFunction,
    Closure,
    AsyncBlock,
}

impl Kind {
    fn words(self) -> &'static str {
        match self {
            Kind::Function => "a function",
            Kind::AsyncFunction => "an async function",
            Kind::Closure => "a closure",
            Kind::AsyncBlock => "an async block",
        }
    }
}

/// The E0277 diagnostics of `?` in the body of `fd` (and of the closures and `async` blocks
/// written in it).
pub(super) fn check_fn(fd: &ast::FnDecl, facts: &Facts, info: &TypeInfo, src: &Source) -> Vec<Diagnostic> {
    let Some(body) = &fd.body else { return Vec::new() };
    // Every closure / async block of the body, and every `?`, with their spans.
    type Verdict = Option<(Kind, String, Span)>;
    let mut inner: Vec<(Span, Verdict)> = Vec::new();
    let mut tries: Vec<Span> = Vec::new();
    crate::compile::walk_block(body, false, &mut |e, _| match &e.kind {
        ExprKind::Closure { .. } | ExprKind::Async { .. } => inner.push((e.span, inner_return(e, facts, info, src))),
        ExprKind::Try(_) => tries.push(e.span),
        _ => {}
    });
    let fn_verdict = fn_return(fd, facts, src);
    let mut out = Vec::new();
    for t in tries {
        // The innermost closure or async block holding this `?`, else the function.
        let owner = inner.iter().filter(|(s, _)| s.lo <= t.lo && t.hi <= s.hi).min_by_key(|(s, _)| s.hi - s.lo);
        let verdict = match owner {
            None => fn_verdict.clone(),
            Some((_, v)) => v.clone(),
        };
        let Some((kind, shown, owner_span)) = verdict else { continue };
        let q = Span { lo: t.hi.saturating_sub(1), hi: t.hi };
        // Only a `?` the program wrote (desugarings, such as `handle`'s, make their own).
        if src.text.get(q.lo as usize..q.hi as usize) != Some("?") {
            continue;
        }
        let what = kind.words();
        let mut d = Diagnostic::error(
            format!(
                "the `?` operator can only be used in {what} that returns `Result` or `Option` (or another type that implements `FromResidual`)"
            ),
            q,
            format!("cannot use the `?` operator in {what} that returns `{shown}`"),
        )
        .with_code("E0277")
        .with_secondary(owner_span, "this function should return `Result` or `Option` to accept `?`");
        d = d.with_help(match kind {
            Kind::Function if fd.name.name == "main" && fd.ret.is_none() => {
                "consider adding return type `-> Result<(), Box<dyn std::error::Error>>` to `main` (and `Ok(())` at its end)".to_string()
            }
            Kind::Function | Kind::AsyncFunction => {
                "return `Result` or `Option` from this function, or handle the value with `match`, `if let` or `unwrap`".to_string()
            }
            Kind::Closure | Kind::AsyncBlock => {
                "end the body with `Ok(..)` (or `Some(..)`) so it returns `Result` (or `Option`), or handle the value with `match`, `if let` or `unwrap`".to_string()
            }
        });
        out.push(d);
    }
    out
}

/// A function whose written return type cannot accept `?`: its kind, the type as shown, and
/// the span rustc labels (the signature; an `async fn`'s body).
fn fn_return(fd: &ast::FnDecl, facts: &Facts, src: &Source) -> Option<(Kind, String, Span)> {
    let kind = if fd.is_async { Kind::AsyncFunction } else { Kind::Function };
    let shown = match &fd.ret {
        None => "()".to_string(),
        Some(t) => {
            if !written_non_try(t, fd, facts) {
                return None;
            }
            src.text.get(t.span.lo as usize..t.span.hi as usize)?.to_string()
        }
    };
    let span = if fd.is_async { fd.body.as_ref().map_or(fd.sig_span, |b| b.span) } else { fd.sig_span };
    Some((kind, shown, span))
}

/// Is the written type surely not one `?` can return into?
fn written_non_try(t: &ast::Type, fd: &ast::FnDecl, facts: &Facts) -> bool {
    match &t.kind {
        TypeKind::Tuple(_) | TypeKind::Array(..) | TypeKind::Slice(_) | TypeKind::Ref { .. } | TypeKind::Ptr { .. } => true,
        TypeKind::Path(p) => {
            if p.qself.is_some() {
                return false;
            }
            let Some(last) = p.segments.last() else { return false };
            let name = last.ident.name.as_str();
            if TRY_NAMES.contains(&name) || facts.opaque.contains(name) || fd.generics.params.iter().any(|g| g.name.name == name) {
                return false;
            }
            STD_NON_TRY.contains(&name) || (p.segments.len() == 1 && facts.adts.contains_key(name))
        }
        _ => false,
    }
}

/// A closure or `async` block whose inferred return type cannot accept `?`.
fn inner_return(e: &Expr, facts: &Facts, info: &TypeInfo, src: &Source) -> Option<(Kind, String, Span)> {
    match &e.kind {
        ExprKind::Closure { .. } => {
            let Some(Ty::Fn(_, r)) = info.expr_ty(e.id) else { return None };
            if !inferred_non_try(r, facts) {
                return None;
            }
            Some((Kind::Closure, r.to_string(), closure_head(e.span, src)))
        }
        ExprKind::Async { .. } => {
            let Some(Ty::Named(n, args)) = info.expr_ty(e.id) else { return None };
            let r = args.first().filter(|_| n == "Future")?;
            if !inferred_non_try(r, facts) {
                return None;
            }
            Some((Kind::AsyncBlock, r.to_string(), Span { lo: e.span.lo, hi: e.span.lo.saturating_add(5).min(e.span.hi) }))
        }
        _ => None,
    }
}

/// Is the inferred type fully known and surely not one `?` can return into?
fn inferred_non_try(t: &Ty, facts: &Facts) -> bool {
    if !t.is_fully_known() {
        return false;
    }
    match t {
        Ty::Unit | Ty::Bool | Ty::Char | Ty::Int(_) | Ty::Float(_) | Ty::String | Ty::Str | Ty::Tuple(_) | Ty::Array(..) => true,
        Ty::Slice(_) | Ty::Ref { .. } => true,
        Ty::Named(n, _) => {
            !TRY_NAMES.contains(&n.as_str()) && !facts.opaque.contains(n) && (STD_NON_TRY.contains(&n.as_str()) || facts.adts.contains_key(n))
        }
        _ => false,
    }
}

/// The parameter list of a closure (`|a, b|`, `move |x|`), which rustc labels.
fn closure_head(span: Span, src: &Source) -> Span {
    let text = src.text.get(span.lo as usize..span.hi as usize).unwrap_or("");
    let Some(open) = text.find('|') else { return span };
    let close = text.get(open + 1..).and_then(|r| r.find('|')).map_or(open, |c| open + 1 + c);
    Span { lo: span.lo + open as u32, hi: span.lo + close as u32 + 1 }
}

#[cfg(test)]
mod tests {
    use crate::diag::Source;

    /// `(label, line)` of each E0277 `?` diagnostic of `src`.
    fn found(src: &str) -> Vec<(String, usize)> {
        let s = Source::new("t.rs", src);
        super::super::tests::check(src)
            .iter()
            .filter(|d| d.code == Some("E0277") && d.message.contains("`?` operator"))
            .map(|d| (d.label.clone(), s.line_col(d.span.lo).0))
            .collect()
    }

    #[test]
    fn rejects_question_mark_where_it_cannot_return() {
        let src = "fn f(s: &str) -> i32 {\n    s.parse::<i32>()?\n}\nfn main() {\n    let c = |s: &str| { let n: i32 = s.parse()?; n };\n    let o: Option<u8> = None;\n    o?;\n    println!(\"{} {}\", f(\"1\"), c(\"2\"));\n}\n";
        assert_eq!(
            found(src),
            vec![
                ("cannot use the `?` operator in a function that returns `i32`".to_string(), 2),
                ("cannot use the `?` operator in a closure that returns `i32`".to_string(), 5),
                ("cannot use the `?` operator in a function that returns `()`".to_string(), 7),
            ]
        );
    }

    #[test]
    fn accepts_result_option_aliases_and_unknown_types() {
        let src = "use std::fmt;\ntype Res = Result<i32, String>;\nstruct P;\nimpl fmt::Display for P {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, \"p\")?; Ok(()) }\n}\nfn a(s: &str) -> Res { Ok(s.len().try_into().map_err(|_| String::new())?) }\nfn b(v: &[i32]) -> Option<i32> { let x = v.first()?; Some(*x) }\nfn g<T: Default>(o: Option<T>) -> Option<T> { let v = o?; Some(v) }\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n    let c = |s: &str| -> Result<i32, std::num::ParseIntError> { Ok(s.parse::<i32>()?) };\n    let d = |s: &str| { let n: i32 = s.parse()?; Ok::<i32, std::num::ParseIntError>(n) };\n    println!(\"{} {:?} {:?} {:?} {:?} {:?}\", P, a(\"x\"), b(&[1]), g(Some(1)), c(\"1\")?, d(\"2\"));\n    Ok(())\n}\n";
        assert_eq!(found(src), vec![]);
    }
}
