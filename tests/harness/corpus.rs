//! The golden-program corpus: discovery of `tests/programs/<feature>/<name>.rs` with the expected
//! files beside each, running a command with a timeout, and comparing a run with the expectation.
//!
//! Shared by `repl/tests/golden.rs` (runs `teras`) and `repl/tests/rustc_oracle.rs` (proves the
//! expected files are rustc's), which include this file with `#[path]`.
//!
//! Files beside `<name>.rs`:
//! - `<name>.out`  expected stdout, exactly;
//! - `<name>.err`  optional: lines that must each appear (as substrings) in stderr;
//! - `<name>.code` optional: expected exit code (default 0; panics 101, compile errors 1);
//! - `<name>.args` optional: command-line arguments, one per line;
//! - `<name>.env`  optional: environment variables for the run, `KEY=VALUE` per line;
//! - `<name>.stdin` optional: bytes fed to the program's stdin (exactly; without it stdin is
//!   empty, `/dev/null`).
//! - `<name>.schedules` optional: the program runs once per line, each run with that line's
//!   whitespace-separated `KEY=VALUE` settings added to `.env` (`default` for none: the thread
//!   pool), and every run must meet the same expectation (`golden.rs` only; rustc runs it once).
//!   Lines starting with `#` are comments. A `SCHEDULES` file in a feature directory, in the
//!   same form, applies to each program there that has neither `.schedules` nor `.env`.
//!
//! A program is valid Rust (checked by the rustc oracle) unless its feature directory starts with
//! `errors` or its first line is the comment `// not-rust`.

#![allow(dead_code)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One golden program and its expectation.
#[derive(Debug, Clone)]
pub struct Program {
    /// Absolute path of the `.rs` file.
    pub path: PathBuf,
    /// Path relative to the repository root, with `/` separators (what `teras run` is given).
    pub rel: String,
    /// Expected stdout; `None` when the `.out` file is missing.
    pub out: Option<String>,
    /// Lines that must each appear in stderr.
    pub err_lines: Vec<String>,
    /// Expected exit code.
    pub code: i32,
    /// Command-line arguments.
    pub args: Vec<String>,
    /// Environment variables set for the run (`<name>.env`, `KEY=VALUE` per line).
    pub env: Vec<(String, String)>,
    /// What the program reads from stdin (`<name>.stdin`); `None`: stdin is `/dev/null`.
    pub stdin: Option<Vec<u8>>,
    /// The schedules it runs under (`<name>.schedules`): each a label and the settings added to
    /// `env`. Empty: one run with `env` alone.
    pub schedules: Vec<Schedule>,
    /// Whether rustc accepts the program (so its expected files must be rustc's).
    pub is_rust: bool,
}

/// One line of a `.schedules` file: its text (the label in reports) and its settings.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub label: String,
    pub env: Vec<(String, String)>,
}

/// Parses `KEY=VALUE` settings, one per item; items without `=` (`default`) add nothing.
fn settings<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    items.filter_map(|l| l.split_once('=').map(|(k, v)| (k.trim().to_string(), v.to_string()))).collect()
}

impl Program {
    /// One program per schedule (`schedules`), each with the schedule's settings in `env` and its
    /// label after the path in `name`; a program without schedules is returned as it is.
    pub fn runs(&self) -> Vec<(String, Program)> {
        if self.schedules.is_empty() {
            return vec![(self.rel.clone(), self.clone())];
        }
        self.schedules
            .iter()
            .map(|s| {
                let mut p = self.clone();
                p.env.extend(s.env.iter().cloned());
                p.schedules.clear();
                (format!("{} [{}]", self.rel, s.label), p)
            })
            .collect()
    }

    /// Path of a file beside the program with another extension (`out`, `err`, `code`, `args`).
    pub fn sibling(&self, ext: &str) -> PathBuf {
        self.path.with_extension(ext)
    }
}

/// The repository root (the parent of the `repl` crate).
/// The programs listed in `tests/programs/KNOWN_FAILURES` (one path per line, relative to the
/// repository root, then `#` and the reason), with their reasons. Blank lines and lines that
/// start with `#` are ignored.
pub fn known_failures(root: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(root.join("tests/programs/KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((path, why)) => (path.trim().to_string(), why.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Every program under `tests/programs`, sorted by path, keeping those whose relative path
/// contains `filter` when one is given.
pub fn discover(root: &Path, filter: Option<&str>) -> Vec<Program> {
    let mut files = Vec::new();
    collect_rs(&root.join("tests").join("programs"), &mut files);
    // The examples of the README are golden programs too: each has its rustc-made `.out`.
    collect_rs(&root.join("examples"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(root)
                .ok()?
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if let Some(f) = filter {
                if !rel.contains(f) {
                    return None;
                }
            }
            Some(load(path, rel))
        })
        .collect()
}

fn collect_rs(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rs(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The schedules of the program at `path`: its own `.schedules`, else (when it has no `.env`
/// either) its directory's `SCHEDULES`, else none.
fn schedules(path: &Path) -> Vec<Schedule> {
    let own = fs::read_to_string(path.with_extension("schedules")).ok();
    let text = own.or_else(|| {
        if path.with_extension("env").exists() {
            return None;
        }
        fs::read_to_string(path.parent()?.join("SCHEDULES")).ok()
    });
    text.unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| Schedule { label: l.to_string(), env: settings(l.split_whitespace()) })
        .collect()
}

fn load(path: PathBuf, rel: String) -> Program {
    let read = |ext: &str| fs::read_to_string(path.with_extension(ext)).ok();
    let source = fs::read_to_string(&path).unwrap_or_default();
    let feature = rel.split('/').nth(2).unwrap_or("");
    let not_rust = source.lines().next().is_some_and(|l| l.trim() == "// not-rust");
    let lines = |text: Option<String>| -> Vec<String> {
        text.map(|t| t.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect())
            .unwrap_or_default()
    };
    Program {
        out: read("out"),
        err_lines: lines(read("err")),
        code: read("code").and_then(|c| c.trim().parse().ok()).unwrap_or(0),
        args: lines(read("args")),
        env: settings(lines(read("env")).iter().map(String::as_str)),
        stdin: fs::read(path.with_extension("stdin")).ok(),
        schedules: schedules(&path),
        is_rust: !feature.starts_with("errors") && !not_rust,
        path,
        rel,
    }
}

/// The most output kept from one stream of a run.
const OUTPUT_CAP: usize = 8 << 20;

/// What a finished (or killed) process did.
#[derive(Debug)]
pub struct RunResult {
    pub stdout: String,
    pub stderr: String,
    /// Exit code; `None` when killed by a signal or by the timeout.
    pub code: Option<i32>,
    /// A description of an abnormal end (`timed out after 10s`, `killed by signal 11`).
    pub abnormal: Option<String>,
}

/// Runs `cmd` with piped output, killing it after `timeout`.
pub fn run_with_timeout(cmd: Command, timeout: Duration) -> RunResult {
    run_with_input(cmd, timeout, None)
}

/// Runs `cmd` as `run_with_timeout` does, with `input` on its stdin (`None`: `/dev/null`).
/// The input is written by a thread, which ends when the child stops reading.
pub fn run_with_input(mut cmd: Command, timeout: Duration, input: Option<&[u8]>) -> RunResult {
    let stdin = if input.is_some() { Stdio::piped() } else { Stdio::null() };
    cmd.stdin(stdin).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return RunResult {
                stdout: String::new(),
                stderr: String::new(),
                code: None,
                abnormal: Some(format!("could not start {:?}: {e}", cmd.get_program())),
            }
        }
    };
    // Readers send the whole output when the pipe closes; after a kill they are waited for only
    // briefly, since a grandchild may still hold the pipe open.
    let reader = |pipe: Option<Box<dyn Read + Send>>| {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Keep at most OUTPUT_CAP bytes (a runaway printer must not exhaust memory), but
            // drain the pipe to the end so the child never blocks on a full pipe.
            let mut buf = Vec::new();
            let mut dropped = 0usize;
            if let Some(mut p) = pipe {
                let mut chunk = [0u8; 64 * 1024];
                loop {
                    match p.read(&mut chunk) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let keep = n.min(OUTPUT_CAP.saturating_sub(buf.len()));
                            buf.extend_from_slice(&chunk[..keep]);
                            dropped += n - keep;
                        }
                    }
                }
            }
            let mut text = String::from_utf8_lossy(&buf).into_owned();
            if dropped > 0 {
                text.push_str(&format!("\n[... {dropped} more bytes not kept]\n"));
            }
            let _ = tx.send(text);
        });
        rx
    };
    if let (Some(mut pipe), Some(bytes)) = (child.stdin.take(), input) {
        let bytes = bytes.to_vec();
        // Dropping the pipe at the end closes it: the program then sees end of input.
        std::thread::spawn(move || {
            let _ = std::io::Write::write_all(&mut pipe, &bytes);
        });
    }
    let out = reader(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let err = reader(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let start = Instant::now();
    let mut abnormal = None;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                abnormal = Some(format!("timed out after {}s (killed)", timeout.as_secs_f32()));
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                abnormal = Some(format!("wait failed: {e}"));
                break None;
            }
        }
    };
    let code = status.and_then(|s| s.code());
    if abnormal.is_none() && code.is_none() {
        abnormal = Some(describe_abnormal(status));
    }
    let grace = if abnormal.is_some() { Duration::from_secs(1) } else { Duration::from_secs(60) };
    RunResult {
        stdout: out.recv_timeout(grace).unwrap_or_default(),
        stderr: err.recv_timeout(grace).unwrap_or_default(),
        code,
        abnormal,
    }
}

#[cfg(unix)]
fn describe_abnormal(status: Option<std::process::ExitStatus>) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.and_then(|s| s.signal()) {
        Some(sig) => format!("killed by signal {sig} (crashed instead of exiting)"),
        None => format!("ended abnormally: {status:?}"),
    }
}

#[cfg(not(unix))]
fn describe_abnormal(status: Option<std::process::ExitStatus>) -> String {
    format!("ended abnormally: {status:?}")
}

/// The ways `result` differs from what `program` expects; empty when it matches.
pub fn compare(program: &Program, result: &RunResult) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(a) = &result.abnormal {
        problems.push(a.clone());
    }
    match &program.out {
        None => problems.push("no .out file".to_string()),
        Some(expected) if *expected != result.stdout => {
            problems.push(format!(
                "stdout differs (- expected, + actual):\n{}",
                diff(expected, &result.stdout)
            ));
        }
        Some(_) => {}
    }
    let code_differs = result.code != Some(program.code);
    if code_differs {
        let actual = result.code.map_or("none".to_string(), |c| c.to_string());
        problems.push(format!("exit code: expected {}, got {actual}", program.code));
    }
    // The interpreter's own Rust panic names one of its source files; a program's panic names
    // the program.
    let own_panic = ["interp/", "repl/", "stdlib/", "jit/"]
        .iter()
        .any(|dir| result.stderr.contains(&format!("panicked at {dir}")));
    if own_panic {
        problems.push(
            "the interpreter itself panicked (a bug: it must report errors, never panic)".into(),
        );
    }
    let missing: Vec<&String> =
        program.err_lines.iter().filter(|l| !result.stderr.contains(l.as_str())).collect();
    if !missing.is_empty() {
        let mut msg = String::from("stderr lacks these expected lines:\n");
        for l in missing {
            msg.push_str(&format!("    {l}\n"));
        }
        msg.push_str("  actual stderr:\n");
        for l in result.stderr.lines().take(40) {
            msg.push_str(&format!("    | {l}\n"));
        }
        problems.push(msg);
    } else if (code_differs || result.abnormal.is_some()) && !result.stderr.is_empty() {
        let mut msg = String::from("stderr (first lines):\n");
        for l in result.stderr.lines().take(15) {
            msg.push_str(&format!("    | {l}\n"));
        }
        problems.push(msg);
    }
    problems
}

/// A line diff of two texts (longest common subsequence), showing changed lines with up to two
/// lines of context, `-` for expected and `+` for actual.
pub fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.split_inclusive('\n').collect();
    let b: Vec<&str> = actual.split_inclusive('\n').collect();
    // Trim the common prefix and suffix so the quadratic table stays small.
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..].iter().rev().zip(b[pre..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops: Vec<(char, &str)> = Vec::new();
    if ma.len() * mb.len() > 4_000_000 {
        ops.extend(ma.iter().map(|l| ('-', *l)));
        ops.extend(mb.iter().map(|l| ('+', *l)));
    } else {
        let (n, m) = (ma.len(), mb.len());
        let mut t = vec![vec![0u32; m + 1]; n + 1];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                t[i][j] =
                    if ma[i] == mb[j] { t[i + 1][j + 1] + 1 } else { t[i + 1][j].max(t[i][j + 1]) };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push((' ', ma[i]));
                i += 1;
                j += 1;
            } else if i < n && (j == m || t[i + 1][j] >= t[i][j + 1]) {
                ops.push(('-', ma[i]));
                i += 1;
            } else {
                ops.push(('+', mb[j]));
                j += 1;
            }
        }
    }
    let mut out = String::new();
    let ctx_before = &a[pre.saturating_sub(2)..pre];
    let mut all: Vec<(char, &str)> = ctx_before.iter().map(|l| (' ', *l)).collect();
    let shown_ops = ops.len();
    all.extend(ops);
    all.extend(a[a.len() - suf..].iter().take(2).map(|l| (' ', *l)));
    if pre > 2 {
        out.push_str(&format!("    ... {} equal lines\n", pre - 2));
    }
    for (k, (tag, line)) in all.iter().enumerate() {
        if k >= 200 {
            out.push_str(&format!("    ... {} more diff lines\n", all.len() - k));
            break;
        }
        let (text, nl) = match line.strip_suffix('\n') {
            Some(t) => (t, ""),
            None => (*line, "  (no newline at end)"),
        };
        out.push_str(&format!("  {tag} {text}{nl}\n"));
    }
    if shown_ops == 0 {
        out.push_str("  (texts differ only in line endings)\n");
    }
    out
}

/// Applies `f` to every item on `threads` worker threads, keeping the input order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                if let Ok(mut v) = results.lock() {
                    v[i] = Some(r);
                }
            });
        }
    });
    results.into_inner().unwrap_or_default().into_iter().flatten().collect()
}

/// Worker threads for a run: `GOLDEN_JOBS` if set, else the machine's parallelism capped at 4.
pub fn jobs() -> usize {
    std::env::var("GOLDEN_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get().min(4)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_removed_before_added_with_context() {
        let d = diff("a\nb\nc\nd\n", "a\nB\nc\nd\n");
        assert!(d.contains("  - b\n  + B\n"), "{d}");
        assert!(d.contains("    a\n"), "{d}");
    }

    #[test]
    fn diff_marks_missing_final_newline() {
        let d = diff("x\n", "x");
        assert!(d.contains("(no newline at end)"), "{d}");
    }

    #[test]
    fn run_with_input_feeds_stdin_and_closes_it() {
        let r = run_with_input(Command::new("cat"), Duration::from_secs(10), Some(b"a\nb"));
        assert_eq!((r.stdout.as_str(), r.code), ("a\nb", Some(0)));
        let r = run_with_input(Command::new("cat"), Duration::from_secs(10), None);
        assert_eq!((r.stdout.as_str(), r.code), ("", Some(0)));
    }

    #[test]
    fn compare_reports_every_problem() {
        let p = Program {
            path: PathBuf::from("t.rs"),
            rel: "tests/programs/f/t.rs".into(),
            out: Some("1\n".into()),
            err_lines: vec!["boom".into()],
            code: 101,
            args: vec![],
            env: vec![],
            stdin: None,
            schedules: vec![],
            is_rust: true,
        };
        let r = RunResult {
            stdout: "2\n".into(),
            stderr: "other".into(),
            code: Some(0),
            abnormal: None,
        };
        let problems = compare(&p, &r);
        assert_eq!(problems.len(), 3, "{problems:?}");
        let ok = RunResult {
            stdout: "1\n".into(),
            stderr: "x boom y".into(),
            code: Some(101),
            abnormal: None,
        };
        assert!(compare(&p, &ok).is_empty());
    }

    #[test]
    fn run_with_timeout_kills_a_hanging_child() {
        let mut cmd = Command::new("sleep");
        cmd.arg("20");
        let start = Instant::now();
        let r = run_with_timeout(cmd, Duration::from_millis(200));
        assert!(r.abnormal.is_some_and(|a| a.contains("timed out")));
        assert!(start.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn run_with_timeout_caps_a_runaway_printer() {
        let mut cmd = Command::new("yes");
        cmd.arg("0123456789");
        let r = run_with_timeout(cmd, Duration::from_millis(500));
        assert!(r.abnormal.is_some());
        assert!(r.stdout.len() <= OUTPUT_CAP + 100, "{}", r.stdout.len());
    }
}
