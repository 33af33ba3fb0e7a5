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
        Nursery { g: __nursery_new() }
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
    /// panic is re-raised here, and an `Err` returned; else `Ok(())`. Later failures are
    /// reported on stderr.
    pub async fn wait_all<E>(&self) -> Result<(), E> {
        let (out, fails) = __nursery_collect(&self.g, 0);
        match __nursery_first(fails) {
            Some(e) => e,
            None => Ok(()),
        }
    }

    /// `wait_all` that gives every failure: `Err(NurseryError)` listing them all in the order
    /// they happened (a panic is listed, not re-raised), else `Ok(())`.
    pub async fn wait_all_failures<E>(&self) -> Result<(), NurseryError<E>> {
        let (out, fails) = __nursery_collect(&self.g, 0);
        if fails.is_empty() {
            Ok(())
        } else {
            Err(NurseryError { failures: __nursery_failures(fails) })
        }
    }
}

/// Every failure of a nursery (`nursery_all`, `Nursery::wait_all_failures`), in the order
/// they happened: the first one, which cancelled the others, then any task that failed before
/// its cancellation reached it (a task that fails without an await point cannot be stopped).
/// Trio's `ExceptionGroup`.
#[derive(Debug)]
pub struct NurseryError<E> {
    pub failures: Vec<TaskFailure<E>>,
}

/// One failed task of a nursery: its `Err` value, or its panic's message.
#[derive(Debug)]
pub enum TaskFailure<E> {
    Err(E),
    Panic(String),
}

impl<E> NurseryError<E> {
    /// How many tasks failed (at least one).
    pub fn len(&self) -> usize {
        self.failures.len()
    }

    /// The first failure, the one that cancelled the nursery.
    pub fn first(&self) -> &TaskFailure<E> {
        &self.failures[0]
    }

    /// The `Err` values, in order (panics left out).
    pub fn into_errors(self) -> Vec<E> {
        let mut out = Vec::new();
        for f in self.failures {
            if let TaskFailure::Err(e) = f {
                out.push(e);
            }
        }
        out
    }

    /// The panic messages, in order.
    pub fn panics(&self) -> Vec<String> {
        let mut out = Vec::new();
        for f in &self.failures {
            if let TaskFailure::Panic(m) = f {
                out.push(m.clone());
            }
        }
        out
    }
}

impl<E> std::fmt::Display for TaskFailure<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            TaskFailure::Err(e) => write!(f, "{:?}", e),
            TaskFailure::Panic(m) => write!(f, "panicked: {}", m),
        }
    }
}

impl<E> std::fmt::Display for NurseryError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let n = self.failures.len();
        write!(f, "{} task{} of the nursery failed: ", n, if n == 1 { "" } else { "s" })?;
        let mut first = true;
        for x in &self.failures {
            if !first {
                write!(f, "; ")?;
            }
            first = false;
            write!(f, "{}", x)?;
        }
        Ok(())
    }
}

/// `nursery(..)`'s handling of failures: every failure after the first is reported on
/// stderr (nothing is silently lost), then the first is given: `Some(Err value)` to return,
/// or its panic raised again here; `None` when nothing failed.
fn __nursery_first<E>(fails: Vec<Result<E, String>>) -> Option<E> {
    let mut first = None;
    for f in fails {
        if first.is_none() {
            first = Some(f);
        } else {
            match f {
                Ok(e) => eprintln!("note: a nursery task also failed after the first failure (the nursery gives the first; this one is only reported): {:?}", e),
                Err(m) => eprintln!("note: a nursery task also failed after the first failure (the nursery gives the first; this one is only reported): panicked: {}", m),
            }
        }
    }
    match first {
        Some(Ok(e)) => Some(e),
        Some(Err(msg)) => panic!("{}", msg),
        None => None,
    }
}

/// The collected failures as `TaskFailure`s. An `Err` value is the task's whole `Result`:
/// its error is taken out here.
fn __nursery_failures<E>(fails: Vec<Result<E, String>>) -> Vec<TaskFailure<E>> {
    let mut out = Vec::new();
    for f in fails {
        match f {
            Ok(Err(e)) => out.push(TaskFailure::Err(e)),
            Ok(other) => out.push(TaskFailure::Err(other)),
            Err(m) => out.push(TaskFailure::Panic(m)),
        }
    }
    out
}

/// `nursery(|n| async move { .. }).await`: run the body with a fresh nursery; return the
/// body's output once every child ended. The first failure cancels every other task: a
/// child's `Err` (or the body's) is then the nursery's output, a panic is re-raised; any
/// later failure is reported on stderr.
pub async fn nursery<F, R>(f: F) -> R {
    let (out, fails) = __nursery_run(f);
    match __nursery_first(fails) {
        Some(e) => e,
        None => match out {
            Some(v) => v,
            None => panic!("the nursery's body was cancelled"),
        },
    }
}

/// `nursery_all(|n| async move { .. }).await`: a nursery whose body gives a `Result<T, E>`,
/// and which gives `Ok(T)`, or `Err(NurseryError<E>)` with every failure (an `Err` or a
/// panic of the body or of any child) in the order they happened. Nothing is re-raised.
pub async fn nursery_all<F, T, E>(f: F) -> Result<T, NurseryError<E>> {
    let (out, fails) = __nursery_run(f);
    if !fails.is_empty() {
        return Err(NurseryError { failures: __nursery_failures(fails) });
    }
    match out {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(NurseryError { failures: vec![TaskFailure::Err(e)] }),
        None => panic!("the nursery's body was cancelled"),
    }
}

/// Run a nursery: the body's output (if it ended well) and every failure.
fn __nursery_run<F, R, E>(f: F) -> (Option<R>, Vec<Result<E, String>>) {
    let owner = __nursery_new();
    let n = Nursery { g: __group_share(&owner) };
    let body = __task_spawn(move || __await(f(n)));
    let body_id = __task_id(&body);
    __group_set_body(&owner, body_id);
    __group_add(&owner, body);
    __nursery_collect(&owner, body_id)
}

/// Collect every task of group `g` as it ends: the output of task `body_id` (if it ended
/// well), and every failure in the order they were collected (`Ok(the Err value)` or
/// `Err(panic message)`); the first cancels the group. Cancelled tasks count as neither.
fn __nursery_collect<T, E>(g: &GroupHandle, body_id: u64) -> (Option<T>, Vec<Result<E, String>>) {
    let mut out = None;
    let mut fails = Vec::new();
    loop {
        match __group_wait_any(g) {
            None => return (out, fails),
            Some((id, Ok(v))) => {
                if __is_result_err(&v) {
                    if fails.is_empty() {
                        __group_cancel(g);
                    }
                    fails.push(Ok(v));
                } else if id == body_id {
                    out = Some(v);
                }
            }
            Some((_, Err((msg, cancelled, _)))) => {
                if !cancelled {
                    if fails.is_empty() {
                        __group_cancel(g);
                    }
                    fails.push(Err(msg));
                }
            }
        }
    }
}
