//! Expressions: a Pratt parser with Rust's precedence and associativity.
//!
//! Binding powers, loosest first: assignment (right-assoc) 1, ranges 2, `||` 3, `&&` 4,
//! comparisons 5 (non-associative), `|` 6, `^` 7, `&` 8, shifts 9, `+ -` 10, `* / %` 11,
//! `as` 12, then prefix operators, then postfix (`.`, calls, indexing, `?`).

use super::types::PathStyle;
use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::syntax::token::Tok;

/// Context restrictions, as rustc has them.
#[derive(Clone, Copy, Default)]
pub(crate) struct Restrict {
    /// In the head of `if`/`while`/`match`/`for`: `Path {` is not a struct literal.
    pub no_struct: bool,
    /// In an `if`/`while` condition: `let` expressions are allowed.
    pub allow_let: bool,
}

const COND: Restrict = Restrict { no_struct: true, allow_let: true };
const HEAD: Restrict = Restrict { no_struct: true, allow_let: false };

#[derive(Clone, Copy)]
enum Infix {
    Assign,
    AssignOp(BinOp),
    Range(bool),
    Bin(BinOp),
    Cast,
}

/// The binding power of the let-scrutinee (`let p = e && ...`): above `&&`.
const LET_SCRUTINEE_BP: u8 = 5;

impl Parser<'_> {
    pub(crate) fn parse_expr(&mut self) -> PResult<Expr> {
        self.parse_expr_bp(0, Restrict::default())
    }

    /// A prefix-level expression (operand of a unary operator, const generic default).
    pub(crate) fn parse_unary_expr(&mut self) -> PResult<Expr> {
        self.parse_prefix(Restrict::default())
    }

    pub(crate) fn mk(&mut self, kind: ExprKind, span: Span) -> Expr {
        let id = self.new_id();
        Expr { kind, span, id }
    }

    pub(crate) fn parse_expr_bp(&mut self, min_bp: u8, r: Restrict) -> PResult<Expr> {
        self.enter()?;
        let lhs = self.parse_prefix(r);
        let res = match lhs {
            Ok(lhs) => self.parse_infix(lhs, min_bp, r),
            Err(e) => Err(e),
        };
        self.leave();
        res
    }

    fn infix_op(&self) -> Option<(Infix, u8)> {
        use BinOp::*;
        let t = self.tok();
        if t.is_kw("as") {
            return Some((Infix::Cast, 12));
        }
        let Tok::Punct(p) = &t.tok else { return None };
        Some(match *p {
            "=" => (Infix::Assign, 1),
            "+=" => (Infix::AssignOp(Add), 1),
            "-=" => (Infix::AssignOp(Sub), 1),
            "*=" => (Infix::AssignOp(Mul), 1),
            "/=" => (Infix::AssignOp(Div), 1),
            "%=" => (Infix::AssignOp(Rem), 1),
            "^=" => (Infix::AssignOp(BitXor), 1),
            "&=" => (Infix::AssignOp(BitAnd), 1),
            "|=" => (Infix::AssignOp(BitOr), 1),
            "<<=" => (Infix::AssignOp(Shl), 1),
            ">>=" => (Infix::AssignOp(Shr), 1),
            ".." => (Infix::Range(false), 2),
            "..=" => (Infix::Range(true), 2),
            "||" => (Infix::Bin(Or), 3),
            "&&" => (Infix::Bin(And), 4),
            "==" => (Infix::Bin(Eq), 5),
            "!=" => (Infix::Bin(Ne), 5),
            "<" => (Infix::Bin(Lt), 5),
            ">" => (Infix::Bin(Gt), 5),
            "<=" => (Infix::Bin(Le), 5),
            ">=" => (Infix::Bin(Ge), 5),
            "|" => (Infix::Bin(BitOr), 6),
            "^" => (Infix::Bin(BitXor), 7),
            "&" => (Infix::Bin(BitAnd), 8),
            "<<" => (Infix::Bin(Shl), 9),
            ">>" => (Infix::Bin(Shr), 9),
            "+" => (Infix::Bin(Add), 10),
            "-" => (Infix::Bin(Sub), 10),
            "*" => (Infix::Bin(Mul), 11),
            "/" => (Infix::Bin(Div), 11),
            "%" => (Infix::Bin(Rem), 11),
            _ => return None,
        })
    }

    /// Continue an expression with infix operators binding at least `min_bp`.
    pub(crate) fn parse_infix(&mut self, mut lhs: Expr, min_bp: u8, r: Restrict) -> PResult<Expr> {
        let mut entered = 0u32;
        let res = loop {
            let Some((op, bp)) = self.infix_op() else { break Ok(lhs) };
            if bp < min_bp {
                break Ok(lhs);
            }
            // Each operator adds a level to the tree: count it against the nesting limit.
            if let Err(e) = self.enter() {
                break Err(e);
            }
            entered += 1;
            let lo = lhs.span;
            let op_span = self.span();
            match self.parse_infix_rhs(lhs, op, bp, r, op_span) {
                Ok(kind) => {
                    let span = self.span_from(lo);
                    lhs = self.mk(kind, span);
                }
                Err(e) => break Err(e),
            }
        };
        for _ in 0..entered {
            self.leave();
        }
        res
    }

    fn parse_infix_rhs(&mut self, lhs: Expr, op: Infix, bp: u8, r: Restrict, op_span: Span) -> PResult<ExprKind> {
        let r_no_let = Restrict { allow_let: r.allow_let && matches!(op, Infix::Bin(BinOp::And)), ..r };
        self.skip();
        Ok(match op {
            Infix::Assign => ExprKind::Assign(Box::new(lhs), Box::new(self.parse_expr_bp(1, r_no_let)?)),
            Infix::AssignOp(o) => ExprKind::AssignOp(o, Box::new(lhs), Box::new(self.parse_expr_bp(1, r_no_let)?)),
            Infix::Range(inclusive) => {
                let end = if self.can_begin_expr(r) { Some(Box::new(self.parse_expr_bp(3, r_no_let)?)) } else { None };
                if inclusive && end.is_none() {
                    return Err(self.err_at(op_span, "inclusive range with no end", "`..=` needs an end", "use `..` instead, or give the range an end"));
                }
                ExprKind::Range { start: Some(Box::new(lhs)), end, inclusive }
            }
            Infix::Bin(o) => {
                if o.is_comparison() {
                    if let ExprKind::Binary(prev, _, _) = &lhs.kind {
                        if prev.is_comparison() {
                            let help = if *prev == BinOp::Lt {
                                "use `::<...>` instead of `<...>` to give generic arguments, or split the comparison: `a < b && b < c`"
                            } else {
                                "split the comparison into two: `a < b && b < c`"
                            };
                            return Err(self.err_at(op_span, "comparison operators cannot be chained", "second comparison", help));
                        }
                    }
                }
                let rhs = self.parse_expr_bp(bp + 1, r_no_let)?;
                ExprKind::Binary(o, Box::new(lhs), Box::new(rhs))
            }
            Infix::Cast => ExprKind::Cast(Box::new(lhs), self.parse_type_no_bounds()?),
        })
    }

    /// Whether the current token can start an expression (for optional operands: `break`,
    /// `return`, the end of a range).
    pub(crate) fn can_begin_expr(&self, r: Restrict) -> bool {
        match &self.tok().tok {
            Tok::Lit(_) | Tok::Lifetime(_) | Tok::RawIdent(_) => true,
            Tok::Ident(s) => {
                !crate::syntax::token::is_reserved(s)
                    || matches!(
                        s.as_str(),
                        "if" | "match" | "loop" | "while" | "for" | "unsafe" | "async" | "move" | "return" | "break"
                            | "continue" | "true" | "false" | "self" | "Self" | "super" | "crate" | "static" | "_" | "const"
                    )
                    || (s == "let" && r.allow_let)
            }
            Tok::Punct(p) => match *p {
                "(" | "[" | "!" | "-" | "*" | "&" | "&&" | "|" | "||" | ".." | "..=" | "::" | "<" | "#" => true,
                "{" => !r.no_struct,
                _ => false,
            },
            _ => false,
        }
    }

    pub(crate) fn parse_prefix(&mut self, r: Restrict) -> PResult<Expr> {
        self.enter()?;
        let res = self.parse_prefix_inner(r);
        self.leave();
        res
    }

    fn parse_prefix_inner(&mut self, r: Restrict) -> PResult<Expr> {
        // Attributes on an expression (`#[cfg(...)]` on an array element) are dropped.
        self.parse_outer_attrs()?;
        let lo = self.span();
        if self.at("+") {
            let span = self.span();
            return Err(self.err_at(span, "leading `+` is not supported", "unexpected `+`", "remove the `+`"));
        }
        let unop = match &self.tok().tok {
            Tok::Punct("-") => Some(UnOp::Neg),
            Tok::Punct("!") => Some(UnOp::Not),
            Tok::Punct("*") => Some(UnOp::Deref),
            _ => None,
        };
        let r_in = Restrict { allow_let: false, ..r };
        if let Some(op) = unop {
            self.skip();
            let e = self.parse_prefix(r_in)?;
            return Ok(self.mk(ExprKind::Unary(op, Box::new(e)), self.span_from(lo)));
        }
        if self.at_split("&") {
            // `&&x` is split: this `&`, then the next one is parsed as the operand's prefix.
            self.eat_split("&");
            // `&raw const x` / `&raw mut x`: a reference in teras.
            if matches!(&self.tok().tok, Tok::Ident(s) if s == "raw") && (self.peek(1).is_kw("const") || self.peek(1).is_kw("mut")) {
                self.skip();
                self.eat_kw("const");
            }
            let mutable = self.eat_kw("mut");
            let e = self.parse_prefix(r_in)?;
            return Ok(self.mk(ExprKind::Ref { mutable, expr: Box::new(e) }, self.span_from(lo)));
        }
        if self.at("..") || self.at("..=") {
            let inclusive = self.at("..=");
            let op_span = self.bump_span();
            let end = if self.can_begin_expr(r) { Some(Box::new(self.parse_expr_bp(3, r_in)?)) } else { None };
            if inclusive && end.is_none() {
                return Err(self.err_at(op_span, "inclusive range with no end", "`..=` needs an end", "use `..` instead, or give the range an end"));
            }
            return Ok(self.mk(ExprKind::Range { start: None, end, inclusive }, self.span_from(lo)));
        }
        if self.at("|") || self.at("||") || (self.at_kw("move") || self.at_kw("static")) && (self.peek(1).is_punct("|") || self.peek(1).is_punct("||")) {
            return self.parse_closure(r_in);
        }
        if self.at_kw("return") {
            self.skip();
            let value = if self.can_begin_expr(r) { Some(Box::new(self.parse_expr_bp(0, r_in)?)) } else { None };
            return Ok(self.mk(ExprKind::Return(value), self.span_from(lo)));
        }
        if self.at_kw("break") {
            self.skip();
            let label = self.parse_label_use();
            let value = if self.can_begin_expr(r) && !(label.is_none() && matches!(self.tok().tok, Tok::Lifetime(_))) {
                Some(Box::new(self.parse_expr_bp(0, r_in)?))
            } else {
                None
            };
            return Ok(self.mk(ExprKind::Break { label, value }, self.span_from(lo)));
        }
        if self.at_kw("continue") {
            self.skip();
            let label = self.parse_label_use();
            return Ok(self.mk(ExprKind::Continue { label }, self.span_from(lo)));
        }
        let e = self.parse_primary(r)?;
        self.parse_postfix(e)
    }

    fn parse_label_use(&mut self) -> Option<Ident> {
        if let Tok::Lifetime(name) = &self.tok().tok {
            let name = name.clone();
            let span = self.bump_span();
            return Some(Ident { name, span });
        }
        None
    }

    fn parse_closure(&mut self, r: Restrict) -> PResult<Expr> {
        let lo = self.span();
        self.eat_kw("static");
        let is_move = self.eat_kw("move");
        let mut params = Vec::new();
        if !self.eat("||") {
            self.expect("|")?;
            while !self.at_split("|") && !self.at_eof() {
                let pat = self.parse_pat_no_alt()?;
                let ty = if self.eat(":") { Some(self.parse_type()?) } else { None };
                params.push(ClosureParam { pat, ty });
                if !self.eat(",") {
                    break;
                }
            }
            self.expect("|")?;
        }
        let (ret, body) = if self.eat("->") {
            let ty = self.parse_type_no_bounds()?;
            if !self.at("{") {
                return Err(self.expected("`{`"));
            }
            (Some(ty), self.parse_block_expr()?)
        } else {
            (None, self.parse_expr_bp(0, r)?)
        };
        Ok(self.mk(ExprKind::Closure { is_move, params, ret, body: Box::new(body) }, self.span_from(lo)))
    }

    /// Postfix operators: `.field`, `.0`, `.method::<T>(..)`, `.await`, `(..)`, `[..]`, `?`.
    pub(crate) fn parse_postfix(&mut self, mut e: Expr) -> PResult<Expr> {
        let mut entered = 0u32;
        let res = loop {
            if !(self.at("?") || self.at(".") || self.at("(") || self.at("[")) {
                break Ok(e);
            }
            if let Err(f) = self.enter() {
                break Err(f);
            }
            entered += 1;
            match self.parse_postfix_one(e) {
                Ok(next) => e = next,
                Err(f) => break Err(f),
            }
        };
        for _ in 0..entered {
            self.leave();
        }
        res
    }

    fn parse_postfix_one(&mut self, e: Expr) -> PResult<Expr> {
        let lo = e.span;
        if self.eat("?") {
            return Ok(self.mk(ExprKind::Try(Box::new(e)), self.span_from(lo)));
        }
        if self.eat("(") {
            let args = self.parse_comma_exprs(")")?;
            return Ok(self.mk(ExprKind::Call(Box::new(e), args), self.span_from(lo)));
        }
        if self.eat("[") {
            let idx = self.parse_expr()?;
            self.expect("]")?;
            return Ok(self.mk(ExprKind::Index(Box::new(e), Box::new(idx)), self.span_from(lo)));
        }
        self.expect(".")?;
        self.parse_dot_member(e)
    }

    /// After `.`: `await`, a tuple index, a field, or a method call.
    fn parse_dot_member(&mut self, e: Expr) -> PResult<Expr> {
        let lo = e.span;
        if self.at_kw("await") {
            self.skip();
            return Ok(self.mk(ExprKind::Await(Box::new(e)), self.span_from(lo)));
        }
        let t = self.tok().clone();
        match &t.tok {
            Tok::Lit(LitKind::Int(n, None)) => {
                self.skip();
                let Ok(n) = u32::try_from(*n) else {
                    return Err(self.err_at(t.span, "tuple index too large", "invalid index", "tuples have at most a few fields"));
                };
                Ok(self.mk(ExprKind::TupleField(Box::new(e), n, t.span), self.span_from(lo)))
            }
            Tok::Lit(LitKind::Float(text, None)) if text.ends_with('.') && text[..text.len() - 1].bytes().all(|b| b.is_ascii_digit()) => {
                // `x.0.` (then a field or method): the lexer saw the float `0.`.
                self.skip();
                let Ok(n) = text[..text.len() - 1].parse::<u32>() else {
                    return Err(self.err_at(t.span, "tuple index too large", "invalid index", "tuples have at most a few fields"));
                };
                let s1 = Span::new(t.span.lo as usize, t.span.hi as usize - 1);
                let first = self.mk(ExprKind::TupleField(Box::new(e), n, s1), Span::new(lo.lo as usize, s1.hi as usize));
                self.parse_dot_member(first)
            }
            Tok::Lit(LitKind::Float(text, None)) => {
                // `x.0.1` lexes as `x` `.` `0.1`.
                let parts: Vec<&str> = text.split('.').collect();
                let (Some(a), Some(b)) = (parts.first().and_then(|a| a.parse::<u32>().ok()), parts.get(1).and_then(|b| b.parse::<u32>().ok())) else {
                    return Err(self.err_at(t.span, format!("unexpected token: `{text}`"), "not a tuple index", "write tuple indices as `x.0.1`"));
                };
                self.skip();
                let alen = parts[0].len();
                let s1 = Span::new(t.span.lo as usize, t.span.lo as usize + alen);
                let s2 = Span::new(t.span.lo as usize + alen + 1, t.span.hi as usize);
                let first = self.mk(ExprKind::TupleField(Box::new(e), a, s1), Span::new(lo.lo as usize, s1.hi as usize));
                Ok(self.mk(ExprKind::TupleField(Box::new(first), b, s2), self.span_from(lo)))
            }
            Tok::Lit(LitKind::Int(..) | LitKind::Float(..)) => {
                Err(self.err_at(t.span, "suffixes on a tuple index are invalid", "invalid suffix", "write the index without a suffix: `x.0`"))
            }
            _ if !self.at_ident() => {
                let found = self.found();
                Err(self.err_at(t.span, format!("unexpected token: {found}"), "expected a field or method name", "write a field name, tuple index, method call or `.await` after `.`"))
            }
            _ => {
                let method = self.ident()?;
                let mut turbofish = None;
                if self.at("::") {
                    self.skip();
                    turbofish = Some(self.parse_generic_args()?.0);
                    if !self.at("(") {
                        return Err(self.expected("`(`"));
                    }
                }
                if self.eat("(") {
                    let args = self.parse_comma_exprs(")")?;
                    return Ok(self.mk(ExprKind::MethodCall { receiver: Box::new(e), method, turbofish, args }, self.span_from(lo)));
                }
                Ok(self.mk(ExprKind::Field(Box::new(e), method), self.span_from(lo)))
            }
        }
    }

    /// Comma-separated expressions up to `close` (consumed), trailing comma allowed.
    pub(crate) fn parse_comma_exprs(&mut self, close: &str) -> PResult<Vec<Expr>> {
        self.parse_list(close, |p| p.parse_expr())
    }

    pub(crate) fn parse_primary(&mut self, r: Restrict) -> PResult<Expr> {
        let lo = self.span();
        let t = self.tok().clone();
        match &t.tok {
            Tok::Lit(k) => {
                self.skip();
                return Ok(self.mk(ExprKind::Lit(Lit { kind: k.clone(), span: t.span }), t.span));
            }
            Tok::Lifetime(name) => {
                let label = Ident { name: name.clone(), span: t.span };
                self.skip();
                self.expect(":")?;
                return self.parse_labeled(label, lo);
            }
            Tok::Punct("(") => {
                self.skip();
                let mut elems = Vec::new();
                let mut trailing = false;
                while !self.at(")") && !self.at_eof() {
                    elems.push(self.parse_expr()?);
                    trailing = self.eat(",");
                    if !trailing {
                        break;
                    }
                }
                self.expect_close(")")?;
                let kind = if elems.len() == 1 && !trailing {
                    ExprKind::Paren(Box::new(elems.pop().ok_or(Fail)?))
                } else {
                    ExprKind::Tuple(elems)
                };
                return Ok(self.mk(kind, self.span_from(lo)));
            }
            Tok::Punct("[") => {
                self.skip();
                if self.eat("]") {
                    return Ok(self.mk(ExprKind::Array(Vec::new()), self.span_from(lo)));
                }
                let first = self.parse_expr()?;
                if self.eat(";") {
                    let n = self.parse_expr()?;
                    self.expect("]")?;
                    return Ok(self.mk(ExprKind::ArrayRepeat(Box::new(first), Box::new(n)), self.span_from(lo)));
                }
                let mut elems = vec![first];
                if self.eat(",") {
                    elems.extend(self.parse_comma_exprs("]")?);
                } else {
                    self.expect("]")?;
                }
                return Ok(self.mk(ExprKind::Array(elems), self.span_from(lo)));
            }
            Tok::Punct("{") => return self.parse_block_expr(),
            Tok::Ident(s) => match s.as_str() {
                "true" | "false" => {
                    self.skip();
                    return Ok(self.mk(ExprKind::Lit(Lit { kind: LitKind::Bool(s == "true"), span: t.span }), t.span));
                }
                "if" => return self.parse_if(),
                "match" => return self.parse_match(),
                "handle" if self.at_handle_expr() => return self.parse_handle(),
                "loop" | "while" | "for" => return self.parse_loop(None, lo),
                "const" if self.peek(1).is_punct("{") => {
                    self.skip();
                    return self.parse_block_expr();
                }
                "unsafe" if self.peek(1).is_punct("{") => {
                    self.skip();
                    let mut b = self.parse_block()?;
                    b.is_unsafe = true;
                    return Ok(self.mk(ExprKind::Block(b), self.span_from(lo)));
                }
                "async" => {
                    self.skip();
                    let is_move = self.eat_kw("move");
                    if self.at("|") || self.at("||") {
                        return self.parse_closure(r);
                    }
                    let body = self.parse_block()?;
                    return Ok(self.mk(ExprKind::Async { is_move, body }, self.span_from(lo)));
                }
                "let" => {
                    if !r.allow_let {
                        return Err(self.err_at(
                            t.span,
                            "expected expression, found `let` statement",
                            "`let` is not allowed here",
                            "`let` expressions are only supported directly in `if` and `while` conditions",
                        ));
                    }
                    self.skip();
                    let pat = self.parse_pat()?;
                    self.expect("=")?;
                    let scrut = self.parse_expr_bp(LET_SCRUTINEE_BP, Restrict { allow_let: false, ..r })?;
                    return Ok(self.mk(ExprKind::Let(Box::new(pat), Box::new(scrut)), self.span_from(lo)));
                }
                "_" => {
                    self.skip();
                    let path = Path { segments: vec![PathSegment { ident: Ident { name: "_".into(), span: t.span }, generics: None }], global: false, span: t.span, qself: None };
                    return Ok(self.mk(ExprKind::Path(path), t.span));
                }
                _ => {}
            },
            _ => {}
        }
        if !self.at_path_start() && !self.at("<") && !self.at("<<") {
            return Err(self.expected("expression"));
        }
        let path = self.parse_path(PathStyle::Expr)?;
        if self.at("!") && (self.peek(1).is_punct("(") || self.peek(1).is_punct("[") || self.peek(1).is_punct("{")) {
            let m = self.parse_macro(path, lo)?;
            return Ok(self.mk(ExprKind::Macro(m), self.span_from(lo)));
        }
        if self.at("{") && !r.no_struct {
            return self.parse_struct_lit(path, lo);
        }
        let span = path.span;
        Ok(self.mk(ExprKind::Path(path), span))
    }

    fn parse_struct_lit(&mut self, path: Path, lo: Span) -> PResult<Expr> {
        /// One element of a struct literal: a field, or the `..base` at the end.
        enum Elem {
            Field(FieldInit),
            Base(Option<Expr>),
        }
        self.expect("{")?;
        let elems = self.parse_list("}", |p| {
            p.parse_outer_attrs()?;
            if p.eat("..") {
                return Ok(Elem::Base(if p.at("}") { None } else { Some(p.parse_expr()?) }));
            }
            let flo = p.span();
            let name = match &p.tok().tok {
                Tok::Lit(LitKind::Int(n, None)) => {
                    let name = n.to_string();
                    Ident { name, span: p.bump_span() }
                }
                _ => p.ident()?,
            };
            let expr = if p.eat(":") {
                p.parse_expr()?
            } else {
                let path = Path { segments: vec![PathSegment { ident: name.clone(), generics: None }], global: false, span: name.span, qself: None };
                p.mk(ExprKind::Path(path), name.span)
            };
            Ok(Elem::Field(FieldInit { name, expr, span: p.span_from(flo) }))
        })?;
        let mut fields = Vec::new();
        let mut base = None;
        for e in elems {
            match e {
                Elem::Field(f) => fields.push(f),
                Elem::Base(b) => base = b.map(Box::new),
            }
        }
        Ok(self.mk(ExprKind::Struct { path, fields, base }, self.span_from(lo)))
    }

    fn parse_labeled(&mut self, label: Ident, lo: Span) -> PResult<Expr> {
        if self.at_kw("loop") || self.at_kw("while") || self.at_kw("for") {
            return self.parse_loop(Some(label), lo);
        }
        if self.at("{") {
            let body = self.parse_block()?;
            return Ok(self.mk(ExprKind::LabeledBlock { label, body }, self.span_from(lo)));
        }
        Err(self.expected("`loop`, `while`, `for` or a block after the label"))
    }

    fn parse_loop(&mut self, label: Option<Ident>, lo: Span) -> PResult<Expr> {
        if self.eat_kw("loop") {
            let body = self.parse_block()?;
            return Ok(self.mk(ExprKind::Loop { label, body }, self.span_from(lo)));
        }
        if self.eat_kw("while") {
            let cond = self.parse_expr_bp(0, COND)?;
            let body = self.parse_block()?;
            return Ok(self.mk(ExprKind::While { label, cond: Box::new(cond), body }, self.span_from(lo)));
        }
        self.expect_kw("for")?;
        let pat = self.parse_pat()?;
        if !self.at_kw("in") {
            let span = self.span();
            return Err(self.err_at(span, "missing `in` in `for` loop", "expected `in`", "write `for pattern in iterator { ... }`"));
        }
        self.skip();
        let iter = self.parse_expr_bp(0, HEAD)?;
        let body = self.parse_block()?;
        Ok(self.mk(ExprKind::For { label, pat: Box::new(pat), iter: Box::new(iter), body }, self.span_from(lo)))
    }

    fn parse_if(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_if_inner();
        self.leave();
        r
    }

    fn parse_if_inner(&mut self) -> PResult<Expr> {
        let lo = self.span();
        self.expect_kw("if")?;
        let cond = self.parse_expr_bp(0, COND)?;
        if matches!(cond.kind, ExprKind::Block(_)) && !self.at("{") {
            return Err(self.err_at(lo, "missing condition for `if` expression", "expected condition here", "write the condition between `if` and the block"));
        }
        if !self.at("{") {
            let span = self.span();
            return Err(self.err_at(span, format!("expected `{{`, found {}", self.found()), "expected a block after the condition", "write the body in braces: `if cond { ... }`"));
        }
        let then = self.parse_block()?;
        let else_ = if self.eat_kw("else") {
            if self.at_kw("if") {
                Some(Box::new(self.parse_if()?))
            } else if self.at("{") {
                Some(Box::new(self.parse_block_expr()?))
            } else {
                let span = self.span();
                return Err(self.err_at(span, format!("expected `{{`, found {}", self.found()), "expected `{` or `if` after `else`", "write the else branch in braces: `else { ... }`"));
            }
        } else {
            None
        };
        Ok(self.mk(ExprKind::If { cond: Box::new(cond), then, else_ }, self.span_from(lo)))
    }

    fn parse_match(&mut self) -> PResult<Expr> {
        let lo = self.span();
        self.expect_kw("match")?;
        let scrutinee = self.parse_expr_bp(0, HEAD)?;
        if !self.at("{") {
            return Err(self.expected("`{` after the match scrutinee"));
        }
        let open = self.pos;
        self.skip();
        self.parse_inner_attrs()?;
        let mut arms = Vec::new();
        while !self.at("}") && !self.at_eof() {
            let before = self.pos;
            let saved = self.depth;
            match self.parse_arm() {
                Ok(arm) => arms.push(arm),
                Err(_) => {
                    self.depth = saved;
                    self.recover_arm(open);
                }
            }
            if self.pos == before {
                self.skip();
            }
        }
        self.expect("}")?;
        Ok(self.mk(ExprKind::Match { scrutinee: Box::new(scrutinee), arms }, self.span_from(lo)))
    }

    /// One arm, with its comma (a missing comma is reported, and the arm kept).
    fn parse_arm(&mut self) -> PResult<Arm> {
        self.parse_outer_attrs()?;
        let lo = self.span();
        let pat = self.parse_pat()?;
        let guard = if self.eat_kw("if") { Some(self.parse_expr()?) } else { None };
        if !self.at("=>") {
            let span = self.span();
            return Err(self.err_at(span, format!("expected `=>`, found {}", self.found()), "expected `=>`", "write arms as `pattern => expression,`"));
        }
        self.skip();
        let (body, blocklike) = self.parse_stmt_expr()?;
        let arm = Arm { pat, guard, body, span: self.span_from(lo) };
        if self.eat(",") || self.at("}") || blocklike {
            return Ok(arm);
        }
        let span = Span::new(self.prev_hi, self.prev_hi);
        self.error(
            crate::diag::Diagnostic::error(format!("expected `,` following `match` arm, found {}", self.found()), span, "missing `,`")
                .with_help("add `,` after the arm's expression"),
        );
        Ok(arm)
    }

    /// Skip a broken arm: to after the next `,` at the match's level, or to its `}`.
    fn recover_arm(&mut self, open: usize) {
        self.recover(Some(open), |p| p.at(","));
        self.eat(",");
    }
}
