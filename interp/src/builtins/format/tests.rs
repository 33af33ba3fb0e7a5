//! Value formatting checked against rustc: the expected strings were printed by a
//! rustc-built program formatting the equivalent Rust values under the same specs
//! (`println!("{}", format!("{:SPEC}", value).escape_default())`).

#![allow(clippy::excessive_precision, clippy::approx_constant)]

use super::*;
use crate::heap::Heap;
use crate::value::*;
use std::sync::Arc;

fn i32v(n: i32) -> Value {
    Value::i32(n)
}
fn f64v(x: f64) -> Value {
    Value::f64(x)
}
fn f32v(x: f32) -> Value {
    Value::Float(f64::from(x), FloatTy::F32)
}
fn s(x: &str) -> Value {
    Value::str(x)
}
fn vec_of(items: Vec<Value>) -> Value {
    Value::Vec(Heap::new(VecObj {
        items,
        is_array: false,
    }))
}
fn array(items: Vec<Value>) -> Value {
    Value::Vec(Heap::new(VecObj {
        items,
        is_array: true,
    }))
}
fn slice(items: Vec<Value>, start: u32, end: u32) -> Value {
    let vec = Heap::new(VecObj {
        items,
        is_array: true,
    });
    Value::Slice(Arc::new(SliceVal { vec, start, end }))
}
fn tup(items: Vec<Value>) -> Value {
    Value::Tuple(Heap::new(items))
}
fn variant(name: &str, kind: VariantKind, fields: &[&str]) -> VariantDef {
    VariantDef {
        name: name.into(),
        kind,
        fields: fields.iter().map(|f| f.to_string()).collect(),
        discriminant: 0,
    }
}
fn def(name: &str, is_enum: bool, variants: Vec<VariantDef>) -> Arc<AdtDef> {
    Arc::new(AdtDef {
        name: name.into(),
        is_enum,
        variants,
        is_copy: false,
        derives: vec!["Debug".into()],
        type_id: 0,
    })
}
fn obj(def: &Arc<AdtDef>, variant: u32, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj {
        def: def.into(),
        variant,
        fields: fields.into(),
    }))
}
fn option_def() -> Arc<AdtDef> {
    def(
        "Option",
        true,
        vec![
            variant("None", VariantKind::Unit, &[]),
            variant("Some", VariantKind::Tuple, &["0"]),
        ],
    )
}
fn some(v: Value) -> Value {
    obj(&option_def(), 1, vec![v])
}
fn none() -> Value {
    obj(&option_def(), 0, vec![])
}
fn result_def() -> Arc<AdtDef> {
    def(
        "Result",
        true,
        vec![
            variant("Ok", VariantKind::Tuple, &["0"]),
            variant("Err", VariantKind::Tuple, &["0"]),
        ],
    )
}
fn ok(v: Value) -> Value {
    obj(&result_def(), 0, vec![v])
}
fn err(v: Value) -> Value {
    obj(&result_def(), 1, vec![v])
}
fn less() -> Value {
    let d = def(
        "Ordering",
        true,
        vec![
            variant("Less", VariantKind::Unit, &[]),
            variant("Equal", VariantKind::Unit, &[]),
            variant("Greater", VariantKind::Unit, &[]),
        ],
    );
    obj(&d, 0, vec![])
}
fn p(x: i32, y: i32) -> Value {
    let d = def(
        "P",
        false,
        vec![variant("P", VariantKind::Named, &["x", "y"])],
    );
    obj(&d, 0, vec![i32v(x), i32v(y)])
}
fn unit_struct() -> Value {
    obj(
        &def("U", false, vec![variant("U", VariantKind::Unit, &[])]),
        0,
        vec![],
    )
}
fn tstruct(a: i32, b: i32) -> Value {
    obj(
        &def(
            "T",
            false,
            vec![variant("T", VariantKind::Tuple, &["0", "1"])],
        ),
        0,
        vec![i32v(a), i32v(b)],
    )
}
fn en_def() -> Arc<AdtDef> {
    def(
        "En",
        true,
        vec![
            variant("A", VariantKind::Unit, &[]),
            variant("B", VariantKind::Tuple, &["0"]),
            variant("C", VariantKind::Named, &["s", "v"]),
        ],
    )
}
fn en_a() -> Value {
    obj(&en_def(), 0, vec![])
}
fn en_b(n: i32) -> Value {
    obj(&en_def(), 1, vec![i32v(n)])
}
fn en_c(x: &str, v: Vec<i32>) -> Value {
    obj(
        &en_def(),
        2,
        vec![s(x), vec_of(v.into_iter().map(i32v).collect())],
    )
}
fn node3() -> Value {
    let d = def(
        "Node",
        false,
        vec![variant("Node", VariantKind::Named, &["val", "next"])],
    );
    let n3 = obj(&d, 0, vec![i32v(3), none()]);
    let n2 = obj(&d, 0, vec![i32v(2), some(n3)]);
    obj(&d, 0, vec![i32v(1), some(n2)])
}
fn coll(c: Collection) -> Value {
    Value::Coll(Heap::new(c))
}
fn hashmap(entries: Vec<(Value, Value)>) -> Value {
    coll(Collection::HashMap(
        entries.into_iter().map(|(k, v)| (Key(k), v)).collect(),
    ))
}
fn hashset(items: Vec<Value>) -> Value {
    coll(Collection::HashSet(items.into_iter().map(Key).collect()))
}
fn btreemap(entries: Vec<(Value, Value)>) -> Value {
    coll(Collection::BTreeMap(
        entries.into_iter().map(|(k, v)| (Key(k), v)).collect(),
    ))
}
fn btreeset(items: Vec<Value>) -> Value {
    coll(Collection::BTreeSet(items.into_iter().map(Key).collect()))
}
fn deque(items: Vec<Value>) -> Value {
    coll(Collection::VecDeque(items.into_iter().collect()))
}
fn rc(v: Value) -> Value {
    Value::Cell(Heap::new(CellObj::Rc {
        value: v,
        strong: 1,
        weak: 0,
        atomic: false,
    }))
}
fn cell(v: Value) -> Value {
    Value::Cell(Heap::new(CellObj::Cell(v)))
}
fn refcell(v: Value, borrow: isize) -> Value {
    Value::Cell(Heap::new(CellObj::RefCell { value: v, borrow }))
}
fn range(start: Option<Value>, end: Option<Value>, inclusive: bool) -> Value {
    Value::Range(Arc::new(RangeVal {
        start,
        end,
        inclusive,
    }))
}

fn render(spec: &str, v: &Value) -> Result<String, NativeError> {
    let spec = teras_stdlib::fmt::parse_spec(spec).map_err(|e| NativeError::Panic(e.message))?;
    let mut out = String::new();
    format_value(&mut out, v, &spec, &mut NoHooks)?;
    Ok(out)
}

#[test]
fn values_match_rustc() {
    let cases: Vec<(&str, Value, &str)> = vec![
        ("?", vec_of(vec![i32v(1), i32v(2)]), "[1, 2]"),
        ("?", vec_of(vec![s("a"), s("b\n")]), "[\"a\", \"b\\n\"]"),
        ("?", tup(vec![i32v(1), s("a")]), "(1, \"a\")"),
        ("?", tup(vec![i32v(1)]), "(1,)"),
        ("?", Value::Unit, "()"),
        ("?", p(1, -2), "P { x: 1, y: -2 }"),
        ("?", unit_struct(), "U"),
        ("?", tstruct(1, 2), "T(1, 2)"),
        ("?", en_a(), "A"),
        ("?", en_b(3), "B(3)"),
        ("?", en_c("x", vec![1, 2]), "C { s: \"x\", v: [1, 2] }"),
        ("?", some(i32v(3)), "Some(3)"),
        ("?", none(), "None"),
        ("?", some(some(vec_of(vec![i32v(1)]))), "Some(Some([1]))"),
        ("?", ok(i32v(1)), "Ok(1)"),
        ("?", err(s("bad")), "Err(\"bad\")"),
        ("?", deque(vec![i32v(1), i32v(2)]), "[1, 2]"),
        ("?", rc(i32v(5)), "5"),
        ("?", rc(vec_of(vec![i32v(1)])), "[1]"),
        ("?", cell(i32v(5)), "Cell { value: 5 }"),
        ("?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell { value: [1] }"),
        ("?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell { value: <borrowed> }"),
        ("?", i32v(5), "5"),
        ("?", range(Some(i32v(1)), Some(i32v(5)), false), "1..5"),
        ("?", range(Some(i32v(1)), Some(i32v(5)), true), "1..=5"),
        ("?", range(None, Some(i32v(5)), false), "..5"),
        ("?", range(Some(i32v(2)), None, false), "2.."),
        ("?", range(None, None, false), ".."),
        ("?", vec_of(vec![p(1, 2), p(3, 4)]), "[P { x: 1, y: 2 }, P { x: 3, y: 4 }]"),
        ("?", node3(), "Node { val: 1, next: Some(Node { val: 2, next: Some(Node { val: 3, next: None }) }) }"),
        ("?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[1.0, 0.30000000000000004, 1e16, -0.0, 2.25]"),
        ("?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[0.1, 16777216.0]"),
        ("?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\'a\', \'\\\'\']"),
        ("?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(true, false)"),
        ("?", less(), "Less"),
        ("?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[255, 0, 16]"),
        ("?", Value::Int(-1, IntTy::I8), "-1"),
        ("?", Value::Int(-1, IntTy::U64), "18446744073709551615"),
        ("?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[2, 3]"),
        ("?", vec_of(vec![]), "[]"),
        ("?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[(1, \"a\"), (2, \"b\")]"),
        ("?", some(s("hi")), "Some(\"hi\")"),
        ("?", vec_of(vec![unit_struct()]), "[U]"),
        ("?", vec_of(vec![Value::Unit, Value::Unit]), "[(), ()]"),
        ("?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("?", Value::Char('\n'), "\'\\n\'"),
        ("?", rc(refcell(i32v(5), 0)), "RefCell { value: 5 }"),
        ("?", some(rc(cell(f64v(1.5)))), "Some(Cell { value: 1.5 })"),
        ("?", Value::Int(-42, IntTy::I64), "-42"),
        ("?", f64v(3.14159), "3.14159"),
        ("?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[[1, 2], []]"),
        ("#?", vec_of(vec![i32v(1), i32v(2)]), "[\n    1,\n    2,\n]"),
        ("#?", vec_of(vec![s("a"), s("b\n")]), "[\n    \"a\",\n    \"b\\n\",\n]"),
        ("#?", tup(vec![i32v(1), s("a")]), "(\n    1,\n    \"a\",\n)"),
        ("#?", tup(vec![i32v(1)]), "(\n    1,\n)"),
        ("#?", Value::Unit, "()"),
        ("#?", p(1, -2), "P {\n    x: 1,\n    y: -2,\n}"),
        ("#?", unit_struct(), "U"),
        ("#?", tstruct(1, 2), "T(\n    1,\n    2,\n)"),
        ("#?", en_a(), "A"),
        ("#?", en_b(3), "B(\n    3,\n)"),
        ("#?", en_c("x", vec![1, 2]), "C {\n    s: \"x\",\n    v: [\n        1,\n        2,\n    ],\n}"),
        ("#?", some(i32v(3)), "Some(\n    3,\n)"),
        ("#?", none(), "None"),
        ("#?", some(some(vec_of(vec![i32v(1)]))), "Some(\n    Some(\n        [\n            1,\n        ],\n    ),\n)"),
        ("#?", ok(i32v(1)), "Ok(\n    1,\n)"),
        ("#?", err(s("bad")), "Err(\n    \"bad\",\n)"),
        ("#?", deque(vec![i32v(1), i32v(2)]), "[\n    1,\n    2,\n]"),
        ("#?", rc(i32v(5)), "5"),
        ("#?", rc(vec_of(vec![i32v(1)])), "[\n    1,\n]"),
        ("#?", cell(i32v(5)), "Cell {\n    value: 5,\n}"),
        ("#?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell {\n    value: [\n        1,\n    ],\n}"),
        ("#?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell {\n    value: <borrowed>,\n}"),
        ("#?", i32v(5), "5"),
        ("#?", range(Some(i32v(1)), Some(i32v(5)), false), "1..5"),
        ("#?", range(Some(i32v(1)), Some(i32v(5)), true), "1..=5"),
        ("#?", range(None, Some(i32v(5)), false), "..5"),
        ("#?", range(Some(i32v(2)), None, false), "2.."),
        ("#?", range(None, None, false), ".."),
        ("#?", vec_of(vec![p(1, 2), p(3, 4)]), "[\n    P {\n        x: 1,\n        y: 2,\n    },\n    P {\n        x: 3,\n        y: 4,\n    },\n]"),
        ("#?", node3(), "Node {\n    val: 1,\n    next: Some(\n        Node {\n            val: 2,\n            next: Some(\n                Node {\n                    val: 3,\n                    next: None,\n                },\n            ),\n        },\n    ),\n}"),
        ("#?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[\n    1.0,\n    0.30000000000000004,\n    1e16,\n    -0.0,\n    2.25,\n]"),
        ("#?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[\n    0.1,\n    16777216.0,\n]"),
        ("#?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\n    \'a\',\n    \'\\\'\',\n]"),
        ("#?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(\n    true,\n    false,\n)"),
        ("#?", less(), "Less"),
        ("#?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[\n    255,\n    0,\n    16,\n]"),
        ("#?", Value::Int(-1, IntTy::I8), "-1"),
        ("#?", Value::Int(-1, IntTy::U64), "18446744073709551615"),
        ("#?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[\n    2,\n    3,\n]"),
        ("#?", vec_of(vec![]), "[]"),
        ("#?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[\n    (\n        1,\n        \"a\",\n    ),\n    (\n        2,\n        \"b\",\n    ),\n]"),
        ("#?", some(s("hi")), "Some(\n    \"hi\",\n)"),
        ("#?", vec_of(vec![unit_struct()]), "[\n    U,\n]"),
        ("#?", vec_of(vec![Value::Unit, Value::Unit]), "[\n    (),\n    (),\n]"),
        ("#?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("#?", Value::Char('\n'), "\'\\n\'"),
        ("#?", rc(refcell(i32v(5), 0)), "RefCell {\n    value: 5,\n}"),
        ("#?", some(rc(cell(f64v(1.5)))), "Some(\n    Cell {\n        value: 1.5,\n    },\n)"),
        ("#?", Value::Int(-42, IntTy::I64), "-42"),
        ("#?", f64v(3.14159), "3.14159"),
        ("#?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[\n    [\n        1,\n        2,\n    ],\n    [],\n]"),
        ("5?", vec_of(vec![i32v(1), i32v(2)]), "[    1,     2]"),
        ("5?", vec_of(vec![s("a"), s("b\n")]), "[\"a\", \"b\\n\"]"),
        ("5?", tup(vec![i32v(1), s("a")]), "(    1, \"a\")"),
        ("5?", tup(vec![i32v(1)]), "(    1,)"),
        ("5?", Value::Unit, "()   "),
        ("5?", p(1, -2), "P { x:     1, y:    -2 }"),
        ("5?", unit_struct(), "U"),
        ("5?", tstruct(1, 2), "T(    1,     2)"),
        ("5?", en_a(), "A"),
        ("5?", en_b(3), "B(    3)"),
        ("5?", en_c("x", vec![1, 2]), "C { s: \"x\", v: [    1,     2] }"),
        ("5?", some(i32v(3)), "Some(    3)"),
        ("5?", none(), "None"),
        ("5?", some(some(vec_of(vec![i32v(1)]))), "Some(Some([    1]))"),
        ("5?", ok(i32v(1)), "Ok(    1)"),
        ("5?", err(s("bad")), "Err(\"bad\")"),
        ("5?", deque(vec![i32v(1), i32v(2)]), "[    1,     2]"),
        ("5?", rc(i32v(5)), "    5"),
        ("5?", rc(vec_of(vec![i32v(1)])), "[    1]"),
        ("5?", cell(i32v(5)), "Cell { value:     5 }"),
        ("5?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell { value: [    1] }"),
        ("5?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell { value: <borrowed> }"),
        ("5?", i32v(5), "    5"),
        ("5?", range(Some(i32v(1)), Some(i32v(5)), false), "    1..    5"),
        ("5?", range(Some(i32v(1)), Some(i32v(5)), true), "    1..=    5"),
        ("5?", range(None, Some(i32v(5)), false), "..    5"),
        ("5?", range(Some(i32v(2)), None, false), "    2.."),
        ("5?", range(None, None, false), ".."),
        ("5?", vec_of(vec![p(1, 2), p(3, 4)]), "[P { x:     1, y:     2 }, P { x:     3, y:     4 }]"),
        ("5?", node3(), "Node { val:     1, next: Some(Node { val:     2, next: Some(Node { val:     3, next: None }) }) }"),
        ("5?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[  1.0, 0.30000000000000004,  1e16,  -0.0,  2.25]"),
        ("5?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[  0.1, 16777216.0]"),
        ("5?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\'a\', \'\\\'\']"),
        ("5?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(true , false)"),
        ("5?", less(), "Less"),
        ("5?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[  255,     0,    16]"),
        ("5?", Value::Int(-1, IntTy::I8), "   -1"),
        ("5?", Value::Int(-1, IntTy::U64), "18446744073709551615"),
        ("5?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[    2,     3]"),
        ("5?", vec_of(vec![]), "[]"),
        ("5?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[(    1, \"a\"), (    2, \"b\")]"),
        ("5?", some(s("hi")), "Some(\"hi\")"),
        ("5?", vec_of(vec![unit_struct()]), "[U]"),
        ("5?", vec_of(vec![Value::Unit, Value::Unit]), "[()   , ()   ]"),
        ("5?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("5?", Value::Char('\n'), "\'\\n\'"),
        ("5?", rc(refcell(i32v(5), 0)), "RefCell { value:     5 }"),
        ("5?", some(rc(cell(f64v(1.5)))), "Some(Cell { value:   1.5 })"),
        ("5?", Value::Int(-42, IntTy::I64), "  -42"),
        ("5?", f64v(3.14159), "3.14159"),
        ("5?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[[    1,     2], []]"),
        ("x?", vec_of(vec![i32v(1), i32v(2)]), "[1, 2]"),
        ("x?", vec_of(vec![s("a"), s("b\n")]), "[\"a\", \"b\\n\"]"),
        ("x?", tup(vec![i32v(1), s("a")]), "(1, \"a\")"),
        ("x?", tup(vec![i32v(1)]), "(1,)"),
        ("x?", Value::Unit, "()"),
        ("x?", p(1, -2), "P { x: 1, y: fffffffe }"),
        ("x?", unit_struct(), "U"),
        ("x?", tstruct(1, 2), "T(1, 2)"),
        ("x?", en_a(), "A"),
        ("x?", en_b(3), "B(3)"),
        ("x?", en_c("x", vec![1, 2]), "C { s: \"x\", v: [1, 2] }"),
        ("x?", some(i32v(3)), "Some(3)"),
        ("x?", none(), "None"),
        ("x?", some(some(vec_of(vec![i32v(1)]))), "Some(Some([1]))"),
        ("x?", ok(i32v(1)), "Ok(1)"),
        ("x?", err(s("bad")), "Err(\"bad\")"),
        ("x?", deque(vec![i32v(1), i32v(2)]), "[1, 2]"),
        ("x?", rc(i32v(5)), "5"),
        ("x?", rc(vec_of(vec![i32v(1)])), "[1]"),
        ("x?", cell(i32v(5)), "Cell { value: 5 }"),
        ("x?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell { value: [1] }"),
        ("x?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell { value: <borrowed> }"),
        ("x?", i32v(5), "5"),
        ("x?", range(Some(i32v(1)), Some(i32v(5)), false), "1..5"),
        ("x?", range(Some(i32v(1)), Some(i32v(5)), true), "1..=5"),
        ("x?", range(None, Some(i32v(5)), false), "..5"),
        ("x?", range(Some(i32v(2)), None, false), "2.."),
        ("x?", range(None, None, false), ".."),
        ("x?", vec_of(vec![p(1, 2), p(3, 4)]), "[P { x: 1, y: 2 }, P { x: 3, y: 4 }]"),
        ("x?", node3(), "Node { val: 1, next: Some(Node { val: 2, next: Some(Node { val: 3, next: None }) }) }"),
        ("x?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[1.0, 0.30000000000000004, 1e16, -0.0, 2.25]"),
        ("x?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[0.1, 16777216.0]"),
        ("x?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\'a\', \'\\\'\']"),
        ("x?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(true, false)"),
        ("x?", less(), "Less"),
        ("x?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[ff, 0, 10]"),
        ("x?", Value::Int(-1, IntTy::I8), "ff"),
        ("x?", Value::Int(-1, IntTy::U64), "ffffffffffffffff"),
        ("x?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[2, 3]"),
        ("x?", vec_of(vec![]), "[]"),
        ("x?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[(1, \"a\"), (2, \"b\")]"),
        ("x?", some(s("hi")), "Some(\"hi\")"),
        ("x?", vec_of(vec![unit_struct()]), "[U]"),
        ("x?", vec_of(vec![Value::Unit, Value::Unit]), "[(), ()]"),
        ("x?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("x?", Value::Char('\n'), "\'\\n\'"),
        ("x?", rc(refcell(i32v(5), 0)), "RefCell { value: 5 }"),
        ("x?", some(rc(cell(f64v(1.5)))), "Some(Cell { value: 1.5 })"),
        ("x?", Value::Int(-42, IntTy::I64), "ffffffffffffffd6"),
        ("x?", f64v(3.14159), "3.14159"),
        ("x?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[[1, 2], []]"),
        ("#x?", vec_of(vec![i32v(1), i32v(2)]), "[\n    0x1,\n    0x2,\n]"),
        ("#x?", vec_of(vec![s("a"), s("b\n")]), "[\n    \"a\",\n    \"b\\n\",\n]"),
        ("#x?", tup(vec![i32v(1), s("a")]), "(\n    0x1,\n    \"a\",\n)"),
        ("#x?", tup(vec![i32v(1)]), "(\n    0x1,\n)"),
        ("#x?", Value::Unit, "()"),
        ("#x?", p(1, -2), "P {\n    x: 0x1,\n    y: 0xfffffffe,\n}"),
        ("#x?", unit_struct(), "U"),
        ("#x?", tstruct(1, 2), "T(\n    0x1,\n    0x2,\n)"),
        ("#x?", en_a(), "A"),
        ("#x?", en_b(3), "B(\n    0x3,\n)"),
        ("#x?", en_c("x", vec![1, 2]), "C {\n    s: \"x\",\n    v: [\n        0x1,\n        0x2,\n    ],\n}"),
        ("#x?", some(i32v(3)), "Some(\n    0x3,\n)"),
        ("#x?", none(), "None"),
        ("#x?", some(some(vec_of(vec![i32v(1)]))), "Some(\n    Some(\n        [\n            0x1,\n        ],\n    ),\n)"),
        ("#x?", ok(i32v(1)), "Ok(\n    0x1,\n)"),
        ("#x?", err(s("bad")), "Err(\n    \"bad\",\n)"),
        ("#x?", deque(vec![i32v(1), i32v(2)]), "[\n    0x1,\n    0x2,\n]"),
        ("#x?", rc(i32v(5)), "0x5"),
        ("#x?", rc(vec_of(vec![i32v(1)])), "[\n    0x1,\n]"),
        ("#x?", cell(i32v(5)), "Cell {\n    value: 0x5,\n}"),
        ("#x?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell {\n    value: [\n        0x1,\n    ],\n}"),
        ("#x?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell {\n    value: <borrowed>,\n}"),
        ("#x?", i32v(5), "0x5"),
        ("#x?", range(Some(i32v(1)), Some(i32v(5)), false), "0x1..0x5"),
        ("#x?", range(Some(i32v(1)), Some(i32v(5)), true), "0x1..=0x5"),
        ("#x?", range(None, Some(i32v(5)), false), "..0x5"),
        ("#x?", range(Some(i32v(2)), None, false), "0x2.."),
        ("#x?", range(None, None, false), ".."),
        ("#x?", vec_of(vec![p(1, 2), p(3, 4)]), "[\n    P {\n        x: 0x1,\n        y: 0x2,\n    },\n    P {\n        x: 0x3,\n        y: 0x4,\n    },\n]"),
        ("#x?", node3(), "Node {\n    val: 0x1,\n    next: Some(\n        Node {\n            val: 0x2,\n            next: Some(\n                Node {\n                    val: 0x3,\n                    next: None,\n                },\n            ),\n        },\n    ),\n}"),
        ("#x?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[\n    1.0,\n    0.30000000000000004,\n    1e16,\n    -0.0,\n    2.25,\n]"),
        ("#x?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[\n    0.1,\n    16777216.0,\n]"),
        ("#x?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\n    \'a\',\n    \'\\\'\',\n]"),
        ("#x?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(\n    true,\n    false,\n)"),
        ("#x?", less(), "Less"),
        ("#x?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[\n    0xff,\n    0x0,\n    0x10,\n]"),
        ("#x?", Value::Int(-1, IntTy::I8), "0xff"),
        ("#x?", Value::Int(-1, IntTy::U64), "0xffffffffffffffff"),
        ("#x?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[\n    0x2,\n    0x3,\n]"),
        ("#x?", vec_of(vec![]), "[]"),
        ("#x?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[\n    (\n        0x1,\n        \"a\",\n    ),\n    (\n        0x2,\n        \"b\",\n    ),\n]"),
        ("#x?", some(s("hi")), "Some(\n    \"hi\",\n)"),
        ("#x?", vec_of(vec![unit_struct()]), "[\n    U,\n]"),
        ("#x?", vec_of(vec![Value::Unit, Value::Unit]), "[\n    (),\n    (),\n]"),
        ("#x?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("#x?", Value::Char('\n'), "\'\\n\'"),
        ("#x?", rc(refcell(i32v(5), 0)), "RefCell {\n    value: 0x5,\n}"),
        ("#x?", some(rc(cell(f64v(1.5)))), "Some(\n    Cell {\n        value: 1.5,\n    },\n)"),
        ("#x?", Value::Int(-42, IntTy::I64), "0xffffffffffffffd6"),
        ("#x?", f64v(3.14159), "3.14159"),
        ("#x?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[\n    [\n        0x1,\n        0x2,\n    ],\n    [],\n]"),
        (".1?", vec_of(vec![i32v(1), i32v(2)]), "[1, 2]"),
        (".1?", vec_of(vec![s("a"), s("b\n")]), "[\"a\", \"b\\n\"]"),
        (".1?", tup(vec![i32v(1), s("a")]), "(1, \"a\")"),
        (".1?", tup(vec![i32v(1)]), "(1,)"),
        (".1?", Value::Unit, "("),
        (".1?", p(1, -2), "P { x: 1, y: -2 }"),
        (".1?", unit_struct(), "U"),
        (".1?", tstruct(1, 2), "T(1, 2)"),
        (".1?", en_a(), "A"),
        (".1?", en_b(3), "B(3)"),
        (".1?", en_c("x", vec![1, 2]), "C { s: \"x\", v: [1, 2] }"),
        (".1?", some(i32v(3)), "Some(3)"),
        (".1?", none(), "None"),
        (".1?", some(some(vec_of(vec![i32v(1)]))), "Some(Some([1]))"),
        (".1?", ok(i32v(1)), "Ok(1)"),
        (".1?", err(s("bad")), "Err(\"bad\")"),
        (".1?", deque(vec![i32v(1), i32v(2)]), "[1, 2]"),
        (".1?", rc(i32v(5)), "5"),
        (".1?", rc(vec_of(vec![i32v(1)])), "[1]"),
        (".1?", cell(i32v(5)), "Cell { value: 5 }"),
        (".1?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell { value: [1] }"),
        (".1?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell { value: <borrowed> }"),
        (".1?", i32v(5), "5"),
        (".1?", range(Some(i32v(1)), Some(i32v(5)), false), "1..5"),
        (".1?", range(Some(i32v(1)), Some(i32v(5)), true), "1..=5"),
        (".1?", range(None, Some(i32v(5)), false), "..5"),
        (".1?", range(Some(i32v(2)), None, false), "2.."),
        (".1?", range(None, None, false), ".."),
        (".1?", vec_of(vec![p(1, 2), p(3, 4)]), "[P { x: 1, y: 2 }, P { x: 3, y: 4 }]"),
        (".1?", node3(), "Node { val: 1, next: Some(Node { val: 2, next: Some(Node { val: 3, next: None }) }) }"),
        (".1?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[1.0, 0.3, 10000000000000000.0, -0.0, 2.2]"),
        (".1?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[0.1, 16777216.0]"),
        (".1?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\'a\', \'\\\'\']"),
        (".1?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(t, f)"),
        (".1?", less(), "Less"),
        (".1?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[255, 0, 16]"),
        (".1?", Value::Int(-1, IntTy::I8), "-1"),
        (".1?", Value::Int(-1, IntTy::U64), "18446744073709551615"),
        (".1?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[2, 3]"),
        (".1?", vec_of(vec![]), "[]"),
        (".1?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[(1, \"a\"), (2, \"b\")]"),
        (".1?", some(s("hi")), "Some(\"hi\")"),
        (".1?", vec_of(vec![unit_struct()]), "[U]"),
        (".1?", vec_of(vec![Value::Unit, Value::Unit]), "[(, (]"),
        (".1?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        (".1?", Value::Char('\n'), "\'\\n\'"),
        (".1?", rc(refcell(i32v(5), 0)), "RefCell { value: 5 }"),
        (".1?", some(rc(cell(f64v(1.5)))), "Some(Cell { value: 1.5 })"),
        (".1?", Value::Int(-42, IntTy::I64), "-42"),
        (".1?", f64v(3.14159), "3.1"),
        (".1?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[[1, 2], []]"),
        ("<4?", vec_of(vec![i32v(1), i32v(2)]), "[1   , 2   ]"),
        ("<4?", vec_of(vec![s("a"), s("b\n")]), "[\"a\", \"b\\n\"]"),
        ("<4?", tup(vec![i32v(1), s("a")]), "(1   , \"a\")"),
        ("<4?", tup(vec![i32v(1)]), "(1   ,)"),
        ("<4?", Value::Unit, "()  "),
        ("<4?", p(1, -2), "P { x: 1   , y: -2   }"),
        ("<4?", unit_struct(), "U"),
        ("<4?", tstruct(1, 2), "T(1   , 2   )"),
        ("<4?", en_a(), "A"),
        ("<4?", en_b(3), "B(3   )"),
        ("<4?", en_c("x", vec![1, 2]), "C { s: \"x\", v: [1   , 2   ] }"),
        ("<4?", some(i32v(3)), "Some(3   )"),
        ("<4?", none(), "None"),
        ("<4?", some(some(vec_of(vec![i32v(1)]))), "Some(Some([1   ]))"),
        ("<4?", ok(i32v(1)), "Ok(1   )"),
        ("<4?", err(s("bad")), "Err(\"bad\")"),
        ("<4?", deque(vec![i32v(1), i32v(2)]), "[1   , 2   ]"),
        ("<4?", rc(i32v(5)), "5   "),
        ("<4?", rc(vec_of(vec![i32v(1)])), "[1   ]"),
        ("<4?", cell(i32v(5)), "Cell { value: 5    }"),
        ("<4?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell { value: [1   ] }"),
        ("<4?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell { value: <borrowed> }"),
        ("<4?", i32v(5), "5   "),
        ("<4?", range(Some(i32v(1)), Some(i32v(5)), false), "1   ..5   "),
        ("<4?", range(Some(i32v(1)), Some(i32v(5)), true), "1   ..=5   "),
        ("<4?", range(None, Some(i32v(5)), false), "..5   "),
        ("<4?", range(Some(i32v(2)), None, false), "2   .."),
        ("<4?", range(None, None, false), ".."),
        ("<4?", vec_of(vec![p(1, 2), p(3, 4)]), "[P { x: 1   , y: 2    }, P { x: 3   , y: 4    }]"),
        ("<4?", node3(), "Node { val: 1   , next: Some(Node { val: 2   , next: Some(Node { val: 3   , next: None }) }) }"),
        ("<4?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[1.0 , 0.30000000000000004, 1e16, -0.0, 2.25]"),
        ("<4?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[0.1 , 16777216.0]"),
        ("<4?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\'a\', \'\\\'\']"),
        ("<4?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(true, false)"),
        ("<4?", less(), "Less"),
        ("<4?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[255 , 0   , 16  ]"),
        ("<4?", Value::Int(-1, IntTy::I8), "-1  "),
        ("<4?", Value::Int(-1, IntTy::U64), "18446744073709551615"),
        ("<4?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[2   , 3   ]"),
        ("<4?", vec_of(vec![]), "[]"),
        ("<4?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[(1   , \"a\"), (2   , \"b\")]"),
        ("<4?", some(s("hi")), "Some(\"hi\")"),
        ("<4?", vec_of(vec![unit_struct()]), "[U]"),
        ("<4?", vec_of(vec![Value::Unit, Value::Unit]), "[()  , ()  ]"),
        ("<4?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("<4?", Value::Char('\n'), "\'\\n\'"),
        ("<4?", rc(refcell(i32v(5), 0)), "RefCell { value: 5    }"),
        ("<4?", some(rc(cell(f64v(1.5)))), "Some(Cell { value: 1.5  })"),
        ("<4?", Value::Int(-42, IntTy::I64), "-42 "),
        ("<4?", f64v(3.14159), "3.14159"),
        ("<4?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[[1   , 2   ], []]"),
        ("+?", vec_of(vec![i32v(1), i32v(2)]), "[+1, +2]"),
        ("+?", vec_of(vec![s("a"), s("b\n")]), "[\"a\", \"b\\n\"]"),
        ("+?", tup(vec![i32v(1), s("a")]), "(+1, \"a\")"),
        ("+?", tup(vec![i32v(1)]), "(+1,)"),
        ("+?", Value::Unit, "()"),
        ("+?", p(1, -2), "P { x: +1, y: -2 }"),
        ("+?", unit_struct(), "U"),
        ("+?", tstruct(1, 2), "T(+1, +2)"),
        ("+?", en_a(), "A"),
        ("+?", en_b(3), "B(+3)"),
        ("+?", en_c("x", vec![1, 2]), "C { s: \"x\", v: [+1, +2] }"),
        ("+?", some(i32v(3)), "Some(+3)"),
        ("+?", none(), "None"),
        ("+?", some(some(vec_of(vec![i32v(1)]))), "Some(Some([+1]))"),
        ("+?", ok(i32v(1)), "Ok(+1)"),
        ("+?", err(s("bad")), "Err(\"bad\")"),
        ("+?", deque(vec![i32v(1), i32v(2)]), "[+1, +2]"),
        ("+?", rc(i32v(5)), "+5"),
        ("+?", rc(vec_of(vec![i32v(1)])), "[+1]"),
        ("+?", cell(i32v(5)), "Cell { value: +5 }"),
        ("+?", refcell(vec_of(vec![i32v(1)]), 0), "RefCell { value: [+1] }"),
        ("+?", refcell(vec_of(vec![i32v(1)]), -1), "RefCell { value: <borrowed> }"),
        ("+?", i32v(5), "+5"),
        ("+?", range(Some(i32v(1)), Some(i32v(5)), false), "+1..+5"),
        ("+?", range(Some(i32v(1)), Some(i32v(5)), true), "+1..=+5"),
        ("+?", range(None, Some(i32v(5)), false), "..+5"),
        ("+?", range(Some(i32v(2)), None, false), "+2.."),
        ("+?", range(None, None, false), ".."),
        ("+?", vec_of(vec![p(1, 2), p(3, 4)]), "[P { x: +1, y: +2 }, P { x: +3, y: +4 }]"),
        ("+?", node3(), "Node { val: +1, next: Some(Node { val: +2, next: Some(Node { val: +3, next: None }) }) }"),
        ("+?", vec_of(vec![f64v(1.0), f64v(0.1 + 0.2), f64v(1e16), f64v(-0.0), f64v(2.25)]), "[+1.0, +0.30000000000000004, +1e16, -0.0, +2.25]"),
        ("+?", vec_of(vec![f32v(0.1), f32v(16777217.0)]), "[+0.1, +16777216.0]"),
        ("+?", vec_of(vec![Value::Char('a'), Value::Char('\'')]), "[\'a\', \'\\\'\']"),
        ("+?", tup(vec![Value::Bool(true), Value::Bool(false)]), "(true, false)"),
        ("+?", less(), "Less"),
        ("+?", array(vec![Value::Int(255, IntTy::U8), Value::Int(0, IntTy::U8), Value::Int(16, IntTy::U8)]), "[+255, +0, +16]"),
        ("+?", Value::Int(-1, IntTy::I8), "-1"),
        ("+?", Value::Int(-1, IntTy::U64), "+18446744073709551615"),
        ("+?", slice(vec![i32v(1), i32v(2), i32v(3), i32v(4)], 1, 3), "[+2, +3]"),
        ("+?", vec_of(vec![]), "[]"),
        ("+?", vec_of(vec![tup(vec![i32v(1), s("a")]), tup(vec![i32v(2), s("b")])]), "[(+1, \"a\"), (+2, \"b\")]"),
        ("+?", some(s("hi")), "Some(\"hi\")"),
        ("+?", vec_of(vec![unit_struct()]), "[U]"),
        ("+?", vec_of(vec![Value::Unit, Value::Unit]), "[(), ()]"),
        ("+?", s("quote\"d\t"), "\"quote\\\"d\\t\""),
        ("+?", Value::Char('\n'), "\'\\n\'"),
        ("+?", rc(refcell(i32v(5), 0)), "RefCell { value: +5 }"),
        ("+?", some(rc(cell(f64v(1.5)))), "Some(Cell { value: +1.5 })"),
        ("+?", Value::Int(-42, IntTy::I64), "-42"),
        ("+?", f64v(3.14159), "+3.14159"),
        ("+?", vec_of(vec![vec_of(vec![i32v(1), i32v(2)]), vec_of(vec![])]), "[[+1, +2], []]"),
        ("?", hashmap(vec![(s("a"), i32v(1))]), "{\"a\": 1}"),
        ("?", hashset(vec![i32v(1)]), "{1}"),
        ("?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{1: [2], 3: []}"),
        ("?", btreeset(vec![i32v(1), i32v(2)]), "{1, 2}"),
        ("?", hashmap(vec![]), "{}"),
        ("#?", hashmap(vec![(s("a"), i32v(1))]), "{\n    \"a\": 1,\n}"),
        ("#?", hashset(vec![i32v(1)]), "{\n    1,\n}"),
        ("#?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{\n    1: [\n        2,\n    ],\n    3: [],\n}"),
        ("#?", btreeset(vec![i32v(1), i32v(2)]), "{\n    1,\n    2,\n}"),
        ("#?", hashmap(vec![]), "{}"),
        ("5?", hashmap(vec![(s("a"), i32v(1))]), "{\"a\":     1}"),
        ("5?", hashset(vec![i32v(1)]), "{    1}"),
        ("5?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{    1: [    2],     3: []}"),
        ("5?", btreeset(vec![i32v(1), i32v(2)]), "{    1,     2}"),
        ("5?", hashmap(vec![]), "{}"),
        ("x?", hashmap(vec![(s("a"), i32v(1))]), "{\"a\": 1}"),
        ("x?", hashset(vec![i32v(1)]), "{1}"),
        ("x?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{1: [2], 3: []}"),
        ("x?", btreeset(vec![i32v(1), i32v(2)]), "{1, 2}"),
        ("x?", hashmap(vec![]), "{}"),
        ("#x?", hashmap(vec![(s("a"), i32v(1))]), "{\n    \"a\": 0x1,\n}"),
        ("#x?", hashset(vec![i32v(1)]), "{\n    0x1,\n}"),
        ("#x?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{\n    0x1: [\n        0x2,\n    ],\n    0x3: [],\n}"),
        ("#x?", btreeset(vec![i32v(1), i32v(2)]), "{\n    0x1,\n    0x2,\n}"),
        ("#x?", hashmap(vec![]), "{}"),
        (".1?", hashmap(vec![(s("a"), i32v(1))]), "{\"a\": 1}"),
        (".1?", hashset(vec![i32v(1)]), "{1}"),
        (".1?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{1: [2], 3: []}"),
        (".1?", btreeset(vec![i32v(1), i32v(2)]), "{1, 2}"),
        (".1?", hashmap(vec![]), "{}"),
        ("<4?", hashmap(vec![(s("a"), i32v(1))]), "{\"a\": 1   }"),
        ("<4?", hashset(vec![i32v(1)]), "{1   }"),
        ("<4?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{1   : [2   ], 3   : []}"),
        ("<4?", btreeset(vec![i32v(1), i32v(2)]), "{1   , 2   }"),
        ("<4?", hashmap(vec![]), "{}"),
        ("+?", hashmap(vec![(s("a"), i32v(1))]), "{\"a\": +1}"),
        ("+?", hashset(vec![i32v(1)]), "{+1}"),
        ("+?", btreemap(vec![(i32v(1), vec_of(vec![i32v(2)])), (i32v(3), vec_of(vec![]))]), "{+1: [+2], +3: []}"),
        ("+?", btreeset(vec![i32v(1), i32v(2)]), "{+1, +2}"),
        ("+?", hashmap(vec![]), "{}"),
    ];
    let mut failures = Vec::new();
    for (spec, v, expected) in &cases {
        match render(spec, v) {
            Ok(got) if got == *expected => {}
            got => failures.push(format!(
                "{{:{spec}}}: got {got:?}, rustc printed {expected:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn plain_display_fast_path_matches_std() {
    let cases: Vec<(Value, String)> = vec![
        (Value::Int(-1, IntTy::U64), u64::MAX.to_string()),
        (Value::Int(-1, IntTy::Usize), usize::MAX.to_string()),
        (Value::Int(-128, IntTy::I8), "-128".into()),
        (Value::Int(255, IntTy::U8), "255".into()),
        (Value::Int(0, IntTy::U32), "0".into()),
        (Value::Int(i64::MIN, IntTy::I64), i64::MIN.to_string()),
        (Value::Int(i64::MIN, IntTy::I128), i64::MIN.to_string()),
        (Value::Int(i64::MAX, IntTy::U128), i64::MAX.to_string()),
        (Value::Int(1_000_000_007, IntTy::Usize), "1000000007".into()),
        (s("héllo-3"), "héllo-3".into()),
        (s(""), String::new()),
    ];
    for (v, want) in &cases {
        assert_eq!(&display_string(v, &mut NoHooks).unwrap(), want);
        // `{:#}` is Display too: strings and integers ignore the flag.
        let mut out = String::new();
        let spec = Spec { alternate: true, ..Spec::display() };
        format_value(&mut out, v, &spec, &mut NoHooks).unwrap();
        assert_eq!(&out, want);
    }
    // Flags that matter still go through padding.
    let mut out = String::new();
    format_value(&mut out, &Value::Int(-5, IntTy::I32), &Spec { width: Some(4), zero_pad: true, ..Spec::display() }, &mut NoHooks).unwrap();
    assert_eq!(out, "-005");
    let mut out = String::new();
    format_value(&mut out, &Value::Int(5, IntTy::I32), &Spec { sign: Some(Sign::Plus), ..Spec::display() }, &mut NoHooks).unwrap();
    assert_eq!(out, "+5");
}
