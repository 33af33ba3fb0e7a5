//! A false-positive hunt over real Rust sources that rustc compiles (crate sources, this
//! repository): every diagnostic the checks give there is a bug. Ignored by default; run
//! with `CHECK_CORPUS=dir1:dir2 cargo test -p teras-interp corpus -- --ignored --nocapture`.

use crate::diag::Source;

fn rs_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>, depth: u32) {
    if depth > 12 {
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out, depth + 1);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
#[ignore = "development aid: needs CHECK_CORPUS=<dirs> naming an outside corpus to check"]
fn corpus_gives_no_reports() {
    let Ok(dirs) = std::env::var("CHECK_CORPUS") else { return };
    let mut files = Vec::new();
    for d in dirs.split(':') {
        rs_files(std::path::Path::new(d), &mut files, 0);
    }
    let (prelude, _) = crate::syntax::parse_file(crate::builtins::PRELUDE);
    let mut base = crate::typeck::Typeck::new();
    base.add_items(&prelude.items);
    let (mut parsed, mut reports) = (0, 0);
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        if text.len() > 400_000 {
            continue;
        }
        let (file, diags) = crate::syntax::parse_file(&text);
        if !diags.is_empty() {
            continue;
        }
        parsed += 1;
        let mut tc = base.clone();
        let info = tc.check_file(&file);
        let src = Source::new(f.display().to_string(), text.clone());
        for d in super::check_file(&file, &info, &src) {
            reports += 1;
            let (l, c) = src.line_col(d.span.lo);
            println!("{}:{l}:{c}: {} [{}]", f.display(), d.message, d.code.unwrap_or(""));
        }
    }
    println!("corpus: {} files, {parsed} parsed, {reports} reports", files.len());
}
