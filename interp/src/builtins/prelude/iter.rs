// The TERAS prelude, part 2: `Iterator` with its adapters and consumers. The default methods
// apply to native iterators (ranges, `vec.iter()`, `s.chars()`, map iterators...) as well as
// to user types implementing `Iterator`. Adapters first turn a range into a native iterator
// (`__into_iter`), so `(0..n).map(f)` works. `rev` reverses native iterators natively and
// buffers user iterators (so a closure inside a reversed `map` runs front to back, unlike
// Rust's back to front: see docs/LANGUAGE.md).

pub trait IntoIterator {
    type Item;
    type IntoIter;
    fn into_iter(self) -> Self::IntoIter;
}

pub trait FromIterator<A> {
    fn from_iter<T: IntoIterator<Item = A>>(iter: T) -> Self;
}

pub trait DoubleEndedIterator: Iterator {
    fn next_back(&mut self) -> Option<Self::Item>;
}

pub trait ExactSizeIterator: Iterator {
    fn len(&self) -> usize;
}

pub trait Extend<A> {
    fn extend<T: IntoIterator<Item = A>>(&mut self, iter: T);
}

pub trait Sum<A = Self> {}

pub trait Product<A = Self> {}

/// Every item of an iterator, in a Vec.
pub fn prelude_iter_to_vec<I: Iterator>(iter: I) -> Vec<I::Item> {
    let mut v = Vec::new();
    for x in iter {
        v.push(x);
    }
    v
}

/// `Iterator::max` (`want_max`: the last of the greatest items, as std) or `min` (the first
/// of the least). Once some item holds a hand-written order, items compare with the user's
/// `cmp` (prelude_ord_cmp).
pub fn prelude_iter_extreme<I: Iterator>(iter: I, want_max: bool) -> Option<I::Item> {
    let mut best = None;
    let mut user = false;
    for x in iter {
        if !user && __needs_user_cmp(&x, "Ord") {
            user = true;
        }
        best = match best {
            None => Some(x),
            Some(b) => {
                let o = if user { prelude_ord_cmp(&b, &x) } else { b.cmp(&x) };
                if (o == Ordering::Greater) == want_max {
                    Some(b)
                } else {
                    Some(x)
                }
            }
        };
    }
    best
}

pub trait Iterator {
    type Item;

    fn next(&mut self) -> Option<Self::Item>;

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = __size_hint(self);
        (n, Some(n))
    }

    fn count(self) -> usize
    where
        Self: Sized,
    {
        if __is_native_iter(&self) {
            return __iter_count(self);
        }
        let mut n = 0;
        for _ in self {
            n += 1;
        }
        n
    }

    fn last(self) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut last = None;
        for x in self {
            last = Some(x);
        }
        last
    }

    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        let mut i = 0;
        for x in self {
            if i == n {
                return Some(x);
            }
            i += 1;
        }
        None
    }

    #[track_caller]
    fn step_by(self, step: usize) -> StepBy<Self>
    where
        Self: Sized,
    {
        if step == 0 {
            __panic("assertion failed: step != 0");
        }
        StepBy { iter: __into_iter(self), step: step - 1, first: true }
    }

    fn chain<U: IntoIterator<Item = Self::Item>>(self, other: U) -> Chain<Self, U::IntoIter>
    where
        Self: Sized,
    {
        Chain { a: __into_iter(self), b: __into_iter(other), a_done: false }
    }

    fn zip<U: IntoIterator>(self, other: U) -> Zip<Self, U::IntoIter>
    where
        Self: Sized,
    {
        Zip { a: __into_iter(self), b: __into_iter(other) }
    }

    fn map<B, F: FnMut(Self::Item) -> B>(self, f: F) -> Map<Self, F>
    where
        Self: Sized,
    {
        Map { iter: __into_iter(self), f }
    }

    fn for_each<F: FnMut(Self::Item)>(self, mut f: F)
    where
        Self: Sized,
    {
        for x in self {
            f(x);
        }
    }

    fn filter<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> Filter<Self, P>
    where
        Self: Sized,
    {
        Filter { iter: __into_iter(self), predicate }
    }

    fn filter_map<B, F: FnMut(Self::Item) -> Option<B>>(self, f: F) -> FilterMap<Self, F>
    where
        Self: Sized,
    {
        FilterMap { iter: __into_iter(self), f }
    }

    fn enumerate(self) -> Enumerate<Self>
    where
        Self: Sized,
    {
        Enumerate { iter: __into_iter(self), count: 0 }
    }

    fn peekable(self) -> Peekable<Self>
    where
        Self: Sized,
    {
        Peekable { iter: __into_iter(self), has_peeked: false, peeked: None }
    }

    fn skip_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> SkipWhile<Self, P>
    where
        Self: Sized,
    {
        SkipWhile { iter: __into_iter(self), predicate, done: false }
    }

    fn take_while<P: FnMut(&Self::Item) -> bool>(self, predicate: P) -> TakeWhile<Self, P>
    where
        Self: Sized,
    {
        TakeWhile { iter: __into_iter(self), predicate, done: false }
    }

    fn map_while<B, P: FnMut(Self::Item) -> Option<B>>(self, predicate: P) -> MapWhile<Self, P>
    where
        Self: Sized,
    {
        MapWhile { iter: __into_iter(self), predicate, done: false }
    }

    fn skip(self, n: usize) -> Skip<Self>
    where
        Self: Sized,
    {
        Skip { iter: __into_iter(self), n }
    }

    fn take(self, n: usize) -> Take<Self>
    where
        Self: Sized,
    {
        Take { iter: __into_iter(self), n }
    }

    fn scan<St, B, F: FnMut(&mut St, Self::Item) -> Option<B>>(self, initial_state: St, f: F) -> Scan<Self, St, F>
    where
        Self: Sized,
    {
        Scan { iter: __into_iter(self), state: initial_state, f, done: false }
    }

    fn flat_map<U: IntoIterator, F: FnMut(Self::Item) -> U>(self, f: F) -> FlatMap<Self, U, F>
    where
        Self: Sized,
    {
        FlatMap { iter: __into_iter(self), f, cur: __empty_iter(), has_cur: false }
    }

    fn flatten(self) -> Flatten<Self>
    where
        Self: Sized,
    {
        Flatten { iter: __into_iter(self), cur: __empty_iter(), has_cur: false }
    }

    fn fuse(self) -> Fuse<Self>
    where
        Self: Sized,
    {
        Fuse { iter: __into_iter(self), done: false }
    }

    fn inspect<F: FnMut(&Self::Item)>(self, f: F) -> Inspect<Self, F>
    where
        Self: Sized,
    {
        Inspect { iter: __into_iter(self), f }
    }

    fn by_ref(&mut self) -> &mut Self
    where
        Self: Sized,
    {
        self
    }

    fn collect<B: FromIterator<Self::Item>>(self) -> B
    where
        Self: Sized,
    {
        let c = __collect_from_vec(prelude_iter_to_vec(self));
        if __oc_is_unsettled(&c) {
            return prelude_oc_settle(c, true);
        }
        c
    }

    fn partition<B, F: FnMut(&Self::Item) -> bool>(self, mut f: F) -> (B, B)
    where
        Self: Sized,
    {
        let mut left = Vec::new();
        let mut right = Vec::new();
        for x in self {
            if f(&x) {
                left.push(x);
            } else {
                right.push(x);
            }
        }
        __collect_pair(left, right)
    }

    fn try_fold<B, F, R>(&mut self, init: B, mut f: F) -> R
    where
        F: FnMut(B, Self::Item) -> R,
    {
        let mut acc = init;
        let mut sample = ();
        for x in self {
            let r = f(acc, x);
            if __try_is_break(&r) {
                return r;
            }
            acc = __try_unwrap(r);
            sample = __try_sample(&r);
        }
        __try_wrap(acc, sample)
    }

    fn try_for_each<F, R>(&mut self, mut f: F) -> R
    where
        F: FnMut(Self::Item) -> R,
    {
        let mut sample = ();
        for x in self {
            let r = f(x);
            if __try_is_break(&r) {
                return r;
            }
            sample = __try_sample(&r);
        }
        __try_wrap((), sample)
    }

    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, mut f: F) -> B
    where
        Self: Sized,
    {
        let mut acc = init;
        for x in self {
            acc = f(acc, x);
        }
        acc
    }

    fn reduce<F: FnMut(Self::Item, Self::Item) -> Self::Item>(self, mut f: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut acc = None;
        for x in self {
            acc = match acc {
                None => Some(x),
                Some(a) => Some(f(a, x)),
            };
        }
        acc
    }

    fn all<F: FnMut(Self::Item) -> bool>(&mut self, mut f: F) -> bool {
        for x in self {
            if !f(x) {
                return false;
            }
        }
        true
    }

    fn any<F: FnMut(Self::Item) -> bool>(&mut self, mut f: F) -> bool {
        for x in self {
            if f(x) {
                return true;
            }
        }
        false
    }

    fn find<P: FnMut(&Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<Self::Item> {
        for x in self {
            if predicate(&x) {
                return Some(x);
            }
        }
        None
    }

    fn find_map<B, F: FnMut(Self::Item) -> Option<B>>(&mut self, mut f: F) -> Option<B> {
        for x in self {
            let r = f(x);
            if r.is_some() {
                return r;
            }
        }
        None
    }

    fn position<P: FnMut(Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<usize> {
        let mut i = 0;
        for x in self {
            if predicate(x) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    fn rposition<P: FnMut(Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<usize> {
        let mut v = prelude_iter_to_vec(self);
        let mut i = v.len();
        while let Some(x) = v.pop() {
            i -= 1;
            if predicate(x) {
                return Some(i);
            }
        }
        None
    }

    fn max(self) -> Option<Self::Item>
    where
        Self: Sized,
    {
        prelude_iter_extreme(self, true)
    }

    fn min(self) -> Option<Self::Item>
    where
        Self: Sized,
    {
        prelude_iter_extreme(self, false)
    }

    fn max_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(self, mut f: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = None;
        let mut best_key = None;
        let mut user = false;
        for x in self {
            let k = f(&x);
            if !user && __needs_user_cmp(&k, "Ord") {
                user = true;
            }
            let better = match &best_key {
                None => true,
                Some(bk) => (if user { prelude_ord_cmp(&k, bk) } else { k.cmp(bk) }) != Ordering::Less,
            };
            if better {
                best = Some(x);
                best_key = Some(k);
            }
        }
        best
    }

    fn max_by<F: FnMut(&Self::Item, &Self::Item) -> Ordering>(self, mut compare: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = None;
        for x in self {
            best = match best {
                None => Some(x),
                Some(b) => {
                    if compare(&b, &x) == Ordering::Greater {
                        Some(b)
                    } else {
                        Some(x)
                    }
                }
            };
        }
        best
    }

    fn min_by_key<B: Ord, F: FnMut(&Self::Item) -> B>(self, mut f: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = None;
        let mut best_key = None;
        let mut user = false;
        for x in self {
            let k = f(&x);
            if !user && __needs_user_cmp(&k, "Ord") {
                user = true;
            }
            let better = match &best_key {
                None => true,
                Some(bk) => (if user { prelude_ord_cmp(&k, bk) } else { k.cmp(bk) }) == Ordering::Less,
            };
            if better {
                best = Some(x);
                best_key = Some(k);
            }
        }
        best
    }

    fn min_by<F: FnMut(&Self::Item, &Self::Item) -> Ordering>(self, mut compare: F) -> Option<Self::Item>
    where
        Self: Sized,
    {
        let mut best = None;
        for x in self {
            best = match best {
                None => Some(x),
                Some(b) => {
                    if compare(&b, &x) == Ordering::Greater {
                        Some(x)
                    } else {
                        Some(b)
                    }
                }
            };
        }
        best
    }

    fn rev(self) -> Rev<Self>
    where
        Self: Sized,
    {
        if let Some(r) = __rev(&self) {
            return r;
        }
        Rev { buf: prelude_iter_to_vec(self) }
    }

    fn rfold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, f: F) -> B
    where
        Self: Sized,
    {
        self.rev().fold(init, f)
    }

    fn rfind<P: FnMut(&Self::Item) -> bool>(&mut self, mut predicate: P) -> Option<Self::Item> {
        let mut v = prelude_iter_to_vec(self);
        while let Some(x) = v.pop() {
            if predicate(&x) {
                return Some(x);
            }
        }
        None
    }

    fn nth_back(&mut self, n: usize) -> Option<Self::Item> {
        let mut v = prelude_iter_to_vec(self);
        let len = v.len();
        if n >= len {
            return None;
        }
        Some(v.swap_remove(len - 1 - n))
    }

    fn unzip<A, B, FromA, FromB>(self) -> (FromA, FromB)
    where
        Self: Sized,
    {
        let mut left = Vec::new();
        let mut right = Vec::new();
        for (a, b) in self {
            left.push(a);
            right.push(b);
        }
        __collect_pair(left, right)
    }

    fn copied(self) -> Copied<Self>
    where
        Self: Sized,
    {
        Copied { iter: __into_iter(self) }
    }

    fn cloned(self) -> Cloned<Self>
    where
        Self: Sized,
    {
        Cloned { iter: __into_iter(self) }
    }

    fn cycle(self) -> Cycle<Self>
    where
        Self: Sized,
    {
        let it = __into_iter(self);
        Cycle { orig: it.clone(), cur: it }
    }

    fn sum<S>(self) -> S
    where
        Self: Sized,
    {
        if __is_native_iter(&self) {
            return __sum(self);
        }
        __sum(prelude_iter_to_vec(self))
    }

    fn product<P>(self) -> P
    where
        Self: Sized,
    {
        if __is_native_iter(&self) {
            return __product(self);
        }
        __product(prelude_iter_to_vec(self))
    }

    fn cmp<I: IntoIterator<Item = Self::Item>>(self, other: I) -> Ordering
    where
        Self: Sized,
    {
        prelude_cmp(&prelude_iter_to_vec(self), &prelude_iter_to_vec(other))
    }

    fn partial_cmp<I: IntoIterator>(self, other: I) -> Option<Ordering>
    where
        Self: Sized,
    {
        prelude_ord_partial(&prelude_iter_to_vec(self), &prelude_iter_to_vec(other))
    }

    fn eq<I: IntoIterator>(self, other: I) -> bool
    where
        Self: Sized,
    {
        prelude_iter_to_vec(self) == prelude_iter_to_vec(other)
    }

    fn ne<I: IntoIterator>(self, other: I) -> bool
    where
        Self: Sized,
    {
        prelude_iter_to_vec(self) != prelude_iter_to_vec(other)
    }

    fn lt<I: IntoIterator>(self, other: I) -> bool
    where
        Self: Sized,
    {
        __ord_lt(&prelude_iter_to_vec(self), &prelude_iter_to_vec(other))
    }

    fn le<I: IntoIterator>(self, other: I) -> bool
    where
        Self: Sized,
    {
        __ord_le(&prelude_iter_to_vec(self), &prelude_iter_to_vec(other))
    }

    fn gt<I: IntoIterator>(self, other: I) -> bool
    where
        Self: Sized,
    {
        __ord_gt(&prelude_iter_to_vec(self), &prelude_iter_to_vec(other))
    }

    fn ge<I: IntoIterator>(self, other: I) -> bool
    where
        Self: Sized,
    {
        __ord_ge(&prelude_iter_to_vec(self), &prelude_iter_to_vec(other))
    }

    fn is_sorted(self) -> bool
    where
        Self: Sized,
    {
        let v = prelude_iter_to_vec(self);
        let mut i = 1;
        while i < v.len() {
            if !prelude_le(&v[i - 1], &v[i]) {
                return false;
            }
            i += 1;
        }
        true
    }

    fn is_sorted_by_key<K: PartialOrd, F: FnMut(Self::Item) -> K>(self, f: F) -> bool
    where
        Self: Sized,
    {
        self.map(f).is_sorted()
    }
}

