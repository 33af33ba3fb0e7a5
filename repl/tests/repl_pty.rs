//! REPL sessions through a real pseudo-terminal (rexpect): typing, multi-line input,
//! compile errors, panics, Ctrl-C during a running loop and while editing, meta commands,
//! history and tab completion. Every wait has a timeout, so a broken REPL fails the test
//! instead of hanging it.
//!
//! Output read back from the terminal has its ANSI escape codes stripped; rexpect reads it
//! byte by byte as Latin-1, so non-ASCII text is matched through `mojibake`.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rexpect::reader::Options;
use rexpect::session::{spawn_with_options, PtySession};

/// Milliseconds any single expectation may wait.
const TIMEOUT_MS: u64 = 30_000;

fn temp_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "teras-pty-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// How text shows up in rexpect's buffer (each byte taken as a char).
fn mojibake(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

/// miette's error marker in the colourless Unicode theme.
fn error_marker() -> String {
    mojibake("\u{d7}")
}

struct Repl {
    p: PtySession,
    /// HOME and XDG_STATE_HOME of the session (the history lives here).
    home: PathBuf,
}

impl Repl {
    /// `teras repl` in a fresh home, without colours.
    fn start() -> Repl {
        Repl::start_in(temp_dir(), true)
    }

    fn start_in(home: PathBuf, no_color: bool) -> Repl {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_teras"));
        cmd.arg("repl")
            .env("HOME", &home)
            .env("XDG_STATE_HOME", &home)
            .env("TERM", "xterm")
            .env_remove("RUST_BACKTRACE")
            .env_remove("COLUMNS");
        if no_color {
            cmd.env("NO_COLOR", "1");
        } else {
            cmd.env_remove("NO_COLOR");
        }
        let options = Options::new().timeout_ms(Some(TIMEOUT_MS)).strip_ansi_escape_codes(true);
        let p = spawn_with_options(cmd, options).expect("spawn teras repl in a pty");
        let mut repl = Repl { p, home };
        repl.expect("Type :help");
        repl.prompt();
        repl
    }

    /// Wait for `needle` in the output; on timeout, fail with what was seen.
    fn expect(&mut self, needle: &str) -> String {
        match self.p.exp_string(needle) {
            Ok(before) => before,
            Err(e) => panic!("waiting for {needle:?}: {e}"),
        }
    }

    /// Wait for the main prompt at the start of a line.
    fn prompt(&mut self) -> String {
        match self.p.exp_regex(r"\n\r*>> ") {
            Ok((before, _)) => before,
            Err(e) => panic!("waiting for the `>> ` prompt: {e}"),
        }
    }

    /// Wait for the continuation prompt.
    fn continuation(&mut self) {
        if let Err(e) = self.p.exp_regex(r"\n\r*\.\. ") {
            panic!("waiting for the `.. ` prompt: {e}");
        }
    }

    fn line(&mut self, text: &str) {
        self.p.send_line(text).expect("write to the pty");
    }

    /// Type a line and wait for the next prompt; returns what was printed in between.
    fn eval(&mut self, text: &str) -> String {
        self.line(text);
        self.prompt()
    }

    /// Type a line, expect `needle` in its output, then the next prompt.
    fn eval_expect(&mut self, text: &str, needle: &str) {
        self.line(text);
        self.expect(needle);
        self.prompt();
    }

    /// Press Ctrl-C until the running input reports `interrupted`, then wait for the prompt.
    /// (A press that reaches the terminal before the REPL left raw mode is only a key; so
    /// under load it can take a second press. Three unanswered presses end teras, which
    /// the timeout here stays well below.)
    fn interrupt_running(&mut self) {
        let deadline = Instant::now() + Duration::from_millis(TIMEOUT_MS);
        let mut next_press = Instant::now() + Duration::from_millis(500);
        let mut seen = String::new();
        while Instant::now() < deadline {
            if Instant::now() >= next_press {
                self.p.send_control('c').expect("send Ctrl-C");
                next_press += Duration::from_secs(4);
            }
            while let Some(c) = self.p.try_read() {
                seen.push(c);
            }
            if let Some(at) = seen.find("interrupted") {
                let rest = seen.get(at..).unwrap_or("");
                if !rest.contains(">> ") {
                    // The line break before the prompt may already have been read here, and
                    // then `prompt`'s pattern (which starts with it) could never match.
                    if rest.contains('\n') {
                        self.expect(">> ");
                    } else {
                        self.prompt();
                    }
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("no `interrupted` after Ctrl-C; output: {seen:?}");
    }

    fn quit(mut self) {
        self.line(":quit");
        if let Err(e) = self.p.exp_eof() {
            panic!("teras did not exit after :quit: {e}");
        }
    }
}

#[test]
fn session_survives_errors_panics_and_interrupts() {
    let mut r = Repl::start();
    r.eval("fn sq(x: i32) -> i32 { x * x }");

    // An incomplete input continues at the `..` prompt.
    r.line("let v = vec![");
    r.continuation();
    r.eval("1, 2];");

    // A compile error: a diagnostic, then the prompt again.
    r.eval_expect("let = 5;", &error_marker());

    // A panic: Rust's message (built at run time, so not the echo of the input).
    r.line(r#"panic!("bo{}m", "o")"#);
    r.expect("panicked at");
    r.expect("boom");
    r.prompt();

    // Ctrl-C while code runs stops it.
    r.line("loop {}");
    r.interrupt_running();

    // Everything defined before is still there.
    r.eval_expect("sq(v[1])", "4: i32");
    r.eval_expect(":type v", "Vec<i32>");
    r.eval_expect(":vars", "v: Vec<i32> = [1, 2]");

    r.eval_expect(":reset", "session reset");
    r.eval_expect(":vars", "no variables");
    r.eval_expect("sq(2)", &error_marker());
    r.eval_expect("1 + 2", "3: i32");
    r.quit();
}

#[test]
fn ctrl_c_clears_the_line_and_ctrl_d_quits() {
    let mut r = Repl::start();
    // Ctrl-C while editing drops the line, also inside an unfinished input.
    r.p.send("1 + ").expect("type");
    r.p.send_control('c').expect("Ctrl-C");
    r.prompt();
    r.line("let w = (");
    r.continuation();
    r.p.send_control('c').expect("Ctrl-C");
    r.prompt();
    r.eval_expect("40 + 2", "42: i32");
    r.p.send_control('d').expect("Ctrl-D");
    if let Err(e) = r.p.exp_eof() {
        panic!("teras did not exit on Ctrl-D: {e}");
    }
}

#[test]
fn meta_commands_help_time_load() {
    let mut r = Repl::start();
    r.eval_expect(":help", ":vars");
    r.eval_expect(":nonsense", "unknown command");

    let file = r.home.join("cube.rs");
    std::fs::write(&file, "fn cube(x: i64) -> i64 {\n    x * x * x\n}\n").unwrap();
    r.eval_expect(&format!(":load {}", file.display()), "loaded");
    r.eval_expect("cube(3)", "27: i64");

    r.line(":time cube(4)");
    r.expect("64: i64");
    r.expect("time: ");
    r.prompt();

    r.eval_expect(":load /no/such/file.rs", "cannot find the file");
    r.eval_expect("cube(2)", "8: i64");
    r.quit();
}

#[test]
fn history_persists_across_sessions() {
    let home = temp_dir();
    let mut r = Repl::start_in(home.clone(), true);
    r.eval_expect("6 * 7", "42: i32");
    r.quit();

    let history = std::fs::read_to_string(home.join("teras").join("history")).unwrap_or_default();
    assert!(history.contains("6 * 7"), "history file: {history:?}");

    // Up arrow recalls the previous session's inputs (`:quit` last, then `6 * 7`).
    let mut r = Repl::start_in(home, true);
    r.p.send("\x1b[A\x1b[A").expect("up arrow");
    r.line("");
    r.expect("42: i32");
    r.prompt();
    r.quit();
}

#[test]
fn tab_completes_names_in_scope() {
    let mut r = Repl::start();
    r.eval("fn squared_plus_one(x: i32) -> i32 { x * x + 1 }");
    r.p.send("squared_pl\t").expect("type");
    std::thread::sleep(Duration::from_millis(300));
    r.eval_expect("(3)", "10: i32");
    r.quit();
}

#[test]
fn colours_do_not_disturb_the_session() {
    let mut r = Repl::start_in(temp_dir(), false);
    r.eval("let s = String::from(\"hi\");");
    r.eval_expect("s.len()", "2: usize");
    r.eval_expect("let = ;", &error_marker());
    r.quit();
}
