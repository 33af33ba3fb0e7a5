//! The formatter's contract with the VM: user impls through hooks (also nested and in
//! pretty mode), whole format strings, `&mut` references, borrow conflicts and cycles.
//! Expected strings come from rustc-built programs doing the same.

use super::*;
use crate::heap::Heap;
use crate::value::*;
use std::sync::Arc;
use teras_stdlib::fmt::compile_format;

fn def(name: &str, kind: VariantKind, fields: &[&str]) -> Arc<AdtDef> {
    Arc::new(AdtDef {
        name: name.into(),
        is_enum: false,
        variants: vec![VariantDef {
            name: name.into(),
            kind,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            discriminant: 0,
        }],
        is_copy: false,
        derives: vec![],
        type_id: 0,
    })
}

fn obj(def: &Arc<AdtDef>, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj {
        def: def.into(),
        variant: 0,
        fields: fields.into(),
    }))
}

fn vec_of(items: Vec<Value>) -> Value {
    Value::Vec(Heap::new(VecObj {
        items,
        is_array: false,
    }))
}

/// Plays the VM: `W` has a user Debug writing `W<\n>`, `D` a user Display writing `D{0}`.
struct UserImpls;

impl FmtHooks for UserImpls {
    fn user_fmt(
        &mut self,
        value: &Value,
        debug: bool,
        _spec: &Spec,
    ) -> Option<Result<String, NativeError>> {
        let Value::Adt(h) = value else { return None };
        let obj = h.read().ok()?;
        match (obj.def.name.as_str(), debug) {
            ("W", true) => Some(Ok("W<\n>".into())),
            ("D", false) => match obj.fields.first() {
                Some(Value::Int(n, _)) => Some(Ok(format!("D{n}"))),
                _ => None,
            },
            _ => None,
        }
    }
}

fn run(
    fmt: &str,
    n_positional: usize,
    named: &[&str],
    args: &[Value],
) -> Result<String, NativeError> {
    let tpl = compile_format(fmt, n_positional, named)
        .map_err(|e| NativeError::Panic(e[0].message.clone()))?;
    let mut out = String::new();
    format_template(&mut out, &tpl, args, &mut UserImpls)?;
    Ok(out)
}

#[test]
fn user_impls_nest_and_indent() {
    let w = obj(&def("W", VariantKind::Unit, &[]), vec![]);
    let h = obj(&def("H", VariantKind::Named, &["w"]), vec![w.clone()]);
    let v = vec_of(vec![w]);
    assert_eq!(debug_string(&v, false, &mut UserImpls).unwrap(), "[W<\n>]");
    assert_eq!(
        debug_string(&v, true, &mut UserImpls).unwrap(),
        "[\n    W<\n    >,\n]"
    );
    assert_eq!(
        debug_string(&h, true, &mut UserImpls).unwrap(),
        "H {\n    w: W<\n    >,\n}"
    );
    // The user impl ignores the width: `format!("[{:>6}]", D(1))` is `[D1]`.
    let d = obj(&def("D", VariantKind::Tuple, &["0"]), vec![Value::i32(1)]);
    assert_eq!(run("[{:>6}]", 1, &[], &[d]).unwrap(), "[D1]");
}

#[test]
fn whole_format_strings() {
    // format!("{} {x:>w$} {:.*} {v:?} {0:#x}", 42, 2, 1.23456) with x = 5, w = 4, v = vec![1, 2]
    // Arguments: 0 = 42, 1 = 2, 2 = 1.23456, captures: 3 = x, 4 = w, 5 = v.
    let args = [
        Value::i32(42),
        Value::usize(2),
        Value::f64(1.23456),
        Value::i32(5),
        Value::usize(4),
        vec_of(vec![Value::i32(1), Value::i32(2)]),
    ];
    assert_eq!(
        run("{} {x:>w$} {:.*} {v:?} {0:#x}", 3, &[], &args).unwrap(),
        "42    5 1.23 [1, 2] 0x2a"
    );
    let args = [
        Value::str("ab"),
        Value::Char('c'),
        Value::Float(2.5, FloatTy::F32),
        Value::Int(7, IntTy::U8),
    ];
    assert_eq!(
        run("[{:>5}] [{:<5}] [{:^7.2}] [{:+}]", 4, &[], &args).unwrap(),
        "[   ab] [c    ] [ 2.50  ] [+7]"
    );
    let err = run("{:1$}", 2, &[], &[Value::i32(1), Value::f64(1.0)]).unwrap_err();
    assert!(matches!(err, NativeError::Panic(m) if m.contains("usize")));
}

#[test]
fn refs_are_transparent() {
    let place = Place::Local(Heap::new(Value::i32(5)));
    let r = Value::Ref(Arc::new(place));
    assert_eq!(
        run("[{:>3}] [{:?}]", 2, &[], &[r.clone(), r]).unwrap(),
        "[  5] [5]"
    );
    let v = Heap::new(VecObj {
        items: vec![Value::str("a"), Value::str("b")],
        is_array: false,
    });
    let r = Value::Ref(Arc::new(Place::Elem(v, 1)));
    assert_eq!(debug_string(&r, false, &mut NoHooks).unwrap(), "\"b\"");
}

#[test]
fn iterators() {
    let it = Value::Iter(Heap::new(NativeIter::Range {
        next: 1,
        end: 4,
        ty: IntTy::I32,
        inclusive: false,
        done: false,
        rev: true,
    }));
    assert_eq!(
        debug_string(&it, false, &mut NoHooks).unwrap(),
        "Rev { iter: 1..4 }"
    );
    let items = [1, 2, 3].map(Value::i32).into_iter().collect();
    let it = Value::Iter(Heap::new(NativeIter::Items { items }));
    assert_eq!(
        debug_string(&it, false, &mut NoHooks).unwrap(),
        "IntoIter([1, 2, 3])"
    );
    let vec = Heap::new(VecObj {
        items: [1, 2, 3].map(Value::i32).to_vec(),
        is_array: false,
    });
    let it = Value::Iter(Heap::new(NativeIter::Vec {
        vec,
        front: 1,
        back: 3,
        by_mut: false,
    }));
    assert_eq!(
        debug_string(&it, false, &mut NoHooks).unwrap(),
        "Iter([2, 3])"
    );
    let it = Value::Iter(Heap::new(NativeIter::CharRange {
        next: 'a' as u32,
        end: 'e' as u32,
        inclusive: false,
        done: false,
    }));
    assert_eq!(debug_string(&it, false, &mut NoHooks).unwrap(), "'a'..'e'");
}

#[test]
fn a_value_being_written_is_an_error_not_a_panic() {
    let v = Heap::new(VecObj {
        items: vec![Value::i32(1)],
        is_array: false,
    });
    let _guard = v.write().unwrap();
    let err = debug_string(&Value::Vec(v.clone()), false, &mut NoHooks).unwrap_err();
    assert_eq!(
        err,
        NativeError::Panic(
            "value accessed while it is being modified (conflicting borrow or data race)".into()
        )
    );
}

#[test]
fn cycles_end_in_a_panic() {
    // let a = Rc::new(RefCell::new(vec![])); a.borrow_mut().push(a.clone());
    let cell = Heap::new(CellObj::RefCell {
        value: Value::Unit,
        borrow: 0,
    });
    let rc = Value::Cell(Heap::new(CellObj::Rc {
        value: Value::Cell(cell.clone()),
        strong: 2,
        weak: 0,
        atomic: false,
    }));
    let vec = vec_of(vec![rc.clone()]);
    if let Ok(mut c) = cell.write() {
        *c = CellObj::RefCell {
            value: vec,
            borrow: 0,
        };
    }
    for pretty in [false, true] {
        let err = debug_string(&rc, pretty, &mut NoHooks).unwrap_err();
        assert!(
            matches!(&err, NativeError::Panic(m) if m.contains("recursion limit")),
            "{err:?}"
        );
    }
    // A deep but finite structure within the limits prints (200 levels: a debug build uses
    // about 4.5 KiB of stack per level, a release build under 1 KiB).
    let mut v = Value::i32(0);
    for _ in 0..200 {
        v = vec_of(vec![v]);
    }
    let s = debug_string(&v, false, &mut NoHooks).unwrap();
    assert_eq!(s.len(), 2 * 200 + 1);
}

/// A user impl that formats its own field, through a cycle: the nesting is counted across
/// the nested `format_value` calls the hook makes.
struct Recursing;

impl FmtHooks for Recursing {
    fn user_fmt(
        &mut self,
        value: &Value,
        _debug: bool,
        _spec: &Spec,
    ) -> Option<Result<String, NativeError>> {
        let Value::Adt(h) = value else { return None };
        let field = h.read().ok()?.fields.first()?.clone();
        Some(debug_string(&field, false, self).map(|s| format!("L({s})")))
    }
}

#[test]
fn cycles_through_user_impls_end_in_a_panic() {
    let cell = Heap::new(CellObj::RefCell {
        value: Value::Unit,
        borrow: 0,
    });
    let rc = Value::Cell(Heap::new(CellObj::Rc {
        value: Value::Cell(cell.clone()),
        strong: 2,
        weak: 0,
        atomic: false,
    }));
    let node = obj(&def("Loop", VariantKind::Tuple, &["0"]), vec![rc]);
    if let Ok(mut c) = cell.write() {
        *c = CellObj::RefCell {
            value: node.clone(),
            borrow: 0,
        };
    }
    let err = debug_string(&node, false, &mut Recursing).unwrap_err();
    assert!(
        matches!(&err, NativeError::Panic(m) if m.contains("recursion limit")),
        "{err:?}"
    );
}

#[test]
fn refs_into_maps() {
    // let mut m = HashMap::from([("a", 1)]); let r = m.get_mut("a").unwrap(); format!("{r:>3}")
    let map: crate::value::KeyMap = [(Key(Value::str("a")), Value::i32(1))]
        .into_iter()
        .collect();
    let coll = Heap::new(Collection::HashMap(map));
    let r = Value::Ref(Arc::new(Place::MapValue(coll, Key(Value::str("a")))));
    assert_eq!(run("{:>3}", 1, &[], &[r]).unwrap(), "  1");
}

#[test]
fn counts_beyond_u16_panic_as_std_does() {
    // format!("{:.1$}", 1.5, 70000) panics in std with this message.
    let err = run("{:.1$}", 2, &[], &[Value::f64(1.5), Value::usize(70_000)]).unwrap_err();
    assert_eq!(err, NativeError::Panic("Formatting argument out of range".into()));
    let err = run("{:1$}", 2, &[], &[Value::i32(1), Value::usize(1 << 40)]).unwrap_err();
    assert_eq!(err, NativeError::Panic("Formatting argument out of range".into()));
    assert_eq!(run("{:1$}|", 2, &[], &[Value::i32(1), Value::usize(3)]).unwrap(), "  1|");
}
