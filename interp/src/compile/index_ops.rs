//! User `Index`/`IndexMut`: indexing a value of a user type calls its impl.
//!
//! `a[i]` where typeck says `a` is a user struct or enum with an `index` method compiles to the
//! method call `a.index(i)` (the result is the element itself: a handle for aggregates, so
//! `a[i].field += 1` mutates the element); as the target of an assignment, `a[i] = v` is
//! `*a.index_mut(i) = v`. In a program with a hand-written `Ord` impl, `map[&k]` on a
//! `BTreeMap` is the prelude's `map.index(&k)` too (a user-ordered map finds keys by `cmp`).
//! Indexing of every other value stays the native `Index` instruction.

use super::Compiler;
use crate::ast::{self, Expr, ExprKind};
use crate::types::Ty;
use crate::vm::bytecode::Reg;
use crate::vm::program::tid;

impl Compiler {
    /// Is `base` (the indexed expression) of a user type that has an `index` method?
    pub(crate) fn user_index(&self, base: &Expr) -> bool {
        let Some(Ty::Named(n, _)) = self.inferred(base).map(|t| t.deref().clone()) else { return false };
        if n == "BTreeMap" {
            // A map whose keys may have a hand-written `Ord` (`builtins/ordcoll.rs`) finds the
            // key by `cmp`: the prelude's `BTreeMap::index`. Other programs keep the native
            // instruction.
            return self.source.text.contains("Ord for");
        }
        let Some(&t) = self.prog.type_ids.get(&n) else { return false };
        t >= tid::FIRST_ADT_TYPE && self.prog.symbols.get("index").is_some_and(|s| self.prog.find_method(t, s).is_some())
    }

    /// `base.index(idx)` (or `base.index_mut(idx)`) into `dst`.
    pub(crate) fn user_index_call(&mut self, e: &Expr, base: &Expr, idx: &Expr, mutable: bool, dst: Reg) {
        let method = ast::Ident { name: if mutable { "index_mut" } else { "index" }.into(), span: e.span };
        let kind = ExprKind::MethodCall { receiver: Box::new(base.clone()), method, turbofish: None, args: vec![idx.clone()] };
        let call = Expr { kind, span: e.span, id: e.id };
        self.expr_to(&call, dst, None);
    }
}
