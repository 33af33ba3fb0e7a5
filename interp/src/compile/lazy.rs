//! `std::sync::LazyLock` and `std::cell::LazyCell` statics: reading one forces it. A static
//! whose declared type is `LazyLock<..>` or `LazyCell<..>` (the prelude's structs,
//! `builtins/prelude/lazy.rs`) evaluates to its value: after the global is loaded, the
//! compiler calls its `__force` method, which runs the initializer the first time (through
//! a `OnceLock`, so racing threads wait for one initialization). So `*CONFIG`,
//! `CONFIG.len()`, `CONFIG.get(k)` and `LazyLock::force(&CONFIG)` all see the value; the
//! other `__force` (a blanket method of every type) returns its receiver unchanged.
//!
//! A lazy value kept elsewhere (a local, a field, a parameter: an expression typeck knows to
//! be a `LazyLock`/`LazyCell`) is forced where Rust auto-derefs it: `*lazy`, `lazy.field`,
//! `lazy.0`, `lazy[i]`, a method call that is not the lazy type's own (`lazy.len()`), and
//! `&lazy` where a reference to another type is expected (`let v: &Vec<i32> = &lazy;`).
//! In a program that names a lazy type, a value whose type is a type parameter is forced at
//! the same places (generic code over `T: Deref<Target = ..>` may receive a lazy cell).

use super::Compiler;
use crate::ast::{Expr, ExprKind, Span};
use crate::types::Ty;
use crate::vm::bytecode::{Instr, Reg, SiteKind};

/// Methods of `LazyLock`/`LazyCell` themselves: their std API is associated functions
/// (`LazyLock::force(&x)`), so method-call syntax always auto-derefs but for the forcing call.
const OWN_METHODS: [&str; 1] = ["__force"];

/// Is `ty` (a static's declared type) a lazy cell?
pub(crate) fn is_lazy(ty: &Ty) -> bool {
    matches!(ty, Ty::Named(n, _) if n == "LazyLock" || n == "LazyCell")
}

impl Compiler {
    /// `dst` holds global `g` just loaded: force it when it is a lazy static.
    pub(crate) fn force_lazy_static(&mut self, g: u32, dst: Reg, span: Span) {
        let lazy = self.prog.globals.get(g as usize).and_then(|gl| gl.ty.as_ref()).is_some_and(is_lazy);
        if !lazy {
            return;
        }
        self.emit_force(dst, dst, span);
    }

    /// `dst = src.__force()`.
    fn emit_force(&mut self, src: Reg, dst: Reg, span: Span) {
        let start = self.cx().alloc();
        self.emit(Instr::Mov { dst: start, src }, span);
        let sym = self.prog.symbols.intern("__force");
        let site = self.add_site(SiteKind::Method { sym, name: "__force".into() }, 0);
        self.emit(Instr::CallSite { dst, site, args: start, nargs: 1 }, span);
    }

    /// Is `e` a lazy value not forced yet: typed `LazyLock`/`LazyCell` (or a reference to
    /// one) by typeck, and not a static (forced where it is loaded)?
    pub(crate) fn is_lazy_value(&mut self, e: &Expr) -> bool {
        if self.in_prelude {
            return false;
        }
        match &e.kind {
            ExprKind::Paren(inner) => return self.is_lazy_value(inner),
            ExprKind::Path(p) => {
                let local = p.as_ident().is_some_and(|n| self.cx().lookup(n).is_some());
                if !local {
                    return false;
                }
            }
            _ => {}
        }
        if self.inferred(e).is_some_and(|t| is_lazy(t.deref())) {
            return true;
        }
        // Generic code (`fn total<T: Deref<Target = Vec<i32>>>(v: &T)`): a value of a type
        // parameter may be a lazy cell at run time, so it is forced where Rust would auto-deref
        // it (`__force` of any other value is the value itself). Only in programs that name a
        // lazy type, so other generic code pays nothing.
        let param = self.info.as_ref().and_then(|i| i.expr_ty(e.id)).is_some_and(|t| matches!(t.deref(), Ty::Param(_)));
        param && self.program_uses_lazy()
    }

    /// Does the program's source name `LazyLock` or `LazyCell`?
    fn program_uses_lazy(&self) -> bool {
        let t = &self.source.text;
        t.contains("LazyLock") || t.contains("LazyCell")
    }

    /// A register holding `e` for reading through it (a field, an element, `*e`, a method
    /// receiver): `operand(e)`, forced first when `e` is a lazy value.
    pub(crate) fn forced_operand(&mut self, e: &Expr) -> Reg {
        let r = self.operand(e);
        if !self.is_lazy_value(e) {
            return r;
        }
        let dst = self.cx().alloc();
        self.emit_force(r, dst, e.span);
        dst
    }

    /// Does calling `method` on `receiver` auto-deref a lazy value?
    pub(crate) fn lazy_receiver(&mut self, receiver: &Expr, method: &str) -> bool {
        !OWN_METHODS.contains(&method) && self.is_lazy_value(receiver)
    }

    /// `&e` where `expect` (a reference to a type that is not lazy) asks for a deref coercion
    /// of a lazy value.
    pub(crate) fn lazy_coerced(&mut self, e: &Expr, expect: Option<&Ty>) -> bool {
        let wants_other = expect.is_some_and(|t| matches!(t.deref(), Ty::Named(..) | Ty::String | Ty::Str | Ty::Slice(_) | Ty::Array(..) | Ty::Tuple(_) | Ty::Int(_) | Ty::Float(_)) && !is_lazy(t.deref()));
        wants_other && self.is_lazy_value(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lazy_types_are_forced() {
        assert!(is_lazy(&Ty::Named("LazyLock".into(), vec![Ty::Infer])));
        assert!(is_lazy(&Ty::Named("LazyCell".into(), vec![])));
        assert!(!is_lazy(&Ty::Named("OnceLock".into(), vec![])));
    }
}
