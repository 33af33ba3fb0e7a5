//! `Chan<T>`: one channel's shared state, its non-blocking operations and its end counts.

use super::waiters::Waiters;
use crossbeam_queue::{ArrayQueue, SegQueue};
use parking_lot::Mutex;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How a channel buffers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `mpsc::channel()`: sends never wait.
    Unbounded,
    /// `sync_channel(n)` with `n > 0`: at most `n` queued messages; senders wait when full.
    Bounded(usize),
    /// `sync_channel(0)`: no buffer; a send completes when a receiver took the value.
    Rendezvous,
}

/// What a non-blocking send did.
#[derive(Debug, PartialEq, Eq)]
pub enum TrySend<T> {
    Sent,
    /// No room (or, for a rendezvous, no receiver waiting): the value comes back.
    Full(T),
    /// Every receiver is gone: the value comes back.
    Disconnected(T),
}

/// What a non-blocking receive found.
#[derive(Debug, PartialEq, Eq)]
pub enum TryRecv<T> {
    Got(T),
    Empty,
    /// Empty and every sender is gone.
    Disconnected,
}

/// The rendezvous buffer: values offered by senders that wait until a receiver takes them.
#[derive(Debug)]
struct Offers<T> {
    queue: VecDeque<(u64, T)>,
    next_ticket: u64,
}

/// The buffered flavors' queue: crossbeam's lock-free MPMC queues, which know nothing of
/// ends, disconnection or waiting (`Chan` does that), so a message costs the queue operation
/// alone.
#[derive(Debug)]
enum Queue<T> {
    /// `Flavor::Unbounded`.
    List(SegQueue<T>),
    /// `Flavor::Bounded(n)`: a ring of `n` slots.
    Array(ArrayQueue<T>),
    /// `Flavor::Rendezvous`: no queue (`Offers`).
    None,
}

/// One channel. Shared (`Arc`) by all its ends; the ends call `add_sender`/`drop_sender`
/// (and the receiver versions) as they are created and destroyed.
#[derive(Debug)]
pub struct Chan<T> {
    flavor: Flavor,
    queue: Queue<T>,
    offers: Mutex<Offers<T>>,
    senders: AtomicUsize,
    receivers: AtomicUsize,
    /// Receivers currently blocked (or selecting) on this channel: a rendezvous `try_send`
    /// and a `select!` send arm are ready only when one waits.
    waiting_receivers: AtomicUsize,
    /// Wakers of fibers waiting to send (room, a taken offer, a waiting receiver).
    pub(super) send_wait: Waiters,
    /// Wakers of fibers waiting to receive (a message, a disconnection).
    pub(super) recv_wait: Waiters,
    /// Wakers of fibers waiting for every receiver to go (tokio's `Sender::closed`); notified
    /// only by the last `drop_receiver`, so no hot path pays for it.
    pub(super) closed_wait: Waiters,
}

impl<T> Chan<T> {
    /// A channel with one sender and one receiver counted.
    pub fn new(flavor: Flavor) -> Chan<T> {
        let queue = match flavor {
            Flavor::Unbounded => Queue::List(SegQueue::new()),
            Flavor::Bounded(n) => Queue::Array(ArrayQueue::new(n.max(1))),
            Flavor::Rendezvous => Queue::None,
        };
        Chan {
            flavor,
            queue,
            offers: Mutex::new(Offers { queue: VecDeque::new(), next_ticket: 0 }),
            senders: AtomicUsize::new(1),
            receivers: AtomicUsize::new(1),
            waiting_receivers: AtomicUsize::new(0),
            send_wait: Waiters::default(),
            recv_wait: Waiters::default(),
            closed_wait: Waiters::default(),
        }
    }

    /// `sync_channel(n)`'s flavor: 0 is a rendezvous.
    pub fn bounded_flavor(n: usize) -> Flavor {
        if n == 0 {
            Flavor::Rendezvous
        } else {
            Flavor::Bounded(n)
        }
    }

    pub fn flavor(&self) -> Flavor {
        self.flavor
    }

    /// A new sending end exists (a clone).
    pub fn add_sender(&self) {
        // Relaxed: an existing sender is cloned, so the count is already > 0 and nobody can
        // observe a disconnection in between.
        self.senders.fetch_add(1, Ordering::Relaxed);
    }

    /// A new receiving end exists (a clone of an mpmc receiver).
    pub fn add_receiver(&self) {
        self.receivers.fetch_add(1, Ordering::Relaxed);
    }

    /// A sending end died; the last one disconnects the channel and wakes its receivers.
    pub fn drop_sender(&self) {
        // AcqRel: the sends of this end happen-before a receiver's load of 0.
        if self.senders.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.recv_wait.notify();
        }
    }

    /// A receiving end died; the last one makes sends fail, drops what is queued and wakes the
    /// senders (a rendezvous sender waiting for its offer to be taken gets its value back).
    pub fn drop_receiver(&self) {
        if self.receivers.fetch_sub(1, Ordering::AcqRel) == 1 {
            // The queued messages die now; a rendezvous offer stays with its sender, which
            // withdraws it (`poll_offer`) and gets its value back.
            match &self.queue {
                Queue::List(q) => while q.pop().is_some() {},
                Queue::Array(q) => while q.pop().is_some() {},
                Queue::None => {}
            }
            self.send_wait.notify();
            // Pairs with `poll_closed`'s register-then-check (the Dekker protocol of
            // `Waiters`): it sees the count at 0 or this sees its waker.
            self.closed_wait.notify();
        }
    }

    /// Is every sender gone?
    pub fn senders_gone(&self) -> bool {
        self.senders.load(Ordering::Acquire) == 0
    }

    /// Is every receiver gone?
    pub fn receivers_gone(&self) -> bool {
        self.receivers.load(Ordering::Acquire) == 0
    }

    /// Queued messages (offers waiting to be taken, for a rendezvous).
    pub fn len(&self) -> usize {
        match &self.queue {
            Queue::List(q) => q.len(),
            Queue::Array(q) => q.len(),
            Queue::None => self.offers.lock().queue.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A buffered channel's queue looked empty (loads only: a `pop` that finds nothing puts a
    /// SeqCst fence first). A hint: a message being pushed may be missed, so `false` for a
    /// rendezvous channel, whose offers need their lock.
    pub(super) fn looks_empty(&self) -> bool {
        match &self.queue {
            Queue::List(q) => q.is_empty(),
            Queue::Array(q) => q.is_empty(),
            Queue::None => false,
        }
    }

    /// Could a send go on now without waiting (it may still fail: disconnected)?
    pub fn send_ready(&self) -> bool {
        if self.receivers_gone() {
            return true;
        }
        match &self.queue {
            Queue::List(_) => true,
            Queue::Array(q) => !q.is_full(),
            Queue::None => self.waiting_receivers.load(Ordering::SeqCst) > self.offers.lock().queue.len(),
        }
    }

    /// Send without waiting. A rendezvous accepts the value only when a receiver is waiting
    /// for one (the value is then offered and the first receiver to look takes it).
    pub fn try_send(&self, v: T) -> TrySend<T> {
        if self.receivers_gone() {
            return TrySend::Disconnected(v);
        }
        let full = match &self.queue {
            Queue::List(q) => {
                q.push(v);
                None
            }
            Queue::Array(q) => q.push(v).err(),
            Queue::None => return self.try_offer(v),
        };
        match full {
            None => {
                // The push's index compare-and-swap is SeqCst (both crossbeam queues).
                self.recv_wait.notify_after_seq_cst();
                TrySend::Sent
            }
            Some(v) => TrySend::Full(v),
        }
    }

    /// A rendezvous `try_send`: offered only when a receiver waits for an offer.
    fn try_offer(&self, v: T) -> TrySend<T> {
        let mut o = self.offers.lock();
        if self.waiting_receivers.load(Ordering::SeqCst) <= o.queue.len() {
            return TrySend::Full(v);
        }
        let t = o.next_ticket;
        o.next_ticket += 1;
        o.queue.push_back((t, v));
        drop(o);
        self.recv_wait.notify();
        TrySend::Sent
    }

    /// Receive without waiting. Messages sent before the last sender went are still
    /// delivered; `Disconnected` only once the channel is empty.
    pub fn try_recv(&self) -> TryRecv<T> {
        match self.take() {
            Some(v) => TryRecv::Got(v),
            None if self.senders_gone() => {
                // A send that happened before the last sender went is visible now.
                match self.take() {
                    Some(v) => TryRecv::Got(v),
                    None => TryRecv::Disconnected,
                }
            }
            None => TryRecv::Empty,
        }
    }

    /// A queued message (an offer, for a rendezvous), without notifying anyone.
    fn pop(&self) -> Option<T> {
        match &self.queue {
            Queue::List(q) => q.pop(),
            Queue::Array(q) => q.pop(),
            Queue::None => Some(self.offers.lock().queue.pop_front()?.1),
        }
    }

    fn take(&self) -> Option<T> {
        let v = self.pop()?;
        // Room was made (or an offer taken): senders may go on. A queue's `pop` took its
        // message with a SeqCst compare-and-swap of its head index (both crossbeam queues);
        // an offer was taken under a lock.
        if matches!(self.queue, Queue::None) {
            self.send_wait.notify();
        } else {
            self.send_wait.notify_after_seq_cst();
        }
        Some(v)
    }

    /// Rendezvous: offer `v` and return its ticket (see `offer_taken`).
    pub(super) fn offer(&self, v: T) -> u64 {
        let mut o = self.offers.lock();
        let t = o.next_ticket;
        o.next_ticket += 1;
        o.queue.push_back((t, v));
        drop(o);
        self.recv_wait.notify();
        t
    }

    /// Rendezvous: has the offer with this ticket been taken by a receiver?
    pub(super) fn offer_taken(&self, ticket: u64) -> bool {
        !self.offers.lock().queue.iter().any(|(t, _)| *t == ticket)
    }

    /// Rendezvous: take back an offer nobody took (the receivers are gone). True when it was
    /// still there.
    pub(super) fn withdraw(&self, ticket: u64) -> bool {
        let mut o = self.offers.lock();
        match o.queue.iter().position(|(t, _)| *t == ticket) {
            Some(i) => {
                o.queue.remove(i);
                true
            }
            None => false,
        }
    }

    /// A receiver starts (`true`) or stops waiting. Starting wakes senders that wait for a
    /// receiver (rendezvous `select!` send arms).
    pub(super) fn set_waiting_receiver(&self, on: bool) {
        if on {
            self.waiting_receivers.fetch_add(1, Ordering::SeqCst);
            self.send_wait.notify();
        } else {
            self.waiting_receivers.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unbounded_keeps_order_and_drains_after_disconnect() {
        let c = Chan::new(Flavor::Unbounded);
        for i in 0..5 {
            assert_eq!(c.try_send(i), TrySend::Sent);
        }
        c.drop_sender();
        for i in 0..5 {
            assert_eq!(c.try_recv(), TryRecv::Got(i));
        }
        assert_eq!(c.try_recv(), TryRecv::Disconnected);
    }

    #[test]
    fn bounded_is_full_at_capacity() {
        let c = Chan::new(Flavor::Bounded(2));
        assert_eq!(c.try_send(1), TrySend::Sent);
        assert_eq!(c.try_send(2), TrySend::Sent);
        assert_eq!(c.try_send(3), TrySend::Full(3));
        assert!(!c.send_ready());
        assert_eq!(c.try_recv(), TryRecv::Got(1));
        assert!(c.send_ready());
        assert_eq!(c.try_recv(), TryRecv::Got(2));
        assert_eq!(c.try_recv(), TryRecv::Empty);
    }

    #[test]
    fn dropped_receiver_fails_sends_and_drops_queue() {
        let c = Chan::new(Flavor::Bounded(4));
        assert_eq!(c.try_send(1), TrySend::Sent);
        c.drop_receiver();
        assert_eq!(c.len(), 0);
        assert_eq!(c.try_send(2), TrySend::Disconnected(2));
        assert!(c.send_ready());
    }

    #[test]
    fn rendezvous_try_send_needs_a_waiting_receiver() {
        let c = Chan::new(Flavor::Rendezvous);
        assert_eq!(c.try_send(1), TrySend::Full(1));
        c.set_waiting_receiver(true);
        assert!(c.send_ready());
        assert_eq!(c.try_send(2), TrySend::Sent);
        assert!(!c.send_ready());
        assert_eq!(c.try_recv(), TryRecv::Got(2));
        c.set_waiting_receiver(false);
        assert_eq!(c.try_recv(), TryRecv::Empty);
    }

    #[test]
    fn offers_are_taken_in_order_and_withdrawn() {
        let c = Chan::new(Flavor::Rendezvous);
        let a = c.offer("a");
        let b = c.offer("b");
        assert!(!c.offer_taken(a));
        assert_eq!(c.try_recv(), TryRecv::Got("a"));
        assert!(c.offer_taken(a));
        assert!(c.withdraw(b));
        assert!(!c.withdraw(b));
        assert_eq!(c.try_recv(), TryRecv::Empty);
    }
}
