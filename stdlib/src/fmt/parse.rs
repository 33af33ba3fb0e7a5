//! The format-string grammar of `format!` and friends, parsed as rustc parses it.
//!
//! `parse_format` turns `"x = {x:>+#08.3?}"` into literal pieces and placeholders whose
//! argument references are not yet resolved against the macro's arguments (see `resolve`).
//! Implicit `{}` positions are numbered here, exactly as rustc numbers them: a counter that
//! only `{}`-style placeholders and `.*` precisions advance, `.*` before its placeholder.
//! The first error found is reported with rustc's wording; offsets are byte offsets into the
//! (unescaped) format string.

use super::spec::{Align, DebugHex, Sign};
use std::ops::Range;

/// A parsed piece of a format string.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Literal text, with `{{` and `}}` already unescaped.
    Lit(String),
    /// A `{...}` placeholder.
    Arg(Box<Argument>),
}

/// Which argument a placeholder or a count refers to, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Position {
    /// `{}`: the n-th implicit position.
    Implicit(usize),
    /// `{2}`.
    Index(usize),
    /// `{name}`: a named argument, or else a variable captured from the scope.
    Name(String),
}

/// A width or precision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Count {
    /// `5`.
    Is(usize),
    /// `name$`, with the span of `name`.
    Name(String, Range<usize>),
    /// `1$`.
    Param(usize),
    /// `.*`: the next implicit position (its index).
    Star(usize),
}

/// One `{...}` placeholder as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    pub position: Position,
    /// Span of the position (`0`, `name`, or the empty span of an implicit one).
    pub position_span: Range<usize>,
    /// Span of the whole placeholder, braces included.
    pub span: Range<usize>,
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    pub alternate: bool,
    pub zero_pad: bool,
    pub debug_hex: Option<DebugHex>,
    pub width: Option<Count>,
    pub width_span: Option<Range<usize>>,
    pub precision: Option<Count>,
    pub precision_span: Option<Range<usize>>,
    /// The format type as written: `""`, `"?"`, `"x"`... (`x?` is `"?"` with `debug_hex`).
    /// Unknown types are kept here and rejected by `resolve`.
    pub ty: String,
    pub ty_span: Option<Range<usize>>,
}

impl Argument {
    /// `{name}` with no options at all.
    fn is_identifier(&self) -> bool {
        matches!(self.position, Position::Name(_))
            && self.fill.is_none()
            && self.align.is_none()
            && self.sign.is_none()
            && !self.alternate
            && !self.zero_pad
            && self.debug_hex.is_none()
            && self.width.is_none()
            && self.precision.is_none()
            && self.ty.is_empty()
    }
}

/// A format-string error, in rustc's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FmtError {
    /// Byte offset in the format string where the primary span starts.
    pub offset: usize,
    /// Byte length of the primary span (0: a point, e.g. the end of the string).
    pub len: usize,
    /// The headline: `invalid format string: unmatched `}` found`.
    pub message: String,
    /// The label under the primary span (`unmatched `}` in format string`).
    pub label: Option<String>,
    /// The `= note:` line (`if you intended to print `}`, you can escape it using `}}``).
    pub help: Option<String>,
    /// Further `= note:` lines.
    pub notes: Vec<String>,
    /// Every primary span in the format string (the first is `offset..offset+len`), for
    /// errors that point at several placeholders at once.
    pub spans: Vec<Range<usize>>,
    /// A secondary span in the format string and its label (`because of this opening brace`).
    pub secondary: Option<(Range<usize>, String)>,
    /// Indices (in the macro's explicit argument list) of the argument expressions the error
    /// is about, e.g. the unused ones. When non-empty, these are the primary locations and
    /// `offset..offset+len` is the format string's.
    pub args: Vec<usize>,
}

impl FmtError {
    pub fn at(span: Range<usize>, message: impl Into<String>) -> FmtError {
        FmtError {
            offset: span.start,
            len: span.end.saturating_sub(span.start),
            message: message.into(),
            label: None,
            help: None,
            notes: Vec::new(),
            spans: vec![span],
            secondary: None,
            args: Vec::new(),
        }
    }
    pub fn label(mut self, l: impl Into<String>) -> FmtError {
        self.label = Some(l.into());
        self
    }
    pub fn help(mut self, h: impl Into<String>) -> FmtError {
        self.help = Some(h.into());
        self
    }
    pub fn span(&self) -> Range<usize> {
        self.offset..self.offset + self.len
    }
}

impl std::fmt::Display for FmtError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FmtError {}

/// Parses a format string into pieces. Stops at the first error, as rustc does.
#[allow(clippy::result_large_err)] // a cold path: errors end compilation
pub fn parse_format(s: &str) -> Result<Vec<Piece>, FmtError> {
    let mut p = Parser {
        s,
        chars: s.char_indices().collect(),
        i: 0,
        curarg: 0,
        errors: Vec::new(),
    };
    let mut pieces = Vec::new();
    let mut lit = String::new();
    while let Some(c) = p.peek() {
        let start = p.pos();
        match c {
            '{' => {
                p.i += 1;
                if p.peek() == Some('{') {
                    p.i += 1;
                    lit.push('{');
                    continue;
                }
                let mut arg = p.argument(start);
                p.ws();
                if p.peek() == Some('}') {
                    p.i += 1;
                    arg.span = start..p.pos();
                } else {
                    arg.span = start..p.pos();
                    p.missing_closing_brace(&arg, start);
                }
                if let Some(e) = p.first_error() {
                    return Err(e);
                }
                if !lit.is_empty() {
                    pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                }
                pieces.push(Piece::Arg(Box::new(arg)));
            }
            '}' => {
                p.i += 1;
                if p.peek() == Some('}') {
                    p.i += 1;
                    lit.push('}');
                    continue;
                }
                return Err(FmtError::at(
                    start..start + 1,
                    "invalid format string: unmatched `}` found",
                )
                .label("unmatched `}` in format string")
                .help("if you intended to print `}`, you can escape it using `}}`"));
            }
            _ => {
                lit.push(c);
                p.i += 1;
            }
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}

struct Parser<'a> {
    s: &'a str,
    chars: Vec<(usize, char)>,
    /// Index into `chars`.
    i: usize,
    /// The next implicit position.
    curarg: usize,
    /// Errors of the current placeholder; the first one is reported.
    errors: Vec<FmtError>,
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

const INVALID: &str = "invalid format string: ";

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|&(_, c)| c)
    }
    fn peek_ahead(&self) -> Option<char> {
        self.chars.get(self.i + 1).map(|&(_, c)| c)
    }
    /// Byte offset of the current character (the string's length at the end).
    fn pos(&self) -> usize {
        self.pos_of(self.i)
    }
    fn pos_of(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.s.len(), |&(o, _)| o)
    }
    /// Span of the character at index `i`.
    fn char_span(&self, i: usize) -> Range<usize> {
        match self.chars.get(i) {
            Some(&(o, c)) => o..o + c.len_utf8(),
            None => self.s.len()..self.s.len(),
        }
    }
    fn consume(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }
    fn first_error(&mut self) -> Option<FmtError> {
        if self.errors.is_empty() {
            None
        } else {
            Some(self.errors.swap_remove(0))
        }
    }

    /// Everything between `{` (already consumed, at byte `open`) and `}`.
    fn argument(&mut self, open: usize) -> Argument {
        let start = self.pos();
        let position = self.position();
        self.ws();
        let end = self.pos();
        let mut arg = Argument {
            position: Position::Implicit(0),
            position_span: start..end,
            span: open..open,
            fill: None,
            align: None,
            sign: None,
            alternate: false,
            zero_pad: false,
            debug_hex: None,
            width: None,
            width_span: None,
            precision: None,
            precision_span: None,
            ty: String::new(),
            ty_span: None,
        };
        self.spec(&mut arg);
        // Resolved after the spec, so that `{:.*}` takes its precision first.
        arg.position = position.unwrap_or_else(|| {
            let i = self.curarg;
            self.curarg += 1;
            Position::Implicit(i)
        });
        arg
    }

    fn position(&mut self) -> Option<Position> {
        if let Some(n) = self.integer() {
            return Some(Position::Index(n));
        }
        match self.peek() {
            Some(c) if is_id_start(c) => {
                let start_i = self.i;
                let word = self.word();
                if word == "r"
                    && self.peek() == Some('#')
                    && self.peek_ahead().is_some_and(is_id_start)
                {
                    self.i += 1;
                    let word = self.word();
                    let span = self.pos_of(start_i)..self.pos();
                    self.errors.insert(
                        0,
                        FmtError::at(span, format!("{INVALID}raw identifiers are not supported"))
                            .label("raw identifier used here in format string")
                            .help("identifiers in format strings can be keywords and don't need to be prefixed with `r#`"),
                    );
                    return Some(Position::Name(word));
                }
                Some(Position::Name(word))
            }
            _ => None,
        }
    }

    /// `[[fill]align][sign]['#']['0'][width]['.' precision][type]`, after an optional `:`.
    fn spec(&mut self, arg: &mut Argument) {
        if !self.consume(':') {
            return;
        }
        if let (Some(c), Some('<' | '>' | '^')) = (self.peek(), self.peek_ahead()) {
            arg.fill = Some(c);
            self.i += 1;
        }
        if self.consume('<') {
            arg.align = Some(Align::Left);
        } else if self.consume('>') {
            arg.align = Some(Align::Right);
        } else if self.consume('^') {
            arg.align = Some(Align::Center);
        }
        if self.consume('+') {
            arg.sign = Some(Sign::Plus);
        } else if self.consume('-') {
            arg.sign = Some(Sign::Minus);
        }
        if self.consume('#') {
            arg.alternate = true;
        }
        let mut have_width = false;
        if self.peek() == Some('0') {
            let zero_start = self.pos();
            self.i += 1;
            // `0$` is a width taken from argument 0, not the `0` flag.
            if self.consume('$') {
                arg.width = Some(Count::Param(0));
                arg.width_span = Some(zero_start..self.pos());
                have_width = true;
            } else {
                arg.zero_pad = true;
            }
        }
        if !have_width {
            let start = self.pos();
            arg.width = self.count();
            if arg.width.is_some() {
                arg.width_span = Some(start..self.pos());
            }
        }
        if self.peek() == Some('.') {
            let start = self.pos();
            self.i += 1;
            if self.consume('*') {
                arg.precision = Some(Count::Star(self.curarg));
                self.curarg += 1;
            } else {
                arg.precision = self.count();
            }
            arg.precision_span = Some(start..self.pos());
        }
        let ty_start = self.pos();
        if self.consume('x') {
            if self.consume('?') {
                arg.debug_hex = Some(DebugHex::Lower);
                arg.ty = "?".into();
            } else {
                arg.ty = "x".into();
            }
        } else if self.consume('X') {
            if self.consume('?') {
                arg.debug_hex = Some(DebugHex::Upper);
                arg.ty = "?".into();
            } else {
                arg.ty = "X".into();
            }
        } else if self.consume('?') {
            arg.ty = "?".into();
            if let Some(c @ ('#' | 'x' | 'X')) = self.peek() {
                self.errors.insert(
                    0,
                    FmtError::at(
                        self.char_span(self.i),
                        format!("{INVALID}expected `}}`, found `{c}`"),
                    )
                    .label("expected `'}'` in format string")
                    .help(format!("did you mean `{c}?`?")),
                );
            }
        } else {
            arg.ty = self.word();
            if !arg.ty.is_empty() {
                arg.ty_span = Some(ty_start..self.pos());
            }
        }
    }

    /// `N`, `N$` or `name$`; nothing is consumed for anything else.
    fn count(&mut self) -> Option<Count> {
        if let Some(n) = self.integer() {
            return Some(if self.consume('$') {
                Count::Param(n)
            } else {
                Count::Is(n)
            });
        }
        let start_i = self.i;
        let start = self.pos();
        let word = self.word();
        if word.is_empty() {
            return None;
        }
        let end = self.pos();
        if self.consume('$') {
            Some(Count::Name(word, start..end))
        } else {
            self.i = start_i;
            None
        }
    }

    /// An identifier (a bare `_` is an error).
    fn word(&mut self) -> String {
        let start_i = self.i;
        match self.peek() {
            Some(c) if is_id_start(c) => self.i += 1,
            _ => return String::new(),
        }
        while self.peek().is_some_and(is_id_continue) {
            self.i += 1;
        }
        let word = &self.s[self.pos_of(start_i)..self.pos()];
        if word == "_" {
            self.errors.push(
                FmtError::at(
                    self.pos_of(start_i)..self.pos(),
                    format!("{INVALID}invalid argument name `_`"),
                )
                .label("invalid argument name in format string")
                .help("argument name cannot be a single underscore"),
            );
        }
        word.to_string()
    }

    /// A decimal integer, which must fit in u16 as in rustc.
    fn integer(&mut self) -> Option<usize> {
        let start_i = self.i;
        let mut value: u32 = 0;
        let mut overflow = false;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            self.i += 1;
            value = value.saturating_mul(10).saturating_add(d);
            if value > u32::from(u16::MAX) {
                overflow = true;
            }
        }
        if self.i == start_i {
            return None;
        }
        if overflow {
            let span = self.pos_of(start_i)..self.pos();
            let text = &self.s[span.clone()];
            self.errors.push(
                FmtError::at(
                    span,
                    format!("{INVALID}integer `{text}` does not fit into the type `u16` whose range is `0..=65535`"),
                )
                .label("integer out of range for `u16` in format string"),
            );
        }
        Some(value as usize)
    }

    fn missing_closing_brace(&mut self, arg: &Argument, open: usize) {
        let (point, message) = match self.peek() {
            Some(c) => (
                self.pos(),
                format!("{INVALID}expected `}}`, found `{}`", c.escape_debug()),
            ),
            None => (
                self.s.len(),
                format!("{INVALID}expected `}}` but string was terminated"),
            ),
        };
        let mut err = FmtError::at(point..point, message).label("expected `}` in format string");
        if arg.fill == Some('}') {
            err.help = Some(
                "the character `}` is interpreted as a fill character because of the `:` that precedes it"
                    .into(),
            );
        } else {
            err.help = Some("if you intended to print `{`, you can escape it using `{{`".into());
            err.secondary = Some((open..open + 1, "because of this opening brace".into()));
        }
        self.errors.push(err);

        let (Some(c), Some(next)) = (self.peek(), self.peek_ahead()) else {
            return;
        };
        let here = self.char_span(self.i);
        let escape_note = "to print `{`, you can escape it using `{{`";
        match (c, next) {
            ('?', '}') => self.errors.insert(
                0,
                FmtError::at(here, format!("{INVALID}expected `}}`, found `?`"))
                    .label("expected `:` before `?` to format with `Debug` in format string")
                    .help(escape_note),
            ),
            ('?', _) => {
                self.i += 1;
                if self.consume(':') {
                    let word = self.word();
                    self.errors.insert(
                        0,
                        FmtError::at(here, format!("{INVALID}expected format parameter to occur after `:`"))
                            .label("expected `?` to occur after `:` in format string")
                            .help(format!("`?` comes after `:`, try `{word}:?` instead")),
                    );
                }
            }
            ('<' | '^' | '>', _) => self.errors.insert(
                0,
                FmtError::at(
                    here,
                    format!("{INVALID}expected alignment specifier after `:` in format string; example: `{{:>?}}`"),
                )
                .label(format!("expected `{c}` to occur after `:` in format string")),
            ),
            (',', _) => {
                let mut e = FmtError::at(
                    here,
                    format!("{INVALID}python's numeric grouping `,` is not supported in rust format strings"),
                )
                .label("expected `}` in format string")
                .help(escape_note);
                e.secondary = Some((open..open + 1, "because of this opening brace".into()));
                self.errors.insert(0, e);
            }
            ('=', '}') => {
                let mut e = FmtError::at(
                    here,
                    format!("{INVALID}python's f-string debug `=` is not supported in rust, use `dbg(x)` instead"),
                )
                .label("expected `}` in format string")
                .help(escape_note);
                e.secondary = Some((open..open + 1, "because of this opening brace".into()));
                self.errors.insert(0, e);
            }
            ('.', _) if arg.is_identifier() => {
                self.i += 1;
                let saved_curarg = self.curarg;
                let field = self.argument(open);
                self.curarg = saved_curarg;
                if !self.consume('}') {
                    return;
                }
                let what = match field.position {
                    Position::Name(_) => "field access isn't supported",
                    Position::Index(_) => "tuple index access isn't supported",
                    Position::Implicit(_) => return,
                };
                self.errors.insert(
                    0,
                    FmtError::at(arg.position_span.start..field.position_span.end, format!("{INVALID}{what}"))
                        .label("not supported in format string")
                        .help("consider moving this expression to a local variable and then using the local here instead"),
                );
            }
            _ => {}
        }
    }
}
