//! `std::sync::LazyLock` and `std::cell::LazyCell` statics: reading one forces it. A static
//! whose declared type is `LazyLock<..>` or `LazyCell<..>` (the prelude's structs,
//! `builtins/prelude/lazy.rs`) evaluates to its value: after the global is loaded, the
//! compiler calls its `__force` method, which runs the initializer the first time (through
//! a `OnceLock`, so racing threads wait for one initialization). So `*CONFIG`,
//! `CONFIG.len()`, `CONFIG.get(k)` and `LazyLock::force(&CONFIG)` all see the value; the
//! other `__force` (a blanket method of every type) returns its receiver unchanged.

use super::Compiler;
use crate::ast::Span;
use crate::types::Ty;
use crate::vm::bytecode::{Instr, Reg, SiteKind};

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
        let start = self.cx().alloc();
        self.emit(Instr::Mov { dst: start, src: dst }, span);
        let sym = self.prog.symbols.intern("__force");
        let site = self.add_site(SiteKind::Method { sym, name: "__force".into() }, 0);
        self.emit(Instr::CallSite { dst, site, args: start, nargs: 1 }, span);
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
