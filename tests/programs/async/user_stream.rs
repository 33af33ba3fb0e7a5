// not-rust
// (needs tokio and tokio-stream, which rustc cannot link here: the expected output follows
// tokio-stream's documented behaviour: `next()` polls `poll_next` until it is Ready, and the
// StreamExt adapters apply to any Stream.)
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio_stream::{Stream, StreamExt};

struct Counter {
    n: u32,
    max: u32,
}

/// Pending once before each item, waking itself.
struct Slow {
    n: u32,
    ready: bool,
}

impl Stream for Slow {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if !self.ready {
            self.ready = true;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.ready = false;
        if self.n == 3 {
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n * 10))
    }
}

impl Stream for Counter {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.n >= self.max {
            return Poll::Ready(None);
        }
        self.n += 1;
        Poll::Ready(Some(self.n))
    }
}

#[tokio::main]
async fn main() {
    let mut c = Counter { n: 0, max: 3 };
    while let Some(v) = c.next().await {
        println!("got {v}");
    }
    let doubled: Vec<u32> = Counter { n: 0, max: 5 }.map(|x| x * 2).collect().await;
    println!("{:?}", doubled);
    let odd: Vec<u32> = Counter { n: 0, max: 6 }.filter(|x| x % 2 == 1).take(2).collect().await;
    println!("{:?}", odd);
    let sum = Counter { n: 0, max: 4 }.fold(0, |a, x| a + x).await;
    println!("sum {sum}");
    let mut s = Slow { n: 0, ready: false };
    while let Some(v) = s.next().await {
        println!("slow {v}");
    }
}
