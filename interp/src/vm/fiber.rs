//! `Fiber`: one logical thread of TERAS execution, entirely on the heap.
//!
//! A fiber owns a register stack (`Vec<Value>`) and a frame stack (`Vec<Frame>`). A TERAS
//! call pushes a `Frame` (whose registers start at `base` in the register stack); a return
//! pops it. The dispatch loop never recurses on the Rust stack for TERAS calls, so a fiber
//! can stop at any instruction boundary (interrupt, and later: blocking, scheduling) and be
//! resumed later, on any thread (`Fiber: Send`).

use crate::value::Value;

/// Most frames a fiber may have before it "overflows its stack" (a TERAS panic, as Rust's
/// main thread overflowing its 8 MiB stack).
pub const MAX_FRAMES: usize = 200_000;
/// Most registers a fiber's register stack may hold.
pub const MAX_STACK: usize = 16_000_000;

/// What happens with a frame's return value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum RetKind {
    /// Store it in the caller's register `ret`.
    Normal,
    /// Ignore it (drop glue calls).
    Discard,
    /// End the current `run` and hand it to the Rust caller (nested runs; the bottom frame).
    Stop,
    /// Store `!value` (user `eq` used for `!=`).
    Not,
    /// Store the comparison of a user `partial_cmp` result (`Option<Ordering>`) with `<`, ...
    CmpLt,
    CmpLe,
    CmpGt,
    CmpGe,
    /// Put it in `Fiber::resume` and execute the caller's current instruction again (it
    /// continues from the saved state: user iterators in `for`, formatting).
    ReExec,
}

/// One activation of a function.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    /// Index into `Program::funcs`.
    pub func: u32,
    /// Next instruction to execute (saved while a callee runs).
    pub pc: u32,
    /// First register of this frame in the register stack.
    pub base: u32,
    /// Absolute register index receiving the return value (for `RetKind::Normal` and kin).
    pub ret: u32,
    /// Result-type hint of the call (index into `Program::hints`, 0 = none).
    pub hint: u32,
    pub kind: RetKind,
    /// While a callee runs: no register of this frame held a heap value when it made the call
    /// (see `dispatch::run`'s `clean`; the callee's fast return restores it). Only the fast
    /// `Call` of the dispatch loop sets it; every other way of pushing a frame (`call::enter`)
    /// clears it on the caller first, so a stale `true` is never read.
    pub clean: bool,
    /// The frame below (the caller) runs the same function at a base no higher than this
    /// frame's: set by the dispatch loop's fast `Call` of the running function (a
    /// recursion), false for every other frame. Fixed for the frame's life (the frames below
    /// a frame do not change while it lives), so the fast `Ret` continues that caller in
    /// place without comparing the two frames.
    pub recur: bool,
    /// The frame runs a closure that its call consumed (an owned capture read by value, or a
    /// spawned thread's closure): it owns the closure's owned captures
    /// (`FuncProto::owned_captures`, in registers `arity + i`) and drops them when it returns
    /// or unwinds. False for every other frame.
    pub owns: bool,
}

/// A logical thread: registers and frames.
#[derive(Default)]
pub struct Fiber {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    /// The value returned by a `RetKind::ReExec` callee, for the re-executed instruction.
    pub resume: Option<Value>,
    /// Pending drop glue, each item tagged with the frame depth that owns it (`drop.rs`).
    pub drops: Vec<(u32, super::drop::Work)>,
    /// A blocking native's memory between attempts (`NativeCx::state`).
    pub native_state: Option<Box<dyn std::any::Any + Send>>,
}

impl std::fmt::Debug for Fiber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fiber").field("frames", &self.frames.len()).field("registers", &self.stack.len()).finish()
    }
}

impl Fiber {
    pub fn new() -> Fiber {
        Fiber { stack: Vec::with_capacity(1024), frames: Vec::with_capacity(64), resume: None, drops: Vec::new(), native_state: None }
    }

    /// Forget everything (after an error).
    pub fn clear(&mut self) {
        self.stack.clear();
        self.frames.clear();
        self.resume = None;
        self.drops.clear();
        self.native_state = None;
    }

    /// First register above the top frame's registers.
    pub fn top(&self, num_regs: u32) -> usize {
        self.frames.last().map_or(0, |f| f.base as usize + num_regs as usize)
    }
}

#[cfg(test)]
mod tests {
    fn assert_send<T: Send>() {}
    #[test]
    fn fiber_is_send() {
        assert_send::<super::Fiber>();
    }
}
