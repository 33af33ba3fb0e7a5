//! The `teras` command as a user runs it: `--help`, `--version`, `run`, `check`, errors for
//! files that cannot be read, and the REPL fed through a pipe.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory for one test, under the system temp dir.
fn temp_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "teras-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `teras ARGS`, with a private HOME (history) and no colours.
fn teras(args: &[&str]) -> Command {
    let home = temp_dir();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_teras"));
    cmd.args(args)
        .env("HOME", &home)
        .env("XDG_STATE_HOME", &home)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

fn run(args: &[&str]) -> Output {
    teras(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The REPL reading `input` from a pipe.
fn repl_piped(input: &str) -> Output {
    repl_piped_bytes(input.as_bytes())
}

fn repl_piped_bytes(input: &[u8]) -> Output {
    let mut child = teras(&["repl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// For inputs that are the user's mistake: a diagnostic, never a panic of teras itself.
fn assert_no_rust_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "teras panicked: {err}");
    assert_ne!(o.status.code(), Some(101), "{err}");
}

#[test]
fn help_lists_subcommands() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for word in ["run", "check", "repl", "--version"] {
        assert!(out.contains(word), "--help lacks {word}: {out}");
    }
    let o = run(&["run", "--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("--dump-bytecode"));
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).trim(), format!("teras {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("frobnicate"));
}

#[test]
fn run_missing_file() {
    let o = run(&["run", "/no/such/dir/missing_prog.rs"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("/no/such/dir/missing_prog.rs"), "{err}");
    assert!(err.contains("cannot find"), "{err}");
    assert!(err.contains("help"), "{err}");
    assert!(stdout(&o).is_empty());
    assert_no_rust_panic(&o);
}

#[test]
fn check_missing_file() {
    let o = run(&["check", "nope_missing.rs"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nope_missing.rs"));
    assert_no_rust_panic(&o);
}

#[test]
fn run_directory() {
    let dir = temp_dir();
    let o = run(&["run", &dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
    assert_no_rust_panic(&o);
}

#[test]
fn run_non_utf8_file() {
    let dir = temp_dir();
    let p = write(&dir, "latin1.rs", b"fn main() {\n    println!(\"caf\xe9\");\n}\n");
    let o = run(&["run", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("line 2"), "{err}");
    assert_no_rust_panic(&o);
}

#[test]
fn run_unreadable_file() {
    let dir = temp_dir();
    let p = write(&dir, "secret.rs", b"fn main() {}\n");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        return; // running as root: permissions do not stop reading
    }
    let o = run(&["run", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("permission denied"), "{}", stderr(&o));
}

#[test]
fn diagnostics_without_tty_have_no_colour_codes() {
    let dir = temp_dir();
    let p = write(&dir, "x.rs", b"fn main() {}\n");
    let missing = p.with_file_name("y.rs");
    let mut cmd = teras(&["run", &missing.to_string_lossy()]);
    cmd.env_remove("NO_COLOR");
    let o = cmd.output().unwrap();
    assert!(!stderr(&o).contains('\x1b'), "{:?}", stderr(&o));
}

// The tests below need the compiler and VM behind `Session`.

#[test]
fn check_syntax_error() {
    let dir = temp_dir();
    let p = write(&dir, "broken.rs", b"fn main() {\n    let x = ;\n    println!(\"{}\", x);\n}\n");
    let o = run(&["check", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("broken.rs"), "{err}");
    assert!(err.contains(":2:"), "the diagnostic should point at line 2: {err}");
    assert!(err.contains("could not compile"), "{err}");
    assert!(stdout(&o).is_empty(), "check keeps stdout silent");
    assert_no_rust_panic(&o);
}

#[test]
fn check_good_program() {
    let dir = temp_dir();
    let p = write(&dir, "good.rs", b"fn main() {\n    println!(\"hi\");\n}\n");
    let o = run(&["check", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    assert!(stdout(&o).is_empty(), "check must not run the program");
}

#[test]
fn run_hello_world() {
    let dir = temp_dir();
    let p = write(&dir, "hello.rs", b"fn main() {\n    println!(\"Hello, world!\");\n}\n");
    let o = run(&["run", &p.to_string_lossy()]);
    assert_eq!(stdout(&o), "Hello, world!\n", "stderr: {}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn run_passes_args() {
    let dir = temp_dir();
    let src = b"fn main() {\n    let a: Vec<String> = std::env::args().skip(1).collect();\n    println!(\"{:?}\", a);\n}\n";
    let p = write(&dir, "args.rs", src);
    let o = run(&["run", &p.to_string_lossy(), "one", "--two", "-3"]);
    assert_eq!(stdout(&o), "[\"one\", \"--two\", \"-3\"]\n", "stderr: {}", stderr(&o));
}

#[test]
fn run_exit_code_and_panic() {
    let dir = temp_dir();
    let p = write(&dir, "exit.rs", b"fn main() {\n    std::process::exit(3);\n}\n");
    assert_eq!(run(&["run", &p.to_string_lossy()]).status.code(), Some(3));
    let p = write(&dir, "panic.rs", b"fn main() {\n    panic!(\"boom\");\n}\n");
    let o = run(&["run", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(101));
    assert!(stderr(&o).contains("thread 'main' panicked at"), "{}", stderr(&o));
    assert!(stderr(&o).contains("boom"));
}

#[test]
fn a_seed_that_is_not_a_number_is_a_usage_error() {
    let dir = temp_dir();
    let p = write(&dir, "seeded.rs", b"fn main() {\n    println!(\"ran\");\n}\n");
    let o = teras(&["run", &p.to_string_lossy()]).env("TERAS_SEED", "abc").output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("TERAS_SEED=\"abc\" is not a seed"), "{}", stderr(&o));
    assert!(stderr(&o).contains("help: "), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let o = teras(&["run", &p.to_string_lossy()]).env("TERAS_SEED", "42").output().unwrap();
    assert_eq!(stdout(&o), "ran\n", "{}", stderr(&o));
}

#[test]
fn run_compile_error_exits_1() {
    let dir = temp_dir();
    let p = write(&dir, "bad.rs", b"fn main() {\n    let = 5;\n}\n");
    let o = run(&["run", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("could not compile `"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn dump_bytecode() {
    let dir = temp_dir();
    let p = write(
        &dir,
        "f.rs",
        b"fn sq(x: i32) -> i32 { x * x }\nfn main() {\n    println!(\"{}\", sq(3));\n}\n",
    );
    let o = run(&["run", "--dump-bytecode", &p.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("sq"), "{out}");
    assert_ne!(out.trim(), "9", "--dump-bytecode must not run the program");
}

#[test]
fn repl_through_a_pipe() {
    let o = repl_piped(
        "fn sq(x: i32) -> i32 { x * x }\nlet v = vec![\n1, 2];\nlet = ;\nsq(v[1])\n:type v\n",
    );
    let out = stdout(&o);
    assert!(out.contains("4: i32"), "stdout: {out}\nstderr: {}", stderr(&o));
    assert!(out.contains("Vec<i32>"), "{out}");
    assert!(!out.contains(">> "), "no prompt when stdin is not a terminal: {out}");
    assert!(!out.contains("teras "), "no banner when stdin is not a terminal: {out}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn repl_ends_a_line_that_print_left_open() {
    let o = repl_piped("print!(\"abc\")\nprint!(\"x\"); 5\nprintln!(\"full\")\n1\n");
    assert_eq!(stdout(&o), "abc\nx\n5: i32\nfull\n1: i32\n", "stderr: {}", stderr(&o));
}

#[test]
fn repl_keeps_going_after_errors_and_panics() {
    let o =
        repl_piped("let x: u8 = 255;\nx + 1\nundefined_thing\nlet y = x as i32 * 2;\ny\n:vars\n");
    let out = stdout(&o);
    let err = stderr(&o);
    assert!(err.contains("attempt to add with overflow"), "{err}");
    assert!(err.contains("undefined_thing"), "{err}");
    assert!(out.contains("510: i32"), "stdout: {out}\nstderr: {err}");
    assert!(out.contains("x: u8 = 255"), "{out}");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn repl_exit_ends_with_its_code() {
    let o = repl_piped("1\nstd::process::exit(7);\n2\n");
    assert_eq!(stdout(&o), "1: i32\n", "stderr: {}", stderr(&o));
    assert_eq!(o.status.code(), Some(7));
}

#[test]
fn piped_repl_keeps_no_history() {
    let home = temp_dir();
    let mut child = Command::new(env!("CARGO_BIN_EXE_teras"))
        .arg("repl")
        .env("HOME", &home)
        .env("XDG_STATE_HOME", &home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"1 + 1\n").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(stdout(&o), "2: i32\n");
    assert!(!home.join("teras").join("history").exists());
    assert!(!home.join(".teras_history").exists());
}

#[test]
fn piped_repl_skips_non_utf8_lines() {
    let o = repl_piped_bytes(b"1\n\xff\xfe\n2\n");
    assert_eq!(stdout(&o), "1: i32\n2: i32\n", "stderr: {}", stderr(&o));
    assert!(stderr(&o).contains("not valid UTF-8"));
    assert_eq!(o.status.code(), Some(0));
}

/// The README's REPL example, word for word.
#[test]
fn readme_repl_example() {
    let o = repl_piped(
        "fn sq(x: i32) -> i32 { x * x }\nlet v = vec![1, 2, 3];\nv.iter().map(|&x| sq(x)).collect::<Vec<_>>()\n",
    );
    assert_eq!(stdout(&o), "[1, 4, 9]: Vec<i32>\n", "stderr: {}", stderr(&o));
}
