//! Blocks and statements, with statement-level error recovery.
//!
//! As in rustc, a block-like expression (`if`, `match`, `loop`, `while`, `for`, `unsafe { }`,
//! `{ }`, a labelled block, a `m! { }` macro) in statement position ends the statement without
//! `;`, except that `.method()` and `?` may still follow it.

use super::expr::Restrict;
use super::{PResult, Parser};
use crate::ast::*;
use crate::diag::Diagnostic;
use crate::syntax::token::Tok;

pub(crate) enum StmtOrItem {
    Stmt(Stmt),
    Item(Item),
}

impl Parser<'_> {
    pub(crate) fn parse_block(&mut self) -> PResult<Block> {
        self.enter()?;
        let r = self.parse_block_inner();
        self.leave();
        r
    }

    fn parse_block_inner(&mut self) -> PResult<Block> {
        let lo = self.span();
        if !self.at("{") {
            return Err(self.expected("`{`"));
        }
        let open = self.pos;
        self.skip();
        self.parse_inner_attrs()?;
        let stmts = self.parse_stmts(Some(open), None);
        self.expect("}")?;
        Ok(Block { stmts, is_unsafe: false, span: self.span_from(lo) })
    }

    pub(crate) fn parse_block_expr(&mut self) -> PResult<Expr> {
        let b = self.parse_block()?;
        let span = b.span;
        Ok(self.mk(ExprKind::Block(b), span))
    }

    /// Statements up to the `}` closing `scope` (not consumed), or to the end of input at top
    /// level. With `items_out` (the REPL), items go there instead of into statements.
    pub(crate) fn parse_stmts(&mut self, scope: Option<usize>, mut items_out: Option<&mut Vec<Item>>) -> Vec<Stmt> {
        let mut stmts: Vec<Stmt> = Vec::new();
        loop {
            if self.at_eof() || (scope.is_some() && self.at("}")) {
                break;
            }
            let before = self.pos;
            let saved = self.depth;
            match self.parse_stmt() {
                Ok(StmtOrItem::Stmt(s)) => stmts.push(s),
                Ok(StmtOrItem::Item(item)) => match items_out.as_deref_mut() {
                    Some(out) => out.push(item),
                    None => {
                        let span = item.span;
                        stmts.push(Stmt { kind: StmtKind::Item(Box::new(item)), span });
                    }
                },
                Err(_) => {
                    self.depth = saved;
                    self.recover(scope, |p| p.at_kw("let") || p.at_item_start());
                }
            }
            if self.pos == before {
                self.skip();
            }
        }
        // Only the last statement can be a tail expression.
        let n = stmts.len();
        for s in stmts.iter_mut().take(n.saturating_sub(1)) {
            if let StmtKind::Expr(_, semi) = &mut s.kind {
                *semi = true;
            }
        }
        stmts
    }

    pub(crate) fn parse_stmt(&mut self) -> PResult<StmtOrItem> {
        let lo = self.span();
        if self.eat(";") {
            return Ok(StmtOrItem::Stmt(Stmt { kind: StmtKind::Empty, span: lo }));
        }
        let attrs = self.parse_outer_attrs()?;
        if self.at_handler_item() {
            return self.parse_local_handler(lo).map(StmtOrItem::Stmt);
        }
        if self.at_item_start() {
            return Ok(StmtOrItem::Item(self.parse_item(attrs, lo)?));
        }
        if self.at_kw("let") {
            return self.parse_let(lo).map(StmtOrItem::Stmt);
        }
        let (e, blocklike) = self.parse_stmt_expr()?;
        let semi = if self.eat(";") {
            true
        } else if blocklike || self.at("}") || self.at_eof() {
            false
        } else {
            self.missing_semi()?;
            true
        };
        Ok(StmtOrItem::Stmt(Stmt { kind: StmtKind::Expr(e, semi), span: self.span_from(lo) }))
    }

    /// Report a missing `;`. Carry on when the next token starts a new line (the statement
    /// probably just lacks its `;`), else fail so the caller skips the rest.
    fn missing_semi(&mut self) -> PResult<()> {
        let found = self.found();
        let at = Span::new(self.prev_hi, self.prev_hi);
        self.error(Diagnostic::error(format!("expected `;`, found {found}"), at, "expected `;`").with_help("add `;` here"));
        let gap = self.src.get(self.prev_hi..self.span().lo as usize).unwrap_or("");
        if gap.contains('\n') {
            Ok(())
        } else {
            Err(super::Fail)
        }
    }

    fn parse_let(&mut self, lo: Span) -> PResult<Stmt> {
        self.expect_kw("let")?;
        let pat = self.parse_pat()?;
        let ty = if self.eat(":") { Some(self.parse_type()?) } else { None };
        let init = if self.eat("=") { Some(self.parse_expr()?) } else { None };
        let else_ = if init.is_some() && self.eat_kw("else") { Some(self.parse_block()?) } else { None };
        let terminated = self.eat(";") || (self.repl && self.at_eof());
        if !terminated {
            self.missing_semi()?;
        }
        Ok(Stmt { kind: StmtKind::Let { pat, ty, init, else_ }, span: self.span_from(lo) })
    }

    fn at_blocklike_start(&self) -> bool {
        match &self.tok().tok {
            Tok::Ident(s) => match s.as_str() {
                "if" | "match" | "loop" | "while" | "for" => true,
                "unsafe" | "const" => self.peek(1).is_punct("{"),
                _ => false,
            },
            Tok::Punct("{") => true,
            Tok::Lifetime(_) => self.peek(1).is_punct(":"),
            _ => false,
        }
    }

    /// An expression in statement position (or a match arm body), and whether it is
    /// block-like (ends without `;` or `,`).
    pub(crate) fn parse_stmt_expr(&mut self) -> PResult<(Expr, bool)> {
        if self.at_blocklike_start() {
            // Not `parse_prefix`: `{ } (a, b)` is a block then a tuple, not a call.
            self.enter()?;
            let e = self.parse_primary(Restrict::default());
            self.leave();
            let e = e?;
            if self.at(".") || self.at("?") {
                let e = self.parse_postfix(e)?;
                let e = self.parse_infix(e, 0, Restrict::default())?;
                return Ok((e, false));
            }
            return Ok((e, true));
        }
        let e = self.parse_expr()?;
        let brace_macro = matches!(e.kind, ExprKind::Macro(_)) && self.src.as_bytes().get((e.span.hi as usize).wrapping_sub(1)) == Some(&b'}');
        Ok((e, brace_macro))
    }

    /// Whether an item starts here (after attributes).
    pub(crate) fn at_item_start(&self) -> bool {
        if self.at_effect_item() || self.at_handler_item() {
            return true;
        }
        let next = self.peek(1);
        let Tok::Ident(s) = &self.tok().tok else { return false };
        match s.as_str() {
            "fn" | "struct" | "enum" | "impl" | "trait" | "type" | "use" | "mod" | "extern" | "pub" => true,
            "static" => !(next.is_punct("|") || next.is_punct("||") || next.is_kw("move")),
            "const" => !(next.is_punct("{") || next.is_punct("|") || next.is_punct("||") || next.is_kw("move")),
            "unsafe" => next.is_kw("fn") || next.is_kw("impl") || next.is_kw("trait") || next.is_kw("extern"),
            "async" => next.is_kw("fn") || next.is_kw("unsafe"),
            "macro_rules" => next.is_punct("!"),
            "union" => matches!(next.tok, Tok::Ident(_)) && !crate::syntax::token::is_reserved(match &next.tok {
                Tok::Ident(n) => n,
                _ => "",
            }),
            _ => false,
        }
    }
}
