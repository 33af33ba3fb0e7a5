//! The rustc oracle: proves that the expected files of the golden corpus are what rustc's binary
//! does. Every program that is valid Rust is compiled with `rustc --edition 2021` from the
//! repository root (so panic locations read `tests/programs/...` as they do under teras), run
//! with its `.args` (and `.stdin` on its stdin), and its stdout, exit code and expected stderr lines compared with the
//! `.out`, `.code` and `.err` files. Programs in `errors*` directories must be rejected by rustc,
//! whose diagnostics must contain every line of their `.err` file.
//! Programs marked `// not-rust` outside those directories are skipped.
//!
//! When rustc is not on PATH the test prints a notice and passes.
//!
//! Compiled programs are cached in cargo's test scratch directory (`target/.../tmp`), named by a
//! hash of rustc's version and the program's path and source, so a rerun compiles only what
//! changed.
//!
//! Environment: `GOLDEN_FILTER`, `GOLDEN_JOBS` as for `golden.rs`; `RUSTC_BLESS=1` writes the
//! `.out` and `.code` files (and, for panics, the `.err` file with the panic lines) from rustc's
//! run: the way expected files are made.

#[path = "../../tests/harness/corpus.rs"]
mod corpus;

use corpus::{
    compare, discover, jobs, parallel_map, repo_root, run_with_timeout, Program, RunResult,
};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// `rustc -vV` (version, commit, host), or `None` when rustc cannot be run.
fn rustc_version() -> Option<String> {
    let o = Command::new("rustc").arg("-vV").output().ok()?;
    o.status.success().then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// Where compiled programs are kept between runs: cargo's per-test scratch directory.
fn cache_dir() -> PathBuf {
    let base = option_env!("CARGO_TARGET_TMPDIR").map_or_else(std::env::temp_dir, PathBuf::from);
    base.join("rustc-oracle-cache")
}

/// The cached executable of a program: named by a hash of rustc's version, the program's path
/// and its source, so an edited program or another rustc is compiled afresh.
fn cached_exe(p: &Program, rustc: &str) -> PathBuf {
    let mut h = DefaultHasher::new();
    rustc.hash(&mut h);
    p.rel.hash(&mut h);
    std::fs::read(&p.path).unwrap_or_default().hash(&mut h);
    cache_dir().join(format!("{}-{:016x}", p.rel.replace(['/', '.'], "_"), h.finish()))
}

fn compile(root: &Path, p: &Program, exe: &Path) -> RunResult {
    let mut cmd = Command::new("rustc");
    cmd.current_dir(root)
        .args(["--edition", "2021", "--crate-name", "golden", "-A", "warnings"])
        // Without debug info a binary is a tenth of the size; symbols (for backtraces) stay.
        .args(["-C", "strip=debuginfo", "-o"])
        .arg(exe)
        .arg(&p.rel);
    run_with_timeout(cmd, Duration::from_secs(300))
}

/// The panic lines of a rustc binary's stderr, as `.err` lines: `panicked at FILE:LINE:COL:`
/// (without rustc's `thread 'main' (ID) ` prefix, which names a thread id teras does not print)
/// and the message lines up to the `note: run with RUST_BACKTRACE` line. When the location is
/// inside the standard library (`/rustc/.../library/core/...`, as for `i32::pow` or
/// `Iterator::sum` overflow) only the message is kept: teras cannot name rustc's library files.
fn panic_lines(stderr: &str) -> Option<String> {
    let start = stderr.find("panicked at ")?;
    let rest = &stderr[start..];
    let end = ["note: run with `RUST_BACKTRACE", "stack backtrace:"]
        .iter()
        .filter_map(|marker| rest.find(marker))
        .min()
        .unwrap_or(rest.len());
    let lines = &rest[..end];
    if lines.starts_with("panicked at tests/") {
        Some(lines.to_string())
    } else {
        Some(lines.split_once('\n').map_or("", |(_, msg)| msg).to_string())
    }
}

fn bless(p: &Program, r: &RunResult) -> std::io::Result<()> {
    std::fs::write(p.sibling("out"), &r.stdout)?;
    let code = r.code.unwrap_or(1);
    if code == 0 {
        if p.sibling("code").exists() {
            std::fs::remove_file(p.sibling("code"))?;
        }
    } else {
        std::fs::write(p.sibling("code"), format!("{code}\n"))?;
    }
    // An existing `.err` whose lines rustc's stderr all contains is kept (it may hold lines
    // written by hand, such as backtrace frames).
    let err_still_holds =
        !p.err_lines.is_empty() && p.err_lines.iter().all(|l| r.stderr.contains(l.as_str()));
    if code == 101 && !err_still_holds {
        if let Some(lines) = panic_lines(&r.stderr) {
            std::fs::write(p.sibling("err"), lines)?;
        }
    }
    Ok(())
}

/// Deletes cached executables of programs that no longer exist or have changed.
fn remove_stale_cache_entries(programs: &[Program], rustc: &str) {
    let current: std::collections::HashSet<PathBuf> =
        programs.iter().map(|p| cached_exe(p, rustc)).collect();
    let Ok(entries) = std::fs::read_dir(cache_dir()) else { return };
    for entry in entries.flatten() {
        if !current.contains(&entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Checks one program against rustc; returns its problems (empty: agrees, or blessed).
fn check(root: &Path, rustc: &str, p: &Program, blessing: bool) -> Vec<String> {
    let exe = cached_exe(p, rustc);
    if p.is_rust && exe.is_file() {
        return run_and_compare(root, &exe, p, blessing);
    }
    let c = compile(root, p, &exe);
    if !p.is_rust {
        // `errors*` programs must be rejected by rustc too, and their expected diagnostic lines
        // (messages and `FILE:LINE:` locations) must be rustc's wording.
        if c.code == Some(0) {
            return vec!["rustc accepts this program, but it is in an errors* directory".into()];
        }
        if p.code != 1 || p.out.as_deref() != Some("") {
            return vec!["a program rustc rejects must expect exit code 1 and no stdout".into()];
        }
        let missing: Vec<&String> =
            p.err_lines.iter().filter(|l| !c.stderr.contains(l.as_str())).collect();
        if missing.is_empty() {
            return Vec::new();
        }
        return vec![format!(
            "rustc's diagnostics lack these .err lines: {missing:?}\nrustc said:\n{}",
            c.stderr
        )];
    }
    if c.code != Some(0) {
        return vec![format!("rustc failed to compile it:\n{}", c.stderr)];
    }
    run_and_compare(root, &exe, p, blessing)
}

/// Runs a compiled program and compares (or, blessing, records) what it does.
fn run_and_compare(root: &Path, exe: &Path, p: &Program, blessing: bool) -> Vec<String> {
    let mut cmd = Command::new(exe);
    cmd.current_dir(root).args(&p.args).env_remove("RUST_BACKTRACE");
    cmd.envs(p.env.iter().map(|(k, v)| (k, v)));
    let r = corpus::run_with_input(cmd, Duration::from_secs(30), p.stdin.as_deref());
    if blessing && r.abnormal.is_none() {
        return match bless(p, &r) {
            Ok(()) => Vec::new(),
            Err(e) => vec![format!("could not bless: {e}")],
        };
    }
    compare(p, &r)
}

#[test]
fn expected_files_are_rustcs() {
    let Some(rustc) = rustc_version() else {
        eprintln!("rustc_oracle: rustc is not on PATH; skipping the oracle check");
        return;
    };
    let root = repo_root();
    let filter = std::env::var("GOLDEN_FILTER").ok();
    let blessing = std::env::var("RUSTC_BLESS").is_ok_and(|v| v == "1");
    let programs: Vec<Program> = discover(&root, filter.as_deref())
        .into_iter()
        .filter(|p| p.is_rust || p.rel.split('/').nth(2).is_some_and(|f| f.starts_with("errors")))
        .collect();
    std::fs::create_dir_all(cache_dir()).expect("create the cache directory");
    let results = parallel_map(&programs, jobs(), |p| check(&root, &rustc, p, blessing));
    if filter.is_none() {
        remove_stale_cache_entries(&programs, &rustc);
    }

    let mut failed = Vec::new();
    for (p, problems) in programs.iter().zip(&results) {
        if problems.is_empty() {
            continue;
        }
        eprintln!("\n==== RUSTC DISAGREES {} ====", p.rel);
        for problem in problems {
            eprintln!("{problem}");
        }
        failed.push(p.rel.clone());
    }
    eprintln!(
        "\nrustc oracle: {} programs checked, {} agree, {} disagree{}",
        programs.len(),
        programs.len() - failed.len(),
        failed.len(),
        if blessing { " (RUSTC_BLESS=1: expected files rewritten)" } else { "" }
    );
    assert!(failed.is_empty(), "rustc disagrees with the expected files of: {failed:?}");
}
