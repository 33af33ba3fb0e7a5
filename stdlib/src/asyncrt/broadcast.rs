//! `Broadcast<T>`: tokio's broadcast channel. A ring of `capacity` slots (rounded up to a power
//! of two, as tokio does); message number `seq` lives in slot `seq % capacity` until it is
//! overwritten. Each receiver keeps the number of the next message it wants; a receiver whose
//! next message was overwritten learns how many it missed (`Lagged(n)`) and continues with the
//! oldest one kept. A slot's value is dropped once every receiver that was subscribed when it
//! was sent has taken it (receivers take clones, made by the caller's `clone`).

use crate::sched::WaitQueue;
use parking_lot::Mutex;
use std::task::Waker;

#[derive(Debug)]
struct Slot<T> {
    seq: u64,
    val: Option<T>,
    /// Receivers that still have to take it.
    rem: usize,
}

#[derive(Debug)]
struct State<T> {
    buf: Vec<Option<Slot<T>>>,
    /// The number of the next message sent.
    tail: u64,
    senders: usize,
    receivers: usize,
}

#[derive(Debug)]
pub struct Broadcast<T> {
    st: Mutex<State<T>>,
    wait: WaitQueue,
    cap: usize,
}

/// What a receive found.
#[derive(Debug, PartialEq, Eq)]
pub enum BRecv<T> {
    Got(T),
    Empty,
    /// This many messages were overwritten before this receiver took them.
    Lagged(u64),
    /// Every sender is gone and this receiver took everything.
    Closed,
    Pending,
}

impl<T> Broadcast<T> {
    /// One sender and one receiver (at position 0). `capacity` must be > 0 (the binding
    /// panics as tokio does).
    pub fn new(capacity: usize) -> Broadcast<T> {
        let cap = capacity.max(1).next_power_of_two();
        Broadcast {
            st: Mutex::new(State { buf: (0..cap).map(|_| None).collect(), tail: 0, senders: 1, receivers: 1 }),
            wait: WaitQueue::new(),
            cap,
        }
    }

    /// The ring's size (the capacity rounded up).
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Send to every current receiver: how many there are, or the value back when none.
    pub fn send(&self, v: T) -> Result<usize, T> {
        let (n, old) = {
            let mut s = self.st.lock();
            if s.receivers == 0 {
                return Err(v);
            }
            let seq = s.tail;
            let i = (seq % self.cap as u64) as usize;
            let rem = s.receivers;
            let old = s.buf.get_mut(i).and_then(|x| x.replace(Slot { seq, val: Some(v), rem }));
            s.tail += 1;
            (rem, old)
        };
        drop(old);
        self.wait.notify_all();
        Ok(n)
    }

    /// A new receiver, starting after the messages sent so far: its position.
    pub fn subscribe(&self) -> u64 {
        let mut s = self.st.lock();
        s.receivers += 1;
        s.tail
    }

    /// Messages a receiver at `pos` has not taken yet (counting lost ones).
    pub fn len(&self, pos: u64) -> usize {
        let s = self.st.lock();
        (s.tail.saturating_sub(pos)) as usize
    }

    pub fn is_empty(&self, pos: u64) -> bool {
        self.len(pos) == 0
    }

    pub fn receiver_count(&self) -> usize {
        self.st.lock().receivers
    }

    /// Receive without waiting, for the receiver at `pos`.
    pub fn try_recv(&self, pos: &mut u64, clone: &dyn Fn(&T) -> T) -> BRecv<T> {
        let dead;
        let r = {
            let mut s = self.st.lock();
            if *pos >= s.tail {
                return if s.senders == 0 { BRecv::Closed } else { BRecv::Empty };
            }
            let tail = s.tail;
            let i = (*pos % self.cap as u64) as usize;
            match s.buf.get_mut(i).and_then(|x| x.as_mut()) {
                Some(slot) if slot.seq == *pos => {
                    let v = slot.val.as_ref().map(clone);
                    slot.rem = slot.rem.saturating_sub(1);
                    dead = if slot.rem == 0 { slot.val.take() } else { None };
                    *pos += 1;
                    match v {
                        Some(v) => BRecv::Got(v),
                        None => BRecv::Empty,
                    }
                }
                _ => {
                    dead = None;
                    let oldest = tail.saturating_sub(self.cap as u64);
                    let missed = oldest.saturating_sub(*pos);
                    *pos = oldest;
                    BRecv::Lagged(missed)
                }
            }
        };
        drop(dead);
        r
    }

    /// One poll of `recv()`: as `try_recv`, registering `w` when empty.
    pub fn poll_recv(&self, pos: &mut u64, clone: &dyn Fn(&T) -> T, w: &Waker) -> BRecv<T> {
        match self.try_recv(pos, clone) {
            BRecv::Empty => {}
            r => return r,
        }
        self.wait.register(w);
        match self.try_recv(pos, clone) {
            BRecv::Empty => BRecv::Pending,
            r => {
                self.wait.unregister(w);
                r
            }
        }
    }

    /// A `recv()` future died: forget its waker (no message was taken).
    pub fn forget(&self, w: &Waker) {
        self.wait.unregister(w);
    }

    pub fn add_sender(&self) {
        self.st.lock().senders += 1;
    }

    pub fn drop_sender(&self) {
        let last = {
            let mut s = self.st.lock();
            s.senders = s.senders.saturating_sub(1);
            s.senders == 0
        };
        if last {
            self.wait.notify_all();
        }
    }

    /// The receiver at `pos` is gone: it no longer holds back the values it did not take.
    pub fn drop_receiver(&self, pos: u64) {
        let dead: Vec<T> = {
            let mut s = self.st.lock();
            s.receivers = s.receivers.saturating_sub(1);
            let from = pos.max(s.tail.saturating_sub(self.cap as u64));
            let mut dead = Vec::new();
            for seq in from..s.tail {
                let i = (seq % self.cap as u64) as usize;
                if let Some(slot) = s.buf.get_mut(i).and_then(|x| x.as_mut()) {
                    if slot.seq == seq {
                        slot.rem = slot.rem.saturating_sub(1);
                        if slot.rem == 0 {
                            dead.extend(slot.val.take());
                        }
                    }
                }
            }
            dead
        };
        drop(dead);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(x: &i32) -> i32 {
        *x
    }

    #[test]
    fn every_receiver_sees_every_message() {
        let b = Broadcast::new(4);
        let mut p1 = 0;
        let mut p2 = b.subscribe();
        assert_eq!(b.send(1), Ok(2));
        assert_eq!(b.send(2), Ok(2));
        assert_eq!(b.try_recv(&mut p1, &c), BRecv::Got(1));
        assert_eq!(b.try_recv(&mut p2, &c), BRecv::Got(1));
        assert_eq!(b.try_recv(&mut p2, &c), BRecv::Got(2));
        assert_eq!(b.try_recv(&mut p2, &c), BRecv::Empty);
        b.drop_sender();
        assert_eq!(b.try_recv(&mut p1, &c), BRecv::Got(2));
        assert_eq!(b.try_recv(&mut p1, &c), BRecv::Closed);
    }

    #[test]
    fn a_slow_receiver_lags() {
        let b = Broadcast::new(2);
        let mut p = 0;
        for i in 0..5 {
            assert_eq!(b.send(i), Ok(1));
        }
        assert_eq!(b.try_recv(&mut p, &c), BRecv::Lagged(3));
        assert_eq!(b.try_recv(&mut p, &c), BRecv::Got(3));
        assert_eq!(b.try_recv(&mut p, &c), BRecv::Got(4));
        assert_eq!(b.try_recv(&mut p, &c), BRecv::Empty);
    }

    #[test]
    fn capacity_rounds_up_and_no_receiver_fails() {
        let b: Broadcast<i32> = Broadcast::new(3);
        assert_eq!(b.capacity(), 4);
        b.drop_receiver(0);
        assert_eq!(b.send(1), Err(1));
    }

    #[test]
    fn values_die_once_taken_by_all() {
        let b = Broadcast::new(4);
        let v = std::sync::Arc::new(5);
        let mut p1 = 0;
        let p2 = b.subscribe();
        b.send(v.clone()).unwrap();
        let cl = |x: &std::sync::Arc<i32>| x.clone();
        assert!(matches!(b.try_recv(&mut p1, &cl), BRecv::Got(_)));
        assert_eq!(std::sync::Arc::strong_count(&v), 2, "p2 has not taken it");
        b.drop_receiver(p2);
        assert_eq!(std::sync::Arc::strong_count(&v), 1);
    }
}
