//! Programs exercising the prelude through the whole interpreter, with the output rustc's
//! build of the same program prints.

use crate::session::Outcome;
pub(crate) use crate::test_support::run_program as run;

fn check(src: &str, expected: &str) {
    let (out, o) = run(src);
    if let Outcome::CompileErrors(es) = &o {
        for e in es {
            eprintln!("{e:?}");
        }
    }
    assert_eq!(out, expected, "outcome {o:?}");
}

/// A program of `prelude_tests/` and the output of its rustc build (`NAME.out`).
macro_rules! golden {
    ($name:ident) => {
        #[test]
        fn $name() {
            check(
                include_str!(concat!("prelude_tests/", stringify!($name), ".rs")),
                include_str!(concat!("prelude_tests/", stringify!($name), ".out")),
            );
        }
    };
}

golden!(iter1);
golden!(coll1);
golden!(str1);
golden!(user1);
golden!(misc1);
golden!(std1);
golden!(arr2);
golden!(opt2);
golden!(it3);

golden!(ref1);
golden!(up);

#[test]
fn smoke() {
    check("fn main() { println!(\"hi {}\", 1 + 2); }\n", "hi 3\n");
}

/// A development aid: runs the program in the file named by `TERAS_DEBUG_PROGRAM` and
/// prints its output (`cargo test debug_program -- --ignored --nocapture`).
#[test]
#[ignore = "development aid"]
fn debug_program() {
    let path = std::env::var("TERAS_DEBUG_PROGRAM").unwrap_or_default();
    if std::env::var("TERAS_NO_BORROW_TRACKING").is_ok() {
        super::cell::set_borrow_tracking(false);
    }
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let (out, o) = run(&src);
    eprintln!("OUT:\n{out}\nOUTCOME: {o:?}");
}

/// A development aid: runs every `*.rs` under the directories in `TERAS_DEBUG_DIRS`
/// (colon-separated) that has a `.out` beside it and lists the ones whose stdout differs
/// (`cargo test debug_dirs -- --ignored --nocapture`).
#[test]
#[ignore = "development aid"]
fn debug_dirs() {
    let dirs = std::env::var("TERAS_DEBUG_DIRS").unwrap_or_default();
    let (mut pass, mut fail) = (0, 0);
    for dir in dirs.split(':').filter(|d| !d.is_empty()) {
        let Ok(entries) = std::fs::read_dir(dir) else { continue };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let Ok(expected) = std::fs::read_to_string(p.with_extension("out")) else { continue };
            if p.with_extension("args").exists() {
                continue;
            }
            let src = std::fs::read_to_string(&p).unwrap_or_default();
            eprintln!("RUN {}", p.display());
            let (out, o) = run(&src);
            if out == expected {
                pass += 1;
            } else {
                fail += 1;
                let first = out.lines().zip(expected.lines()).position(|(a, b)| a != b);
                let line = first.unwrap_or(out.lines().count().min(expected.lines().count()));
                eprintln!(
                    "FAIL {} ({o:?}) line {}: got {:?} want {:?}",
                    p.display(),
                    line + 1,
                    out.lines().nth(line).unwrap_or("<end>"),
                    expected.lines().nth(line).unwrap_or("<end>")
                );
            }
        }
    }
    eprintln!("{pass} passed, {fail} failed");
}
