//! Bounded stress tests of the channel cores on real threads: many producers, many messages,
//! nothing lost or duplicated. Threads wait with `std::thread::park` and a waker that
//! unparks them, as the OS-thread driver does.

use super::core::{Chan, Flavor};
use super::poll::{Attempt, RecvPoll, SendPoll};
use std::sync::Arc;
use std::task::{Wake, Waker};
use std::thread::{self, Thread};
use std::time::Duration;

struct Unpark(Thread);
impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

fn waker() -> Waker {
    Waker::from(Arc::new(Unpark(thread::current())))
}

fn send(c: &Chan<u64>, v: u64, w: &Waker) {
    let mut a = Attempt::default();
    loop {
        match c.poll_send(v, w, &mut a) {
            SendPoll::Sent => return,
            SendPoll::Disconnected(_) => panic!("receiver gone"),
            // A timeout as a safety net: a lost wake-up would show as a slow test, not a hang.
            SendPoll::Pending => thread::park_timeout(Duration::from_secs(5)),
        }
    }
}

fn recv(c: &Chan<u64>, w: &Waker) -> Option<u64> {
    let mut a = Attempt::default();
    loop {
        match c.poll_recv(w, &mut a) {
            RecvPoll::Got(v) => return Some(v),
            RecvPoll::Disconnected => return None,
            RecvPoll::Pending => thread::park_timeout(Duration::from_secs(5)),
        }
    }
}

fn producers_consumers(flavor: Flavor, producers: u64, per: u64, consumers: usize) {
    let c = Arc::new(Chan::new(flavor));
    for _ in 1..producers {
        c.add_sender();
    }
    for _ in 1..consumers {
        c.add_receiver();
    }
    let mut hs = Vec::new();
    for p in 0..producers {
        let c = c.clone();
        hs.push(thread::spawn(move || {
            let w = waker();
            for i in 0..per {
                send(&c, p * per + i, &w);
            }
            c.drop_sender();
        }));
    }
    let mut rs = Vec::new();
    for _ in 0..consumers {
        let c = c.clone();
        rs.push(thread::spawn(move || {
            let w = waker();
            let mut got = Vec::new();
            while let Some(v) = recv(&c, &w) {
                got.push(v);
            }
            c.drop_receiver();
            got
        }));
    }
    for h in hs {
        h.join().unwrap();
    }
    let mut all: Vec<u64> = rs.into_iter().flat_map(|r| r.join().unwrap()).collect();
    all.sort_unstable();
    let n = producers * per;
    assert_eq!(all.len() as u64, n);
    assert!(all.iter().enumerate().all(|(i, v)| *v == i as u64), "lost or duplicated messages");
}

#[test]
fn unbounded_four_producers() {
    producers_consumers(Flavor::Unbounded, 4, 10_000, 1);
}

#[test]
fn bounded_four_producers_two_consumers() {
    producers_consumers(Flavor::Bounded(16), 4, 10_000, 2);
}

#[test]
fn rendezvous_four_producers() {
    producers_consumers(Flavor::Rendezvous, 4, 2_000, 2);
}

/// `poll_closed` against the last `drop_receiver` on another thread, many rounds: a lost
/// wake-up would leave the waiter parked, which the bound on each round's wait detects (its
/// parks are woken only by the waker, never by a timeout shorter than the bound).
#[test]
fn closed_waiter_loses_no_wakeup() {
    for _ in 0..2_000 {
        let c: Arc<Chan<u64>> = Arc::new(Chan::new(Flavor::Bounded(1)));
        let waiter = {
            let c = c.clone();
            thread::spawn(move || {
                let w = waker();
                let mut a = Attempt::default();
                let start = std::time::Instant::now();
                while !c.poll_closed(&w, &mut a) {
                    thread::park_timeout(Duration::from_secs(10));
                    assert!(start.elapsed() < Duration::from_secs(10), "lost wake-up");
                }
            })
        };
        thread::yield_now();
        c.drop_receiver();
        waiter.join().unwrap();
    }
}

/// One attempt after another until it is done, each park bounded: a park that lasts its whole
/// bound means a wake-up was lost (the other side woke nobody, or the wrong waker).
fn bounded_park(round: u64) {
    let t = std::time::Instant::now();
    thread::park_timeout(Duration::from_secs(5));
    assert!(t.elapsed() < Duration::from_secs(5), "message {round}: wake-up lost");
}

/// One producer and one consumer on rings of one and of two slots (nearly always full or
/// empty, so most messages go through the waiting protocol on one side or the other), each
/// side first trying the queue itself as the VM's `unwrap` twins do (`try_send`/`try_recv`,
/// then the blocking attempts): every message arrives once and in order, the disconnection
/// comes after the last one, and no park outlasts its bound.
#[test]
fn tiny_rings_keep_order_and_lose_no_wake_up() {
    use super::core::{TryRecv, TrySend};
    for cap in [1, 2] {
        let c = Arc::new(Chan::new(Flavor::Bounded(cap)));
        let n = 20_000u64;
        let producer = {
            let c = c.clone();
            thread::spawn(move || {
                let w = waker();
                for i in 0..n {
                    if c.try_send(i) == TrySend::Sent {
                        continue;
                    }
                    let mut a = Attempt::default();
                    loop {
                        match c.poll_send(i, &w, &mut a) {
                            SendPoll::Sent => break,
                            SendPoll::Disconnected(_) => panic!("receiver gone"),
                            SendPoll::Pending => bounded_park(i),
                        }
                    }
                }
                c.drop_sender();
            })
        };
        let w = waker();
        let mut next = 0u64;
        loop {
            let v = match c.try_recv() {
                TryRecv::Got(v) => Some(v),
                _ => {
                    let mut a = Attempt::default();
                    loop {
                        match c.poll_recv(&w, &mut a) {
                            RecvPoll::Got(v) => break Some(v),
                            RecvPoll::Disconnected => break None,
                            RecvPoll::Pending => bounded_park(next),
                        }
                    }
                }
            };
            let Some(v) = v else { break };
            assert_eq!(v, next, "capacity {cap}: out of order");
            next += 1;
        }
        assert_eq!(next, n, "capacity {cap}: messages lost");
        producer.join().unwrap();
    }
}
