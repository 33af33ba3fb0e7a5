//! `Once::call_once_force`'s native: `__once_begin_force(once) -> Option<(guard, bool)>`,
//! `__once_begin` (`sync/once.rs`) for an initialiser that also runs when the `Once` is
//! poisoned. `Some((guard, poisoned))` when the caller runs it (`poisoned`: an earlier
//! initialiser panicked, what `OnceState::is_poisoned` reports), `None` when the `Once` is
//! complete; it blocks while another caller runs an initialiser. The prelude
//! (`prelude/lazy.rs`) finishes it with `__once_finish(guard)`.

use super::sync::once::{OnceHandle, OnceObj};
use super::sync::{native_arg, storage, CoreRef};
use super::util;
use super::{NativeCx, NativeError, NativeResult};
use crate::heap::Heap;
use crate::value::{Place, Value};
use std::sync::Arc;
use teras_stdlib::sched::Blocked;
use teras_stdlib::sync::Begin;

fn begin_force(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let once = native_arg(args, 0).and_then(|b| b.downcast_ref::<OnceHandle>().map(|h| h.0.clone()));
    let Some(o) = once else { return Err(util::panic("type error: Once expected")) };
    let OnceObj::Once(state) = &*o else { return Err(util::panic("type error: Once expected")) };
    let poisoned = state.is_poisoned();
    match state.begin(cx.waker, true) {
        Begin::Run => {
            let store = storage(Value::Unit, CoreRef::Once(o.clone()));
            let guard = Value::Ref(Arc::new(Place::Field(store, 0)));
            Ok(util::some(cx, Value::Tuple(Heap::new(vec![guard, Value::Bool(poisoned)]))))
        }
        Begin::Done => Ok(util::none(cx)),
        Begin::Wait | Begin::Poisoned => Err(NativeError::Block(Blocked::on("Once::call_once_force"))),
    }
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__once_begin_force", begin_force);
}
