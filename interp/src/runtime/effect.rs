//! Effect handlers at run time: the rendezvous between a handled computation and its
//! handler, and the handler stack of every TERAS thread.
//!
//! `handle { body } with h` runs `body` as a child fiber held by a `Link`, on the handling
//! fiber's OS thread: the handling fiber's `__eff_next` runs the child in place (a nested
//! `vm::run`, a fiber switch without a new OS thread) until it performs an op, ends, or
//! blocks on something else (then the handling fiber blocks with the same `Blocked`, and its
//! waker, which the child used, brings it back):
//! - the child performs `E::op(args)`: it finds the innermost `Link` of effect `E` in its
//!   handler stack, posts `(op, args)` there (a new sequence number) and blocks until it is
//!   resumed or aborted, which returns control to whoever runs it;
//! - the handling fiber takes the posted op (`take_op`) and runs the handler's clause;
//!   `resume(v)` hands `v` to the child (`resume`, one-shot: checked by sequence number)
//!   and runs it again until its next op or its end (deep handlers);
//! - a clause that returns without resuming aborts the child (`abort_unresumed`, then the
//!   `__eff_settle` native runs it once more): its pending perform
//!   fails with the async runtime's `CANCELLED` marker, so the child fiber unwinds silently
//!   and its `Drop` impls run.
//!
//! Handler stacks: each thread (keyed by its `ThreadInfo`) has the list of links it may
//! perform to, innermost last. A child's stack is its creator's stack plus its own link, so
//! an op of another effect performed in the body, or an op performed by a handler clause
//! (which runs in the handling fiber), reaches the outer handlers.
//!
//! Blocking follows `teras_stdlib::sched`: register the waker, check again, `Block`.

use super::threads::{self, ThreadInfo};
use crate::vm::fiber::Fiber;
use crate::value::Value;
use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};
use std::task::Waker;
use teras_stdlib::sched::WaitQueue;

/// The handlers visible to one thread, innermost last.
pub type Stack = Vec<Arc<Link>>;

static STACKS: LazyLock<Mutex<HashMap<usize, Stack>>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The key of the current TERAS thread in the stack table.
fn current_key() -> usize {
    threads::current().map_or(0, |t| Arc::as_ptr(&t) as usize)
}

/// The current thread's handler stack (empty outside any handled computation).
pub fn current_stack() -> Stack {
    STACKS.lock().get(&current_key()).cloned().unwrap_or_default()
}

/// Make `link`'s stack (its creator's plus itself) the current thread's.
pub fn enter(link: &Arc<Link>) {
    let mut s = link.outer.clone();
    s.push(link.clone());
    STACKS.lock().insert(current_key(), s);
}

/// The innermost handler of `effect` visible to the current thread.
pub fn find(effect: &str) -> Option<Arc<Link>> {
    STACKS.lock().get(&current_key()).and_then(|s| s.iter().rev().find(|l| l.effect == effect).cloned())
}

/// Forget the stack of the child `info` (it ended).
pub fn forget(info: &Arc<ThreadInfo>) {
    STACKS.lock().remove(&(Arc::as_ptr(info) as usize));
}

/// A handled computation not yet finished: its fiber (not started while `f` is `Some`) and
/// its identity (its own handler stack is keyed by it).
#[derive(Debug)]
pub struct Child {
    pub fiber: Fiber,
    pub info: Arc<ThreadInfo>,
    pub f: Option<Value>,
}

#[derive(Debug, Default)]
struct State {
    /// An op posted by the child and not yet taken: (op name, arguments tuple).
    posted: Option<(String, Value)>,
    /// The sequence number of the latest op.
    seq: u64,
    /// The latest op was taken and awaits `resume` (or an abort).
    awaiting: bool,
    /// The value `resume` handed over, not yet taken by the child.
    resumed: Option<Value>,
    /// The handler returned without resuming: the child must unwind.
    aborted: bool,
    /// The name of the latest op (for messages).
    last_op: String,
}

/// One `handle ... with` in progress.
#[derive(Debug)]
pub struct Link {
    pub effect: String,
    /// The stack of the thread that runs the `handle` (the handlers outside this one).
    pub outer: Stack,
    state: Mutex<State>,
    /// Wakes whoever waits for an op (the handling fiber, when the child runs elsewhere).
    parent_q: WaitQueue,
    /// The child waits here for `resume` or an abort.
    child_q: WaitQueue,
    /// The child, while it has not ended (taken out while it runs).
    child: Mutex<Option<Child>>,
    /// The body left the enclosing function: by a `return` (code 0, the returned value), a
    /// `?` (1, the `Err`/`None` residual) or a `break`/`continue` (2 and up, see the parser's
    /// `Tunnel`; the break's value).
    exit: Mutex<Option<(usize, Value)>>,
}

/// An op the child posted: `seq` identifies it for `resume`.
pub struct Op {
    pub op: String,
    pub args: Value,
    pub seq: u64,
}

/// What the child finds while it waits on a perform.
pub enum Resumed {
    Value(Value),
    Aborted,
    Wait,
}

impl Link {
    pub fn new(effect: String) -> Arc<Link> {
        Arc::new(Link { effect, outer: current_stack(), state: Mutex::default(), parent_q: WaitQueue::new(), child_q: WaitQueue::new(), child: Mutex::new(None), exit: Mutex::new(None) })
    }

    /// The body leaves the enclosing function (see `exit`'s codes).
    pub fn set_exit(&self, code: usize, v: Value) {
        *self.exit.lock() = Some((code, v));
    }

    /// How the body left the enclosing function, taken.
    pub fn take_exit(&self) -> Option<(usize, Value)> {
        self.exit.lock().take()
    }

    /// Give the link its child (or back after running it).
    pub fn put_child(&self, c: Child) {
        *self.child.lock() = Some(c);
    }

    /// Take the child out to run it; `None` once it ended.
    pub fn take_child(&self) -> Option<Child> {
        self.child.lock().take()
    }

    /// The child posts an op; returns its sequence number.
    pub fn post(&self, op: String, args: Value) -> u64 {
        let seq = {
            let mut s = self.state.lock();
            s.seq += 1;
            s.last_op.clone_from(&op);
            s.posted = Some((op, args));
            s.awaiting = false;
            s.resumed = None;
            s.seq
        };
        self.parent_q.notify_all();
        seq
    }

    /// The child looks for its resumption.
    pub fn poll_resumed(&self, w: &Waker) -> Resumed {
        let check = |s: &mut State| {
            if s.aborted {
                Resumed::Aborted
            } else if let Some(v) = s.resumed.take() {
                Resumed::Value(v)
            } else {
                Resumed::Wait
            }
        };
        if let r @ (Resumed::Value(_) | Resumed::Aborted) = check(&mut self.state.lock()) {
            return r;
        }
        self.child_q.register(w);
        check(&mut self.state.lock())
    }

    /// Whether an op is posted and not taken.
    pub fn has_posted(&self) -> bool {
        self.state.lock().posted.is_some()
    }

    /// The op the child posted and nobody took yet (it now awaits `resume`).
    pub fn take_op(&self) -> Option<Op> {
        let mut s = self.state.lock();
        let (op, args) = s.posted.take()?;
        s.awaiting = true;
        Some(Op { op, args, seq: s.seq })
    }

    /// `resume(v)` for op `seq`: `Err` with the op's name when that op was already resumed
    /// (or is not the latest one).
    pub fn resume(&self, seq: u64, v: Value) -> Result<(), String> {
        {
            let mut s = self.state.lock();
            if s.seq != seq || !s.awaiting {
                return Err(s.last_op.clone());
            }
            s.awaiting = false;
            s.resumed = Some(v);
        }
        self.child_q.notify_all();
        Ok(())
    }

    /// After a clause for op `seq` returned: when it did not resume, mark the child aborted
    /// (`true`: it must now be run to unwind).
    pub fn abort_unresumed(&self, seq: u64) -> bool {
        {
            let mut s = self.state.lock();
            if s.aborted {
                return true;
            }
            if s.seq != seq || !s.awaiting {
                return false;
            }
            s.awaiting = false;
            s.aborted = true;
        }
        self.child_q.notify_all();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn waker() -> Waker {
        Waker::noop().clone()
    }

    #[test]
    fn resume_is_one_shot_and_settle_aborts_an_unresumed_op() {
        let l = Link::new("E".into());
        let seq = l.post("op".into(), Value::Unit);
        let w = waker();
        assert!(matches!(l.take_op(), Some(Op { seq: s, .. }) if s == seq));
        assert!(matches!(l.poll_resumed(&w), Resumed::Wait));
        assert!(l.resume(seq, Value::Bool(true)).is_ok());
        assert_eq!(l.resume(seq, Value::Bool(false)), Err("op".to_string()));
        assert!(matches!(l.poll_resumed(&w), Resumed::Value(Value::Bool(true))));
        // A second op that the clause does not resume: settling aborts the child.
        let seq2 = l.post("op2".into(), Value::Unit);
        assert!(matches!(l.take_op(), Some(Op { .. })));
        assert!(!l.abort_unresumed(seq));
        assert!(l.abort_unresumed(seq2));
        assert!(matches!(l.poll_resumed(&w), Resumed::Aborted));
    }

    #[test]
    fn handler_stacks_nest_by_effect() {
        let a = Link::new("A".into());
        enter(&a);
        let b = Link::new("B".into());
        assert_eq!(b.outer.len(), 1);
        enter(&b);
        assert!(find("A").is_some_and(|l| Arc::ptr_eq(&l, &a)));
        assert!(find("B").is_some_and(|l| Arc::ptr_eq(&l, &b)));
        assert!(find("C").is_none());
        STACKS.lock().remove(&current_key());
    }
}
