//! Differential test against rustc: random nested values (vectors, tuples, `Option`, a
//! generic struct, a generic enum with unit/tuple/struct variants, a tuple struct, over
//! integers of several types, f32/f64, strings, chars, bools and `()`) are formatted under
//! random Debug specs (`{:#?}`, `{:5?}`, `{:#x?}`, `{:.1?}`...) by a program rustc compiles
//! and by `format_value`; the outputs must be identical. Uses `$RUSTC`, else `rustc`; when
//! no rustc can be run the test says so and passes.

use super::*;
use crate::heap::Heap;
use crate::value::*;
use std::fmt::Write as _;
use std::sync::Arc;

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
}

#[derive(Clone)]
enum Ty {
    Int(IntTy),
    F64,
    F32,
    Str,
    Char,
    Bool,
    Unit,
    Vec(Box<Ty>),
    Tuple(Vec<Ty>),
    Option(Box<Ty>),
    P(Box<Ty>, Box<Ty>),
    E(Box<Ty>),
    W(Box<Ty>),
}

const INTS: [IntTy; 6] = [
    IntTy::I8,
    IntTy::U8,
    IntTy::I32,
    IntTy::I64,
    IntTy::U64,
    IntTy::Usize,
];

fn gen_ty(rng: &mut Rng, depth: usize) -> Ty {
    if depth == 0 || rng.below(3) == 0 {
        return match rng.below(7) {
            0 => Ty::Int(INTS[rng.below(INTS.len())]),
            1 => Ty::F64,
            2 => Ty::F32,
            3 => Ty::Str,
            4 => Ty::Char,
            5 => Ty::Bool,
            _ => Ty::Unit,
        };
    }
    let sub = |rng: &mut Rng| Box::new(gen_ty(rng, depth - 1));
    match rng.below(7) {
        0 | 1 => Ty::Vec(sub(rng)),
        2 => {
            let n = 1 + rng.below(3);
            Ty::Tuple((0..n).map(|_| gen_ty(rng, depth - 1)).collect())
        }
        3 => Ty::Option(sub(rng)),
        4 => {
            let a = sub(rng);
            Ty::P(a, sub(rng))
        }
        5 => Ty::E(sub(rng)),
        _ => Ty::W(sub(rng)),
    }
}

fn rust_ty(t: &Ty) -> String {
    match t {
        Ty::Int(i) => i.name().to_string(),
        Ty::F64 => "f64".into(),
        Ty::F32 => "f32".into(),
        Ty::Str => "&str".into(),
        Ty::Char => "char".into(),
        Ty::Bool => "bool".into(),
        Ty::Unit => "()".into(),
        Ty::Vec(t) => format!("Vec<{}>", rust_ty(t)),
        Ty::Tuple(ts) => format!(
            "({})",
            ts.iter()
                .map(|t| format!("{}, ", rust_ty(t)))
                .collect::<String>()
        ),
        Ty::Option(t) => format!("Option<{}>", rust_ty(t)),
        Ty::P(a, b) => format!("P<{}, {}>", rust_ty(a), rust_ty(b)),
        Ty::E(t) => format!("E<{}>", rust_ty(t)),
        Ty::W(t) => format!("W<{}>", rust_ty(t)),
    }
}

struct Defs {
    option: Arc<AdtDef>,
    p: Arc<AdtDef>,
    e: Arc<AdtDef>,
    w: Arc<AdtDef>,
}

fn def(name: &str, is_enum: bool, variants: &[(&str, VariantKind, &[&str])]) -> Arc<AdtDef> {
    Arc::new(AdtDef {
        name: name.into(),
        is_enum,
        variants: variants
            .iter()
            .map(|(n, kind, fields)| VariantDef {
                name: (*n).into(),
                kind: *kind,
                fields: fields.iter().map(|f| f.to_string()).collect(),
                discriminant: 0,
            })
            .collect(),
        is_copy: false,
        derives: vec!["Debug".into()],
        type_id: 0,
    })
}

fn adt(d: &Arc<AdtDef>, variant: u32, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj {
        def: d.into(),
        variant,
        fields: fields.into(),
    }))
}

const STRS: [(&str, &str); 6] = [
    ("", "\"\""),
    ("a", "\"a\""),
    ("hé\n", "\"hé\\n\""),
    ("q\"", "\"q\\\"\""),
    ("日本", "\"日本\""),
    ("\t\u{1b}", "\"\\t\\u{1b}\""),
];
const CHARS: [(char, &str); 5] = [
    ('a', "'a'"),
    ('\'', "'\\''"),
    ('\n', "'\\n'"),
    ('é', "'é'"),
    ('\u{301}', "'\\u{301}'"),
];
const FLOATS: [f64; 9] = [0.1, -0.0, 1e20, 1e-7, 1e16, 123_456_789.0, 2.5, -7.25, 0.3];

/// A random value of type `t`: the Rust expression and the TERAS value.
fn gen_value(rng: &mut Rng, t: &Ty, d: &Defs) -> (String, Value) {
    match t {
        Ty::Int(ty) => {
            let raw = match rng.below(4) {
                0 => IntTy::min(*ty),
                1 => IntTy::max(*ty),
                2 => (rng.next() % 600) as i64 - 300,
                _ => rng.next() as i64,
            };
            // Keep the value in range, as the VM does.
            let bits = ty.bits();
            let v = if bits == 64 {
                raw
            } else if ty.signed() {
                (raw << (64 - bits)) >> (64 - bits)
            } else {
                raw & ((1i64 << bits) - 1)
            };
            let shown = if ty.signed() {
                i128::from(v)
            } else {
                i128::from(v as u64)
            };
            (format!("({shown}{})", ty.name()), Value::Int(v, *ty))
        }
        Ty::F64 | Ty::F32 => {
            let x = if rng.below(2) == 0 {
                FLOATS[rng.below(FLOATS.len())]
            } else {
                (rng.next() % 20001) as f64 / 100.0 - 100.0
            };
            if matches!(t, Ty::F32) {
                let x = x as f32;
                (
                    format!("f32::from_bits({:#x})", x.to_bits()),
                    Value::Float(f64::from(x), FloatTy::F32),
                )
            } else {
                (format!("f64::from_bits({:#x})", x.to_bits()), Value::f64(x))
            }
        }
        Ty::Str => {
            let (v, lit) = STRS[rng.below(STRS.len())];
            (lit.to_string(), Value::str(v))
        }
        Ty::Char => {
            let (c, lit) = CHARS[rng.below(CHARS.len())];
            (lit.to_string(), Value::Char(c))
        }
        Ty::Bool => {
            let b = rng.below(2) == 0;
            (b.to_string(), Value::Bool(b))
        }
        Ty::Unit => ("()".into(), Value::Unit),
        Ty::Vec(e) => {
            let items: Vec<(String, Value)> =
                (0..rng.below(4)).map(|_| gen_value(rng, e, d)).collect();
            let exprs: Vec<&str> = items.iter().map(|(s, _)| s.as_str()).collect();
            let expr = format!("Vec::<{}>::from([{}])", rust_ty(e), exprs.join(", "));
            (
                expr,
                Value::Vec(Heap::new(VecObj {
                    items: items.into_iter().map(|(_, v)| v).collect(),
                    is_array: false,
                })),
            )
        }
        Ty::Tuple(ts) => {
            let items: Vec<(String, Value)> = ts.iter().map(|t| gen_value(rng, t, d)).collect();
            let expr = format!(
                "({})",
                items
                    .iter()
                    .map(|(s, _)| format!("{s}, "))
                    .collect::<String>()
            );
            (
                expr,
                Value::Tuple(Heap::new(items.into_iter().map(|(_, v)| v).collect())),
            )
        }
        Ty::Option(e) => {
            if rng.below(3) == 0 {
                (format!("None::<{}>", rust_ty(e)), adt(&d.option, 0, vec![]))
            } else {
                let (s, v) = gen_value(rng, e, d);
                (format!("Some({s})"), adt(&d.option, 1, vec![v]))
            }
        }
        Ty::P(a, b) => {
            let (sa, va) = gen_value(rng, a, d);
            let (sb, vb) = gen_value(rng, b, d);
            (
                format!("P {{ a: {sa}, b: {sb} }}"),
                adt(&d.p, 0, vec![va, vb]),
            )
        }
        Ty::E(e) => match rng.below(3) {
            0 => (format!("E::<{}>::A", rust_ty(e)), adt(&d.e, 0, vec![])),
            1 => {
                let (s, v) = gen_value(rng, e, d);
                (
                    format!("E::<{}>::B({s})", rust_ty(e)),
                    adt(&d.e, 1, vec![v]),
                )
            }
            _ => {
                let (s, v) = gen_value(rng, e, d);
                (
                    format!("E::<{}>::C {{ x: {s}, y: 7 }}", rust_ty(e)),
                    adt(&d.e, 2, vec![v, Value::i32(7)]),
                )
            }
        },
        Ty::W(e) => {
            let (s, v) = gen_value(rng, e, d);
            (format!("W({s})"), adt(&d.w, 0, vec![v]))
        }
    }
}

const SPECS: [&str; 14] = [
    "?", "#?", "5?", "#5?", "x?", "#X?", ".1?", "#.2?", "<6?", "*^7?", "+?", "08.1?", "#010x?",
    "-^3?",
];

#[test]
fn oracle_nested_values_match_rustc() {
    let defs = Defs {
        option: def(
            "Option",
            true,
            &[
                ("None", VariantKind::Unit, &[]),
                ("Some", VariantKind::Tuple, &["0"]),
            ],
        ),
        p: def("P", false, &[("P", VariantKind::Named, &["a", "b"])]),
        e: def(
            "E",
            true,
            &[
                ("A", VariantKind::Unit, &[]),
                ("B", VariantKind::Tuple, &["0"]),
                ("C", VariantKind::Named, &["x", "y"]),
            ],
        ),
        w: def("W", false, &[("W", VariantKind::Tuple, &["0"])]),
    };
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    let mut program = String::from(
        "#![allow(unused)]\n#[derive(Debug)] struct P<A, B> { a: A, b: B }\n\
         #[derive(Debug)] enum E<T> { A, B(T), C { x: T, y: i32 } }\n#[derive(Debug)] struct W<T>(T);\nfn main() {\n",
    );
    let mut cases = Vec::new();
    for _ in 0..800 {
        let depth = rng.below(5);
        let t = gen_ty(&mut rng, depth);
        let (expr, value) = gen_value(&mut rng, &t, &defs);
        let spec = SPECS[rng.below(SPECS.len())];
        let _ = writeln!(
            program,
            "    println!(\"{{}}\", format!(\"{{:{spec}}}\", {expr}).escape_default());"
        );
        cases.push((spec, expr, value));
    }
    program.push_str("}\n");

    let dir = std::env::temp_dir().join(format!("teras-format-oracle-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (src, exe) = (dir.join("values.rs"), dir.join("values"));
    std::fs::write(&src, &program).unwrap();
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let Ok(status) = std::process::Command::new(rustc)
        .arg("-Awarnings")
        .arg("-o")
        .arg(&exe)
        .arg(&src)
        .status()
    else {
        eprintln!("no rustc to run: oracle test skipped");
        return;
    };
    assert!(status.success(), "rustc failed on {}", src.display());
    let output = std::process::Command::new(&exe).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let expected = String::from_utf8(output.stdout).unwrap();
    assert_eq!(expected.lines().count(), cases.len());

    let mut failures = Vec::new();
    for ((spec, expr, value), want) in cases.iter().zip(expected.lines()) {
        let parsed = teras_stdlib::fmt::parse_spec(spec).unwrap();
        let mut out = String::new();
        let got = match format_value(&mut out, value, &parsed, &mut NoHooks) {
            Ok(()) => out.escape_default().collect::<String>(),
            Err(e) => format!("{e:?}"),
        };
        if got != want {
            failures.push(format!(
                "{{:{spec}}} of {expr}:\n  ours  {got}\n  rustc {want}"
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
