//! The rustyline `Helper` of the REPL: tab completion (keywords, names in scope, methods
//! after `.`, meta commands after `:`, file names after `:load`), syntax highlighting in
//! ANSI colours, hints from the history, and the (trivial) line validator.
//!
//! The helper owns a snapshot of the session's names; the REPL loop refreshes it after
//! every input with `set_names`, so the helper never needs the session itself.

use std::borrow::Cow;

use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use teras_interp::syntax::{self, TokenClass};

use crate::meta;

/// std macros offered by completion (they are neither keywords nor names in scope).
const MACROS: &[&str] = &[
    "println!",
    "print!",
    "eprintln!",
    "eprint!",
    "format!",
    "write!",
    "writeln!",
    "vec!",
    "assert!",
    "assert_eq!",
    "assert_ne!",
    "panic!",
    "unreachable!",
    "todo!",
    "unimplemented!",
    "matches!",
    "dbg!",
];

/// What Tab inserts where there is nothing to complete: indentation for multi-line input.
const INDENT: &str = "    ";

pub struct TerasHelper {
    /// Colour the input, the prompt and hints (stdout is a terminal, `NO_COLOR` unset).
    color: bool,
    /// Names in scope: functions, types, variables (from `Session::names`).
    names: Vec<String>,
    /// Method names for completion after `.` (from `Session::method_names`).
    methods: Vec<String>,
    hinter: HistoryHinter,
    files: FilenameCompleter,
    /// The earlier lines of an unfinished input (each ending in `\n`), so a continuation
    /// line is highlighted in context (inside a string that an earlier line opened, ...).
    pending: String,
}

impl TerasHelper {
    pub fn new(color: bool) -> TerasHelper {
        TerasHelper {
            color,
            names: Vec::new(),
            methods: Vec::new(),
            hinter: HistoryHinter::new(),
            files: FilenameCompleter::new(),
            pending: String::new(),
        }
    }

    /// Set the earlier lines of the input being read ("" for a fresh input).
    pub fn set_pending(&mut self, earlier_lines: &str) {
        self.pending.clear();
        if !earlier_lines.is_empty() {
            self.pending.push_str(earlier_lines);
            self.pending.push('\n');
        }
    }

    /// Replace the snapshot of the session's names and methods.
    pub fn set_names(&mut self, mut names: Vec<String>, mut methods: Vec<String>) {
        names.sort();
        names.dedup();
        methods.sort();
        methods.dedup();
        self.names = names;
        self.methods = methods;
    }

    /// Completion candidates for the code `before` the cursor: `(start, candidates)`, where
    /// `start` is the byte offset (in `before`) of the word being completed.
    fn complete_code(&self, before: &str) -> (usize, Vec<Pair>) {
        let start = word_start(before);
        let word = before.get(start..).unwrap_or("");
        let prefix = before.get(..start).unwrap_or("");
        let after_dot = prefix.ends_with('.') && !prefix.ends_with("..");
        if after_dot {
            return (start, matching(word, self.methods.iter().map(String::as_str)));
        }
        if prefix.ends_with("::") {
            // `Type::` is followed by an associated function (`new`, `from`) or a variant.
            let all = self.methods.iter().chain(self.names.iter()).map(String::as_str);
            return (start, matching(word, all));
        }
        if word.is_empty() {
            if before.trim().is_empty() {
                // Tab at the start of a line indents (useful on `..` continuation lines).
                let indent = Pair { display: String::new(), replacement: INDENT.to_string() };
                return (start, vec![indent]);
            }
            return (start, Vec::new());
        }
        let all = syntax::KEYWORDS
            .iter()
            .copied()
            .chain(MACROS.iter().copied())
            .chain(self.names.iter().map(String::as_str));
        (start, matching(word, all))
    }
}

/// Byte offset where the identifier ending at the end of `text` starts.
fn word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '_')
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// The candidates starting with `word`, sorted, without duplicates.
fn matching<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<Pair> {
    let mut found: Vec<&str> = candidates.filter(|c| c.starts_with(word)).collect();
    found.sort_unstable();
    found.dedup();
    found.into_iter().map(|c| Pair { display: c.to_string(), replacement: c.to_string() }).collect()
}

impl Completer for TerasHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = line.get(..pos).unwrap_or(line);
        let trimmed = before.trim_start();
        let lead = before.len() - trimmed.len();
        if let Some(rest) = trimmed.strip_prefix(':') {
            let cmd_end = rest.find(char::is_whitespace);
            let Some(cmd_end) = cmd_end else {
                // Completing the command name itself.
                let names = meta::COMMANDS.iter().map(|c| c.0);
                return Ok((lead + 1, matching(rest, names)));
            };
            let cmd = rest.get(..cmd_end).unwrap_or("");
            if matches!(cmd, "load" | "l") {
                return self.files.complete(line, pos, ctx);
            }
            // `:type` and `:time` take code.
            let (start, found) = self.complete_code(before);
            return Ok((start, found));
        }
        Ok(self.complete_code(before))
    }
}

impl Hinter for TerasHelper {
    type Hint = String;

    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if !self.color {
            return None;
        }
        self.hinter.hint(line, pos, ctx)
    }
}

/// ANSI SGR codes for each class of token (identifiers and punctuation stay plain).
fn class_style(class: TokenClass) -> Option<&'static str> {
    Some(match class {
        TokenClass::Keyword => "35",                         // magenta
        TokenClass::TypeName => "33",                        // yellow
        TokenClass::Macro => "34",                           // blue
        TokenClass::String | TokenClass::Char => "32",       // green
        TokenClass::Number => "36",                          // cyan
        TokenClass::Comment | TokenClass::Attribute => "90", // grey
        TokenClass::Lifetime => "31",                        // red
        _ => return None,
    })
}

/// `code` with ANSI colours around every token the highlighter classifies.
pub fn highlight_code(code: &str) -> String {
    highlight_in_context("", code)
}

/// `code` coloured as it reads after `context` (the earlier lines of the same input): the
/// tokens are found in `context + code` and only the part in `code` is returned.
pub fn highlight_in_context(context: &str, code: &str) -> String {
    let full;
    let (text, base) = if context.is_empty() {
        (code, 0)
    } else {
        full = format!("{context}{code}");
        (full.as_str(), context.len())
    };
    let mut out = String::with_capacity(code.len() * 2);
    let mut at = 0; // offset in `code` copied so far
    for (range, class) in syntax::highlight(text) {
        // Clip the token to `code`.
        let start = range.start.max(base) - base;
        let end = range.end.saturating_sub(base);
        if end <= start || start < at {
            continue;
        }
        let (Some(gap), Some(token)) = (code.get(at..start), code.get(start..end)) else {
            continue;
        };
        out.push_str(gap);
        match class_style(class) {
            Some(sgr) => {
                out.push_str("\x1b[");
                out.push_str(sgr);
                out.push('m');
                out.push_str(token);
                out.push_str("\x1b[0m");
            }
            None => out.push_str(token),
        }
        at = end;
    }
    out.push_str(code.get(at..).unwrap_or(""));
    out
}

impl Highlighter for TerasHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        let trimmed = line.trim_start();
        let first_line = self.pending.is_empty();
        if let Some(rest) = trimmed.strip_prefix(':').filter(|_| first_line) {
            // A meta command: the command in bold, code arguments highlighted.
            let lead = line.len() - trimmed.len();
            let cmd_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let (cmd, args) = rest.split_at(cmd_len);
            let args =
                if matches!(meta::parse(line), Some(meta::Meta::Type(_) | meta::Meta::Time(_))) {
                    highlight_code(args)
                } else {
                    args.to_string()
                };
            let lead = line.get(..lead).unwrap_or("");
            return Cow::Owned(format!("{lead}\x1b[1m:{cmd}\x1b[0m{args}"));
        }
        if self.pending.is_empty() {
            Cow::Owned(highlight_code(line))
        } else {
            Cow::Owned(highlight_in_context(&self.pending, line))
        }
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        if self.color {
            Cow::Owned(format!("\x1b[1;32m{prompt}\x1b[0m"))
        } else {
            Cow::Borrowed(prompt)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
        } else {
            Cow::Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Any typed character can change how the tokens around it are classified.
        self.color && kind != CmdKind::MoveCursor
    }
}

/// Completeness is decided by the REPL loop (with `syntax::input_is_complete`) rather than
/// here, so it can show the `..` continuation prompt that rustyline's own multi-line
/// editing lacks; rustyline therefore accepts every line as it is.
impl Validator for TerasHelper {}

impl Helper for TerasHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use rustyline::history::DefaultHistory;

    fn complete(helper: &TerasHelper, line: &str) -> (usize, Vec<String>) {
        let history = DefaultHistory::new();
        let ctx = Context::new(&history);
        match helper.complete(line, line.len(), &ctx) {
            Ok((start, pairs)) => (start, pairs.into_iter().map(|p| p.replacement).collect()),
            Err(e) => panic!("completion failed: {e}"),
        }
    }

    fn helper() -> TerasHelper {
        let mut h = TerasHelper::new(false);
        h.set_names(
            vec!["sq".into(), "square_sum".into(), "Point".into(), "sq".into()],
            vec!["len".into(), "push".into(), "pop".into(), "last".into()],
        );
        h
    }

    #[test]
    fn keywords_and_names() {
        let h = helper();
        assert_eq!(
            complete(&h, "let x = sq"),
            (8, vec!["sq".to_string(), "square_sum".to_string()])
        );
        assert_eq!(complete(&h, "whi").1, vec!["while".to_string()]);
        assert_eq!(complete(&h, "  printl").1, vec!["println!".to_string()]);
        assert_eq!(complete(&h, "Po").1, vec!["Point".to_string()]);
    }

    #[test]
    fn methods_after_dot() {
        let h = helper();
        assert_eq!(complete(&h, "v.p"), (2, vec!["pop".to_string(), "push".to_string()]));
        assert_eq!(complete(&h, "v.").1.len(), 4);
        // A range is not a method call.
        assert!(!complete(&h, "0..l").1.contains(&"len".to_string()));
    }

    #[test]
    fn meta_commands() {
        let h = helper();
        assert_eq!(complete(&h, ":t"), (1, vec!["time".to_string(), "type".to_string()]));
        assert_eq!(complete(&h, ":type sq").1, vec!["sq".to_string(), "square_sum".to_string()]);
    }

    #[test]
    fn tab_at_line_start_indents() {
        let h = helper();
        assert_eq!(complete(&h, "  "), (2, vec![INDENT.to_string()]));
        assert_eq!(complete(&h, "").1, vec![INDENT.to_string()]);
        assert!(complete(&h, "foo(").1.is_empty());
    }

    #[test]
    fn after_path_separator() {
        let h = helper();
        assert_eq!(complete(&h, "Vec::pu").1, vec!["push".to_string()]);
        assert_eq!(complete(&h, "x::Po").1, vec!["Point".to_string()]);
    }

    #[test]
    fn word_start_handles_unicode() {
        assert_eq!(word_start("let é"), 4);
        assert_eq!(word_start("foo("), 4);
        assert_eq!(word_start("abc"), 0);
    }

    #[test]
    fn no_colour_when_disabled() {
        let h = helper();
        assert_eq!(h.highlight("fn main() {}", 0), "fn main() {}");
        assert_eq!(h.highlight_prompt(">> ", true), ">> ");
    }

    #[test]
    fn colour_keeps_text() {
        let coloured = highlight_code("fn sq(x: i32) -> i32 { x * x } // hi");
        let plain = strip_ansi(&coloured);
        assert_eq!(plain, "fn sq(x: i32) -> i32 { x * x } // hi");
        assert!(coloured.contains("\x1b["), "{coloured:?}");
    }

    #[test]
    fn continuation_lines_highlight_in_context() {
        // The `"` on the second line closes the string the first line opened.
        let second = highlight_in_context("let s = \"abc\n", "def\"; let n = 1;");
        assert!(second.starts_with("\x1b[32mdef\"\x1b[0m"), "{second:?}");
        assert!(second.contains("\x1b[35mlet\x1b[0m"), "{second:?}");
        assert_eq!(strip_ansi(&second), "def\"; let n = 1;");
    }

    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }
}
