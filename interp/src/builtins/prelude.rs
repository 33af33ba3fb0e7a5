//! The TERAS prelude: Rust source text compiled before every program. It defines `Option`,
//! `Result`, `Ordering`, the `Iterator` trait with its adapters and consumers, and every
//! closure-taking std method (natives never call back into the VM). See `prelude/*.rs`.

/// The prelude's source, in compilation order.
pub const PRELUDE: &str = concat!(
    include_str!("prelude/core.rs"),
    include_str!("prelude/iter.rs"),
    include_str!("prelude/adapters.rs"),
    include_str!("prelude/collections.rs"),
    include_str!("prelude/ordcoll.rs"),
    include_str!("prelude/sync.rs"),
    include_str!("prelude/channel.rs"),
    include_str!("prelude/thread.rs"),
    include_str!("prelude/async_rt.rs"),
    include_str!("prelude/async_chan.rs"),
    include_str!("prelude/async_sync.rs"),
    include_str!("prelude/cancel.rs"),
    include_str!("prelude/structured.rs"),
    include_str!("prelude/effects.rs"),
    include_str!("prelude/net.rs"),
    include_str!("prelude/thread_local.rs"),
    include_str!("prelude/lazy.rs"),
    include_str!("prelude/crossbeam.rs"),
    include_str!("prelude/stream.rs"),
    include_str!("prelude/std_misc.rs"),
    include_str!("prelude/stdio.rs"),
    include_str!("prelude/fs.rs"),
);
