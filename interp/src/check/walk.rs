//! The walker of one function body: resolves local names (scopes, shadowing, patterns),
//! follows the flow (branches, loops, `break`/`continue`/`return`, diverging calls) and tells
//! each use of a local apart: consumed (`Move`), borrowed, merely read, or not looked at. It
//! reports uses of moved locals (`moves.rs`) and collects what closures capture, which the
//! thread checks (`send_sync.rs`) judge at `spawn` calls.
//!
//! A move is recorded only when the moved value's type is certainly not `Copy` and the
//! position certainly consumes it; every doubt leaves the variable usable (no false
//! positives: a program rustc accepts must pass).

use super::facts::Facts;
use super::capture::CapUse;
use super::flow::{LoopCx, MoveInfo, MoveKind, State, VarId};
use super::loops::LoopBody;
use crate::ast::{self, BinOp, Block, Expr, ExprKind, Pat, PatKind, Span, StmtKind};
use crate::diag::{Diagnostic, Source};
use crate::typeck::TypeInfo;
use crate::types::Ty;
use rustc_hash::{FxHashMap, FxHashSet};

/// How deep expressions nest before the walker gives up on the body (reporting nothing).
pub(super) const MAX_DEPTH: u32 = 200;

/// How a position uses the value of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    /// Consumed: bound by `let`, passed by value, returned, stored.
    Move,
    /// Borrowed: `&x`, a `&self` method's receiver, a format argument, a comparison.
    Borrow,
    /// Borrowed, maybe mutably (`&mut x`, `x += 1`, a method receiver of unknown kind).
    BorrowMut,
    /// Read without being consumed or borrowed (`-x`, `x as T`, a field read).
    Use,
    /// Not judged (a `match` scrutinee, `let _ = x`, an unknown macro's argument).
    Ignore,
}

#[derive(Clone, Debug)]
pub struct Var {
    pub name: String,
    pub decl: Span,
    /// How many closures enclose the declaration.
    pub level: usize,
    /// The type, from the initializer or a typed use.
    pub ty: Option<Ty>,
    /// `let d = &x;` (also `&mut x`, `&x[..]`) with `d` not `mut`: the local `x` whose
    /// borrow `d` holds, and the span of the borrow.
    pub borrows: Option<(VarId, Span)>,
    /// A REPL variable of an earlier input (`statements`): declared in no span of this one,
    /// and not a capture (closures read it where it lives).
    pub earlier: bool,
}

pub struct Walker<'a> {
    pub facts: &'a Facts,
    pub info: &'a TypeInfo,
    pub src: &'a Source,
    pub vars: Vec<Var>,
    pub(super) scopes: Vec<Vec<(String, VarId)>>,
    pub state: State,
    pub(super) loops: Vec<LoopCx>,
    /// >0 while a loop body's first (exploratory) pass is walked: nothing is reported.
    pub silent: u32,
    /// E0382 and E0373.
    pub diags: Vec<Diagnostic>,
    /// E0277 (reported by rustc's type check: a body with one gets no borrow errors).
    pub trait_diags: Vec<Diagnostic>,
    /// Reported moves: `(variable, move span start)` -> the index of the diagnostic and the
    /// `while`/`for` loops around the use reported.
    pub reported: FxHashMap<(VarId, u32), (usize, Vec<u32>)>,
    /// The `while`/`for` loops being walked (ids), innermost last.
    pub(super) cond_loops: Vec<u32>,
    pub(super) next_loop: u32,
    pub(super) closures: Vec<Vec<CapUse>>,
    /// Locals initialized with a closure expression (`let f = move || ..`).
    pub(super) closure_vars: FxHashMap<VarId, super::capture::ClosureInfo>,
    /// Parameters of `thread::scope(|s| ..)` closures.
    pub(super) scope_vars: FxHashSet<VarId>,
    /// The subset of `scope_vars` that belong to std's `thread::scope` (not the seed's
    /// `scoped`, whose threads the seed lets borrow the scope's own locals).
    pub(super) std_scope_vars: FxHashSet<VarId>,
    pub(super) pending_scope: bool,
    pub(super) pending_std_scope: bool,
    pub(super) depth: u32,
    pub overflow: bool,
}

impl<'a> Walker<'a> {
    pub fn new(facts: &'a Facts, info: &'a TypeInfo, src: &'a Source) -> Walker<'a> {
        Walker {
            facts,
            info,
            src,
            vars: Vec::new(),
            scopes: vec![Vec::new()],
            state: State::start(),
            loops: Vec::new(),
            silent: 0,
            diags: Vec::new(),
            trait_diags: Vec::new(),
            reported: FxHashMap::default(),
            closure_vars: FxHashMap::default(),
            cond_loops: Vec::new(),
            next_loop: 0,
            closures: Vec::new(),
            scope_vars: FxHashSet::default(),
            std_scope_vars: FxHashSet::default(),
            pending_scope: false,
            pending_std_scope: false,
            depth: 0,
            overflow: false,
        }
    }

    /// Walks a function: its parameters, then its body.
    pub fn function(&mut self, f: &ast::FnDecl) {
        if let Some(sp) = &f.self_param {
            self.declare("self", sp.span);
        }
        for p in &f.params {
            self.bind_pat(&p.pat);
        }
        if let Some(b) = &f.body {
            self.block(b, Ctx::Move);
        }
    }

    /// Walks REPL top-level statements as one body. `earlier`: the variables earlier inputs
    /// made (name, type, moved by an input already), in scope before these statements; the
    /// names among them this input moves come back. A tail expression that is only a name is
    /// shown, not consumed.
    pub fn statements(&mut self, stmts: &[ast::Stmt], earlier: &[(String, Option<Ty>, bool)]) -> Vec<String> {
        let ids: Vec<VarId> = earlier
            .iter()
            .map(|(name, ty, moved)| {
                let v = self.declare(name, Span::DUMMY);
                if let Some(var) = self.vars.get_mut(v) {
                    var.ty = ty.clone();
                    var.earlier = true;
                }
                if *moved {
                    let ty = ty.clone().unwrap_or(Ty::Infer);
                    self.state.moved.insert(v, MoveInfo { span: Span::DUMMY, kind: MoveKind::EarlierInput, ty, prev_iter: None });
                }
                v
            })
            .collect();
        let n = stmts.len();
        for (i, s) in stmts.iter().enumerate() {
            let shown = matches!(&s.kind, StmtKind::Expr(Expr { kind: ExprKind::Path(_), .. }, false));
            self.stmt(s, if i + 1 < n { Ctx::Use } else if shown { Ctx::Borrow } else { Ctx::Move });
        }
        ids.iter()
            .zip(earlier)
            .filter(|(v, (_, _, was))| !was && self.state.moved.get(v).is_some_and(|m| m.kind != MoveKind::Partial))
            .map(|(_, (name, _, _))| name.clone())
            .collect()
    }

    // -----------------------------------------------------------------------------------------
    // Names

    pub(super) fn declare(&mut self, name: &str, decl: Span) -> VarId {
        let id = self.vars.len();
        self.vars.push(Var { name: name.to_string(), decl, level: self.closures.len(), ty: None, borrows: None, earlier: false });
        if let Some(s) = self.scopes.last_mut() {
            s.push((name.to_string(), id));
        }
        id
    }

    pub fn lookup(&self, name: &str) -> Option<VarId> {
        self.scopes.iter().rev().flat_map(|s| s.iter().rev()).find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    pub(super) fn path_var(&self, p: &ast::Path) -> Option<VarId> {
        if p.qself.is_some() {
            return None;
        }
        self.lookup(p.as_ident()?)
    }

    /// Declares the bindings of a pattern in the current scope.
    pub(super) fn bind_pat(&mut self, p: &Pat) {
        self.bind_pat_in(p, 0);
    }

    pub(super) fn bind_pat_in(&mut self, p: &Pat, depth: u32) {
        if depth > MAX_DEPTH {
            self.overflow = true;
            return;
        }
        let d = depth + 1;
        match &p.kind {
            PatKind::Ident { name, sub, .. } => {
                if is_binding_name(&name.name) {
                    self.declare(&name.name, name.span);
                }
                if let Some(s) = sub {
                    self.bind_pat_in(s, d);
                }
            }
            PatKind::Tuple(ps) | PatKind::Slice(ps) | PatKind::TupleStruct { elems: ps, .. } => {
                for x in ps {
                    self.bind_pat_in(x, d);
                }
            }
            PatKind::Struct { fields, .. } => {
                for f in fields {
                    self.bind_pat_in(&f.pat, d);
                }
            }
            // Every alternative binds the same names.
            PatKind::Or(ps) => {
                if let Some(first) = ps.first() {
                    self.bind_pat_in(first, d);
                }
            }
            PatKind::Ref { pat, .. } => self.bind_pat_in(pat, d),
            PatKind::Wild | PatKind::Rest | PatKind::Lit(_) | PatKind::Range { .. } | PatKind::Path(_) | PatKind::Error => {}
        }
    }

    pub(super) fn ty_of(&self, e: &Expr, v: VarId) -> Option<Ty> {
        match self.info.expr_ty(e.id) {
            Some(t) if t.is_known() => Some(t.clone()),
            _ => self.vars.get(v).and_then(|x| x.ty.clone()),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Uses

    /// A use of variable `v` at `span`. `whole`: the variable itself (not a field path).
    pub(super) fn use_var(&mut self, v: VarId, span: Span, ctx: Ctx, whole: bool, ty: Option<Ty>, kind: MoveKind) {
        self.use_var_at(v, span, ctx, whole, ty, kind, false);
    }

    /// `use_var`, `deref` telling a use of the place a reference variable points to
    /// (`CapUse::deref`).
    #[allow(clippy::too_many_arguments)]
    fn use_var_at(&mut self, v: VarId, span: Span, ctx: Ctx, whole: bool, ty: Option<Ty>, kind: MoveKind, deref: bool) {
        if whole {
            if let (Some(t), Some(var)) = (&ty, self.vars.get_mut(v)) {
                if var.ty.is_none() {
                    var.ty = Some(t.clone());
                }
            }
        }
        let level = self.vars.get(v).map_or(0, |x| x.level);
        if level < self.closures.len() && !self.vars.get(v).is_some_and(|x| x.earlier) {
            if let Some(c) = self.closures.last_mut() {
                c.push(CapUse { var: v, span, ctx, whole, ty: ty.clone(), mutable: ctx == Ctx::BorrowMut, deref });
            }
        }
        if ctx == Ctx::Ignore || !self.state.reachable {
            return;
        }
        if let Some(m) = self.state.moved.get(&v).cloned() {
            // After a partial move only the variable as a whole is known to be unusable.
            if whole || m.kind != MoveKind::Partial {
                self.report_moved(v, span, ctx, &m, None);
            }
        }
        if ctx == Ctx::Move && whole {
            if let Some(t) = ty {
                if self.facts.is_move(&t) {
                    self.state.moved.insert(v, MoveInfo { span, kind, ty: t, prev_iter: None });
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Blocks and statements

    pub fn block(&mut self, b: &Block, ctx: Ctx) {
        self.scopes.push(Vec::new());
        let n = b.stmts.len();
        let mut gap_lo = b.span.lo as usize;
        for (i, s) in b.stmts.iter().enumerate() {
            let c = if i + 1 == n { ctx } else { Ctx::Use };
            if self.cfg_gated(gap_lo, s.span) {
                // `#[cfg(..)]`: maybe compiled out, maybe one of several alternatives. Its
                // moves are ignored, its assignments kept.
                let before = self.state.clone();
                self.silent += 1;
                self.stmt(s, c);
                self.silent -= 1;
                let after = std::mem::replace(&mut self.state, before);
                if after.reachable {
                    self.state.moved.retain(|v, _| after.moved.contains_key(v));
                }
            } else {
                self.stmt(s, c);
            }
            gap_lo = s.span.hi as usize;
        }
        self.scopes.pop();
    }

    /// A `#[cfg(..)]` attribute stands before the statement at `span`.
    pub(super) fn cfg_gated(&self, gap_lo: usize, span: Span) -> bool {
        let lo = (span.lo as usize).max(gap_lo);
        let gap = self.src.text.get(gap_lo..lo).unwrap_or("");
        let own = self.src.text.get(lo..span.hi as usize).unwrap_or("");
        gap.contains("#[cfg") || (own.starts_with("#[") && own.split(']').next().is_some_and(|a| a.contains("cfg")))
    }

    pub(super) fn stmt(&mut self, s: &ast::Stmt, tail_ctx: Ctx) {
        match &s.kind {
            StmtKind::Let { pat, ty, init, else_ } => {
                let mut closure = None;
                if let Some(e) = init {
                    if matches!(e.kind, ExprKind::Closure { .. }) {
                        closure = Some(self.closure(e));
                    } else {
                        self.expr(e, let_ctx(pat));
                    }
                }
                if let Some(eb) = else_ {
                    // The `else` block diverges: its state goes nowhere.
                    let saved = self.state.clone();
                    self.block(eb, Ctx::Use);
                    self.state = saved;
                }
                // `let PAT = v` with a destructuring pattern: maybe a partial move of `v`.
                let scrut = match (init, &pat.kind) {
                    (_, PatKind::Ident { .. }) => None,
                    (Some(e @ Expr { kind: ExprKind::Path(p), .. }), _) => self.path_var(p).map(|v| (v, self.ty_of(e, v))),
                    _ => None,
                };
                let first = self.vars.len();
                self.bind_pat(pat);
                if let Some((v, ty)) = scrut {
                    self.partial_move(v, ty.as_ref(), pat);
                }
                // A plain `let x = e` / `let x: T = e`: the variable's type.
                if let PatKind::Ident { sub: None, .. } = &pat.kind {
                    let hint = match (ty, init) {
                        (Some(t), _) if matches!(t.kind, ast::TypeKind::Ptr { .. }) => Some(self.facts.field_ty(t, &[], &[], 0)),
                        (_, Some(Expr { kind: ExprKind::Cast(_, t), .. })) if matches!(t.kind, ast::TypeKind::Ptr { .. }) => {
                            Some(self.facts.field_ty(t, &[], &[], 0))
                        }
                        (_, Some(e)) => self.info.expr_ty(e.id).filter(|t| t.is_known()).cloned(),
                        _ => None,
                    };
                    if let (Some(h), Some(var)) = (hint, self.vars.get_mut(first)) {
                        var.ty = Some(h);
                    }
                    if let (Some(c), true) = (closure, first < self.vars.len()) {
                        self.closure_vars.insert(first, c);
                    }
                    if let (PatKind::Ident { mutable: false, by_ref: false, .. }, Some(e)) = (&pat.kind, init) {
                        let borrowed = self.borrowed_local(e);
                        if let (Some(b), Some(var)) = (borrowed, self.vars.get_mut(first)) {
                            var.borrows = Some((b, e.span));
                        }
                    }
                }
            }
            StmtKind::Item(_) | StmtKind::Empty => {}
            StmtKind::Expr(e, _) => self.expr(e, tail_ctx),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Expressions

    pub fn expr(&mut self, e: &Expr, ctx: Ctx) {
        self.expr_kind(e, ctx, MoveKind::Plain);
    }

    pub(super) fn expr_kind(&mut self, e: &Expr, ctx: Ctx, kind: MoveKind) {
        if self.depth >= MAX_DEPTH {
            self.overflow = true;
            return;
        }
        self.depth += 1;
        self.expr_inner(e, ctx, kind);
        self.depth -= 1;
    }

    pub(super) fn expr_inner(&mut self, e: &Expr, ctx: Ctx, kind: MoveKind) {
        match &e.kind {
            ExprKind::Path(p) => {
                if let Some(v) = self.path_var(p) {
                    let ty = self.ty_of(e, v);
                    self.use_var(v, e.span, ctx, true, ty, kind);
                }
            }
            ExprKind::Lit(_) | ExprKind::Error => {}
            ExprKind::Unary(ast::UnOp::Deref, x) => self.expr_deref(x, Ctx::Use),
            ExprKind::Unary(_, x) | ExprKind::Cast(x, _) => self.expr(x, Ctx::Use),
            ExprKind::Ref { expr, mutable } => self.expr(expr, if *mutable { Ctx::BorrowMut } else { Ctx::Borrow }),
            ExprKind::Binary(op, a, b) => match op {
                BinOp::And | BinOp::Or => {
                    self.expr(a, Ctx::Use);
                    let after_a = self.state.clone();
                    self.expr(b, Ctx::Use);
                    self.state.join_into(&after_a);
                }
                op if op.is_comparison() => {
                    self.expr(a, Ctx::Borrow);
                    self.expr(b, Ctx::Borrow);
                }
                _ => {
                    self.expr_kind(a, Ctx::Move, MoveKind::Operator(e.span));
                    self.expr_kind(b, Ctx::Move, MoveKind::Operator(e.span));
                }
            },
            ExprKind::Assign(l, r) => {
                self.expr(r, Ctx::Move);
                self.assign_target(l);
            }
            ExprKind::AssignOp(_, l, r) => {
                self.expr(r, Ctx::Move);
                self.expr(l, Ctx::BorrowMut);
            }
            ExprKind::Call(callee, args) => self.call(e, callee, args),
            ExprKind::MethodCall { receiver, method, args, .. } => self.method_call(e, receiver, method, args),
            ExprKind::Field(..) | ExprKind::TupleField(..) => self.field(e, ctx),
            ExprKind::Index(b, i) => {
                self.expr_deref(b, Ctx::Borrow);
                self.expr(i, Ctx::Use);
            }
            ExprKind::Range { start, end, .. } => {
                for x in [start, end].into_iter().flatten() {
                    self.expr(x, Ctx::Move);
                }
            }
            ExprKind::Tuple(es) | ExprKind::Array(es) => {
                for x in es {
                    self.expr(x, Ctx::Move);
                }
            }
            ExprKind::ArrayRepeat(x, n) => {
                self.expr(x, Ctx::Move);
                self.expr(n, Ctx::Use);
            }
            ExprKind::Paren(x) => self.expr_kind(x, ctx, kind),
            ExprKind::Struct { fields, base, .. } => {
                for f in fields {
                    self.expr(&f.expr, Ctx::Move);
                }
                if let Some(b) = base {
                    // `..base` moves the remaining fields: a partial move, not tracked.
                    self.expr(b, Ctx::Use);
                }
            }
            ExprKind::Block(b) => self.block(b, ctx),
            ExprKind::Async { is_move, body } => {
                let head = Span::new(e.span.lo as usize, body.span.lo as usize);
                self.closure_like(*is_move, head, &[], None, Some(body), false);
            }
            ExprKind::Await(x) | ExprKind::Try(x) => self.expr(x, Ctx::Move),
            ExprKind::If { cond, then, else_ } => {
                self.scopes.push(Vec::new());
                let (t, el) = self.cond(cond);
                self.state = t;
                self.block(then, ctx);
                let then_end = std::mem::replace(&mut self.state, el);
                self.scopes.pop();
                if let Some(x) = else_ {
                    self.expr(x, ctx);
                }
                self.state.join_into(&then_end);
            }
            ExprKind::Let(p, x) => {
                self.scrutinee(x);
                self.bind_pat(p);
            }
            ExprKind::While { label, cond, body } => {
                let head = Span::new(e.span.lo as usize, cond.span.hi as usize);
                self.run_loop(label, head, LoopBody::While(cond, body));
            }
            ExprKind::Loop { label, body } => {
                let head = Span::new(e.span.lo as usize, (e.span.lo as usize + 4).min(e.span.hi as usize));
                let head = self.keyword_span(e.span, "loop").unwrap_or(head);
                self.run_loop(label, head, LoopBody::Loop(body));
            }
            ExprKind::For { label, pat, iter, body } => {
                self.expr_kind(iter, Ctx::Move, MoveKind::IntoIter);
                let head = Span::new(e.span.lo as usize, iter.span.hi as usize);
                self.run_loop(label, head, LoopBody::For(pat, body));
            }
            ExprKind::LabeledBlock { label, body } => {
                self.loops.push(LoopCx::new(Some(label.name.clone()), true));
                self.block(body, ctx);
                if let Some(cx) = self.loops.pop() {
                    self.state.join_into(&cx.breaks);
                }
            }
            ExprKind::Match { scrutinee, arms } => {
                let scrut = self.scrutinee(scrutinee);
                let start = self.state.clone();
                let mut out = State::unreachable();
                for arm in arms {
                    self.state = start.clone();
                    self.scopes.push(Vec::new());
                    self.bind_pat(&arm.pat);
                    if let Some((v, ty)) = &scrut {
                        self.partial_move(*v, ty.as_ref(), &arm.pat);
                    }
                    if let Some(g) = &arm.guard {
                        self.expr(g, Ctx::Use);
                    }
                    self.expr(&arm.body, ctx);
                    self.scopes.pop();
                    out.join_into(&self.state);
                }
                self.state = out;
            }
            ExprKind::Closure { .. } => {
                self.closure(e);
            }
            ExprKind::Break { label, value } => {
                if let Some(v) = value {
                    self.expr(v, Ctx::Move);
                }
                let st = std::mem::replace(&mut self.state, State::unreachable());
                if let Some(cx) = self.loop_target(label.as_ref(), true) {
                    cx.breaks.join_into(&st);
                }
            }
            ExprKind::Continue { label } => {
                let st = std::mem::replace(&mut self.state, State::unreachable());
                if let Some(cx) = self.loop_target(label.as_ref(), false) {
                    cx.conts.join_into(&st);
                }
            }
            ExprKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v, Ctx::Move);
                }
                self.state = State::unreachable();
            }
            ExprKind::Macro(m) => self.macro_call(m, ctx),
        }
    }

    pub(super) fn keyword_span(&self, span: Span, kw: &str) -> Option<Span> {
        let text = self.src.text.get(span.lo as usize..span.hi as usize)?;
        let i = text.find(kw)?;
        Some(Span::new(span.lo as usize + i, span.lo as usize + i + kw.len()))
    }

    pub(super) fn loop_target(&mut self, label: Option<&ast::Ident>, is_break: bool) -> Option<&mut LoopCx> {
        match label {
            Some(l) => {
                let name = l.name.trim_start_matches('\'');
                self.loops.iter_mut().rev().find(|c| c.label.as_deref().is_some_and(|x| x.trim_start_matches('\'') == name))
            }
            None => {
                let _ = is_break;
                self.loops.iter_mut().rev().find(|c| !c.is_block)
            }
        }
    }

    /// The place on the left of `=`: a local is initialized again.
    pub(super) fn assign_target(&mut self, l: &Expr) {
        match &l.kind {
            ExprKind::Path(p) => {
                if let Some(v) = self.path_var(p) {
                    let level = self.vars.get(v).map_or(0, |x| x.level);
                    if level < self.closures.len() {
                        if let Some(c) = self.closures.last_mut() {
                            c.push(CapUse { var: v, span: l.span, ctx: Ctx::Ignore, whole: true, ty: None, mutable: true, deref: false });
                        }
                    }
                    self.state.moved.remove(&v);
                    self.closure_vars.remove(&v);
                }
            }
            ExprKind::Paren(x) => self.assign_target(x),
            ExprKind::Field(..) | ExprKind::TupleField(..) => self.field(l, Ctx::Ignore),
            ExprKind::Index(b, i) => {
                self.expr(b, Ctx::Ignore);
                self.expr(i, Ctx::Use);
            }
            ExprKind::Unary(_, x) => self.expr(x, Ctx::Use),
            ExprKind::Tuple(es) | ExprKind::Array(es) => {
                for x in es {
                    self.assign_target(x);
                }
            }
            _ => self.expr(l, Ctx::Ignore),
        }
    }

    /// `&x`, `&mut x`, `&x[..]` of a local `x` holding an owned value (not a reference): the
    /// local, whose borrow the expression is.
    fn borrowed_local(&self, e: &Expr) -> Option<VarId> {
        let ExprKind::Ref { expr, .. } = &e.kind else { return None };
        let mut x: &Expr = expr;
        loop {
            match &x.kind {
                ExprKind::Paren(i) => x = i,
                ExprKind::Index(b, i) if matches!(i.kind, ExprKind::Range { .. }) => x = b,
                _ => break,
            }
        }
        let ExprKind::Path(p) = &x.kind else { return None };
        let v = self.path_var(p)?;
        let ty = self.ty_of(x, v)?;
        super::send_sync::owned(&ty).then_some(v)
    }

    /// An expression whose value is dereferenced (a method call's receiver, an indexed value,
    /// `*x`): a variable holding a reference is used only through the place it points to.
    pub(super) fn expr_deref(&mut self, e: &Expr, ctx: Ctx) {
        let mut x = e;
        while let ExprKind::Paren(inner) = &x.kind {
            x = inner;
        }
        if let ExprKind::Path(p) = &x.kind {
            if let Some(v) = self.path_var(p) {
                let ty = self.ty_of(x, v);
                if matches!(ty, Some(Ty::Ref { .. })) {
                    self.use_var_at(v, x.span, ctx, true, ty, MoveKind::Plain, true);
                    return;
                }
            }
        }
        self.expr(e, ctx);
    }

    /// `a.b.c`: a use of local `a` through a field path (a partial use), or of whatever the
    /// base expression is.
    pub(super) fn field(&mut self, e: &Expr, ctx: Ctx) {
        let mut base = e;
        loop {
            match &base.kind {
                ExprKind::Field(b, _) | ExprKind::TupleField(b, _, _) => base = b,
                ExprKind::Paren(b) => base = b,
                _ => break,
            }
        }
        if let ExprKind::Path(p) = &base.kind {
            if let Some(v) = self.path_var(p) {
                let ty = self.info.expr_ty(e.id).filter(|t| t.is_known()).cloned();
                let base_ty = self.ty_of(base, v);
                if let (Some(t), Some(var)) = (base_ty, self.vars.get_mut(v)) {
                    var.ty.get_or_insert(t);
                }
                let c = if ctx == Ctx::Move { Ctx::Use } else { ctx };
                self.use_var(v, e.span, c, false, ty, MoveKind::Plain);
                return;
            }
        }
        self.expr(base, Ctx::Use);
    }

    /// A `match`/`if let` scrutinee: a local (or a field path of one) is not judged (the
    /// patterns decide whether it is read or moved); other expressions are walked.
    /// Returns the local (and its type) when the scrutinee is one.
    pub(super) fn scrutinee(&mut self, e: &Expr) -> Option<(VarId, Option<Ty>)> {
        match &e.kind {
            ExprKind::Path(p) => {
                let v = self.path_var(p)?;
                let ty = self.ty_of(e, v);
                self.use_var(v, e.span, Ctx::Ignore, true, ty.clone(), MoveKind::Plain);
                Some((v, ty))
            }
            ExprKind::Paren(x) => self.scrutinee(x),
            ExprKind::Field(..) | ExprKind::TupleField(..) => {
                self.field(e, Ctx::Ignore);
                None
            }
            _ => {
                self.expr(e, Ctx::Use);
                None
            }
        }
    }

    pub(super) fn diverges(&self, e: &Expr) -> bool {
        matches!(self.info.expr_ty(e.id), Some(Ty::Never))
    }

}

/// A name a pattern binds (not a unit struct, variant or const, which are capitalized).
pub(super) fn is_binding_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c == '_' || c.is_lowercase()) && name != "_"
}

/// How `let PAT = e` uses `e`.
fn let_ctx(p: &Pat) -> Ctx {
    match &p.kind {
        PatKind::Ident { by_ref: false, sub: None, name, .. } if is_binding_name(&name.name) => Ctx::Move,
        PatKind::Ident { by_ref: true, sub: None, .. } => Ctx::Borrow,
        _ if binds_any(p, 0) => Ctx::Use,
        _ => Ctx::Ignore,
    }
}

fn binds_any(p: &Pat, depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return true;
    }
    let d = depth + 1;
    match &p.kind {
        PatKind::Ident { name, sub, .. } => is_binding_name(&name.name) || sub.as_ref().is_some_and(|s| binds_any(s, d)),
        PatKind::Tuple(ps) | PatKind::Slice(ps) | PatKind::TupleStruct { elems: ps, .. } | PatKind::Or(ps) => ps.iter().any(|x| binds_any(x, d)),
        PatKind::Struct { fields, .. } => fields.iter().any(|f| binds_any(&f.pat, d)),
        PatKind::Ref { pat, .. } => binds_any(pat, d),
        _ => false,
    }
}
