//! Effects and handlers: `effect E { fn op(..) -> T; }`, `handler h for E { op(p) resume =>
//! { .. } }` and `handle { body } with h`, desugared here into ordinary items and calls of
//! the prelude's handler machinery (builtins/prelude/effects.rs), so later phases need no
//! new tree nodes:
//! - `effect E { fn op(a: A) -> T; }` becomes `mod E { pub fn op(a: A) -> T {
//!   __eff_perform("E", "op", (a,)) } }` marked `#[teras_effect(op, ...)]`;
//! - `handler h for E { op(p) k => body }` becomes `fn h(__op, __args, __k) { match __op {
//!   "" => "E", "op" => { let (p,) = __args; let k = __k; body } _ => __eff_no_clause(..) } }`
//!   marked `#[teras_handler(E)]`;
//! - `handle { body } with h` becomes `__eff_handle(h, || { body })`.
//!
//! `effect` and `handler` are contextual keywords (only followed by a name and `{` / `for`),
//! and `handle` only when followed by a block and `with`. `finish_file` adds a top-level
//! function for each op whose bare name is unambiguous (`op(args)`), and reports an op
//! performed in `main` outside any `handle` block of its effect (no handler can be there).

use super::{PResult, Parser};
use crate::ast::*;
use crate::diag::Diagnostic;
use crate::syntax::token::Tok;

/// The attribute marking an item generated from `effect E { ... }` (args: the op names).
pub(crate) const EFFECT_ATTR: &str = "teras_effect";
/// The attribute marking a function generated from `handler h for E` (args: `E`).
pub(crate) const HANDLER_ATTR: &str = "teras_handler";

fn ident(name: &str, span: Span) -> Ident {
    Ident { name: name.to_string(), span }
}

fn path(names: &[&str], span: Span) -> Path {
    Path { segments: names.iter().map(|n| PathSegment { ident: ident(n, span), generics: None }).collect(), global: false, span, qself: None }
}

fn infer(span: Span) -> Type {
    Type { kind: TypeKind::Infer, span }
}

fn bind(name: &str, span: Span) -> Pat {
    Pat { kind: PatKind::Ident { by_ref: false, mutable: false, name: ident(name, span), sub: None }, span }
}

fn attr(name: &str, args: Vec<String>, span: Span) -> Attr {
    Attr { name: name.to_string(), args, inner: false, span }
}

impl Parser<'_> {
    fn path_expr(&mut self, names: &[&str], span: Span) -> Expr {
        self.mk(ExprKind::Path(path(names, span)), span)
    }

    fn str_expr(&mut self, s: &str, span: Span) -> Expr {
        self.mk(ExprKind::Lit(Lit { kind: LitKind::Str(s.to_string()), span }), span)
    }

    fn call_expr(&mut self, f: &[&str], args: Vec<Expr>, span: Span) -> Expr {
        let callee = self.path_expr(f, span);
        self.mk(ExprKind::Call(Box::new(callee), args), span)
    }

    /// At `effect Name {` (an item).
    pub(crate) fn at_effect_item(&self) -> bool {
        self.at_kw("effect") && matches!(self.peek(1).tok, Tok::Ident(_)) && self.peek(2).is_punct("{")
    }

    /// At `handler name for`.
    pub(crate) fn at_handler_item(&self) -> bool {
        self.at_kw("handler") && matches!(self.peek(1).tok, Tok::Ident(_)) && self.peek(2).is_kw("for")
    }

    /// At `handle { ... } with`.
    pub(crate) fn at_handle_expr(&self) -> bool {
        if !(self.at_kw("handle") && self.peek(1).is_punct("{")) {
            return false;
        }
        let close = self.close_of(self.pos + 1);
        self.peek(close.saturating_sub(self.pos) + 1).is_kw("with")
    }

    /// `effect E { fn op<G>(a: A) -> T; ... }`, as a module of performing functions.
    pub(crate) fn parse_effect(&mut self, lo: Span) -> PResult<(ItemKind, Attr)> {
        self.skip();
        let name = self.ident()?;
        let items = self.parse_assoc_items_pub()?;
        let mut ops = Vec::new();
        let mut fns = Vec::new();
        for item in items {
            let span = item.span;
            let ItemKind::Fn(mut f) = item.kind else {
                return Err(self.err_at(span, "expected an operation `fn name(args) -> T;`", "not an operation", "an effect declares only operations: `fn name(args) -> T;`"));
            };
            if f.body.is_some() || f.self_param.is_some() {
                return Err(self.err_at(span, "an effect operation has no body and no `self`", "here", "write the operation's signature only: `fn name(args) -> T;`"));
            }
            let mut args = Vec::new();
            for (i, p) in f.params.iter_mut().enumerate() {
                let n = format!("__a{i}");
                p.pat = bind(&n, p.span);
                args.push(self.path_expr(&[&n], p.span));
            }
            let sp = f.sig_span;
            let tuple = self.mk(ExprKind::Tuple(args), sp);
            let e = self.str_expr(&name.name, sp);
            let o = self.str_expr(&f.name.name, sp);
            let call = self.call_expr(&["__eff_perform"], vec![e, o, tuple], sp);
            f.body = Some(Block { stmts: vec![Stmt { kind: StmtKind::Expr(call, false), span: sp }], is_unsafe: false, span: sp });
            ops.push(f.name.name.clone());
            fns.push(Item { kind: ItemKind::Fn(f), attrs: Vec::new(), public: true, span });
        }
        let a = attr(EFFECT_ATTR, ops, self.span_from(lo));
        Ok((ItemKind::Mod(ModDecl { name, items: Some(fns) }), a))
    }

    fn parse_assoc_items_pub(&mut self) -> PResult<Vec<Item>> {
        if !self.at("{") {
            return Err(self.expected("`{`"));
        }
        let open = self.pos;
        self.skip();
        let outer = std::mem::replace(&mut self.in_assoc, true);
        let items = self.parse_items(Some(open));
        self.in_assoc = outer;
        self.expect("}")?;
        Ok(items)
    }

    /// `handler h for E { op(pats) resume => body ... }`, as a dispatching function.
    pub(crate) fn parse_handler(&mut self, lo: Span) -> PResult<(ItemKind, Attr)> {
        let (name, effect, m, sp, span) = self.parse_handler_parts(lo)?;
        let params = ["__op", "__args", "__k"].iter().map(|n| Param { pat: bind(n, sp), ty: infer(sp), span: sp }).collect();
        let body = Block { stmts: vec![Stmt { kind: StmtKind::Expr(m, false), span }], is_unsafe: false, span };
        let f = FnDecl { name, generics: Generics::default(), self_param: None, params, ret: None, body: Some(body), is_async: false, is_unsafe: false, is_const: false, sig_span: sp };
        Ok((ItemKind::Fn(f), attr(HANDLER_ATTR, vec![effect.name], span)))
    }

    /// A handler declared inside a block: `let h = |__op, __args, __k| match __op { .. };`,
    /// a closure, so its clauses may use and assign the block's locals.
    pub(crate) fn parse_local_handler(&mut self, lo: Span) -> PResult<Stmt> {
        let (name, _, m, _, span) = self.parse_handler_parts(lo)?;
        let params = ["__op", "__args", "__k"].iter().map(|n| ClosureParam { pat: bind(n, name.span), ty: None }).collect();
        let clo = self.mk(ExprKind::Closure { is_move: false, params, ret: None, body: Box::new(m) }, span);
        Ok(Stmt { kind: StmtKind::Let { pat: bind(&name.name, name.span), ty: None, init: Some(clo), else_: None }, span })
    }

    /// The name, effect, dispatching `match`, name span and whole span of a handler.
    fn parse_handler_parts(&mut self, lo: Span) -> PResult<(Ident, Ident, Expr, Span, Span)> {
        self.skip();
        let name = self.ident()?;
        self.expect_kw("for")?;
        let effect = self.ident()?;
        self.expect("{")?;
        let sp = name.span;
        let mut arms = Vec::new();
        let q = self.str_expr("", sp);
        let qpat = Pat { kind: PatKind::Lit(Box::new(q)), span: sp };
        let eff_name = self.str_expr(&effect.name, sp);
        arms.push(Arm { pat: qpat, guard: None, body: eff_name, span: sp });
        while !self.at("}") && !self.at_eof() {
            let clo = self.span();
            let op = self.ident()?;
            self.expect("(")?;
            let pats = self.parse_list(")", |p| p.parse_pat())?;
            let k = self.ident()?;
            self.expect("=>")?;
            let body = self.parse_expr()?;
            self.eat(",");
            let cspan = self.span_from(clo);
            let args = self.path_expr(&["__args"], cspan);
            let kv = self.path_expr(&["__k"], cspan);
            let tpat = Pat { kind: PatKind::Tuple(pats), span: op.span };
            let stmts = vec![
                Stmt { kind: StmtKind::Let { pat: tpat, ty: None, init: Some(args), else_: None }, span: cspan },
                Stmt { kind: StmtKind::Let { pat: bind(&k.name, k.span), ty: None, init: Some(kv), else_: None }, span: cspan },
                Stmt { kind: StmtKind::Expr(body, false), span: cspan },
            ];
            let block = self.mk(ExprKind::Block(Block { stmts, is_unsafe: false, span: cspan }), cspan);
            let lit = self.str_expr(&op.name, op.span);
            arms.push(Arm { pat: Pat { kind: PatKind::Lit(Box::new(lit)), span: op.span }, guard: None, body: block, span: cspan });
        }
        self.expect("}")?;
        let span = self.span_from(lo);
        let h = self.str_expr(&name.name, span);
        let e = self.str_expr(&effect.name, span);
        let o = self.path_expr(&["__op"], span);
        let fallback = self.call_expr(&["__eff_no_clause"], vec![h, e, o], span);
        arms.push(Arm { pat: Pat { kind: PatKind::Wild, span }, guard: None, body: fallback, span });
        let scrut = self.path_expr(&["__op"], span);
        let m = self.mk(ExprKind::Match { scrutinee: Box::new(scrut), arms }, span);
        Ok((name, effect, m, sp, span))
    }

    /// `handle { body } with h`, as
    /// `match __eff_handle(h, || { body }) { __EffFlow::Value(v) => v,
    /// __EffFlow::Return(r) => return r, __EffFlow::Try(t) => { t?; __eff_unreachable() } }`:
    /// a `return e` or `e?` of the body (outside its closures and async blocks) ends the
    /// computation and acts on the enclosing function there (`return e` is written
    /// `return __eff_exit(e)`, `e?` is `__eff_try(e)`; see `__eff_handle`).
    pub(crate) fn parse_handle(&mut self) -> PResult<Expr> {
        let lo = self.span();
        self.skip();
        let mut body = self.parse_block_expr()?;
        self.expect_kw("with")?;
        let hlo = self.span();
        let hp = self.parse_path(super::types::PathStyle::Expr)?;
        let h = self.mk(ExprKind::Path(hp), self.span_from(hlo));
        let bspan = body.span;
        let mut id = || self.new_id();
        let mut tun = Tunnel { id: &mut id, loops: 0, labels: Vec::new(), targets: Vec::new() };
        tunnel_expr(&mut body, &mut tun);
        let targets = tun.targets;
        let clo = self.mk(ExprKind::Closure { is_move: false, params: Vec::new(), ret: None, body: Box::new(body) }, bspan);
        let span = self.span_from(lo);
        let call = self.call_expr(&["__eff_handle"], vec![h, clo], span);
        let arm = |variant: &str, var: &str, body: Expr| {
            let path = path(&["__EffFlow", variant], span);
            Arm { pat: Pat { kind: PatKind::TupleStruct { path, elems: vec![bind(var, span)] }, span }, guard: None, body, span }
        };
        let v = self.path_expr(&["__v"], span);
        let r = self.path_expr(&["__r"], span);
        let ret = self.mk(ExprKind::Return(Some(Box::new(r))), span);
        let t = self.path_expr(&["__t"], span);
        let q = self.mk(ExprKind::Try(Box::new(t)), span);
        let unreachable = self.call_expr(&["__eff_unreachable"], Vec::new(), span);
        let tblock = Block { stmts: vec![Stmt { kind: StmtKind::Expr(q, true), span }, Stmt { kind: StmtKind::Expr(unreachable, false), span }], is_unsafe: false, span };
        let tb = self.mk(ExprKind::Block(tblock), span);
        let mut arms = vec![arm("Value", "__v", v), arm("Return", "__r", ret), arm("Try", "__t", tb)];
        if !targets.is_empty() {
            // `__EffFlow::Jump((code, value)) => match code { 2 => break 'l value, 3 => continue, .. }`
            let mut jarms = Vec::new();
            for (i, (is_break, label, value)) in targets.into_iter().enumerate() {
                let lit = self.mk(ExprKind::Lit(Lit { kind: LitKind::Int(i as u128 + 2, Some("usize".into())), span }), span);
                let label = label.map(|l| ident(&l, span));
                let body = if is_break {
                    let value = if value { Some(Box::new(self.path_expr(&["__j"], span))) } else { None };
                    self.mk(ExprKind::Break { label, value }, span)
                } else {
                    self.mk(ExprKind::Continue { label }, span)
                };
                jarms.push(Arm { pat: Pat { kind: PatKind::Lit(Box::new(lit)), span }, guard: None, body, span });
            }
            let unreachable = self.call_expr(&["__eff_unreachable"], Vec::new(), span);
            jarms.push(Arm { pat: Pat { kind: PatKind::Wild, span }, guard: None, body: unreachable, span });
            let code = self.path_expr(&["__c"], span);
            let jm = self.mk(ExprKind::Match { scrutinee: Box::new(code), arms: jarms }, span);
            let path = path(&["__EffFlow", "Jump"], span);
            let tuple = Pat { kind: PatKind::Tuple(vec![bind("__c", span), bind("__j", span)]), span };
            arms.push(Arm { pat: Pat { kind: PatKind::TupleStruct { path, elems: vec![tuple] }, span }, guard: None, body: jm, span });
        }
        Ok(self.mk(ExprKind::Match { scrutinee: Box::new(call), arms }, span))
    }
}

/// What `tunnel_expr` knows while it walks a handled body.
struct Tunnel<'a> {
    id: &'a mut dyn FnMut() -> NodeId,
    /// Loops of the body around the current expression.
    loops: usize,
    /// Labels of the body's loops and blocks around the current expression.
    labels: Vec<String>,
    /// The `break`/`continue` that leave the body, by code (2, 3, ...): (is a break, label,
    /// carries a value).
    targets: Vec<(bool, Option<String>, bool)>,
}

impl Tunnel<'_> {
    fn in_loop(&mut self, label: Option<&Ident>, is_loop: bool, f: impl FnOnce(&mut Self)) {
        if let Some(l) = label {
            self.labels.push(l.name.clone());
        }
        self.loops += usize::from(is_loop);
        f(self);
        self.loops -= usize::from(is_loop);
        if label.is_some() {
            self.labels.pop();
        }
    }

    /// The code of a `break`/`continue` that leaves the body, `None` when it stays inside.
    fn target(&mut self, is_break: bool, label: Option<&Ident>, value: bool) -> Option<usize> {
        let leaves = match label {
            Some(l) => !self.labels.contains(&l.name),
            None => self.loops == 0,
        };
        if !leaves {
            return None;
        }
        let key = (is_break, label.map(|l| l.name.clone()), value);
        let i = match self.targets.iter().position(|t| *t == key) {
            Some(i) => i,
            None => {
                self.targets.push(key);
                self.targets.len() - 1
            }
        };
        Some(i + 2)
    }
}

/// Rewrite the `return e`, `e?`, `break` and `continue` of a handled body that belong to the
/// enclosing function (not those inside closures, async blocks or items, nor a `break` of a
/// loop of the body) into `return __eff_exit(e)`, `__eff_try(e)` and
/// `return __eff_exit_to(code, value)`.
fn tunnel_expr(e: &mut Expr, t: &mut Tunnel<'_>) {
    let span = e.span;
    let mk_call = |name: &str, args: Vec<Expr>, t: &mut Tunnel<'_>| {
        let callee = Expr { kind: ExprKind::Path(path(&[name], span)), span, id: (t.id)() };
        Expr { kind: ExprKind::Call(Box::new(callee), args), span, id: (t.id)() }
    };
    match &mut e.kind {
        ExprKind::Return(v) => {
            let inner = match v.take() {
                Some(mut x) => {
                    tunnel_expr(&mut x, t);
                    *x
                }
                None => Expr { kind: ExprKind::Tuple(Vec::new()), span, id: (t.id)() },
            };
            *v = Some(Box::new(mk_call("__eff_exit", vec![inner], t)));
        }
        ExprKind::Try(x) => {
            tunnel_expr(x, t);
            let inner = std::mem::replace(&mut **x, Expr { kind: ExprKind::Error, span, id: 0 });
            *e = mk_call("__eff_try", vec![inner], t);
        }
        ExprKind::Closure { .. } | ExprKind::Async { .. } | ExprKind::Error | ExprKind::Lit(_) | ExprKind::Path(_) => {}
        ExprKind::Continue { label } => {
            if let Some(k) = t.target(false, label.as_ref(), false) {
                let code = Expr { kind: ExprKind::Lit(Lit { kind: LitKind::Int(k as u128, Some("usize".into())), span }), span, id: (t.id)() };
                let unit = Expr { kind: ExprKind::Tuple(Vec::new()), span, id: (t.id)() };
                let call = mk_call("__eff_exit_to", vec![code, unit], t);
                e.kind = ExprKind::Return(Some(Box::new(call)));
            }
        }
        ExprKind::Unary(_, a) | ExprKind::Ref { expr: a, .. } | ExprKind::Field(a, _) | ExprKind::TupleField(a, _, _) | ExprKind::Paren(a) | ExprKind::Await(a) | ExprKind::Cast(a, _) => tunnel_expr(a, t),
        ExprKind::Binary(_, a, b) | ExprKind::Assign(a, b) | ExprKind::AssignOp(_, a, b) | ExprKind::Index(a, b) | ExprKind::ArrayRepeat(a, b) => {
            tunnel_expr(a, t);
            tunnel_expr(b, t);
        }
        ExprKind::Call(f, args) => {
            tunnel_expr(f, t);
            args.iter_mut().for_each(|a| tunnel_expr(a, t));
        }
        ExprKind::MethodCall { receiver, args, .. } => {
            tunnel_expr(receiver, t);
            args.iter_mut().for_each(|a| tunnel_expr(a, t));
        }
        ExprKind::Range { start, end, .. } => {
            for x in [start, end].into_iter().flatten() {
                tunnel_expr(x, t);
            }
        }
        ExprKind::Tuple(xs) | ExprKind::Array(xs) => xs.iter_mut().for_each(|a| tunnel_expr(a, t)),
        ExprKind::Struct { fields, base, .. } => {
            fields.iter_mut().for_each(|f| tunnel_expr(&mut f.expr, t));
            if let Some(b) = base {
                tunnel_expr(b, t);
            }
        }
        ExprKind::Block(b) => tunnel_block(b, t),
        ExprKind::Loop { body, label } => t.in_loop(label.as_ref(), true, |t| tunnel_block(body, t)),
        ExprKind::LabeledBlock { body, label } => t.in_loop(Some(&*label), false, |t| tunnel_block(body, t)),
        ExprKind::If { cond, then, else_ } => {
            tunnel_expr(cond, t);
            tunnel_block(then, t);
            if let Some(x) = else_ {
                tunnel_expr(x, t);
            }
        }
        ExprKind::Let(_, x) => tunnel_expr(x, t),
        ExprKind::While { cond, body, label } => {
            tunnel_expr(cond, t);
            t.in_loop(label.as_ref(), true, |t| tunnel_block(body, t));
        }
        ExprKind::For { iter, body, label, .. } => {
            tunnel_expr(iter, t);
            t.in_loop(label.as_ref(), true, |t| tunnel_block(body, t));
        }
        ExprKind::Match { scrutinee, arms } => {
            tunnel_expr(scrutinee, t);
            for a in arms {
                if let Some(g) = &mut a.guard {
                    tunnel_expr(g, t);
                }
                tunnel_expr(&mut a.body, t);
            }
        }
        ExprKind::Break { value, label } => {
            if let Some(v) = value {
                tunnel_expr(v, t);
            }
            if let Some(k) = t.target(true, label.as_ref(), value.is_some()) {
                let code = Expr { kind: ExprKind::Lit(Lit { kind: LitKind::Int(k as u128, Some("usize".into())), span }), span, id: (t.id)() };
                let v = match value.take() {
                    Some(v) => *v,
                    None => Expr { kind: ExprKind::Tuple(Vec::new()), span, id: (t.id)() },
                };
                let call = mk_call("__eff_exit_to", vec![code, v], t);
                e.kind = ExprKind::Return(Some(Box::new(call)));
            }
        }
        ExprKind::Macro(m) => match &mut m.args {
            MacroArgs::Format { target, leading, args, .. } => {
                if let Some(x) = target {
                    tunnel_expr(x, t);
                }
                leading.iter_mut().for_each(|a| tunnel_expr(a, t));
                args.iter_mut().for_each(|a| tunnel_expr(&mut a.expr, t));
            }
            MacroArgs::Exprs(xs) => xs.iter_mut().for_each(|a| tunnel_expr(a, t)),
            MacroArgs::Repeat(a, b) => {
                tunnel_expr(a, t);
                tunnel_expr(b, t);
            }
            MacroArgs::Matches { expr, .. } => tunnel_expr(expr, t),
            MacroArgs::Select(_) => {}
        },
    }
}

fn tunnel_block(b: &mut Block, t: &mut Tunnel<'_>) {
    for st in &mut b.stmts {
        match &mut st.kind {
            StmtKind::Let { init, else_, .. } => {
                if let Some(x) = init {
                    tunnel_expr(x, t);
                }
                if let Some(eb) = else_ {
                    tunnel_block(eb, t);
                }
            }
            StmtKind::Expr(x, _) => tunnel_expr(x, t),
            StmtKind::Item(_) | StmtKind::Empty => {}
        }
    }
}

/// After a file was parsed: bare-name functions for unambiguous ops, and the "no handler
/// can be in scope" diagnostics for ops performed in `main` outside a `handle` of their
/// effect.
pub(crate) fn finish_file(p: &mut Parser<'_>, items: &mut Vec<Item>) {
    let effects: Vec<(String, Vec<String>)> = items
        .iter()
        .filter_map(|i| match (&i.kind, i.attrs.iter().find(|a| a.name == EFFECT_ATTR)) {
            (ItemKind::Mod(m), Some(a)) => Some((m.name.name.clone(), a.args.clone())),
            _ => None,
        })
        .collect();
    if effects.is_empty() {
        return;
    }
    let handlers: Vec<(String, String)> = items
        .iter()
        .filter_map(|i| match (&i.kind, i.attrs.iter().find(|a| a.name == HANDLER_ATTR)) {
            (ItemKind::Fn(f), Some(a)) => Some((f.name.name.clone(), a.args.first().cloned().unwrap_or_default())),
            _ => None,
        })
        .collect();
    let taken: Vec<String> = items.iter().filter_map(item_name).collect();
    // Bare names: op names declared by exactly one effect and naming no other item.
    let mut bare: Vec<(String, String)> = Vec::new();
    for (e, ops) in &effects {
        for op in ops {
            let dup = effects.iter().filter(|(_, o)| o.contains(op)).count() > 1;
            if !dup && !taken.contains(op) {
                bare.push((op.clone(), e.clone()));
            }
        }
    }
    if let Some(main) = items.iter().find_map(|i| match &i.kind {
        ItemKind::Fn(f) if f.name.name == "main" => f.body.as_ref(),
        _ => None,
    }) {
        let mut diags = Vec::new();
        check_main(main, &effects, &bare, &handlers, &mut diags);
        for d in diags {
            p.error(d);
        }
    }
    for (op, e) in bare {
        let Some(decl) = op_decl(items, &e, &op) else { continue };
        let mut f = decl.clone();
        let sp = f.sig_span;
        let mut id = || p.new_id();
        let args: Vec<Expr> = f.params.iter().map(|q| Expr { kind: ExprKind::Path(path(&[pat_name(&q.pat)], q.span)), span: q.span, id: id() }).collect();
        let callee = Expr { kind: ExprKind::Path(path(&[&e, &op], sp)), span: sp, id: id() };
        let call = Expr { kind: ExprKind::Call(Box::new(callee), args), span: sp, id: id() };
        f.body = Some(Block { stmts: vec![Stmt { kind: StmtKind::Expr(call, false), span: sp }], is_unsafe: false, span: sp });
        // The signature's types may name the effect module's imports: keep them loose.
        items.push(Item { kind: ItemKind::Fn(f), attrs: Vec::new(), public: true, span: sp });
    }
}

fn pat_name(p: &Pat) -> &str {
    match &p.kind {
        PatKind::Ident { name, .. } => &name.name,
        _ => "_",
    }
}

fn item_name(i: &Item) -> Option<String> {
    match &i.kind {
        ItemKind::Fn(f) => Some(f.name.name.clone()),
        ItemKind::Struct(s) => Some(s.name.name.clone()),
        ItemKind::Enum(e) => Some(e.name.name.clone()),
        ItemKind::Const(c) => Some(c.name.name.clone()),
        ItemKind::Static(s) => Some(s.name.name.clone()),
        ItemKind::Mod(m) => Some(m.name.name.clone()),
        ItemKind::Use(u) => match &u.kind {
            UseTreeKind::Simple { rename: Some(r) } => Some(r.name.clone()),
            UseTreeKind::Simple { rename: None } => u.prefix.last().map(|i| i.name.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn op_decl<'a>(items: &'a [Item], effect: &str, op: &str) -> Option<&'a FnDecl> {
    items.iter().find_map(|i| match &i.kind {
        ItemKind::Mod(m) if m.name.name == effect && i.attrs.iter().any(|a| a.name == EFFECT_ATTR) => m.items.as_ref()?.iter().find_map(|j| match &j.kind {
            ItemKind::Fn(f) if f.name.name == op => Some(f),
            _ => None,
        }),
        _ => None,
    })
}

/// Report ops of an effect performed in `main`'s own code (not in a closure, which may run
/// elsewhere) outside every `handle` block with a handler of that effect.
fn check_main(main: &Block, effects: &[(String, Vec<String>)], bare: &[(String, String)], handlers: &[(String, String)], diags: &mut Vec<Diagnostic>) {
    // (span of a handled body, its effect): the closures given to `__eff_handle`.
    let mut handled: Vec<(Span, String)> = Vec::new();
    let mut closures: Vec<Span> = Vec::new();
    let mut calls: Vec<(Span, String, String)> = Vec::new();
    let mut visit = |e: &Expr, _in_closure: bool| {
        if let ExprKind::Closure { .. } = &e.kind {
            closures.push(e.span);
        }
        let ExprKind::Call(callee, args) = &e.kind else { return };
        let ExprKind::Path(p) = &callee.kind else { return };
        let names: Vec<&str> = p.segments.iter().map(|s| s.ident.name.as_str()).collect();
        match names.as_slice() {
            ["__eff_handle"] => {
                if let (Some(Expr { kind: ExprKind::Path(h), .. }), Some(body)) = (args.first(), args.get(1)) {
                    let hn = h.last().ident.name.as_str();
                    if let Some((_, eff)) = handlers.iter().find(|(n, _)| n == hn) {
                        handled.push((body.span, eff.clone()));
                    } else {
                        // An unknown handler: it may handle anything.
                        handled.push((body.span, String::new()));
                    }
                }
            }
            [e, op] if effects.iter().any(|(n, ops)| n == e && ops.iter().any(|o| o == op)) => calls.push((e_span(callee), e.to_string(), op.to_string())),
            [op] => {
                if let Some((_, eff)) = bare.iter().find(|(o, _)| o == op) {
                    calls.push((e_span(callee), eff.clone(), op.to_string()));
                }
            }
            _ => {}
        }
    };
    crate::compile::walk_block(main, false, &mut visit);
    let inside = |sp: Span, outer: Span| outer.lo <= sp.lo && sp.hi <= outer.hi;
    for (sp, eff, op) in calls {
        let under_handle = handled.iter().any(|(b, e)| inside(sp, *b) && (e.is_empty() || *e == eff));
        let in_closure = closures.iter().any(|c| inside(sp, *c) && !handled.iter().any(|(b, _)| b == c));
        if !under_handle && !in_closure {
            diags.push(Diagnostic::error(format!("unhandled effect operation `{eff}::{op}`"), sp, format!("no handler of effect `{eff}` is in scope here")).with_help(format!(
                "run it under a handler: `handle {{ ... }} with <handler>`, where the handler is declared as `handler <name> for {eff} {{ {op}(..) resume => {{ ... }} }}`"
            )));
        }
    }
}

fn e_span(e: &Expr) -> Span {
    e.span
}

#[cfg(test)]
mod tests {
    use crate::ast::{ItemKind, StmtKind};
    use crate::syntax::parse_file;

    const SRC: &str = "effect Ask { fn ask() -> i32; fn tell<T>(x: T); }\n\
        handler h for Ask { ask() k => k(1), tell(x) k => { k(()) } }\n\
        fn main() { let v = handle { ask() } with h; }";

    #[test]
    fn effect_handler_and_handle_desugar() {
        let (file, diags) = parse_file(SRC);
        assert!(diags.is_empty(), "{diags:?}");
        let ItemKind::Mod(m) = &file.items[0].kind else { panic!("effect is a module") };
        assert_eq!(m.name.name, "Ask");
        assert_eq!(m.items.as_ref().map(Vec::len), Some(2));
        assert!(file.items[0].attrs.iter().any(|a| a.name == super::EFFECT_ATTR && a.args == ["ask", "tell"]));
        assert!(matches!(&file.items[1].kind, ItemKind::Fn(f) if f.name.name == "h"));
        // The bare-name functions for `ask` and `tell` come last.
        let names: Vec<String> = file.items.iter().filter_map(super::item_name).collect();
        assert!(names.ends_with(&["ask".to_string(), "tell".to_string()]), "{names:?}");
    }

    #[test]
    fn contextual_keywords_stay_names() {
        let (_, diags) = parse_file("struct handle { effect: i32 }\nfn handler(effect: i32) -> i32 { let handle = handle { effect }; handle.effect }\nfn main() {}");
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn local_handler_is_a_closure() {
        let (file, diags) = parse_file("effect E { fn op(); }\nfn main() { handler h for E { op() r => r(()) } handle { E::op() } with h; }");
        assert!(diags.is_empty(), "{diags:?}");
        let ItemKind::Fn(main) = &file.items[1].kind else { panic!("main") };
        let body = main.body.as_ref().map(|b| &b.stmts[0].kind);
        assert!(matches!(body, Some(StmtKind::Let { .. })));
    }

    #[test]
    fn op_outside_any_handle_in_main_is_reported() {
        let (_, diags) = parse_file("effect E { fn op() -> i32; }\nfn f() -> i32 { E::op() }\nfn main() { let a = E::op(); let b = op(); let c = handle { op() } with h; let d = || E::op(); }");
        let msgs: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs, ["unhandled effect operation `E::op`", "unhandled effect operation `E::op`"]);
    }
}
