//! Rendering of diagnostics to stderr: miette's graphical report, with colours only when
//! stderr is a terminal and `NO_COLOR` is unset, and cargo's closing summary line.
//!
//! Everything here writes to stderr; stdout belongs to the program being run.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};
use teras_interp::Report;

/// How reports are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Unicode box drawing and ANSI colours (an interactive terminal).
    Color,
    /// Unicode box drawing without colours (a pipe, a file, `NO_COLOR`).
    Plain,
    /// ASCII only, no colours (`TERM=dumb`).
    Ascii,
}

impl Style {
    /// The style for stderr as it is now: colours only on a terminal without `NO_COLOR`.
    pub fn for_stderr() -> Style {
        let term_dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if term_dumb {
            Style::Ascii
        } else if no_color || !std::io::stderr().is_terminal() {
            Style::Plain
        } else {
            Style::Color
        }
    }

    fn theme(self) -> GraphicalTheme {
        match self {
            Style::Color => GraphicalTheme::unicode(),
            Style::Plain => GraphicalTheme::unicode_nocolor(),
            Style::Ascii => GraphicalTheme::none(),
        }
    }

    /// `text` in bold red when colours are on (the `error:` of the summary line).
    fn error_label(self, text: &str) -> String {
        match self {
            Style::Color => format!("\x1b[1;31m{text}\x1b[0m"),
            Style::Plain | Style::Ascii => text.to_string(),
        }
    }
}

/// The width reports are wrapped to: `$COLUMNS` when it is a sensible number, else 100.
fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| (20..=1000).contains(&w))
        .unwrap_or(100)
}

fn handler(style: Style) -> GraphicalReportHandler {
    GraphicalReportHandler::new_themed(style.theme())
        .with_width(width())
        .with_links(style == Style::Color)
}

/// One diagnostic (a compile error, or a CLI error such as an unreadable file) as text.
pub fn render(diagnostic: &dyn Diagnostic, style: Style) -> String {
    let mut out = String::new();
    if handler(style).render_report(&mut out, diagnostic).is_err() {
        // The renderer only fails when the source span is out of range; fall back to the
        // message so the user still learns what went wrong.
        out.clear();
        let _ = writeln!(out, "error: {diagnostic}");
        if let Some(help) = diagnostic.help() {
            let _ = writeln!(out, "help: {help}");
        }
    }
    out
}

/// How many of the reports are errors (the rest are warnings).
pub fn error_count(reports: &[Report]) -> usize {
    reports.iter().filter(|r| r.diag.severity == teras_interp::diag::Severity::Error).count()
}

/// cargo's closing line: ``error: could not compile `FILE` due to N previous errors``.
pub fn summary_line(file: &str, errors: usize, style: Style) -> String {
    let plural = if errors == 1 { "error" } else { "errors" };
    format!(
        "{} could not compile `{file}` due to {errors} previous {plural}",
        style.error_label("error:")
    )
}

/// Every report in the order given, separated by blank lines.
pub fn render_reports(reports: &[Report], style: Style) -> String {
    let mut out = String::new();
    for (i, report) in reports.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&render(report, style));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Print compile diagnostics for `file` to stderr, then (when there are errors) the summary.
pub fn print_compile_errors(file: &str, reports: &[Report]) {
    let style = Style::for_stderr();
    let mut text = render_reports(reports, style);
    let errors = error_count(reports);
    if errors > 0 {
        text.push_str(&summary_line(file, errors, style));
        text.push('\n');
    }
    eprint_all(&text);
}

/// Print diagnostics without the summary line (the REPL, where there is no "compile").
pub fn print_reports(reports: &[Report]) {
    eprint_all(&render_reports(reports, Style::for_stderr()));
}

/// Print one diagnostic to stderr.
pub fn print_diagnostic(diagnostic: &dyn Diagnostic) {
    eprint_all(&render(diagnostic, Style::for_stderr()));
}

/// Write to stderr, ignoring failures (a closed stderr must not turn into a panic).
pub fn eprint_all(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use teras_interp::ast::Span;
    use teras_interp::{Diagnostic as TDiag, Source};

    fn report() -> Report {
        let src = Source::new("demo.rs", "fn main() {\n    let x = ;\n}\n");
        let at = src.text.find(';').unwrap_or(0);
        let span = Span::new(at, at + 1);
        TDiag::error("expected expression, found `;`", span, "expected expression")
            .with_help("write a value after `=`")
            .report(&src)
    }

    #[test]
    fn plain_report_names_file_line_and_help() {
        let text = render(&report(), Style::Plain);
        assert!(text.contains("expected expression, found `;`"), "{text}");
        assert!(text.contains("demo.rs:2:13"), "{text}");
        assert!(text.contains("write a value after `=`"), "{text}");
        assert!(!text.contains('\x1b'), "no colour codes in plain mode: {text:?}");
    }

    #[test]
    fn ascii_report_is_ascii() {
        let text = render(&report(), Style::Ascii);
        assert!(text.is_ascii(), "{text}");
        assert!(text.contains("expected expression"), "{text}");
    }

    #[test]
    fn summary_line_like_cargo() {
        assert_eq!(
            summary_line("a.rs", 1, Style::Plain),
            "error: could not compile `a.rs` due to 1 previous error"
        );
        assert_eq!(
            summary_line("a.rs", 3, Style::Plain),
            "error: could not compile `a.rs` due to 3 previous errors"
        );
        assert!(summary_line("a.rs", 2, Style::Color).contains("\x1b[1;31merror:\x1b[0m"));
    }

    #[test]
    fn counts_only_errors() {
        let mut warn = report();
        warn.diag.severity = teras_interp::diag::Severity::Warning;
        assert_eq!(error_count(&[report(), warn, report()]), 2);
    }
}
