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
//!
//! Enum receivers: a field-less variant is an inline `Value::Tag` (no object), but a `&mut
//! self` method of an enum (`opt.take()`, `self.state.advance()`, `v[i].insert(x)`) changes
//! its receiver through the handle it gets. Before such a call `promote_receiver` emits
//! `Instr::PromoteTag` on the receiver's place (a local, a field, a tuple element, a vector
//! element): a `Tag` there becomes the equivalent object, which the place and the method
//! then share. Emitted for every call of a method whose name is a `&mut self` method of the
//! program or the prelude, unless inference says the receiver is not an enum; the check
//! costs one tag compare when the place holds anything else. Closures promote the locals
//! they capture (`promote_local`), so that a `Tag` is not copied into one and changed there
//! alone.

use super::{Compiler, Item};
use crate::ast::{self, Expr, ExprKind};
use crate::vm::bytecode::Instr;
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

/// A place expression whose evaluation has no effect (a local or a static, a field or
/// element of one, `*r`, a literal index), so evaluating it once more for `PromoteTag`
/// changes nothing.
fn pure_place(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Path(_) => true,
        ExprKind::Paren(inner) | ExprKind::Field(inner, _) | ExprKind::TupleField(inner, _, _) => pure_place(inner),
        ExprKind::Unary(ast::UnOp::Deref, inner) => pure_place(inner),
        ExprKind::Lit(_) => true,
        ExprKind::Binary(_, a, b) => pure_place(a) && pure_place(b),
        ExprKind::Cast(a, _) => pure_place(a),
        _ => false,
    }
}

impl Compiler {
    /// Might `receiver.name(..)` change an enum receiver through its handle (a `&mut self`
    /// method of some type, on a receiver not known to be anything but an enum)? Also in
    /// programs that track drops, which make no `Tag`s themselves: the prelude's code is
    /// shared, and a REPL session's earlier inputs may have made some.
    fn may_change_enum(&self, receiver: &Expr, name: &str) -> bool {
        if !self.mut_self_names.contains(name) {
            return false;
        }
        let Some(t) = self.inferred(receiver) else { return true };
        match t.deref() {
            Ty::Named(n, _) => match n.as_str() {
                "Option" | "Result" | "Ordering" | "Box" => true,
                "Vec" | "String" | "HashMap" | "HashSet" | "BTreeMap" | "BTreeSet" | "VecDeque" | "BinaryHeap" | "Rc" | "Arc"
                | "RefCell" | "Cell" | "Mutex" | "RwLock" => false,
                _ => !self.prog.adts.iter().any(|d| d.name == *n && !d.is_enum),
            },
            Ty::Param(_) | Ty::Dyn(_) | Ty::Infer => true,
            _ => false,
        }
    }

    /// Before `receiver.name(..)`: `PromoteTag` on the receiver's place when the method may
    /// change an enum receiver through its handle (see the module doc).
    pub(crate) fn promote_receiver(&mut self, receiver: &Expr, name: &str) {
        if !pure_place(receiver) || !self.may_change_enum(receiver, name) {
            return;
        }
        let span = receiver.span;
        match &receiver.kind {
            ExprKind::Paren(inner) => self.promote_receiver(inner, name),
            ExprKind::Path(p) => {
                if let Some(n) = p.as_ident().filter(|n| self.cx().lookup(n).is_some() || self.repl_vars.contains_key(*n)) {
                    self.promote_local(n, span);
                } else if let Some(Item::Static(g)) = self.resolve_item(p) {
                    // A `static mut`: through a `Ref` to it.
                    let t = self.cx().alloc();
                    self.emit(Instr::RefGlobal { dst: t, idx: g as u16 }, span);
                    self.emit(Instr::PromoteTag { a: t, b: 0, mode: 0 }, span);
                }
            }
            ExprKind::Field(base, field) => {
                let obj = self.operand(base);
                let site = self.cx().field_site(&field.name);
                self.emit(Instr::PromoteTag { a: obj, b: site, mode: 1 }, span);
            }
            ExprKind::TupleField(base, idx, _) => {
                let obj = self.operand(base);
                self.emit(Instr::PromoteTag { a: obj, b: *idx as u16, mode: 2 }, span);
            }
            ExprKind::Unary(ast::UnOp::Deref, inner) => {
                // `(*r).take()`: `r` holds a `Ref` (promoted through) or an object already.
                if let ExprKind::Path(p) = &inner.kind {
                    if let Some(n) = p.as_ident() {
                        self.promote_local(n, span);
                    }
                }
            }
            _ => {}
        }
    }

    /// `PromoteTag` on local `name` (through its box when it is boxed), or on a REPL
    /// variable (through a `Ref` to it).
    pub(crate) fn promote_local(&mut self, name: &str, span: ast::Span) {
        if let Some(l) = self.cx().lookup(name).cloned() {
            self.emit(Instr::PromoteTag { a: l.reg, b: 0, mode: 0 }, span);
        } else if let Some(v) = self.repl_vars.get(name).cloned() {
            let t = self.cx().alloc();
            self.emit(Instr::RefGlobal { dst: t, idx: v.global as u16 }, span);
            self.emit(Instr::PromoteTag { a: t, b: 0, mode: 0 }, span);
        }
    }

    /// Must `receiver.name(..)` get its receiver as a `&mut` place (`ref_mut`: a `Ref` to the
    /// field or element) because it is a field or an element reached through an expression
    /// that `promote_receiver` may not evaluate twice (`v[next()].take()`)? A `Ref` to an
    /// inline `Tag` is passed to the method as it is, so that it writes the place.
    pub(crate) fn enum_place_receiver(&mut self, receiver: &Expr, name: &str) -> bool {
        let mut r = receiver;
        while let ExprKind::Paren(inner) = &r.kind {
            r = inner;
        }
        let impure = match &r.kind {
            ExprKind::Field(base, _) | ExprKind::TupleField(base, _, _) => !pure_place(base),
            ExprKind::Index(base, idx) => !pure_place(base) || !pure_place(idx),
            _ => false,
        };
        impure && self.may_change_enum(receiver, name)
    }

    /// `v[i].name(..)` with a pure `v` and `i`: `PromoteTag` on the element (mode 3).
    pub(crate) fn promote_index_receiver(&mut self, receiver: &Expr, name: &str) {
        let ExprKind::Index(base, idx) = &receiver.kind else { return };
        if !pure_place(base) || !pure_place(idx) || self.user_index(base) || !self.may_change_enum(receiver, name) {
            return;
        }
        let obj = self.operand(base);
        let i = self.operand_typed(idx, Some(&Ty::Int(crate::value::IntTy::Usize)));
        self.emit(Instr::PromoteTag { a: obj, b: i, mode: 3 }, receiver.span);
    }

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

#[cfg(test)]
mod tag_tests {
    use crate::test_support::run_program;

    /// `&mut self` methods of enums change the caller's place when it holds an inline
    /// field-less variant: a local, a field, a tuple element, a vector element, a `&mut`
    /// parameter, a closure's capture, a `for` loop's user iterator.
    #[test]
    fn mut_self_methods_change_inline_variants_in_place() {
        let src = r#"
            #[derive(Debug)]
            enum E { A, B(i32) }
            impl E {
                fn bump(&mut self) { *self = match self { E::A => E::B(0), E::B(n) => E::B(*n + 1) }; }
            }
            struct S { o: Option<i32>, e: E, t: (E, Option<u8>) }
            fn via(e: &mut E) { e.bump(); }
            struct It { s: E }
            enum Walk { Start, Step(u8) }
            impl Iterator for Walk {
                type Item = u8;
                fn next(&mut self) -> Option<u8> {
                    match *self { Walk::Start => { *self = Walk::Step(1); Some(0) } Walk::Step(n) if n < 3 => { *self = Walk::Step(n + 1); Some(n) } _ => None }
                }
            }
            fn main() {
                let mut e = E::A;
                e.bump();
                let mut o: Option<i32> = None;
                o.get_or_insert(4);
                let mut s = S { o: None, e: E::A, t: (E::A, None) };
                s.o.insert(1);
                s.e.bump();
                s.t.0.bump();
                s.t.1.replace(2);
                let mut v = vec![E::A, E::A];
                v[1].bump();
                via(&mut v[0]);
                let mut c = E::A;
                let mut f = || c.bump();
                f();
                let it = It { s: E::A };
                let mut w = Walk::Start;
                let firsts: Vec<u8> = (&mut w).take(2).collect();
                let rest: Vec<u8> = w.collect();
                println!("{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}", e, o, s.o, s.e, s.t.0, s.t.1, v, c, it.s, firsts, rest);
            }
        "#;
        let (out, _) = run_program(src);
        assert_eq!(out, "B(0) Some(4) Some(1) B(0) B(0) Some(2) [B(0), B(0)] B(0) A [0, 1] [2]\n");
    }

    /// A `static mut` holding an inline variant is changed in place by a `&mut self` method.
    #[test]
    fn mut_self_methods_change_statics() {
        let src = r#"
            #[derive(Debug)]
            enum Mode { Off, On(u8) }
            impl Mode { fn toggle(&mut self) { *self = match self { Mode::Off => Mode::On(1), Mode::On(_) => Mode::Off }; } }
            static mut M: Mode = Mode::Off;
            static mut O: Option<i32> = None;
            fn main() {
                unsafe {
                    let _ = O.insert(3);
                    M.toggle();
                    println!("{:?} {:?}", O, M);
                }
            }
        "#;
        let (out, _) = run_program(src);
        assert_eq!(out, "Some(3) On(1)\n");
    }

    /// Inline variants compare, hash, order and print as the objects natives build.
    #[test]
    fn inline_variants_equal_objects() {
        let src = r#"
            use std::collections::HashMap;
            fn main() {
                let m: HashMap<i32, i32> = HashMap::new();
                let n: Option<&i32> = None;
                let mut h = HashMap::new();
                h.insert(m.get(&1).copied(), 1);
                h.insert(None, 2);
                println!("{} {} {:?} {:?} {}", m.get(&1) == n, n == m.get(&2), n.cmp(&m.get(&3)), h, 3.cmp(&4) as i8);
            }
        "#;
        let (out, _) = run_program(src);
        assert_eq!(out, "true true Equal {None: 2} -1\n");
    }
}
