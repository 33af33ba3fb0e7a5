//! `BarrierState`: `n` parties meet; the last to arrive is the leader of its generation and
//! releases the others. Reusable: each release starts a new generation.

use crate::sched::WaitQueue;
use parking_lot::Mutex;
use std::task::Waker;

/// What `arrive` decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// The last party: the generation is released; this caller is its leader.
    Leader,
    /// Wait until the generation (the number given) is over: `poll` it.
    Wait(u64),
}

#[derive(Debug, Default)]
struct Inner {
    count: usize,
    generation: u64,
}

#[derive(Debug)]
pub struct BarrierState {
    n: usize,
    inner: Mutex<Inner>,
    queue: WaitQueue,
}

impl BarrierState {
    /// A barrier for `n` parties (0 behaves as 1, as in std).
    pub fn new(n: usize) -> BarrierState {
        BarrierState { n, inner: Mutex::new(Inner::default()), queue: WaitQueue::new() }
    }

    /// A party arrives; a waiting party has registered `w`.
    pub fn arrive(&self, w: &Waker) -> Arrival {
        let mut i = self.inner.lock();
        i.count += 1;
        if i.count >= self.n {
            i.count = 0;
            i.generation = i.generation.wrapping_add(1);
            drop(i);
            self.queue.notify_all();
            return Arrival::Leader;
        }
        // Registered under the state lock: the leader's bump (under the same lock) comes
        // after, and so does its notification.
        self.queue.register(w);
        Arrival::Wait(i.generation)
    }

    /// Whether generation `g` was released; if not, `w` stays registered.
    pub fn poll(&self, g: u64, w: &Waker) -> bool {
        let i = self.inner.lock();
        if i.generation != g {
            return true;
        }
        self.queue.register(w);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_leader_per_generation() {
        let b = BarrierState::new(3);
        let w = Waker::noop();
        let Arrival::Wait(g) = b.arrive(w) else { panic!("first is not the leader") };
        assert_eq!(b.arrive(w), Arrival::Wait(g));
        assert!(!b.poll(g, w));
        assert_eq!(b.arrive(w), Arrival::Leader);
        assert!(b.poll(g, w));
        assert_eq!(b.arrive(w), Arrival::Wait(g + 1), "reusable");
        assert_eq!(BarrierState::new(0).arrive(w), Arrival::Leader);
    }
}
