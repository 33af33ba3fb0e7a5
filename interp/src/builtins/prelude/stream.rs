// The TERAS prelude: `tokio_stream` (the tokio tutorial's "Streams"), as prelude structs: a
// stream is a value with an `async fn next(&mut self) -> Option<T>`; `StreamExt`'s adapters
// (`map`, `filter`, `filter_map`, `take`, `skip`, `take_while`, `then`, `chain`) wrap it, and
// its consumers (`collect`, `fold`) are async. `iter`, `once`, `empty` and
// `wrappers::{ReceiverStream, UnboundedReceiverStream}` make streams. The adapter types are
// named `StreamMap`, `StreamFilter`, ... (tokio-stream: `Map`, `Filter`): impls are keyed by
// a type's bare name, and `Map` is the iterator adapter's. docs/LANGUAGE.md 7.5.

pub mod tokio_stream {
    /// `StreamExt`: the adapters and consumers of every stream of this module.
    pub trait StreamExt {
        fn map<F>(self, f: F) -> StreamMap<Self, F> {
            StreamMap { s: self, f: f }
        }
        fn filter<F>(self, f: F) -> StreamFilter<Self, F> {
            StreamFilter { s: self, f: f }
        }
        fn filter_map<F>(self, f: F) -> StreamFilterMap<Self, F> {
            StreamFilterMap { s: self, f: f }
        }
        fn take(self, n: usize) -> StreamTake<Self> {
            StreamTake { s: self, n: n }
        }
        fn skip(self, n: usize) -> StreamSkip<Self> {
            StreamSkip { s: self, n: n }
        }
        fn take_while<F>(self, f: F) -> StreamTakeWhile<Self, F> {
            StreamTakeWhile { s: self, f: f, done: false }
        }
        fn then<F>(self, f: F) -> StreamThen<Self, F> {
            StreamThen { s: self, f: f }
        }
        fn chain<S>(self, other: S) -> StreamChain<Self, S> {
            StreamChain { a: self, b: other, first: true }
        }
        async fn collect<C>(mut self) -> C {
            let mut v = Vec::new();
            while let Some(x) = self.next().await {
                v.push(x);
            }
            v.into_iter().collect()
        }
        async fn fold<B, F>(mut self, init: B, f: F) -> B {
            let mut acc = init;
            while let Some(x) = self.next().await {
                acc = f(acc, x);
            }
            acc
        }
    }

    /// `Stream`: a program type implementing `poll_next(self: Pin<&mut Self>, cx)` gets
    /// `next()` (a future that polls it) and the adapters and consumers of `StreamExt`.
    pub trait Stream {
        fn next(&mut self) -> StreamNext<Self> {
            StreamNext { s: self }
        }
        fn map<F>(self, f: F) -> StreamMap<Self, F> {
            StreamMap { s: self, f: f }
        }
        fn filter<F>(self, f: F) -> StreamFilter<Self, F> {
            StreamFilter { s: self, f: f }
        }
        fn filter_map<F>(self, f: F) -> StreamFilterMap<Self, F> {
            StreamFilterMap { s: self, f: f }
        }
        fn take(self, n: usize) -> StreamTake<Self> {
            StreamTake { s: self, n: n }
        }
        fn skip(self, n: usize) -> StreamSkip<Self> {
            StreamSkip { s: self, n: n }
        }
        fn take_while<F>(self, f: F) -> StreamTakeWhile<Self, F> {
            StreamTakeWhile { s: self, f: f, done: false }
        }
        fn then<F>(self, f: F) -> StreamThen<Self, F> {
            StreamThen { s: self, f: f }
        }
        fn chain<S>(self, other: S) -> StreamChain<Self, S> {
            StreamChain { a: self, b: other, first: true }
        }
        async fn collect<C>(mut self) -> C {
            let mut v = Vec::new();
            while let Some(x) = self.next().await {
                v.push(x);
            }
            v.into_iter().collect()
        }
        async fn fold<B, F>(mut self, init: B, f: F) -> B {
            let mut acc = init;
            while let Some(x) = self.next().await {
                acc = f(acc, x);
            }
            acc
        }
    }

    /// The future of `Stream::next` on a program's stream: each poll is a `poll_next`.
    pub struct StreamNext<S> {
        s: S,
    }
    impl<S> std::future::Future for StreamNext<S> {
        type Output = Option<S>;
        fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<S>> {
            self.s.poll_next(cx)
        }
    }

    /// `tokio_stream::iter(i)`: the items of an iterator.
    pub struct StreamIter<I> {
        it: I,
    }
    pub fn iter<I>(i: I) -> StreamIter<I> {
        StreamIter { it: i.into_iter() }
    }
    impl<I> StreamIter<I> {
        pub async fn next(&mut self) -> Option<I> {
            self.it.next()
        }
    }
    impl<I> StreamExt for StreamIter<I> {}

    /// `once(v)`, `empty()`: one item, none.
    pub fn once<T>(v: T) -> StreamIter<T> {
        StreamIter { it: vec![v].into_iter() }
    }
    pub fn empty<T>() -> StreamIter<T> {
        StreamIter { it: Vec::<T>::new().into_iter() }
    }

    pub struct StreamMap<S, F> {
        s: S,
        f: F,
    }
    impl<S, F> StreamMap<S, F> {
        pub async fn next(&mut self) -> Option<S> {
            match self.s.next().await {
                Some(v) => Some((self.f)(v)),
                None => None,
            }
        }
    }
    impl<S, F> StreamExt for StreamMap<S, F> {}

    pub struct StreamFilter<S, F> {
        s: S,
        f: F,
    }
    impl<S, F> StreamFilter<S, F> {
        pub async fn next(&mut self) -> Option<S> {
            loop {
                match self.s.next().await {
                    Some(v) => {
                        if (self.f)(&v) {
                            return Some(v);
                        }
                    }
                    None => return None,
                }
            }
        }
    }
    impl<S, F> StreamExt for StreamFilter<S, F> {}

    pub struct StreamFilterMap<S, F> {
        s: S,
        f: F,
    }
    impl<S, F> StreamFilterMap<S, F> {
        pub async fn next(&mut self) -> Option<S> {
            loop {
                match self.s.next().await {
                    Some(v) => {
                        if let Some(x) = (self.f)(v) {
                            return Some(x);
                        }
                    }
                    None => return None,
                }
            }
        }
    }
    impl<S, F> StreamExt for StreamFilterMap<S, F> {}

    pub struct StreamTake<S> {
        s: S,
        n: usize,
    }
    impl<S> StreamTake<S> {
        pub async fn next(&mut self) -> Option<S> {
            if self.n == 0 {
                return None;
            }
            self.n -= 1;
            self.s.next().await
        }
    }
    impl<S> StreamExt for StreamTake<S> {}

    pub struct StreamSkip<S> {
        s: S,
        n: usize,
    }
    impl<S> StreamSkip<S> {
        pub async fn next(&mut self) -> Option<S> {
            while self.n > 0 {
                self.n -= 1;
                if self.s.next().await.is_none() {
                    return None;
                }
            }
            self.s.next().await
        }
    }
    impl<S> StreamExt for StreamSkip<S> {}

    pub struct StreamTakeWhile<S, F> {
        s: S,
        f: F,
        done: bool,
    }
    impl<S, F> StreamTakeWhile<S, F> {
        pub async fn next(&mut self) -> Option<S> {
            if self.done {
                return None;
            }
            match self.s.next().await {
                Some(v) => {
                    if (self.f)(&v) {
                        Some(v)
                    } else {
                        self.done = true;
                        None
                    }
                }
                None => None,
            }
        }
    }
    impl<S, F> StreamExt for StreamTakeWhile<S, F> {}

    /// `then(f)`: `f` returns a future, awaited for each item.
    pub struct StreamThen<S, F> {
        s: S,
        f: F,
    }
    impl<S, F> StreamThen<S, F> {
        pub async fn next(&mut self) -> Option<S> {
            match self.s.next().await {
                Some(v) => Some((self.f)(v).await),
                None => None,
            }
        }
    }
    impl<S, F> StreamExt for StreamThen<S, F> {}

    pub struct StreamChain<A, B> {
        a: A,
        b: B,
        first: bool,
    }
    impl<A, B> StreamChain<A, B> {
        pub async fn next(&mut self) -> Option<A> {
            if self.first {
                match self.a.next().await {
                    Some(v) => return Some(v),
                    None => self.first = false,
                }
            }
            self.b.next().await
        }
    }
    impl<A, B> StreamExt for StreamChain<A, B> {}

    pub mod wrappers {
        /// A tokio `mpsc::Receiver` as a stream.
        pub struct ReceiverStream<T> {
            rx: T,
        }
        impl<T> ReceiverStream<T> {
            pub fn new(rx: T) -> ReceiverStream<T> {
                ReceiverStream { rx: rx }
            }
            pub async fn next(&mut self) -> Option<T> {
                self.rx.recv().await
            }
            pub fn into_inner(self) -> T {
                self.rx
            }
        }
        impl<T> super::StreamExt for ReceiverStream<T> {}

        /// A tokio `mpsc::UnboundedReceiver` as a stream.
        pub struct UnboundedReceiverStream<T> {
            rx: T,
        }
        impl<T> UnboundedReceiverStream<T> {
            pub fn new(rx: T) -> UnboundedReceiverStream<T> {
                UnboundedReceiverStream { rx: rx }
            }
            pub async fn next(&mut self) -> Option<T> {
                self.rx.recv().await
            }
            pub fn into_inner(self) -> T {
                self.rx
            }
        }
        impl<T> super::StreamExt for UnboundedReceiverStream<T> {}
    }
}
