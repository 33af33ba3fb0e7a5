//! Panics raised again by `std::panic::resume_unwind(payload)`: such a panic unwinds like any
//! other but reports nothing (no hook, no message: Rust does not call the panic hook for it),
//! and its payload keeps the kind it had (`&str` or `String`), so a joiner or `catch_unwind`
//! further out downcasts it as before.
//!
//! A panic is a `Fault::Panic(message)` on its way up the fiber's frames to the one place that
//! reports it (the end of a thread or task, `main`'s end, `catch_unwind`), all on the OS
//! thread that raised it. So the native of `resume_unwind` leaves the message and the kind
//! here, on this thread, before it raises the fault; the payload-kind question
//! (`vm::panic::payload_is_str`) looks here first, and the report (`panic_hook::report_at`)
//! takes the entry and stays silent. An entry only answers for its own message.

use std::cell::RefCell;

thread_local! {
    static RESUMED: RefCell<Option<(String, bool)>> = const { RefCell::new(None) };
}

/// The panic with message `msg` this thread raises next is a resumed one, of payload kind
/// `is_str` (`&'static str` when true, `String` otherwise).
pub fn set(msg: &str, is_str: bool) {
    RESUMED.with(|r| *r.borrow_mut() = Some((msg.to_string(), is_str)));
}

/// The payload kind of the resumed panic with message `msg`, if that is what it is.
pub fn is_str(msg: &str) -> Option<bool> {
    RESUMED.with(|r| r.borrow().as_ref().filter(|(m, _)| m == msg).map(|(_, s)| *s))
}

/// Whether the panic with message `msg` being reported is a resumed one (then forgotten: it is
/// reported once).
pub fn take(msg: &str) -> bool {
    RESUMED.with(|r| {
        let mut r = r.borrow_mut();
        let hit = r.as_ref().is_some_and(|(m, _)| m == msg);
        if hit {
            *r = None;
        }
        hit
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_entry_answers_for_its_own_message_once() {
        super::set("boom", false);
        assert_eq!(super::is_str("other"), None);
        assert_eq!(super::is_str("boom"), Some(false));
        assert!(!super::take("other"));
        assert!(super::take("boom"));
        assert!(!super::take("boom"));
        assert_eq!(super::is_str("boom"), None);
    }
}
