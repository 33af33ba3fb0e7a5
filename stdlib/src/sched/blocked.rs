//! `Blocked`: why a fiber cannot go on, and until when at most.

use std::borrow::Cow;
use std::time::Duration;

/// What a blocking native returns instead of waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// What the fiber waits on, as a deadlock report shows it: `"Mutex::lock"`,
    /// `"Receiver::recv"`, `"JoinHandle::join"`, `"thread::sleep"`. Borrowed when static (the
    /// common case: a blocking call allocates nothing for its name).
    pub what: Cow<'static, str>,
    /// Resume at the latest at this time on the runtime's clock (`Host::now`, real or
    /// virtual), even if nothing woke the fiber: sleeps and `*_timeout` operations.
    pub deadline: Option<Duration>,
}

impl Blocked {
    /// Blocked until woken.
    pub fn on(what: impl Into<Cow<'static, str>>) -> Blocked {
        Blocked { what: what.into(), deadline: None }
    }

    /// Blocked until woken or until `deadline` on the runtime's clock.
    pub fn until(what: impl Into<Cow<'static, str>>, deadline: Duration) -> Blocked {
        Blocked { what: what.into(), deadline: Some(deadline) }
    }
}
