//! Control flow: `while` (and `while let`), `loop`, `for` (with the range fast path),
//! `break`/`continue` with labels and values, `match`, and `?`.

use super::scope::LoopCx;
use super::Compiler;
use crate::ast::{self, Expr, ExprKind, Ident, Span};
use crate::diag::Diagnostic;
use crate::types::Ty;
use crate::vm::bytecode::{Instr, Reg};

impl Compiler {
    fn push_loop(&mut self, label: Option<&Ident>, result: Reg, continue_to: Option<usize>) {
        let depth = self.cx().scopes.len();
        self.cx().loops.push(LoopCx {
            label: label.map(|l| l.name.clone()),
            breaks: vec![],
            continue_to,
            continues: vec![],
            result,
            scope_depth: depth,
            is_block: false,
            body_from: Reg::MAX,
        });
    }

    /// The body of the innermost loop (or labelled block) starts: its temporaries are the
    /// registers from here on (`LoopCx::body_from`).
    pub(crate) fn mark_loop_body(&mut self) {
        let from = self.cx().region_start();
        if let Some(lp) = self.cx().loops.last_mut() {
            lp.body_from = from;
        }
    }

    /// A `break` or `continue` leaves the body of loop `i`: the temporaries made in it so far
    /// die (a guard in `match *m.lock().unwrap() { .. => continue }` is released), as every
    /// temporary scope the jump leaves ends, after the locals `emit_drops_from` dropped.
    fn leave_loop_body(&mut self, i: usize, span: Span) {
        if !self.prog.needs_drop_walk {
            return;
        }
        let from = self.cx().loops[i].body_from;
        let hi = self.cx().hw.max(self.cx().next_reg);
        if from < hi {
            self.emit(Instr::ReleaseTemps { lo: from, hi }, span);
        }
    }

    fn pop_loop(&mut self, exit: usize, cont: usize) {
        if let Some(lp) = self.cx().loops.pop() {
            for b in lp.breaks {
                self.cx().patch(b, exit);
            }
            for c in lp.continues {
                self.cx().patch(c, cont);
            }
        }
    }

    pub(crate) fn while_loop(&mut self, label: Option<&Ident>, cond: &Expr, body: &ast::Block, dst: Reg, span: Span) {
        let top = self.cx().here();
        // When drops are tracked, `continue` goes through the end of the iteration, where the
        // condition's temporaries (a guard in `while let Some(x) = q.lock().unwrap().pop()`)
        // die, as Rust drops them after each iteration.
        let drops = self.prog.needs_drop_walk;
        self.push_loop(label, dst, (!drops).then_some(top));
        self.cx().push_scope();
        let mut temps = self.begin_arm_temps();
        if let Some(lp) = self.cx().loops.last_mut() {
            lp.body_from = temps.start;
        }
        let fails = self.cond(cond);
        self.pattern_done(&mut temps);
        let t = self.cx().alloc();
        let saved = self.sink.replace(t);
        self.body_to(body, t, None);
        self.sink = saved;
        let cont = self.cx().here();
        let locals = self.cx().pop_scope();
        self.emit_drops(&locals, span);
        self.end_arm_temps(temps, span);
        self.emit(Instr::Loop { target: top as u16 }, span);
        let exit = self.cx().here();
        for f in fails {
            self.cx().patch(f, exit);
        }
        self.pop_loop(exit, if drops { cont } else { top });
        self.load_unit(dst, span);
    }

    pub(crate) fn loop_loop(&mut self, label: Option<&Ident>, body: &ast::Block, dst: Reg, span: Span) {
        let top = self.cx().here();
        self.push_loop(label, dst, Some(top));
        let mark = self.cx().next_reg;
        let t = self.cx().alloc();
        let saved = self.sink.replace(t);
        self.mark_loop_body();
        self.body_to(body, t, None);
        self.sink = saved;
        self.cx().next_reg = mark;
        self.emit(Instr::Loop { target: top as u16 }, span);
        let exit = self.cx().here();
        self.pop_loop(exit, top);
    }

    pub(crate) fn for_loop(&mut self, label: Option<&Ident>, pat: &ast::Pat, iter: &Expr, body: &ast::Block, dst: Reg, span: Span) {
        let mark = self.cx().next_reg;
        if let ExprKind::Range { start: Some(s), end: Some(e), inclusive } = &iter.kind {
            // Counter loop: ForPrep / ForStep keep the counter in registers.
            let et = self.inferred(s).or_else(|| self.inferred(e)).or_else(|| match self.inferred(iter) {
                Some(Ty::Named(_, a)) => a.first().cloned(),
                _ => None,
            });
            let ctr = self.cx().alloc();
            let end = self.cx().alloc();
            self.expr_to(s, ctr, et.as_ref());
            self.expr_to(e, end, et.as_ref());
            let prep = self.emit(Instr::ForPrep { ctr, end, target: 0, inclusive: *inclusive }, iter.span);
            let top = self.cx().here();
            self.push_loop(label, dst, None);
            self.cx().push_scope();
            match &pat.kind {
                ast::PatKind::Ident { name, sub: None, by_ref: false, .. }
                    if !assigns_name(body, &name.name) && !self.cx().boxed_names.contains(&name.name) =>
                {
                    // The loop variable is the counter itself (the body never assigns it).
                    self.cx().declare(super::scope::Local { name: name.name.clone(), reg: ctr, boxed: false, owned: false, ty: et.clone() });
                }
                // `for _ in a..b`: nothing is bound, so the counter is not copied.
                ast::PatKind::Wild => {}
                _ => {
                    let var = self.cx().alloc();
                    self.emit(Instr::Mov { dst: var, src: ctr }, pat.span);
                    self.bind_irrefutable(pat, var, pat.span);
                }
            }
            let t = self.cx().alloc();
            let saved = self.sink.replace(t);
            self.mark_loop_body();
            self.body_to(body, t, None);
            self.sink = saved;
            // The counter holds an integer or a `char` (a range iterates only `Step` types), so
            // a loop variable that is the counter itself has nothing to let go of.
            let locals: Vec<_> = self.cx().pop_scope().into_iter().filter(|l| l.reg != ctr).collect();
            self.emit_drops(&locals, span);
            let step = self.emit(Instr::ForStep { ctr, end, target: top as u16, inclusive: *inclusive }, iter.span);
            let exit = self.cx().here();
            self.cx().patch(prep, exit);
            self.pop_loop(exit, step);
        } else {
            let it = self.cx().alloc();
            let by_value = self.iterates_by_value(iter);
            let src = self.iterated_operand(iter, by_value);
            self.emit(Instr::IterInit { dst: it, src }, iter.span);
            let top = self.cx().here();
            // When drops are tracked, `continue` goes through the end of the iteration, where
            // the item the pattern took by value dies (as `while` does).
            let drops = self.prog.needs_drop_walk;
            self.push_loop(label, dst, (!drops).then_some(top));
            self.cx().push_scope();
            let item = self.cx().alloc();
            let next = self.emit(Instr::IterNext { dst: item, iter: it, target: 0 }, iter.span);
            let by_mut = self.is_mut_ref_expr(iter);
            match &pat.kind {
                ast::PatKind::Ident { name, sub: None, by_ref: false, mutable } => {
                    if *mutable {
                        // `for mut p in arr`: the item is p's own (a Copy element is copied).
                        self.emit(Instr::Dup { dst: item, src: item }, pat.span);
                    }
                    self.declare_local(&name.name, item, by_value, None, pat.span)
                }
                _ if by_mut => {
                    let fails = self.pattern_test(pat, item, true);
                    let _ = fails;
                }
                _ => self.bind_irrefutable(pat, item, pat.span),
            }
            let t = self.cx().alloc();
            let saved = self.sink.replace(t);
            self.mark_loop_body();
            self.body_to(body, t, None);
            self.sink = saved;
            let cont = self.cx().here();
            let locals = self.cx().pop_scope();
            self.emit_drops(&locals, span);
            self.emit(Instr::Loop { target: top as u16 }, span);
            let exit = self.cx().here();
            self.cx().patch(next, exit);
            self.pop_loop(exit, if drops { cont } else { top });
        }
        self.cx().next_reg = mark;
        self.load_unit(dst, span);
    }

    fn find_loop(&mut self, label: Option<&Ident>, span: Span, what: &str) -> Option<usize> {
        let loops = &self.cx().loops;
        let found = match label {
            Some(l) => loops.iter().rposition(|lp| lp.label.as_deref() == Some(l.name.as_str())),
            None => loops.iter().rposition(|lp| !lp.is_block),
        };
        if found.is_none() {
            match label {
                Some(l) => self.error(
                    Diagnostic::error(format!("use of undeclared label `'{}`", l.name), l.span, format!("undeclared label `'{}`", l.name))
                        .with_code("E0426"),
                ),
                None => self.error(
                    Diagnostic::error(format!("`{what}` outside of a loop"), span, format!("cannot `{what}` outside of a loop")).with_code("E0268"),
                ),
            }
        }
        found
    }

    pub(crate) fn break_expr(&mut self, label: Option<&Ident>, value: Option<&Expr>, span: Span) {
        let Some(i) = self.find_loop(label, span, "break") else { return };
        let (result, depth) = {
            let lp = &self.cx().loops[i];
            (lp.result, lp.scope_depth)
        };
        match value {
            Some(v) => self.expr_to(v, result, None),
            None => {
                self.emit(Instr::LoadUnit { dst: result }, span);
            }
        }
        self.emit_drops_from(depth, span);
        self.leave_loop_body(i, span);
        let j = self.emit(Instr::Jump { target: 0 }, span);
        self.cx().loops[i].breaks.push(j);
    }

    pub(crate) fn continue_expr(&mut self, label: Option<&Ident>, span: Span) {
        let Some(i) = self.find_loop(label, span, "continue") else { return };
        let depth = self.cx().loops[i].scope_depth;
        self.emit_drops_from(depth + 1, span);
        self.leave_loop_body(i, span);
        match self.cx().loops[i].continue_to {
            Some(t) => {
                self.emit(Instr::Loop { target: t as u16 }, span);
            }
            None => {
                let j = self.emit(Instr::Jump { target: 0 }, span);
                self.cx().loops[i].continues.push(j);
            }
        }
    }

    pub(crate) fn match_expr(&mut self, scrutinee: &Expr, arms: &[ast::Arm], dst: Reg, span: Span, expect: Option<&Ty>) {
        let by_mut = self.is_mut_ref_expr(scrutinee);
        let s = self.operand(scrutinee);
        let mut ends = Vec::new();
        for arm in arms {
            self.cx().push_scope();
            let mut temps = self.begin_arm_temps();
            let from = self.cx().next_reg;
            self.hold_scrutinee(scrutinee, s, Some(from));
            let mut fails = self.pattern_test(&arm.pat, s, by_mut);
            self.bind_moves(scrutinee, &arm.pat, 0);
            if let Some(g) = &arm.guard {
                fails.extend(self.cond(g));
            }
            self.pattern_done(&mut temps);
            self.arm_body_to(&arm.body, dst, expect);
            let locals = self.cx().pop_scope();
            self.emit_drops(&locals, arm.span);
            self.end_arm_temps(temps, arm.span);
            ends.push(self.emit(Instr::Jump { target: 0 }, arm.span));
            let here = self.cx().here();
            for f in fails {
                self.cx().patch(f, here);
            }
        }
        let msg = self.cx().add_name("internal error: entered unreachable code: no match arm matched".into());
        self.emit(Instr::Error { msg }, span);
        let end = self.cx().here();
        for j in ends {
            self.cx().patch(j, end);
        }
    }

    pub(crate) fn try_expr(&mut self, inner: &Expr, dst: Reg, span: Span) {
        let src = self.operand(inner);
        let t = self.emit(Instr::Try { dst, src, target: 0 }, span);
        let ok = self.emit(Instr::Jump { target: 0 }, span);
        let fail = self.cx().here();
        self.cx().patch(t, fail);
        // `dst` holds the residual (`Err(e)` or `None`).
        let ret_ty = self.cx().ret_ty.clone();
        let is_result = ret_ty.as_ref().is_some_and(|t| super::items::type_name(t).as_deref() == Some("Result"));
        if is_result {
            let err_ty = ret_ty.as_ref().and_then(|t| match &t.kind {
                ast::TypeKind::Path(p) => p.last().generics.as_ref().and_then(|g| g.get(1)).cloned(),
                _ => None,
            });
            let e = self.cx().alloc();
            self.emit(Instr::GetElem { dst: e, obj: dst, idx: 0 }, span);
            if let Some(et) = err_ty.and_then(|t| super::items::type_name(&t)) {
                let hint = self.prog.add_hint(Ty::named(&et, vec![]));
                self.emit(Instr::Convert { dst: e, src: e, hint: hint as u16 }, span);
            }
            let ctor = self.add_ctor(1, 1, 1);
            self.emit(Instr::MakeAdt { dst, start: e, ctor }, span);
        }
        self.emit_drops_from(0, span);
        self.emit(Instr::Ret { src: dst }, span);
        let here = self.cx().here();
        self.cx().patch(ok, here);
    }
}

/// Does the block assign (or `&mut`-borrow) the local `name`?
fn assigns_name(b: &ast::Block, name: &str) -> bool {
    let mut found = false;
    super::closure::walk_block(b, false, &mut |e, _| match &e.kind {
        ExprKind::Assign(p, _) | ExprKind::AssignOp(_, p, _) | ExprKind::Ref { mutable: true, expr: p } => {
            if let ExprKind::Path(path) = &p.kind {
                if path.as_ident() == Some(name) {
                    found = true;
                }
            }
        }
        _ => {}
    });
    found
}
