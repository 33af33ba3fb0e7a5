//! Patterns: compiled to tests (jumps to a failure label) and bindings (new locals in the
//! current scope). `by_mut` makes bindings places (`Ref`s) for matching through `&mut`.

use super::items::Item;
use super::Compiler;
use crate::ast::{self, Pat, PatKind, Span};
use crate::diag::Diagnostic;
use crate::vm::bytecode::{BinKind, Instr, Reg};
use rustc_hash::FxHashMap;

impl Compiler {
    /// A pattern that cannot fail (let, params, for).
    pub(crate) fn bind_irrefutable(&mut self, pat: &Pat, val: Reg, _span: Span) {
        let fails = self.pattern_test(pat, val, false);
        if !fails.is_empty() {
            // A refutable pattern where an irrefutable one is needed: fall into an error.
            let j = self.emit(Instr::Jump { target: 0 }, pat.span);
            let here = self.cx().here();
            for f in fails {
                self.cx().patch(f, here);
            }
            let msg = self.cx().add_name("internal error: refutable pattern did not match".into());
            self.emit(Instr::Error { msg }, pat.span);
            let end = self.cx().here();
            self.cx().patch(j, end);
        }
    }

    /// Test `val` against `pat`, binding its names. Returns the jumps taken on mismatch.
    pub(crate) fn pattern_test(&mut self, pat: &Pat, val: Reg, by_mut: bool) -> Vec<usize> {
        let mut fails = Vec::new();
        self.pat(pat, val, by_mut, &mut fails, &mut None);
        fails
    }

    fn bind_name(&mut self, name: &str, val: Reg, span: Span, reuse: &mut Option<FxHashMap<String, Reg>>) {
        if let Some(map) = reuse {
            if let Some(r) = map.get(name) {
                let r = *r;
                self.emit(Instr::Mov { dst: r, src: val }, span);
                return;
            }
        }
        let r = self.cx().alloc();
        self.emit(Instr::Mov { dst: r, src: val }, span);
        self.declare_local(name, r, false, None, span);
    }

    fn pat(&mut self, pat: &Pat, val: Reg, by_mut: bool, fails: &mut Vec<usize>, reuse: &mut Option<FxHashMap<String, Reg>>) {
        let span = pat.span;
        match &pat.kind {
            PatKind::Wild | PatKind::Rest | PatKind::Error => {}
            PatKind::Ident { by_ref, mutable, name, sub } => {
                if sub.is_none() && !*by_ref && !*mutable {
                    if let Some(it) = self.resolves_to_unit_pattern(&name.name) {
                        self.test_item(it, val, span, fails);
                        return;
                    }
                }
                if let Some(s) = sub {
                    self.pat(s, val, by_mut, fails, reuse);
                }
                if *mutable && !*by_ref {
                    // `mut x` owns its value: a Copy aggregate read from the scrutinee's
                    // place is copied, so changing `x` leaves the place as it was.
                    let c = self.cx().alloc();
                    self.emit(Instr::Dup { dst: c, src: val }, span);
                    self.bind_name(&name.name, c, span, reuse);
                    return;
                }
                self.bind_name(&name.name, val, span, reuse);
            }
            PatKind::Lit(e) => {
                let v = match &e.kind {
                    ast::ExprKind::Lit(l) => self.lit_value(l, Some(e), None, false),
                    ast::ExprKind::Unary(ast::UnOp::Neg, inner) => match &inner.kind {
                        ast::ExprKind::Lit(l) => self.lit_value(l, Some(inner), None, true),
                        _ => crate::value::Value::Unit,
                    },
                    _ => crate::value::Value::Unit,
                };
                let k = self.cx().add_const(v);
                fails.push(self.emit(Instr::TestConst { a: val, k, target: 0 }, span));
            }
            PatKind::Range { lo, hi, inclusive } => {
                if let Some(lo) = lo {
                    let r = self.cx().alloc();
                    self.pat_bound(lo, r);
                    fails.push(self.emit(Instr::JumpIfNot2 { op: BinKind::Ge, a: val, b: r, target: 0 }, span));
                }
                if let Some(hi) = hi {
                    let r = self.cx().alloc();
                    self.pat_bound(hi, r);
                    let op = if *inclusive { BinKind::Le } else { BinKind::Lt };
                    fails.push(self.emit(Instr::JumpIfNot2 { op, a: val, b: r, target: 0 }, span));
                }
            }
            PatKind::Tuple(elems) => self.seq_pat(elems, val, by_mut, fails, reuse, false, span),
            PatKind::Slice(elems) => self.seq_pat(elems, val, by_mut, fails, reuse, true, span),
            PatKind::TupleStruct { path, elems } => {
                let Some((adt, variant)) = self.resolve_ctor(path) else {
                    // A tuple variant of a std type the natives define (`TryLockError::Poisoned`).
                    if let Some(variant) = crate::builtins::sync::defs::tuple_variant(&self.std_path(path)) {
                        fails.push(self.emit(Instr::TestVariant { a: val, variant, target: 0 }, span));
                        self.seq_pat(elems, val, by_mut, fails, reuse, false, span);
                        return;
                    }
                    self.pat_not_found(path);
                    return;
                };
                if self.prog.adts.get(adt as usize).is_some_and(|d| d.is_enum) {
                    fails.push(self.emit(Instr::TestVariant { a: val, variant: variant as u16, target: 0 }, span));
                }
                self.seq_pat(elems, val, by_mut, fails, reuse, false, span);
            }
            PatKind::Struct { path, fields, .. } => {
                let Some((adt, variant)) = self.resolve_ctor(path) else {
                    self.pat_not_found(path);
                    return;
                };
                let def = self.prog.adts[adt as usize].clone();
                if def.is_enum {
                    fails.push(self.emit(Instr::TestVariant { a: val, variant: variant as u16, target: 0 }, span));
                }
                let names = def.variants.get(variant as usize).map(|v| v.fields.clone()).unwrap_or_default();
                for f in fields {
                    let Some(idx) = names.iter().position(|n| *n == f.name.name) else {
                        self.error(
                            Diagnostic::error(format!("{} `{}` does not have a field named `{}`", if def.is_enum { "variant" } else { "struct" }, def.name, f.name.name), f.name.span, "unknown field")
                                .with_code("E0026"),
                        );
                        continue;
                    };
                    let r = self.cx().alloc();
                    let field_by_ref = by_mut || matches!(f.pat.kind, PatKind::Ident { by_ref: true, mutable: true, .. });
                    if field_by_ref {
                        self.emit(Instr::RefElem { dst: r, obj: val, idx: idx as u16 }, f.name.span);
                    } else {
                        self.emit(Instr::GetElem { dst: r, obj: val, idx: idx as u16 }, f.name.span);
                    }
                    self.pat(&f.pat, r, by_mut, fails, reuse);
                }
            }
            PatKind::Path(p) => match self.resolve_item(p) {
                Some(it) => self.test_item(it, val, span, fails),
                None => {
                    let sp = self.std_path(p);
                    match crate::builtins::constant(&sp) {
                        Some(v) => {
                            let k = self.cx().add_const(v);
                            fails.push(self.emit(Instr::TestConst { a: val, k, target: 0 }, span));
                        }
                        None => self.pat_not_found(p),
                    }
                }
            },
            PatKind::Or(alts) => {
                // Every alternative binds the same names into the same registers.
                let mut oks = Vec::new();
                let mut map: Option<FxHashMap<String, Reg>> = reuse.clone();
                for (i, alt) in alts.iter().enumerate() {
                    let before = self.cx().scopes.last().map_or(0, |s| s.locals.len());
                    let mut alt_fails = Vec::new();
                    self.pat(alt, val, by_mut, &mut alt_fails, &mut map);
                    if map.is_none() || i == 0 {
                        let mut m = map.take().unwrap_or_default();
                        if let Some(s) = self.cx().scopes.last() {
                            for l in s.locals.iter().skip(before) {
                                m.insert(l.name.clone(), l.reg);
                            }
                        }
                        map = Some(m);
                    }
                    if i + 1 < alts.len() {
                        oks.push(self.emit(Instr::Jump { target: 0 }, span));
                        let here = self.cx().here();
                        for f in alt_fails {
                            self.cx().patch(f, here);
                        }
                    } else {
                        fails.extend(alt_fails);
                    }
                }
                let here = self.cx().here();
                for j in oks {
                    self.cx().patch(j, here);
                }
            }
            PatKind::Ref { pat, .. } => self.pat(pat, val, by_mut, fails, reuse),
        }
    }

    fn pat_not_found(&mut self, p: &ast::Path) {
        let name = super::call::path_string(p);
        self.error(
            Diagnostic::error(format!("cannot find tuple struct or tuple variant `{name}` in this scope"), p.span, "not found in this scope")
                .with_code("E0531"),
        );
    }

    fn pat_bound(&mut self, e: &ast::Expr, dst: Reg) {
        self.expr_to(e, dst, None);
    }

    fn test_item(&mut self, it: Item, val: Reg, span: Span, fails: &mut Vec<usize>) {
        match it {
            Item::Variant(adt, v) if self.prog.adts.get(adt as usize).is_some_and(|d| d.is_enum) => {
                fails.push(self.emit(Instr::TestVariant { a: val, variant: v as u16, target: 0 }, span));
            }
            Item::Const(e, ty) => {
                let t = ty.map(|t| super::lits::ast_to_ty(&t, None));
                let r = self.cx().alloc();
                self.expr_to(&e, r, t.as_ref());
                fails.push(self.emit(Instr::JumpIfNot2 { op: BinKind::Eq, a: val, b: r, target: 0 }, span));
            }
            _ => {}
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn seq_pat(
        &mut self,
        elems: &[Pat],
        val: Reg,
        by_mut: bool,
        fails: &mut Vec<usize>,
        reuse: &mut Option<FxHashMap<String, Reg>>,
        is_slice: bool,
        span: Span,
    ) {
        let rest = elems.iter().position(is_rest);
        let before = rest.unwrap_or(elems.len());
        let after = rest.map_or(0, |r| elems.len() - r - 1);
        if is_slice {
            fails.push(self.emit(
                Instr::TestLen { a: val, n: (before + after) as u16, at_least: rest.is_some(), target: 0 },
                span,
            ));
        }
        for (i, p) in elems.iter().enumerate().take(before) {
            if matches!(p.kind, PatKind::Wild) {
                continue;
            }
            let r = self.cx().alloc();
            let p_by_ref = by_mut || matches!(p.kind, PatKind::Ident { by_ref: true, mutable: true, .. });
            if p_by_ref {
                self.emit(Instr::RefElem { dst: r, obj: val, idx: i as u16 }, p.span);
            } else {
                self.emit(Instr::GetElem { dst: r, obj: val, idx: i as u16 }, p.span);
            }
            self.pat(p, r, by_mut, fails, reuse);
        }
        if let Some(ri) = rest {
            // `rest @ ..` in a slice pattern.
            if let PatKind::Ident { name, sub: Some(_), .. } = &elems[ri].kind {
                let r = self.cx().alloc();
                self.emit(Instr::SliceRest { dst: r, obj: val, start: before as u8, from_end: after as u8 }, elems[ri].span);
                self.bind_name(&name.name, r, elems[ri].span, reuse);
            }
            for (j, p) in elems.iter().skip(ri + 1).enumerate() {
                let from_end = after - 1 - j;
                let r = self.cx().alloc();
                if is_slice {
                    self.emit(Instr::GetElemEnd { dst: r, obj: val, from_end: from_end as u16 }, p.span);
                } else {
                    // Tuples: the index from the end needs the arity; GetElemEnd works on
                    // tuples too.
                    self.emit(Instr::GetElemEnd { dst: r, obj: val, from_end: from_end as u16 }, p.span);
                }
                self.pat(p, r, by_mut, fails, reuse);
            }
        }
    }
}

/// Does the pattern bind something by reference (`ref x`, `ref mut x`)? Then the value
/// it matches is a place that must not be moved or copied first.
pub(crate) fn has_ref_binding(p: &Pat) -> bool {
    match &p.kind {
        PatKind::Ident { by_ref, sub, .. } => *by_ref || sub.as_deref().is_some_and(has_ref_binding),
        PatKind::Tuple(ps) | PatKind::Slice(ps) | PatKind::Or(ps) | PatKind::TupleStruct { elems: ps, .. } => {
            ps.iter().any(has_ref_binding)
        }
        PatKind::Struct { fields, .. } => fields.iter().any(|f| has_ref_binding(&f.pat)),
        PatKind::Ref { pat, .. } => has_ref_binding(pat),
        _ => false,
    }
}

/// The names of a pattern made only of bindings and tuples of them (`(a, (b, c))`),
/// in order; false for any other pattern.
pub(crate) fn plain_names<'p>(p: &'p Pat, out: &mut Vec<&'p ast::Ident>) -> bool {
    match &p.kind {
        PatKind::Ident { by_ref: false, name, sub: None, .. } => {
            out.push(name);
            true
        }
        PatKind::Tuple(ps) => ps.iter().all(|q| plain_names(q, out)),
        _ => false,
    }
}

fn is_rest(p: &Pat) -> bool {
    match &p.kind {
        PatKind::Rest => true,
        PatKind::Ident { sub: Some(s), .. } => matches!(s.kind, PatKind::Rest),
        _ => false,
    }
}
