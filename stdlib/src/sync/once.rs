//! `OnceState` (`std::sync::Once`) and `OnceSlot<T>` (`std::sync::OnceLock<T>`).
//!
//! One caller runs the initialisation (`begin` returns `Run`); concurrent callers wait
//! (`Wait`, their waker registered) until it finishes. `finish(true)` completes it;
//! `finish(false)` (the initialiser panicked) poisons a `Once`, while a `OnceSlot` goes back
//! to empty so that a later caller tries again, as std's `OnceLock` does.

use crate::sched::WaitQueue;
use parking_lot::Mutex;
use std::task::Waker;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Incomplete,
    Running,
    Complete,
    Poisoned,
}

/// What `begin` decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Begin {
    /// The caller runs the initialiser, then calls `finish`.
    Run,
    /// Already complete.
    Done,
    /// Another caller is running it: block (the waker is registered) and call `begin` again.
    Wait,
    /// A previous initialiser panicked (`Once` only).
    Poisoned,
}

#[derive(Debug)]
pub struct OnceState {
    state: Mutex<State>,
    queue: WaitQueue,
    /// Whether a panicked initialiser poisons (`Once`) or resets (`OnceLock`).
    poisons: bool,
}

impl Default for OnceState {
    fn default() -> Self {
        OnceState::new()
    }
}

impl OnceState {
    /// `Once`'s machine.
    pub fn new() -> OnceState {
        OnceState { state: Mutex::new(State::Incomplete), queue: WaitQueue::new(), poisons: true }
    }

    fn resetting() -> OnceState {
        OnceState { poisons: false, ..OnceState::new() }
    }

    /// `force`: run even when poisoned (`call_once_force`).
    pub fn begin(&self, w: &Waker, force: bool) -> Begin {
        let mut s = self.state.lock();
        match *s {
            State::Incomplete => {
                *s = State::Running;
                Begin::Run
            }
            State::Poisoned if force => {
                *s = State::Running;
                Begin::Run
            }
            State::Poisoned => Begin::Poisoned,
            State::Complete => Begin::Done,
            State::Running => {
                self.queue.register(w);
                Begin::Wait
            }
        }
    }

    /// The initialiser returned (`ok`) or panicked.
    pub fn finish(&self, ok: bool) {
        {
            let mut s = self.state.lock();
            if *s != State::Running {
                return;
            }
            *s = if ok {
                State::Complete
            } else if self.poisons {
                State::Poisoned
            } else {
                State::Incomplete
            };
        }
        self.queue.notify_all();
    }

    pub fn is_completed(&self) -> bool {
        *self.state.lock() == State::Complete
    }

    pub fn is_poisoned(&self) -> bool {
        *self.state.lock() == State::Poisoned
    }

    /// `Incomplete`/`Running`/`Complete`/`Poisoned`, for `Debug`.
    pub fn state_name(&self) -> &'static str {
        match *self.state.lock() {
            State::Incomplete => "Incomplete",
            State::Running => "Running",
            State::Complete => "Complete",
            State::Poisoned => "Poisoned",
        }
    }
}

/// A value set at most once.
#[derive(Debug)]
pub struct OnceSlot<T> {
    once: OnceState,
    value: Mutex<Option<T>>,
}

impl<T: Clone> Default for OnceSlot<T> {
    fn default() -> Self {
        OnceSlot::new()
    }
}

impl<T: Clone> OnceSlot<T> {
    pub fn new() -> OnceSlot<T> {
        OnceSlot { once: OnceState::resetting(), value: Mutex::new(None) }
    }

    /// A copy of the value, once set.
    pub fn get(&self) -> Option<T> {
        self.value.lock().clone()
    }

    /// Set it unless it is set or being initialised: `Err(v)` gives the value back.
    pub fn set(&self, v: T) -> Result<(), T> {
        match self.once.begin(Waker::noop(), false) {
            Begin::Run => {
                *self.value.lock() = Some(v);
                self.once.finish(true);
                Ok(())
            }
            _ => Err(v),
        }
    }

    /// Start `get_or_init`: `Run` means the caller computes the value and calls `complete`
    /// (or `abandon` if it panicked).
    pub fn begin(&self, w: &Waker) -> Begin {
        self.once.begin(w, false)
    }

    pub fn complete(&self, v: T) {
        *self.value.lock() = Some(v);
        self.once.finish(true);
    }

    pub fn abandon(&self) {
        self.once.finish(false);
    }

    /// The value, leaving the slot empty (`into_inner`/`take`).
    pub fn take(&self) -> Option<T> {
        let v = self.value.lock().take();
        *self.once.state.lock() = State::Incomplete;
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn once_runs_once_and_poisons() {
        let o = OnceState::new();
        let w = Waker::noop();
        assert_eq!(o.begin(w, false), Begin::Run);
        assert_eq!(o.begin(w, false), Begin::Wait);
        o.finish(false);
        assert_eq!(o.begin(w, false), Begin::Poisoned);
        assert_eq!(o.begin(w, true), Begin::Run);
        o.finish(true);
        assert!(o.is_completed());
        assert_eq!(o.begin(w, false), Begin::Done);
    }

    #[test]
    fn slot_resets_after_a_failed_init() {
        let s: OnceSlot<i32> = OnceSlot::new();
        let w = Waker::noop();
        assert_eq!(s.begin(w), Begin::Run);
        assert_eq!(s.set(1), Err(1));
        s.abandon();
        assert_eq!(s.get(), None);
        assert_eq!(s.set(2), Ok(()));
        assert_eq!(s.set(3), Err(3));
        assert_eq!(s.get(), Some(2));
        assert_eq!(s.take(), Some(2));
        assert_eq!(s.get(), None);
    }
}
