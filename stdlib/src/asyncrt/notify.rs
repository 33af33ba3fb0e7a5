//! `Notify`: tokio's task notification.
//!
//! `notify_one` wakes the longest-waiting `notified()` future, or, when none waits, stores one
//! permit that the next `notified()` consumes at once. `notify_waiters` wakes every future
//! created before the call (polled or not: a future remembers the generation it was created
//! in) and stores no permit. A future woken by `notify_one` that dies before seeing it passes
//! the notification on to the next waiter, so none is lost.

use parking_lot::Mutex;
use std::collections::{HashMap, VecDeque};
use std::task::Waker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    One,
    All,
}

#[derive(Debug)]
struct Node {
    notified: Option<How>,
    waker: Option<Waker>,
}

#[derive(Debug, Default)]
struct State {
    permit: bool,
    queue: VecDeque<u64>,
    nodes: HashMap<u64, Node>,
    next_id: u64,
    generation: u64,
}

/// A `notified()` future's record (kept by the future between polls).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notified {
    generation: u64,
    id: Option<u64>,
}

#[derive(Debug, Default)]
pub struct Notify {
    st: Mutex<State>,
}

impl Notify {
    pub fn new() -> Notify {
        Notify::default()
    }

    /// A new `notified()` future's record (it sees `notify_waiters` calls from now on).
    pub fn notified(&self) -> Notified {
        Notified { generation: self.st.lock().generation, id: None }
    }

    /// One poll: `true` when notified.
    pub fn poll_notified(&self, n: &mut Notified, w: &Waker) -> bool {
        let mut s = self.st.lock();
        if let Some(id) = n.id {
            match s.nodes.get_mut(&id) {
                Some(node) if node.notified.is_some() => {
                    s.nodes.remove(&id);
                    n.id = None;
                    return true;
                }
                Some(node) => {
                    if !node.waker.as_ref().is_some_and(|x| x.will_wake(w)) {
                        node.waker = Some(w.clone());
                    }
                    return false;
                }
                None => {
                    n.id = None;
                    return true;
                }
            }
        }
        if s.generation != n.generation {
            return true;
        }
        if s.permit {
            s.permit = false;
            return true;
        }
        let id = s.next_id;
        s.next_id += 1;
        s.nodes.insert(id, Node { notified: None, waker: Some(w.clone()) });
        s.queue.push_back(id);
        n.id = Some(id);
        false
    }

    /// Wake the longest waiter, or store a permit.
    pub fn notify_one(&self) {
        let w = {
            let mut s = self.st.lock();
            Self::notify_one_locked(&mut s)
        };
        if let Some(w) = w {
            w.wake();
        }
    }

    fn notify_one_locked(s: &mut State) -> Option<Waker> {
        while let Some(id) = s.queue.pop_front() {
            if let Some(node) = s.nodes.get_mut(&id) {
                node.notified = Some(How::One);
                return node.waker.take();
            }
        }
        s.permit = true;
        None
    }

    /// Wake every future created before this call; store no permit.
    pub fn notify_waiters(&self) {
        let ws: Vec<Waker> = {
            let mut s = self.st.lock();
            s.generation += 1;
            let ids: Vec<u64> = s.queue.drain(..).collect();
            ids.into_iter()
                .filter_map(|id| {
                    let node = s.nodes.get_mut(&id)?;
                    node.notified = Some(How::All);
                    node.waker.take()
                })
                .collect()
        };
        for w in ws {
            w.wake();
        }
    }

    /// The future died unfinished: leave the queue; a `notify_one` it received but never
    /// saw goes to the next waiter (or back to the permit).
    pub fn cancel(&self, n: &mut Notified) {
        let Some(id) = n.id.take() else { return };
        let w = {
            let mut s = self.st.lock();
            s.queue.retain(|x| *x != id);
            match s.nodes.remove(&id) {
                Some(Node { notified: Some(How::One), .. }) => Self::notify_one_locked(&mut s),
                _ => None,
            }
        };
        if let Some(w) = w {
            w.wake();
        }
    }

    /// Futures waiting (tests).
    pub fn waiting(&self) -> usize {
        self.st.lock().queue.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permit_is_stored_once() {
        let n = Notify::new();
        n.notify_one();
        n.notify_one();
        let w = Waker::noop();
        let mut a = n.notified();
        assert!(n.poll_notified(&mut a, w));
        let mut b = n.notified();
        assert!(!n.poll_notified(&mut b, w));
        n.notify_one();
        assert!(n.poll_notified(&mut b, w));
    }

    #[test]
    fn notify_waiters_reaches_unpolled_futures_and_stores_nothing() {
        let n = Notify::new();
        let w = Waker::noop();
        let mut a = n.notified();
        let mut b = n.notified();
        assert!(!n.poll_notified(&mut b, w));
        n.notify_waiters();
        assert!(n.poll_notified(&mut a, w));
        assert!(n.poll_notified(&mut b, w));
        let mut c = n.notified();
        assert!(!n.poll_notified(&mut c, w));
    }

    #[test]
    fn a_cancelled_notified_passes_notify_one_on() {
        let n = Notify::new();
        let w = Waker::noop();
        let mut a = n.notified();
        let mut b = n.notified();
        assert!(!n.poll_notified(&mut a, w));
        assert!(!n.poll_notified(&mut b, w));
        n.notify_one();
        n.cancel(&mut a);
        assert!(n.poll_notified(&mut b, w), "b got a's notification");
        assert_eq!(n.waiting(), 0);
        let mut c = n.notified();
        n.cancel(&mut c);
        assert!(!n.poll_notified(&mut n.notified(), w));
    }
}
