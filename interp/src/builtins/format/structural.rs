//! Debug output of aggregates, as std's impls and `#[derive(Debug)]` write it: tuples,
//! vectors, arrays and slices, structs and enums without a user impl, the std collections,
//! `Rc`/`Cell`/`RefCell`, ranges and native iterators. Leaves get the caller's spec.

use super::{conflict, Fmt};
use crate::builtins::NativeError;
use crate::heap::Heap;
use crate::value::{CellObj, Collection, NativeIter, Place, RangeVal, Value, VariantKind};
use teras_stdlib::fmt::{
    self as sfmt, DebugList, DebugMap, DebugStruct, DebugTuple, MapPart, Spec, Trait,
};

type R = Result<(), NativeError>;

fn bad_place() -> NativeError {
    NativeError::Panic("reference to a place that no longer exists".into())
}

/// The value a `&mut` place holds now.
pub(crate) fn place_value(p: &Place) -> Result<Value, NativeError> {
    Ok(match p {
        Place::Local(h) => h.read().map_err(conflict)?.clone(),
        Place::Field(h, i) => h
            .read()
            .map_err(conflict)?
            .fields
            .get(*i as usize)
            .cloned()
            .ok_or_else(bad_place)?,
        Place::TupleElem(h, i) => h
            .read()
            .map_err(conflict)?
            .get(*i as usize)
            .cloned()
            .ok_or_else(bad_place)?,
        Place::Elem(h, i) => h
            .read()
            .map_err(conflict)?
            .items
            .get(*i as usize)
            .cloned()
            .ok_or_else(bad_place)?,
        Place::MapValue(h, k) => match &*h.read().map_err(conflict)? {
            Collection::HashMap(m) => m.get(k).cloned().ok_or_else(bad_place)?,
            Collection::BTreeMap(m) => m.get(k).cloned().ok_or_else(bad_place)?,
            Collection::Ordered(o) => o.slot(k).cloned().ok_or_else(bad_place)?,
            _ => return Err(bad_place()),
        },
        Place::CellContent(h) => match &*h.read().map_err(conflict)? {
            CellObj::Rc { value, .. } | CellObj::Cell(value) | CellObj::RefCell { value, .. } => {
                value.clone()
            }
            CellObj::Weak { .. } => return Err(bad_place()),
        },
    })
}

/// An address for `{:p}` of a heap value.
pub(crate) fn address(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(h) => h.addr(),
        Value::Tuple(h) => h.addr(),
        Value::Vec(h) => h.addr(),
        Value::Slice(s) => s.vec.addr(),
        Value::Adt(h) | Value::SomeObj(h) => h.addr(),
        Value::Coll(h) => h.addr(),
        Value::Cell(h) => h.addr(),
        Value::Iter(h) => h.addr(),
        _ => return None,
    })
}

/// A snapshot of an aggregate's content, taken under a short read borrow.
enum Shape {
    Tuple(Vec<Value>),
    List(Vec<Value>),
    Set(Vec<Value>),
    Map(Vec<(Value, Value)>),
    Adt {
        name: String,
        kind: VariantKind,
        names: Vec<String>,
        fields: Vec<Value>,
    },
    Range(RangeVal),
    /// `Name(inner)` where inner is a list: `Iter([1, 2])`.
    Wrapped(&'static str, Vec<Value>),
    /// An integer or char range iterator: start, end, inclusive, exhausted, reversed.
    IterRange(Value, Value, bool, bool, bool),
    Text(&'static str),
}

fn snapshot(v: &Value) -> Result<Shape, NativeError> {
    Ok(match v {
        Value::Tuple(h) => Shape::Tuple(h.read().map_err(conflict)?.clone()),
        Value::Vec(h) => Shape::List(h.read().map_err(conflict)?.items.clone()),
        Value::Slice(s) => {
            let vec = s.vec.read().map_err(conflict)?;
            let (a, b) = (s.start as usize, s.end as usize);
            Shape::List(vec.items.get(a..b).ok_or_else(bad_place)?.to_vec())
        }
        Value::Tag(def, variant) => {
            let var = def.variants.get(*variant as usize);
            Shape::Adt {
                name: match var {
                    Some(var) if def.is_enum => var.name.clone(),
                    _ => def.name.clone(),
                },
                kind: var.map_or(VariantKind::Unit, |v| v.kind),
                names: Vec::new(),
                fields: Vec::new(),
            }
        }
        // An inline `Some`: `Some(payload)`.
        Value::SomeObj(h) => Shape::Adt {
            name: "Some".into(),
            kind: VariantKind::Tuple,
            names: vec!["0".into()],
            fields: vec![Value::Adt(h.clone())],
        },
        Value::Adt(h) => {
            let obj = h.read().map_err(conflict)?;
            match obj.def.variants.get(obj.variant as usize) {
                Some(var) => Shape::Adt {
                    name: if obj.def.is_enum {
                        var.name.clone()
                    } else {
                        obj.def.name.clone()
                    },
                    kind: var.kind,
                    names: var.fields.clone(),
                    fields: obj.fields.to_vec(),
                },
                None => Shape::Adt {
                    name: obj.def.name.clone(),
                    kind: VariantKind::Tuple,
                    names: Vec::new(),
                    fields: obj.fields.to_vec(),
                },
            }
        }
        Value::Coll(h) => match &*crate::builtins::deque::settle(h).and_then(|()| h.read().map_err(conflict))? {
            Collection::HashMap(m) => {
                Shape::Map(m.iter().map(|(k, v)| (k.0.clone(), v.clone())).collect())
            }
            Collection::BTreeMap(m) => {
                Shape::Map(m.iter().map(|(k, v)| (k.0.clone(), v.clone())).collect())
            }
            Collection::HashSet(s) => Shape::Set(s.iter().map(|k| k.0.clone()).collect()),
            Collection::BTreeSet(s) => Shape::Set(s.iter().map(|k| k.0.clone()).collect()),
            Collection::VecDeque(d) => Shape::List(d.iter().cloned().collect()),
            Collection::BinaryHeap(v) => Shape::List(v.clone()),
            Collection::Ordered(o) => match o.kind {
                crate::value::OrdKind::Map => Shape::Map(o.keys.iter().cloned().zip(o.vals.iter().cloned()).collect()),
                crate::value::OrdKind::Set => Shape::Set(o.keys.clone()),
                crate::value::OrdKind::Heap => Shape::List(o.keys.clone()),
            },
        },
        Value::Range(r) => Shape::Range((**r).clone()),
        Value::Iter(h) => match &*h.read().map_err(conflict)? {
            NativeIter::Range {
                next,
                end,
                ty,
                inclusive,
                done,
                rev,
            } => Shape::IterRange(
                Value::Int(*next, *ty),
                Value::Int(*end, *ty),
                *inclusive,
                *done,
                *rev,
            ),
            NativeIter::WideRange { next, end, ty, inclusive, done, rev } => Shape::IterRange(
                Value::int128(*next, *ty),
                Value::int128(*end, *ty),
                *inclusive,
                *done,
                *rev,
            ),
            NativeIter::CharRange {
                next,
                end,
                inclusive,
                done,
            } => Shape::IterRange(
                Value::Char(char::from_u32(*next).unwrap_or(char::MAX)),
                Value::Char(char::from_u32(*end).unwrap_or(char::MAX)),
                *inclusive,
                *done,
                false,
            ),
            NativeIter::Vec {
                vec,
                front,
                back,
                by_mut,
            } => {
                let v = vec.read().map_err(conflict)?;
                let items = v
                    .items
                    .get(*front..*back)
                    .map(<[Value]>::to_vec)
                    .unwrap_or_default();
                Shape::Wrapped(if *by_mut { "IterMut" } else { "Iter" }, items)
            }
            NativeIter::Items { items } => {
                Shape::Wrapped("IntoIter", items.iter().cloned().collect())
            }
        },
        Value::Func(_) => Shape::Text("<closure>"),
        Value::Native(_) => Shape::Text("<native object>"),
        // Scalars never get here; print them through the normal path if they do.
        _ => Shape::Tuple(vec![v.clone()]),
    })
}

impl Fmt<'_> {
    /// Debug output of an aggregate (`spec` is a Debug spec).
    ///
    /// Each shape is printed by its own small function: in a debug build every local of a
    /// big `match` gets its own stack slot, and these frames repeat at every nesting level.
    pub(crate) fn structural(&mut self, out: &mut String, v: &Value, spec: &Spec) -> R {
        let shape = snapshot(v)?;
        self.shape(out, shape, spec)
    }

    fn shape(&mut self, out: &mut String, shape: Shape, spec: &Spec) -> R {
        let pretty = spec.is_pretty();
        match shape {
            Shape::Tuple(items) => self.tuple(out, "", &items, spec),
            Shape::List(items) => self.list(DebugList::list(out, pretty), &items, spec),
            Shape::Set(items) => self.list(DebugList::set(out, pretty), &items, spec),
            Shape::Map(entries) => self.map(out, &entries, spec),
            Shape::Adt {
                name,
                kind,
                names,
                fields,
            } => match kind {
                VariantKind::Unit => {
                    out.push_str(&name);
                    Ok(())
                }
                VariantKind::Tuple => self.tuple(out, &name, &fields, spec),
                VariantKind::Named => self.named(out, &name, &names, &fields, spec),
            },
            Shape::Range(r) => self.range(
                out,
                r.start.as_ref(),
                r.end.as_ref(),
                r.inclusive,
                false,
                spec,
            ),
            Shape::Wrapped(name, items) => self.wrapped(out, name, &items, spec),
            Shape::IterRange(start, end, inclusive, done, rev) => {
                if rev {
                    let mut b = DebugStruct::new(out, "Rev", pretty);
                    b.field("iter", |o| {
                        self.range(o, Some(&start), Some(&end), inclusive, done, spec)
                    })?;
                    b.finish();
                    Ok(())
                } else {
                    self.range(out, Some(&start), Some(&end), inclusive, done, spec)
                }
            }
            Shape::Text(t) => {
                out.push_str(t);
                Ok(())
            }
        }
    }

    fn map(&mut self, out: &mut String, entries: &[(Value, Value)], spec: &Spec) -> R {
        let mut b = DebugMap::new(out, spec.is_pretty());
        for (k, v) in entries {
            b.entry(|o, part| self.value(o, if part == MapPart::Key { k } else { v }, spec))?;
        }
        b.finish();
        Ok(())
    }

    fn named(
        &mut self,
        out: &mut String,
        name: &str,
        names: &[String],
        fields: &[Value],
        spec: &Spec,
    ) -> R {
        let mut b = DebugStruct::new(out, name, spec.is_pretty());
        for (i, f) in fields.iter().enumerate() {
            let fname = names.get(i).map_or("?", String::as_str);
            b.field(fname, |o| self.value(o, f, spec))?;
        }
        b.finish();
        Ok(())
    }

    /// `a..b`, `a..=b`, `..b`, `a..`, and ` (exhausted)` after a finished `a..=b` iterator.
    fn range(
        &mut self,
        out: &mut String,
        start: Option<&Value>,
        end: Option<&Value>,
        inclusive: bool,
        exhausted: bool,
        spec: &Spec,
    ) -> R {
        if let Some(s) = start {
            self.value(out, s, spec)?;
        }
        out.push_str(if inclusive { "..=" } else { ".." });
        if let Some(e) = end {
            self.value(out, e, spec)?;
        }
        if inclusive && exhausted {
            out.push_str(" (exhausted)");
        }
        Ok(())
    }

    fn wrapped(&mut self, out: &mut String, name: &str, items: &[Value], spec: &Spec) -> R {
        let pretty = spec.is_pretty();
        let mut b = DebugTuple::new(out, name, pretty);
        b.field(|o| self.list(DebugList::list(o, pretty), items, spec))?;
        b.finish();
        Ok(())
    }

    fn tuple(&mut self, out: &mut String, name: &str, items: &[Value], spec: &Spec) -> R {
        let mut b = DebugTuple::new(out, name, spec.is_pretty());
        for it in items {
            b.field(|o| self.value(o, it, spec))?;
        }
        b.finish();
        Ok(())
    }

    fn list(&mut self, mut b: DebugList<'_>, items: &[Value], spec: &Spec) -> R {
        for it in items {
            b.entry(|o| self.value(o, it, spec))?;
        }
        b.finish();
        Ok(())
    }

    /// `Rc`/`Arc` (transparent, for Display too), `Weak`, `Cell`, `RefCell`.
    pub(crate) fn cell(&mut self, out: &mut String, h: &Heap<CellObj>, spec: &Spec) -> R {
        enum C {
            Rc(Value),
            Weak,
            Cell(Value),
            RefCell(Option<Value>),
        }
        let c = match &*h.read().map_err(conflict)? {
            CellObj::Rc { value, .. } => C::Rc(value.clone()),
            CellObj::Weak { .. } => C::Weak,
            CellObj::Cell(v) => C::Cell(v.clone()),
            CellObj::RefCell { value, borrow } => C::RefCell((*borrow >= 0).then(|| value.clone())),
        };
        let debug = if spec.trait_ == Trait::Debug {
            spec.clone()
        } else {
            spec.with_trait(Trait::Debug)
        };
        match c {
            C::Rc(v) => {
                if spec.trait_ == Trait::Pointer {
                    let addr = address(&v).unwrap_or_else(|| h.addr());
                    sfmt::fmt_pointer(out, addr, spec);
                    Ok(())
                } else {
                    self.value(out, &v, spec)
                }
            }
            C::Weak => {
                out.push_str("(Weak)");
                Ok(())
            }
            C::Cell(v) => {
                let mut b = DebugStruct::new(out, "Cell", debug.is_pretty());
                b.field("value", |o| self.value(o, &v, &debug))?;
                b.finish();
                Ok(())
            }
            C::RefCell(v) => {
                let mut b = DebugStruct::new(out, "RefCell", debug.is_pretty());
                match v {
                    Some(v) => b.field("value", |o| self.value(o, &v, &debug))?,
                    None => b.field_str("value", "<borrowed>"),
                };
                b.finish();
                Ok(())
            }
        }
    }

    /// `Mutex { data: 5, poisoned: false, .. }` / `RwLock { .. }` (`builtins::mutex`);
    /// `Ok(false)` when `v` is not a lock.
    pub(crate) fn lock(&mut self, out: &mut String, v: &Value, spec: &Spec) -> Result<bool, NativeError> {
        let Some((name, data)) = crate::builtins::mutex::debug_parts(v) else { return Ok(false) };
        let debug = spec.with_trait(Trait::Debug);
        let mut b = DebugStruct::new(out, name, debug.is_pretty());
        match data {
            Some(d) => b.field("data", |o| self.value(o, &d, &debug))?,
            None => b.field_str("data", "\"<locked>\""),
        };
        b.field_str("poisoned", if crate::builtins::sync::lock::debug_poisoned(v) { "true" } else { "false" });
        b.finish_non_exhaustive();
        Ok(true)
    }

    /// Atomics (their value), `Condvar { .. }`, `Barrier { .. }`, `Once { .. }`,
    /// `OnceLock(v)` / `OnceLock(<uninit>)`, as std prints them; `Ok(false)` for anything else.
    pub(crate) fn sync_object(&mut self, out: &mut String, v: &Value, spec: &Spec) -> Result<bool, NativeError> {
        use crate::builtins::sync::SyncDebug;
        let Some(form) = crate::builtins::sync::debug_form(v) else { return Ok(false) };
        match form {
            SyncDebug::Text(t) => out.push_str(t),
            SyncDebug::Value(x) => self.value(out, &x, spec)?,
            SyncDebug::Wrapped(name, inner) => {
                let debug = spec.with_trait(Trait::Debug);
                let mut b = DebugTuple::new(out, name, debug.is_pretty());
                match inner {
                    Some(x) => b.field(|o| self.value(o, &x, &debug))?,
                    None => b.field(|o| {
                        o.push_str("<uninit>");
                        Ok::<(), NativeError>(())
                    })?,
                };
                b.finish();
            }
        }
        Ok(true)
    }
}
