//! The end of `async fn main` (`#[tokio::main]`): tokio's runtime shuts down when `main`'s
//! future returns, dropping every task still spawned, so the values a task holds (a guard
//! with a `Drop` impl, a channel end) die then. `__rt_shutdown()`, called by the compiled
//! `async fn main` after its future, aborts every unfinished task of the run's pool (each
//! unwinds with drops at its await point, as `JoinHandle::abort` does) and waits for them to
//! end, at most `SHUTDOWN_WAIT`: a task that never reaches an await point again (a loop
//! without one, a destructor that blocks) does not keep the process alive.

use super::util::R;
use super::{NativeCx, NativeError, NativeResult};
use crate::runtime::run::RunHost;
use crate::runtime::threads::JoinSlot;
use crate::value::Value;
use std::sync::Arc;
use std::time::Duration;
use teras_stdlib::sched::Blocked;

/// How long the end of `main` waits for the cancelled tasks to unwind.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(1);

/// What an unfinished `__rt_shutdown` remembers: the tasks it cancelled and its deadline.
struct Draining {
    tasks: Vec<Arc<JoinSlot>>,
    deadline: Duration,
}

/// A task aborted before it started (at runtime shutdown, or by `JoinHandle::abort`): its
/// `body` (the `async` block's closure, holding what the block captured) becomes drop work
/// of its empty `fiber`, and the fault is the cancellation, so `driver::finish_thread`'s
/// unwinding drops the captures (their `Drop` impls run) as tokio drops a never-polled
/// future.
pub fn cancelled_unstarted(fiber: &mut crate::vm::Fiber, body: Value) -> crate::vm::Fault {
    if !crate::vm::drop::trivial(&body) {
        fiber.drops.push((0, crate::vm::drop::Work::Owner(body)));
    }
    crate::vm::Fault::Panic(super::async_task::CANCELLED.into())
}

/// `__rt_shutdown()`: cancel the run's remaining tasks and wait (bounded) for their ends.
fn rt_shutdown(cx: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    let draining = match cx.state.take().and_then(|s| s.downcast::<Draining>().ok()) {
        Some(d) => *d,
        None => {
            let Some(host) = cx.host.as_any().downcast_ref::<RunHost>() else { return Ok(Value::Unit) };
            let tasks = match &host.run.det {
                Some(det) => det.live_tasks(),
                None => crate::runtime::executor::live_tasks(&host.run),
            };
            for t in &tasks {
                super::async_task::abort_slot(t);
            }
            Draining { tasks, deadline: cx.host.now() + SHUTDOWN_WAIT }
        }
    };
    wait(cx, draining)
}

/// Done when every task ended or the deadline passed; else block until one ends.
fn wait(cx: &mut NativeCx<'_>, mut d: Draining) -> R<Value> {
    d.tasks.retain(|t| !t.done_or_register(cx.waker));
    if d.tasks.is_empty() || cx.host.now() >= d.deadline {
        return Ok(Value::Unit);
    }
    let deadline = d.deadline;
    *cx.state = Some(Box::new(d));
    Err(NativeError::Block(Blocked::until("runtime shutdown", deadline)))
}

/// `main` panicked (called by the session after unwinding it): tokio's runtime is dropped
/// while the panic unwinds, so the tasks still spawned are dropped too. They are cancelled
/// and the pool's workers unwind them; the end of the run waits for that at most
/// `SHUTDOWN_WAIT` (on the OS clock: this is not a native, no fiber waits here). Under the
/// deterministic scheduler the fibers left when `main` panicked are scheduled once more
/// until the cancelled tasks have unwound (`det::shutdown_after_main_panic`).
pub fn after_main_panicked(host: &RunHost) {
    if host.run.det.is_some() {
        let mut out = host.run.out.handle();
        crate::runtime::det::shutdown_after_main_panic(host, &mut out);
        return;
    }
    let tasks = crate::runtime::executor::live_tasks(&host.run);
    if tasks.is_empty() {
        return;
    }
    for t in &tasks {
        super::async_task::abort_slot(t);
    }
    let deadline = std::time::Instant::now() + SHUTDOWN_WAIT;
    while std::time::Instant::now() < deadline && tasks.iter().any(|t| !t.is_finished()) {
        std::thread::sleep(Duration::from_millis(1));
    }
}

pub fn register(r: &mut super::registry::Registry) {
    r.func("__rt_shutdown", rt_shutdown);
}

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    #[test]
    fn the_end_of_async_main_drops_every_task() {
        let src = "use std::time::Duration;
struct G(u32);
impl Drop for G {
    fn drop(&mut self) {
        println!(\"drop {}\", self.0);
    }
}
#[tokio::main]
async fn main() {
    for i in 0..3u32 {
        tokio::spawn(async move {
            let _g = G(i);
            tokio::time::sleep(Duration::from_secs(100)).await;
        });
    }
    tokio::time::sleep(Duration::from_millis(20)).await;
    println!(\"end\");
}
";
        let (out, _) = run_program(src);
        let mut lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.first(), Some(&"end"), "{out}");
        lines.sort();
        assert_eq!(lines, ["drop 0", "drop 1", "drop 2", "end"]);
    }

    /// Tasks that never started, a task waiting, and a dropped `Runtime`: on the pool and
    /// under the deterministic scheduler, every captured value is dropped once. (The
    /// runtime's task says it has started before `block_on` returns: a `yield_now` there let
    /// a loaded machine drop the runtime before a worker had started it.)
    #[test]
    fn shutdown_drops_unstarted_tasks_runtimes_and_deterministic_tasks() {
        let async_main = "struct G(u32);
impl Drop for G {
    fn drop(&mut self) {
        println!(\"drop {}\", self.0);
    }
}
async fn arg(g: G) {
    tokio::time::sleep(std::time::Duration::from_secs(100)).await;
    println!(\"never {}\", g.0);
}
#[tokio::main]
async fn main() {
    let a = G(1);
    tokio::spawn(async move {
        let a = a;
        tokio::time::sleep(std::time::Duration::from_secs(100)).await;
        println!(\"never {}\", a.0);
    });
    tokio::spawn(arg(G(2)));
    println!(\"end\");
}
";
        let runtime = "struct G(u32);
impl Drop for G {
    fn drop(&mut self) {
        println!(\"drop {}\", self.0);
    }
}
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (started, running) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let _g = G(3);
            started.send(()).unwrap();
            tokio::time::sleep(std::time::Duration::from_secs(100)).await;
        });
        running.await.unwrap();
    });
    drop(rt);
    println!(\"end\");
}
";
        for schedule in [None, Some(crate::runtime::Schedule::Deterministic(5))] {
            let run = |src| match schedule {
                None => crate::test_support::run_program(src).0,
                Some(s) => crate::test_support::run_scheduled(src, s).0,
            };
            let out = run(async_main);
            let mut lines: Vec<&str> = out.lines().collect();
            assert_eq!(lines.first(), Some(&"end"), "{schedule:?}: {out}");
            lines.sort();
            assert_eq!(lines, ["drop 1", "drop 2", "end"], "{schedule:?}");
            assert_eq!(run(runtime), "drop 3\nend\n", "{schedule:?}");
        }
    }

    /// Under the deterministic scheduler, a task adopted (main awaited after spawning it)
    /// but not run yet when main ends is dropped unstarted, whatever the seed.
    #[test]
    fn an_adopted_task_that_never_ran_drops_its_captures() {
        let src = "struct G(u32);
impl Drop for G {
    fn drop(&mut self) {
        println!(\"drop {}\", self.0);
    }
}
#[tokio::main]
async fn main() {
    let g = G(1);
    tokio::spawn(async move {
        let held = g;
        tokio::time::sleep(std::time::Duration::from_secs(100)).await;
        println!(\"never {}\", held.0);
    });
    tokio::task::yield_now().await;
    println!(\"end\");
}
";
        for seed in 1..=6 {
            let (out, _) = crate::test_support::run_scheduled(src, crate::runtime::Schedule::Deterministic(seed));
            assert_eq!(out, "end\ndrop 1\n", "seed {seed}");
        }
    }

    /// A panicking `async fn main`: its locals drop, then the tasks still spawned.
    #[test]
    fn a_panicking_main_drops_the_tasks_after_its_locals() {
        let src = "struct G(u32);
impl Drop for G {
    fn drop(&mut self) {
        println!(\"drop {}\", self.0);
    }
}
#[tokio::main]
async fn main() {
    let (tx, rx) = tokio::sync::oneshot::channel();
    tokio::spawn(async move {
        let _g = G(1);
        tx.send(()).unwrap();
        tokio::time::sleep(std::time::Duration::from_secs(100)).await;
    });
    rx.await.unwrap();
    let _m = G(2);
    panic!(\"boom\");
}
";
        let (out, outcome) = run_program(src);
        assert_eq!(out, "drop 2\ndrop 1\n");
        assert!(matches!(outcome, crate::session::Outcome::Panicked), "{outcome:?}");
        // The deterministic scheduler shuts down the same way, whatever the seed.
        for seed in 1..=4 {
            let (out, outcome) = crate::test_support::run_scheduled(src, crate::runtime::Schedule::Deterministic(seed));
            assert_eq!(out, "drop 2\ndrop 1\n", "seed {seed}");
            assert!(matches!(outcome, crate::session::Outcome::Panicked), "{outcome:?}");
        }
    }

    /// A `main` that spawns a task which never awaits again, prints `end` and then does
    /// `END` (replaced by the test).
    const SPINNING_TASK: &str = "#[tokio::main]
async fn main() {
    tokio::spawn(async {
        loop {
            std::hint::spin_loop();
        }
    });
    tokio::task::yield_now().await;
    println!(\"end\");
    END
}
";

    /// Under the deterministic scheduler, a task that never awaits again does not keep a
    /// panicking `main`'s shutdown running (a bounded number of steps).
    #[test]
    fn a_spinning_task_does_not_keep_a_deterministic_shutdown_alive() {
        let src = SPINNING_TASK.replace("END", "panic!(\"boom\");");
        let (out, outcome) = crate::test_support::run_scheduled(&src, crate::runtime::Schedule::Deterministic(3));
        assert_eq!(out, "end\n");
        assert!(matches!(outcome, crate::session::Outcome::Panicked), "{outcome:?}");
    }

    #[test]
    fn a_task_that_never_awaits_does_not_keep_main_alive() {
        let src = SPINNING_TASK.replace("END", "");
        let start = std::time::Instant::now();
        let (out, _) = run_program(&src);
        assert_eq!(out, "end\n");
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
    }
}
