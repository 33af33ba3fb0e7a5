
// The TERAS prelude, async channels: `tokio::sync::{mpsc, oneshot, broadcast, watch}` in
// tokio's shapes (the locks are in async_sync.rs). Each object is a struct around a native
// handle (field `inner`) of builtins/async_chan.rs; the awaitable methods return native
// futures (`.await` polls them on the blocking protocol). Error types are built by the
// natives from a template value passed by these methods.

pub mod tokio {
    pub mod sync {
        /// The native handle of an async channel end or lock (never built by TERAS code).
        pub struct AsyncHandle<T> {
            marker: Option<T>,
        }

        pub mod mpsc {
            pub fn channel<T>(buffer: usize) -> (Sender<T>, Receiver<T>) {
                if buffer == 0 {
                    panic!("mpsc bounded channel requires buffer > 0");
                }
                let (tx, rx) = __amp_new(buffer, error::SendError(()));
                (Sender { inner: tx }, Receiver { inner: rx })
            }

            pub fn unbounded_channel<T>() -> (UnboundedSender<T>, UnboundedReceiver<T>) {
                let (tx, rx) = __amp_new(0, error::SendError(()));
                (UnboundedSender { inner: tx }, UnboundedReceiver { inner: rx })
            }

            /// `try_recv` of both receivers (bounded and unbounded share one native queue).
            fn try_recv_from<T>(inner: &tokio::sync::AsyncHandle<T>) -> Result<T, error::TryRecvError> {
                match __chan_try_recv(inner) {
                    Ok(v) => Ok(v),
                    Err(true) => Err(error::TryRecvError::Disconnected),
                    Err(_) => Err(error::TryRecvError::Empty),
                }
            }

            pub struct Sender<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Sender<T> {
                /// Waits for room; `Err(SendError(value))` when the receiver is gone.
                pub fn send(&self, value: T) -> impl std::future::Future<Output = Result<(), error::SendError<T>>> {
                    __amp_send(&self.inner, value)
                }
                pub fn try_send(&self, value: T) -> Result<(), error::TrySendError<T>> {
                    match __chan_try_send(&self.inner, value) {
                        Ok(()) => Ok(()),
                        Err((true, v)) => Err(error::TrySendError::Full(v)),
                        Err((_, v)) => Err(error::TrySendError::Closed(v)),
                    }
                }
                /// The sync bridge: blocks the calling thread (or task) until sent.
                pub fn blocking_send(&self, value: T) -> Result<(), error::SendError<T>> {
                    match __chan_send(&self.inner, value) {
                        Ok(()) => Ok(()),
                        Err(v) => Err(error::SendError(v)),
                    }
                }
                /// `tx.send(value).await` in one call (compile/async_fn.rs): no future.
                pub fn __send_now(&self, value: T) -> Result<(), error::SendError<T>> {
                    __amp_send_now(&self.inner, value)
                }
                pub fn is_closed(&self) -> bool {
                    __amp_is_closed(&self.inner)
                }
                /// Waits until every receiver is dropped (woken by the drop itself).
                pub async fn closed(&self) {
                    __amp_closed(&self.inner).await
                }
                pub fn capacity(&self) -> usize {
                    __amp_capacity(&self.inner).0
                }
                pub fn max_capacity(&self) -> usize {
                    __amp_capacity(&self.inner).1
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

            pub struct Receiver<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Receiver<T> {
                /// The next message; `None` once every sender is gone and the queue is empty.
                pub fn recv(&mut self) -> impl std::future::Future<Output = Option<T>> {
                    __amp_recv(&self.inner)
                }
                /// `rx.recv().await` in one call (compile/async_fn.rs): no future.
                pub fn __recv_now(&mut self) -> Option<T> {
                    __amp_recv_now(&self.inner)
                }
                pub fn try_recv(&mut self) -> Result<T, error::TryRecvError> {
                    try_recv_from(&self.inner)
                }
                /// The sync bridge: blocks the calling thread (or task) for the next message.
                pub fn blocking_recv(&mut self) -> Option<T> {
                    __chan_recv(&self.inner)
                }
                pub fn len(&self) -> usize {
                    __chan_len(&self.inner)
                }
                pub fn is_empty(&self) -> bool {
                    __chan_len(&self.inner) == 0
                }
            }

            impl<T> Debug for Receiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Receiver { .. }")
                }
            }

            pub struct UnboundedSender<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> UnboundedSender<T> {
                /// Never waits; `Err(SendError(value))` when the receiver is gone.
                pub fn send(&self, value: T) -> Result<(), error::SendError<T>> {
                    __amp_send(&self.inner, value)
                }
                pub fn is_closed(&self) -> bool {
                    __amp_is_closed(&self.inner)
                }
                /// Waits until every receiver is dropped (woken by the drop itself).
                pub async fn closed(&self) {
                    __amp_closed(&self.inner).await
                }
            }

            impl<T> Clone for UnboundedSender<T> {
                fn clone(&self) -> UnboundedSender<T> {
                    UnboundedSender { inner: __chan_clone(&self.inner) }
                }
            }

            impl<T> Debug for UnboundedSender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("UnboundedSender { .. }")
                }
            }

            pub struct UnboundedReceiver<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> UnboundedReceiver<T> {
                pub fn recv(&mut self) -> impl std::future::Future<Output = Option<T>> {
                    __amp_recv(&self.inner)
                }
                /// `rx.recv().await` in one call (compile/async_fn.rs): no future.
                pub fn __recv_now(&mut self) -> Option<T> {
                    __amp_recv_now(&self.inner)
                }
                pub fn try_recv(&mut self) -> Result<T, error::TryRecvError> {
                    try_recv_from(&self.inner)
                }
                pub fn blocking_recv(&mut self) -> Option<T> {
                    __chan_recv(&self.inner)
                }
                pub fn len(&self) -> usize {
                    __chan_len(&self.inner)
                }
                pub fn is_empty(&self) -> bool {
                    __chan_len(&self.inner) == 0
                }
            }

            impl<T> Debug for UnboundedReceiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("UnboundedReceiver { .. }")
                }
            }

            pub mod error {
                #[derive(PartialEq, Eq, Clone, Copy)]
                pub struct SendError<T>(pub T);

                impl<T> Debug for SendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("SendError { .. }")
                    }
                }

                impl<T> Display for SendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("channel closed")
                    }
                }

                impl<T> Error for SendError<T> {}

                #[derive(PartialEq, Eq, Clone, Copy)]
                pub enum TrySendError<T> {
                    Full(T),
                    Closed(T),
                }

                impl<T> TrySendError<T> {
                    pub fn into_inner(self) -> T {
                        match self {
                            TrySendError::Full(v) => v,
                            TrySendError::Closed(v) => v,
                        }
                    }
                }

                impl<T> Debug for TrySendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        match self {
                            TrySendError::Full(_) => f.write_str("Full(..)"),
                            TrySendError::Closed(_) => f.write_str("Closed(..)"),
                        }
                    }
                }

                impl<T> Display for TrySendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        match self {
                            TrySendError::Full(_) => f.write_str("no available capacity"),
                            TrySendError::Closed(_) => f.write_str("channel closed"),
                        }
                    }
                }

                impl<T> Error for TrySendError<T> {}

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
            }
        }

        pub mod oneshot {
            pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
                let (tx, rx) = __aone_new();
                (Sender { inner: tx }, Receiver { inner: rx })
            }

            pub struct Sender<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Sender<T> {
                /// Consumes the sender; `Err(value)` when the receiver is gone.
                pub fn send(self, t: T) -> Result<(), T> {
                    match __chan_try_send(&self.inner, t) {
                        Ok(()) => Ok(()),
                        Err((_, v)) => Err(v),
                    }
                }
                pub fn is_closed(&self) -> bool {
                    __amp_is_closed(&self.inner)
                }
                /// Waits until the receiver is dropped (woken by the drop itself).
                pub async fn closed(&mut self) {
                    __amp_closed(&self.inner).await
                }
            }

            impl<T> Debug for Sender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Sender { .. }")
                }
            }

            /// Awaiting it gives `Ok(value)`, or `Err(RecvError)` when the sender was dropped.
            pub struct Receiver<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Receiver<T> {
                pub fn try_recv(&mut self) -> Result<T, error::TryRecvError> {
                    match __chan_try_recv(&self.inner) {
                        Ok(v) => Ok(v),
                        Err(true) => Err(error::TryRecvError::Closed),
                        Err(_) => Err(error::TryRecvError::Empty),
                    }
                }
                pub fn blocking_recv(self) -> Result<T, error::RecvError> {
                    match __chan_recv(&self.inner) {
                        Some(v) => Ok(v),
                        None => Err(error::RecvError(())),
                    }
                }
            }

            impl<T> std::future::Future for Receiver<T> {
                type Output = Result<T, error::RecvError>;
                fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Result<T, error::RecvError>> {
                    std::task::Poll::Ready(__await(__aone_recv(&self.inner, error::RecvError(()))))
                }
            }

            impl<T> Debug for Receiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Receiver { .. }")
                }
            }

            pub mod error {
                #[derive(PartialEq, Eq, Clone, Copy)]
                pub struct RecvError(());

                impl Debug for RecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("RecvError(())")
                    }
                }

                impl Display for RecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("channel closed")
                    }
                }

                impl Error for RecvError {}

                #[derive(PartialEq, Eq, Clone, Copy, Debug)]
                pub enum TryRecvError {
                    Empty,
                    Closed,
                }

                impl Display for TryRecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        match self {
                            TryRecvError::Empty => f.write_str("channel empty"),
                            TryRecvError::Closed => f.write_str("channel closed"),
                        }
                    }
                }

                impl Error for TryRecvError {}
            }
        }

        pub mod broadcast {
            pub fn channel<T>(capacity: usize) -> (Sender<T>, Receiver<T>) {
                let (tx, rx) = __abc_new(capacity);
                (Sender { inner: tx }, Receiver { inner: rx })
            }

            pub struct Sender<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Sender<T> {
                /// To every receiver: how many there are; `Err(SendError(value))` when none.
                pub fn send(&self, value: T) -> Result<usize, error::SendError<T>> {
                    match __abc_send(&self.inner, value) {
                        Ok(n) => Ok(n),
                        Err(v) => Err(error::SendError(v)),
                    }
                }
                pub fn subscribe(&self) -> Receiver<T> {
                    Receiver { inner: __abc_subscribe(&self.inner) }
                }
                pub fn receiver_count(&self) -> usize {
                    __abc_receiver_count(&self.inner)
                }
            }

            impl<T> Clone for Sender<T> {
                fn clone(&self) -> Sender<T> {
                    Sender { inner: __abc_clone(&self.inner) }
                }
            }

            impl<T> Debug for Sender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Sender { .. }")
                }
            }

            pub struct Receiver<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Receiver<T> {
                /// The next message (a clone); `Err(Lagged(n))` after `n` were overwritten,
                /// `Err(Closed)` once every sender is gone and everything was received.
                pub fn recv(&mut self) -> impl std::future::Future<Output = Result<T, error::RecvError>> {
                    __abc_recv(&self.inner, error::RecvError::Closed)
                }
                pub fn try_recv(&mut self) -> Result<T, error::TryRecvError> {
                    __abc_try_recv(&self.inner, error::TryRecvError::Closed)
                }
                pub fn resubscribe(&self) -> Receiver<T> {
                    Receiver { inner: __abc_subscribe(&self.inner) }
                }
                pub fn len(&self) -> usize {
                    __abc_len(&self.inner)
                }
                pub fn is_empty(&self) -> bool {
                    __abc_len(&self.inner) == 0
                }
            }

            impl<T> Debug for Receiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Receiver { .. }")
                }
            }

            pub mod error {
                #[derive(PartialEq, Eq, Clone, Copy)]
                pub struct SendError<T>(pub T);

                impl<T> Debug for SendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("SendError { .. }")
                    }
                }

                impl<T> Display for SendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("channel closed")
                    }
                }

                impl<T> Error for SendError<T> {}

                #[derive(PartialEq, Eq, Clone, Copy, Debug)]
                pub enum RecvError {
                    Closed,
                    Lagged(u64),
                }

                impl Display for RecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        match self {
                            RecvError::Closed => f.write_str("channel closed"),
                            RecvError::Lagged(n) => write!(f, "channel lagged by {}", n),
                        }
                    }
                }

                impl Error for RecvError {}

                #[derive(PartialEq, Eq, Clone, Copy, Debug)]
                pub enum TryRecvError {
                    Closed,
                    Lagged(u64),
                    Empty,
                }

                impl Display for TryRecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        match self {
                            TryRecvError::Empty => f.write_str("channel empty"),
                            TryRecvError::Closed => f.write_str("channel closed"),
                            TryRecvError::Lagged(n) => write!(f, "channel lagged by {}", n),
                        }
                    }
                }

                impl Error for TryRecvError {}
            }
        }

        pub mod watch {
            pub fn channel<T>(init: T) -> (Sender<T>, Receiver<T>) {
                let (tx, rx) = __aw_new(init);
                (Sender { inner: tx }, Receiver { inner: rx })
            }

            pub struct Sender<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Sender<T> {
                /// Replace the value and notify; `Err(SendError(value))` when no receiver.
                pub fn send(&self, value: T) -> Result<(), error::SendError<T>> {
                    match __aw_send(&self.inner, value) {
                        Ok(()) => Ok(()),
                        Err(v) => Err(error::SendError(v)),
                    }
                }
                pub fn send_replace(&self, value: T) -> T {
                    __aw_send_replace(&self.inner, value)
                }
                pub fn borrow(&self) -> T {
                    __aw_borrow(&self.inner)
                }
                pub fn subscribe(&self) -> Receiver<T> {
                    Receiver { inner: __aw_subscribe(&self.inner) }
                }
                pub fn receiver_count(&self) -> usize {
                    __aw_receiver_count(&self.inner)
                }
                pub fn is_closed(&self) -> bool {
                    __aw_is_closed(&self.inner)
                }
            }

            impl<T> Clone for Sender<T> {
                fn clone(&self) -> Sender<T> {
                    Sender { inner: __aw_clone(&self.inner) }
                }
            }

            impl<T> Debug for Sender<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Sender { .. }")
                }
            }

            pub struct Receiver<T> {
                inner: tokio::sync::AsyncHandle<T>,
            }

            impl<T> Receiver<T> {
                /// The current value (shared, as tokio's `Ref`).
                pub fn borrow(&self) -> T {
                    __aw_borrow(&self.inner)
                }
                pub fn borrow_and_update(&mut self) -> T {
                    __aw_borrow_and_update(&self.inner)
                }
                /// Waits for a value not seen yet; `Err(RecvError)` once the senders are gone.
                pub fn changed(&mut self) -> impl std::future::Future<Output = Result<(), error::RecvError>> {
                    __aw_changed(&self.inner, error::RecvError(()))
                }
                pub fn has_changed(&self) -> Result<bool, error::RecvError> {
                    match __aw_has_changed(&self.inner) {
                        Some(b) => Ok(b),
                        None => Err(error::RecvError(())),
                    }
                }
            }

            impl<T> Clone for Receiver<T> {
                fn clone(&self) -> Receiver<T> {
                    Receiver { inner: __aw_clone(&self.inner) }
                }
            }

            impl<T> Debug for Receiver<T> {
                fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                    f.write_str("Receiver { .. }")
                }
            }

            pub mod error {
                #[derive(PartialEq, Eq, Clone, Copy)]
                pub struct SendError<T>(pub T);

                impl<T> Debug for SendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("SendError { .. }")
                    }
                }

                impl<T> Display for SendError<T> {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("channel closed")
                    }
                }

                impl<T> Error for SendError<T> {}

                #[derive(PartialEq, Eq, Clone, Copy)]
                pub struct RecvError(());

                impl Debug for RecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("RecvError(())")
                    }
                }

                impl Display for RecvError {
                    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
                        f.write_str("channel closed")
                    }
                }

                impl Error for RecvError {}
            }
        }
    }
}
