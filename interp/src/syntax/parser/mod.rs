//! The recursive-descent parser: tokens to `ast` (Pratt parsing for expressions).
//!
//! Before parsing, delimiters are matched (as rustc's token trees): an unclosed or mismatched
//! delimiter is reported once and the parser's own errors are then dropped, which avoids
//! cascades. Errors inside a statement or item return `Err(Fail)` (already reported) up to the
//! enclosing block or item list, which skips to the next `;`, `}` or item and carries on.
//! Lists (fields, variants, parameters, arguments) and match arms recover per element.
//! Nesting is limited (`MAX_DEPTH`, and a stack budget measured from the entry point) so no
//! input can exhaust the stack; every loop consumes a token per turn, so parsing is linear.

mod effects;
mod expr;
mod items;
mod macros;
mod pat;
mod select_fut;
mod stmt;
mod thread_local;
mod types;

use super::lexer::{lex, lex_range, lex_skimming};
use super::token::{punct, Tok, Token};
use crate::ast::{Ident, LitKind, NodeId, Span};
use crate::diag::Diagnostic;
pub(crate) use effects::finish_file as finish_effects;

/// An error was reported; the caller recovers.
#[derive(Debug)]
pub struct Fail;
pub type PResult<T> = Result<T, Fail>;

/// How deep expressions, patterns, types and blocks may nest.
pub const MAX_DEPTH: u32 = 256;
/// How much of the thread's stack the parser may use before it reports "nests too deeply",
/// when it runs on a thread of unknown stack size (test threads have 2 MiB).
pub const DEFAULT_STACK_BUDGET: usize = 900 * 1024;
/// At most this many diagnostics per parse.
const MAX_DIAGS: usize = 100;
const NONE: u32 = u32::MAX;

pub struct Parser<'s> {
    pub(crate) src: &'s str,
    toks: Vec<Token>,
    pos: usize,
    /// For an opening delimiter, the index of its closing one (`NONE` if unclosed).
    matching: Vec<u32>,
    /// The index of the innermost opening delimiter around each token (a closing delimiter
    /// counts as inside its group), `NONE` at top level.
    enclosing: Vec<u32>,
    pub diags: Vec<Diagnostic>,
    /// Diagnostics of the delimiter pass: when non-empty, they replace the parser's own.
    delim_diags: Vec<Diagnostic>,
    /// How many of `diags` came from the lexer.
    lex_diags: usize,
    /// The lexer met an unterminated string, char or block comment.
    unterminated: bool,
    next_id: NodeId,
    depth: u32,
    /// Nesting went too deep: everything after is abandoned without further diagnostics.
    bailed: bool,
    prev_hi: usize,
    /// The address of a local of the parse's entry point: stack use is measured from here.
    stack_base: usize,
    stack_budget: usize,
    /// Parsing a REPL input: a `let` at the very end may omit its `;`.
    pub(crate) repl: bool,
    /// Inside an `impl` or `trait` body (where `self` parameters are allowed).
    pub(crate) in_assoc: bool,
}

/// The address of a local variable of the caller, as a measure of stack depth.
#[inline(never)]
fn stack_probe() -> usize {
    let probe = 0u8;
    std::hint::black_box(&probe) as *const u8 as usize
}

impl<'s> Parser<'s> {
    /// A parser over `src` that may use `stack_budget` bytes of the current thread's stack.
    pub fn new(src: &'s str, stack_budget: usize) -> Parser<'s> {
        Parser::with_tokens(src, lex(src, false), stack_budget)
    }

    /// A parser over `src` with function bodies skimmed (each is `{ }`: `lexer::lex_skimming`).
    pub fn skimming(src: &'s str, stack_budget: usize) -> Parser<'s> {
        Parser::with_tokens(src, lex_skimming(src), stack_budget)
    }

    /// A parser over the text `src[lo..hi]` (a skimmed body), with spans in `src`, whose
    /// node ids start at `first_id`.
    pub fn over_range(src: &'s str, lo: usize, hi: usize, first_id: NodeId, stack_budget: usize) -> Parser<'s> {
        let mut p = Parser::with_tokens(src, lex_range(src, lo, hi), stack_budget);
        p.next_id = first_id;
        p
    }

    /// The id the next node would get.
    pub fn next_node_id(&self) -> NodeId {
        self.next_id
    }

    fn with_tokens(src: &'s str, mut lexed: super::lexer::Lexed, stack_budget: usize) -> Parser<'s> {
        let lex_diags = lexed.diags.len();
        // Unknown characters were reported by the lexer; the parser does not see them.
        lexed.tokens.retain(|t| t.tok != Tok::Unknown);
        let mut p = Parser {
            src,
            toks: lexed.tokens,
            pos: 0,
            matching: Vec::new(),
            enclosing: Vec::new(),
            diags: lexed.diags,
            delim_diags: Vec::new(),
            lex_diags,
            unterminated: lexed.unterminated,
            next_id: 0,
            depth: 0,
            bailed: false,
            prev_hi: 0,
            stack_base: stack_probe(),
            stack_budget,
            repl: false,
            in_assoc: false,
        };
        p.match_delims();
        p
    }

    /// The diagnostics to report: the lexer's, then the delimiter errors if any, else the
    /// parser's.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        if self.unterminated {
            // A string or comment ran to the end: everything after it is consequence.
            self.diags.truncate(self.lex_diags);
        } else if !self.delim_diags.is_empty() {
            self.diags.truncate(self.lex_diags);
            self.diags.append(&mut self.delim_diags);
        }
        self.diags.truncate(MAX_DIAGS);
        // In source order (the lexer's come first otherwise); the sort is stable.
        self.diags.sort_by_key(|d| d.span.lo);
        self.diags
    }

    fn match_delims(&mut self) {
        let n = self.toks.len();
        self.matching = vec![NONE; n];
        self.enclosing = vec![NONE; n];
        let mut stack: Vec<usize> = Vec::new();
        for i in 0..n {
            let open_char = match &self.toks[i].tok {
                Tok::Punct(p) => *p,
                _ => "",
            };
            self.enclosing[i] = stack.last().map_or(NONE, |&o| o as u32);
            match open_char {
                "(" | "[" | "{" => stack.push(i),
                ")" | "]" | "}" => {
                    let want = match open_char {
                        ")" => "(",
                        "]" => "[",
                        _ => "{",
                    };
                    let top_matches = stack.last().is_some_and(|&o| self.toks[o].is_punct(want));
                    if top_matches {
                        if let Some(o) = stack.pop() {
                            self.matching[o] = i as u32;
                        }
                    } else if let Some(depth) = stack.iter().rposition(|&o| self.toks[o].is_punct(want)) {
                        // Close the groups opened after the one this closes: they are unclosed.
                        let open = stack[stack.len() - 1];
                        let d = Diagnostic::error(
                            format!("mismatched closing delimiter: `{open_char}`"),
                            self.toks[i].span,
                            "mismatched closing delimiter",
                        )
                        .with_secondary(self.toks[open].span, "unclosed delimiter")
                        .with_help(format!("close the delimiter opened here before `{open_char}`"));
                        self.delim_diags.push(d);
                        stack.truncate(depth + 1);
                        if let Some(o) = stack.pop() {
                            self.matching[o] = i as u32;
                        }
                    } else {
                        let mut d = Diagnostic::error(
                            format!("unexpected closing delimiter: `{open_char}`"),
                            self.toks[i].span,
                            "unexpected closing delimiter",
                        )
                        .with_help("remove it, or add the opening delimiter it closes");
                        if let Some(&o) = stack.last() {
                            d = d.with_secondary(self.toks[o].span, "this delimiter is still open");
                        }
                        self.delim_diags.push(d);
                        self.enclosing[i] = NONE;
                    }
                }
                _ => {}
            }
        }
        if !stack.is_empty() {
            let end = self.src.len();
            let inner = stack[stack.len() - 1];
            let close = match &self.toks[inner].tok {
                Tok::Punct("(") => ")",
                Tok::Punct("[") => "]",
                _ => "}",
            };
            let mut d = Diagnostic::error("this file contains an unclosed delimiter", Span::new(end, end), format!("expected `{close}`"))
                .with_help(format!("add the missing `{close}`"));
            for &o in stack.iter().rev() {
                d = d.with_secondary(self.toks[o].span, "unclosed delimiter");
            }
            self.delim_diags.push(d);
        }
    }

    // -----------------------------------------------------------------------------------------
    // Token access

    pub(crate) fn tok(&self) -> &Token {
        let i = self.pos.min(self.toks.len() - 1);
        &self.toks[i]
    }
    pub(crate) fn peek(&self, n: usize) -> &Token {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i]
    }
    pub(crate) fn span(&self) -> Span {
        self.tok().span
    }
    pub(crate) fn at_eof(&self) -> bool {
        matches!(self.tok().tok, Tok::Eof)
    }
    pub(crate) fn bump(&mut self) -> Token {
        let t = self.tok().clone();
        self.skip();
        t
    }
    /// The current token's span, and on to the next (`bump` without the copy of the token).
    pub(crate) fn bump_span(&mut self) -> Span {
        let span = self.span();
        self.skip();
        span
    }
    /// `bump` without the copy of the token (an identifier's copy allocates).
    pub(crate) fn skip(&mut self) {
        if !self.at_eof() {
            self.prev_hi = self.tok().span.hi as usize;
            self.pos += 1;
        }
    }
    /// The current token as rustc names it in "found ..." messages: literals as written.
    pub(crate) fn found(&self) -> String {
        let t = self.tok();
        match &t.tok {
            Tok::Lit(LitKind::Bool(_)) => t.describe(),
            Tok::Lit(_) => {
                let text = self.src.get(t.span.lo as usize..t.span.hi as usize).unwrap_or("");
                if text.chars().count() > 40 {
                    let short: String = text.chars().take(37).collect();
                    format!("`{short}...`")
                } else {
                    format!("`{text}`")
                }
            }
            Tok::Eof => "`<eof>`".into(),
            _ => t.describe(),
        }
    }
    pub(crate) fn at(&self, p: &str) -> bool {
        self.tok().is_punct(p)
    }
    pub(crate) fn at_kw(&self, kw: &str) -> bool {
        self.tok().is_kw(kw)
    }
    pub(crate) fn eat(&mut self, p: &str) -> bool {
        if self.at(p) {
            self.skip();
            true
        } else {
            false
        }
    }
    pub(crate) fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.skip();
            true
        } else {
            false
        }
    }
    /// The current token is `p` or a longer operator starting with `p` (`>` in `>>`).
    pub(crate) fn at_split(&self, p: &str) -> bool {
        matches!(&self.tok().tok, Tok::Punct(q) if q.starts_with(p))
    }
    /// Eat `p`, splitting a longer operator that starts with it (`>>` gives `>` and leaves `>`).
    pub(crate) fn eat_split(&mut self, p: &str) -> bool {
        let (q, span) = match &self.tok().tok {
            Tok::Punct(q) if q.starts_with(p) => (*q, self.tok().span),
            _ => return false,
        };
        if q.len() == p.len() {
            self.skip();
            return true;
        }
        let rest = punct(&q[p.len()..]);
        let Some(rest) = rest else { return false };
        let mid = span.lo as usize + p.len();
        if let Some(t) = self.toks.get_mut(self.pos) {
            *t = Token { tok: Tok::Punct(rest), span: Span::new(mid, span.hi as usize) };
        }
        self.prev_hi = mid;
        true
    }
    pub(crate) fn expect(&mut self, p: &str) -> PResult<Span> {
        if self.at(p) {
            let span = self.span();
            self.skip();
            return Ok(span);
        }
        if matches!(p, ">" | "&" | "|" | "<") && self.eat_split(p) {
            return Ok(Span::new(self.prev_hi - 1, self.prev_hi));
        }
        Err(self.expected(&format!("`{p}`")))
    }
    /// The end of a comma-separated list: `close`, or an error saying a `,` or `close` was
    /// expected (the usual mistake is a missing comma).
    pub(crate) fn expect_close(&mut self, close: &str) -> PResult<Span> {
        if self.at(close) {
            return Ok(self.bump_span());
        }
        let found = self.found();
        let span = self.span();
        let help = if self.prev_hi < span.lo as usize {
            format!("add `,` after `{}` if another element follows", self.src.get(self.prev_span_lo()..self.prev_hi).unwrap_or("").trim())
        } else {
            "separate the elements with `,`".to_string()
        };
        Err(self.err_at(span, format!("expected `,`, or `{close}`, found {found}"), format!("expected `,` or `{close}`"), help))
    }
    fn prev_span_lo(&self) -> usize {
        self.pos.checked_sub(1).and_then(|i| self.toks.get(i)).map_or(0, |t| t.span.lo as usize)
    }
    pub(crate) fn expect_kw(&mut self, kw: &str) -> PResult<Span> {
        if self.at_kw(kw) {
            let span = self.span();
            self.skip();
            return Ok(span);
        }
        Err(self.expected(&format!("`{kw}`")))
    }
    /// Report "expected X, found Y" at the current token.
    pub(crate) fn expected(&mut self, what: &str) -> Fail {
        let found = self.found();
        let span = self.span();
        let help = match what {
            "`;`" => "add `;` here".to_string(),
            _ => format!("insert {what} here"),
        };
        // Point right after the previous token for a missing `;`, as rustc does.
        let span = if what == "`;`" && self.pos > 0 { Span::new(self.prev_hi, self.prev_hi) } else { span };
        self.error(Diagnostic::error(format!("expected {what}, found {found}"), span, format!("expected {what}")).with_help(help));
        Fail
    }
    pub(crate) fn error(&mut self, d: Diagnostic) {
        if self.bailed || self.diags.len() >= MAX_DIAGS {
            return;
        }
        // Do not report twice at the same place.
        if self.diags.last().is_some_and(|l| l.span == d.span && l.message == d.message) {
            return;
        }
        self.diags.push(d);
    }
    pub(crate) fn err_at(&mut self, span: Span, msg: impl Into<String>, label: impl Into<String>, help: impl Into<String>) -> Fail {
        self.error(Diagnostic::error(msg, span, label).with_help(help));
        Fail
    }

    pub(crate) fn new_id(&mut self) -> NodeId {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        id
    }
    /// The span from `lo` to the end of the last consumed token.
    pub(crate) fn span_from(&self, lo: Span) -> Span {
        Span::new(lo.lo as usize, self.prev_hi.max(lo.lo as usize))
    }

    /// Enter one level of nesting; fails (once, then silently) beyond `MAX_DEPTH`.
    pub(crate) fn enter(&mut self) -> PResult<()> {
        if self.bailed {
            return Err(Fail);
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH || stack_probe().abs_diff(self.stack_base) > self.stack_budget {
            let span = self.span();
            self.error(
                Diagnostic::error("expression nests too deeply", span, "nesting limit reached here")
                    .with_help(format!("teras allows at most {MAX_DEPTH} levels of nesting; split the expression")),
            );
            self.bailed = true;
            self.pos = self.toks.len() - 1;
            self.depth -= 1;
            return Err(Fail);
        }
        Ok(())
    }
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// An identifier that is not a reserved keyword.
    pub(crate) fn ident(&mut self) -> PResult<Ident> {
        match &self.tok().tok {
            Tok::Ident(s) if !super::token::is_reserved(s) => {
                let name = s.clone();
                let span = self.bump_span();
                Ok(Ident { name, span })
            }
            Tok::RawIdent(s) => {
                let name = s.clone();
                let span = self.bump_span();
                Ok(Ident { name, span })
            }
            _ => Err(self.expected("identifier")),
        }
    }
    pub(crate) fn at_ident(&self) -> bool {
        match &self.tok().tok {
            Tok::Ident(s) => !super::token::is_reserved(s),
            Tok::RawIdent(_) => true,
            _ => false,
        }
    }

    /// A comma-separated list after its just-consumed opening delimiter, up to `close`
    /// (consumed), trailing comma allowed. A broken element is skipped (to the next `,`) and
    /// a missing comma reported, so one mistake costs one diagnostic and the list survives.
    pub(crate) fn parse_list<T>(&mut self, close: &str, mut elem: impl FnMut(&mut Self) -> PResult<T>) -> PResult<Vec<T>> {
        let open = self.pos.saturating_sub(1);
        let mut out = Vec::new();
        while !self.at(close) && !self.at_eof() {
            let before = self.pos;
            let saved = self.depth;
            match elem(self) {
                Ok(v) => out.push(v),
                Err(_) if self.bailed => return Err(Fail),
                Err(_) => {
                    self.depth = saved;
                    self.recover_list_elem(open);
                    if self.pos == before {
                        break;
                    }
                    continue;
                }
            }
            if self.eat(",") || self.at(close) {
                continue;
            }
            // A missing comma: report it, then carry on as if it were there.
            let _ = self.expect_close(close);
            if self.pos == before || self.at_eof() {
                break;
            }
        }
        self.expect_close(close)?;
        Ok(out)
    }

    /// Recover from an error in one element of a comma-separated list opened at `open`: skip
    /// to after the next `,` of the list, or to its closing delimiter.
    pub(crate) fn recover_list_elem(&mut self, open: usize) {
        self.recover(Some(open), |p| p.at(","));
        self.eat(",");
    }

    /// The index of the closing delimiter of the group opening at `open` (EOF if unclosed).
    pub(crate) fn close_of(&self, open: usize) -> usize {
        match self.matching.get(open) {
            Some(&c) if c != NONE => c as usize,
            _ => self.toks.len() - 1,
        }
    }

    /// Skip out of any group nested inside `scope` (the opening delimiter of the enclosing
    /// block or item list, `None` at top level), then to just after the next `;`, or to the
    /// next `}` group's end, or to a token for which `stop` is true.
    pub(crate) fn recover(&mut self, scope: Option<usize>, stop: fn(&Parser) -> bool) {
        let scope = scope.map_or(NONE, |s| s as u32);
        // Leave nested groups.
        let mut guard = 0;
        let entry = self.pos;
        while !self.at_eof() && guard < self.toks.len() {
            guard += 1;
            let enc = self.enclosing.get(self.pos).copied().unwrap_or(NONE);
            if enc == NONE || enc == scope {
                break;
            }
            // Is `enc` inside `scope`? Only leave groups nested in our scope.
            let inside = scope == NONE || enc > scope;
            if !inside {
                break;
            }
            let close = self.close_of(enc as usize);
            self.pos = (close + 1).min(self.toks.len() - 1);
        }
        // Having left a group, the current token may already start the next statement/item.
        let start = if self.pos != entry { self.pos.wrapping_sub(1) } else { self.pos };
        while !self.at_eof() {
            if self.pos != start && stop(self) {
                return;
            }
            let t = self.tok().clone();
            match &t.tok {
                Tok::Punct(";") => {
                    self.skip();
                    return;
                }
                Tok::Punct("{") => {
                    let close = self.close_of(self.pos);
                    self.pos = (close + 1).min(self.toks.len() - 1);
                    return;
                }
                Tok::Punct("(" | "[") => {
                    let close = self.close_of(self.pos);
                    self.pos = (close + 1).min(self.toks.len() - 1);
                }
                Tok::Punct(")" | "]" | "}") if scope != NONE && self.enclosing.get(self.pos).copied() == Some(scope) => return,
                _ => {
                    self.skip();
                }
            }
        }
    }
}
