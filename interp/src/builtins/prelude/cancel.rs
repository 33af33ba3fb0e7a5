// `tokio_util::sync::CancellationToken`: a tree of cancellation flags. Cancelling a token
// cancels every token derived from it (`child_token`), at any depth; cancelling a child leaves
// its parent alone (the seed's sketch shared one flag between parent and child). Waiters of
// `cancelled().await` are woken through a `tokio::sync::Notify` per token.
pub mod tokio_util {
    pub mod sync {
        pub struct CancelNode {
            flag: std::sync::atomic::AtomicBool,
            // Children registered by `child_token`, drained once by `cancel` (a channel: no
            // lock guard to release in prelude code).
            kids_tx: std::sync::mpsc::Sender<std::sync::Arc<CancelNode>>,
            kids_rx: std::sync::mpsc::Receiver<std::sync::Arc<CancelNode>>,
            notify: tokio::sync::Notify,
        }

        pub struct CancellationToken {
            node: std::sync::Arc<CancelNode>,
        }

        impl Clone for CancellationToken {
            fn clone(&self) -> CancellationToken {
                CancellationToken { node: std::sync::Arc::clone(&self.node) }
            }
        }

        impl std::fmt::Debug for CancellationToken {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "CancellationToken {{ is_cancelled: {} }}", self.is_cancelled())
            }
        }

        fn cancel_node(node: &std::sync::Arc<CancelNode>) {
            if node.flag.swap(true, std::sync::atomic::Ordering::SeqCst) {
                return;
            }
            node.notify.notify_waiters();
            for k in node.kids_rx.try_iter() {
                cancel_node(&k);
            }
        }

        impl CancellationToken {
            pub fn new() -> CancellationToken {
                let (kids_tx, kids_rx) = std::sync::mpsc::channel();
                let node = CancelNode {
                    flag: std::sync::atomic::AtomicBool::new(false),
                    kids_tx,
                    kids_rx,
                    notify: tokio::sync::Notify::new(),
                };
                CancellationToken { node: std::sync::Arc::new(node) }
            }

            /// A token cancelled with this one (and its ancestors), not the other way round.
            pub fn child_token(&self) -> CancellationToken {
                let child = CancellationToken::new();
                let _ = self.node.kids_tx.send(std::sync::Arc::clone(&child.node));
                // Registered after a cancel drained the children: cancel it here.
                if self.is_cancelled() {
                    cancel_node(&child.node);
                }
                child
            }

            pub fn cancel(&self) {
                cancel_node(&self.node);
            }

            pub fn is_cancelled(&self) -> bool {
                self.node.flag.load(std::sync::atomic::Ordering::SeqCst)
            }

            /// Completes once the token is cancelled.
            pub async fn cancelled(&self) {
                loop {
                    if self.is_cancelled() {
                        return;
                    }
                    // Created before the second check: a cancel in between still wakes it.
                    let wait = self.node.notify.notified();
                    if self.is_cancelled() {
                        return;
                    }
                    wait.await;
                }
            }
        }
    }
}
