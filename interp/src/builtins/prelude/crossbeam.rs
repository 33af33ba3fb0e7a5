
// The TERAS prelude: crossbeam-channel. Its channels are the std channels of
// `prelude/channel.rs` in their multi-consumer kind (receivers can be cloned): `unbounded()`,
// `bounded(n)` (0 is a rendezvous). `after(d)` and `tick(d)` are timers of the run
// (runtime/timers.rs): the run keeps their senders and delivers on its clock (virtual time
// under --deterministic), with no thread; `never()`'s sender is kept by the run and never
// used. `Select` is the dynamic builder over `__sel_run`/`__sel_ready`
// (builtins/select_builder.rs); `select!` is built into the compiler.
pub mod crossbeam_channel {
    pub use std::sync::mpsc::{Receiver, RecvError, RecvTimeoutError, SendError, Sender, TryRecvError, TrySendError};

    pub fn unbounded<T>() -> (std::sync::mpsc::Sender<T>, std::sync::mpsc::Receiver<T>) {
        let (tx, rx) = __chan_new(6, 0, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
        (std::sync::mpsc::Sender { inner: tx }, std::sync::mpsc::Receiver { inner: rx })
    }

    pub fn bounded<T>(cap: usize) -> (std::sync::mpsc::Sender<T>, std::sync::mpsc::Receiver<T>) {
        let (tx, rx) = __chan_new(3, cap, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
        (std::sync::mpsc::Sender { inner: tx }, std::sync::mpsc::Receiver { inner: rx })
    }

    /// A channel that delivers the current instant once, after `d`.
    pub fn after(d: std::time::Duration) -> std::sync::mpsc::Receiver<std::time::Instant> {
        let (tx, rx) = __chan_new(3, 1, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
        __timer_arm(tx, d, false);
        std::sync::mpsc::Receiver { inner: rx }
    }

    /// A channel that delivers the current instant every `d` (a tick nobody took is dropped).
    pub fn tick(d: std::time::Duration) -> std::sync::mpsc::Receiver<std::time::Instant> {
        let (tx, rx) = __chan_new(3, 1, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
        __timer_arm(tx, d, true);
        std::sync::mpsc::Receiver { inner: rx }
    }

    /// A channel that never delivers anything (and is never disconnected).
    pub fn never<T>() -> std::sync::mpsc::Receiver<T> {
        let (tx, rx) = __chan_new(6, 0, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
        __timer_keep(tx);
        std::sync::mpsc::Receiver { inner: rx }
    }

    /// Chooses among channel operations added at run time.
    pub struct Select {
        spec: String,
        ends: Vec<std::sync::mpsc::ChanHandle<()>>,
    }

    /// The operation `Select::select` chose; it must be completed with `recv` or `send`.
    pub struct SelectedOperation {
        index: usize,
        got: Option<()>,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct TrySelectError;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct SelectTimeoutError;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct TryReadyError;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct ReadyTimeoutError;

    impl std::fmt::Display for TrySelectError {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("all operations in select would block")
        }
    }

    impl std::fmt::Display for SelectTimeoutError {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("timed out waiting on select")
        }
    }

    impl std::fmt::Display for TryReadyError {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("all operations in select would block")
        }
    }

    impl std::fmt::Display for ReadyTimeoutError {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("timed out waiting on ready")
        }
    }

    impl Select {
        pub fn new() -> Select {
            Select { spec: String::new(), ends: Vec::new() }
        }

        /// Adds a receive operation; returns its index.
        pub fn recv<T>(&mut self, r: &std::sync::mpsc::Receiver<T>) -> usize {
            self.spec.push('r');
            self.ends.push(r.inner);
            self.ends.len() - 1
        }

        /// Adds a send operation; returns its index.
        pub fn send<T>(&mut self, s: &std::sync::mpsc::Sender<T>) -> usize {
            self.spec.push('s');
            self.ends.push(s.inner);
            self.ends.len() - 1
        }

        /// Removes the operation with this index (the others keep theirs).
        pub fn remove(&mut self, index: usize) {
            let mut spec = String::new();
            for (i, c) in self.spec.chars().enumerate() {
                spec.push(if i == index { 'x' } else { c });
            }
            self.spec = spec;
        }

        fn __live(&self) -> (String, Vec<std::sync::mpsc::ChanHandle<()>>, Vec<usize>) {
            let mut spec = String::new();
            let mut ends = Vec::new();
            let mut map = Vec::new();
            for (i, c) in self.spec.chars().enumerate() {
                if c != 'x' {
                    spec.push(c);
                    ends.push(self.ends[i]);
                    map.push(i);
                }
            }
            (spec, ends, map)
        }

        fn __run(&mut self, mode: usize, timeout: std::time::Duration) -> Option<SelectedOperation> {
            let (spec, ends, map) = self.__live();
            let n = ends.len();
            let r = __sel_run(spec, mode, timeout, ends);
            if r.0 == n {
                None
            } else {
                Some(SelectedOperation { index: map[r.0], got: r.1 })
            }
        }

        /// Blocks until one operation can proceed; it is chosen at random among the ready.
        pub fn select(&mut self) -> SelectedOperation {
            match self.__run(0, std::time::Duration::ZERO) {
                Some(op) => op,
                None => panic!("no operations have been added to `Select`"),
            }
        }

        pub fn try_select(&mut self) -> Result<SelectedOperation, TrySelectError> {
            match self.__run(1, std::time::Duration::ZERO) {
                Some(op) => Ok(op),
                None => Err(TrySelectError),
            }
        }

        pub fn select_timeout(&mut self, timeout: std::time::Duration) -> Result<SelectedOperation, SelectTimeoutError> {
            match self.__run(2, timeout) {
                Some(op) => Ok(op),
                None => Err(SelectTimeoutError),
            }
        }

        pub fn select_deadline(&mut self, deadline: std::time::Instant) -> Result<SelectedOperation, SelectTimeoutError> {
            let now = std::time::Instant::now();
            let timeout = if deadline > now { deadline - now } else { std::time::Duration::ZERO };
            self.select_timeout(timeout)
        }

        /// The index of an operation that can proceed now, if any (not performed).
        pub fn try_ready(&mut self) -> Result<usize, TryReadyError> {
            let (spec, ends, map) = self.__live();
            match __sel_ready(spec, ends) {
                Some(i) => Ok(map[i]),
                None => Err(TryReadyError),
            }
        }

        /// Waits until an operation can proceed and returns its index (not performed: the
        /// caller does it, and it may find the channel taken by another thread meanwhile).
        pub fn ready(&mut self) -> usize {
            loop {
                if let Ok(i) = self.try_ready() {
                    return i;
                }
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
        }

        pub fn ready_timeout(&mut self, timeout: std::time::Duration) -> Result<usize, ReadyTimeoutError> {
            let start = std::time::Instant::now();
            loop {
                if let Ok(i) = self.try_ready() {
                    return Ok(i);
                }
                if start.elapsed() >= timeout {
                    return Err(ReadyTimeoutError);
                }
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
        }
    }

    impl std::fmt::Debug for Select {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("Select { .. }")
        }
    }

    impl SelectedOperation {
        pub fn index(&self) -> usize {
            self.index
        }

        /// Completes a receive operation.
        pub fn recv<T>(self, r: &std::sync::mpsc::Receiver<T>) -> Result<T, RecvError> {
            match self.got {
                Some(v) => Ok(v),
                None => Err(RecvError),
            }
        }

        /// Completes a send operation.
        pub fn send<T>(self, s: &std::sync::mpsc::Sender<T>, msg: T) -> Result<(), SendError<T>> {
            s.send(msg)
        }
    }

    impl std::fmt::Debug for SelectedOperation {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("SelectedOperation { .. }")
        }
    }
}
