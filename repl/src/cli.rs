//! `teras run` and `teras check`: read a source file, hand it to a `Session`, report the
//! result as a process exit code.
//!
//! Reading the file is the only fallible step here; every way it can fail (missing, a
//! directory, unreadable, not UTF-8) becomes a `SourceError` diagnostic with help, exit 1.

use std::io::Write;
use std::path::Path;

use miette::Diagnostic;
use teras_interp::runtime::Schedule;
use teras_interp::{Options, Outcome, Session};

use crate::render;

/// Why a source file could not be read.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum SourceError {
    #[error("cannot find the file `{path}`")]
    #[diagnostic(help(
        "check the spelling and the current directory; the path is relative to where teras runs"
    ))]
    NotFound { path: String },

    #[error("`{path}` is a directory, not a source file")]
    #[diagnostic(help("give the path of a `.rs` file inside it"))]
    IsDirectory { path: String },

    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(help("check that the file exists and that you have permission to read it"))]
    Unreadable { path: String, reason: String },

    #[error("`{path}` is not valid UTF-8 (invalid byte at line {line}, column {column})")]
    #[diagnostic(help(
        "TERAS source files must be UTF-8 text; convert the file, e.g. with `iconv -t UTF-8`"
    ))]
    NotUtf8 { path: String, line: usize, column: usize },
}

/// Read a source file as UTF-8 text.
pub fn read_source(path: &str) -> Result<String, SourceError> {
    let p = Path::new(path);
    if p.is_dir() {
        return Err(SourceError::IsDirectory { path: path.to_string() });
    }
    let bytes = std::fs::read(p).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound { path: path.to_string() },
        _ => SourceError::Unreadable { path: path.to_string(), reason: io_reason(&e) },
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = bytes.get(..good).unwrap_or_default();
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Everything before `good` is valid UTF-8, so this counts characters.
        let column = std::str::from_utf8(before.get(line_start..).unwrap_or_default())
            .map_or(good - line_start, |s| s.chars().count())
            + 1;
        SourceError::NotUtf8 { path: path.to_string(), line, column }
    })
}

/// An io::Error without the "(os error N)" tail, lower-cased like rustc's messages.
fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// The `Options` from the environment: `RUST_BACKTRACE` set to anything but `0` turns on
/// TERAS backtraces after panics, as it does for a Rust program.
pub fn options_from_env(args: Vec<String>) -> Options {
    let backtrace = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| !v.is_empty() && v != "0");
    Options { args, backtrace }
}

/// The schedule chosen by `--deterministic` / `--seed N`, else by the environment
/// (`TERAS_DETERMINISTIC=1`, `TERAS_SEED=N`): deterministic when any of them is given, with
/// seed N (0 when none is given); otherwise OS threads. A `TERAS_SEED` that is not a number is
/// an error (the message to print), not silently the thread pool.
pub fn schedule(deterministic: bool, seed: Option<u64>) -> Result<Schedule, String> {
    let env_seed = match std::env::var("TERAS_SEED") {
        Ok(s) if !s.trim().is_empty() => Some(s.trim().parse::<u64>().map_err(|_| {
            format!(
                "error: TERAS_SEED={s:?} is not a seed\n  help: give a whole number from 0 to {}, as for `--seed N`",
                u64::MAX
            )
        })?),
        _ => None,
    };
    let env_det = std::env::var_os("TERAS_DETERMINISTIC").is_some_and(|v| !v.is_empty() && v != "0");
    Ok(match (deterministic || seed.is_some(), seed) {
        (true, s) => Schedule::Deterministic(s.or(env_seed).unwrap_or(0)),
        (false, _) if env_det || env_seed.is_some() => Schedule::Deterministic(env_seed.unwrap_or(0)),
        _ => Schedule::Threads,
    })
}

/// `teras run FILE [ARGS...]`: the exit code of the program.
pub fn run(file: &str, args: &[String], dump_bytecode: bool, schedule: Schedule) -> i32 {
    let text = match read_source(file) {
        Ok(t) => t,
        Err(e) => {
            render::print_diagnostic(&e);
            return 1;
        }
    };
    let mut program_args = vec![file.to_string()];
    program_args.extend(args.iter().cloned());
    let mut session = Session::new(options_from_env(program_args));
    session.set_schedule(schedule);
    if dump_bytecode {
        return match session.dump_bytecode(file, &text) {
            Ok(listing) => {
                let mut out = std::io::stdout().lock();
                let _ = out.write_all(listing.as_bytes());
                let _ = out.flush();
                0
            }
            Err(reports) => {
                render::print_compile_errors(file, &reports);
                1
            }
        };
    }
    let outcome = session.run_file(file, &text);
    let _ = std::io::stdout().flush();
    if let Outcome::CompileErrors(reports) = &outcome {
        render::print_compile_errors(file, reports);
    }
    outcome.exit_code()
}

/// `teras check FILE`: 0 when the program compiles (a short note on stderr), else the
/// diagnostics and 1. Stdout stays silent either way.
pub fn check(file: &str) -> i32 {
    let text = match read_source(file) {
        Ok(t) => t,
        Err(e) => {
            render::print_diagnostic(&e);
            return 1;
        }
    };
    let mut session = Session::new(options_from_env(vec![file.to_string()]));
    let reports = session.check(file, &text);
    let errors = render::error_count(&reports);
    if !reports.is_empty() {
        render::print_compile_errors(file, &reports);
    }
    if errors > 0 {
        1
    } else {
        let warnings = reports.len();
        let note = match warnings {
            0 => format!("checked `{file}`: no errors\n"),
            1 => format!("checked `{file}`: no errors, 1 warning\n"),
            n => format!("checked `{file}`: no errors, {n} warnings\n"),
        };
        render::eprint_all(&note);
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("teras-cli-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(name);
        let written = std::fs::write(&path, bytes);
        assert!(written.is_ok(), "cannot write {}", path.display());
        path
    }

    #[test]
    fn missing_file() {
        let err = read_source("/no/such/dir/prog.rs");
        assert!(matches!(err, Err(SourceError::NotFound { .. })), "{err:?}");
        let text = render::render(&err.unwrap_err(), render::Style::Plain);
        assert!(text.contains("/no/such/dir/prog.rs"), "{text}");
        assert!(text.contains("help"), "{text}");
    }

    #[test]
    fn directory() {
        let err = read_source(&std::env::temp_dir().to_string_lossy());
        assert!(matches!(err, Err(SourceError::IsDirectory { .. })), "{err:?}");
    }

    #[test]
    fn not_utf8_gives_position() {
        let p = temp_file("bad.rs", b"fn main() {\n    let \xc3\xa9x = \xff;\n}\n");
        let err = read_source(&p.to_string_lossy());
        match err {
            Err(SourceError::NotUtf8 { line, column, .. }) => assert_eq!((line, column), (2, 14)),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn reads_utf8() {
        let p = temp_file("good.rs", "fn main() { println!(\"héllo\"); }\n".as_bytes());
        let text = read_source(&p.to_string_lossy());
        assert!(text.is_ok_and(|t| t.contains("héllo")));
    }

    #[test]
    fn io_reason_is_short() {
        let e = std::io::Error::from_raw_os_error(13);
        assert_eq!(io_reason(&e), "permission denied");
    }
}
