//! Calls of plain twins' commonest cases that the dispatch loop does in place, without the
//! twin's call (`call::site_plain_recv` does the general case): `s.push_str(t)` after a
//! `MovRecv` of `s` (`push_str_recv`), and `s.push_str(v[i])`, whose `Index` writes the
//! argument register (`push_str_elem`). Each answers false having changed nothing when its
//! case does not apply, and the instructions then run as usual.

use super::fiber::Fiber;
use super::method_cache::NATIVE_BIT;
use super::program::tid;
use crate::builtins;
use crate::value::Value;

/// The cache word of a method site whose cache holds `String::push_str` for a string
/// receiver: `s.push_str(t)` after a `MovRecv` of `s` runs in the dispatch loop itself
/// (`builtins::plain::push_str_to`, the twin's body), without `site_plain_recv`.
#[inline(always)]
pub fn str_push_str_word() -> u64 {
    ((u64::from(tid::STR) + 1) << 32) | u64::from(builtins::registry::registry().str_push_str) | NATIVE_BIT
}

/// `site_plain_recv` of `s.push_str(t)` (the site's cache word is `str_push_str_word`, two
/// arguments) when the window's first register and the result's hold nothing to drop: the
/// twin's body (`builtins::plain::push_str_to`) on the receiver in register `recv` and the
/// argument in `nb + 1`, then the window's first register and the result `Unit`, as
/// `site_plain_recv` leaves them. False with nothing done in every other case.
#[inline(never)]
pub fn push_str_recv(fiber: &mut Fiber, recv: usize, nb: usize, ret: usize) -> bool {
    let stack = &mut fiber.stack[..];
    let (Some(s), Some(t), Some(w), Some(r)) = (stack.get(recv), stack.get(nb + 1), stack.get(nb), stack.get(ret)) else { return false };
    if !crate::value::is_plain(w) || !crate::value::is_plain(r) || !builtins::plain::push_str_to(s, t) {
        return false;
    }
    // (Plain values: nothing to drop, no drop glue run.)
    std::mem::forget(std::mem::replace(&mut stack[nb], Value::Unit));
    std::mem::forget(std::mem::replace(&mut stack[ret], Value::Unit));
    // (As `native_into`: set only by a blocking native's earlier attempt.)
    if fiber.native_state.is_some() {
        fiber.native_state = None;
    }
    true
}

/// `push_str_recv` of `s.push_str(v[i])` whose argument register `nb + 1` the `Index` before
/// the `MovRecv` writes (the dispatch loop's `Index` arm: a temporary that nothing reads
/// after the call): the element of the vector in register `obj` at the integer in register
/// `idx` is appended where it is, under the vector's read lock, instead of its handle being
/// copied into the register (and the register's old handle dropped). True with the window's
/// first register and the result `Unit`; false, nothing done, when the element is not an
/// in-range string or `push_str_recv` would say false.
#[inline(never)]
pub fn push_str_elem(fiber: &mut Fiber, obj: usize, idx: usize, recv: usize, nb: usize, ret: usize) -> bool {
    let stack = &mut fiber.stack[..];
    let (Some(Value::Vec(v)), Some(&Value::Int(i, _)), Some(s), Some(w), Some(r)) = (stack.get(obj), stack.get(idx), stack.get(recv), stack.get(nb), stack.get(ret)) else { return false };
    if i < 0 || recv == nb || recv == nb + 1 || !crate::value::is_plain(w) || !crate::value::is_plain(r) {
        return false;
    }
    let done = v.peek(|o| o.items.get(i as usize).is_some_and(|t| builtins::plain::push_str_to(s, t))).unwrap_or(false);
    if !done {
        return false;
    }
    // (Plain values: nothing to drop, no drop glue run.)
    std::mem::forget(std::mem::replace(&mut stack[nb], Value::Unit));
    std::mem::forget(std::mem::replace(&mut stack[ret], Value::Unit));
    if fiber.native_state.is_some() {
        fiber.native_state = None;
    }
    true
}
