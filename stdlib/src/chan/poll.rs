//! One attempt of a blocking channel operation (see `crate::sched`: an operation that cannot
//! proceed registers the caller's waker and answers `Pending`; the caller calls again with the
//! same arguments and the same `Attempt` once woken).

use super::core::{Chan, Flavor, TryRecv, TrySend};
use crossbeam_utils::Backoff;
use std::task::Waker;

/// What an operation remembers between its attempts. Start with `Attempt::default()`; keep
/// it while the answer is `Pending`; drop it after any other answer (or call
/// `Chan::give_up` when abandoning a pending operation, e.g. at a timeout).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// A rendezvous send's offer, waiting to be taken.
    pub ticket: Option<u64>,
    /// Counted among the channel's waiting receivers.
    pub waiting: bool,
    /// The waker is registered with one of the channel's queues.
    pub registered: bool,
    /// The waker is registered with the queue of `poll_closed`.
    pub closed: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum SendPoll<T> {
    Sent,
    /// Every receiver is gone: the value comes back.
    Disconnected(T),
    Pending,
}

#[derive(Debug, PartialEq, Eq)]
pub enum RecvPoll<T> {
    Got(T),
    /// Empty and every sender is gone.
    Disconnected,
    Pending,
}

impl<T> Chan<T> {
    /// One attempt of a blocking send of `v`. On a rendezvous the first attempt offers `v` and
    /// later attempts only check that a receiver took it (their `v` is what comes back if the
    /// receivers disappear first).
    pub fn poll_send(&self, v: T, w: &Waker, a: &mut Attempt) -> SendPoll<T> {
        if self.flavor() == Flavor::Rendezvous {
            return self.poll_offer(v, w, a);
        }
        let v = match self.try_send(v) {
            TrySend::Sent => return self.done(w, a, SendPoll::Sent),
            TrySend::Disconnected(v) => return self.done(w, a, SendPoll::Disconnected(v)),
            TrySend::Full(v) => v,
        };
        self.send_wait.register(w);
        a.registered = true;
        match self.try_send(v) {
            TrySend::Sent => self.done(w, a, SendPoll::Sent),
            TrySend::Disconnected(v) => self.done(w, a, SendPoll::Disconnected(v)),
            TrySend::Full(_) => SendPoll::Pending,
        }
    }

    fn poll_offer(&self, v: T, w: &Waker, a: &mut Attempt) -> SendPoll<T> {
        let ticket = match a.ticket {
            Some(t) => t,
            None => {
                if self.receivers_gone() {
                    return self.done(w, a, SendPoll::Disconnected(v));
                }
                self.send_wait.register(w);
                a.registered = true;
                let t = self.offer(v);
                a.ticket = Some(t);
                return if self.offer_taken(t) { self.done(w, a, SendPoll::Sent) } else { SendPoll::Pending };
            }
        };
        self.send_wait.register(w);
        a.registered = true;
        if self.offer_taken(ticket) {
            return self.done(w, a, SendPoll::Sent);
        }
        if self.receivers_gone() && self.withdraw(ticket) {
            return self.done(w, a, SendPoll::Disconnected(v));
        }
        if self.offer_taken(ticket) {
            return self.done(w, a, SendPoll::Sent);
        }
        SendPoll::Pending
    }

    /// As `poll_recv`, after spinning a little (crossbeam's `Backoff`: a few busy loops, then
    /// a few `yield_now`s) while the channel is empty: a message that arrives within a few
    /// microseconds is taken without parking the thread and waking it again, which costs
    /// far more. Only for OS threads (a single-threaded scheduler gains nothing by spinning).
    pub fn poll_recv_spinning(&self, w: &Waker, a: &mut Attempt) -> RecvPoll<T> {
        let backoff = Backoff::new();
        while !backoff.is_completed() {
            match self.try_recv() {
                TryRecv::Got(v) => return self.done(w, a, RecvPoll::Got(v)),
                TryRecv::Disconnected => return self.done(w, a, RecvPoll::Disconnected),
                TryRecv::Empty => backoff.snooze(),
            }
        }
        self.poll_recv(w, a)
    }

    /// As `poll_send`, after spinning a little while a buffered channel is full (see
    /// `poll_recv_spinning`).
    pub fn poll_send_spinning(&self, v: T, w: &Waker, a: &mut Attempt) -> SendPoll<T> {
        if self.flavor() == Flavor::Rendezvous {
            return self.poll_offer(v, w, a);
        }
        let backoff = Backoff::new();
        let mut v = v;
        while !backoff.is_completed() {
            match self.try_send(v) {
                TrySend::Sent => return self.done(w, a, SendPoll::Sent),
                TrySend::Disconnected(x) => return self.done(w, a, SendPoll::Disconnected(x)),
                TrySend::Full(x) => {
                    v = x;
                    backoff.snooze();
                }
            }
        }
        self.poll_send(v, w, a)
    }

    /// One attempt of a blocking receive. A queue that looks empty (`looks_empty`: loads,
    /// no fence) goes straight to the registration, whose second look is a full `try_recv`
    /// (a message or the disconnection it missed is found there) unless the queue still
    /// looks empty and a sender is left: the registration's SeqCst fence already orders
    /// those loads after it (the Dekker protocol of `Waiters`: a send's push happens before
    /// its own fence and its look at `armed`, a last sender's count before its notify's), so
    /// a message or disconnection the loads miss is one whose notification sees this waker;
    /// `try_recv` on the empty queue would fence a second time (crossbeam's `pop`).
    pub fn poll_recv(&self, w: &Waker, a: &mut Attempt) -> RecvPoll<T> {
        if !self.looks_empty() {
            match self.try_recv() {
                TryRecv::Got(v) => return self.done(w, a, RecvPoll::Got(v)),
                TryRecv::Disconnected => return self.done(w, a, RecvPoll::Disconnected),
                TryRecv::Empty => {}
            }
        }
        self.wait_to_recv(w, a);
        if self.looks_empty() && !self.senders_gone() {
            return RecvPoll::Pending;
        }
        match self.try_recv() {
            TryRecv::Got(v) => self.done(w, a, RecvPoll::Got(v)),
            TryRecv::Disconnected => self.done(w, a, RecvPoll::Disconnected),
            TryRecv::Empty => RecvPoll::Pending,
        }
    }

    /// Register `w` as a receiver waiting on this channel.
    pub(super) fn wait_to_recv(&self, w: &Waker, a: &mut Attempt) {
        self.recv_wait.register(w);
        a.registered = true;
        if !a.waiting && self.flavor() == Flavor::Rendezvous {
            a.waiting = true;
            self.set_waiting_receiver(true);
        }
    }

    /// Register `w` as a sender waiting for room (or for a receiver, on a rendezvous).
    pub(super) fn wait_to_send(&self, w: &Waker, a: &mut Attempt) {
        self.send_wait.register(w);
        a.registered = true;
    }

    /// One attempt of waiting until every receiver is gone (tokio's `Sender::closed`): true
    /// when they are; otherwise the waker is registered and woken by the last
    /// `drop_receiver` (the caller polls again then, with the same `Attempt`).
    pub fn poll_closed(&self, w: &Waker, a: &mut Attempt) -> bool {
        if self.receivers_gone() {
            return self.done(w, a, true);
        }
        self.closed_wait.register(w);
        a.closed = true;
        if self.receivers_gone() {
            return self.done(w, a, true);
        }
        false
    }

    /// Abandon a pending operation (timeout, another `select!` arm chosen): forget the waker
    /// and stop counting as a waiting receiver. A pending rendezvous offer is withdrawn
    /// (`false` when a receiver took it meanwhile: the send happened after all).
    pub fn give_up(&self, w: &Waker, a: &mut Attempt) -> bool {
        let mut withdrawn = true;
        if let Some(t) = a.ticket.take() {
            withdrawn = self.withdraw(t);
        }
        if a.registered {
            self.send_wait.unregister(w);
            self.recv_wait.unregister(w);
            a.registered = false;
        }
        if a.waiting {
            a.waiting = false;
            self.set_waiting_receiver(false);
        }
        if a.closed {
            self.closed_wait.unregister(w);
            a.closed = false;
        }
        withdrawn
    }

    fn done<R>(&self, w: &Waker, a: &mut Attempt, r: R) -> R {
        a.ticket = None;
        self.give_up(w, a);
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::Wake;

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn waker() -> (Arc<Count>, Waker) {
        let c = Arc::new(Count(AtomicUsize::new(0)));
        (c.clone(), Waker::from(c))
    }

    #[test]
    fn poll_closed_waits_for_the_last_receiver() {
        let ch: Chan<i32> = Chan::new(Flavor::Bounded(1));
        let (count, w) = waker();
        let mut a = Attempt::default();
        assert!(!ch.poll_closed(&w, &mut a));
        assert!(a.closed);
        // Traffic does not wake it (its queue is only the last receiver's).
        assert_eq!(ch.try_send(1), TrySend::Sent);
        assert!(matches!(ch.try_recv(), TryRecv::Got(1)));
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
        ch.add_receiver();
        ch.drop_receiver();
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
        ch.drop_receiver();
        assert_eq!(count.0.load(Ordering::SeqCst), 1);
        assert!(ch.poll_closed(&w, &mut a));
        assert_eq!(a, Attempt::default());
    }

    #[test]
    fn poll_closed_given_up_leaves_no_waker() {
        let ch: Chan<i32> = Chan::new(Flavor::Unbounded);
        let (count, w) = waker();
        let mut a = Attempt::default();
        assert!(!ch.poll_closed(&w, &mut a));
        ch.give_up(&w, &mut a);
        assert_eq!(a, Attempt::default());
        ch.drop_receiver();
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn recv_waits_then_is_woken_by_a_send() {
        let c = Chan::new(Flavor::Unbounded);
        let (n, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_recv(&w, &mut a), RecvPoll::Pending);
        assert_eq!(c.try_send(7), TrySend::Sent);
        assert_eq!(n.0.load(Ordering::SeqCst), 1);
        assert_eq!(c.poll_recv(&w, &mut a), RecvPoll::Got(7));
        assert_eq!(a, Attempt::default());
    }

    #[test]
    fn last_sender_wakes_a_waiting_receiver() {
        let c: Chan<i32> = Chan::new(Flavor::Bounded(1));
        let (n, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_recv(&w, &mut a), RecvPoll::Pending);
        c.drop_sender();
        assert_eq!(n.0.load(Ordering::SeqCst), 1);
        assert_eq!(c.poll_recv(&w, &mut a), RecvPoll::Disconnected);
    }

    #[test]
    fn full_bounded_send_waits_for_room() {
        let c = Chan::new(Flavor::Bounded(1));
        let (n, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_send(1, &w, &mut a), SendPoll::Sent);
        assert_eq!(c.poll_send(2, &w, &mut a), SendPoll::Pending);
        assert_eq!(c.try_recv(), TryRecv::Got(1));
        assert_eq!(n.0.load(Ordering::SeqCst), 1);
        assert_eq!(c.poll_send(2, &w, &mut a), SendPoll::Sent);
        assert_eq!(c.try_recv(), TryRecv::Got(2));
    }

    #[test]
    fn spinning_attempts_end_like_plain_ones() {
        let c = Chan::new(Flavor::Bounded(1));
        let (_, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_send_spinning(1, &w, &mut a), SendPoll::Sent);
        assert_eq!(c.poll_send_spinning(2, &w, &mut a), SendPoll::Pending);
        assert_eq!(c.poll_recv_spinning(&w, &mut a), RecvPoll::Got(1));
        let mut b = Attempt::default();
        assert_eq!(c.poll_recv_spinning(&w, &mut b), RecvPoll::Pending);
        c.drop_sender();
        assert_eq!(c.poll_recv_spinning(&w, &mut b), RecvPoll::Disconnected);
    }

    #[test]
    fn rendezvous_send_completes_only_when_taken() {
        let c = Chan::new(Flavor::Rendezvous);
        let (n, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_send(5, &w, &mut a), SendPoll::Pending);
        assert!(a.ticket.is_some());
        assert_eq!(c.poll_send(5, &w, &mut a), SendPoll::Pending);
        assert_eq!(c.try_recv(), TryRecv::Got(5));
        assert!(n.0.load(Ordering::SeqCst) >= 1);
        assert_eq!(c.poll_send(5, &w, &mut a), SendPoll::Sent);
        assert_eq!(c.try_recv(), TryRecv::Empty);
    }

    #[test]
    fn rendezvous_send_gets_its_value_back_when_the_receiver_goes() {
        let c = Chan::new(Flavor::Rendezvous);
        let (_, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_send(5, &w, &mut a), SendPoll::Pending);
        c.drop_receiver();
        assert_eq!(c.poll_send(5, &w, &mut a), SendPoll::Disconnected(5));
        assert_eq!(c.len(), 0);
    }

    #[test]
    fn give_up_stops_counting_a_waiting_receiver() {
        let c: Chan<i32> = Chan::new(Flavor::Rendezvous);
        let (_, w) = waker();
        let mut a = Attempt::default();
        assert_eq!(c.poll_recv(&w, &mut a), RecvPoll::Pending);
        assert!(c.send_ready());
        c.give_up(&w, &mut a);
        assert!(!c.send_ready());
        assert_eq!(c.recv_wait.len(), 0);
    }
}
