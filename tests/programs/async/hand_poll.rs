// not-rust
// Hand-written combinators polling TERAS futures (async fn calls, async blocks) and a native
// Sleep from their own poll: Pin::new(&mut boxed).poll(cx), boxed.as_mut().poll(cx). The
// losing future, pending when the combinator finishes, is dropped with it (its Drop runs);
// a future the combinator never polled never starts.
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

/// A hand-written select of two futures: the first ready wins.
struct Either<A, B> {
    a: Pin<Box<A>>,
    b: Pin<Box<B>>,
    polls: u32,
}

impl<A: Future<Output = &'static str>, B: Future<Output = &'static str>> Future for Either<A, B> {
    type Output = (&'static str, u32);
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        if let Poll::Ready(v) = self.a.as_mut().poll(cx) {
            return Poll::Ready((v, self.polls));
        }
        if let Poll::Ready(v) = self.b.as_mut().poll(cx) {
            return Poll::Ready((v, self.polls));
        }
        Poll::Pending
    }
}

/// A hand-written timeout around a boxed dyn future.
struct Timeout<T> {
    inner: Pin<Box<dyn Future<Output = T>>>,
    timer: Pin<Box<tokio::time::Sleep>>,
}

impl<T> Future for Timeout<T> {
    type Output = Option<T>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        if let Poll::Ready(v) = Pin::new(&mut self.inner).poll(cx) {
            return Poll::Ready(Some(v));
        }
        match self.timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}

async fn after(ms: u64, name: &'static str) -> &'static str {
    let _g = Noisy(name);
    tokio::time::sleep(Duration::from_millis(ms)).await;
    println!("{name} finished");
    name
}

#[tokio::main]
async fn main() {
    let (v, polls) = Either { a: Box::pin(after(300, "slow")), b: Box::pin(after(10, "fast")), polls: 0 }.await;
    println!("won: {v} (polls > 1: {})", polls > 1);
    let t = Timeout { inner: Box::pin(after(5, "in time")), timer: Box::pin(tokio::time::sleep(Duration::from_millis(1000))) }.await;
    println!("{t:?}");
    let t = Timeout { inner: Box::pin(async { after(2000, "too late").await.len() }), timer: Box::pin(tokio::time::sleep(Duration::from_millis(20))) }.await;
    println!("{t:?}");
    let ready = Either { a: Box::pin(async { "at once" }), b: Box::pin(after(10, "never polled")), polls: 0 }.await;
    println!("{ready:?}");
}
