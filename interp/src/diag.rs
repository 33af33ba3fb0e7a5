//! Diagnostics: every error a user can cause, as a miette report with a source span and help.
//!
//! Parse, compile and check errors are `Diagnostic`s collected in a list (several per run: the
//! parser recovers). Runtime panics are not diagnostics: they print Rust's
//! `thread 'main' panicked at FILE:LINE:COL:` message (see `vm::panic`).

use crate::ast::Span;
use miette::{LabeledSpan, NamedSource, SourceSpan};
use std::fmt;
use std::sync::Arc;

/// One source text with its name, shared by every diagnostic and function compiled from it.
#[derive(Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// Byte offset of the start of each line, for `line:col` lookups.
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Arc<Source> {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Arc::new(Source { name: name.into(), text, line_starts })
    }

    /// 1-based line and column (in chars, as rustc counts) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A diagnostic about a span of one source.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    /// rustc's error code when the problem is one rustc names (`E0382`), else `None`.
    pub code: Option<&'static str>,
    pub message: String,
    /// The primary span and its label.
    pub span: Span,
    pub label: String,
    /// Further labelled spans in the same source (`value moved here`).
    pub secondary: Vec<(Span, String)>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>, span: Span, label: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: None,
            message: message.into(),
            span,
            label: label.into(),
            secondary: Vec::new(),
            help: None,
        }
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
    pub fn with_code(mut self, code: &'static str) -> Diagnostic {
        self.code = Some(code);
        self
    }
    pub fn with_secondary(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.secondary.push((span, label.into()));
        self
    }

    /// Attach the source, giving something miette can render.
    pub fn report(&self, source: &Arc<Source>) -> Report {
        Report { diag: self.clone(), source: source.clone(), named: named_source(source) }
    }
}

/// A diagnostic with its source, ready for miette.
#[derive(Debug)]
pub struct Report {
    pub diag: Diagnostic,
    pub source: Arc<Source>,
    named: NamedSource<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.named as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(
            Some(self.diag.label.clone()),
            SourceSpan::from(self.diag.span),
        );
        let rest = self
            .diag
            .secondary
            .iter()
            .map(|(s, l)| LabeledSpan::new_with_span(Some(l.clone()), SourceSpan::from(*s)));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

/// A named source for miette's renderer (so the file name shows in the report).
pub fn named_source(source: &Source) -> NamedSource<String> {
    NamedSource::new(source.name.clone(), source.text.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let s = Source::new("t.rs", "fn main() {\n    let é = 1;\n}\n");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(12), (2, 1));
        let off = s.text.find('=').unwrap() as u32;
        assert_eq!(s.line_col(off), (2, 11));
    }
}
