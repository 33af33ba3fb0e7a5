// The TERAS prelude, part 3: the adapter structs of `Iterator` (what `map`, `filter`, ...
// return) and the free functions of `std::iter`.

pub struct StepBy<I> {
    iter: I,
    step: usize,
    first: bool,
}

impl<I: Iterator> Iterator for StepBy<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.first {
            self.first = false;
            self.iter.next()
        } else {
            self.iter.nth(self.step)
        }
    }
}

pub struct Chain<A, B> {
    a: A,
    b: B,
    a_done: bool,
}

impl<A: Iterator, B: Iterator<Item = A::Item>> Iterator for Chain<A, B> {
    type Item = A::Item;
    fn next(&mut self) -> Option<A::Item> {
        if !self.a_done {
            let x = self.a.next();
            if x.is_some() {
                return x;
            }
            self.a_done = true;
        }
        self.b.next()
    }
}

pub struct Zip<A, B> {
    a: A,
    b: B,
}

impl<A: Iterator, B: Iterator> Iterator for Zip<A, B> {
    type Item = (A::Item, B::Item);
    fn next(&mut self) -> Option<(A::Item, B::Item)> {
        let x = self.a.next()?;
        let y = self.b.next()?;
        Some((x, y))
    }
}

pub struct Map<I, F> {
    iter: I,
    f: F,
}

impl<B, I: Iterator, F: FnMut(I::Item) -> B> Iterator for Map<I, F> {
    type Item = B;
    fn next(&mut self) -> Option<B> {
        match self.iter.next() {
            Some(x) => Some((self.f)(x)),
            None => None,
        }
    }
}

pub struct Filter<I, P> {
    iter: I,
    predicate: P,
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for Filter<I, P> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        while let Some(x) = self.iter.next() {
            if (self.predicate)(&x) {
                return Some(x);
            }
        }
        None
    }
}

pub struct FilterMap<I, F> {
    iter: I,
    f: F,
}

impl<B, I: Iterator, F: FnMut(I::Item) -> Option<B>> Iterator for FilterMap<I, F> {
    type Item = B;
    fn next(&mut self) -> Option<B> {
        while let Some(x) = self.iter.next() {
            let r = (self.f)(x);
            if r.is_some() {
                return r;
            }
        }
        None
    }
}

pub struct Enumerate<I> {
    iter: I,
    count: usize,
}

impl<I: Iterator> Iterator for Enumerate<I> {
    type Item = (usize, I::Item);
    fn next(&mut self) -> Option<(usize, I::Item)> {
        let x = self.iter.next()?;
        let i = self.count;
        self.count += 1;
        Some((i, x))
    }
}

pub struct Peekable<I: Iterator> {
    iter: I,
    has_peeked: bool,
    peeked: Option<I::Item>,
}

impl<I: Iterator> Iterator for Peekable<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.has_peeked {
            self.has_peeked = false;
            return self.peeked.take();
        }
        self.iter.next()
    }
}

impl<I: Iterator> Peekable<I> {
    pub fn peek(&mut self) -> Option<&I::Item> {
        if !self.has_peeked {
            self.peeked = self.iter.next();
            self.has_peeked = true;
        }
        self.peeked.as_ref()
    }
    pub fn peek_mut(&mut self) -> Option<&mut I::Item> {
        if !self.has_peeked {
            self.peeked = self.iter.next();
            self.has_peeked = true;
        }
        self.peeked.as_mut()
    }
    pub fn next_if<F: FnOnce(&I::Item) -> bool>(&mut self, func: F) -> Option<I::Item> {
        let hit = match self.peek() {
            Some(x) => func(x),
            None => false,
        };
        if hit { self.next() } else { None }
    }
    pub fn next_if_eq(&mut self, expected: &I::Item) -> Option<I::Item> {
        let hit = match self.peek() {
            Some(x) => x == expected,
            None => false,
        };
        if hit { self.next() } else { None }
    }
}

pub struct SkipWhile<I, P> {
    iter: I,
    predicate: P,
    done: bool,
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for SkipWhile<I, P> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.done {
            return self.iter.next();
        }
        while let Some(x) = self.iter.next() {
            if !(self.predicate)(&x) {
                self.done = true;
                return Some(x);
            }
        }
        None
    }
}

pub struct TakeWhile<I, P> {
    iter: I,
    predicate: P,
    done: bool,
}

impl<I: Iterator, P: FnMut(&I::Item) -> bool> Iterator for TakeWhile<I, P> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.done {
            return None;
        }
        let x = self.iter.next()?;
        if (self.predicate)(&x) {
            Some(x)
        } else {
            self.done = true;
            None
        }
    }
}

pub struct MapWhile<I, P> {
    iter: I,
    predicate: P,
    done: bool,
}

impl<B, I: Iterator, P: FnMut(I::Item) -> Option<B>> Iterator for MapWhile<I, P> {
    type Item = B;
    fn next(&mut self) -> Option<B> {
        if self.done {
            return None;
        }
        let x = self.iter.next()?;
        let r = (self.predicate)(x);
        if r.is_none() {
            self.done = true;
        }
        r
    }
}

pub struct Skip<I> {
    iter: I,
    n: usize,
}

impl<I: Iterator> Iterator for Skip<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.n > 0 {
            let n = self.n;
            self.n = 0;
            return self.iter.nth(n);
        }
        self.iter.next()
    }
}

pub struct Take<I> {
    iter: I,
    n: usize,
}

impl<I: Iterator> Iterator for Take<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.n == 0 {
            return None;
        }
        self.n -= 1;
        self.iter.next()
    }
}

pub struct Scan<I, St, F> {
    iter: I,
    state: St,
    f: F,
    done: bool,
}

impl<B, I: Iterator, St, F: FnMut(&mut St, I::Item) -> Option<B>> Iterator for Scan<I, St, F> {
    type Item = B;
    fn next(&mut self) -> Option<B> {
        if self.done {
            return None;
        }
        let x = self.iter.next()?;
        let r = (self.f)(&mut self.state, x);
        if r.is_none() {
            self.done = true;
        }
        r
    }
}

pub struct FlatMap<I, U, F> {
    iter: I,
    f: F,
    cur: U,
    has_cur: bool,
}

impl<I: Iterator, U: IntoIterator, F: FnMut(I::Item) -> U> Iterator for FlatMap<I, U, F> {
    type Item = U::Item;
    fn next(&mut self) -> Option<U::Item> {
        loop {
            if self.has_cur {
                let x = self.cur.next();
                if x.is_some() {
                    return x;
                }
                self.has_cur = false;
            }
            match self.iter.next() {
                Some(x) => {
                    self.cur = __into_iter((self.f)(x));
                    self.has_cur = true;
                }
                None => return None,
            }
        }
    }
}

pub struct Flatten<I: Iterator> {
    iter: I,
    cur: I::Item,
    has_cur: bool,
}

impl<I: Iterator> Iterator for Flatten<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        loop {
            if self.has_cur {
                let x = self.cur.next();
                if x.is_some() {
                    return x;
                }
                self.has_cur = false;
            }
            match self.iter.next() {
                Some(x) => {
                    self.cur = __into_iter(x);
                    self.has_cur = true;
                }
                None => return None,
            }
        }
    }
}

pub struct Fuse<I> {
    iter: I,
    done: bool,
}

impl<I: Iterator> Iterator for Fuse<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        if self.done {
            return None;
        }
        let x = self.iter.next();
        if x.is_none() {
            self.done = true;
        }
        x
    }
}

pub struct Inspect<I, F> {
    iter: I,
    f: F,
}

impl<I: Iterator, F: FnMut(&I::Item)> Iterator for Inspect<I, F> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let x = self.iter.next()?;
        (self.f)(&x);
        Some(x)
    }
}

pub struct Rev<T> {
    buf: Vec<T>,
}

impl<T> Iterator for Rev<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        self.buf.pop()
    }
}

pub struct Copied<I> {
    iter: I,
}

impl<I: Iterator> Iterator for Copied<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        match self.iter.next() {
            Some(x) => Some(__copy(x)),
            None => None,
        }
    }
}

pub struct Cloned<I> {
    iter: I,
}

impl<I: Iterator> Iterator for Cloned<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        match self.iter.next() {
            Some(x) => Some(x.clone()),
            None => None,
        }
    }
}

pub struct Cycle<I> {
    orig: I,
    cur: I,
}

impl<I: Iterator + Clone> Iterator for Cycle<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let x = self.cur.next();
        if x.is_some() {
            return x;
        }
        self.cur = self.orig.clone();
        self.cur.next()
    }
}

/// Items under std paths that user code names in full (`std::iter::repeat`,
/// `std::cmp::Reverse`) or imports (`use std::cmp::Reverse;`).
pub mod std {
    pub mod iter {
        pub fn repeat<T: Clone>(elt: T) -> Repeat<T> {
            Repeat { elt }
        }

        pub struct Repeat<T> {
            elt: T,
        }

        impl<T: Clone> Iterator for Repeat<T> {
            type Item = T;
            fn next(&mut self) -> Option<T> {
                Some(self.elt.clone())
            }
        }

        pub fn once<T>(value: T) -> OptionIter<T> {
            OptionIter { item: Some(value) }
        }

        pub fn empty<T>() -> OptionIter<T> {
            OptionIter { item: None }
        }

        pub fn from_fn<T, F: FnMut() -> Option<T>>(f: F) -> FromFn<F> {
            FromFn { f }
        }

        pub struct FromFn<F> {
            f: F,
        }

        impl<T, F: FnMut() -> Option<T>> Iterator for FromFn<F> {
            type Item = T;
            fn next(&mut self) -> Option<T> {
                (self.f)()
            }
        }

        pub fn successors<T, F: FnMut(&T) -> Option<T>>(first: Option<T>, succ: F) -> Successors<T, F> {
            Successors { next: first, succ }
        }

        pub struct Successors<T, F> {
            next: Option<T>,
            succ: F,
        }

        impl<T, F: FnMut(&T) -> Option<T>> Iterator for Successors<T, F> {
            type Item = T;
            fn next(&mut self) -> Option<T> {
                let item = self.next.take()?;
                self.next = (self.succ)(&item);
                Some(item)
            }
        }
    }

    pub mod cmp {
        /// `std::cmp::Reverse`: the natives order it reversed (see builtins::compare).
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, Default)]
        pub struct Reverse<T>(pub T);

        impl<T: PartialOrd> PartialOrd for Reverse<T> {
            fn partial_cmp(&self, other: &Reverse<T>) -> Option<Ordering> {
                other.0.partial_cmp(&self.0)
            }
        }

        impl<T: Ord> Ord for Reverse<T> {
            fn cmp(&self, other: &Reverse<T>) -> Ordering {
                other.0.cmp(&self.0)
            }
        }

        /// `std::cmp::max`/`min`/`x.clamp(..)` in a program that writes an `Ord` impl
        /// (compile/user_ord.rs routes them here; elsewhere the natives, which order the same
        /// values structurally, are faster).
        pub mod __user_ord {
            /// `std::cmp::max`: the second on ties; a hand-written order (also inside a
            /// tuple, `Option`, array) is the user's `cmp`, anything else compares natively.
            pub fn max<T: Ord>(v1: T, v2: T) -> T {
                if __needs_user_cmp(&v1, "Ord") || __needs_user_cmp(&v2, "Ord") {
                    if prelude_ord_cmp(&v1, &v2) == Ordering::Greater { v1 } else { v2 }
                } else {
                    v1.max(v2)
                }
            }

            /// `std::cmp::min`: the first on ties (see `max`).
            pub fn min<T: Ord>(v1: T, v2: T) -> T {
                if __needs_user_cmp(&v1, "Ord") || __needs_user_cmp(&v2, "Ord") {
                    if prelude_ord_cmp(&v1, &v2) == Ordering::Greater { v2 } else { v1 }
                } else {
                    v1.min(v2)
                }
            }

            /// `x.clamp(lo, hi)` of a tuple, `Option`, array.. holding user-ordered values
            /// (compile/user_ord.rs calls it where inference knows the receiver's type).
            pub fn clamp<T>(x: T, lo: T, hi: T) -> T {
                if prelude_ord_cmp(&lo, &hi) == Ordering::Greater {
                    __panic("assertion failed: min <= max");
                }
                if prelude_ord_cmp(&x, &lo) == Ordering::Less {
                    lo
                } else if prelude_ord_cmp(&x, &hi) == Ordering::Greater {
                    hi
                } else {
                    x
                }
            }
        }
    }
}
