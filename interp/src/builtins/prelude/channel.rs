// The TERAS prelude, channels: `std::sync::mpsc` and the seed's `mpsc_channel`,
// `mpmc_channel`, `spsc_channel` and `oneshot`. Each end is a struct around the native
// handle of `builtins/channel.rs` (field `inner`); blocking happens inside the `__chan_*`
// natives, so `for x in rx` is an ordinary user-style iterator. `select!` compiles to
// `__chan_select` plus the `__select_recv` methods below (see compile/select.rs).
// (This file must not name the cell and lock types whose presence turns drop glue on
// for every program.)

pub mod std {
    pub mod sync {
        pub mod mpsc {
            /// The native handle of a channel end (never built by TERAS code).
            pub struct ChanHandle<T> {
                marker: Option<T>,
            }

            pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
                let (tx, rx) = __chan_new(0, 0, SendError(()), RecvError);
                (Sender { inner: tx }, Receiver { inner: rx })
            }

            pub fn sync_channel<T>(bound: usize) -> (SyncSender<T>, Receiver<T>) {
                let (tx, rx) = __chan_new(1, bound, SendError(()), RecvError);
                (SyncSender { inner: tx }, Receiver { inner: rx })
            }

            pub struct Sender<T> {
                inner: ChanHandle<T>,
            }

            impl<T> Sender<T> {
                pub fn send(&self, t: T) -> Result<(), SendError<T>> {
                    // The native builds the whole answer (a tail call: returned as it is).
                    __chan_send_std(&self.inner, t)
                }
            }

            impl<T> Clone for Sender<T> {
                fn clone(&self) -> Sender<T> {
                    Sender { inner: __chan_clone(&self.inner) }
                }
            }

            impl<T> Debug for Sender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Sender { .. }")
                }
            }

            pub struct SyncSender<T> {
                inner: ChanHandle<T>,
            }

            impl<T> SyncSender<T> {
                pub fn send(&self, t: T) -> Result<(), SendError<T>> {
                    // The native builds the whole answer (a tail call: returned as it is).
                    __chan_send_std(&self.inner, t)
                }
                pub fn try_send(&self, t: T) -> Result<(), TrySendError<T>> {
                    match __chan_try_send(&self.inner, t) {
                        Ok(()) => Ok(()),
                        Err((true, v)) => Err(TrySendError::Full(v)),
                        Err((_, v)) => Err(TrySendError::Disconnected(v)),
                    }
                }
            }

            impl<T> Clone for SyncSender<T> {
                fn clone(&self) -> SyncSender<T> {
                    SyncSender { inner: __chan_clone(&self.inner) }
                }
            }

            impl<T> Debug for SyncSender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("SyncSender { .. }")
                }
            }

            pub struct Receiver<T> {
                inner: ChanHandle<T>,
            }

            impl<T> Receiver<T> {
                pub fn recv(&self) -> Result<T, RecvError> {
                    // The native builds the whole answer (a tail call: returned as it is).
                    __chan_recv_std(&self.inner)
                }
                pub fn try_recv(&self) -> Result<T, TryRecvError> {
                    match __chan_try_recv(&self.inner) {
                        Ok(v) => Ok(v),
                        Err(true) => Err(TryRecvError::Disconnected),
                        Err(_) => Err(TryRecvError::Empty),
                    }
                }
                pub fn recv_timeout(&self, timeout: Duration) -> Result<T, RecvTimeoutError> {
                    match __chan_recv_timeout(&self.inner, timeout) {
                        Ok(v) => Ok(v),
                        Err(true) => Err(RecvTimeoutError::Disconnected),
                        Err(_) => Err(RecvTimeoutError::Timeout),
                    }
                }
                pub fn recv_deadline(&self, deadline: Instant) -> Result<T, RecvTimeoutError> {
                    match __chan_recv_deadline(&self.inner, deadline) {
                        Ok(v) => Ok(v),
                        Err(true) => Err(RecvTimeoutError::Disconnected),
                        Err(_) => Err(RecvTimeoutError::Timeout),
                    }
                }
                pub fn iter(&self) -> Iter<T> {
                    Iter { rx: Receiver { inner: self.inner } }
                }
                pub fn try_iter(&self) -> TryIter<T> {
                    TryIter { rx: Receiver { inner: self.inner } }
                }
                /// `select!`: the message a `recv` arm got (`None`: disconnected).
                pub fn __select_recv(&self, got: Option<T>) -> Result<T, RecvError> {
                    match got {
                        Some(v) => Ok(v),
                        None => Err(RecvError),
                    }
                }
            }

            /// `for x in rx` and `for x in &rx`: blocks for each message, ends when every
            /// sender is gone and the channel is empty.
            impl<T> Iterator for Receiver<T> {
                type Item = T;
                fn next(&mut self) -> Option<T> {
                    __chan_recv(&self.inner)
                }
            }

            impl<T> Clone for Receiver<T> {
                fn clone(&self) -> Receiver<T> {
                    Receiver { inner: __chan_clone(&self.inner) }
                }
            }

            impl<T> Debug for Receiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Receiver { .. }")
                }
            }

            pub struct Iter<T> {
                rx: Receiver<T>,
            }

            impl<T> Iterator for Iter<T> {
                type Item = T;
                fn next(&mut self) -> Option<T> {
                    __chan_recv(&self.rx.inner)
                }
            }

            impl<T> Debug for Iter<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Iter { rx: Receiver { .. } }")
                }
            }

            pub struct TryIter<T> {
                rx: Receiver<T>,
            }

            impl<T> Iterator for TryIter<T> {
                type Item = T;
                fn next(&mut self) -> Option<T> {
                    match __chan_try_recv(&self.rx.inner) {
                        Ok(v) => Some(v),
                        Err(_) => None,
                    }
                }
            }

            impl<T> Debug for TryIter<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("TryIter { rx: Receiver { .. } }")
                }
            }

            #[derive(PartialEq, Eq, Clone, Copy)]
            pub struct SendError<T>(pub T);

            impl<T> SendError<T> {
                pub fn into_inner(self) -> T {
                    self.0
                }
            }

            impl<T> Debug for SendError<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("SendError { .. }")
                }
            }

            impl<T> Display for SendError<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("sending on a closed channel")
                }
            }

            impl<T> Error for SendError<T> {}

            #[derive(PartialEq, Eq, Clone, Copy, Debug)]
            pub struct RecvError;

            impl Display for RecvError {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("receiving on a closed channel")
                }
            }

            impl Error for RecvError {}

            #[derive(PartialEq, Eq, Clone, Copy, Debug)]
            pub enum TryRecvError {
                Empty,
                Disconnected,
            }

            impl Display for TryRecvError {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    match self {
                        TryRecvError::Empty => f.write_str("receiving on an empty channel"),
                        TryRecvError::Disconnected => f.write_str("receiving on a closed channel"),
                    }
                }
            }

            impl Error for TryRecvError {}

            #[derive(PartialEq, Eq, Clone, Copy, Debug)]
            pub enum RecvTimeoutError {
                Timeout,
                Disconnected,
            }

            impl Display for RecvTimeoutError {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    match self {
                        RecvTimeoutError::Timeout => f.write_str("timed out waiting on channel"),
                        RecvTimeoutError::Disconnected => f.write_str("channel is empty and sending half is closed"),
                    }
                }
            }

            impl Error for RecvTimeoutError {}

            #[derive(PartialEq, Eq, Clone, Copy)]
            pub enum TrySendError<T> {
                Full(T),
                Disconnected(T),
            }

            impl<T> Debug for TrySendError<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    match self {
                        TrySendError::Full(_) => f.write_str("TrySendError::Full(..)"),
                        TrySendError::Disconnected(_) => f.write_str("TrySendError::Disconnected(..)"),
                    }
                }
            }

            impl<T> Display for TrySendError<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    match self {
                        TrySendError::Full(_) => f.write_str("sending on a full channel"),
                        TrySendError::Disconnected(_) => f.write_str("sending on a closed channel"),
                    }
                }
            }

            impl<T> Error for TrySendError<T> {}

            /// The seed's `oneshot()` sending end: `send` consumes it.
            pub struct OneshotSender<T> {
                inner: ChanHandle<T>,
            }

            impl<T> OneshotSender<T> {
                pub fn send(self, t: T) -> Result<(), SendError<T>> {
                    __chan_send_std(&self.inner, t)
                }
            }

            impl<T> Debug for OneshotSender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("OneshotSender { .. }")
                }
            }

            /// The seed's `oneshot()` receiving end: `recv` waits for the one value
            /// (`Err(RecvError)` when the sender was dropped without sending).
            pub struct OneshotReceiver<T> {
                inner: ChanHandle<T>,
            }

            impl<T> OneshotReceiver<T> {
                pub fn recv(self) -> Result<T, RecvError> {
                    __chan_recv_std(&self.inner)
                }
                pub fn try_recv(&self) -> Result<T, TryRecvError> {
                    match __chan_try_recv(&self.inner) {
                        Ok(v) => Ok(v),
                        Err(true) => Err(TryRecvError::Disconnected),
                        Err(_) => Err(TryRecvError::Empty),
                    }
                }
                pub fn recv_timeout(&self, timeout: Duration) -> Result<T, RecvTimeoutError> {
                    match __chan_recv_timeout(&self.inner, timeout) {
                        Ok(v) => Ok(v),
                        Err(true) => Err(RecvTimeoutError::Disconnected),
                        Err(_) => Err(RecvTimeoutError::Timeout),
                    }
                }
                pub fn __select_recv(&self, got: Option<T>) -> Result<T, RecvError> {
                    match got {
                        Some(v) => Ok(v),
                        None => Err(RecvError),
                    }
                }
            }

            impl<T> Debug for OneshotReceiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("OneshotReceiver { .. }")
                }
            }
        }
    }
}

/// The seed's unbounded multi-producer single-consumer channel.
pub fn mpsc_channel<T>() -> (std::sync::mpsc::Sender<T>, std::sync::mpsc::Receiver<T>) {
    let (tx, rx) = __chan_new(2, 0, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
    (std::sync::mpsc::Sender { inner: tx }, std::sync::mpsc::Receiver { inner: rx })
}

/// The seed's bounded multi-producer multi-consumer channel: receivers can be cloned.
pub fn mpmc_channel<T>(capacity: usize) -> (std::sync::mpsc::Sender<T>, std::sync::mpsc::Receiver<T>) {
    let (tx, rx) = __chan_new(3, capacity, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
    (std::sync::mpsc::Sender { inner: tx }, std::sync::mpsc::Receiver { inner: rx })
}

/// The seed's bounded single-producer single-consumer channel: neither end can be cloned.
pub fn spsc_channel<T>(capacity: usize) -> (std::sync::mpsc::Sender<T>, std::sync::mpsc::Receiver<T>) {
    let (tx, rx) = __chan_new(4, capacity, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
    (std::sync::mpsc::Sender { inner: tx }, std::sync::mpsc::Receiver { inner: rx })
}

/// The seed's one-value channel.
pub fn oneshot<T>() -> (std::sync::mpsc::OneshotSender<T>, std::sync::mpsc::OneshotReceiver<T>) {
    let (tx, rx) = __chan_new(5, 0, std::sync::mpsc::SendError(()), std::sync::mpsc::RecvError);
    (std::sync::mpsc::OneshotSender { inner: tx }, std::sync::mpsc::OneshotReceiver { inner: rx })
}
