//! Helpers shared by the natives: reading arguments, building `Option`/`Result`/`Ordering`
//! values, reading and writing through `Place`s, and the error constructors.

use super::{NativeCx, NativeError};
use crate::heap::BorrowConflict;
use crate::value::{AdtObj, CellObj, Collection, FloatTy, IntTy, Place, Value};
use crate::heap::Heap;
use std::cmp::Ordering;
use std::sync::Arc;

pub type R<T> = Result<T, NativeError>;

/// A TERAS panic with `msg`.
pub fn panic(msg: impl Into<String>) -> NativeError {
    NativeError::Panic(msg.into())
}

/// A heap object was accessed while it was being modified elsewhere.
pub fn conflict(_: BorrowConflict) -> NativeError {
    panic("value accessed while it is being modified (conflicting borrow or data race)")
}

/// A native received a value of a kind it cannot handle (the compiler let through a program
/// rustc would reject).
pub fn type_error(what: &str, v: &Value) -> NativeError {
    panic(format!("type error: {what} expected, found {}", describe(v)))
}

/// A short name of a value's kind, for error messages.
pub fn describe(v: &Value) -> &'static str {
    match v {
        Value::Unit => "()",
        Value::Bool(_) => "bool",
        Value::Int(_, t) | Value::Wide(_, t) => t.name(),
        Value::Float(_, FloatTy::F32) => "f32",
        Value::Float(..) => "f64",
        Value::Char(_) => "char",
        Value::Str(_) => "String",
        Value::Tuple(_) => "tuple",
        Value::Vec(_) => "Vec",
        Value::Slice(_) => "slice",
        Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) => "struct or enum",
        Value::Coll(_) => "collection",
        Value::Func(_) => "function",
        Value::Ref(_) => "reference",
        Value::Cell(_) => "cell",
        Value::Iter(_) => "iterator",
        Value::Range(_) => "range",
        Value::Native(_) => "native object",
        Value::Moved => "moved value",
    }
}

/// Read the value a place holds.
pub fn place_get(p: &Place) -> R<Value> {
    Ok(match p {
        Place::Local(h) => h.read().map_err(conflict)?.clone(),
        Place::Field(h, i) => {
            h.read().map_err(conflict)?.fields.get(*i as usize).cloned().ok_or_else(bad_place)?
        }
        Place::TupleElem(h, i) => {
            h.read().map_err(conflict)?.get(*i as usize).cloned().ok_or_else(bad_place)?
        }
        Place::Elem(h, i) => {
            let v = h.read().map_err(conflict)?;
            match v.items.get(*i as usize) {
                Some(x) => x.clone(),
                None => return Err(oob(v.items.len(), *i as usize)),
            }
        }
        Place::MapValue(h, k) => match &*h.read().map_err(conflict)? {
            Collection::HashMap(m) => m.get(k).cloned().ok_or_else(bad_place)?,
            Collection::BTreeMap(m) => m.get(k).cloned().ok_or_else(bad_place)?,
            Collection::Ordered(o) => o.slot(k).cloned().ok_or_else(bad_place)?,
            _ => return Err(bad_place()),
        },
        Place::CellContent(h) => match &*h.read().map_err(conflict)? {
            CellObj::Rc { value, .. } => value.clone(),
            CellObj::Cell(v) => v.clone(),
            CellObj::RefCell { value, .. } => value.clone(),
            CellObj::Weak { .. } => return Err(bad_place()),
        },
    })
}

/// Store into a place.
pub fn place_set(p: &Place, new: Value) -> R<()> {
    let slot_missing = bad_place;
    match p {
        Place::Local(h) => *h.write().map_err(conflict)? = new,
        Place::Field(h, i) => {
            *h.write().map_err(conflict)?.fields.get_mut(*i as usize).ok_or_else(slot_missing)? = new
        }
        Place::TupleElem(h, i) => {
            *h.write().map_err(conflict)?.get_mut(*i as usize).ok_or_else(slot_missing)? = new
        }
        Place::Elem(h, i) => {
            let mut v = h.write().map_err(conflict)?;
            let len = v.items.len();
            *v.items.get_mut(*i as usize).ok_or_else(|| oob(len, *i as usize))? = new
        }
        Place::MapValue(h, k) => match &mut *h.write().map_err(conflict)? {
            Collection::HashMap(m) => *m.get_mut(k).ok_or_else(slot_missing)? = new,
            Collection::BTreeMap(m) => *m.get_mut(k).ok_or_else(slot_missing)? = new,
            Collection::Ordered(o) => *o.slot_mut(k).ok_or_else(slot_missing)? = new,
            _ => return Err(bad_place()),
        },
        Place::CellContent(h) => match &mut *h.write().map_err(conflict)? {
            CellObj::Rc { value, .. } => *value = new,
            CellObj::Cell(v) => *v = new,
            CellObj::RefCell { value, .. } => *value = new,
            CellObj::Weak { .. } => return Err(bad_place()),
        },
    }
    Ok(())
}

fn bad_place() -> NativeError {
    panic("reference to a place that no longer exists")
}

/// `index out of bounds: the len is 3 but the index is 5`
pub fn oob(len: usize, index: usize) -> NativeError {
    panic(format!("index out of bounds: the len is {len} but the index is {index}"))
}

/// Follow `Ref`s to the value they point at.
pub fn deref(v: &Value) -> R<Value> {
    let mut cur = v.clone();
    for _ in 0..64 {
        match cur {
            Value::Ref(p) => cur = place_get(&p)?,
            other => return Ok(other),
        }
    }
    Err(panic("reference chain too long"))
}

/// Argument `i`, with references followed.
pub fn arg(args: &[Value], i: usize) -> R<Value> {
    match args.get(i) {
        Some(v) => deref(v),
        None => Err(panic(format!("native called with {} arguments, needs more", args.len()))),
    }
}

/// Argument `i` as it was passed (a `Ref` stays a `Ref`).
pub fn raw_arg(args: &[Value], i: usize) -> R<Value> {
    args.get(i)
        .cloned()
        .ok_or_else(|| panic(format!("native called with {} arguments, needs more", args.len())))
}

/// Argument `i` moved out of its register (which holds `()` afterwards), as it was passed.
/// Only for natives that never block (a blocked call runs again with the same arguments).
pub fn take_arg(args: &mut [Value], i: usize) -> R<Value> {
    let n = args.len();
    args.get_mut(i)
        .map(std::mem::take)
        .ok_or_else(|| panic(format!("native called with {n} arguments, needs more")))
}

pub fn int_of(v: &Value) -> R<(i64, IntTy)> {
    match v {
        Value::Int(n, t) => Ok((*n, *t)),
        Value::Ref(_) => int_of(&deref(v)?),
        _ => Err(type_error("integer", v)),
    }
}

/// An integer argument as an i128 (u64 values read unsigned; a u128 above `i128::MAX`
/// saturates).
pub fn wide_of(v: &Value) -> R<i128> {
    if let Value::Wide(..) = v {
        return super::int128::Math::of(v).map(|m| m.to_i128_sat()).ok_or_else(|| type_error("integer", v));
    }
    let (n, t) = int_of(v)?;
    Ok(super::int::wide(n, t))
}

/// The integer type of an integer value (`i32` for anything else).
pub fn int_ty_of(v: &Value) -> IntTy {
    match v {
        Value::Int(_, t) | Value::Wide(_, t) => *t,
        _ => IntTy::I32,
    }
}

/// A `usize`-like argument; negative values become an error.
pub fn usize_of(v: &Value) -> R<usize> {
    let w = wide_of(v)?;
    usize::try_from(w).map_err(|_| panic(format!("index {w} is negative or too large")))
}

pub fn float_of(v: &Value) -> R<f64> {
    match v {
        Value::Float(f, _) => Ok(*f),
        Value::Int(n, t) => Ok(super::int::wide(*n, *t) as f64),
        Value::Ref(_) => float_of(&deref(v)?),
        _ => Err(type_error("float", v)),
    }
}

pub fn char_of(v: &Value) -> R<char> {
    match v {
        Value::Char(c) => Ok(*c),
        Value::Ref(_) => char_of(&deref(v)?),
        _ => Err(type_error("char", v)),
    }
}

pub fn bool_of(v: &Value) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Ref(_) => bool_of(&deref(v)?),
        _ => Err(type_error("bool", v)),
    }
}

/// The text of a `String`/`&str` (or a `char`, for patterns), copied out.
pub fn str_of(v: &Value) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.read().map_err(conflict)?.clone()),
        Value::Char(c) => Ok(c.to_string()),
        Value::Ref(_) => str_of(&deref(v)?),
        _ => Err(type_error("string", v)),
    }
}

pub fn str_handle(v: &Value) -> R<Heap<String>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Ref(_) => str_handle(&deref(v)?),
        _ => Err(type_error("String", v)),
    }
}

/// Build a value of the prelude enum `def` (variant `variant`, with `fields`).
pub fn adt(def: impl Into<crate::value::DefRef>, variant: u32, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj { def: def.into(), variant, fields: fields.into() }))
}

/// Variant indices of the prelude enums (declaration order in prelude/core.rs).
pub const NONE: u32 = 0;
pub const SOME: u32 = 1;
pub const OK: u32 = 0;
pub const ERR: u32 = 1;

/// A variant with at most one field, built in place (no `Vec` allocated and freed on the
/// way to the object's inline `Fields`).
fn adt1(def: crate::value::DefRef, variant: u32, field: Option<Value>) -> Value {
    let fields = match field {
        Some(v) => smallvec::smallvec![v],
        None => crate::value::Fields::new(),
    };
    Value::Adt(Heap::new(AdtObj { def, variant, fields }))
}

/// The `DefRef` of `def`, pinned once per process and remembered in `slot`: `DefRef::pin`
/// increments the definition's count, one cache line every thread building an `Ok`/`Some`
/// would write. A `slot` remembers the first program's definition (the only one in a
/// process running one program); any other definition is pinned as before. A pinned
/// definition is never freed, so its address cannot come back as another one's.
fn pinned(def: &Arc<crate::value::AdtDef>, slot: &std::sync::OnceLock<(usize, crate::value::DefRef)>) -> crate::value::DefRef {
    let at = Arc::as_ptr(def) as usize;
    match slot.get() {
        Some((p, d)) if *p == at => *d,
        Some(_) => crate::value::DefRef::pin(def),
        None => {
            let d = crate::value::DefRef::pin(def);
            let _ = slot.set((at, d));
            d
        }
    }
}

static OPTION_DEF: std::sync::OnceLock<(usize, crate::value::DefRef)> = std::sync::OnceLock::new();
static RESULT_DEF: std::sync::OnceLock<(usize, crate::value::DefRef)> = std::sync::OnceLock::new();
static ORDERING_DEF: std::sync::OnceLock<(usize, crate::value::DefRef)> = std::sync::OnceLock::new();

fn option_def(cx: &NativeCx<'_>) -> crate::value::DefRef {
    pinned(&cx.std.option, &OPTION_DEF)
}

fn result_def(cx: &NativeCx<'_>) -> crate::value::DefRef {
    pinned(&cx.std.result, &RESULT_DEF)
}

pub fn some(cx: &NativeCx<'_>, v: Value) -> Value {
    adt1(option_def(cx), SOME, Some(v))
}
/// `None`, held inline as a `Value::Tag` (no allocation, nothing to free), as compiled code
/// builds it: every reader of enums treats a `Tag` and a field-less object alike, and a
/// `&mut self` method's receiver place is promoted to an object first (`Instr::PromoteTag`).
pub fn none(cx: &NativeCx<'_>) -> Value {
    Value::Tag(option_def(cx), NONE)
}
pub fn option(cx: &NativeCx<'_>, v: Option<Value>) -> Value {
    option_of(cx.std, v)
}
/// `option` for a plain twin (`registry::PlainFn`), which has the std definitions only. A
/// `Some` reuses the thread's spare object when there is one (`keep_spare_some`).
#[inline]
pub fn option_of(std: &super::StdDefs, v: Option<Value>) -> Value {
    let def = pinned(&std.option, &OPTION_DEF);
    match v {
        Some(v) => match SPARE_SOME.with(|s| s[0].take().or_else(|| s[1].take())) {
            Some(mut h) => {
                if let Some(o) = h.get_mut() {
                    if let Some(f) = o.fields.first_mut() {
                        // (The spare's payload is plain: nothing to drop.)
                        std::mem::forget(std::mem::replace(f, v));
                        return Value::Adt(h);
                    }
                }
                adt1(def, SOME, Some(v))
            }
            None => adt1(def, SOME, Some(v)),
        },
        None => Value::Tag(def, NONE),
    }
}

thread_local! {
    /// Up to two `Some` objects of the std `Option` whose last handles registers gave up
    /// (`keep_spare_some`), for the thread's next `option_of`s to fill instead of allocating
    /// (two: a loop's `m.insert` builds its `Some` before the `Some` its `m.get` answered is
    /// given up).
    static SPARE_SOME: [std::cell::Cell<Option<Heap<AdtObj>>>; 2] = const { [std::cell::Cell::new(None), std::cell::Cell::new(None)] };
}

/// Keeps `h` as the thread's spare `Some` (`option_of`) when it is the last handle to an
/// unlocked `Some` object of the std `Option` (the one `option_of` builds) whose payload owns
/// nothing (`value::is_plain`): nobody can observe the object any more, and dropping its
/// payload runs nothing, so filling it again is building a new one. Otherwise the handle is
/// given back to be dropped (when the thread has two spares already: the older one). The VM calls it for
/// the old value of a native's result register (`call::put`) and of a register an integer
/// overwrites (`dispatch::overwrite`): the `Option` a twin of `HashMap::get`/`insert`
/// answered the last time.
#[inline]
pub fn keep_spare_some(mut h: Heap<AdtObj>) -> Result<(), Heap<AdtObj>> {
    let Some((_, def)) = OPTION_DEF.get() else { return Err(h) };
    match h.get_mut() {
        Some(o) if o.variant == SOME && o.def.is(def) && !o.fields.spilled() && matches!(o.fields.as_slice(), [f] if crate::value::is_plain(f)) => {}
        _ => return Err(h),
    }
    SPARE_SOME.with(|s| match s[0].replace(Some(h)) {
        None => Ok(()),
        Some(prev) => match s[1].replace(Some(prev)) {
            None => Ok(()),
            Some(oldest) => Err(oldest),
        },
    })
}
pub fn ok(cx: &NativeCx<'_>, v: Value) -> Value {
    adt1(result_def(cx), OK, Some(v))
}
pub fn err(cx: &NativeCx<'_>, v: Value) -> Value {
    adt1(result_def(cx), ERR, Some(v))
}
pub fn ordering(cx: &NativeCx<'_>, o: Ordering) -> Value {
    let variant = match o {
        Ordering::Less => 0,
        Ordering::Equal => 1,
        Ordering::Greater => 2,
    };
    // Inline, as `none` (`Ordering` has no fields in any variant).
    Value::Tag(pinned(&cx.std.ordering, &ORDERING_DEF), variant)
}

/// Read an `Option` value: `Some(Some(x))`, `Some(None)`, or `None` when `v` is not an Option.
pub fn as_option(v: &Value) -> Option<Option<Value>> {
    let v = deref(v).ok()?;
    if let Value::Tag(d, _) = &v {
        // (`Some` has a field: an inline `Option` is a `None`.)
        return (d.name == "Option").then_some(None);
    }
    if let Value::SomeObj(h) = v {
        return Some(Some(Value::Adt(h)));
    }
    if let Value::Adt(h) = &v {
        let o = h.read().ok()?;
        if o.def.name == "Option" {
            return Some(if o.variant == SOME { o.fields.first().cloned() } else { None });
        }
    }
    None
}

/// Read a `Result` value: `Some(Ok(x))`/`Some(Err(e))`, `None` when `v` is not a Result.
pub fn as_result(v: &Value) -> Option<Result<Value, Value>> {
    let v = deref(v).ok()?.untag().into_owned();
    if let Value::Adt(h) = &v {
        let o = h.read().ok()?;
        if o.def.name == "Result" {
            let x = o.fields.first().cloned().unwrap_or_default();
            return Some(if o.variant == OK { Ok(x) } else { Err(x) });
        }
    }
    None
}

/// A pair `(a, b)`.
pub fn pair(a: Value, b: Value) -> Value {
    Value::Tuple(Heap::new(vec![a, b]))
}

/// The two parts of a pair value.
pub fn unpair(v: &Value) -> R<(Value, Value)> {
    match deref(v)? {
        Value::Tuple(t) => {
            let t = t.read().map_err(conflict)?;
            match t.as_slice() {
                [a, b] => Ok((a.clone(), b.clone())),
                _ => Err(panic("type error: pair expected")),
            }
        }
        other => Err(type_error("pair", &other)),
    }
}

pub fn new_vec(items: Vec<Value>) -> Value {
    Value::Vec(Heap::new(crate::value::VecObj { items, is_array: false }))
}

pub fn new_coll(c: Collection) -> Value {
    Value::Coll(Heap::new(c))
}

pub fn new_iter(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Iter(Heap::new(crate::value::NativeIter::Items { items: items.into_iter().collect() }))
}
