//! Macro calls: the std macros' arguments parsed into `MacroArgs` (see its doc in `ast`).

use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::diag::Diagnostic;
use crate::syntax::token::Tok;

/// Macros whose arguments are a format string and its arguments.
const FORMAT_MACROS: &[&str] = &[
    "println", "print", "eprintln", "eprint", "format", "panic", "write", "writeln", "unreachable", "todo",
    "unimplemented", "format_args",
];

/// The assert family: how many expressions come before the optional format string.
fn assert_leading(name: &str) -> Option<usize> {
    match name {
        "assert" | "debug_assert" => Some(1),
        "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" => Some(2),
        _ => None,
    }
}

impl Parser<'_> {
    /// At `!` after the macro's path.
    pub(crate) fn parse_macro(&mut self, path: Path, lo: Span) -> PResult<MacroCall> {
        self.expect("!")?;
        let name = path.last().ident.clone();
        let open = self.pos;
        let close_tok = match &self.tok().tok {
            Tok::Punct("(") => ")",
            Tok::Punct("[") => "]",
            Tok::Punct("{") => "}",
            _ => return Err(self.expected("`(`, `[` or `{`")),
        };
        let close = self.close_of(open);
        self.skip();
        let n = name.name.as_str();
        let args = if FORMAT_MACROS.contains(&n) || assert_leading(n).is_some() {
            self.parse_format_args(n, close_tok)?
        } else if n == "vec" {
            self.parse_vec_args(close_tok)?
        } else if n == "select" && self.at_select_fut() {
            self.parse_select_fut(close_tok)?
        } else if n == "select" {
            self.parse_select_args(close_tok)?
        } else if n == "matches" {
            let expr = self.parse_expr()?;
            self.expect(",")?;
            let pat = self.parse_pat()?;
            let guard = if self.eat_kw("if") { Some(Box::new(self.parse_expr()?)) } else { None };
            self.eat(",");
            MacroArgs::Matches { expr: Box::new(expr), pat: Box::new(pat), guard }
        } else {
            // dbg! and unknown macros: comma-separated expressions, if they are expressions.
            let mark = self.diags.len();
            let bailed = self.bailed;
            match self.parse_macro_exprs(close_tok) {
                Ok(v) if self.diags.len() == mark && self.pos == close => MacroArgs::Exprs(v),
                _ if self.bailed && !bailed => return Err(Fail),
                _ => {
                    self.diags.truncate(mark);
                    let span = self.span_from(lo);
                    self.error(
                        Diagnostic::error(format!("unknown macro `{n}!`"), Span::new(lo.lo as usize, name.span.hi as usize + 1), "macro not supported")
                            .with_help("teras supports the std macros println!, print!, eprintln!, eprint!, format!, write!, writeln!, vec!, assert!, assert_eq!, assert_ne!, panic!, unreachable!, todo!, unimplemented!, matches! and dbg!")
                            .with_secondary(span, "its arguments are not expressions"),
                    );
                    self.pos = close;
                    MacroArgs::Exprs(Vec::new())
                }
            }
        };
        if self.pos != close {
            let found = self.found();
            let span = self.span();
            self.error(
                Diagnostic::error(format!("unexpected {found} in `{n}!` arguments"), span, format!("expected `,` or `{close_tok}`"))
                    .with_help("separate macro arguments with `,`"),
            );
            self.pos = close;
        }
        self.expect(close_tok)?;
        Ok(MacroCall { name, args, span: self.span_from(lo) })
    }

    /// `select!`'s arms: `recv(r) -> pat => body`, `send(s, v) -> pat => body`, `default => body`,
    /// `default(timeout) => body`, separated by `,` (optional after a block body).
    fn parse_select_args(&mut self, close: &str) -> PResult<MacroArgs> {
        let mut arms = Vec::new();
        while !self.at(close) && !self.at_eof() {
            let lo = self.span();
            let kw = self.ident()?;
            let op = match kw.name.as_str() {
                "recv" => {
                    self.expect("(")?;
                    let r = self.parse_expr()?;
                    self.eat(",");
                    self.expect(")")?;
                    SelectOp::Recv(r)
                }
                "send" => {
                    self.expect("(")?;
                    let s = self.parse_expr()?;
                    self.expect(",")?;
                    let v = self.parse_expr()?;
                    self.eat(",");
                    self.expect(")")?;
                    SelectOp::Send(s, v)
                }
                "default" => {
                    if self.eat("(") {
                        let t = self.parse_expr()?;
                        self.eat(",");
                        self.expect(")")?;
                        SelectOp::Default(Some(t))
                    } else {
                        SelectOp::Default(None)
                    }
                }
                other => {
                    return Err(self.err_at(
                        kw.span,
                        format!("expected `recv`, `send` or `default` in `select!`, found `{other}`"),
                        "unknown select operation",
                        "write arms as `recv(r) -> msg => ...`, `send(s, value) -> res => ...` or `default => ...`",
                    ))
                }
            };
            let pat = if self.eat("->") { Some(self.parse_pat()?) } else { None };
            if matches!(op, SelectOp::Recv(_) | SelectOp::Send(..)) && pat.is_none() {
                let span = self.span();
                return Err(self.err_at(span, "expected `->` after a select operation", "expected `->`", "name the operation's result: `recv(r) -> msg => ...`"));
            }
            self.expect("=>")?;
            let (body, blocklike) = self.parse_stmt_expr()?;
            arms.push(SelectArm { op, pat, body, span: self.span_from(lo) });
            if !self.eat(",") && !blocklike {
                break;
            }
        }
        Ok(MacroArgs::Select(arms))
    }

    fn parse_macro_exprs(&mut self, close: &str) -> PResult<Vec<Expr>> {
        let mut v = Vec::new();
        while !self.at(close) && !self.at_eof() {
            v.push(self.parse_expr()?);
            if !self.eat(",") {
                break;
            }
        }
        Ok(v)
    }

    fn parse_vec_args(&mut self, close: &str) -> PResult<MacroArgs> {
        if self.at(close) {
            return Ok(MacroArgs::Exprs(Vec::new()));
        }
        let first = self.parse_expr()?;
        if self.eat(";") {
            let n = self.parse_expr()?;
            return Ok(MacroArgs::Repeat(Box::new(first), Box::new(n)));
        }
        let mut v = vec![first];
        if self.eat(",") {
            v.extend(self.parse_macro_exprs(close)?);
        }
        Ok(MacroArgs::Exprs(v))
    }

    fn parse_format_args(&mut self, name: &str, close: &str) -> PResult<MacroArgs> {
        let mut target = None;
        let mut leading = Vec::new();
        if name == "write" || name == "writeln" {
            target = Some(Box::new(self.parse_expr()?));
            if !self.eat(",") {
                return Ok(MacroArgs::Format { target, leading, fmt: None, args: Vec::new() });
            }
        }
        if let Some(n) = assert_leading(name) {
            for i in 0..n {
                leading.push(self.parse_expr()?);
                if !self.eat(",") {
                    if i + 1 < n {
                        return Err(self.expected("`,`"));
                    }
                    break;
                }
            }
            if self.at(close) {
                return Ok(MacroArgs::Exprs(leading));
            }
        }
        if self.at(close) {
            return Ok(MacroArgs::Format { target, leading, fmt: None, args: Vec::new() });
        }
        let fmt = match &self.tok().tok {
            Tok::Lit(LitKind::Str(s)) => {
                let lit = Lit { kind: LitKind::Str(s.clone()), span: self.span() };
                self.skip();
                lit
            }
            _ => {
                let e = self.parse_expr()?;
                return Err(self.err_at(
                    e.span,
                    "format argument must be a string literal",
                    "not a string literal",
                    "you might be missing a string literal to format with: `\"{}\", expr`",
                ));
            }
        };
        let mut args = Vec::new();
        while self.eat(",") {
            if self.at(close) {
                break;
            }
            let named = self.at_ident() && self.peek(1).is_punct("=");
            let name = if named {
                let id = self.ident()?;
                self.skip();
                Some(id)
            } else {
                None
            };
            let expr = self.parse_expr()?;
            args.push(FmtArg { name, expr });
        }
        Ok(MacroArgs::Format { target, leading, fmt: Some(fmt), args })
    }
}
