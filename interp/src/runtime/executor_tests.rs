//! Unit tests of the executor: whole programs through a session on a pool of workers (many
//! tasks, stealing between workers, no lost wake-ups under a bounded stress), and the
//! same programs under the deterministic scheduler.

use crate::runtime::Schedule;
use crate::session::{Options, Outcome, Session};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run(src: &str, schedule: Schedule) -> (String, Outcome) {
    let mut s = Session::new(Options::default());
    let buf = Buf::default();
    s.set_stdout(Box::new(buf.clone()));
    s.set_schedule(schedule);
    let outcome = s.run_file("test.rs", src);
    drop(s);
    let out = buf.0.lock().map(|v| String::from_utf8_lossy(&v).into_owned()).unwrap_or_default();
    (out, outcome)
}

/// 2000 tasks, each yielding a few times (requeued: the other workers steal them).
const MANY: &str = r#"
#[tokio::main]
async fn main() {
    let mut hs = Vec::new();
    for i in 0..2000u64 {
        hs.push(tokio::spawn(async move {
            for _ in 0..3 {
                tokio::task::yield_now().await;
            }
            i
        }));
    }
    let mut sum = 0;
    for h in hs {
        sum += h.await.unwrap();
    }
    println!("{sum}");
}
"#;

#[test]
fn many_tasks_on_a_pool() {
    super::set_workers(2);
    let (out, o) = run(MANY, Schedule::Threads);
    assert!(matches!(o, Outcome::Finished), "{o:?}");
    assert_eq!(out, "1999000\n");
}

#[test]
fn many_tasks_deterministic() {
    let (a, _) = run(MANY, Schedule::Deterministic(3));
    assert_eq!(a, "1999000\n");
}

/// Wake-ups from other OS threads racing with the task's blocking: a lost wake-up hangs the
/// task, which the bounded timeout of the join turns into a failure.
const WAKES: &str = r#"
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

struct Flag { set: bool, waker: Option<Waker> }
struct WaitFlag { f: Arc<Mutex<Flag>> }

impl Future for WaitFlag {
    type Output = ();
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut g = self.f.lock().unwrap();
        if g.set { Poll::Ready(()) } else { g.waker = Some(cx.waker().clone()); Poll::Pending }
    }
}

#[tokio::main]
async fn main() {
    let mut ok = 0;
    for _ in 0..200 {
        let f = Arc::new(Mutex::new(Flag { set: false, waker: None }));
        let f2 = f.clone();
        let h = tokio::spawn(WaitFlag { f: f.clone() });
        std::thread::spawn(move || {
            let mut g = f2.lock().unwrap();
            g.set = true;
            if let Some(w) = g.waker.take() { w.wake(); }
        });
        match tokio::time::timeout(Duration::from_secs(5), h).await {
            Ok(_) => ok += 1,
            Err(_) => println!("lost wake-up"),
        }
    }
    println!("{ok}");
}
"#;

#[test]
fn no_lost_wake_ups() {
    super::set_workers(2);
    let (out, o) = run(WAKES, Schedule::Threads);
    assert!(matches!(o, Outcome::Finished), "{o:?}");
    assert_eq!(out, "200\n");
}

#[test]
fn sleeping_tasks_fire_in_deadline_order() {
    let src = r#"
use std::time::Duration;
#[tokio::main]
async fn main() {
    let mut hs = Vec::new();
    for ms in [30u64, 10, 20] {
        hs.push(tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            println!("{ms}");
        }));
    }
    for h in hs { h.await.unwrap(); }
}
"#;
    super::set_workers(2);
    let (out, _) = run(src, Schedule::Threads);
    assert_eq!(out, "10\n20\n30\n");
    let (out, _) = run(src, Schedule::Deterministic(1));
    assert_eq!(out, "10\n20\n30\n");
}
