//! `fmt::Formatter` and the Debug builders as TERAS values, for user `Display`/`Debug` impls.
//!
//! The VM gives a user `fn fmt(&self, f: &mut Formatter)` a [`formatter_value`]; the
//! methods called on it, and on the builders it returns (`f.debug_struct("P")`), are answered
//! by [`formatter_method`]:
//! - `write_str`, `write_char`, `write_fmt` (with the text already formatted), `pad`,
//!   `pad_integral`, `width`, `precision`, `fill`, `alternate`, `sign_plus`, `sign_minus`,
//!   `sign_aware_zero_pad`;
//! - `debug_struct(name)`, `debug_tuple(name)`, `debug_list()`, `debug_set()`,
//!   `debug_map()`, then on the builder `field(name, &v)` / `field(&v)`, `entry(&v)`,
//!   `entry(&k, &v)`, `key(&k)` + `value(&v)`, `entries(it)` (a Vec, slice, array, map, set or
//!   native iterator: TERAS iterators must be collected first), `finish()`,
//!   `finish_non_exhaustive()`.
//!
//! Field values are formatted with the formatter's options under Debug, through the same
//! hooks (so a field with its own user impl runs it); the builder writes into the
//! formatter's buffer, with std's exact compact and pretty (`{:#?}`) layouts.

use super::{conflict, format_value, FmtHooks};
use crate::builtins::{NativeError, StdDefs};
use crate::heap::Heap;
use crate::value::{AdtDef, AdtObj, Collection, NativeIter, Value};
use parking_lot::Mutex;
use std::sync::Arc;
use teras_stdlib::fmt::{self as sfmt, BuilderKind, DebugBuilder, Spec, Trait};

/// What `f` is in `fn fmt(&self, f: &mut Formatter)`: the output buffer and the options.
#[derive(Debug)]
pub struct FormatterObj {
    pub buf: Heap<String>,
    pub spec: Spec,
}

/// A `DebugStruct`/`DebugTuple`/`DebugList`/`DebugSet`/`DebugMap` in progress.
#[derive(Debug)]
pub struct BuilderObj {
    pub buf: Heap<String>,
    pub spec: Spec,
    /// The builder's state, and a map key given by `key()` waiting for its `value()`.
    state: Mutex<(DebugBuilder, Option<String>)>,
}

/// A new `&mut Formatter` writing into `buf` under `spec`.
pub fn formatter_value(buf: Heap<String>, spec: Spec) -> Value {
    Value::Native(Arc::new(Box::new(FormatterObj { buf, spec })))
}

/// The formatter a value is, if it is one.
pub fn as_formatter(v: &Value) -> Option<&FormatterObj> {
    match v {
        Value::Native(b) => b.downcast_ref::<FormatterObj>(),
        _ => None,
    }
}

fn as_builder(v: &Value) -> Option<&BuilderObj> {
    match v {
        Value::Native(b) => b.downcast_ref::<BuilderObj>(),
        _ => None,
    }
}

fn panic(msg: impl Into<String>) -> NativeError {
    NativeError::Panic(msg.into())
}

fn variant(def: &Arc<AdtDef>, name: &str, fields: Vec<Value>) -> Value {
    let index = def
        .variants
        .iter()
        .position(|v| v.name == name)
        .unwrap_or(0);
    Value::Adt(Heap::new(AdtObj {
        def: def.into(),
        variant: index as u32,
        fields: fields.into(),
    }))
}

/// `Ok(())`: what `fmt::Result`-returning methods give back.
fn ok_unit(std: &StdDefs) -> Value {
    variant(&std.result, "Ok", vec![Value::Unit])
}

fn option_usize(std: &StdDefs, v: Option<usize>) -> Value {
    match v {
        Some(n) => variant(&std.option, "Some", vec![Value::usize(n)]),
        None => variant(&std.option, "None", vec![]),
    }
}

/// The text of a `&str`/`String`/`char` argument (through `&mut` references).
fn text_arg(args: &[Value], i: usize) -> Result<String, NativeError> {
    let mut v = args
        .get(i)
        .cloned()
        .ok_or_else(|| panic("missing argument"))?;
    for _ in 0..64 {
        match v {
            Value::Str(s) => return Ok(s.read().map_err(conflict)?.clone()),
            Value::Char(c) => return Ok(c.to_string()),
            Value::Ref(p) => v = super::structural::place_value(&p)?,
            _ => break,
        }
    }
    Err(panic("type error: a string argument expected"))
}

fn bool_arg(args: &[Value], i: usize) -> Result<bool, NativeError> {
    match args.get(i) {
        Some(Value::Bool(b)) => Ok(*b),
        _ => Err(panic("type error: a bool argument expected")),
    }
}

fn append(buf: &Heap<String>, s: &str) -> Result<(), NativeError> {
    buf.write().map_err(conflict)?.push_str(s);
    Ok(())
}

/// Answers a method call on a formatter or a builder: `recv` is `args[0]`'s value, `args`
/// the remaining arguments. `None` when `recv` is neither or the method is not one of
/// theirs.
pub fn formatter_method(
    recv: &Value,
    name: &str,
    args: &[Value],
    std: &StdDefs,
    hooks: &mut dyn FmtHooks,
) -> Option<Result<Value, NativeError>> {
    if let Some(f) = as_formatter(recv) {
        return formatter_call(f, name, args, std);
    }
    let b = as_builder(recv)?;
    builder_call(recv, b, name, args, std, hooks)
}

/// The methods of `Formatter` (`formatter_call`); the compiler's check of method names
/// knows them (`compile/unknown_member.rs`), and the Debug builders' (`BUILDER_METHODS`).
pub const FORMATTER_METHODS: &[&str] = &[
    "write_str",
    "write_char",
    "write_fmt",
    "pad",
    "pad_integral",
    "width",
    "precision",
    "fill",
    "alternate",
    "sign_plus",
    "sign_minus",
    "sign_aware_zero_pad",
    "debug_struct",
    "debug_tuple",
    "debug_list",
    "debug_set",
    "debug_map",
];

/// The methods of the Debug builders (`builder_call`).
pub const BUILDER_METHODS: &[&str] = &["field", "entry", "entries", "key", "value", "finish", "finish_non_exhaustive"];

fn formatter_call(
    f: &FormatterObj,
    name: &str,
    args: &[Value],
    std: &StdDefs,
) -> Option<Result<Value, NativeError>> {
    if !FORMATTER_METHODS.contains(&name) {
        return None;
    }
    let spec = &f.spec;
    let run = || -> Result<Value, NativeError> {
        Ok(match name {
            "write_str" | "write_char" | "write_fmt" => {
                append(&f.buf, &text_arg(args, 0)?)?;
                ok_unit(std)
            }
            "pad" => {
                let mut out = String::new();
                sfmt::pad(&mut out, &text_arg(args, 0)?, spec);
                append(&f.buf, &out)?;
                ok_unit(std)
            }
            "pad_integral" => {
                let mut out = String::new();
                sfmt::pad_integral(
                    &mut out,
                    bool_arg(args, 0)?,
                    &text_arg(args, 1)?,
                    &text_arg(args, 2)?,
                    spec,
                );
                append(&f.buf, &out)?;
                ok_unit(std)
            }
            "width" => option_usize(std, spec.width),
            "precision" => option_usize(std, spec.precision),
            "fill" => Value::Char(spec.fill),
            "alternate" => Value::Bool(spec.alternate),
            "sign_plus" => Value::Bool(spec.sign_plus()),
            "sign_minus" => Value::Bool(spec.sign == Some(sfmt::Sign::Minus)),
            "sign_aware_zero_pad" => Value::Bool(spec.zero_pad),
            "debug_struct" | "debug_tuple" | "debug_list" | "debug_set" | "debug_map" => {
                let kind = match name {
                    "debug_struct" => BuilderKind::Struct,
                    "debug_tuple" => BuilderKind::Tuple,
                    "debug_list" => BuilderKind::List,
                    "debug_set" => BuilderKind::Set,
                    _ => BuilderKind::Map,
                };
                let label = if matches!(kind, BuilderKind::Struct | BuilderKind::Tuple) {
                    text_arg(args, 0)?
                } else {
                    String::new()
                };
                let mut buf = f.buf.write().map_err(conflict)?;
                let state = DebugBuilder::begin(&mut buf, kind, &label, spec.alternate);
                drop(buf);
                let obj = BuilderObj {
                    buf: f.buf.clone(),
                    spec: spec.with_trait(Trait::Debug),
                    state: Mutex::new((state, None)),
                };
                Value::Native(Arc::new(Box::new(obj)))
            }
            _ => return Err(panic(format!("no method `{name}` on `Formatter`"))),
        })
    };
    Some(run())
}

fn builder_call(
    recv: &Value,
    b: &BuilderObj,
    name: &str,
    args: &[Value],
    std: &StdDefs,
    hooks: &mut dyn FmtHooks,
) -> Option<Result<Value, NativeError>> {
    // Values are rendered before the buffer is locked: a user impl run by a hook may write
    // into other buffers, and must not find this one held.
    let mut render = |v: &Value| -> Result<String, NativeError> {
        let mut s = String::new();
        format_value(&mut s, v, &b.spec, hooks)?;
        Ok(s)
    };
    let kind = b.state.lock().0.kind();
    let known = match name {
        "field" => matches!(kind, BuilderKind::Struct | BuilderKind::Tuple),
        "entry" => matches!(
            kind,
            BuilderKind::List | BuilderKind::Set | BuilderKind::Map
        ),
        "key" | "value" => kind == BuilderKind::Map,
        "entries" => kind != BuilderKind::Struct && kind != BuilderKind::Tuple,
        "finish" | "finish_non_exhaustive" => true,
        _ => false,
    };
    if !known {
        return None;
    }
    let r =
        (|| -> Result<Value, NativeError> {
            match (name, kind) {
                ("field", BuilderKind::Struct) => {
                    let (label, value) = (text_arg(args, 0)?, render(arg(args, 1)?)?);
                    with_buf(b, |st, out| st.0.field(out, &label, &value))?;
                }
                ("field", BuilderKind::Tuple) | ("entry", BuilderKind::List | BuilderKind::Set) => {
                    let value = render(arg(args, 0)?)?;
                    with_buf(b, |st, out| st.0.field(out, "", &value))?;
                }
                ("entry", BuilderKind::Map) => {
                    let (k, v) = (render(arg(args, 0)?)?, render(arg(args, 1)?)?);
                    with_buf(b, |st, out| st.0.key_value(out, &k, &v))?;
                }
                ("key", BuilderKind::Map) => {
                    let k = render(arg(args, 0)?)?;
                    b.state.lock().1 = Some(k);
                }
                ("value", BuilderKind::Map) => {
                    let v = render(arg(args, 0)?)?;
                    let k =
                        b.state.lock().1.take().ok_or_else(|| {
                            panic("attempted to format a map value before its key")
                        })?;
                    with_buf(b, |st, out| st.0.key_value(out, &k, &v))?;
                }
                ("entries", _) => {
                    for item in items_of(arg(args, 0)?)? {
                        let rendered = match (&item, kind) {
                            (Entry::Pair(k, v), BuilderKind::Map) => (Some(render(k)?), render(v)?),
                            (Entry::One(_), BuilderKind::Map) => {
                                return Err(panic(
                                    "type error: debug_map().entries() expects (key, value) pairs",
                                ))
                            }
                            (Entry::One(v), _) => (None, render(v)?),
                            (Entry::Pair(..), _) => (None, render(&item.as_tuple())?),
                        };
                        with_buf(b, |st, out| match &rendered {
                            (Some(k), v) => st.0.key_value(out, k, v),
                            (None, v) => st.0.field(out, "", v),
                        })?;
                    }
                }
                ("finish", _) => {
                    with_buf(b, |st, out| st.0.finish(out))?;
                    return Ok(ok_unit(std));
                }
                ("finish_non_exhaustive", _) => {
                    with_buf(b, |st, out| st.0.finish_non_exhaustive(out))?;
                    return Ok(ok_unit(std));
                }
                _ => return Err(panic(format!("no method `{name}` on this Debug builder"))),
            }
            Ok(recv.clone())
        })();
    Some(r)
}

fn arg(args: &[Value], i: usize) -> Result<&Value, NativeError> {
    args.get(i).ok_or_else(|| panic("missing argument"))
}

fn with_buf(
    b: &BuilderObj,
    f: impl FnOnce(&mut (DebugBuilder, Option<String>), &mut String),
) -> Result<(), NativeError> {
    let mut buf = b.buf.write().map_err(conflict)?;
    f(&mut b.state.lock(), &mut buf);
    Ok(())
}

/// The most items `entries()` expands a range iterator to.
const MAX_ENTRIES: i64 = 1 << 24;

/// An item of `entries(..)`: a map's entries come as pairs; a 2-tuple is a pair too.
enum Entry {
    One(Value),
    Pair(Value, Value),
}

impl Entry {
    fn as_tuple(&self) -> Value {
        match self {
            Entry::One(v) => v.clone(),
            Entry::Pair(k, v) => Value::Tuple(Heap::new(vec![k.clone(), v.clone()])),
        }
    }
}

fn one(v: Value) -> Result<Entry, NativeError> {
    if let Value::Tuple(t) = &v {
        if let [k, x] = t.read().map_err(conflict)?.as_slice() {
            return Ok(Entry::Pair(k.clone(), x.clone()));
        }
    }
    Ok(Entry::One(v))
}

/// The items of a native iterable, without consuming a native iterator passed by value
/// (the items are read from a snapshot of its state).
fn items_of(v: &Value) -> Result<Vec<Entry>, NativeError> {
    let mut v = v.clone();
    for _ in 0..64 {
        let next = match &v {
            Value::Ref(p) => super::structural::place_value(p)?,
            Value::Cell(h) => match &*h.read().map_err(conflict)? {
                crate::value::CellObj::Rc { value, .. } => value.clone(),
                _ => break,
            },
            _ => break,
        };
        v = next;
    }
    let values: Vec<Value> = match &v {
        Value::Vec(h) => h.read().map_err(conflict)?.items.clone(),
        Value::Slice(s) => {
            let vec = s.vec.read().map_err(conflict)?;
            vec.items.get(s.start as usize..s.end as usize).map(<[Value]>::to_vec).unwrap_or_default()
        }
        Value::Coll(h) => {
            crate::builtins::deque::settle(h)?;
            return match &*h.read().map_err(conflict)? {
                Collection::HashMap(m) => Ok(m.iter().map(|(k, v)| Entry::Pair(k.0.clone(), v.clone())).collect()),
                Collection::BTreeMap(m) => Ok(m.iter().map(|(k, v)| Entry::Pair(k.0.clone(), v.clone())).collect()),
                Collection::HashSet(s) => Ok(s.iter().map(|k| Entry::One(k.0.clone())).collect()),
                Collection::BTreeSet(s) => Ok(s.iter().map(|k| Entry::One(k.0.clone())).collect()),
                Collection::VecDeque(d) => Ok(d.iter().cloned().map(Entry::One).collect()),
                Collection::BinaryHeap(h) => Ok(h.iter().cloned().map(Entry::One).collect()),
                Collection::Ordered(o) => Ok(match o.kind {
                    crate::value::OrdKind::Map => o.keys.iter().zip(&o.vals).map(|(k, v)| Entry::Pair(k.clone(), v.clone())).collect(),
                    _ => o.keys.iter().cloned().map(Entry::One).collect(),
                }),
            }
        }
        Value::Iter(h) => match &*h.read().map_err(conflict)? {
            NativeIter::Vec { vec, front, back, .. } => {
                vec.read().map_err(conflict)?.items.get(*front..*back).map(<[Value]>::to_vec).unwrap_or_default()
            }
            NativeIter::Items { items } => items.iter().cloned().collect(),
            NativeIter::Range { next, end, ty, inclusive, done, rev } => {
                if *done {
                    Vec::new()
                } else {
                    let last = if *inclusive { *end } else { end.saturating_sub(1) };
                    if last.saturating_sub(*next) > MAX_ENTRIES {
                        return Err(panic("entries(): range too long to format"));
                    }
                    let mut out: Vec<Value> = (*next..=last).map(|n| Value::Int(n, *ty)).collect();
                    if *rev {
                        out.reverse();
                    }
                    out
                }
            }
            NativeIter::CharRange { next, end, inclusive, done } => {
                if *done {
                    Vec::new()
                } else {
                    let last = if *inclusive { *end } else { end.saturating_sub(1) };
                    (*next..=last).filter_map(char::from_u32).map(Value::Char).collect()
                }
            }
            it @ NativeIter::WideRange { .. } => {
                if crate::builtins::iter::remaining(it) > MAX_ENTRIES as usize {
                    return Err(panic("entries(): range too long to format"));
                }
                let mut copy = crate::builtins::iter::wide_copy(it);
                let mut out = Vec::new();
                while let Some(x) = crate::builtins::iter::step(&mut copy, false)? {
                    out.push(x);
                }
                out
            }
        },
        _ => return Err(panic("type error: entries() needs a collection or a native iterator (collect the iterator first)")),
    };
    values.into_iter().map(one).collect()
}
