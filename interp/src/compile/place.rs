//! Places: assignment (`x = v`, `s.f.g = v`, `v[i] = x`, `*r = v`), compound assignment
//! (`x += 1`, `v[i] += 1`, `*r += 1`, `self.count += 1`) and `&mut place`.

use super::Compiler;
use crate::ast::{self, BinOp, Expr, ExprKind, Span};
use crate::diag::Diagnostic;
use crate::vm::bytecode::{Instr, Reg};

/// A place, with its operands evaluated.
enum Place {
    Local { reg: Reg, boxed: bool },
    Global(u16),
    Field { obj: Reg, name: u16 },
    Elem { obj: Reg, idx: u16 },
    Index { obj: Reg, idx: Reg },
    Deref(Reg),
}

impl Compiler {
    fn place(&mut self, e: &Expr) -> Option<Place> {
        match &e.kind {
            ExprKind::Paren(inner) => self.place(inner),
            ExprKind::Path(p) => {
                let name = p.as_ident();
                if let Some(name) = name {
                    if let Some(l) = self.cx().lookup(name).cloned() {
                        return Some(Place::Local { reg: l.reg, boxed: l.boxed });
                    }
                    if let Some(v) = self.repl_vars.get(name) {
                        return Some(Place::Global(v.global as u16));
                    }
                }
                if let Some(super::items::Item::Static(g)) = self.resolve_item(p) {
                    return Some(Place::Global(g as u16));
                }
                let n = super::call::path_string(p);
                self.error(
                    Diagnostic::error(format!("cannot find value `{n}` in this scope"), p.span, "not found in this scope").with_code("E0425"),
                );
                None
            }
            ExprKind::Field(base, name) => {
                self.check_field_name(base, name);
                let obj = self.operand(base);
                let site = self.cx().field_site(&name.name);
                Some(Place::Field { obj, name: site })
            }
            ExprKind::TupleField(base, idx, _) => {
                let obj = self.operand(base);
                Some(Place::Elem { obj, idx: *idx as u16 })
            }
            ExprKind::Index(base, idx_e) if self.user_index(base) => {
                let t = self.cx().alloc();
                self.user_index_call(e, base, idx_e, true, t);
                Some(Place::Deref(t))
            }
            ExprKind::Index(base, idx_e) => {
                let obj = self.operand(base);
                let idx = self.operand_typed(idx_e, Some(&crate::types::Ty::Int(crate::value::IntTy::Usize)));
                let sp = self.index_span(e, base, idx_e);
                self.cx().index_span = sp;
                Some(Place::Index { obj, idx })
            }
            ExprKind::Unary(ast::UnOp::Deref, inner) => {
                let r = self.operand(inner);
                Some(Place::Deref(r))
            }
            ExprKind::MethodCall { .. } | ExprKind::Call(..) => {
                // `*v.last_mut().unwrap() = x` arrives as Deref; a call result as a place is a
                // reference: assign through it.
                let t = self.cx().alloc();
                self.expr_to(e, t, None);
                Some(Place::Deref(t))
            }
            _ => {
                self.err("invalid left-hand side of assignment", e.span, "cannot assign to this expression");
                None
            }
        }
    }

    fn read_place(&mut self, p: &Place, dst: Reg, span: Span) {
        match *p {
            Place::Local { reg, boxed } => {
                if boxed {
                    self.emit(Instr::Deref { dst, src: reg }, span);
                } else if reg != dst {
                    self.emit(Instr::Mov { dst, src: reg }, span);
                }
            }
            Place::Global(g) => {
                self.emit(Instr::GetGlobal { dst, idx: g }, span);
            }
            Place::Field { obj, name } => {
                self.emit(Instr::GetField { dst, obj, name }, span);
            }
            Place::Elem { obj, idx } => {
                self.emit(Instr::GetElem { dst, obj, idx }, span);
            }
            Place::Index { obj, idx } => {
                let sp = self.cx().index_span;
                self.emit(Instr::Index { dst, obj, idx }, sp);
            }
            Place::Deref(r) => {
                self.emit(Instr::Deref { dst, src: r }, span);
            }
        }
    }

    /// Is a by-value read of an owned boxed local of type `ty` a move that must leave the box
    /// empty (so that the local's scope end does not drop what its new owner holds)? Only when
    /// drops are tracked and the type is surely not `Copy` (a program type that does not
    /// derive it, or a std owner such as `String`, `Vec`, `Rc`); an unknown type keeps the
    /// value in the box (a `Copy` value read by value must stay).
    pub(crate) fn moves_out_of_box(&self, ty: Option<&crate::types::Ty>) -> bool {
        use crate::types::Ty;
        if !self.prog.needs_drop_walk {
            return false;
        }
        match ty {
            Some(Ty::Named(n, _)) => match self.prog.type_ids.get(n) {
                Some(&t) if t >= crate::vm::program::tid::FIRST_ADT_TYPE => {
                    self.prog.adts.get((t - crate::vm::program::tid::FIRST_ADT_TYPE) as usize).is_some_and(|d| !d.is_copy)
                }
                _ => matches!(
                    n.as_str(),
                    "String" | "Vec" | "VecDeque" | "HashMap" | "HashSet" | "BTreeMap" | "BTreeSet" | "BinaryHeap" | "Rc" | "Arc" | "RefCell" | "Box"
                ),
            },
            _ => false,
        }
    }

    /// Empty the box of local `reg` after its value was moved out.
    pub(crate) fn take_out_of_box(&mut self, reg: Reg, span: Span) {
        let t = self.cx().alloc();
        self.emit(Instr::LoadUnit { dst: t }, span);
        self.emit(Instr::StoreDeref { dst: reg, src: t }, span);
        self.cx().next_reg = t;
    }

    fn write_place(&mut self, p: &Place, src: Reg, span: Span) {
        // Assigning to a field, an element or through a reference drops the old value.
        let old = (self.prog.needs_drop_walk && !matches!(*p, Place::Local { .. } | Place::Global(_))).then(|| {
            let t = self.cx().alloc();
            self.read_place(p, t, span);
            t
        });
        self.write_place_inner(p, src, span);
        if let Some(t) = old {
            self.emit(Instr::Drop { reg: t }, span);
            self.cx().next_reg = t;
        }
    }

    fn write_place_inner(&mut self, p: &Place, src: Reg, span: Span) {
        match *p {
            Place::Local { reg, boxed } => {
                if boxed {
                    // A boxed local (shared with a closure, or borrowed `&mut`) drops its old
                    // value too, as an unboxed one does.
                    let old = self.prog.needs_drop_walk.then(|| {
                        let t = self.cx().alloc();
                        self.emit(Instr::Deref { dst: t, src: reg }, span);
                        t
                    });
                    self.emit(Instr::StoreDeref { dst: reg, src }, span);
                    if let Some(t) = old {
                        self.emit(Instr::Drop { reg: t }, span);
                        self.cx().next_reg = t;
                    }
                } else if reg != src {
                    if self.prog.needs_drop_walk {
                        self.emit(Instr::Drop { reg }, span);
                    }
                    self.emit(Instr::Mov { dst: reg, src }, span);
                }
            }
            Place::Global(g) => {
                self.emit(Instr::SetGlobal { idx: g, src }, span);
            }
            Place::Field { obj, name } => {
                self.emit(Instr::SetField { obj, name, src }, span);
            }
            Place::Elem { obj, idx } => {
                self.emit(Instr::SetElem { obj, idx, src }, span);
            }
            Place::Index { obj, idx } => {
                let sp = self.cx().index_span;
                self.emit(Instr::SetIndex { obj, idx, src }, sp);
            }
            Place::Deref(r) => {
                self.emit(Instr::StoreDeref { dst: r, src }, span);
            }
        }
    }

    fn place_ty(&mut self, e: &Expr) -> Option<crate::types::Ty> {
        if let Some(t) = self.inferred(e) {
            return Some(t);
        }
        if let ExprKind::Path(p) = &e.kind {
            if let Some(n) = p.as_ident() {
                return self.cx().lookup(n).and_then(|l| l.ty.clone());
            }
        }
        None
    }

    pub(crate) fn assign(&mut self, place: &Expr, value: &Expr, span: Span) {
        if let ExprKind::Tuple(parts) | ExprKind::Array(parts) = &place.kind {
            // Destructuring assignment: `(a, b) = (b, a)`.
            let v = self.cx().alloc();
            self.expr_to(value, v, None);
            for (i, p) in parts.iter().enumerate() {
                if matches!(&p.kind, ExprKind::Path(path) if path.as_ident() == Some("_")) {
                    continue;
                }
                let t = self.cx().alloc();
                self.emit(Instr::GetElem { dst: t, obj: v, idx: i as u16 }, p.span);
                if let Some(pl) = self.place(p) {
                    self.write_place(&pl, t, span);
                }
            }
            return;
        }
        if matches!(&place.kind, ExprKind::Path(path) if path.as_ident() == Some("_")) {
            // `_ = f()`: evaluate and discard (the value dies with the statement's temporaries).
            let v = self.cx().alloc();
            self.expr_to(value, v, None);
            return;
        }
        let ty = self.place_ty(place);
        let ty = ty.map(|t| t.deref().clone());
        // Simple local: evaluate straight into its register when nothing needs dropping.
        if let ExprKind::Path(p) = &place.kind {
            if let Some(n) = p.as_ident() {
                if let Some(l) = self.cx().lookup(n).cloned() {
                    if !l.boxed && !self.prog.needs_drop_walk {
                        self.expr_to(value, l.reg, ty.as_ref());
                        return;
                    }
                }
            }
        }
        let v = self.cx().alloc();
        self.expr_to(value, v, ty.as_ref());
        if let Some(p) = self.place(place) {
            self.write_place(&p, v, span);
        }
    }

    pub(crate) fn assign_op(&mut self, op: BinOp, place: &Expr, value: &Expr, span: Span) {
        let Some(k) = super::expr::bin_kind(op) else { return };
        let ty = self.place_ty(place).map(|t| t.deref().clone());
        let Some(p) = self.place(place) else { return };
        if let Place::Local { reg, boxed: false } = p {
            if let Some(imm) = super::expr::small_int(value) {
                if !matches!(ty, Some(crate::types::Ty::Float(_))) {
                    self.emit(Instr::BinI { op: k, dst: reg, a: reg, imm }, span);
                    return;
                }
            }
            let b = self.operand_typed(value, if matches!(k, crate::vm::bytecode::BinKind::Shl | crate::vm::bytecode::BinKind::Shr) { None } else { ty.as_ref() });
            self.emit(Instr::Bin { op: k, dst: reg, a: reg, b }, span);
            return;
        }
        let cur = self.cx().alloc();
        self.read_place(&p, cur, span);
        // The old value of a number or a bool needs no drop: no second read of the place
        // (through a lock guard, `*c.lock().unwrap() += 1`, each read locks its storage).
        let scalar = matches!(ty, Some(crate::types::Ty::Int(_) | crate::types::Ty::Float(_) | crate::types::Ty::Bool | crate::types::Ty::Char));
        if let Some(imm) = super::expr::small_int(value) {
            if !matches!(ty, Some(crate::types::Ty::Float(_))) {
                self.emit(Instr::BinI { op: k, dst: cur, a: cur, imm }, span);
                self.write_assigned(&p, cur, scalar, span);
                return;
            }
        }
        let b = self.operand_typed(value, ty.as_ref());
        self.emit(Instr::Bin { op: k, dst: cur, a: cur, b }, span);
        self.write_assigned(&p, cur, scalar, span);
    }

    /// `write_place`, without the drop of the old value when it is a `scalar`.
    fn write_assigned(&mut self, p: &Place, src: Reg, scalar: bool, span: Span) {
        if scalar {
            self.write_place_inner(p, src, span);
        } else {
            self.write_place(p, src, span);
        }
    }

    /// `&mut e` into `dst`.
    pub(crate) fn ref_mut(&mut self, e: &Expr, dst: Reg) {
        let span = e.span;
        match &e.kind {
            ExprKind::Paren(inner) => self.ref_mut(inner, dst),
            ExprKind::Path(p) => {
                if let Some(n) = p.as_ident() {
                    if let Some(l) = self.cx().lookup(n).cloned() {
                        // Boxed locals hold their Ref; others are aggregates passed by handle.
                        self.emit(Instr::Mov { dst, src: l.reg }, span);
                        return;
                    }
                    if let Some(v) = self.repl_vars.get(n).cloned() {
                        self.emit(Instr::RefGlobal { dst, idx: v.global as u16 }, span);
                        return;
                    }
                }
                if let Some(super::items::Item::Static(g)) = self.resolve_item(p) {
                    self.emit(Instr::RefGlobal { dst, idx: g as u16 }, span);
                    return;
                }
                self.expr_to(e, dst, None);
            }
            ExprKind::Field(base, name) => {
                self.check_field_name(base, name);
                let obj = self.operand(base);
                let site = self.cx().field_site(&name.name);
                self.emit(Instr::RefField { dst, obj, name: site }, span);
            }
            ExprKind::TupleField(base, idx, _) => {
                let obj = self.operand(base);
                self.emit(Instr::RefElem { dst, obj, idx: *idx as u16 }, span);
            }
            ExprKind::Index(base, idx) if self.user_index(base) => self.user_index_call(e, base, idx, true, dst),
            ExprKind::Index(base, idx) => {
                let obj = self.operand(base);
                let i = self.operand_typed(idx, Some(&crate::types::Ty::Int(crate::value::IntTy::Usize)));
                self.emit(Instr::RefIndex { dst, obj, idx: i }, span);
            }
            ExprKind::Unary(ast::UnOp::Deref, inner) => {
                // `&mut *r` is `r`.
                self.expr_read_pub(inner, dst);
            }
            _ => self.expr_to(e, dst, None),
        }
    }

    pub(crate) fn expr_read_pub(&mut self, e: &Expr, dst: Reg) {
        let r = self.operand(e);
        if r != dst {
            self.emit(Instr::Mov { dst, src: r }, e.span);
        }
    }
}

#[cfg(test)]
#[path = "place_tests.rs"]
mod tests;
