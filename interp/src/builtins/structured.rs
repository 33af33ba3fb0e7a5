//! Structured concurrency's natives: a *task group*, the set of child tasks behind the
//! prelude's `TaskGroup` and `Nursery` (`prelude/structured.rs`).
//!
//! A group is a list of `JoinSlot`s in spawn order, a cancelled flag, and a `WaitQueue` of
//! the tasks waiting for "some child finished or a child was added". Two kinds of handles
//! share one `GroupCore`:
//! - the *owner* (`__group_new`): when its last handle dies, every child still running is
//!   aborted (a `TaskGroup` dropped before `join_all`, a nursery whose own task was cancelled);
//! - a *shared* handle (`__group_share`): what a nursery's body and children hold, so that a
//!   child can spawn siblings without keeping the group alive past its scope.
//!
//! A nursery's owner (`__nursery_new`) also *drains*: a drop cannot wait, so when it dies with
//! children still running inside `dropped_during` (the losers of a `select!` or `timeout`
//! being unwound by `inline_fut`), its group is handed to that caller, which waits for the
//! aborted children to end before it gives its result (Trio: a cancelled nursery still waits
//! for its children). A `TaskGroup` does not (tokio's `JoinSet` aborts and does not wait).
//! A nursery's owner that dies elsewhere with children still running (a nursery future polled
//! by hand from a user `Future::poll`, then dropped) is an *orphan* of the task that dropped
//! it: that task's next `__nursery_drain()` (called by the prelude's `__poll_user` after each
//! poll of a user future, so before a hand-written `.await` goes on or completes) waits until
//! the orphans' children ended.
//!
//! Natives: `__group_new() -> Group`, `__group_share(&g) -> Group`, `__group_add(&g, h)`
//! (h from `__task_spawn`; a child added to a cancelled group is aborted at once),
//! `__group_len(&g) -> usize`, `__group_cancel(&g)` (every child),
//! `__group_cancel_children(&g)` (all but the body), `__group_set_body(&g, task id)`,
//! `__group_is_cancelled(&g) -> bool`,
//! `__group_join_next(&g) -> Option<Result<T, (String, bool, bool)>>` (the oldest child, blocking
//! until it ended: `TaskGroup::join_all`), `__group_wait_any(&g) -> Option<(u64, Result<T,
//! (String, bool, bool)>)>` (any ended child with its task id, blocking until one ended or a child
//! was added: the nursery's loop), `__is_result_err(&v) -> bool`, `__nursery_drain()` (wait
//! for the calling task's orphans).
//! Every blocking one is an await point (an aborted task stops there); a task aborted while
//! it waits in `__group_wait_any` first cancels the group and waits for every child to end.

use super::async_task::{abort_slot, check_cancel, join_result, TaskObj};
use super::registry::Registry;
use super::util::{self, arg, R};
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::threads::JoinSlot;
use crate::value::{IntTy, Value};
use parking_lot::Mutex;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::Waker;
use teras_stdlib::sched::{Blocked, WaitQueue};

/// The children of a group and who waits for them.
#[derive(Debug, Default)]
pub struct GroupCore {
    st: Mutex<GroupState>,
    /// Woken when a child is added (a waiting nursery must also watch the new child).
    added: WaitQueue,
}

#[derive(Debug, Default)]
struct GroupState {
    /// Children not yet collected, in spawn order.
    tasks: VecDeque<Arc<JoinSlot>>,
    cancelled: bool,
    /// The task id of a nursery's body, which `cancel_children` spares.
    body: Option<u64>,
}

impl GroupCore {
    /// Cancel: mark the group and abort every child still running (but the body when
    /// `spare_body`).
    fn cancel(&self, spare_body: bool) {
        self.abort(true, spare_body);
    }

    /// Abort every child still running (but the body when `spare_body`); `mark`: the group
    /// is cancelled too (children added later are aborted at once). Without it, a `JoinSet`'s
    /// `abort_all`: later children run.
    fn abort(&self, mark: bool, spare_body: bool) {
        let running: Vec<Arc<JoinSlot>> = {
            let mut s = self.st.lock();
            s.cancelled |= mark;
            let body = if spare_body { s.body } else { None };
            s.tasks.iter().filter(|t| !t.is_finished() && Some(t.thread.id) != body).cloned().collect()
        };
        for t in running {
            abort_slot(&t);
        }
    }
}

/// A handle on a group: `owner` ones cancel it when they die; a nursery's owner (`drains`)
/// also hands the group to `dropped_during`'s caller, to be waited for.
#[derive(Debug)]
pub struct Group {
    core: Arc<GroupCore>,
    owner: bool,
    drains: bool,
}

impl Drop for Group {
    fn drop(&mut self) {
        if self.owner {
            self.core.cancel(false);
            if self.drains && !self.core.ended() {
                let core = self.core.clone();
                let taken = DROPPED
                    .try_with(|d| match d.borrow_mut().as_mut() {
                        Some(v) => {
                            v.push(core.clone());
                            true
                        }
                        None => false,
                    })
                    .unwrap_or(false);
                if !taken {
                    adopt_orphan(core);
                }
            }
        }
    }
}

impl GroupCore {
    /// Every child ended.
    fn ended(&self) -> bool {
        self.st.lock().tasks.iter().all(|t| t.is_finished())
    }
}

thread_local! {
    /// Nurseries dropped with running children while `dropped_during` runs on this thread.
    static DROPPED: RefCell<Option<Vec<Arc<GroupCore>>>> = const { RefCell::new(None) };
}

/// Run `f` (which unwinds futures); also return the nurseries whose owner died in it with
/// children still running (already aborted): the caller must wait for them (`all_ended`)
/// before it gives its result.
pub fn dropped_during<T>(f: impl FnOnce() -> T) -> (T, Vec<Arc<GroupCore>>) {
    let prev = DROPPED.with(|d| d.borrow_mut().replace(Vec::new()));
    let r = f();
    let got = DROPPED.with(|d| std::mem::replace(&mut *d.borrow_mut(), prev));
    (r, got.unwrap_or_default())
}

/// Nurseries dropped with children running outside `dropped_during`, with the id of the task
/// that dropped them (see the module doc); `ORPHAN_COUNT` is their number, the fast path of
/// `__nursery_drain`.
static ORPHANS: Mutex<Vec<(u64, Arc<GroupCore>)>> = Mutex::new(Vec::new());
static ORPHAN_COUNT: AtomicUsize = AtomicUsize::new(0);

fn current_task() -> u64 {
    crate::runtime::threads::current().map_or(0, |t| t.id)
}

fn adopt_orphan(core: Arc<GroupCore>) {
    let mut o = ORPHANS.lock();
    // Orphans nobody drained (their task never polled a user future again) go once their
    // children ended: the list holds only groups with children still running.
    o.retain(|(_, g)| !g.ended());
    o.push((current_task(), core));
    ORPHAN_COUNT.store(o.len(), Ordering::SeqCst);
}

/// `__nursery_drain()`: block until the children of the nurseries the calling task dropped
/// (outside `dropped_during`) ended. Not cancellable: a nursery never outlives its children.
/// The groups still waited for are kept in `cx.state` (the task may resume on another OS
/// thread).
fn nursery_drain(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let mut mine: Vec<Arc<GroupCore>> = match cx.state.take().map(|b| b.downcast::<Vec<Arc<GroupCore>>>()) {
        Some(Ok(b)) => *b,
        _ => Vec::new(),
    };
    // SeqCst: pairs with the store in `adopt_orphan` (a drop earlier in this same task).
    if ORPHAN_COUNT.load(Ordering::SeqCst) > 0 {
        let me = current_task();
        let mut o = ORPHANS.lock();
        let mut i = 0;
        while i < o.len() {
            if o.get(i).is_some_and(|(id, _)| *id == me) {
                mine.push(o.swap_remove(i).1);
            } else {
                i += 1;
            }
        }
        ORPHAN_COUNT.store(o.len(), Ordering::SeqCst);
    }
    if mine.is_empty() || all_ended(&mine, cx.waker) {
        return Ok(Value::Unit);
    }
    *cx.state = Some(Box::new(mine));
    Err(NativeError::Block(Blocked::on("nursery (dropped: awaiting its cancelled children)")))
}

/// Whether every child of these groups ended; if not, `w` is woken when one does.
pub fn all_ended(groups: &[Arc<GroupCore>], w: &Waker) -> bool {
    let mut done = true;
    for g in groups {
        let tasks: Vec<Arc<JoinSlot>> = g.st.lock().tasks.iter().cloned().collect();
        for t in &tasks {
            done &= t.done_or_register(w);
        }
    }
    done
}

fn group_value(core: Arc<GroupCore>, owner: bool) -> Value {
    Value::Native(Arc::new(Box::new(Group { core, owner, drains: false })))
}

fn core_of(args: &[Value], i: usize) -> R<Arc<GroupCore>> {
    let v = util::deref(&arg(args, i)?)?;
    match &v {
        Value::Native(b) => b.downcast_ref::<Group>().map(|g| g.core.clone()).ok_or_else(|| util::type_error("task group", &v)),
        _ => Err(util::type_error("task group", &v)),
    }
}

/// `__group_new()` (aux 0: a `TaskGroup`), `__nursery_new()` (aux 1: a nursery, which drains).
fn group_new(_: &mut NativeCx<'_>, _: &mut [Value], aux: u32) -> NativeResult {
    Ok(Value::Native(Arc::new(Box::new(Group { core: Arc::new(GroupCore::default()), owner: true, drains: aux == 1 }))))
}

fn group_share(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(group_value(core_of(args, 0)?, false))
}

fn group_add(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let core = core_of(args, 0)?;
    let h = arg(args, 1)?;
    let slot = match &h {
        Value::Native(b) => b.downcast_ref::<TaskObj>().map(|t| t.0.clone()),
        _ => None,
    }
    .ok_or_else(|| util::type_error("task handle", &h))?;
    let cancelled = {
        let mut s = core.st.lock();
        s.tasks.push_back(slot.clone());
        s.cancelled
    };
    if cancelled {
        abort_slot(&slot);
    }
    core.added.notify_all();
    Ok(Value::Unit)
}

/// `__group_len(&g)` (aux 0): children not collected; `__group_is_cancelled(&g)` (aux 1);
/// `__group_cancel(&g)` (aux 2): abort every child; `__group_cancel_children(&g)` (aux 3):
/// every child but the nursery's body; `__group_abort_running(&g)` (aux 4): abort the
/// children running now, the group not cancelled (`JoinSet::abort_all`).
fn group_misc(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let core = core_of(args, 0)?;
    Ok(match aux {
        0 => Value::usize(core.st.lock().tasks.len()),
        1 => Value::Bool(core.st.lock().cancelled),
        4 => {
            core.abort(false, false);
            Value::Unit
        }
        _ => {
            core.cancel(aux == 3);
            Value::Unit
        }
    })
}

/// `__group_set_body(&g, id)`: task `id` is the nursery's body.
fn group_set_body(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let core = core_of(args, 0)?;
    let id = util::usize_of(&arg(args, 1)?)? as u64;
    core.st.lock().body = Some(id);
    Ok(Value::Unit)
}

/// Block the calling task at an await point (`abort` can wake it too).
fn block(cx: &NativeCx<'_>, what: &'static str) -> NativeError {
    super::async_task::abortable(cx);
    NativeError::Block(Blocked::on(what))
}

/// The oldest child's result once it ended (`None`: no child left).
fn group_join_next(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    check_cancel()?;
    let core = core_of(args, 0)?;
    let front = core.st.lock().tasks.front().cloned();
    let Some(slot) = front else { return Ok(util::none(cx)) };
    if !slot.done_or_register(cx.waker) {
        return Err(block(cx, "TaskGroup::join_all (awaiting a task)"));
    }
    {
        let mut s = core.st.lock();
        if s.tasks.front().is_some_and(|t| Arc::ptr_eq(t, &slot)) {
            s.tasks.pop_front();
        }
    }
    let r = join_result(cx, slot.try_join(cx.waker));
    Ok(util::some(cx, r))
}

/// Remove and return the first ended child, if any.
fn take_finished(core: &GroupCore) -> Option<Arc<JoinSlot>> {
    let mut s = core.st.lock();
    let i = s.tasks.iter().position(|t| t.is_finished())?;
    s.tasks.remove(i)
}

/// The task waiting in a nursery was cancelled: cancel every child and stop (raise the
/// cancellation) only once they all ended, as a Trio nursery never returns before its
/// children did.
fn cancelled_nursery(cx: &NativeCx<'_>, core: &GroupCore) -> NativeResult {
    core.cancel(false);
    let tasks: Vec<Arc<JoinSlot>> = core.st.lock().tasks.iter().cloned().collect();
    let mut running = false;
    for t in &tasks {
        running |= !t.done_or_register(cx.waker);
    }
    if running {
        return Err(block(cx, "nursery (awaiting its cancelled children)"));
    }
    check_cancel().map(|()| Value::Unit)
}

/// Any ended child as `(task id, result)`, in the order they are found ended (`None`: no
/// child left).
fn group_wait_any(cx: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let core = core_of(args, 0)?;
    if check_cancel().is_err() {
        return cancelled_nursery(cx, &core);
    }
    let mut done = take_finished(&core);
    if done.is_none() {
        if core.st.lock().tasks.is_empty() {
            return Ok(util::none(cx));
        }
        // Register everywhere, then look again (no lost wake-up).
        core.added.register(cx.waker);
        let tasks: Vec<Arc<JoinSlot>> = core.st.lock().tasks.iter().cloned().collect();
        for t in &tasks {
            t.done_or_register(cx.waker);
        }
        done = take_finished(&core);
    }
    let Some(slot) = done else { return Err(block(cx, "nursery (awaiting its children)")) };
    let id = i64::try_from(slot.thread.id).unwrap_or(i64::MAX);
    let r = join_result(cx, slot.try_join(cx.waker));
    Ok(util::some(cx, util::pair(Value::int(id, IntTy::U64), r)))
}

/// `__is_result_err(&v)`: is `v` a `Result::Err`? (A nursery child's error, whatever its
/// output type.)
fn is_result_err(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    let v = util::deref(&arg(args, 0)?)?;
    let is_err = match &v {
        Value::Adt(h) => {
            let o = h.read().map_err(util::conflict)?;
            o.def.name == "Result" && o.def.variants.get(o.variant as usize).is_some_and(|var| var.name == "Err")
        }
        _ => false,
    };
    Ok(Value::Bool(is_err))
}

pub fn register(r: &mut Registry) {
    r.func("__group_new", group_new);
    r.func_aux("__nursery_new", group_new, 1);
    r.func("__group_share", group_share);
    r.func("__group_add", group_add);
    r.func_aux("__group_len", group_misc, 0);
    r.func_aux("__group_is_cancelled", group_misc, 1);
    r.func_aux("__group_cancel", group_misc, 2);
    r.func_aux("__group_cancel_children", group_misc, 3);
    r.func_aux("__group_abort_running", group_misc, 4);
    r.func("__group_set_body", group_set_body);
    r.func("__group_join_next", group_join_next);
    r.func("__group_wait_any", group_wait_any);
    r.func("__is_result_err", is_result_err);
    r.func("__nursery_drain", nursery_drain);
}

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    #[test]
    fn task_group_joins_in_spawn_order() {
        let src = r#"
            #[tokio::main]
            async fn main() {
                let mut g = TaskGroup::new();
                for i in 0..4u64 {
                    g.spawn(async move {
                        tokio::time::sleep(std::time::Duration::from_millis(8 - 2 * i)).await;
                        i
                    });
                }
                println!("{:?}", g.join_all().await);
            }
        "#;
        let (out, _) = run_program(src);
        assert_eq!(out, "[0, 1, 2, 3]\n");
    }

    #[test]
    fn a_failing_child_cancels_the_nursery() {
        let src = r#"
            #[tokio::main]
            async fn main() {
                let r: Result<i32, String> = nursery(|n| async move {
                    n.spawn(async {
                        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                        Ok::<(), String>(())
                    });
                    n.spawn(async { Err::<(), String>("no".to_string()) });
                    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                    Ok(1)
                }).await;
                println!("{:?}", r);
                let ok = nursery(|n| async move { n.spawn(async {}); 5 }).await;
                println!("{}", ok);
            }
        "#;
        let (out, _) = run_program(src);
        assert_eq!(out, "Err(\"no\")\n5\n");
    }

    #[test]
    fn a_nursery_dropped_by_a_hand_written_poll_waits_for_its_children() {
        let src = r#"
            use std::future::Future;
            use std::pin::Pin;
            use std::task::{Context, Poll};
            use std::sync::atomic::{AtomicBool, Ordering};
            static LOG: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
            static STARTED: AtomicBool = AtomicBool::new(false);
            struct Noisy(&'static str);
            impl Drop for Noisy {
                fn drop(&mut self) { LOG.lock().unwrap().push(self.0); }
            }
            // Polls the nursery until its child started, then is ready (and dropped).
            struct Once<F> { fut: Pin<Box<F>> }
            impl<F: Future> Future for Once<F> {
                type Output = bool;
                fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
                    let _ = self.fut.as_mut().poll(cx);
                    if STARTED.load(Ordering::SeqCst) { return Poll::Ready(true); }
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
            }
            #[tokio::main]
            async fn main() {
                let o = Once { fut: Box::pin(nursery(|n| async move {
                    n.spawn(async {
                        let _c = Noisy("child");
                        STARTED.store(true, Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                    });
                    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
                })) };
                let n = o.await;
                println!("{} {:?}", n, LOG.lock().unwrap());
            }
        "#;
        let (out, _) = run_program(src);
        assert_eq!(out, "true [\"child\"]\n");
    }

    #[test]
    fn owner_handle_cancels_on_drop_shared_does_not() {
        use super::{group_value, Group, GroupCore};
        use std::sync::Arc;
        let core = Arc::new(GroupCore::default());
        drop(group_value(core.clone(), false));
        assert!(!core.st.lock().cancelled, "a shared handle leaves the group alone");
        drop(Group { core: core.clone(), owner: true, drains: false });
        assert!(core.st.lock().cancelled, "the owner cancels it");
    }
}
