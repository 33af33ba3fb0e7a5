// The TERAS prelude: `tokio_stream` (the tokio tutorial's "Streams"), as prelude structs: a
// stream is a value with an `async fn next(&mut self) -> Option<T>`; `StreamExt`'s adapters
// (`map`, `filter`, `filter_map`, `take`, `skip`, `take_while`, `then`, `chain`, `merge`) wrap
// it, and its consumers (`collect`, `fold`) are async. `iter`, `once`, `empty` and
// `wrappers::{ReceiverStream, UnboundedReceiverStream}` make streams; `StreamMap` merges
// streams by key. The adapter types are named `StreamMapped`, `StreamFilter`, ...
// (tokio-stream: `Map`, `Filter`): impls are keyed by a type's bare name, and `Map` is the
// iterator adapter's. `merge` and `StreamMap` poll their streams' `next()` futures by hand
// (`StreamSide` keeps one in flight across polls, so no item is lost). docs/LANGUAGE.md 7.5.

pub mod tokio_stream {
    /// `StreamExt`: the adapters and consumers of every stream of this module.
    pub trait StreamExt: Stream {
        fn map<F>(self, f: F) -> StreamMapped<Self, F> {
            StreamMapped { s: self, f: f }
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
        fn merge<S>(self, other: S) -> StreamMerge<Self, S> {
            StreamMerge { a: StreamSide::new(self), b: StreamSide::new(other), a_first: true }
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
    }

    /// Every `Stream` (a program's type implementing it) gets `StreamExt`'s methods: the
    /// compiler attaches them to the implementors of `Stream` only (`compile/items.rs`,
    /// `supertrait_blanket`).
    impl<S: Stream> StreamExt for S {}

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

    pub struct StreamMapped<S, F> {
        s: S,
        f: F,
    }
    impl<S, F> StreamMapped<S, F> {
        pub async fn next(&mut self) -> Option<S> {
            match self.s.next().await {
                Some(v) => Some((self.f)(v)),
                None => None,
            }
        }
    }
    impl<S, F> StreamExt for StreamMapped<S, F> {}

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

    /// One stream of a `merge` or a `StreamMap`, with its `next()` future in flight (kept
    /// across polls: dropping it could lose an item) and whether it ended (it is not polled
    /// again, as tokio-stream's `Fuse`).
    pub struct StreamSide<S, F> {
        s: S,
        fut: Option<F>,
        done: bool,
    }
    impl<S, F> StreamSide<S, F> {
        fn new(s: S) -> StreamSide<S, F> {
            StreamSide { s: s, fut: None, done: false }
        }
        /// `poll_next` of the stream: poll its `next()` future, starting one if none is in
        /// flight.
        fn poll_side<T>(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<T>> {
            if self.done {
                return std::task::Poll::Ready(None);
            }
            if self.fut.is_none() {
                self.fut = Some(self.s.next());
            }
            let p = match &mut self.fut {
                Some(f) => f.poll(cx),
                None => std::task::Poll::Ready(None),
            };
            match p {
                std::task::Poll::Ready(v) => {
                    self.fut = None;
                    if v.is_none() {
                        self.done = true;
                    }
                    std::task::Poll::Ready(v)
                }
                std::task::Poll::Pending => std::task::Poll::Pending,
            }
        }
    }

    /// `a.merge(b)` (tokio-stream's `Merge`): the items of both streams as they arrive; when
    /// both have one ready they alternate (`a` is polled first at the first poll, and the
    /// first one swaps at every poll). Ends once both ended.
    pub struct StreamMerge<A, B> {
        a: A,
        b: B,
        a_first: bool,
    }
    impl<A, B> StreamMerge<A, B> {
        pub async fn next(&mut self) -> Option<A> {
            StreamPollNext { s: self }.await
        }
        fn poll_next<T>(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<T>> {
            let a_first = self.a_first;
            self.a_first = !a_first;
            let mut done = true;
            let mut i = 0;
            while i < 2 {
                let p = if (i == 0) == a_first { self.a.poll_side(cx) } else { self.b.poll_side(cx) };
                match p {
                    std::task::Poll::Ready(Some(v)) => return std::task::Poll::Ready(Some(v)),
                    std::task::Poll::Ready(None) => {}
                    std::task::Poll::Pending => done = false,
                }
                i += 1;
            }
            if done {
                std::task::Poll::Ready(None)
            } else {
                std::task::Poll::Pending
            }
        }
    }
    impl<A, B> StreamExt for StreamMerge<A, B> {}

    /// The future of `next()` on a combinator with a `poll_next` method of its own.
    pub struct StreamPollNext<S> {
        s: S,
    }
    impl<S> std::future::Future for StreamPollNext<S> {
        type Output = Option<S>;
        fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<S>> {
            self.s.poll_next(cx)
        }
    }

    /// tokio-stream's `StreamMap`: streams by key, merged into one stream of `(key, item)`;
    /// a stream that ends is removed. Which of several ready streams goes first is random in
    /// tokio-stream; here the first stream polled rotates at every poll.
    pub struct StreamMap<K, V> {
        keys: Vec<K>,
        sides: Vec<StreamSide<V, V>>,
        start: usize,
    }
    impl<K, V> StreamMap<K, V> {
        pub fn new() -> StreamMap<K, V> {
            StreamMap { keys: Vec::new(), sides: Vec::new(), start: 0 }
        }
        pub fn with_capacity(n: usize) -> StreamMap<K, V> {
            StreamMap { keys: Vec::with_capacity(n), sides: Vec::with_capacity(n), start: 0 }
        }
        pub fn capacity(&self) -> usize {
            self.keys.capacity()
        }
        pub fn len(&self) -> usize {
            self.keys.len()
        }
        pub fn is_empty(&self) -> bool {
            self.keys.is_empty()
        }
        pub fn clear(&mut self) {
            self.keys.clear();
            self.sides.clear();
        }
        /// Insert (replacing and returning the stream of an equal key).
        pub fn insert(&mut self, k: K, stream: V) -> Option<V> {
            let old = self.remove(&k);
            self.keys.push(k);
            self.sides.push(StreamSide::new(stream));
            old
        }
        pub fn remove<Q>(&mut self, k: &Q) -> Option<V> {
            let mut i = 0;
            while i < self.keys.len() {
                if self.keys[i] == *k {
                    self.keys.swap_remove(i);
                    return Some(self.sides.swap_remove(i).s);
                }
                i += 1;
            }
            None
        }
        pub fn contains_key<Q>(&self, k: &Q) -> bool {
            let mut i = 0;
            while i < self.keys.len() {
                if self.keys[i] == *k {
                    return true;
                }
                i += 1;
            }
            false
        }
        pub fn keys(&self) -> std::vec::IntoIter<K> {
            let mut out = Vec::new();
            for k in self.keys.iter() {
                out.push(k);
            }
            out.into_iter()
        }
        pub fn values(&self) -> std::vec::IntoIter<V> {
            let mut out = Vec::new();
            for s in self.sides.iter() {
                out.push(&s.s);
            }
            out.into_iter()
        }
        pub fn values_mut(&mut self) -> std::vec::IntoIter<V> {
            let mut out = Vec::new();
            for s in self.sides.iter_mut() {
                out.push(&mut s.s);
            }
            out.into_iter()
        }
        pub fn iter(&self) -> std::vec::IntoIter<(K, V)> {
            let mut out = Vec::new();
            let mut i = 0;
            while i < self.keys.len() {
                out.push((&self.keys[i], &self.sides[i].s));
                i += 1;
            }
            out.into_iter()
        }
        pub async fn next(&mut self) -> Option<(K, V)> {
            StreamPollNext { s: self }.await
        }
        /// tokio-stream's `poll_next_entry`, from a rotating start instead of a random one.
        fn poll_next<T>(&mut self, cx: &mut std::task::Context<'_>) -> std::task::Poll<Option<T>> {
            let n = self.keys.len();
            if n == 0 {
                return std::task::Poll::Ready(None);
            }
            let start = self.start % n;
            self.start = start + 1;
            let mut idx = start;
            let mut k = 0;
            while k < n {
                match self.sides[idx].poll_side(cx) {
                    std::task::Poll::Ready(Some(v)) => {
                        return std::task::Poll::Ready(Some((self.keys[idx].clone(), v)));
                    }
                    std::task::Poll::Ready(None) => {
                        self.keys.swap_remove(idx);
                        self.sides.swap_remove(idx);
                        if idx == self.keys.len() {
                            idx = 0;
                        } else if idx < start && start <= self.keys.len() {
                            idx = (idx + 1) % self.keys.len();
                        }
                    }
                    std::task::Poll::Pending => {
                        idx = (idx + 1) % self.keys.len();
                    }
                }
                k += 1;
            }
            if self.keys.is_empty() {
                std::task::Poll::Ready(None)
            } else {
                std::task::Poll::Pending
            }
        }
    }
    impl<K, V> Default for StreamMap<K, V> {
        fn default() -> StreamMap<K, V> {
            StreamMap::new()
        }
    }
    impl<K, V> StreamExt for StreamMap<K, V> {}

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
