//! Drop glue: what happens when a value dies (scope end, reassignment, `drop(x)`).
//!
//! Only programs that need it pay for it (`Program::needs_drop_walk`: the program has a user
//! `Drop` impl or uses `Rc`/`RefCell`). A dying value is walked: a user struct or enum with
//! `impl Drop` gets its `drop(&mut self)` called first, then its fields are dropped in
//! declaration order; vectors and tuples drop their elements in order; an `Rc` decrements its
//! strong count and drops its content at zero; a `RefCell` borrow guard releases its borrow.
//! User `drop` methods run as nested runs of the fiber (bounded like formatting hooks).

use super::fiber::Fiber;
use super::program::type_id_of;
use super::{Ctx, Fault};
use crate::value::{CellObj, Collection, Value};

/// How deep drop glue may recurse into nested values.
const MAX_DROP_DEPTH: usize = 10_000;

/// Drop `v`. `_top` is the first free register above the current frame.
pub fn drop_value(fiber: &mut Fiber, cx: &mut Ctx<'_>, v: Value, _top: usize) -> Result<(), Fault> {
    if !cx.prog.needs_drop_walk {
        return Ok(());
    }
    walk(fiber, cx, v, 0)
}

fn walk(fiber: &mut Fiber, cx: &mut Ctx<'_>, v: Value, depth: usize) -> Result<(), Fault> {
    if depth > MAX_DROP_DEPTH {
        return Ok(());
    }
    match &v {
        Value::Adt(h) => {
            let t = type_id_of(&v);
            if let Some(&f) = cx.prog.drops.get(&t) {
                super::format::call_nested(fiber, cx, f, vec![v.clone()])?;
            }
            // Only the last owner drops the fields.
            if h.handle_count() <= 2 {
                let fields = h.write().map(|mut o| std::mem::take(&mut o.fields)).unwrap_or_default();
                for f in fields {
                    walk(fiber, cx, f, depth + 1)?;
                }
            }
        }
        Value::Vec(h) => {
            if h.handle_count() <= 2 {
                let items = h.write().map(|mut o| std::mem::take(&mut o.items)).unwrap_or_default();
                for x in items {
                    walk(fiber, cx, x, depth + 1)?;
                }
            }
        }
        Value::Tuple(h) => {
            if h.handle_count() <= 2 {
                let items = h.write().map(|mut o| std::mem::take(&mut *o)).unwrap_or_default();
                for x in items {
                    walk(fiber, cx, x, depth + 1)?;
                }
            }
        }
        Value::Coll(h) => {
            if h.handle_count() <= 2 {
                let items: Vec<Value> = match h.write() {
                    Ok(mut g) => match &mut *g {
                        Collection::HashMap(m) => std::mem::take(m).into_iter().flat_map(|(k, v)| [k.0, v]).collect(),
                        Collection::BTreeMap(m) => std::mem::take(m).into_iter().flat_map(|(k, v)| [k.0, v]).collect(),
                        Collection::VecDeque(d) => std::mem::take(d).into_iter().collect(),
                        Collection::BinaryHeap(d) => std::mem::take(d),
                        Collection::HashSet(s) => std::mem::take(s).into_iter().map(|k| k.0).collect(),
                        Collection::BTreeSet(s) => std::mem::take(s).into_iter().map(|k| k.0).collect(),
                    },
                    Err(_) => Vec::new(),
                };
                for x in items {
                    walk(fiber, cx, x, depth + 1)?;
                }
            }
        }
        Value::Cell(h) => {
            let is_rc = matches!(h.read().as_deref(), Ok(CellObj::Rc { .. }));
            if is_rc {
                if let Some(content) = crate::builtins::rc_release(h) {
                    walk(fiber, cx, content, depth + 1)?;
                }
            } else if h.handle_count() <= 2 {
                let inner = match h.read().as_deref() {
                    Ok(CellObj::Cell(x)) => Some(x.clone()),
                    Ok(CellObj::RefCell { value, .. }) => Some(value.clone()),
                    _ => None,
                };
                if let Some(x) = inner {
                    walk(fiber, cx, x, depth + 1)?;
                }
            }
        }
        Value::Ref(_) => crate::builtins::release_guard(&v),
        _ => {}
    }
    Ok(())
}
