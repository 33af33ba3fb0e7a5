// Structured concurrency (the seed's "Async Structured Concurrency", H-07): `TaskGroup` and
// `nursery`/`Nursery` at the prelude's root, so the seed's code reaches them without a path.
// Children are tasks (`__task_spawn`) collected in a native task group
// (builtins/structured.rs); the group's owner handle aborts the children still running when it
// dies. docs/LANGUAGE.md 7.5 is the user's description.

/// `TaskGroup<T>`: tasks spawned together, joined together. `join_all` gives their outputs in
/// spawn order; dropping the group before `join_all` aborts the children still running.
pub struct TaskGroup<T> {
    g: GroupHandle,
}

impl<T> TaskGroup<T> {
    pub fn new() -> TaskGroup<T> {
        TaskGroup { g: __group_new() }
    }

    /// Start `fut` as a child task now. The result may be awaited (the seed's `async fn
    /// spawn`) or ignored: the child runs either way.
    pub fn spawn<F>(&mut self, fut: F) -> impl std::future::Future<Output = ()> {
        __group_add(&self.g, __task_spawn(move || __await(fut)));
        std::future::ready(())
    }

    /// Children not joined yet.
    pub fn len(&self) -> usize {
        __group_len(&self.g)
    }

    pub fn is_empty(&self) -> bool {
        __group_len(&self.g) == 0
    }

    /// Abort every child still running (they stop at their next await point).
    pub fn abort_all(&self) {
        __group_cancel(&self.g)
    }

    /// Every child's output, in spawn order. A child that panicked re-raises its panic here
    /// (once the children spawned before it were joined); the children after it are then
    /// aborted with the group.
    pub async fn join_all(self) -> Vec<T> {
        let mut out = Vec::new();
        loop {
            match __group_join_next(&self.g) {
                None => return out,
                Some(Ok(v)) => out.push(v),
                Some(Err((msg, cancelled, _))) => {
                    if cancelled {
                        panic!("a TaskGroup task was cancelled");
                    }
                    panic!("{}", msg)
                }
            }
        }
    }
}

impl<T> std::fmt::Debug for TaskGroup<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "TaskGroup {{ len: {} }}", self.len())
    }
}

/// A Trio-style nursery: the scope of `nursery(|n| async move { .. })`. Children spawned
/// with `n.spawn(fut)` (or `start_soon`) run concurrently with the body; the nursery ends
/// when the body and every child ended. The first failure (a child or the body returning
/// `Err`, or panicking) cancels every other task of the nursery, the body included.
pub struct Nursery {
    g: GroupHandle,
}

impl Clone for Nursery {
    /// Another handle on the same nursery (for a child that spawns siblings).
    fn clone(&self) -> Nursery {
        Nursery { g: __group_share(&self.g) }
    }
}

impl std::fmt::Debug for Nursery {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "Nursery {{ children: {}, cancelled: {} }}", self.len(), self.is_cancelled())
    }
}

impl Nursery {
    /// A nursery without a body (the seed's sketch): spawn into it, then `wait_all().await`.
    /// Dropping it aborts the children still running.
    pub fn new() -> Nursery {
        Nursery { g: __group_new() }
    }

    /// Start `fut` as a child now (awaiting the result is optional). In a cancelled nursery
    /// the child starts cancelled: it stops at its first await point.
    pub fn spawn<F>(&self, fut: F) -> impl std::future::Future<Output = ()> {
        __group_add(&self.g, __task_spawn(move || __await(fut)));
        std::future::ready(())
    }

    /// Trio's name for `spawn`.
    pub fn start_soon<F>(&self, fut: F) -> impl std::future::Future<Output = ()> {
        self.spawn(fut)
    }

    /// Cancel every child (not the body of `nursery(..)`): each stops at its next await
    /// point, and children spawned later start cancelled. Not a failure: the nursery still
    /// returns its body's output.
    pub fn cancel(&self) {
        __group_cancel_children(&self.g)
    }

    pub fn is_cancelled(&self) -> bool {
        __group_is_cancelled(&self.g)
    }

    /// Tasks of the nursery not yet collected (running, or ended and not yet seen).
    pub fn len(&self) -> usize {
        __group_len(&self.g)
    }

    /// Wait until every child ended. The first child that fails cancels the others; then a
    /// panic is re-raised here, and an `Err` returned; else `Ok(())`.
    pub async fn wait_all<E>(&self) -> Result<(), E> {
        let (out, fail) = __nursery_collect(&self.g, 0);
        match fail {
            Some(Ok(e)) => e,
            Some(Err(msg)) => panic!("{}", msg),
            None => Ok(()),
        }
    }
}

/// `nursery(|n| async move { .. }).await`: run the body with a fresh nursery; return the
/// body's output once every child ended. A child's `Err` (or the body's) is the nursery's
/// output; a panic is re-raised; either cancels every other task first.
pub async fn nursery<F, R>(f: F) -> R {
    let owner = __group_new();
    let n = Nursery { g: __group_share(&owner) };
    let body = __task_spawn(move || __await(f(n)));
    let body_id = __task_id(&body);
    __group_set_body(&owner, body_id);
    __group_add(&owner, body);
    let (out, fail) = __nursery_collect(&owner, body_id);
    match fail {
        Some(Ok(e)) => e,
        Some(Err(msg)) => panic!("{}", msg),
        None => match out {
            Some(v) => v,
            None => panic!("the nursery's body was cancelled"),
        },
    }
}

/// Collect every task of group `g` as it ends: the output of task `body_id` (if it ended
/// well), and the first failure (`Ok(the Err value)` or `Err(panic message)`), which cancels
/// the group. Cancelled tasks count as neither.
fn __nursery_collect<T, E>(g: &GroupHandle, body_id: u64) -> (Option<T>, Option<Result<E, String>>) {
    let mut out = None;
    let mut fail = None;
    loop {
        match __group_wait_any(g) {
            None => return (out, fail),
            Some((id, Ok(v))) => {
                if __is_result_err(&v) {
                    if fail.is_none() {
                        fail = Some(Ok(v));
                        __group_cancel(g);
                    }
                } else if id == body_id {
                    out = Some(v);
                }
            }
            Some((_, Err((msg, cancelled, _)))) => {
                if !cancelled && fail.is_none() {
                    fail = Some(Err(msg));
                    __group_cancel(g);
                }
            }
        }
    }
}
