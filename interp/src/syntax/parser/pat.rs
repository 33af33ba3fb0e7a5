//! Patterns: the full pattern language of `let`, `match`, `if let`, parameters and closures.

use super::types::PathStyle;
use super::{PResult, Parser};
use crate::ast::*;
use crate::syntax::token::Tok;

impl Parser<'_> {
    /// A top-level pattern: or-patterns with an optional leading `|`.
    pub(crate) fn parse_pat(&mut self) -> PResult<Pat> {
        let lo = self.span();
        self.eat("|");
        let first = self.parse_pat_no_alt()?;
        if !self.at("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat("|") {
            alts.push(self.parse_pat_no_alt()?);
        }
        Ok(Pat { kind: PatKind::Or(alts), span: self.span_from(lo) })
    }

    /// A pattern without top-level `|` (closure parameters, `@` sub-patterns, elements).
    pub(crate) fn parse_pat_no_alt(&mut self) -> PResult<Pat> {
        self.enter()?;
        let r = self.parse_pat_inner();
        self.leave();
        r
    }

    fn parse_pat_inner(&mut self) -> PResult<Pat> {
        let lo = self.span();
        let kind = if self.at_kw("_") {
            self.skip();
            PatKind::Wild
        } else if self.at("..=") || self.at("...") {
            self.skip();
            let hi = self.parse_range_bound()?;
            PatKind::Range { lo: None, hi: Some(Box::new(hi)), inclusive: true }
        } else if self.at("..") {
            self.skip();
            PatKind::Rest
        } else if self.at_split("&") {
            // `&&p` is split: the second `&` starts the inner pattern.
            self.eat_split("&");
            let mutable = self.eat_kw("mut");
            PatKind::Ref { mutable, pat: Box::new(self.parse_pat_no_alt()?) }
        } else if self.at("(") {
            self.skip();
            let (elems, trailing) = self.parse_pat_list(")")?;
            if elems.len() == 1 && !trailing && !matches!(elems[0].kind, PatKind::Rest) {
                let mut p = elems.into_iter().next().ok_or(super::Fail)?;
                p.span = self.span_from(lo);
                return Ok(p);
            }
            PatKind::Tuple(elems)
        } else if self.at("[") {
            self.skip();
            PatKind::Slice(self.parse_pat_list("]")?.0)
        } else if self.at_kw("ref") || self.at_kw("mut") {
            let by_ref = self.eat_kw("ref");
            let mutable = self.eat_kw("mut");
            let name = self.ident()?;
            let sub = if self.eat("@") { Some(Box::new(self.parse_pat_no_alt()?)) } else { None };
            PatKind::Ident { by_ref, mutable, name, sub }
        } else if self.at("-") || matches!(self.tok().tok, Tok::Lit(_)) || self.at_kw("true") || self.at_kw("false") {
            let e = self.parse_lit_expr()?;
            return self.maybe_range_pat(lo, e);
        } else if self.at_kw("box") {
            let span = self.span();
            return Err(self.err_at(span, "box patterns are not supported", "`box` pattern", "match on the value itself: `Box` is transparent in teras"));
        } else if self.at_path_start() {
            let path = self.parse_path(PathStyle::Expr)?;
            if self.at("!") {
                let span = self.span();
                return Err(self.err_at(span, "macros in patterns are not supported", "macro call", "write the pattern out"));
            }
            if self.at("(") {
                self.skip();
                let elems = self.parse_pat_list(")")?.0;
                PatKind::TupleStruct { path, elems }
            } else if self.at("{") {
                self.skip();
                let (fields, rest) = self.parse_field_pats()?;
                PatKind::Struct { path, fields, rest }
            } else if self.at("..=") || self.at("...") || self.at("..") {
                let id = self.new_id();
                let e = Expr { span: path.span, kind: ExprKind::Path(path), id };
                return self.maybe_range_pat(lo, e);
            } else if let (Some(_), true) = (path.as_ident(), path.segments.len() == 1) {
                let seg = path.segments.into_iter().next().ok_or(super::Fail)?;
                let name = seg.ident;
                if matches!(name.name.as_str(), "self" | "Self" | "super" | "crate") && name.name != "self" {
                    PatKind::Path(Path { segments: vec![PathSegment { ident: name, generics: None }], global: false, span: lo, qself: None })
                } else {
                    let sub = if self.eat("@") { Some(Box::new(self.parse_pat_no_alt()?)) } else { None };
                    PatKind::Ident { by_ref: false, mutable: false, name, sub }
                }
            } else {
                PatKind::Path(path)
            }
        } else {
            return Err(self.expected("pattern"));
        };
        Ok(Pat { kind, span: self.span_from(lo) })
    }

    /// After a literal or path: `lo..=hi`, `lo..hi`, `lo..`, or just the literal.
    fn maybe_range_pat(&mut self, lo: Span, e: Expr) -> PResult<Pat> {
        let inclusive = self.at("..=") || self.at("...");
        if inclusive || self.at("..") {
            self.skip();
            let hi = if self.at("-") || matches!(self.tok().tok, Tok::Lit(_)) || self.at_path_start() {
                Some(Box::new(self.parse_range_bound()?))
            } else if inclusive {
                return Err(self.expected("range end"));
            } else {
                None
            };
            return Ok(Pat { kind: PatKind::Range { lo: Some(Box::new(e)), hi, inclusive }, span: self.span_from(lo) });
        }
        if let ExprKind::Path(p) = e.kind {
            return Ok(Pat { kind: PatKind::Path(p), span: self.span_from(lo) });
        }
        Ok(Pat { kind: PatKind::Lit(Box::new(e)), span: self.span_from(lo) })
    }

    /// A range pattern bound: a (possibly negative) literal or a path.
    fn parse_range_bound(&mut self) -> PResult<Expr> {
        if self.at_path_start() {
            let path = self.parse_path(PathStyle::Expr)?;
            let id = self.new_id();
            return Ok(Expr { span: path.span, kind: ExprKind::Path(path), id });
        }
        self.parse_lit_expr()
    }

    /// A literal expression, possibly negated: `1`, `-1`, `'a'`, `"s"`, `true`.
    pub(crate) fn parse_lit_expr(&mut self) -> PResult<Expr> {
        let lo = self.span();
        if self.eat("-") {
            let inner = self.parse_lit_expr()?;
            if !matches!(inner.kind, ExprKind::Lit(_)) {
                return Err(self.expected("literal"));
            }
            let id = self.new_id();
            return Ok(Expr { kind: ExprKind::Unary(UnOp::Neg, Box::new(inner)), span: self.span_from(lo), id });
        }
        let kind = match &self.tok().tok {
            Tok::Lit(k) => k.clone(),
            Tok::Ident(s) if s == "true" => LitKind::Bool(true),
            Tok::Ident(s) if s == "false" => LitKind::Bool(false),
            _ => return Err(self.expected("literal")),
        };
        let span = self.bump_span();
        let id = self.new_id();
        Ok(Expr { kind: ExprKind::Lit(Lit { kind, span }), span, id })
    }

    /// Comma-separated patterns up to `close` (consumed); whether a trailing comma was seen.
    fn parse_pat_list(&mut self, close: &str) -> PResult<(Vec<Pat>, bool)> {
        let mut elems = Vec::new();
        let mut trailing = false;
        while !self.at(close) && !self.at_eof() {
            elems.push(self.parse_pat()?);
            trailing = self.eat(",");
            if !trailing {
                break;
            }
        }
        self.expect_close(close)?;
        Ok((elems, trailing))
    }

    /// `{ a, b: pat, ref mut c, .. }` after the `{`; the `}` is consumed.
    fn parse_field_pats(&mut self) -> PResult<(Vec<FieldPat>, bool)> {
        let mut fields = Vec::new();
        let mut rest = false;
        while !self.at("}") && !self.at_eof() {
            self.parse_outer_attrs()?;
            if self.eat("..") {
                rest = true;
                break;
            }
            let lo = self.span();
            if self.at_kw("ref") || self.at_kw("mut") {
                let by_ref = self.eat_kw("ref");
                let mutable = self.eat_kw("mut");
                let name = self.ident()?;
                let pat = Pat { kind: PatKind::Ident { by_ref, mutable, name: name.clone(), sub: None }, span: self.span_from(lo) };
                fields.push(FieldPat { name, pat });
            } else {
                let name = match &self.tok().tok {
                    Tok::Lit(LitKind::Int(n, None)) => {
                        let name = n.to_string();
                        Ident { name, span: self.bump_span() }
                    }
                    _ => self.ident()?,
                };
                if self.eat(":") {
                    let pat = self.parse_pat()?;
                    fields.push(FieldPat { name, pat });
                } else {
                    let pat = Pat { kind: PatKind::Ident { by_ref: false, mutable: false, name: name.clone(), sub: None }, span: name.span };
                    fields.push(FieldPat { name, pat });
                }
            }
            if !self.eat(",") {
                break;
            }
        }
        self.expect_close("}")?;
        Ok((fields, rest))
    }
}
