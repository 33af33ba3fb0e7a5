//! tokio's `select!` for futures, told apart from the channel `select!` (crossbeam's
//! `recv(r) -> v => ..` arms) by its arm syntax: `PAT = FUTURE (, if COND)? => BODY`, an
//! optional `biased;` first and an optional `else => BODY` last.
//!
//! It is desugared here into ordinary syntax (no new AST node), in tokio's order of
//! evaluation: every precondition first, then every future expression (a disabled branch's
//! too), then the polling:
//! ```text
//! match {
//!     let __select_p0 = COND0;            // branches with `, if COND` only
//!     let __select_f0 = FUT0; ..
//!     __select_futs(BIASED, [async move { let v = __select_f0.await;
//!                                         if matches!(v, PAT0) { Some(v) } else { None } }, ..],
//!                   [__select_p0, true, ..])
//! } { (0, PAT0) => BODY0, .., _ => ELSE }
//! ```
//! (prelude/async_rt.rs: the futures are polled inside the awaiting task; a disabled branch's
//! future is never polled; the first to finish with `Some` wins, one that finishes with `None`
//! (its pattern did not match) is disabled; the others, polled or not, are cancelled and
//! dropped before the branch runs; when every branch is disabled, `ELSE`.) A future written
//! `&mut fut` is a borrowed future that keeps its progress across `select!`s (tokio's
//! "resuming an async operation" in a loop): it is awaited with `__await_pinned`, which polls
//! it by hand so that its state stays in the future, not in the branch.
//! The macro's arguments are then that one expression (`MacroArgs::Exprs`).

use super::{PResult, Parser};
use crate::ast::*;
use crate::syntax::token::Tok;

impl Parser<'_> {
    /// Whether the `select!` arguments at the cursor are tokio's form.
    pub(crate) fn at_select_fut(&self) -> bool {
        match &self.tok().tok {
            Tok::Ident(n) if matches!(n.as_str(), "recv" | "send" | "default") => !(self.peek(1).is_punct("(") || self.peek(1).is_punct("=>") || self.peek(1).is_punct("->")),
            _ => true,
        }
    }

    /// Parse tokio's `select!` arms up to `close` into the one desugared expression.
    pub(crate) fn parse_select_fut(&mut self, close: &str) -> PResult<MacroArgs> {
        let lo = self.span();
        let mut biased = false;
        if matches!(&self.tok().tok, Tok::Ident(n) if n == "biased") && self.peek(1).is_punct(";") {
            self.skip();
            self.skip();
            biased = true;
        }
        let mut futs = Vec::new();
        let mut conds: Vec<Stmt> = Vec::new();
        let mut fut_lets: Vec<Stmt> = Vec::new();
        let mut enabled = Vec::new();
        let mut arms = Vec::new();
        let mut else_body: Option<Expr> = None;
        while !self.at(close) && !self.at_eof() {
            let alo = self.span();
            if self.at_kw("else") {
                self.skip();
                self.expect("=>")?;
                let (body, blocklike) = self.parse_stmt_expr()?;
                else_body = Some(body);
                if !self.eat(",") && !blocklike {
                    break;
                }
                continue;
            }
            let pat = self.parse_pat()?;
            self.expect("=")?;
            let fut = self.parse_expr()?;
            let idx = arms.len();
            // `, if COND`: the branch's precondition, evaluated before any future expression.
            let cond = if self.at(",") && self.peek(1).is_kw("if") {
                self.skip();
                self.skip();
                Some(self.parse_expr()?)
            } else {
                None
            };
            self.expect("=>")?;
            let (body, blocklike) = self.parse_stmt_expr()?;
            let sp = self.span_from(alo);
            match cond {
                Some(c) => {
                    let name = format!("__select_p{idx}");
                    conds.push(self.select_let(&name, c, sp));
                    enabled.push(self.select_path(&name, sp));
                }
                None => enabled.push(self.mk(ExprKind::Lit(Lit { kind: LitKind::Bool(true), span: sp }), sp)),
            }
            // `let __select_fN = FUT;` now, then in the branch
            // `async move { let v = __select_fN.await; if matches!(v, PAT) { Some(v) } else { None } }`:
            // a value that does not match the branch's pattern disables the branch (`None`).
            let borrowed = matches!(&fut.kind, ExprKind::Ref { mutable: true, .. });
            let fname = format!("__select_f{idx}");
            fut_lets.push(self.select_let(&fname, fut, sp));
            let fv = self.select_path(&fname, sp);
            let aw = if borrowed {
                let f = self.select_path("__await_pinned", sp);
                self.mk(ExprKind::Call(Box::new(f), vec![fv]), sp)
            } else {
                self.mk(ExprKind::Await(Box::new(fv)), sp)
            };
            let v = |p: &mut Self| p.select_path("__select_v", sp);
            let let_v = self.select_let("__select_v", aw, sp);
            let subject = v(self);
            let test = self.mk(ExprKind::Macro(MacroCall { name: Ident { name: "matches".into(), span: sp }, args: MacroArgs::Matches { expr: Box::new(subject), pat: Box::new(pat.clone()), guard: None }, span: sp }), sp);
            let some_f = self.select_path("Some", sp);
            let val = v(self);
            let some = self.mk(ExprKind::Call(Box::new(some_f), vec![val]), sp);
            let none = self.select_path("None", sp);
            let then = Block { stmts: vec![Stmt { kind: StmtKind::Expr(some, false), span: sp }], is_unsafe: false, span: sp };
            let else_b = Block { stmts: vec![Stmt { kind: StmtKind::Expr(none, false), span: sp }], is_unsafe: false, span: sp };
            let else_e = self.mk(ExprKind::Block(else_b), sp);
            let iff = self.mk(ExprKind::If { cond: Box::new(test), then, else_: Some(Box::new(else_e)) }, sp);
            let block = Block { stmts: vec![let_v, Stmt { kind: StmtKind::Expr(iff, false), span: sp }], is_unsafe: false, span: sp };
            futs.push(self.mk(ExprKind::Async { is_move: true, body: block }, sp));
            let lit = self.mk(ExprKind::Lit(Lit { kind: LitKind::Int(idx as u128, Some("usize".into())), span: sp }), sp);
            let tpat = Pat { kind: PatKind::Tuple(vec![Pat { kind: PatKind::Lit(Box::new(lit)), span: sp }, pat]), span: sp };
            arms.push(Arm { pat: tpat, guard: None, body, span: sp });
            if !self.eat(",") && !blocklike {
                break;
            }
        }
        let span = self.span_from(lo);
        let rest = match else_body {
            Some(b) => b,
            None => {
                let p = self.select_path("unreachable_select", span);
                self.mk(ExprKind::Call(Box::new(p), Vec::new()), span)
            }
        };
        arms.push(Arm { pat: Pat { kind: PatKind::Wild, span }, guard: None, body: rest, span });
        let b = self.mk(ExprKind::Lit(Lit { kind: LitKind::Bool(biased), span }), span);
        let arr = self.mk(ExprKind::Array(futs), span);
        let en = self.mk(ExprKind::Array(enabled), span);
        let callee = self.select_path("__select_futs", span);
        let call = self.mk(ExprKind::Call(Box::new(callee), vec![b, arr, en]), span);
        let mut stmts = conds;
        stmts.extend(fut_lets);
        stmts.push(Stmt { kind: StmtKind::Expr(call, false), span });
        let scrutinee = self.mk(ExprKind::Block(Block { stmts, is_unsafe: false, span }), span);
        let m = self.mk(ExprKind::Match { scrutinee: Box::new(scrutinee), arms }, span);
        Ok(MacroArgs::Exprs(vec![m]))
    }

    /// `let NAME = init;`
    fn select_let(&self, name: &str, init: Expr, span: Span) -> Stmt {
        let pat = Pat { kind: PatKind::Ident { by_ref: false, mutable: false, name: Ident { name: name.into(), span }, sub: None }, span };
        Stmt { kind: StmtKind::Let { pat, ty: None, init: Some(init), else_: None }, span }
    }

    fn select_path(&mut self, name: &str, span: Span) -> Expr {
        let p = Path { segments: vec![PathSegment { ident: Ident { name: name.to_string(), span }, generics: None }], global: false, span, qself: None };
        self.mk(ExprKind::Path(p), span)
    }
}
