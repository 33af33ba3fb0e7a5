//! Unit tests of the natives through the public API (`function`, `method`, `call`), with
//! expected values taken from rustc-built programs.

use super::util::{as_option, as_result, str_of};
use super::*;
use crate::value::{AdtDef, FloatTy, IntTy, VariantDef, VariantKind};
use registry::Kind;

fn std_enum(name: &str, variants: &[(&str, usize)]) -> Arc<AdtDef> {
    Arc::new(AdtDef {
        name: name.into(),
        is_enum: true,
        variants: variants
            .iter()
            .enumerate()
            .map(|(i, (n, k))| VariantDef {
                name: n.to_string(),
                kind: if *k == 0 { VariantKind::Unit } else { VariantKind::Tuple },
                fields: (0..*k).map(|i| i.to_string()).collect(),
                discriminant: i as i64,
            })
            .collect(),
        is_copy: false,
        derives: vec![],
        type_id: 0,
    })
}

pub(crate) fn defs() -> StdDefs {
    StdDefs {
        option: std_enum("Option", &[("None", 0), ("Some", 1)]),
        result: std_enum("Result", &[("Ok", 1), ("Err", 1)]),
        ordering: std_enum("Ordering", &[("Less", 0), ("Equal", 0), ("Greater", 0)]),
    }
}

/// Call function `path` with `args` and the hint.
fn f(path: &str, args: Vec<Value>, hint: Option<Ty>) -> NativeResult {
    let std = defs();
    let mut out = Vec::new();
    let argv = vec!["prog".to_string(), "a1".to_string()];
    let host = crate::runtime::SoloHost::new();
    let mut state = None;
    let mut cx = NativeCx { stdout: &mut out, std: &std, hint: hint.as_ref(), args: &argv, host: &host, waker: std::task::Waker::noop(), state: &mut state };
    let id = function(path).unwrap_or_else(|| panic!("no native {path}"));
    let mut args = args;
    call(id, &mut cx, &mut args)
}

/// Call method `name` on `recv`.
fn m(recv: Value, name: &str, args: Vec<Value>) -> NativeResult {
    mh(recv, name, args, None)
}

fn mh(recv: Value, name: &str, args: Vec<Value>, hint: Option<Ty>) -> NativeResult {
    let std = defs();
    let mut out = Vec::new();
    let host = crate::runtime::SoloHost::new();
    let mut state = None;
    let mut cx = NativeCx { stdout: &mut out, std: &std, hint: hint.as_ref(), args: &[], host: &host, waker: std::task::Waker::noop(), state: &mut state };
    let id = method(&recv, name).unwrap_or_else(|| panic!("no method {name}"));
    let mut all = vec![recv];
    all.extend(args);
    call(id, &mut cx, &mut all)
}

fn s(x: &str) -> Value {
    Value::str(x)
}

fn i(n: i64) -> Value {
    Value::Int(n, IntTy::I32)
}

fn text(v: &Value) -> String {
    str_of(v).unwrap()
}

fn ints(v: &Value) -> Vec<i64> {
    vec::items_of(v).unwrap().iter().map(|x| util::int_of(x).unwrap().0).collect()
}

fn strs(v: &Value) -> Vec<String> {
    vec::items_of(v).unwrap().iter().map(text).collect()
}

fn vec_of(xs: &[i64]) -> Value {
    util::new_vec(xs.iter().map(|n| i(*n)).collect())
}

fn some_int(v: &Value) -> Option<i64> {
    as_option(v).unwrap().map(|x| util::int_of(&x).unwrap().0)
}

fn panic_msg(r: NativeResult) -> String {
    match r {
        Err(NativeError::Panic(m)) => m,
        other => panic!("expected a panic, got {other:?}"),
    }
}

#[test]
fn paths_are_canonicalized() {
    assert_eq!(function("std::process::exit"), function("process::exit"));
    assert_eq!(function("std::collections::HashMap::new"), function("HashMap::new"));
    assert_eq!(function("Vec::<i32>::new"), function("Vec::new"));
    assert_eq!(function("exit"), function("process::exit"));
    assert!(function("std::rc::Rc::new").is_some());
    assert!(function("no::such::thing").is_none());
    assert!(matches!(constant("std::f64::consts::PI"), Some(Value::Float(x, FloatTy::F64)) if x == std::f64::consts::PI));
    assert!(matches!(constant("u8::MAX"), Some(Value::Int(255, IntTy::U8))));
    assert!(matches!(constant("i64::MIN"), Some(Value::Int(i64::MIN, IntTy::I64))));
    assert!(matches!(constant("u64::MAX"), Some(Value::Int(-1, IntTy::U64))));
    assert!(matches!(constant("char::MAX"), Some(Value::Char('\u{10ffff}'))));
    assert!(native_name(function("String::new").unwrap()) == "String::new");
    assert!(method_names().contains(&"push_str"));
    assert!(matches!(f("i64::abs", vec![Value::Int(-4, IntTy::I64)], None).unwrap(), Value::Int(4, IntTy::I64)));
    assert!(matches!(f("f64::max", vec![Value::f64(1.0), Value::f64(2.0)], None).unwrap(), Value::Float(v, _) if v == 2.0));
}

#[test]
fn integer_methods() {
    let x = Value::Int(200, IntTy::U8);
    assert_eq!(some_int(&m(x.clone(), "checked_add", vec![Value::Int(55, IntTy::U8)]).unwrap()), Some(255));
    assert_eq!(some_int(&m(x.clone(), "checked_add", vec![Value::Int(56, IntTy::U8)]).unwrap()), None);
    assert!(matches!(m(x.clone(), "wrapping_add", vec![Value::Int(100, IntTy::U8)]).unwrap(), Value::Int(44, IntTy::U8)));
    assert!(matches!(m(x.clone(), "saturating_add", vec![Value::Int(100, IntTy::U8)]).unwrap(), Value::Int(255, IntTy::U8)));
    assert!(matches!(m(Value::Int(5, IntTy::U8), "saturating_sub", vec![Value::Int(6, IntTy::U8)]).unwrap(), Value::Int(0, IntTy::U8)));
    let (v, o) = util::unpair(&m(x, "overflowing_mul", vec![Value::Int(2, IntTy::U8)]).unwrap()).unwrap();
    assert!(matches!((v, o), (Value::Int(144, IntTy::U8), Value::Bool(true))));
    assert_eq!(panic_msg(m(i(2), "pow", vec![Value::Int(31, IntTy::U32)])), "attempt to multiply with overflow");
    assert!(matches!(m(i(2), "pow", vec![Value::Int(30, IntTy::U32)]).unwrap(), Value::Int(1073741824, IntTy::I32)));
    assert!(matches!(m(i(-7), "rem_euclid", vec![i(3)]).unwrap(), Value::Int(2, _)));
    assert!(matches!(m(i(-7), "div_euclid", vec![i(3)]).unwrap(), Value::Int(-3, _)));
    assert!(matches!(m(i(-7), "abs", vec![]).unwrap(), Value::Int(7, _)));
    assert_eq!(panic_msg(m(Value::Int(i32::MIN as i64, IntTy::I32), "abs", vec![])), "attempt to negate with overflow");
    assert!(matches!(m(i(1), "leading_zeros", vec![]).unwrap(), Value::Int(31, IntTy::U32)));
    assert!(matches!(m(Value::Int(0, IntTy::U16), "trailing_zeros", vec![]).unwrap(), Value::Int(16, IntTy::U32)));
    assert!(matches!(m(i(-1), "count_ones", vec![]).unwrap(), Value::Int(32, IntTy::U32)));
    assert!(matches!(m(i(3), "abs_diff", vec![i(-5)]).unwrap(), Value::Int(8, IntTy::U32)));
    assert!(matches!(m(i(99), "isqrt", vec![]).unwrap(), Value::Int(9, _)));
    assert!(matches!(m(i(15), "clamp", vec![i(0), i(10)]).unwrap(), Value::Int(10, _)));
    assert_eq!(panic_msg(m(i(5), "clamp", vec![i(3), i(1)])), "min > max. min = 3, max = 1");
    assert_eq!(text(&m(Value::Int(-1, IntTy::U64), "to_string", vec![]).unwrap()), "18446744073709551615");
    assert!(matches!(m(Value::Int(i64::MIN, IntTy::I64), "wrapping_neg", vec![]).unwrap(), Value::Int(i64::MIN, _)));
    assert_eq!(some_int(&m(Value::Int(i64::MIN, IntTy::I64), "checked_div", vec![Value::Int(-1, IntTy::I64)]).unwrap()), None);
    assert_eq!(some_int(&m(i(5), "checked_rem", vec![i(0)]).unwrap()), None);
    assert!(matches!(m(i(i32::MIN as i64), "saturating_mul", vec![i(-1)]).unwrap(), Value::Int(2147483647, _)));
    assert!(matches!(m(i(-2), "saturating_pow", vec![Value::Int(31, IntTy::U32)]).unwrap(), Value::Int(-2147483648, _)));
    assert!(matches!(m(i(3), "wrapping_pow", vec![Value::Int(40, IntTy::U32)]).unwrap(), Value::Int(689956897, _)));
    let r = f("i32::from_str_radix", vec![s("-ff"), Value::Int(16, IntTy::U32)], None).unwrap();
    assert!(matches!(as_result(&r), Some(Ok(Value::Int(-255, IntTy::I32)))));
    assert!(matches!(f("u8::try_from", vec![i(300)], None).map(|r| as_result(&r).map(|r| r.is_err())), Ok(Some(true))));
    assert!(matches!(f("i64::from", vec![i(-3)], None).unwrap(), Value::Int(-3, IntTy::I64)));
    // `Ordering::Less`, held inline (a field-less variant built by a native).
    assert!(matches!(m(i(3), "cmp", vec![i(5)]).unwrap(), Value::Tag(_, 0)));
}

#[test]
fn float_and_char_methods() {
    let x = Value::Float(2.0, FloatTy::F64);
    assert!(matches!(m(x.clone(), "sqrt", vec![]).unwrap(), Value::Float(v, _) if v == 2f64.sqrt()));
    assert!(matches!(m(x.clone(), "powi", vec![i(10)]).unwrap(), Value::Float(v, _) if v == 1024.0));
    let y = Value::Float(0.1f32 as f64, FloatTy::F32);
    assert!(matches!(m(y, "sqrt", vec![]).unwrap(), Value::Float(v, FloatTy::F32) if v == 0.1f32.sqrt() as f64));
    assert_eq!(panic_msg(m(x.clone(), "clamp", vec![Value::f64(3.0), Value::f64(1.0)])), "min > max, or either was NaN. min = 3.0, max = 1.0");
    assert!(matches!(m(Value::f64(f64::NAN), "max", vec![Value::f64(1.0)]).unwrap(), Value::Float(v, _) if v == 1.0));
    assert_eq!(text(&m(Value::f64(1.0), "to_string", vec![]).unwrap()), "1");
    assert!(matches!(m(Value::Char('7'), "to_digit", vec![Value::Int(10, IntTy::U32)]).unwrap(), v if some_int(&v) == Some(7)));
    assert!(matches!(m(Value::Char('é'), "len_utf8", vec![]).unwrap(), Value::Int(2, IntTy::Usize)));
    let up = m(Value::Char('ß'), "to_uppercase", vec![]).unwrap();
    assert_eq!(vec::items_of(&up).unwrap().len(), 2);
    assert!(matches!(m(Value::Char('a'), "is_alphabetic", vec![]).unwrap(), Value::Bool(true)));
    assert!(matches!(f("char::from_digit", vec![Value::Int(11, IntTy::U32), Value::Int(16, IntTy::U32)], None).map(|v| as_option(&v)), Ok(Some(Some(Value::Char('b'))))));
    assert!(matches!(f("char::from_u32", vec![Value::Int(0xD800, IntTy::U32)], None).map(|v| as_option(&v)), Ok(Some(None))));
}

#[test]
fn string_methods() {
    let st = s("  Hello, World  ");
    assert_eq!(text(&m(st.clone(), "trim", vec![]).unwrap()), "Hello, World");
    assert_eq!(text(&m(st.clone(), "trim_start", vec![]).unwrap()), "Hello, World  ");
    let parts = m(s("a,b,,c"), "split", vec![Value::Char(',')]).unwrap();
    assert_eq!(strs(&parts), ["a", "b", "", "c"]);
    let parts = m(s("  a  b "), "split", vec![s(" ")]).unwrap();
    assert_eq!(strs(&parts), ["", "", "a", "", "b", ""]);
    assert_eq!(strs(&m(s("a b\tc\n"), "split_whitespace", vec![]).unwrap()), ["a", "b", "c"]);
    assert_eq!(strs(&m(s("a=b=c"), "splitn", vec![Value::usize(2), Value::Char('=')]).unwrap()), ["a", "b=c"]);
    let once = m(s("key=value"), "split_once", vec![Value::Char('=')]).unwrap();
    let (k, v) = util::unpair(&as_option(&once).unwrap().unwrap()).unwrap();
    assert_eq!((text(&k), text(&v)), ("key".into(), "value".into()));
    assert_eq!(some_int(&m(s("héllo"), "find", vec![Value::Char('l')]).unwrap()), Some(3));
    assert_eq!(some_int(&m(s("héllo"), "rfind", vec![s("l")]).unwrap()), Some(4));
    assert!(matches!(m(s("hello"), "contains", vec![s("ell")]).unwrap(), Value::Bool(true)));
    assert!(matches!(m(s("hello"), "starts_with", vec![Value::Char('h')]).unwrap(), Value::Bool(true)));
    assert_eq!(text(&m(s("xxhixx"), "trim_matches", vec![Value::Char('x')]).unwrap()), "hi");
    assert_eq!(text(&m(s("aaa"), "replace", vec![s("a"), s("bb")]).unwrap()), "bbbbbb");
    assert_eq!(text(&m(s("aaa"), "replacen", vec![s("a"), s("b"), Value::usize(2)]).unwrap()), "bba");
    assert_eq!(text(&m(s("ab"), "repeat", vec![Value::usize(3)]).unwrap()), "ababab");
    assert_eq!(text(&m(s("Straße"), "to_uppercase", vec![]).unwrap()), "STRASSE");
    let st = s("abc");
    m(st.clone(), "push", vec![Value::Char('d')]).unwrap();
    m(st.clone(), "push_str", vec![s("ef")]).unwrap();
    m(st.clone(), "insert", vec![Value::usize(0), Value::Char('_')]).unwrap();
    assert_eq!(text(&st), "_abcdef");
    assert!(matches!(m(st.clone(), "remove", vec![Value::usize(0)]).unwrap(), Value::Char('_')));
    assert!(matches!(as_option(&m(st.clone(), "pop", vec![]).unwrap()), Some(Some(Value::Char('f')))));
    assert!(matches!(m(st.clone(), "len", vec![]).unwrap(), Value::Int(5, IntTy::Usize)));
    assert_eq!(panic_msg(m(s("ab"), "remove", vec![Value::usize(2)])), "cannot remove a char from the end of a string");
    assert_eq!(panic_msg(m(s("ab"), "insert", vec![Value::usize(5), Value::Char('x')])), "assertion failed: self.is_char_boundary(idx)");
    let r = crate::value::RangeVal { start: Some(Value::usize(0)), end: Some(Value::usize(2)), inclusive: false };
    assert_eq!(
        panic_msg(string::slice_str(&s("héllo"), &r)),
        "end byte index 2 is not a char boundary; it is inside 'é' (bytes 1..3) of `héllo`"
    );
    assert_eq!(text(&string::concat(&s("ab"), &s("cd")).unwrap()), "abcd");
    assert!(matches!(as_option(&m(s("Abc"), "strip_prefix", vec![s("A")]).unwrap()), Some(Some(_))));
    assert!(matches!(m(s("ABC"), "eq_ignore_ascii_case", vec![s("abc")]).unwrap(), Value::Bool(true)));
    assert_eq!(strs(&m(s("l1\nl2\r\nl3"), "lines", vec![]).unwrap()), ["l1", "l2", "l3"]);
    let ci = vec::items_of(&m(s("aé"), "char_indices", vec![]).unwrap()).unwrap();
    assert!(matches!(util::unpair(&ci[1]).unwrap(), (Value::Int(1, IntTy::Usize), Value::Char('é'))));
    assert_eq!(ints(&m(s("AB"), "bytes", vec![]).unwrap()), [65, 66]);
}

#[test]
fn parse_uses_the_hint() {
    let r = mh(s("42"), "parse", vec![], Some(Ty::named("Result", vec![Ty::Int(IntTy::U64), Ty::Infer]))).unwrap();
    assert!(matches!(as_result(&r), Some(Ok(Value::Int(42, IntTy::U64)))));
    let r = mh(s("x"), "parse", vec![], Some(Ty::Int(IntTy::I32))).unwrap();
    let e = as_result(&r).unwrap().unwrap_err();
    assert_eq!(std_object_fmt(&e, true).unwrap(), "ParseIntError { kind: InvalidDigit }");
    assert_eq!(std_object_fmt(&e, false).unwrap(), "invalid digit found in string");
    let r = mh(s("999"), "parse", vec![], Some(Ty::Int(IntTy::U8))).unwrap();
    assert_eq!(std_object_fmt(&as_result(&r).unwrap().unwrap_err(), true).unwrap(), "ParseIntError { kind: PosOverflow }");
    let r = mh(s("2.5"), "parse", vec![], Some(Ty::Float(FloatTy::F64))).unwrap();
    assert!(matches!(as_result(&r), Some(Ok(Value::Float(v, _))) if v == 2.5));
    let r = mh(s("x"), "parse", vec![], Some(Ty::Float(FloatTy::F64))).unwrap();
    assert_eq!(std_object_fmt(&as_result(&r).unwrap().unwrap_err(), false).unwrap(), "invalid float literal");
    let r = mh(s("tru"), "parse", vec![], Some(Ty::Bool)).unwrap();
    assert_eq!(std_object_fmt(&as_result(&r).unwrap().unwrap_err(), true).unwrap(), "ParseBoolError");
    let r = mh(s("ab"), "parse", vec![], Some(Ty::Char)).unwrap();
    assert_eq!(std_object_fmt(&as_result(&r).unwrap().unwrap_err(), true).unwrap(), "ParseCharError { kind: TooManyChars }");
    let r = mh(s("-7"), "parse", vec![], None).unwrap();
    assert!(matches!(as_result(&r), Some(Ok(Value::Int(-7, IntTy::I32)))));
}

#[test]
fn vec_methods() {
    let v = vec_of(&[3, 1, 2]);
    m(v.clone(), "push", vec![i(0)]).unwrap();
    m(v.clone(), "sort", vec![]).unwrap();
    assert_eq!(ints(&v), [0, 1, 2, 3]);
    assert!(matches!(m(v.clone(), "binary_search", vec![i(2)]).map(|r| as_result(&r)), Ok(Some(Ok(Value::Int(2, _))))));
    assert!(matches!(m(v.clone(), "binary_search", vec![i(9)]).map(|r| as_result(&r)), Ok(Some(Err(Value::Int(4, _))))));
    let dup = vec_of(&[1, 1, 2, 2, 2, 3]);
    assert!(matches!(m(dup.clone(), "binary_search", vec![i(2)]).map(|r| as_result(&r)), Ok(Some(Ok(Value::Int(4, _))))));
    m(dup.clone(), "dedup", vec![]).unwrap();
    assert_eq!(ints(&dup), [1, 2, 3]);
    assert_eq!(panic_msg(m(v.clone(), "remove", vec![Value::usize(9)])), "removal index (is 9) should be < len (is 4)");
    assert_eq!(panic_msg(m(v.clone(), "insert", vec![Value::usize(9), i(1)])), "insertion index (is 9) should be <= len (is 4)");
    assert_eq!(panic_msg(vec::index(&v, 5)), "index out of bounds: the len is 4 but the index is 5");
    let r = crate::value::RangeVal { start: Some(Value::usize(1)), end: Some(Value::usize(9)), inclusive: false };
    assert_eq!(panic_msg(vec::slice_range(&v, &r)), "range end index 9 out of range for slice of length 4");
    // Rust 1.95's order of checks: start bound, end bound, then order; `drain` checks the end first.
    let rg = |a: usize, b: Option<usize>| crate::value::RangeVal { start: Some(Value::usize(a)), end: b.map(Value::usize), inclusive: false };
    assert_eq!(panic_msg(vec::slice_range(&v, &rg(5, None))), "range start index 5 out of range for slice of length 4");
    assert_eq!(panic_msg(vec::slice_range(&v, &rg(6, Some(5)))), "range start index 6 out of range for slice of length 4");
    assert_eq!(panic_msg(vec::slice_range(&v, &rg(3, Some(1)))), "slice index starts at 3 but ends at 1");
    assert_eq!(panic_msg(vec::drain_bounds(&rg(6, Some(5)), 4).map(|_| Value::Unit)), "range end index 5 out of range for slice of length 4");
    assert_eq!(panic_msg(vec::drain_bounds(&rg(6, None), 4).map(|_| Value::Unit)), "range start index 6 out of range for slice of length 4");
    let w = m(v.clone(), "windows", vec![Value::usize(2)]).unwrap();
    let ws = vec::items_of(&w).unwrap();
    assert_eq!(ws.len(), 3);
    assert_eq!(ints(&ws[2]), [2, 3]);
    let c = vec::items_of(&m(v.clone(), "chunks", vec![Value::usize(3)]).unwrap()).unwrap();
    assert_eq!(ints(&c[1]), [3]);
    assert_eq!(ints(&m(v.clone(), "split_off", vec![Value::usize(2)]).unwrap()), [2, 3]);
    assert_eq!(ints(&v), [0, 1]);
    m(v.clone(), "extend_from_slice", vec![vec_of(&[7, 8])]).unwrap();
    m(v.clone(), "rotate_left", vec![Value::usize(1)]).unwrap();
    assert_eq!(ints(&v), [1, 7, 8, 0]);
    m(v.clone(), "swap", vec![Value::usize(0), Value::usize(3)]).unwrap();
    m(v.clone(), "reverse", vec![]).unwrap();
    assert_eq!(ints(&v), [1, 8, 7, 0]);
    let d = m(v.clone(), "drain", vec![Value::Range(Arc::new(crate::value::RangeVal { start: Some(Value::usize(1)), end: Some(Value::usize(3)), inclusive: false }))]).unwrap();
    assert_eq!(ints(&d), [8, 7]);
    assert_eq!(ints(&v), [1, 0]);
    assert!(matches!(m(v.clone(), "contains", vec![i(0)]).unwrap(), Value::Bool(true)));
    let words = util::new_vec(vec![s("a"), s("b"), s("c")]);
    assert_eq!(text(&m(words.clone(), "join", vec![s(", ")]).unwrap()), "a, b, c");
    assert_eq!(text(&m(words, "concat", vec![]).unwrap()), "abc");
    // iter_mut gives places: writing through them changes the vector
    let it = m(v.clone(), "iter_mut", vec![]).unwrap();
    let first = mh(it, "next", vec![], None).unwrap();
    if let Some(Some(Value::Ref(p))) = as_option(&first) {
        util::place_set(&p, i(42)).unwrap();
    }
    assert_eq!(ints(&v), [42, 0]);
}

#[test]
fn maps_and_sets() {
    let map = f("HashMap::new", vec![], None).unwrap();
    assert!(matches!(as_option(&m(map.clone(), "insert", vec![s("a"), i(1)]).unwrap()), Some(None)));
    assert_eq!(some_int(&m(map.clone(), "insert", vec![s("a"), i(2)]).unwrap()), Some(1));
    m(map.clone(), "insert", vec![s("b"), i(3)]).unwrap();
    assert_eq!(some_int(&m(map.clone(), "get", vec![s("a")]).unwrap()), Some(2));
    assert!(matches!(m(map.clone(), "contains_key", vec![s("zz")]).unwrap(), Value::Bool(false)));
    // *map.entry("c").or_insert(0) += 1
    let place = f("__entry_insert", vec![map.clone(), s("c"), i(0)], None).unwrap();
    let Value::Ref(p) = &place else { panic!() };
    let cur = util::int_of(&util::place_get(p).unwrap()).unwrap().0;
    util::place_set(p, i(cur + 1)).unwrap();
    assert_eq!(some_int(&m(map.clone(), "get", vec![s("c")]).unwrap()), Some(1));
    // or_default without a hint takes the type of the values present
    let place = f("__entry_default", vec![map.clone(), s("d")], None).unwrap();
    assert!(matches!(util::deref(&place).unwrap(), Value::Int(0, IntTy::I32)));
    assert_eq!(strs(&m(map.clone(), "keys", vec![]).unwrap()), ["a", "b", "c", "d"]);
    assert_eq!(some_int(&m(map.clone(), "remove", vec![s("a")]).unwrap()), Some(2));
    assert!(matches!(m(map.clone(), "len", vec![]).unwrap(), Value::Int(3, IntTy::Usize)));

    let bt = f("BTreeMap::from", vec![util::new_vec(vec![util::pair(i(3), s("c")), util::pair(i(1), s("a"))])], None).unwrap();
    let first = as_option(&m(bt.clone(), "first_key_value", vec![]).unwrap()).unwrap().unwrap();
    assert!(matches!(util::unpair(&first).unwrap().0, Value::Int(1, _)));
    assert_eq!(strs(&m(bt.clone(), "values", vec![]).unwrap()), ["a", "c"]);

    let a = f("BTreeSet::from", vec![vec_of(&[5, 1, 3])], None).unwrap();
    let b = f("BTreeSet::from", vec![vec_of(&[3, 4])], None).unwrap();
    assert_eq!(ints(&m(a.clone(), "union", vec![b.clone()]).unwrap()), [1, 3, 4, 5]);
    assert_eq!(ints(&m(a.clone(), "intersection", vec![b.clone()]).unwrap()), [3]);
    assert_eq!(ints(&m(a.clone(), "difference", vec![b.clone()]).unwrap()), [1, 5]);
    assert!(matches!(m(a.clone(), "insert", vec![i(1)]).unwrap(), Value::Bool(false)));
    let hs = f("HashSet::new", vec![], None).unwrap();
    assert!(matches!(m(hs.clone(), "insert", vec![i(1)]).unwrap(), Value::Bool(true)));
    assert!(matches!(m(hs.clone(), "contains", vec![Value::Int(1, IntTy::I64)]).unwrap(), Value::Bool(true)));
}

#[test]
fn deque_and_heap() {
    let d = f("VecDeque::new", vec![], None).unwrap();
    m(d.clone(), "push_back", vec![i(1)]).unwrap();
    m(d.clone(), "push_front", vec![i(0)]).unwrap();
    assert_eq!(some_int(&m(d.clone(), "pop_back", vec![]).unwrap()), Some(1));
    assert_eq!(some_int(&m(d.clone(), "front", vec![]).unwrap()), Some(0));
    let h = f("BinaryHeap::new", vec![], None).unwrap();
    for n in [3, 1, 4, 1, 5, 9, 2, 6] {
        m(h.clone(), "push", vec![i(n)]).unwrap();
    }
    // Rust's internal order after these pushes (rustc 1.95)
    assert_eq!(ints(&m(h.clone(), "into_vec", vec![]).unwrap()), [9, 6, 5, 4, 1, 3, 2, 1]);
    assert_eq!(some_int(&m(h.clone(), "pop", vec![]).unwrap()), Some(9));
    assert_eq!(ints(&m(h.clone(), "into_vec", vec![]).unwrap()), [6, 4, 5, 1, 1, 3, 2]);
    assert_eq!(ints(&m(h, "into_sorted_vec", vec![]).unwrap()), [1, 1, 2, 3, 4, 5, 6]);
}

#[test]
fn collect_sum_default() {
    let chars = util::new_vec(vec![Value::Char('h'), Value::Char('i')]);
    assert_eq!(text(&f("__collect_from_vec", vec![chars], Some(Ty::String)).unwrap()), "hi");
    let pairs = util::new_vec(vec![util::pair(s("k"), i(1))]);
    let mp = f("__collect_from_vec", vec![pairs], Some(Ty::named("HashMap", vec![Ty::Infer, Ty::Infer]))).unwrap();
    assert!(matches!(Kind::of(&mp), Kind::HashMap));
    let std = defs();
    let ok = |n| util::adt(&std.result, util::OK, vec![i(n)]);
    let rs = util::new_vec(vec![ok(1), ok(2)]);
    let hint = Ty::named("Result", vec![Ty::named("Vec", vec![Ty::Infer]), Ty::Infer]);
    let r = f("__collect_from_vec", vec![rs], Some(hint.clone())).unwrap();
    assert_eq!(ints(&as_result(&r).unwrap().unwrap()), [1, 2]);
    let bad = util::new_vec(vec![ok(1), util::adt(&std.result, util::ERR, vec![s("e")])]);
    let r = f("__collect_from_vec", vec![bad], Some(hint)).unwrap();
    assert_eq!(text(&as_result(&r).unwrap().unwrap_err()), "e");
    assert!(matches!(f("__sum", vec![vec_of(&[1, 2, 3])], None).unwrap(), Value::Int(6, IntTy::I32)));
    assert!(matches!(f("__sum", vec![util::new_vec(vec![])], Some(Ty::Int(IntTy::U64))).unwrap(), Value::Int(0, IntTy::U64)));
    assert!(matches!(f("__sum", vec![util::new_vec(vec![])], Some(Ty::Float(FloatTy::F64))).unwrap(), Value::Float(z, _) if z == 0.0 && z.is_sign_negative()));
    let big = util::new_vec(vec![Value::Int(200, IntTy::U8), Value::Int(100, IntTy::U8)]);
    assert_eq!(panic_msg(f("__sum", vec![big], None)), "attempt to add with overflow");
    assert!(matches!(f("__product", vec![vec_of(&[2, 3, 4])], None).unwrap(), Value::Int(24, _)));
    assert!(matches!(f("__default", vec![], Some(Ty::Int(IntTy::U8))).unwrap(), Value::Int(0, IntTy::U8)));
    let t = f("__default", vec![], Some(Ty::Tuple(vec![Ty::String, Ty::Bool]))).unwrap();
    let (a, b) = util::unpair(&t).unwrap();
    assert_eq!(text(&a), "");
    assert!(matches!(b, Value::Bool(false)));
    assert!(matches!(mh(i(5), "into", vec![], Some(Ty::Int(IntTy::I64))).unwrap(), Value::Int(5, IntTy::I64)));
    assert_eq!(text(&mh(s("x"), "into", vec![], Some(Ty::String)).unwrap()), "x");
}

#[test]
fn rc_cell_refcell_mem() {
    let rc = f("Rc::new", vec![vec_of(&[1])], None).unwrap();
    let rc2 = f("Rc::clone", vec![rc.clone()], None).unwrap();
    assert!(matches!(f("Rc::strong_count", vec![rc.clone()], None).unwrap(), Value::Int(2, IntTy::Usize)));
    assert!(matches!(f("Rc::ptr_eq", vec![rc.clone(), rc2.clone()], None).unwrap(), Value::Bool(true)));
    let w = f("Rc::downgrade", vec![rc.clone()], None).unwrap();
    assert!(matches!(m(w.clone(), "upgrade", vec![]).map(|v| as_option(&v).map(|o| o.is_some())), Ok(Some(true))));
    assert!(matches!(f("Rc::strong_count", vec![rc.clone()], None).unwrap(), Value::Int(3, IntTy::Usize)));
    assert!(matches!(f("Rc::weak_count", vec![rc.clone()], None).unwrap(), Value::Int(1, IntTy::Usize)));
    assert!(method(&rc, "push").is_none(), "Rc answers only its own methods");
    assert!(auto_deref(&rc).is_some());

    let c = f("Cell::new", vec![i(5)], None).unwrap();
    m(c.clone(), "set", vec![i(6)]).unwrap();
    assert!(matches!(m(c.clone(), "get", vec![]).unwrap(), Value::Int(6, _)));
    assert!(matches!(m(c.clone(), "take", vec![]).unwrap(), Value::Int(6, _)));
    assert!(matches!(m(c.clone(), "get", vec![]).unwrap(), Value::Int(0, _)));

    let rcell = f("RefCell::new", vec![vec_of(&[1])], None).unwrap();
    let g = m(rcell.clone(), "borrow_mut", vec![]).unwrap();
    vec::items_of(&g).unwrap();
    m(util::deref(&g).unwrap(), "push", vec![i(2)]).unwrap();
    release_guard(&g);
    let inner = m(rcell, "into_inner", vec![]).unwrap();
    assert_eq!(ints(&inner), [1, 2]);

    let a = Value::Ref(Arc::new(crate::value::Place::Local(crate::heap::Heap::new(i(1)))));
    let b = Value::Ref(Arc::new(crate::value::Place::Local(crate::heap::Heap::new(i(2)))));
    f("mem::swap", vec![a.clone(), b.clone()], None).unwrap();
    assert!(matches!(util::deref(&a).unwrap(), Value::Int(2, _)));
    assert!(matches!(f("mem::replace", vec![a.clone(), i(9)], None).unwrap(), Value::Int(2, _)));
    assert!(matches!(f("mem::take", vec![a.clone()], None).unwrap(), Value::Int(9, _)));
    assert!(matches!(util::deref(&a).unwrap(), Value::Int(0, _)));
    // take of a Vec passed as a handle
    let v = vec_of(&[1, 2]);
    let old = f("mem::take", vec![v.clone()], None).unwrap();
    assert_eq!(ints(&old), [1, 2]);
    assert_eq!(ints(&v), Vec::<i64>::new());
}

#[test]
fn process_env_time_fs() {
    assert!(matches!(f("process::exit", vec![i(3)], None), Err(NativeError::Exit(3))));
    assert_eq!(strs(&f("env::args", vec![], None).unwrap()), ["prog", "a1"]);
    let d = f("Duration::from_millis", vec![Value::Int(1500, IntTy::U64)], None).unwrap();
    assert_eq!(std_object_fmt(&d, true).unwrap(), "1.5s");
    assert!(matches!(m(d.clone(), "as_secs", vec![]).unwrap(), Value::Int(1, IntTy::U64)));
    assert!(matches!(m(d.clone(), "subsec_millis", vec![]).unwrap(), Value::Int(500, IntTy::U32)));
    assert!(matches!(m(d.clone(), "as_secs_f64", vec![]).unwrap(), Value::Float(v, _) if v == 1.5));
    let t = f("Instant::now", vec![], None).unwrap();
    assert!(matches!(m(t, "elapsed", vec![]), Ok(Value::Native(_))));
    let r = f("fs::read_to_string", vec![s("/nonexistent/teras")], None).unwrap();
    let e = as_result(&r).unwrap().unwrap_err();
    assert_eq!(std_object_fmt(&e, false).unwrap(), "No such file or directory (os error 2)");
    assert_eq!(std_object_fmt(&e, true).unwrap(), "Os { code: 2, kind: NotFound, message: \"No such file or directory\" }");
}

#[test]
fn native_iterators() {
    let r = Value::Range(Arc::new(crate::value::RangeVal { start: Some(i(0)), end: Some(i(3)), inclusive: true }));
    let it = iter::into_iter_value(&r).unwrap();
    let rev = as_option(&f("__rev", vec![it], None).unwrap()).unwrap().unwrap();
    assert_eq!(ints(&rev), [3, 2, 1, 0]);
    let v = vec_of(&[1, 2, 3]);
    let it = m(v, "iter", vec![]).unwrap();
    assert_eq!(some_int(&m(it.clone(), "next_back", vec![]).unwrap()), Some(3));
    assert!(matches!(m(it.clone(), "len", vec![]).unwrap(), Value::Int(2, _)));
    assert_eq!(ints(&it), [1, 2]);
}

#[test]
fn duration_arithmetic_and_io_kinds() {
    let std = defs();
    let mut out = Vec::new();
    let host = crate::runtime::SoloHost::new();
    let mut state = None;
    let mut cx = NativeCx { stdout: &mut out, std: &std, hint: None, args: &[], host: &host, waker: std::task::Waker::noop(), state: &mut state };
    let d2 = f("Duration::from_secs", vec![Value::Int(2, IntTy::U64)], None).unwrap();
    let d3 = f("Duration::from_micros", vec![Value::Int(250, IntTy::U64)], None).unwrap();
    let sum = native_binop(&mut cx, '+', &d2, &d3).unwrap().unwrap();
    assert_eq!(std_object_fmt(&sum, true).unwrap(), "2.00025s");
    let twice = native_binop(&mut cx, '*', &d2, &Value::Int(2, IntTy::U32)).unwrap().unwrap();
    assert_eq!(std_object_fmt(&twice, true).unwrap(), "4s");
    assert!(native_binop(&mut cx, '+', &i(1), &i(2)).is_none());
    let r = f("fs::read_to_string", vec![s("/nonexistent/teras")], None).unwrap();
    let e = as_result(&r).unwrap().unwrap_err();
    let k = m(e, "kind", vec![]).unwrap();
    assert_eq!(std_object_fmt(&k, true).unwrap(), "NotFound");
    assert!(eq_values(&k, &constant("io::ErrorKind::NotFound").unwrap()));
    let r = f("str::from_utf8", vec![util::new_vec(vec![Value::Int(0xff, IntTy::U8)])], None).unwrap();
    assert!(as_result(&r).unwrap().is_err());
}
