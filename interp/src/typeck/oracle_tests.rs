//! rustc as the oracle for literal types: `rustc -Zunpretty=hir,typed` prints every literal
//! as `(200 as u8)`; this test compares those types with ours, literal by literal, over the
//! golden programs. Ignored by default (it runs rustc once per program); run it with
//! `cargo test -p teras-interp --lib typeck::oracle -- --ignored --nocapture`.
//!
//! Alignment is by source order and value. rustc does not print literals inside patterns or
//! array lengths, so ours in those places are skipped; the few remaining mismatches are
//! alignment noise or known limits (`u128`), hence the tolerance.

use super::Typeck;
use crate::ast::Span;
use std::path::{Path, PathBuf};

/// A literal's value without underscores and suffix, so both sides compare equal.
fn norm(text: &str) -> String {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let mut t = t.as_str();
    for suf in ["i128", "u128", "isize", "usize", "i64", "u64", "i32", "u32", "i16", "u16", "i8", "u8", "f32", "f64"] {
        if let Some(s) = t.strip_suffix(suf) {
            if !(s.is_empty() || s.starts_with("0x") && suf.starts_with('f')) {
                t = s;
                break;
            }
        }
    }
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)].iter().find_map(|(p, r)| t.strip_prefix(p).map(|d| (d, *r)));
    if let Some((digits, r)) = radix {
        return u128::from_str_radix(digits, r).map_or_else(|_| t.to_string(), |v| v.to_string());
    }
    if t.contains(['.', 'e', 'E']) {
        return t.parse::<f64>().map_or_else(|_| t.to_string(), |v| format!("{v:?}"));
    }
    t.parse::<u128>().map_or_else(|_| t.to_string(), |v| v.to_string())
}

fn is_lit_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

/// `(LIT as TYPE)` occurrences in rustc's typed HIR, in order: (value, type).
fn rustc_literals(hir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, _) in hir.match_indices('(') {
        let rest = &hir[i + 1..];
        let Some(first) = rest.chars().next() else { continue };
        if !first.is_ascii_digit() {
            continue;
        }
        let end = rest.find(|c: char| !is_lit_char(c)).unwrap_or(rest.len());
        let lit = &rest[..end];
        let after = rest[end..].trim_start();
        let Some(after) = after.strip_prefix("as") else { continue };
        if !after.starts_with(char::is_whitespace) {
            continue;
        }
        let after = after.trim_start();
        let tend = after.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(after.len());
        if after[tend..].starts_with(')') && tend > 0 {
            out.push((norm(lit), after[..tend].to_string()));
        }
    }
    out
}

/// Our typed numeric literals, in source order: (offset, value, type).
fn our_literals(src: &str) -> Vec<(usize, String, String)> {
    let (file, _) = crate::syntax::parse_file(src);
    let mut tc = Typeck::new();
    let info = tc.check_file(&file);
    let mut out = Vec::new();
    for (_, span, ty) in info.iter() {
        let (lo, hi) = (span.lo as usize, span.hi as usize);
        let Some(text) = src.get(lo..hi) else { continue };
        if !text.starts_with(|c: char| c.is_ascii_digit()) || !text.chars().all(is_lit_char) || text.contains("..") {
            continue;
        }
        let after = src[hi..].trim_start();
        if ["=>", "|", "if ", "..", "]"].iter().any(|p| after.starts_with(p)) {
            continue;
        }
        if !info.at_span(Span::new(lo, hi)).is_empty() {
            out.push((lo, norm(text), ty.to_string()));
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() && !name.starts_with("errors") {
            programs(&p, out);
        } else if name.ends_with(".rs") {
            out.push(p);
        }
    }
}

#[test]
#[ignore = "needs a nightly rustc (-Zunpretty=hir,typed) and takes minutes"]
fn literal_types_agree_with_rustc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let mut files = Vec::new();
    programs(&root, &mut files);
    let (mut total, mut bad) = (0usize, 0usize);
    for f in files {
        let Ok(src) = std::fs::read_to_string(&f) else { continue };
        if src.starts_with("// not-rust") {
            continue;
        }
        let Ok(o) = std::process::Command::new("rustc")
            .args(["--edition", "2021", "-Zunpretty=hir,typed"])
            .arg(&f)
            .env("RUSTC_BOOTSTRAP", "1")
            .output()
        else {
            eprintln!("rustc not available");
            return;
        };
        if !o.status.success() {
            continue;
        }
        let theirs = rustc_literals(&String::from_utf8_lossy(&o.stdout));
        let ours = our_literals(&src);
        let mut j = 0;
        for (lo, v, t) in ours {
            let cands: Vec<usize> = (j..theirs.len().min(j + 25)).filter(|&q| theirs[q].0 == v).collect();
            let Some(&first) = cands.first() else { continue };
            let k = cands.iter().take(4).copied().find(|&q| theirs[q].1 == t).unwrap_or(first);
            total += 1;
            if theirs[k].1 != t {
                bad += 1;
                let line = src[..lo].matches('\n').count() + 1;
                eprintln!("{}:{line}: literal {v}: rustc {} ours {t}", f.display(), theirs[k].1);
            }
            j = k + 1;
        }
    }
    eprintln!("literals compared: {total}, different: {bad}");
    assert!(bad * 50 <= total.max(1), "{bad} of {total} literal types differ from rustc's");
}

#[test]
fn oracle_helpers() {
    assert_eq!(norm("1_000u32"), "1000");
    assert_eq!(norm("0xffu8"), "255");
    assert_eq!(norm("2.50"), "2.5");
    let lits = rustc_literals("let x: u8 = (200 as u8); f((1 as\n i64), (2.5 as f64)) (x as u8)");
    assert_eq!(lits, vec![("200".into(), "u8".into()), ("1".into(), "i64".into()), ("2.5".into(), "f64".into())]);
}
