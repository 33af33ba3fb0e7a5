//! Golden programs: runs `teras run tests/programs/<feature>/<name>.rs` for every program of the
//! corpus (from the repository root) and compares stdout exactly, the expected stderr lines and
//! the exit code with the files beside the program (see `tests/harness/corpus.rs` and
//! `tests/programs/README.md`).
//!
//! Environment:
//! - `GOLDEN_FILTER=substr`  run only programs whose path contains `substr` (a program with a
//!   `.schedules` file runs once per schedule, reported as `path [schedule]`);
//! - `GOLDEN_TIMEOUT=secs`   per-program timeout (default 10);
//! - `GOLDEN_JOBS=n`         worker threads (default: cores, at most 4);
//! - `GOLDEN_BLESS=1`        rewrite `.out`/`.code` from teras's output for the programs that are
//!   not valid Rust (`errors*` directories, `// not-rust`); `GOLDEN_BLESS=all` also for valid
//!   Rust programs, whose expected files must stay rustc's (check with the rustc oracle).
//!
//! Every failure is reported in one run with a diff, then a summary; the test fails if any did,
//! except the programs listed in `tests/programs/KNOWN_FAILURES` with the reason (gaps named
//! honestly, not hidden). The list is strict: a listed program that passes fails the test until
//! it is taken off the list, and a listed path that does not exist fails it too.

#[path = "../../tests/harness/corpus.rs"]
mod corpus;

use corpus::{
    compare, discover, jobs, known_failures, parallel_map, repo_root, Program,
};
use std::process::Command;
use std::time::Duration;

fn run_teras(p: &Program, timeout: Duration) -> corpus::RunResult {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_teras"));
    cmd.current_dir(repo_root()).arg("run").arg(&p.rel).args(&p.args);
    // Deterministic diagnostics whatever terminal `cargo test` runs in: no colours, and a width
    // that never wraps a message line (the `.err` lines are matched line by line).
    cmd.env_remove("RUST_BACKTRACE").env("NO_COLOR", "1").env("COLUMNS", "1000");
    cmd.envs(p.env.iter().map(|(k, v)| (k, v)));
    corpus::run_with_input(cmd, timeout, p.stdin.as_deref())
}

fn bless(p: &Program, r: &corpus::RunResult) -> std::io::Result<()> {
    std::fs::write(p.sibling("out"), &r.stdout)?;
    let code = r.code.unwrap_or(1);
    if code == 0 {
        if p.sibling("code").exists() {
            std::fs::remove_file(p.sibling("code"))?;
        }
    } else {
        std::fs::write(p.sibling("code"), format!("{code}\n"))?;
    }
    Ok(())
}

#[test]
fn golden_programs() {
    let root = repo_root();
    let filter = std::env::var("GOLDEN_FILTER").ok();
    let timeout = std::env::var("GOLDEN_TIMEOUT")
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|t| t.is_finite() && *t > 0.0)
        .unwrap_or(10.0);
    let timeout = Duration::from_secs_f64(timeout);
    let bless_mode = std::env::var("GOLDEN_BLESS").unwrap_or_default();
    let programs = discover(&root, filter.as_deref());
    assert!(
        !programs.is_empty() || filter.is_some(),
        "no golden programs found under tests/programs"
    );

    // A program with a `.schedules` file is one run per schedule, each reported by its own name.
    let runs: Vec<(String, Program)> = programs.iter().flat_map(Program::runs).collect();
    let results = parallel_map(&runs, jobs(), |(_, p)| {
        let r = run_teras(p, timeout);
        let problems = compare(p, &r);
        (r, problems)
    });

    let known = known_failures(&root);
    let is_known = |rel: &str| known.iter().any(|(k, _)| k == rel);
    let mut stale = Vec::new();
    for (k, _) in &known {
        if !root.join(k).exists() {
            stale.push(format!("{k} (no such program)"));
        }
    }
    let mut failed = Vec::new();
    let mut known_failed = 0;
    let mut blessed = 0;
    let mut passing_known = std::collections::BTreeSet::new();
    let mut failing_known = std::collections::BTreeSet::new();
    let mut blessed_rels = std::collections::BTreeSet::new();
    for ((name, p), (r, problems)) in runs.iter().zip(&results) {
        if problems.is_empty() {
            if is_known(&p.rel) {
                passing_known.insert(p.rel.clone());
            }
            continue;
        }
        if is_known(&p.rel) {
            known_failed += 1;
            failing_known.insert(p.rel.clone());
            eprintln!("known failure: {name}");
            continue;
        }
        // Only one run of a program writes its files (the others are checked against the old).
        let may_bless = (bless_mode == "all" || (bless_mode == "1" && !p.is_rust))
            && !blessed_rels.contains(&p.rel);
        if may_bless && r.abnormal.is_none() {
            blessed_rels.insert(p.rel.clone());
            match bless(p, r) {
                Ok(()) => {
                    blessed += 1;
                    eprintln!("blessed {}", p.rel);
                    continue;
                }
                Err(e) => eprintln!("could not bless {}: {e}", p.rel),
            }
        }
        eprintln!("\n==== FAIL {name} ====");
        for problem in problems {
            eprintln!("{problem}");
        }
        failed.push(name.clone());
    }
    // A listed program is stale when no run of it fails any more.
    for rel in passing_known.difference(&failing_known) {
        stale.push(format!("{rel} (passes now)"));
    }

    // Per-feature counts: `feature passed/total`.
    let mut features: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for (name, p) in &runs {
        let feature = p.rel.split('/').nth(2).unwrap_or("examples");
        let entry = features.entry(feature).or_default();
        entry.1 += 1;
        if !failed.contains(name) && !is_known(&p.rel) {
            entry.0 += 1;
        }
    }
    eprintln!("\nper feature (passed/total):");
    for (feature, (ok, total)) in &features {
        eprintln!("  {feature:<20} {ok:>3}/{total}");
    }

    let passed = runs.len() - failed.len() - blessed - known_failed;
    eprintln!(
        "\ngolden: {} programs in {} runs, {passed} passed, {} failed, {known_failed} known failures{}",
        programs.len(),
        runs.len(),
        failed.len(),
        if blessed > 0 { format!(", {blessed} blessed") } else { String::new() }
    );
    if !stale.is_empty() && filter.is_none() {
        eprintln!("tests/programs/KNOWN_FAILURES is out of date; remove:");
        for s in &stale {
            eprintln!("  {s}");
        }
        panic!("{} stale entries in tests/programs/KNOWN_FAILURES", stale.len());
    }
    if !failed.is_empty() {
        eprintln!("failed programs:");
        for f in &failed {
            eprintln!("  {f}");
        }
        panic!("{} of {} golden runs failed", failed.len(), runs.len());
    }
}
