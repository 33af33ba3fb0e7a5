//! Differential test against rustc itself: 2500 random specs applied to random
//! integers, floats, strings, chars and bools are formatted by a program that rustc compiles
//! and runs, and by this crate; the outputs must be identical.
//!
//! Uses `$RUSTC`, else `rustc` on PATH (about 4 s); when no rustc can be run the test says
//! so and passes.

use super::*;
use std::fmt::Write as _;

/// xorshift64*: a small deterministic generator, so a failure can be reproduced.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Int,
    Float,
    Text,
}

fn random_spec(rng: &mut Rng, kind: Kind) -> String {
    let mut s = String::new();
    if rng.chance(40) {
        if rng.chance(60) {
            s.push_str(rng.pick(&["*", "0", "x", "é", "}", ">", " ", "_"]));
        }
        s.push_str(rng.pick(&["<", ">", "^"]));
    }
    s.push_str(rng.pick(&["", "", "", "+", "-"]));
    s.push_str(rng.pick(&["", "", "#"]));
    s.push_str(rng.pick(&["", "", "0"]));
    if rng.chance(60) {
        let _ = write!(s, "{}", rng.below(30));
    }
    if rng.chance(40) {
        let _ = write!(s, ".{}", rng.below(25));
    }
    s.push_str(match kind {
        Kind::Int => rng.pick(&["", "?", "x", "X", "o", "b", "e", "E", "x?", "X?"]),
        Kind::Float => rng.pick(&["", "", "?", "e", "E"]),
        Kind::Text => rng.pick(&["", "?"]),
    });
    s
}

enum Val {
    Int(i128, &'static str),
    F64(u64),
    F32(u32),
    Str(&'static str, &'static str),
    Char(char, &'static str),
    Bool(bool),
}

const INT_TYPES: &[(&str, i128, i128)] = &[
    ("i8", i8::MIN as i128, i8::MAX as i128),
    ("u8", 0, u8::MAX as i128),
    ("i16", i16::MIN as i128, i16::MAX as i128),
    ("u16", 0, u16::MAX as i128),
    ("i32", i32::MIN as i128, i32::MAX as i128),
    ("u32", 0, u32::MAX as i128),
    ("i64", i64::MIN as i128, i64::MAX as i128),
    ("u64", 0, u64::MAX as i128),
];

fn random_value(rng: &mut Rng) -> (Val, Kind) {
    match rng.below(8) {
        0..=2 => {
            let (ty, lo, hi) = INT_TYPES[rng.below(INT_TYPES.len())];
            let span = (hi - lo) as u128 + 1;
            let v = match rng.below(4) {
                0 => lo,
                1 => hi,
                2 => (rng.next() as i128 % 2000 - 1000).clamp(lo, hi),
                _ => lo + ((u128::from(rng.next()) << 64 | u128::from(rng.next())) % span) as i128,
            };
            (Val::Int(v, ty), Kind::Int)
        }
        3 | 4 => {
            let nice = [
                0.0,
                -0.0,
                1.0,
                0.1,
                0.25,
                0.35,
                2.5,
                1e15,
                1e16,
                1e21,
                1e-5,
                1e-7,
                123.456,
                f64::MAX,
                f64::NAN,
            ];
            let bits = if rng.chance(50) {
                nice[rng.below(nice.len())].to_bits()
            } else {
                rng.next()
            };
            (Val::F64(bits), Kind::Float)
        }
        5 => {
            let nice = [
                0.0f32,
                -0.0,
                0.1,
                16_777_216.0,
                1e16,
                3.5,
                f32::MAX,
                f32::MIN_POSITIVE,
                f32::INFINITY,
            ];
            let bits = if rng.chance(50) {
                nice[rng.below(nice.len())].to_bits()
            } else {
                rng.next() as u32
            };
            (Val::F32(bits), Kind::Float)
        }
        6 => {
            let strs = [
                ("", "\"\""),
                ("hello", "\"hello\""),
                ("héllo wörld", "\"héllo wörld\""),
                ("tab\t\"q\"", "\"tab\\t\\\"q\\\"\""),
                ("日本語", "\"日本語\""),
                ("\u{301}e\u{1b}", "\"\\u{301}e\\u{1b}\""),
            ];
            let (v, lit) = strs[rng.below(strs.len())];
            (Val::Str(v, lit), Kind::Text)
        }
        _ => {
            if rng.chance(50) {
                (Val::Bool(rng.chance(50)), Kind::Text)
            } else {
                let chars = [
                    ('a', "'a'"),
                    ('é', "'é'"),
                    ('\n', "'\\n'"),
                    ('\'', "'\\''"),
                    ('"', "'\"'"),
                    ('\u{200b}', "'\\u{200b}'"),
                ];
                let (c, lit) = chars[rng.below(chars.len())];
                (Val::Char(c, lit), Kind::Text)
            }
        }
    }
}

fn rust_expr(v: &Val) -> String {
    match v {
        Val::Int(n, ty) => format!("({n}{ty})"),
        Val::F64(b) => format!("f64::from_bits({b:#x})"),
        Val::F32(b) => format!("f32::from_bits({b:#x})"),
        Val::Str(_, lit) | Val::Char(_, lit) => (*lit).to_string(),
        Val::Bool(b) => b.to_string(),
    }
}

fn ours(v: &Val, spec: &Spec) -> String {
    let mut out = String::new();
    match *v {
        Val::Int(n, ty) => fmt_int(
            &mut out,
            Int::new(n, ty[1..].parse().unwrap_or(64), ty.starts_with('i')),
            spec,
        ),
        Val::F64(b) => fmt_f64(&mut out, f64::from_bits(b), spec),
        Val::F32(b) => fmt_f32(&mut out, f32::from_bits(b), spec),
        Val::Str(s, _) => fmt_str(&mut out, s, spec),
        Val::Char(c, _) => fmt_char(&mut out, c, spec),
        Val::Bool(b) => fmt_bool(&mut out, b, spec),
    }
    out.escape_default().collect()
}

#[test]
fn oracle_random_specs_match_rustc() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::new();
    let mut program = String::from("fn main() {\n");
    for _ in 0..2500 {
        let (v, kind) = random_value(&mut rng);
        let spec = random_spec(&mut rng, kind);
        let _ = writeln!(
            program,
            "    println!(\"{{}}\", format!(\"{{:{spec}}}\", {}).escape_default());",
            rust_expr(&v)
        );
        cases.push((spec, v));
    }
    program.push_str("}\n");

    let dir = std::env::temp_dir().join(format!("teras-fmt-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("oracle.rs");
    let exe = dir.join("oracle");
    std::fs::write(&src, &program).unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let status = std::process::Command::new(rustc)
        .arg("-Awarnings")
        .arg("-o")
        .arg(&exe)
        .arg(&src)
        .status()
        .unwrap();
    assert!(status.success(), "rustc failed on {}", src.display());
    let output = std::process::Command::new(&exe).output().unwrap();
    let expected = String::from_utf8(output.stdout).unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    let mut failures = Vec::new();
    for ((spec, v), want) in cases.iter().zip(expected.lines()) {
        let spec_parsed = parse_spec(spec).unwrap();
        let got = ours(v, &spec_parsed);
        if got != want {
            failures.push(format!(
                "{{:{spec}}} of {}: got {got}, rustc {want}",
                rust_expr(v)
            ));
        }
    }
    assert_eq!(expected.lines().count(), cases.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn random_placeholder(rng: &mut Rng) -> String {
    let mut s = String::from("{");
    s.push_str(rng.pick(&["", "", "", "0", "1", "2", "x", "a", "y", "5", " "]));
    if rng.chance(8) {
        s.push_str(rng.pick(&["?", ".b", ".0", "=", ",", ">3", " b", "_", "r#x"]));
    }
    if rng.chance(70) {
        s.push(':');
        if rng.chance(30) {
            s.push_str(rng.pick(&["", "*", "x", "}", "{"]));
            s.push_str(rng.pick(&["<", ">", "^"]));
        }
        if rng.chance(20) {
            s.push_str(rng.pick(&["+", "-"]));
        }
        if rng.chance(20) {
            s.push('#');
        }
        if rng.chance(20) {
            s.push('0');
        }
        if rng.chance(30) {
            s.push_str(rng.pick(&["5", "1$", "0$", "x$", "a$", "12", "99999"]));
        }
        if rng.chance(30) {
            s.push('.');
            s.push_str(rng.pick(&["2", "*", "1$", "y$", "", "0"]));
        }
        if rng.chance(50) {
            s.push_str(rng.pick(&[
                "?", "x", "X", "o", "b", "e", "E", "x?", "X?", "z", "#?", "?#", "ab",
            ]));
        }
    }
    if rng.chance(97) {
        s.push('}');
    }
    s
}

fn random_format_string(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(5) {
        match rng.below(20) {
            0..=10 => s.push_str(&random_placeholder(rng)),
            11..=15 => s.push_str(rng.pick(&["ab", " ", "{{", "}}", "é", "-"])),
            16 => s.push('}'),
            _ => s.push('t'),
        }
    }
    s
}

/// Format strings with 0 to 3 positional `usize` arguments, sometimes a named `a`, and
/// captures of `x` and `y` in scope: rustc's errors (macro-expansion ones) must be ours.
#[test]
fn oracle_format_string_errors_match_rustc() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut cases = Vec::new();
    let mut program =
        String::from("#![allow(unused)]\nfn main() {\n    let x = 1usize;\n    let y = 2usize;\n");
    const FIRST_LINE: usize = 5;
    for _ in 0..600 {
        let fmt = random_format_string(&mut rng);
        let npos = rng.below(4);
        let named: Vec<&str> = if rng.chance(30) { vec!["a"] } else { vec![] };
        let mut args = String::new();
        for _ in 0..npos {
            args.push_str(", 1usize");
        }
        for n in &named {
            let _ = write!(args, ", {n} = 3usize");
        }
        let _ = writeln!(
            program,
            "    let _ = format!(\"{}\"{args});",
            fmt.replace('"', "\\\"")
        );
        cases.push((fmt, npos, named));
    }
    program.push_str("}\n");

    let dir = std::env::temp_dir().join(format!("teras-fmt-oracle-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("errors.rs");
    std::fs::write(&src, &program).unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(output) = std::process::Command::new(rustc)
        .args([
            "--error-format=short",
            "-Awarnings",
            "--emit=metadata",
            "-o",
        ])
        .arg(dir.join("errors.rmeta"))
        .arg(&src)
        .output()
    else {
        eprintln!("no rustc to run: oracle test skipped");
        return;
    };
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&output.stderr);

    // `errors.rs:LINE:COL: error: MESSAGE: LABEL`, per line of the program.
    let mut theirs: Vec<Vec<String>> = vec![Vec::new(); cases.len()];
    for l in stderr.lines() {
        let Some(rest) = l.strip_prefix(&format!("{}:", src.display())) else {
            continue;
        };
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
        let msg = parts.nth(1).unwrap_or("").trim_start();
        let msg = msg.strip_prefix("error: ").unwrap_or(msg);
        if msg.starts_with("error[E0425]") {
            continue; // an unknown captured name: the compiler's resolution, not ours
        }
        if let Some(v) = line.checked_sub(FIRST_LINE).and_then(|i| theirs.get_mut(i)) {
            v.push(msg.to_string());
        }
    }
    let mut failures = Vec::new();
    for ((fmt, npos, named), mut want) in cases.iter().zip(theirs) {
        let got: Vec<String> = match compile_format(fmt, *npos, named) {
            Ok(_) => Vec::new(),
            Err(e) => e.into_iter().map(|e| e.message).collect(),
        };
        // rustc's short form is `MESSAGE` or `MESSAGE: LABEL`.
        let mut unmatched = Vec::new();
        for g in &got {
            match want
                .iter()
                .position(|w| w == g || w.starts_with(&format!("{g}: ")))
            {
                Some(i) => {
                    want.swap_remove(i);
                }
                None => unmatched.push(g.clone()),
            }
        }
        if !unmatched.is_empty() || !want.is_empty() {
            failures.push(format!(
                "{fmt:?} ({npos} positional, named {named:?}): ours {unmatched:?}, rustc {want:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
