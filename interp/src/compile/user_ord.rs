//! Comparisons of std aggregates that hold values with a hand-written order.
//!
//! `<`, `<=`, `>`, `>=` and `cmp`/`partial_cmp`/`max`/`min`/`clamp` on a tuple, array, slice, `Vec`, `VecDeque`,
//! `Option` or `Result` compare natively, structurally (what a derive does). When such an
//! aggregate holds a value of a program type whose `PartialOrd`/`Ord` is written by hand
//! (`impl Ord for Rev { .. }`), Rust compares element by element through that impl: so these
//! comparisons compile to calls of the prelude's walkers instead (`prelude/ordcoll.rs`:
//! `__ord_lt`.. on `prelude_ord_partial`, and `prelude_ord_cmp`), which call the user's
//! `partial_cmp`/`cmp` wherever it applies. Only where inference knows the operand's type,
//! and only in programs that write an `Ord`/`PartialOrd` impl.
//!
//! A `BTreeMap`/`BTreeSet`/`BinaryHeap` that took a user-ordered key changes its type id to
//! `__OrdMap`/`__OrdSet`/`__OrdHeap` (`builtins/ordcoll.rs`): `alias_ordered_methods` gives
//! those the methods the program wrote for the std names (`impl Summary for BTreeMap<..>`),
//! where the ordered type has no method of that name of its own.

use super::Compiler;
use crate::ast::{self, BinOp, Expr, ExprKind, Path, PathSegment, Span};
use crate::types::Ty;
use crate::vm::bytecode::Reg;
use crate::vm::program::tid;

/// A node id for a synthesized expression (never looked up by inference).
fn fresh_id(span: Span, k: u32) -> ast::NodeId {
    0xB000_0000 | ((span.lo & 0x3_FFFF) << 10) | (k & 0x3FF)
}

/// A call of the function at `name` (`::`-separated path).
fn call(name: &str, args: Vec<Expr>, span: Span) -> Expr {
    let segments = name.split("::").map(|n| PathSegment { ident: ast::Ident { name: n.to_string(), span }, generics: None }).collect();
    let p = Path { segments, global: false, span, qself: None };
    let f = Expr { kind: ExprKind::Path(p), span, id: fresh_id(span, 1) };
    Expr { kind: ExprKind::Call(Box::new(f), args), span, id: fresh_id(span, 2) }
}

fn borrow(e: &Expr) -> Expr {
    Expr { kind: ExprKind::Ref { mutable: false, expr: Box::new(e.clone()) }, span: e.span, id: fresh_id(e.span, 3) }
}

impl Compiler {
    /// Methods of `BTreeMap`/`BTreeSet`/`BinaryHeap` (impls and trait defaults) apply to
    /// their user-ordered forms too, unless those define the method themselves (their
    /// inherent methods, which win over a trait's as in Rust).
    pub(crate) fn alias_ordered_methods(&mut self) {
        for (from, to) in [("BTreeMap", "__OrdMap"), ("BTreeSet", "__OrdSet"), ("BinaryHeap", "__OrdHeap")] {
            let (Some(a), Some(b)) = (self.impl_type_id(from), self.impl_type_id(to)) else { continue };
            let found: Vec<(u32, u32)> = self.prog.methods.iter().filter(|((t, _), _)| *t == a).map(|((_, s), f)| (*s, *f)).collect();
            for (sym, f) in found {
                self.prog.methods.entry((b, sym)).or_insert(f);
            }
        }
    }

    /// Is `ty` a std aggregate holding (at any depth) a program type with an order method
    /// (`cmp` or `partial_cmp`) of its own?
    fn holds_user_order(&self, ty: &Ty, top: bool, depth: u32) -> bool {
        if depth > 8 {
            return false;
        }
        match ty {
            Ty::Ref { inner, .. } => self.holds_user_order(inner, top, depth + 1),
            Ty::Tuple(xs) => xs.iter().any(|x| self.holds_user_order(x, false, depth + 1)),
            Ty::Array(x, _) | Ty::Slice(x) => self.holds_user_order(x, false, depth + 1),
            Ty::Named(n, args) if matches!(n.as_str(), "Vec" | "VecDeque" | "Option" | "Result" | "Box") => {
                args.iter().any(|x| self.holds_user_order(x, false, depth + 1))
            }
            // A program type at the top compares through its own impl already.
            Ty::Named(n, _) if !top => {
                let Some(&t) = self.prog.type_ids.get(n) else { return false };
                t >= tid::FIRST_ADT_TYPE
                    && ["cmp", "partial_cmp"].iter().any(|m| self.prog.symbols.get(m).is_some_and(|s| self.prog.find_method(t, s).is_some()))
            }
            _ => false,
        }
    }

    /// Does comparing `e` with another value need the user's order?
    fn user_ordered_operand(&self, e: &Expr) -> bool {
        if self.in_prelude || !(self.source.text.contains("Ord for")) {
            return false;
        }
        self.inferred(e).is_some_and(|t| self.holds_user_order(&t, true, 0))
    }

    /// Must the condition `l OP r` go through `user_ord_binary`?
    pub(crate) fn user_ord_cond(&self, op: BinOp, l: &Expr) -> bool {
        matches!(op, BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge) && self.user_ordered_operand(l)
    }

    /// `l OP r` for an ordering operator, when `l` needs the user's order: into `dst`.
    pub(crate) fn user_ord_binary(&mut self, op: BinOp, l: &Expr, r: &Expr, dst: Reg, span: Span) -> bool {
        let f = match op {
            BinOp::Lt => "__ord_lt",
            BinOp::Le => "__ord_le",
            BinOp::Gt => "__ord_gt",
            BinOp::Ge => "__ord_ge",
            _ => return false,
        };
        if !self.user_ordered_operand(l) {
            return false;
        }
        let e = call(f, vec![borrow(l), borrow(r)], span);
        self.expr_to(&e, dst, Some(&Ty::Bool));
        true
    }

    /// `std::cmp::max(a, b)` / `min` (path `sp`) in a program that writes an `Ord` or
    /// `PartialOrd` impl: the prelude's versions, which use the user's order inside
    /// aggregates whatever inference knows (the native orders structurally).
    pub(crate) fn user_ord_free_call(&mut self, sp: &str, args: &[Expr], dst: Reg, span: Span) -> bool {
        if self.in_prelude || args.len() != 2 || !self.source.text.contains("Ord for") {
            return false;
        }
        let paths = crate::builtins::canonical_paths(sp);
        let f = if paths.iter().any(|p| p == "cmp::max") {
            "std::cmp::__user_ord::max"
        } else if paths.iter().any(|p| p == "cmp::min") {
            "std::cmp::__user_ord::min"
        } else {
            return false;
        };
        let e = call(f, args.to_vec(), span);
        self.expr_to(&e, dst, None);
        true
    }

    /// `recv.cmp(arg)` / `recv.partial_cmp(arg)` (by reference), `recv.max(arg)` /
    /// `recv.min(arg)` / `recv.clamp(lo, hi)` (by value: the prelude's `std::cmp::max`..)
    /// when `recv` needs the user's order.
    pub(crate) fn user_ord_method(&mut self, receiver: &Expr, name: &str, args: &[Expr], dst: Reg, span: Span) -> bool {
        let (f, arity, by_ref) = match name {
            "cmp" => ("prelude_ord_cmp", 1, true),
            "partial_cmp" => ("prelude_ord_partial", 1, true),
            "max" => ("std::cmp::__user_ord::max", 1, false),
            "min" => ("std::cmp::__user_ord::min", 1, false),
            "clamp" => ("std::cmp::__user_ord::clamp", 2, false),
            _ => return false,
        };
        if args.len() != arity || !self.user_ordered_operand(receiver) {
            return false;
        }
        let recv = if by_ref { borrow(receiver) } else { receiver.clone() };
        let e = call(f, std::iter::once(recv).chain(args.iter().cloned()).collect(), span);
        self.expr_to(&e, dst, None);
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    #[test]
    fn std_algorithms_use_the_user_order_inside_aggregates() {
        // Expected output: rustc's build of the same program.
        let src = "use std::cmp::Ordering;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rev(i32);
impl Ord for Rev { fn cmp(&self, o: &Self) -> Ordering { o.0.cmp(&self.0) } }
impl PartialOrd for Rev { fn partial_cmp(&self, o: &Self) -> Option<Ordering> { Some(self.cmp(o)) } }
fn main() {
    let mut v = vec![(Rev(1), 0), (Rev(3), 1), (Rev(2), 2)];
    v.sort();
    println!(\"{:?}\", v);
    println!(\"{:?} {:?}\", v.iter().max(), std::cmp::max((Rev(1), 0), (Rev(2), 0)));
    println!(\"{:?} {:?}\", (Rev(1), 0).min((Rev(2), 0)), v.binary_search(&(Rev(2), 2)));
    let mut o = vec![None, Some(Rev(1)), Some(Rev(5))];
    o.sort();
    println!(\"{:?}\", o);
}";
        let (out, _) = run_program(src);
        assert_eq!(
            out,
            "[(Rev(3), 1), (Rev(2), 2), (Rev(1), 0)]\nSome((Rev(1), 0)) (Rev(1), 0)\n(Rev(2), 0) Ok(1)\n[None, Some(Rev(5)), Some(Rev(1))]\n"
        );
    }
}
