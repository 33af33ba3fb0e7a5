//! Closures for the walker: a closure body is walked with its own flow state; the uses it
//! makes of outer locals are merged into captures (by value, by reference, or unknown, as
//! rustc's capture analysis would decide, edition 2021 disjoint fields included), which then
//! act at the closure expression: a use of a moved local is reported, a by-value capture of
//! a non-`Copy` local moves it, and enclosing closures inherit the uses.

use super::flow::{MoveInfo, MoveKind, State, VarId};
use super::walk::{Ctx, Walker};
use crate::ast::{Block, Expr, ExprKind, Pat, Span};
use crate::types::Ty;

/// One use inside a closure body of a variable declared outside it.
#[derive(Clone, Debug)]
pub struct CapUse {
    pub var: VarId,
    pub span: Span,
    pub ctx: Ctx,
    /// The variable itself, not a field path `x.a.b` of it.
    pub whole: bool,
    /// The type of the used place (the variable, or the field path).
    pub ty: Option<Ty>,
    /// Maybe a mutable use (a mutable borrow or an assignment).
    pub mutable: bool,
    /// A use of the place a reference variable points to, not of the variable: `d.len()`,
    /// `d[0]`, `*d` with `d: &T` (edition 2021 captures the place `*d`).
    pub deref: bool,
}

/// A variable a closure captures, its uses merged.
#[derive(Clone, Debug)]
pub struct Capture {
    pub var: VarId,
    pub name: String,
    /// The first use in the closure.
    pub span: Span,
    /// Some use takes the whole variable (else only field paths are captured).
    pub whole: bool,
    pub whole_span: Span,
    pub ty: Option<Ty>,
    /// Certainly captured by value.
    pub by_value: bool,
    /// Certainly captured by reference.
    pub by_ref: bool,
    /// Some use may need a mutable reference.
    pub mutable: bool,
    /// Field-path uses (when not `whole`): span and type.
    pub places: Vec<(Span, Option<Ty>)>,
    /// Some whole use is of the variable itself, not only of the place it points to (see
    /// `CapUse::deref`): a reference variable used so is borrowed by the closure.
    pub direct: bool,
}

/// A closure expression as the spawn checks need it.
#[derive(Clone, Debug)]
pub struct ClosureInfo {
    pub span: Span,
    /// `move |..|`.
    pub head: Span,
    pub is_move: bool,
    pub caps: Vec<Capture>,
}

impl Walker<'_> {
    /// The `move |a, b|` part of a closure.
    pub fn closure_head(&self, span: Span, body: Span) -> Span {
        let lo = span.lo as usize;
        let hi = (body.lo as usize).max(lo);
        match self.src.text.get(lo..hi).and_then(|t| t.rfind('|')) {
            Some(i) => Span::new(lo, lo + i + 1),
            None => span,
        }
    }

    /// Walks a closure expression and applies its captures to the enclosing state.
    pub fn closure(&mut self, e: &Expr) -> ClosureInfo {
        let ExprKind::Closure { is_move, params, body, .. } = &e.kind else {
            return ClosureInfo { span: e.span, head: e.span, is_move: false, caps: Vec::new() };
        };
        let head = self.closure_head(e.span, body.span);
        let pats: Vec<&Pat> = params.iter().map(|p| &p.pat).collect();
        let caps = self.closure_like(*is_move, head, &pats, Some(body), None, true);
        ClosureInfo { span: e.span, head, is_move: *is_move, caps }
    }

    pub(super) fn closure_like(&mut self, is_move: bool, head: Span, params: &[&Pat], body: Option<&Expr>, block: Option<&Block>, mark: bool) -> Vec<Capture> {
        let saved_state = std::mem::replace(&mut self.state, State::start());
        let saved_loops = std::mem::take(&mut self.loops);
        let scope_param = std::mem::take(&mut self.pending_scope);
        let std_scope_param = std::mem::take(&mut self.pending_std_scope);
        self.closures.push(Vec::new());
        self.scopes.push(Vec::new());
        for (i, p) in params.iter().enumerate() {
            let first = self.vars.len();
            self.bind_pat(p);
            if i == 0 && scope_param && self.vars.len() > first {
                self.scope_vars.insert(first);
                if std_scope_param {
                    self.std_scope_vars.insert(first);
                }
            }
        }
        if let Some(b) = body {
            self.expr(b, Ctx::Move);
        }
        if let Some(b) = block {
            self.block(b, Ctx::Move);
        }
        self.scopes.pop();
        let uses = self.closures.pop().unwrap_or_default();
        self.loops = saved_loops;
        self.state = saved_state;
        let caps = self.merge_captures(&uses, is_move);
        self.apply_captures(&caps, head, mark);
        caps
    }

    pub(super) fn merge_captures(&self, uses: &[CapUse], is_move: bool) -> Vec<Capture> {
        let mut out: Vec<Capture> = Vec::new();
        for u in uses {
            let idx = match out.iter().position(|c| c.var == u.var) {
                Some(i) => i,
                None => {
                    out.push(Capture {
                        var: u.var,
                        name: self.vars.get(u.var).map_or_else(String::new, |v| v.name.clone()),
                        span: u.span,
                        whole: false,
                        whole_span: u.span,
                        ty: None,
                        by_value: false,
                        by_ref: true,
                        mutable: false,
                        places: Vec::new(),
                        direct: false,
                    });
                    out.len() - 1
                }
            };
            let c = &mut out[idx];
            if u.whole {
                c.direct |= !u.deref;
                if !c.whole {
                    c.whole_span = u.span;
                }
                c.whole = true;
                if c.ty.is_none() {
                    c.ty = u.ty.clone().or_else(|| self.vars.get(u.var).and_then(|v| v.ty.clone()));
                }
            } else {
                c.places.push((u.span, u.ty.clone()));
            }
            let copy = u.ty.as_ref().is_some_and(|t| self.facts.is_copy(t));
            let moving = u.ctx == Ctx::Move && u.whole && u.ty.as_ref().is_some_and(|t| self.facts.is_move(t));
            if moving {
                c.by_value = true;
            }
            let surely_ref = matches!(u.ctx, Ctx::Borrow | Ctx::BorrowMut) || (matches!(u.ctx, Ctx::Move | Ctx::Use) && copy);
            if !surely_ref {
                c.by_ref = false;
            }
            c.mutable |= u.mutable;
        }
        for c in &mut out {
            if is_move {
                c.by_value = true;
                c.by_ref = false;
            } else if c.by_value {
                c.by_ref = false;
            }
            if c.whole {
                c.places.clear();
            }
        }
        out
    }

    pub(super) fn apply_captures(&mut self, caps: &[Capture], head: Span, mark: bool) {
        for c in caps {
            if self.state.reachable {
                if let Some(m) = self.state.moved.get(&c.var).cloned() {
                    let ctx = if c.by_value { Ctx::Move } else { Ctx::Borrow };
                    if c.whole || m.kind != MoveKind::Partial {
                        self.report_moved(c.var, head, ctx, &m, Some(c.span));
                    }
                }
                if mark && c.by_value && c.whole {
                    if let Some(t) = c.ty.clone().filter(|t| self.facts.is_move(t)) {
                        let kind = MoveKind::Closure { head, use_span: c.whole_span };
                        self.state.moved.insert(c.var, MoveInfo { span: head, kind, ty: t, prev_iter: None });
                    }
                }
            }
            // A variable from further out: a use by the enclosing closure too.
            let level = self.vars.get(c.var).map_or(0, |v| v.level);
            if level < self.closures.len() {
                let ctx = if c.by_value {
                    Ctx::Move
                } else if c.by_ref && c.mutable {
                    Ctx::BorrowMut
                } else if c.by_ref {
                    Ctx::Borrow
                } else {
                    Ctx::Ignore
                };
                let mut new_uses = Vec::new();
                if c.whole {
                    new_uses.push(CapUse { var: c.var, span: c.span, ctx, whole: true, ty: c.ty.clone(), mutable: c.mutable, deref: !c.direct });
                }
                for (sp, t) in &c.places {
                    new_uses.push(CapUse { var: c.var, span: *sp, ctx, whole: false, ty: t.clone(), mutable: c.mutable, deref: false });
                }
                if let Some(enclosing) = self.closures.last_mut() {
                    enclosing.extend(new_uses);
                }
            }
        }
    }

}
