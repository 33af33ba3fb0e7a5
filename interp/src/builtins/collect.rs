//! The intrinsics that build a value from the type the caller expects: `collect`
//! (`__collect_from_vec`), `sum`/`product` (`__sum`, `__product`) and `Default::default`
//! (`__default`), plus `into()` conversions of std types. See the list in `mod.rs`.

use super::object::StdObj;
use super::util::{self, arg, conflict, new_coll, new_vec, R};
use super::{NativeCx, NativeResult};
use crate::heap::Heap;
use crate::types::Ty;
use crate::value::{CellObj, Collection, FloatTy, IntTy, Key, Value, VecObj};

/// Build the collection `hint` asks for out of `items`.
pub fn collect_into(cx: &NativeCx<'_>, items: Vec<Value>, hint: Option<&Ty>) -> R<Value> {
    let hint = hint.map(|h| h.deref());
    Ok(match hint {
        Some(Ty::String) | Some(Ty::Str) => {
            let mut s = String::new();
            for x in &items {
                s.push_str(&util::str_of(x)?);
            }
            Value::str(s)
        }
        Some(Ty::Named(n, args)) => match n.as_str() {
            "String" => return collect_into(cx, items, Some(&Ty::String)),
            "HashMap" | "BTreeMap" => {
                let mut pairs = Vec::with_capacity(items.len());
                for p in &items {
                    let (k, v) = util::unpair(p)?;
                    pairs.push((Key(k), v));
                }
                if n == "HashMap" {
                    new_coll(Collection::HashMap(pairs.into_iter().collect()))
                } else {
                    super::ordcoll::map_from(pairs)
                }
            }
            "HashSet" => new_coll(Collection::HashSet(items.into_iter().map(Key).collect())),
            "BTreeSet" => super::ordcoll::set_from(items),
            "VecDeque" => new_coll(Collection::VecDeque(items.into())),
            "BinaryHeap" => super::ordcoll::heap_from(items),
            "Result" | "Option" => {
                let is_result = n == "Result";
                let mut oks = Vec::with_capacity(items.len());
                for x in items {
                    if is_result {
                        match util::as_result(&x) {
                            Some(Ok(v)) => oks.push(v),
                            Some(Err(e)) => return Ok(util::err(cx, e)),
                            None => oks.push(x),
                        }
                    } else {
                        match util::as_option(&x) {
                            Some(Some(v)) => oks.push(v),
                            Some(None) => return Ok(util::none(cx)),
                            None => oks.push(x),
                        }
                    }
                }
                let inner = collect_into(cx, oks, args.first())?;
                if is_result {
                    util::ok(cx, inner)
                } else {
                    util::some(cx, inner)
                }
            }
            "Box" => collect_into(cx, items, args.first())?,
            "Rc" | "Arc" => {
                let inner = collect_into(cx, items, args.first())?;
                Value::Cell(Heap::new(CellObj::Rc { value: inner, strong: 1, weak: 0, atomic: n == "Arc" }))
            }
            _ => new_vec(items),
        },
        _ => new_vec(items),
    })
}

/// `__collect_from_vec(v)`.
fn collect_from_vec(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 0)?)?;
    let hint = cx.hint.cloned();
    collect_into(cx, items, hint.as_ref())
}

/// `B::from_iter(it)` for a std collection `B` named by `aux` (see `FROM_ITER`), and
/// `String::from_iter`.
fn from_iter(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let items = super::vec::items_of(&arg(args, 0)?)?;
    let name = FROM_ITER.get(aux as usize).copied().unwrap_or("Vec");
    let ty = if name == "String" { Ty::String } else { Ty::named(name, vec![]) };
    collect_into(cx, items, Some(&ty))
}

const FROM_ITER: [&str; 2] = ["String", "Vec"];

/// The additive (`one == false`) or multiplicative identity of a type.
fn identity_of(ty: Option<&Ty>, one: bool) -> Value {
    let n = if one { 1 } else { 0 };
    match ty.map(|t| t.deref()) {
        Some(Ty::Int(t)) => Value::Int(n, *t),
        Some(Ty::Float(t)) => Value::Float(if one { 1.0 } else { -0.0 }, *t),
        _ => Value::i32(n as i32),
    }
}

/// Fold numbers with overflow checks: `+` (`mul == false`) or `*`.
fn fold_numbers(cx: &NativeCx<'_>, items: Vec<Value>, hint: Option<&Ty>, mul: bool) -> R<Value> {
    // Option<T> / Result<T, E> items: short-circuit.
    if let Some(Ty::Named(n, a)) = hint.map(|h| h.deref()) {
        if n == "Option" || n == "Result" {
            let mut inner = Vec::with_capacity(items.len());
            for x in items {
                if n == "Option" {
                    match util::as_option(&x) {
                        Some(Some(v)) => inner.push(v),
                        _ => return Ok(util::none(cx)),
                    }
                } else {
                    match util::as_result(&x) {
                        Some(Ok(v)) => inner.push(v),
                        Some(Err(e)) => return Ok(util::err(cx, e)),
                        None => inner.push(x),
                    }
                }
            }
            let total = fold_numbers(cx, inner, a.first(), mul)?;
            return Ok(if n == "Option" { util::some(cx, total) } else { util::ok(cx, total) });
        }
    }
    let mut acc = identity_of(hint, mul);
    let mut first = true;
    for x in items {
        acc = accumulate(acc, &x, first, hint, mul)?;
        first = false;
    }
    Ok(acc)
}

/// `acc + x` (or `acc * x`) with overflow checks; `first` lets the first item set the type
/// when the hint does not.
fn accumulate(acc: Value, x: &Value, first: bool, hint: Option<&Ty>, mul: bool) -> R<Value> {
    let x = util::deref(x)?;
    Ok({
        match (&acc, &x) {
            (a, b) if super::int128::is_wide_int(a) || super::int128::is_wide_int(b) => {
                // i128/u128: an i32 identity from a missing hint takes the items' type.
                let a = if first && !super::int128::is_wide_int(a) { super::int128::cast_int(a, util::int_ty_of(b)) } else { Some(a.clone()) };
                let op = if mul { crate::vm::bytecode::BinKind::Mul } else { crate::vm::bytecode::BinKind::Add };
                match a.and_then(|a| super::int128::binary(op, &a, b)) {
                    Some(r) => r.map_err(util::panic)?,
                    None => return Err(util::type_error("number", b)),
                }
            }
            (Value::Int(a, ta), Value::Int(b, tb)) => {
                let t = if first && !matches!(hint.map(|h| h.deref()), Some(Ty::Int(_))) { *tb } else { *ta };
                let r = if mul { super::int::mul(*a, *b, t)? } else { super::int::add(*a, *b, t)? };
                Value::Int(r, t)
            }
            (Value::Int(..), Value::Float(b, t)) if first => {
                Value::Float(if mul { *b } else { -0.0 + *b }, *t)
            }
            (Value::Float(a, ta), Value::Float(b, _)) => {
                let r = if mul { a * b } else { a + b };
                Value::Float(if *ta == FloatTy::F32 { r as f32 as f64 } else { r }, *ta)
            }
            (_, other) => return Err(util::type_error("number", other)),
        }
    })
}

/// Sum or multiply a native iterator without buffering it (`(0..n).sum()`).
fn fold_stream(it: &Heap<crate::value::NativeIter>, hint: Option<&Ty>, mul: bool) -> R<Value> {
    let mut acc = identity_of(hint, mul);
    let mut first = true;
    let mut g = it.write().map_err(conflict)?;
    while let Some(x) = super::iter::step(&mut g, false)? {
        acc = accumulate(acc, &x, first, hint, mul)?;
        first = false;
    }
    Ok(acc)
}

/// The native iterator to stream from, when `v` is one and the hint is a plain number.
fn streamable(v: &Value, hint: Option<&Ty>) -> R<Option<Heap<crate::value::NativeIter>>> {
    if matches!(hint.map(|h| h.deref()), Some(Ty::Named(..))) {
        return Ok(None);
    }
    Ok(match v {
        Value::Iter(h) => Some(h.clone()),
        Value::Range(r) => Some(Heap::new(super::iter::range_iter(r)?)),
        _ => None,
    })
}

fn sum(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let hint = cx.hint.cloned();
    if let Some(it) = streamable(&v, hint.as_ref())? {
        return fold_stream(&it, hint.as_ref(), false);
    }
    let items = super::vec::items_of(&v)?;
    fold_numbers(cx, items, hint.as_ref(), false)
}

fn product(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let hint = cx.hint.cloned();
    if let Some(it) = streamable(&v, hint.as_ref())? {
        return fold_stream(&it, hint.as_ref(), true);
    }
    let items = super::vec::items_of(&v)?;
    fold_numbers(cx, items, hint.as_ref(), true)
}

/// `Default::default()` of a type; `None` when only the VM knows (user types).
pub fn default_of(cx: &NativeCx<'_>, ty: &Ty) -> R<Option<Value>> {
    Ok(Some(match ty.deref() {
        Ty::Unit => Value::Unit,
        Ty::Bool => Value::Bool(false),
        Ty::Char => Value::Char('\0'),
        Ty::Int(t) => Value::Int(0, *t),
        Ty::Float(t) => Value::Float(0.0, *t),
        Ty::String | Ty::Str => Value::str(""),
        Ty::Tuple(ts) => {
            let mut items = Vec::with_capacity(ts.len());
            for t in ts {
                match default_of(cx, t)? {
                    Some(v) => items.push(v),
                    None => return Ok(None),
                }
            }
            if items.is_empty() {
                Value::Unit
            } else {
                Value::Tuple(Heap::new(items))
            }
        }
        Ty::Array(t, Some(n)) => {
            let mut items = Vec::new();
            for _ in 0..(*n).min(1 << 20) {
                match default_of(cx, t)? {
                    Some(v) => items.push(v),
                    None => return Ok(None),
                }
            }
            Value::Vec(Heap::new(VecObj { items, is_array: true }))
        }
        Ty::Slice(_) => new_vec(Vec::new()),
        Ty::Named(n, args) => match n.as_str() {
            "Vec" => new_vec(Vec::new()),
            "String" => Value::str(""),
            "HashMap" => new_coll(Collection::HashMap(Default::default())),
            "HashSet" => new_coll(Collection::HashSet(Default::default())),
            "BTreeMap" => new_coll(Collection::BTreeMap(Default::default())),
            "BTreeSet" => new_coll(Collection::BTreeSet(Default::default())),
            "VecDeque" => new_coll(Collection::VecDeque(Default::default())),
            "BinaryHeap" => new_coll(Collection::BinaryHeap(Vec::new())),
            "Option" => util::none(cx),
            "Box" => match args.first() {
                Some(t) => return default_of(cx, t),
                None => return Ok(None),
            },
            "Rc" | "Arc" | "Cell" | "RefCell" => {
                let inner = match args.first() {
                    Some(t) => match default_of(cx, t)? {
                        Some(v) => v,
                        None => return Ok(None),
                    },
                    None => return Ok(None),
                };
                Value::Cell(Heap::new(match n.as_str() {
                    "Cell" => CellObj::Cell(inner),
                    "RefCell" => CellObj::RefCell { value: inner, borrow: 0 },
                    _ => CellObj::Rc { value: inner, strong: 1, weak: 0, atomic: n == "Arc" },
                }))
            }
            "Duration" => StdObj::Duration(std::time::Duration::ZERO).into_value(),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    }))
}

/// `__default()`: the default of the hint's type, `()` when unknown.
fn default(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let hint = cx.hint.cloned();
    Ok(match hint {
        Some(t) => default_of(cx, &t)?.unwrap_or(Value::Unit),
        None => Value::Unit,
    })
}

/// `T::default()` for std types registered by name (aux: index into `DEFAULTS`).
fn named_default(cx: &mut NativeCx<'_>, _: &mut [Value], aux: u32) -> NativeResult {
    let name = DEFAULTS.get(aux as usize).copied().unwrap_or("()");
    let ty = match name {
        "String" => Ty::String,
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        "f64" => Ty::Float(FloatTy::F64),
        "f32" => Ty::Float(FloatTy::F32),
        n => match IntTy::from_name(n) {
            Some(t) => Ty::Int(t),
            None => {
                // Generic std containers: the hint knows the type arguments.
                match cx.hint.map(|h| h.deref()) {
                    Some(h @ Ty::Named(hn, _)) if hn == n => h.clone(),
                    _ => Ty::named(n, vec![Ty::Infer]),
                }
            }
        },
    };
    Ok(default_of(cx, &ty)?.unwrap_or(Value::Unit))
}

const DEFAULTS: [&str; 23] = [
    "String", "Vec", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "VecDeque", "BinaryHeap", "Option", "bool",
    "char", "f64", "f32", "i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize",
];

/// `x.into()` for std conversions, by the hint: `String` from `&str`/`char`, widening
/// integers and floats, `Box<T>`/`Rc<T>`/`Arc<T>`, `Option<T>`, `Vec<u8>` from a string,
/// `Vec<T>` from an array. User `From` impls are the VM's (call `T::from`).
pub fn into(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = arg(args, 0)?;
    let Some(hint) = cx.hint.cloned() else { return Ok(v) };
    convert(cx, v, &hint)
}

pub fn convert(cx: &NativeCx<'_>, v: Value, to: &Ty) -> NativeResult {
    Ok(match (to.deref(), &v) {
        (Ty::String, Value::Str(s)) => Value::str(s.read().map_err(conflict)?.clone()),
        (Ty::String, Value::Char(c)) => Value::str(c.to_string()),
        (Ty::Int(t), Value::Int(..) | Value::Wide(..)) if t.is_128() || super::int128::is_wide_int(&v) => {
            super::int128::cast_int(&v, *t).unwrap_or(v)
        }
        (Ty::Int(t), Value::Int(n, _)) => Value::Int(super::int::norm(*n, *t), *t),
        (Ty::Int(t), Value::Char(c)) => Value::Int(*c as i64, *t),
        (Ty::Int(t), Value::Bool(b)) => Value::Int(*b as i64, *t),
        (Ty::Char, Value::Int(n, _)) => Value::Char(char::from(*n as u8)),
        (Ty::Float(t), Value::Int(n, it)) => Value::Float(super::int::int_to_float(*n, *it, *t), *t),
        (Ty::Float(t), Value::Float(f, _)) => Value::Float(*f, *t),
        (Ty::Named(n, a), _) if n == "Box" => match a.first() {
            Some(inner) if inner.is_known() => convert(cx, v, inner)?,
            _ => v,
        },
        (Ty::Named(n, _), Value::Cell(_)) if n == "Rc" || n == "Arc" => v,
        (Ty::Named(n, _), _) if n == "Rc" || n == "Arc" => {
            Value::Cell(Heap::new(CellObj::Rc { value: v, strong: 1, weak: 0, atomic: n == "Arc" }))
        }
        (Ty::Named(n, _), Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_)) if n == "Option" && util::as_option(&v).is_some() => v,
        (Ty::Named(n, _), _) if n == "Option" => util::some(cx, v),
        (Ty::Named(n, _), Value::Str(s)) if n == "Vec" => {
            let s = s.read().map_err(conflict)?;
            new_vec(s.bytes().map(|b| Value::Int(b as i64, IntTy::U8)).collect())
        }
        (Ty::Named(n, _), Value::Vec(_) | Value::Slice(_)) if n == "Vec" => new_vec(super::vec::items_of(&v)?),
        (Ty::Named(n, _), _) if matches!(n.as_str(), "HashMap" | "BTreeMap" | "HashSet" | "BTreeSet" | "VecDeque" | "BinaryHeap") => {
            match &v {
                Value::Vec(_) | Value::Slice(_) => collect_into(cx, super::vec::items_of(&v)?, Some(to))?,
                _ => v,
            }
        }
        _ => v,
    })
}

pub fn register(r: &mut super::registry::Registry) {
    use super::registry::Kind::Any;
    r.func("__collect_from_vec", collect_from_vec);
    r.func("__sum", sum);
    r.func("__product", product);
    r.func("__default", default);
    r.func("Default::default", default);
    r.func("__into", into);
    r.func("From::from", into);
    r.func("Into::into", into);
    r.method(Any, "into", into);
    for (i, name) in FROM_ITER.into_iter().enumerate() {
        r.func_owned(format!("{name}::from_iter"), from_iter, i as u32);
    }
    for (i, name) in DEFAULTS.into_iter().enumerate() {
        r.func_owned(format!("{name}::default"), named_default, i as u32);
    }
}
