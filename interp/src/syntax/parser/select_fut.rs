//! tokio's `select!` for futures, told apart from the channel `select!` (crossbeam's
//! `recv(r) -> v => ..` arms) by its arm syntax: `PAT = FUTURE => BODY`, an optional
//! `biased;` first and an optional `else => BODY` last.
//!
//! It is desugared here into ordinary syntax (no new AST node):
//! `match __select_futs(BIASED, [async { FUT1.await }, ..]) { (0, PAT1) => BODY1, ..,
//! _ => ELSE }` (prelude/async_rt.rs: every future runs as a task; the first to finish wins;
//! the others are aborted and unwound, their `Drop` impls run, before the branch runs).
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
            self.bump();
            self.bump();
            biased = true;
        }
        let mut futs = Vec::new();
        let mut arms = Vec::new();
        let mut else_body: Option<Expr> = None;
        while !self.at(close) && !self.at_eof() {
            let alo = self.span();
            if self.at_kw("else") {
                self.bump();
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
            self.expect("=>")?;
            let (body, blocklike) = self.parse_stmt_expr()?;
            let sp = self.span_from(alo);
            // `async { FUT.await }`: the future is made inside its task, borrowing what it uses.
            let aw = self.mk(ExprKind::Await(Box::new(fut)), sp);
            let block = Block { stmts: vec![Stmt { kind: StmtKind::Expr(aw, false), span: sp }], is_unsafe: false, span: sp };
            futs.push(self.mk(ExprKind::Async { is_move: false, body: block }, sp));
            let idx = arms.len();
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
        let callee = self.select_path("__select_futs", span);
        let call = self.mk(ExprKind::Call(Box::new(callee), vec![b, arr]), span);
        let m = self.mk(ExprKind::Match { scrutinee: Box::new(call), arms }, span);
        Ok(MacroArgs::Exprs(vec![m]))
    }

    fn select_path(&mut self, name: &str, span: Span) -> Expr {
        let p = Path { segments: vec![PathSegment { ident: Ident { name: name.to_string(), span }, generics: None }], global: false, span, qself: None };
        self.mk(ExprKind::Path(p), span)
    }
}
