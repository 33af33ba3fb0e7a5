//! The run-time side of the `Send`/`Sync` check: walks a value about to cross into another
//! thread (a spawned closure with its captures, a message sent through a channel) and finds
//! the first part that is not `Send`, for values whose types inference did not know.
//!
//! Not `Send`: a non-atomic `Rc` and its `Weak`, a live `RefCell` borrow or lock guard (a
//! reference into a cell that is currently borrowed). Not `Sync` (which matters for what an
//! `Arc` shares): `Cell`, `RefCell` and everything not `Send`. The walk is bounded in depth
//! and size and safe on cycles; what it cannot see into (native iterators, native objects
//! such as locks and channel ends, whose contents their natives check) counts as `Send`.

use crate::heap::Heap;
use crate::value::{AdtDef, Callable, CellObj, Collection, Place, Value};
use rustc_hash::FxHashSet;

const MAX_DEPTH: u32 = 64;
const MAX_NODES: usize = 20_000;

/// The first part of `v` that is not `Send`, described as a Rust type (`Rc<Vec<i32>>`,
/// `RefCell<i32>` when an `Arc` shares it): `None` when nothing was found.
pub fn not_send(v: &Value) -> Option<String> {
    send_problem(v, &|_| None).map(|p| p.what)
}

/// What is wrong with sending a value: the type and the trait it lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendProblem {
    /// The offending part as a Rust type (`Rc<i32>`).
    pub what: String,
    /// `"Send"` (it cannot be sent) or `"Sync"` (it cannot be shared).
    pub lacks: &'static str,
}

impl SendProblem {
    /// rustc's wording: "`Rc<i32>` cannot be sent between threads safely".
    pub fn message(&self) -> String {
        let verb = if self.lacks == "Sync" { "shared" } else { "sent" };
        format!("`{}` cannot be {verb} between threads safely", self.what)
    }
}

/// Like `not_send`, with the program's own verdicts: `user(def)` answers `Some(true)` for a
/// struct or enum with `unsafe impl Send` (its fields are then not looked at) and
/// `Some(false)` for one with `impl !Send`.
pub fn send_problem(v: &Value, user: &dyn Fn(&AdtDef) -> Option<bool>) -> Option<SendProblem> {
    let mut w = Walk { seen: FxHashSet::default(), nodes: 0, user };
    w.value(v, false, 0)
}

struct Walk<'u> {
    /// Heap objects already visited (by address and mode).
    seen: FxHashSet<(usize, bool)>,
    nodes: usize,
    user: &'u dyn Fn(&AdtDef) -> Option<bool>,
}

impl Walk<'_> {
    /// The first problem in `v`; `sync`: the value is shared (it must also be `Sync`).
    fn value(&mut self, v: &Value, sync: bool, depth: u32) -> Option<SendProblem> {
        self.nodes += 1;
        if depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return None;
        }
        let d = depth + 1;
        match v {
            Value::Tuple(h) => self.first_new(h.addr(), sync, || h.read().ok().map(|t| t.clone()), d),
            Value::Vec(h) => self.first_new(h.addr(), sync, || h.read().ok().map(|o| o.items.clone()), d),
            Value::Slice(s) => self.first_new(s.vec.addr(), sync, || crate::vm::values::seq_items(v), d),
            Value::Tag(def, _) => match (self.user)(def) {
                Some(false) => Some(SendProblem { what: def.name.clone(), lacks: "Send" }),
                _ => None,
            },
            // An inline `Some`: its payload.
            Value::SomeObj(h) => self.value(&Value::Adt(h.clone()), sync, d),
            Value::Adt(h) => {
                let def = h.read().ok().map(|o| o.def)?;
                match (self.user)(&def) {
                    Some(true) => None,
                    Some(false) => Some(SendProblem { what: def.name.clone(), lacks: "Send" }),
                    None => self.first_new(h.addr(), sync, || h.read().ok().map(|o| o.fields.to_vec()), d),
                }
            }
            Value::Coll(h) => self.first_new(h.addr(), sync, || h.read().ok().map(|c| coll_items(&c)), d),
            Value::Func(f) => match f.as_ref() {
                Callable::Closure { captures, .. } => self.all(captures, sync, d),
                Callable::Bound { receiver, .. } => self.value(receiver, sync, d),
                Callable::Function(_) | Callable::Native(_) => None,
            },
            Value::Ref(p) => self.place(p, sync, d),
            Value::Cell(h) => self.cell(h, sync, d),
            Value::Unit
            | Value::Native(_)
            | Value::Bool(_)
            | Value::Int(..)
            | Value::Wide(..)
            | Value::Float(..)
            | Value::Char(_)
            | Value::Str(_)
            | Value::Iter(_)
            | Value::Range(_)
            | Value::Moved => None,
        }
    }

    fn all(&mut self, items: &[Value], sync: bool, d: u32) -> Option<SendProblem> {
        items.iter().find_map(|x| self.value(x, sync, d))
    }

    /// Visits the children of a heap object once per mode.
    fn first_new(&mut self, addr: usize, sync: bool, items: impl FnOnce() -> Option<Vec<Value>>, d: u32) -> Option<SendProblem> {
        if !self.seen.insert((addr, sync)) {
            return None;
        }
        let items = items()?;
        self.all(&items, sync, d)
    }

    fn place(&mut self, p: &Place, sync: bool, d: u32) -> Option<SendProblem> {
        match p {
            Place::Local(h) => {
                let v = h.read().ok().map(|v| v.clone())?;
                self.value(&v, sync, d)
            }
            Place::Field(h, i) => {
                let v = h.read().ok().and_then(|o| o.fields.get(*i as usize).cloned())?;
                self.value(&v, sync, d)
            }
            Place::TupleElem(h, i) => {
                let v = h.read().ok().and_then(|t| t.get(*i as usize).cloned())?;
                self.value(&v, sync, d)
            }
            Place::Elem(h, i) => {
                let v = h.read().ok().and_then(|o| o.items.get(*i as usize).cloned())?;
                self.value(&v, sync, d)
            }
            Place::MapValue(h, k) => {
                let v = h.read().ok().and_then(|c| match &*c {
                    Collection::HashMap(m) => m.get(k).cloned(),
                    Collection::BTreeMap(m) => m.get(k).cloned(),
                    Collection::Ordered(o) => o.slot(k).cloned(),
                    _ => None,
                })?;
                self.value(&v, sync, d)
            }
            Place::CellContent(h) => {
                // A reference into a borrowed `RefCell` (or a held lock) is its guard.
                let borrowed = h.read().ok().is_some_and(|c| matches!(&*c, CellObj::RefCell { borrow, .. } if *borrow != 0));
                if borrowed {
                    let inner = h.read().ok().and_then(|c| match &*c {
                        CellObj::RefCell { value, .. } => Some(value.clone()),
                        _ => None,
                    });
                    let t = inner.as_ref().map_or_else(|| "_".to_string(), |v| describe(v, 0));
                    return Some(SendProblem { what: format!("a borrow guard of `RefCell<{t}>` or a lock (`Ref`, `RefMut`, `MutexGuard`)"), lacks: "Send" });
                }
                self.cell_content(h, sync, d)
            }
        }
    }

    fn cell(&mut self, h: &Heap<CellObj>, sync: bool, d: u32) -> Option<SendProblem> {
        if !self.seen.insert((h.addr(), sync)) {
            return None;
        }
        enum Next {
            Content(Value, bool),
            Problem(SendProblem),
            Target(Heap<CellObj>),
        }
        let next = {
            let c = h.read().ok()?;
            match &*c {
                CellObj::Rc { atomic: false, value, .. } => Next::Problem(SendProblem { what: format!("Rc<{}>", describe(value, 0)), lacks: "Send" }),
                CellObj::Rc { atomic: true, value, .. } => Next::Content(value.clone(), true),
                CellObj::Weak { atomic: false, target } => {
                    let inner = rc_content(target).map_or_else(|| "_".to_string(), |v| describe(&v, 0));
                    Next::Problem(SendProblem { what: format!("std::rc::Weak<{inner}>"), lacks: "Send" })
                }
                CellObj::Weak { atomic: true, target } => Next::Target(target.clone()),
                CellObj::Cell(v) if sync => Next::Problem(SendProblem { what: format!("Cell<{}>", describe(v, 0)), lacks: "Sync" }),
                CellObj::RefCell { value, .. } if sync => {
                    Next::Problem(SendProblem { what: format!("RefCell<{}>", describe(value, 0)), lacks: "Sync" })
                }
                CellObj::Cell(v) | CellObj::RefCell { value: v, .. } => Next::Content(v.clone(), false),
            }
        };
        match next {
            Next::Problem(p) => Some(p),
            // An `Arc`'s content is shared: it must be `Send` and `Sync`.
            Next::Content(v, shared) => self.value(&v, sync || shared, d),
            Next::Target(t) => self.cell(&t, true, d),
        }
    }

    fn cell_content(&mut self, h: &Heap<CellObj>, sync: bool, d: u32) -> Option<SendProblem> {
        let v = h.read().ok().and_then(|c| match &*c {
            CellObj::Cell(v) | CellObj::RefCell { value: v, .. } | CellObj::Rc { value: v, .. } => Some(v.clone()),
            CellObj::Weak { .. } => None,
        })?;
        self.value(&v, sync, d)
    }
}

fn rc_content(h: &Heap<CellObj>) -> Option<Value> {
    match &*h.read().ok()? {
        CellObj::Rc { value, .. } => Some(value.clone()),
        _ => None,
    }
}

fn coll_items(c: &Collection) -> Vec<Value> {
    match c {
        Collection::HashMap(m) => m.iter().flat_map(|(k, v)| [k.0.clone(), v.clone()]).collect(),
        Collection::HashSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        Collection::BTreeMap(m) => m.iter().flat_map(|(k, v)| [k.0.clone(), v.clone()]).collect(),
        Collection::BTreeSet(s) => s.iter().map(|k| k.0.clone()).collect(),
        Collection::VecDeque(q) => q.iter().cloned().collect(),
        Collection::BinaryHeap(v) => v.clone(),
        Collection::Ordered(o) => o.keys.iter().chain(&o.vals).cloned().collect(),
    }
}

/// A Rust type for a value, as far as the value shows it.
fn describe(v: &Value, depth: u32) -> String {
    if depth > 4 {
        return "_".into();
    }
    if let Value::Cell(h) = v {
        let Ok(c) = h.read() else { return "_".into() };
        return match &*c {
            CellObj::Rc { value, atomic, .. } => format!("{}<{}>", if *atomic { "Arc" } else { "Rc" }, describe(value, depth + 1)),
            CellObj::Weak { atomic, .. } => if *atomic { "std::sync::Weak<_>" } else { "std::rc::Weak<_>" }.into(),
            CellObj::Cell(x) => format!("Cell<{}>", describe(x, depth + 1)),
            CellObj::RefCell { value, .. } => format!("RefCell<{}>", describe(value, depth + 1)),
        };
    }
    if let Value::Vec(h) = v {
        let first = h.read().ok().and_then(|o| if o.is_array { None } else { o.items.first().cloned() });
        if let Some(f) = first {
            return format!("Vec<{}>", describe(&f, depth + 1));
        }
    }
    crate::session::runtime_type_name(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{IntTy, VecObj};

    fn int(n: i64) -> Value {
        Value::Int(n, IntTy::I32)
    }
    fn rc(v: Value, atomic: bool) -> Value {
        Value::Cell(Heap::new(CellObj::Rc { value: v, strong: 1, weak: 0, atomic }))
    }
    fn vec(items: Vec<Value>) -> Value {
        Value::Vec(Heap::new(VecObj { items, is_array: false }))
    }

    #[test]
    fn plain_values_are_send() {
        assert_eq!(not_send(&int(1)), None);
        assert_eq!(not_send(&vec(vec![int(1), int(2)])), None);
        assert_eq!(not_send(&rc(int(1), true)), None);
    }

    #[test]
    fn rc_anywhere_is_not_send() {
        assert_eq!(not_send(&rc(vec(vec![int(1)]), false)).as_deref(), Some("Rc<Vec<i32>>"));
        let t = Value::Tuple(Heap::new(vec![int(1), rc(int(2), false)]));
        assert_eq!(not_send(&t).as_deref(), Some("Rc<i32>"));
        let weak = Value::Cell(Heap::new(CellObj::Weak {
            target: Heap::new(CellObj::Rc { value: int(3), strong: 1, weak: 1, atomic: false }),
            atomic: false,
        }));
        assert_eq!(not_send(&vec(vec![weak])).as_deref(), Some("std::rc::Weak<i32>"));
    }

    #[test]
    fn cells_are_send_but_not_shared_through_arc() {
        let cell = Value::Cell(Heap::new(CellObj::RefCell { value: int(1), borrow: 0 }));
        assert_eq!(not_send(&cell), None);
        let p = send_problem(&rc(cell, true), &|_| None);
        assert_eq!(p.as_ref().map(SendProblem::message).as_deref(), Some("`RefCell<i32>` cannot be shared between threads safely"));
        let c = Value::Cell(Heap::new(CellObj::Cell(int(1))));
        assert_eq!(not_send(&rc(c, true)).as_deref(), Some("Cell<i32>"));
    }

    #[test]
    fn borrow_guards_are_not_send() {
        let cell = Heap::new(CellObj::RefCell { value: int(1), borrow: 1 });
        let guard = Value::Ref(std::sync::Arc::new(Place::CellContent(cell)));
        assert!(not_send(&guard).is_some_and(|d| d.contains("guard")));
    }

    #[test]
    fn closures_are_judged_by_their_captures() {
        let f = Value::Func(std::sync::Arc::new(Callable::Closure { func: 0, captures: vec![int(1), rc(int(2), false)], released: Default::default() }));
        assert_eq!(not_send(&f).as_deref(), Some("Rc<i32>"));
    }

    #[test]
    fn cycles_and_depth_terminate() {
        let h = Heap::new(VecObj { items: vec![int(1)], is_array: false });
        if let Ok(mut o) = h.write() {
            o.items.push(Value::Vec(h.clone()));
        }
        assert_eq!(not_send(&Value::Vec(h.clone())), None);
        if let Ok(mut o) = h.write() {
            o.items.clear();
        }
        let mut deep = int(0);
        for _ in 0..200 {
            deep = Value::Tuple(Heap::new(vec![deep]));
        }
        assert_eq!(not_send(&deep), None);
    }
}
