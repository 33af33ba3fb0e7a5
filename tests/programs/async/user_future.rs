// not-rust
// A user type implementing Future with a waker: woken from another OS thread, and a future
// that wakes itself (wake_by_ref) a few times before it is ready.
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

struct Shared {
    done: bool,
    waker: Option<Waker>,
}

struct TimerFuture {
    shared: Arc<Mutex<Shared>>,
}

impl TimerFuture {
    fn new(ms: u64) -> TimerFuture {
        let shared = Arc::new(Mutex::new(Shared { done: false, waker: None }));
        let s2 = shared.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(ms));
            let mut s = s2.lock().unwrap();
            s.done = true;
            if let Some(w) = s.waker.take() {
                w.wake();
            }
        });
        TimerFuture { shared }
    }
}

impl Future for TimerFuture {
    type Output = &'static str;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        let mut s = self.shared.lock().unwrap();
        if s.done {
            Poll::Ready("timer fired")
        } else {
            s.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

struct CountDown {
    left: u32,
    polls: u32,
}

impl Future for CountDown {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        self.polls += 1;
        if self.left == 0 {
            Poll::Ready(self.polls)
        } else {
            self.left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", TimerFuture::new(20).await);
    let polls = CountDown { left: 3, polls: 0 }.await;
    println!("ready after {polls} polls");
    let p: Poll<i32> = Poll::Ready(3);
    println!("{:?} {} {:?}", p.map(|x| x * 2), Poll::<i32>::Pending.is_pending(), Poll::Ready(1).is_ready());
    let h = tokio::spawn(CountDown { left: 5, polls: 0 });
    println!("spawned: {:?}", h.await);
}
