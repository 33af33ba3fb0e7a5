//! `for` loops: turning a value into an iterator (`IterInit`) and stepping it (`IterNext`).
//!
//! Std values become native iterators (`builtins::iter`), stepped without calling TERAS code.
//! A user type implementing `Iterator` is stepped by calling its `next` (the dispatch loop
//! pushes the frame and re-executes `IterNext` with the result); a user `IntoIterator` is
//! converted by calling its `into_iter`.

use super::program::type_id_of;
use super::Ctx;
use crate::value::Value;

/// What `IterInit` found.
pub enum IntoIter {
    /// An iterator value to step.
    Ready(Value),
    /// Call this `into_iter` function on the value (given back).
    Call(u32, Value),
}

/// What one `IterNext` step found.
pub enum Step {
    Item(Value),
    Done,
    /// Call this `next` function on the iterator.
    Call(u32),
}

fn user_method(cx: &Ctx<'_>, v: &Value, name: &str) -> Option<u32> {
    let sym = cx.prog.symbols.get(name)?;
    cx.prog.methods.get(&(type_id_of(v), sym)).copied()
}

pub fn into_iter(cx: &Ctx<'_>, v: Value) -> Result<IntoIter, String> {
    let mut inner = match &v {
        Value::Ref(_) => super::place::read_ref(&v).map_err(|e| e.0)?,
        _ => v.clone(),
    };
    // A user iterator's `next` takes `&mut self`: an inline `Tag` becomes an object first
    // (written back through a `&mut it`, so that the loop advances the caller's value).
    if inner.promote() {
        if let Value::Ref(_) = &v {
            super::place::write_ref(&v, inner.clone()).map_err(|e| e.0)?;
        }
    }
    if let Value::Adt(_) = &inner {
        if user_method(cx, &inner, "next").is_some() {
            return Ok(IntoIter::Ready(inner));
        }
        if let Some(f) = user_method(cx, &inner, "into_iter") {
            return Ok(IntoIter::Call(f, inner));
        }
    }
    match crate::builtins::iter::into_iter_value(&v) {
        Ok(it) => Ok(IntoIter::Ready(it)),
        Err(crate::builtins::NativeError::Panic(m)) => Err(m),
        Err(crate::builtins::NativeError::Exit(_)) => Err("internal error: exit in into_iter".into()),
        Err(crate::builtins::NativeError::Block(_)) => Err("internal error: blocked in into_iter".into()),
    }
}

pub fn next(cx: &Ctx<'_>, it: &Value) -> Result<Step, String> {
    match it {
        Value::Iter(h) => {
            let mut g = h.write().map_err(|_| "already borrowed: BorrowMutError".to_string())?;
            match crate::builtins::iter::step(&mut g, false) {
                Ok(Some(v)) => Ok(Step::Item(v)),
                Ok(None) => Ok(Step::Done),
                Err(crate::builtins::NativeError::Panic(m)) => Err(m),
                Err(_) => Err("internal error: exit in next".into()),
            }
        }
        other => match user_method(cx, other, "next") {
            Some(f) => Ok(Step::Call(f)),
            None => Err(format!("{} is not an iterator", super::format::type_name_of(other))),
        },
    }
}

/// `Some(payload)` for `Option` values: `Some(Some(x))` / `Some(None)`.
pub fn option_payload(v: &Value) -> Option<Option<Value>> {
    crate::builtins::util::as_option(v)
}
