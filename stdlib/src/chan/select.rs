//! One attempt of a `select!` over several channel operations.
//!
//! An operation is ready when it would not wait: a receive finds a message or a disconnected
//! channel; a send finds room, a receiver waiting (rendezvous) or no receiver at all (it will
//! fail). Among the ready operations one is chosen at random (crossbeam's rule). A chosen
//! receive is performed here (the message is returned); a chosen send is only reported: the
//! caller evaluates the message and sends it (the message expression of a send arm is
//! evaluated only when that arm is chosen, as in crossbeam's `select!`).

use super::core::{Chan, TryRecv};
use super::poll::Attempt;
use std::task::Waker;

/// One operation of a select.
#[derive(Debug, Clone, Copy)]
pub enum SelOp<'a, T> {
    Recv(&'a Chan<T>),
    Send(&'a Chan<T>),
}

/// The chosen operation.
#[derive(Debug, PartialEq, Eq)]
pub enum SelReady<T> {
    /// Operation `i` received a message (`None`: the channel is disconnected and empty).
    Recv(usize, Option<T>),
    /// Operation `i` can send now.
    Send(usize),
}

/// A small seeded random generator (xorshift64*) for the choice among ready operations.
#[derive(Debug, Clone)]
pub struct SelRng(u64);

impl SelRng {
    pub fn new(seed: u64) -> SelRng {
        SelRng(seed | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// `0..n` in a random order.
    pub fn order(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
        v
    }
}

fn ready_one<T>(ops: &[SelOp<'_, T>], order: &[usize]) -> Option<SelReady<T>> {
    for &i in order {
        match ops.get(i)? {
            SelOp::Recv(c) => match c.try_recv() {
                TryRecv::Got(v) => return Some(SelReady::Recv(i, Some(v))),
                TryRecv::Disconnected => return Some(SelReady::Recv(i, None)),
                TryRecv::Empty => {}
            },
            SelOp::Send(c) => {
                if c.send_ready() {
                    return Some(SelReady::Send(i));
                }
            }
        }
    }
    None
}

/// One attempt: the first ready operation in `order` (a permutation of the operations'
/// indices, e.g. `SelRng::order`). With a waker (a blocking select), when nothing is ready
/// the waker is registered with every involved channel and the operations are checked once
/// more; `None` then means "pending": keep `attempts` (one per operation) for the next
/// attempt, or pass them to `select_give_up` when abandoning (timeout). Without a waker
/// (`default` arm), `None` means nothing was ready.
pub fn select_poll<T>(ops: &[SelOp<'_, T>], order: &[usize], w: Option<&Waker>, attempts: &mut [Attempt]) -> Option<SelReady<T>> {
    if let Some(r) = ready_one(ops, order) {
        if let Some(w) = w {
            select_give_up(ops, w, attempts);
        }
        return Some(r);
    }
    let w = w?;
    for (op, a) in ops.iter().zip(attempts.iter_mut()) {
        match op {
            SelOp::Recv(c) => c.wait_to_recv(w, a),
            SelOp::Send(c) => c.wait_to_send(w, a),
        }
    }
    let r = ready_one(ops, order);
    if r.is_some() {
        select_give_up(ops, w, attempts);
    }
    r
}

/// Abandon a pending select: forget its registrations.
pub fn select_give_up<T>(ops: &[SelOp<'_, T>], w: &Waker, attempts: &mut [Attempt]) {
    for (op, a) in ops.iter().zip(attempts.iter_mut()) {
        let (SelOp::Recv(c) | SelOp::Send(c)) = op;
        c.give_up(w, a);
    }
}

#[cfg(test)]
mod tests {
    use super::super::core::{Flavor, TrySend};
    use super::*;
    use std::sync::Arc;
    use std::task::Wake;

    struct Nop;
    impl Wake for Nop {
        fn wake(self: Arc<Self>) {}
    }

    #[test]
    fn picks_the_ready_receive() {
        let a: Chan<i32> = Chan::new(Flavor::Unbounded);
        let b: Chan<i32> = Chan::new(Flavor::Unbounded);
        assert_eq!(b.try_send(9), TrySend::Sent);
        let ops = [SelOp::Recv(&a), SelOp::Recv(&b)];
        let w = Waker::from(Arc::new(Nop));
        let mut at = vec![Attempt::default(); 2];
        assert_eq!(select_poll(&ops, &[0, 1], Some(&w), &mut at), Some(SelReady::Recv(1, Some(9))));
        assert_eq!(select_poll(&ops, &[0, 1], None, &mut at), None);
        assert_eq!(select_poll(&ops, &[0, 1], Some(&w), &mut at), None);
        assert!(at.iter().all(|a| a.registered));
        select_give_up(&ops, &w, &mut at);
        assert!(at.iter().all(|a| *a == Attempt::default()));
    }

    #[test]
    fn disconnected_receive_and_free_send_are_ready() {
        let a: Chan<i32> = Chan::new(Flavor::Unbounded);
        a.drop_sender();
        let b: Chan<i32> = Chan::new(Flavor::Bounded(1));
        let mut at = vec![Attempt::default(); 2];
        assert_eq!(select_poll(&[SelOp::Recv(&a)], &[0], None, &mut at), Some(SelReady::Recv(0, None)));
        assert_eq!(select_poll(&[SelOp::Send(&b)], &[0], None, &mut at), Some(SelReady::Send(0)));
        assert_eq!(b.try_send(1), TrySend::Sent);
        assert_eq!(select_poll(&[SelOp::Send(&b)], &[0], None, &mut at), None);
    }

    #[test]
    fn random_order_is_a_permutation_and_reproducible() {
        let mut r = SelRng::new(42);
        let mut s = SelRng::new(42);
        for n in 0..6 {
            let o = r.order(n);
            let mut sorted = o.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            assert_eq!(o, s.order(n));
        }
    }
}
