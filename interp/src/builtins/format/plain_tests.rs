//! `format_plain` (the `Format` instruction's fast path) against the general path: the same
//! text for every string and integer under a plain `{}`, and a refusal, with nothing
//! written, for everything it does not cover.

use super::*;
use crate::heap::Heap;
use crate::value::{IntTy, VecObj};
use teras_stdlib::fmt::compile_format;

fn tpl(fmt: &str, n: usize) -> Template {
    match compile_format(fmt, n, &[]) {
        Ok(t) => t,
        Err(e) => panic!("bad template {fmt:?}: {}", e[0].message),
    }
}

fn general(t: &Template, args: &[Value]) -> String {
    let mut out = String::new();
    format_template(&mut out, t, args, &mut NoHooks).expect("general path");
    out
}

fn plain(t: &Template, args: &[Value]) -> Option<String> {
    let mut out = String::new();
    let done = format_plain(&mut out, t, args).expect("plain path");
    if !done {
        assert!(out.is_empty(), "a refused template wrote {out:?}");
    }
    done.then_some(out)
}

#[test]
fn strings_and_integers_print_as_the_general_path() {
    let ints = [
        Value::i32(0),
        Value::i32(7),
        Value::i32(-7),
        Value::i32(10),
        Value::i32(i32::MIN),
        Value::usize(0),
        Value::usize(9),
        Value::usize(123_456),
        Value::Int(-1, IntTy::I64),
        Value::Int(i64::MIN, IntTy::I64),
        Value::Int(-1, IntTy::U64), // u64::MAX, kept as its bit pattern
        Value::Int(i64::MAX, IntTy::U128),
        Value::Int(i64::MIN, IntTy::I128),
        Value::Int(255, IntTy::U8),
    ];
    let strs = [Value::str(""), Value::str("kalo"), Value::str("ünï €")];
    let t = tpl("{}-{}", 2);
    for a in strs.iter().chain(&ints) {
        for b in ints.iter().chain(&strs) {
            let args = [a.clone(), b.clone()];
            assert_eq!(plain(&t, &args).as_deref(), Some(general(&t, &args).as_str()), "{a:?} {b:?}");
        }
    }
    let t = tpl("<{1}{0}{1}> and {{braces}}", 2);
    let args = [Value::str("x"), Value::i32(-3)];
    assert_eq!(plain(&t, &args).as_deref(), Some("<-3x-3> and {braces}"));
    assert_eq!(plain(&tpl("no args", 0), &[]).as_deref(), Some("no args"));
}

#[test]
fn other_specs_and_values_take_the_general_path() {
    let n = [Value::i32(5)];
    for f in ["{:?}", "{:5}", "{:<3}", "{:+}", "{:x}", "{:#?}", "{:.2}", "{:05}"] {
        assert_eq!(plain(&tpl(f, 1), &n), None, "{f}");
    }
    let t = tpl("a {} b", 1);
    let vec = Value::Vec(Heap::new(VecObj { items: vec![Value::i32(1)], is_array: false }));
    for v in [Value::f64(1.5), Value::Bool(true), Value::Char('c'), Value::Unit, vec] {
        assert_eq!(plain(&t, std::slice::from_ref(&v)), None, "{v:?}");
    }
    // A missing argument is left to the general path's error.
    assert_eq!(plain(&t, &[]), None);
    // Width and precision taken from arguments.
    assert_eq!(plain(&tpl("{:1$}", 2), &[Value::i32(1), Value::usize(4)]), None);
}
