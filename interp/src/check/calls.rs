//! Calls, method calls and macros for the walker: which arguments and receivers are
//! consumed, which calls diverge, the implicit format-string captures (`{x}`), and the
//! `spawn`/`scope` calls whose closures the thread checks judge.

use super::flow::{MoveKind, State};
use super::walk::{Ctx, Walker};
use crate::ast::{self, Expr, ExprKind, MacroArgs, MacroCall, Span};
use crate::types::Ty;

impl Walker<'_> {
    pub(super) fn call(&mut self, e: &Expr, callee: &Expr, args: &[Expr]) {
        let spawn = self.spawn_call(callee);
        let scope = self.scope_call(callee);
        match &callee.kind {
            ExprKind::Path(p) => {
                if let Some(v) = self.path_var(p) {
                    // Calling a local closure: by reference, or by value for an `FnOnce`.
                    let ty = self.ty_of(callee, v);
                    self.use_var(v, callee.span, Ctx::Ignore, true, ty, MoveKind::Plain);
                }
            }
            _ => self.expr(callee, Ctx::Use),
        }
        for (i, a) in args.iter().enumerate() {
            if i == 0 && (spawn.is_some() || scope) {
                if let ExprKind::Closure { .. } = &a.kind {
                    self.pending_scope = scope;
                    self.pending_std_scope = scope && !self.seed_scope_call(callee);
                    let info = self.closure(a);
                    self.pending_scope = false;
                    self.pending_std_scope = false;
                    if let Some(kind) = spawn {
                        self.check_spawn(kind, callee.span, &info);
                    }
                    continue;
                }
                if let Some(kind) = spawn {
                    self.spawn_stored(kind, callee.span, a);
                    continue;
                }
            }
            self.expr(a, Ctx::Move);
        }
        if self.diverges(e) {
            self.state = State::unreachable();
        }
    }

    pub(super) fn method_call(&mut self, e: &Expr, receiver: &Expr, method: &ast::Ident, args: &[Expr]) {
        let rty = self.info.expr_ty(receiver.id).cloned();
        let consumes = rty.as_ref().is_some_and(|t| self.facts.is_move(t) && self.facts.consumes(t, &method.name));
        let ctx = if consumes {
            Ctx::Move
        } else if self.shared_method(rty.as_ref(), &method.name) {
            Ctx::Borrow
        } else {
            Ctx::BorrowMut
        };
        let call_span = Span::new(method.span.lo as usize, e.span.hi as usize);
        // A receiver holding a reference is reborrowed (`&*d`), whatever the method takes.
        if matches!(rty, Some(Ty::Ref { .. })) {
            self.expr_deref(receiver, ctx);
        } else {
            self.expr_kind(receiver, ctx, MoveKind::Method(call_span));
        }
        let spawn = if method.name == "spawn" { self.spawn_method(receiver, rty.as_ref()) } else { None };
        for (i, a) in args.iter().enumerate() {
            if let (0, Some(kind)) = (i, spawn) {
                if let ExprKind::Closure { .. } = &a.kind {
                    let info = self.closure(a);
                    self.check_spawn(kind, method.span, &info);
                } else {
                    self.spawn_stored(kind, method.span, a);
                }
                continue;
            }
            self.expr(a, Ctx::Move);
        }
        if self.diverges(e) {
            self.state = State::unreachable();
        }
    }

    /// `spawn(f)` with `f` a local holding a closure: its captures are judged too.
    fn spawn_stored(&mut self, kind: super::send_sync::SpawnKind, callee: Span, arg: &Expr) {
        self.expr(arg, Ctx::Move);
        if let ExprKind::Path(p) = &arg.kind {
            if let Some(mut info) = self.path_var(p).and_then(|v| self.closure_vars.get(&v)).cloned() {
                // rustc points at the argument.
                info.span = arg.span;
                self.check_spawn(kind, callee, &info);
            }
        }
    }

    /// A method that takes `&self` on every std type that has it (or, for a program type,
    /// in every impl that declares it).
    pub(super) fn shared_method(&self, rty: Option<&Ty>, method: &str) -> bool {
        if let Some(Ty::Named(head, _)) = rty.map(Ty::deref) {
            if self.facts.adts.contains_key(head) {
                let kinds: Vec<_> = self
                    .facts
                    .methods
                    .get(method)
                    .into_iter()
                    .flatten()
                    .filter(|(h, _)| h.as_deref().is_none_or(|h| h == head))
                    .map(|(_, k)| *k)
                    .collect();
                return !kinds.is_empty() && kinds.iter().all(|k| *k == Some(ast::SelfKind::Ref));
            }
        }
        SHARED_METHODS.contains(&method)
    }

    pub(super) fn macro_call(&mut self, m: &MacroCall, ctx: Ctx) {
        let name = m.name.name.as_str();
        let diverging = matches!(name, "panic" | "unreachable" | "todo" | "unimplemented");
        let by_ref = matches!(name, "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne");
        match &m.args {
            MacroArgs::Format { target, leading, fmt, args } => {
                if let Some(t) = target {
                    self.expr(t, Ctx::BorrowMut);
                }
                for l in leading {
                    self.expr(l, if by_ref { Ctx::Borrow } else { Ctx::Use });
                }
                for a in args {
                    self.expr(&a.expr, Ctx::Borrow);
                }
                if let Some(lit) = fmt {
                    self.format_captures(lit, args);
                }
            }
            MacroArgs::Exprs(es) => match name {
                "vec" | "dbg" => {
                    for x in es {
                        self.expr(x, if ctx == Ctx::Ignore { Ctx::Ignore } else { Ctx::Move });
                    }
                }
                "assert" | "debug_assert" | "panic" | "unreachable" | "todo" | "unimplemented" => {
                    for x in es {
                        self.expr(x, Ctx::Use);
                    }
                }
                _ if by_ref => {
                    for x in es {
                        self.expr(x, Ctx::Borrow);
                    }
                }
                // An unknown macro: its arguments may be alternatives (`select!` arms).
                _ => {
                    let start = self.state.clone();
                    let mut out = start.clone();
                    for x in es {
                        self.state = start.clone();
                        self.expr(x, Ctx::Ignore);
                        out.join_into(&self.state);
                    }
                    self.state = out;
                }
            },
            MacroArgs::Repeat(x, n) => {
                self.expr(x, Ctx::Move);
                self.expr(n, Ctx::Use);
            }
            // `select!`: checked as the ordinary code it compiles to (compile/select.rs).
            MacroArgs::Select(arms) => self.expr(&crate::compile::select::desugar(arms, m.span), ctx),
            MacroArgs::Matches { expr, pat, guard } => {
                self.scrutinee(expr);
                self.scopes.push(Vec::new());
                self.bind_pat(pat);
                if let Some(g) = guard {
                    self.expr(g, Ctx::Use);
                }
                self.scopes.pop();
            }
        }
        if diverging {
            self.state = State::unreachable();
        }
    }

    /// `{name}` in a format string: a borrow of local `name`.
    pub(super) fn format_captures(&mut self, lit: &ast::Lit, args: &[ast::FmtArg]) {
        let ast::LitKind::Str(text) = &lit.kind else { return };
        if !text.contains('{') {
            return;
        }
        let named: Vec<&str> = args.iter().filter_map(|a| a.name.as_ref().map(|n| n.name.as_str())).collect();
        let positional = args.iter().filter(|a| a.name.is_none()).count();
        let Ok(tpl) = teras_stdlib::fmt::compile_format(text, positional, &named) else { return };
        let raw = self.src.text.get(lit.span.lo as usize..lit.span.hi as usize).unwrap_or("");
        for name in &tpl.captures {
            let Some(v) = self.lookup(name) else { continue };
            let span = raw
                .find(&format!("{{{name}"))
                .map(|i| Span::new(lit.span.lo as usize + i + 1, lit.span.lo as usize + i + 1 + name.len()))
                .unwrap_or(lit.span);
            let ty = self.vars.get(v).and_then(|x| x.ty.clone());
            self.use_var(v, span, Ctx::Borrow, true, ty, MoveKind::Plain);
        }
    }


    pub(super) fn spawn_call(&self, callee: &Expr) -> Option<super::send_sync::SpawnKind> {
        let ExprKind::Path(p) = &callee.kind else { return None };
        let segs: Vec<&str> = p.segments.iter().map(|s| s.ident.name.as_str()).collect();
        match segs.as_slice() {
            ["thread", "spawn"] if !self.facts.mods.contains("thread") => Some(super::send_sync::SpawnKind::Thread),
            ["std", "thread", "spawn"] => Some(super::send_sync::SpawnKind::Thread),
            ["spawn"] if !self.facts.fns.contains("spawn") && self.lookup("spawn").is_none() => {
                Some(super::send_sync::SpawnKind::Thread)
            }
            _ => None,
        }
    }

    pub(super) fn scope_call(&self, callee: &Expr) -> bool {
        let ExprKind::Path(p) = &callee.kind else { return false };
        let segs: Vec<&str> = p.segments.iter().map(|s| s.ident.name.as_str()).collect();
        match segs.as_slice() {
            ["thread", "scope"] => !self.facts.mods.contains("thread"),
            ["std", "thread", "scope"] => true,
            [n @ ("scope" | "scoped")] => !self.facts.fns.contains(*n) && self.lookup(n).is_none(),
            _ => false,
        }
    }

    /// The seed's `scoped(|s| ..)` (H-07), as opposed to std's `thread::scope`.
    fn seed_scope_call(&self, callee: &Expr) -> bool {
        matches!(&callee.kind, ExprKind::Path(p) if p.segments.len() == 1 && p.segments[0].ident.name == "scoped")
    }

    pub(super) fn spawn_method(&self, receiver: &Expr, rty: Option<&Ty>) -> Option<super::send_sync::SpawnKind> {
        use super::send_sync::SpawnKind;
        let receiver_var = match &receiver.kind {
            ExprKind::Path(p) => self.path_var(p),
            _ => None,
        };
        if let Some(Ty::Named(n, _)) = rty.map(Ty::deref) {
            match n.as_str() {
                "Scope" => return Some(SpawnKind::Scoped { scope: receiver_var.filter(|v| self.std_scope_vars.contains(v)) }),
                "Builder" => return Some(SpawnKind::Thread),
                _ => {}
            }
        }
        if let Some(v) = receiver_var {
            let scope = self.std_scope_vars.contains(&v).then_some(v);
            return self.scope_vars.contains(&v).then_some(SpawnKind::Scoped { scope });
        }
        // `thread::Builder::new().name(..).spawn(..)`.
        let mut r = receiver;
        loop {
            match &r.kind {
                ExprKind::MethodCall { receiver, .. } => r = receiver,
                ExprKind::Paren(x) => r = x,
                ExprKind::Call(callee, _) => {
                    if let ExprKind::Path(p) = &callee.kind {
                        let n = p.segments.len();
                        if n >= 2 && p.segments[n - 2].ident.name == "Builder" && p.segments[n - 1].ident.name == "new" {
                            return Some(SpawnKind::Thread);
                        }
                    }
                    return None;
                }
                _ => return None,
            }
        }
    }
}

/// Std methods that take `&self` wherever std defines them.
const SHARED_METHODS: &[&str] = &[
    "borrow", "borrow_mut", "try_borrow", "try_borrow_mut", "get", "set", "recv", "try_recv", "recv_timeout", "iter",
    "try_iter", "len", "is_empty", "clone", "contains", "contains_key", "to_string", "lock", "try_lock", "read",
    "try_read", "load", "store", "fetch_add", "fetch_sub", "fetch_and", "fetch_or", "fetch_xor", "fetch_max",
    "fetch_min", "send", "try_send", "get_or_init", "first", "last", "keys", "values", "as_str", "as_ref", "is_some",
    "is_none", "is_ok", "is_err", "upgrade",
];
