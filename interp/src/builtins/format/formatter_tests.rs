//! `Formatter` and builder methods, driven as the VM drives them for user impls. The hooks
//! below play the user impls of tests/programs/fmt/debug_builders.rs and of a few more
//! programs; the expected strings are what the rustc-built programs print.

use super::*;
use crate::builtins::StdDefs;
use crate::heap::Heap;
use crate::value::*;
use std::sync::Arc;

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
        derives: vec![],
        type_id: 0,
    })
}

fn std_defs() -> StdDefs {
    StdDefs {
        option: def(
            "Option",
            true,
            &[
                ("None", VariantKind::Unit, &[]),
                ("Some", VariantKind::Tuple, &["0"]),
            ],
        ),
        result: def(
            "Result",
            true,
            &[
                ("Ok", VariantKind::Tuple, &["0"]),
                ("Err", VariantKind::Tuple, &["0"]),
            ],
        ),
        ordering: def(
            "Ordering",
            true,
            &[
                ("Less", VariantKind::Unit, &[]),
                ("Equal", VariantKind::Unit, &[]),
                ("Greater", VariantKind::Unit, &[]),
            ],
        ),
    }
}

fn user(name: &str, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj {
        def: def(name, false, &[(name, VariantKind::Tuple, &[])]).into(),
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

/// The user impls, written as the calls a VM makes for them.
struct Impls {
    std: StdDefs,
}

impl Impls {
    fn call(&mut self, recv: &Value, name: &str, args: &[Value]) -> Result<Value, NativeError> {
        let std = self.std.clone();
        formatter_method(recv, name, args, &std, self).unwrap_or_else(|| panic!("no method {name}"))
    }

    fn run(&mut self, value: &Value, spec: &Spec) -> Result<String, NativeError> {
        let Value::Adt(h) = value else { unreachable!() };
        let (name, fields) = {
            let o = h.read().unwrap();
            (o.def.name.clone(), o.fields.clone())
        };
        let buf = Heap::new(String::new());
        let f = formatter_value(buf.clone(), spec.clone());
        match name.as_str() {
            // f.debug_struct("Temp").field("place", &self.place).field("c", &self.celsius).finish()
            "Temp" => {
                let b = self.call(&f, "debug_struct", &[Value::str("Temp")])?;
                self.call(&b, "field", &[Value::str("place"), fields[0].clone()])?;
                self.call(&b, "field", &[Value::str("c"), fields[1].clone()])?;
                self.call(&b, "finish", &[])?;
            }
            // f.debug_tuple("Pair").field(&self.0).field(&self.1).finish()
            "Pair" => {
                let b = self.call(&f, "debug_tuple", &[Value::str("Pair")])?;
                self.call(&b, "field", &[fields[0].clone()])?;
                self.call(&b, "field", &[fields[1].clone()])?;
                self.call(&b, "finish", &[])?;
            }
            // f.debug_list().entries(self.0.iter()).finish()
            "Bag" => {
                let b = self.call(&f, "debug_list", &[])?;
                self.call(&b, "entries", &[fields[0].clone()])?;
                self.call(&b, "finish", &[])?;
            }
            // f.debug_map().entries(pairs).finish()
            "Dict" => {
                let b = self.call(&f, "debug_map", &[])?;
                self.call(&b, "entries", &[fields[0].clone()])?;
                self.call(&b, "finish", &[])?;
            }
            // let mut m = f.debug_map(); m.key(&"k"); m.value(&vec![1]); m.finish()
            "M" => {
                let b = self.call(&f, "debug_map", &[])?;
                self.call(&b, "key", &[Value::str("k")])?;
                self.call(&b, "value", &[vec_of(vec![Value::i32(1)])])?;
                self.call(&b, "finish", &[])?;
            }
            // f.debug_struct("N").field("a", &1).finish_non_exhaustive()
            "N" => {
                let b = self.call(&f, "debug_struct", &[Value::str("N")])?;
                self.call(&b, "field", &[Value::str("a"), Value::i32(1)])?;
                self.call(&b, "finish_non_exhaustive", &[])?;
            }
            // f.pad_integral(self.0, self.1, self.2)
            "H" => {
                self.call(&f, "pad_integral", &fields)?;
            }
            _ => return Err(NativeError::Panic(format!("no impl for {name}"))),
        }
        let out = buf.read().unwrap().clone();
        Ok(out)
    }
}

impl FmtHooks for Impls {
    fn user_fmt(
        &mut self,
        value: &Value,
        _debug: bool,
        spec: &Spec,
    ) -> Option<Result<String, NativeError>> {
        match value {
            Value::Adt(_) => Some(self.run(value, spec)),
            _ => None,
        }
    }
}

fn show(spec: &str, v: &Value) -> String {
    let spec = teras_stdlib::fmt::parse_spec(spec).unwrap();
    let mut out = String::new();
    format_value(&mut out, v, &spec, &mut Impls { std: std_defs() }).unwrap();
    out
}

#[test]
fn debug_builders_program() {
    let temp = user("Temp", vec![Value::str("lab"), Value::f64(21.5)]);
    assert_eq!(show("?", &temp), "Temp { place: \"lab\", c: 21.5 }");
    assert_eq!(
        show("#?", &temp),
        "Temp {\n    place: \"lab\",\n    c: 21.5,\n}"
    );
    let pair = user("Pair", vec![Value::i32(1), Value::str("one")]);
    assert_eq!(show("?", &pair), "Pair(1, \"one\")");
    let bag = user(
        "Bag",
        vec![vec_of(vec![
            Value::Int(1, IntTy::U8),
            Value::Int(2, IntTy::U8),
            Value::Int(3, IntTy::U8),
        ])],
    );
    assert_eq!(show("?", &bag), "[1, 2, 3]");
    let bag4 = user("Bag", vec![vec_of(vec![Value::Int(4, IntTy::U8)])]);
    assert_eq!(show("#?", &bag4), "[\n    4,\n]");
    let pairs = |kv: &[(&str, i32)]| {
        vec_of(
            kv.iter()
                .map(|(k, v)| Value::Tuple(Heap::new(vec![Value::str(*k), Value::i32(*v)])))
                .collect(),
        )
    };
    let dict = user("Dict", vec![pairs(&[("a", 1), ("b", 2)])]);
    assert_eq!(show("?", &dict), "{\"a\": 1, \"b\": 2}");
    assert_eq!(
        show("#?", &user("Dict", vec![pairs(&[("k", 0)])])),
        "{\n    \"k\": 0,\n}"
    );
    let nested = vec_of(vec![user("Pair", vec![Value::i32(2), Value::str("x")])]);
    assert_eq!(show("?", &nested), "[Pair(2, \"x\")]");
}

#[test]
fn more_formatter_methods() {
    let h = |nonneg: bool, prefix: &str, digits: &str| {
        user(
            "H",
            vec![Value::Bool(nonneg), Value::str(prefix), Value::str(digits)],
        )
    };
    assert_eq!(show("#010", &h(true, "0x", "2a")), "0x0000002a");
    assert_eq!(show("+", &h(true, "", "5")), "+5");
    assert_eq!(show("<6", &h(false, "", "5")), "-5    ");
    let m = user("M", vec![]);
    assert_eq!(show("?", &m), "{\"k\": [1]}");
    assert_eq!(show("#?", &m), "{\n    \"k\": [\n        1,\n    ],\n}");
    let n = user("N", vec![]);
    assert_eq!(show("?", &n), "N { a: 1, .. }");
    assert_eq!(show("#?", &n), "N {\n    a: 1,\n    ..\n}");
}

#[test]
fn formatter_queries() {
    let std = std_defs();
    let spec = teras_stdlib::fmt::parse_spec("*^+#08.3").unwrap();
    let f = formatter_value(Heap::new(String::new()), spec);
    let mut hooks = NoHooks;
    let mut call = |name: &str| {
        formatter_method(&f, name, &[], &std, &mut hooks)
            .unwrap()
            .unwrap()
    };
    assert!(matches!(call("fill"), Value::Char('*')));
    assert!(matches!(call("alternate"), Value::Bool(true)));
    assert!(matches!(call("sign_plus"), Value::Bool(true)));
    assert!(matches!(call("sign_aware_zero_pad"), Value::Bool(true)));
    let Value::Adt(w) = call("width") else {
        panic!()
    };
    assert!(matches!(
        w.read().unwrap().fields.as_slice(),
        [Value::Int(8, IntTy::Usize)]
    ));
    assert!(formatter_method(&f, "no_such_method", &[], &std, &mut NoHooks).is_none());
    assert!(formatter_method(&Value::i32(1), "width", &[], &std, &mut NoHooks).is_none());
}
