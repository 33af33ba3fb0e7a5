// The TERAS prelude: `BTreeMap`, `BTreeSet` and `BinaryHeap` of keys with a hand-written
// `Ord` (`Collection::Ordered`, see builtins/ordcoll.rs). A native collection turns into one
// when such a key enters it; from then on its methods are the `__OrdMap`/`__OrdSet`/
// `__OrdHeap` impls below (with the natives of builtins/ordcoll.rs for what needs no
// comparison), and every comparison calls the user's `cmp` through `prelude_ord_cmp`.

/// `Ord::cmp` of two values, calling hand-written `cmp` impls wherever they are inside
/// (a tuple, `Vec`, `Option` or derived struct holding a user-ordered value compares its
/// parts in order, as the derive would).
fn prelude_ord_cmp<T>(a: &T, b: &T) -> Ordering {
    let s = __cmp_shape(a, b, false);
    if s == 0 {
        return Ordering::Less;
    }
    if s == 1 {
        return Ordering::Equal;
    }
    if s == 2 {
        return Ordering::Greater;
    }
    if s == 4 {
        return a.cmp(b);
    }
    if s == 5 {
        return prelude_ord_cmp(&b.0, &a.0);
    }
    let pa = __cmp_parts(a);
    let pb = __cmp_parts(b);
    let n = if pa.len() < pb.len() { pa.len() } else { pb.len() };
    let mut i = 0;
    while i < n {
        match prelude_ord_cmp(&pa[i], &pb[i]) {
            Ordering::Equal => {}
            o => return o,
        }
        i += 1;
    }
    pa.len().cmp(&pb.len())
}

/// `a.cmp(b)` as Rust does it for std code that compares (sort keys, `max`, `min`, `clamp`,
/// `binary_search`): through `prelude_ord_cmp` when either value holds a hand-written order
/// (a user type, or a tuple, `Option`, array, `Vec` holding one), natively otherwise.
fn prelude_cmp<T>(a: &T, b: &T) -> Ordering {
    if __needs_user_cmp(a, "Ord") || __needs_user_cmp(b, "Ord") {
        prelude_ord_cmp(a, b)
    } else {
        a.cmp(b)
    }
}

/// `a <= b` as Rust does it (`prelude_ord_partial` when a hand-written order is involved).
fn prelude_le<T>(a: &T, b: &T) -> bool {
    if __needs_user_cmp(a, "PartialOrd") || __needs_user_cmp(b, "PartialOrd") {
        __ord_le(a, b)
    } else {
        a <= b
    }
}

/// `<`, `<=`, `>`, `>=` of std aggregates holding user-ordered values (compile/user_ord.rs).
fn __ord_lt<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Less) => true,
        _ => false,
    }
}
fn __ord_le<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Less) | Some(Ordering::Equal) => true,
        _ => false,
    }
}
fn __ord_gt<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Greater) => true,
        _ => false,
    }
}
fn __ord_ge<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Greater) | Some(Ordering::Equal) => true,
        _ => false,
    }
}

/// `PartialOrd::partial_cmp` of two values, calling hand-written `partial_cmp` impls
/// wherever they are inside (as `prelude_ord_cmp`).
fn prelude_ord_partial<T>(a: &T, b: &T) -> Option<Ordering> {
    let s = __cmp_shape(a, b, true);
    if s == 0 {
        return Some(Ordering::Less);
    }
    if s == 1 {
        return Some(Ordering::Equal);
    }
    if s == 2 {
        return Some(Ordering::Greater);
    }
    if s == 3 {
        return None;
    }
    if s == 4 {
        return a.partial_cmp(b);
    }
    if s == 5 {
        return prelude_ord_partial(&b.0, &a.0);
    }
    let pa = __cmp_parts(a);
    let pb = __cmp_parts(b);
    let n = if pa.len() < pb.len() { pa.len() } else { pb.len() };
    let mut i = 0;
    while i < n {
        match prelude_ord_partial(&pa[i], &pb[i]) {
            Some(Ordering::Equal) => {}
            o => return o,
        }
        i += 1;
    }
    Some(pa.len().cmp(&pb.len()))
}

/// Where `k` is (`Ok(i)`) or would go (`Err(i)`) among the keys of a user-ordered map or set
/// (`k.cmp(key)`, as std's search).
fn prelude_oc_search<C, K>(c: &C, k: &K) -> Result<usize, usize> {
    let mut lo = 0;
    let mut hi = __oc_len(c);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match prelude_ord_cmp(k, &__oc_key(c, mid)) {
            Ordering::Less => hi = mid,
            Ordering::Greater => lo = mid + 1,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

/// The first index whose key is not below the range's start, and the first past its end.
#[track_caller]
fn prelude_oc_range<C, R>(c: &C, r: R) -> (usize, usize) {
    let (start, end, inclusive) = __range_bounds(r);
    if let (Some(s), Some(e)) = (&start, &end) {
        if prelude_ord_cmp(s, e) == Ordering::Greater {
            if __oc_kind(c) == 1 {
                __panic("range start is greater than range end in BTreeSet");
            }
            __panic("range start is greater than range end in BTreeMap");
        }
    }
    let lo = match start {
        Some(s) => match prelude_oc_search(c, &s) {
            Ok(i) => i,
            Err(i) => i,
        },
        None => 0,
    };
    let hi = match end {
        Some(e) => match prelude_oc_search(c, &e) {
            Ok(i) => if inclusive { i + 1 } else { i },
            Err(i) => i,
        },
        None => __oc_len(c),
    };
    (lo, if hi < lo { lo } else { hi })
}

/// Place the entries a native left pending (`from`, `collect`, `extend`). `fresh`: the
/// collection was built from them (std sorts stably and keeps the last of equal keys);
/// otherwise they are inserted one by one (`extend`). Returns `c`.
fn prelude_oc_settle<C>(c: C, fresh: bool) -> C {
    let coll = match __oc_unsettled(&c) {
        Some(x) => x,
        None => return c,
    };
    let items = __oc_take_pending(&coll);
    let kind = __oc_kind(&coll);
    if kind == 2 {
        let start = __oc_len(&coll);
        for x in items {
            __oc_push(&coll, x);
        }
        prelude_heap_rebuild_tail(&coll, start);
        return c;
    }
    let is_map = kind == 0;
    if !fresh {
        for x in items {
            if is_map {
                let (k, v) = x;
                coll.insert(k, v);
            } else {
                coll.insert(x);
            }
        }
        return c;
    }
    let order = if is_map {
        prelude_sort_order(items.len(), |i, j| prelude_ord_cmp(&items[i].0, &items[j].0))
    } else {
        prelude_sort_order(items.len(), |i, j| prelude_ord_cmp(&items[i], &items[j]))
    };
    let n = order.len();
    let mut i = 0;
    while i < n {
        let x = &items[order[i]];
        let dup = if i + 1 < n {
            let y = &items[order[i + 1]];
            if is_map { x.0 == y.0 } else { x == y }
        } else {
            false
        };
        if !dup {
            let at = __oc_len(&coll);
            if is_map {
                __oc_insert_at(&coll, at, x.0.clone(), x.1.clone());
            } else {
                __oc_insert_at(&coll, at, x.clone(), ());
            }
        }
        i += 1;
    }
    c
}

impl<T> BTreeSet<T> {
    pub fn from<I>(items: I) -> BTreeSet<T> {
        prelude_oc_settle(__btset_from(items), true)
    }
    pub fn from_iter<I>(items: I) -> BTreeSet<T> {
        prelude_oc_settle(__btset_from(__into_iter(items).collect::<Vec<T>>()), true)
    }
    /// The elements `>= value` move to the returned set (native keys: structural order).
    pub fn split_off(&mut self, value: &T) -> BTreeSet<T> {
        let mut moved = Vec::new();
        for x in self.iter() {
            if x >= value {
                moved.push(x.clone());
            }
        }
        let mut out = BTreeSet::new();
        for x in moved {
            self.remove(&x);
            out.insert(x);
        }
        out
    }
}

impl<K, V> BTreeMap<K, V> {
    pub fn from<I>(items: I) -> BTreeMap<K, V> {
        prelude_oc_settle(__btmap_from(items), true)
    }
    pub fn from_iter<I>(items: I) -> BTreeMap<K, V> {
        prelude_oc_settle(__btmap_from(__into_iter(items).collect::<Vec<(K, V)>>()), true)
    }
    /// The entries with keys `>= key` move to the returned map (native keys: structural order).
    pub fn split_off(&mut self, key: &K) -> BTreeMap<K, V> {
        let mut out = BTreeMap::new();
        for k in __map_keys(self) {
            if &k >= key {
                if let Some(v) = self.remove(&k) {
                    out.insert(k, v);
                }
            }
        }
        out
    }
    /// `map[&key]` (the compiler calls it in programs with a hand-written `Ord`, so that a
    /// user-ordered map finds the key by `cmp`).
    #[track_caller]
    pub fn index(&self, key: &K) -> &V {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no entry found for key"),
        }
    }
}

impl<T> BinaryHeap<T> {
    pub fn from<I>(items: I) -> BinaryHeap<T> {
        prelude_oc_settle(__bheap_from(items), true)
    }
    pub fn from_iter<I>(items: I) -> BinaryHeap<T> {
        prelude_oc_settle(__bheap_from(__into_iter(items).collect::<Vec<T>>()), true)
    }
    pub fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __bheap_extend(self, iter);
            prelude_oc_settle(self, false);
        } else {
            for x in iter {
                self.push(x);
            }
        }
    }
}

/// `map.entry(key)` of a user-ordered map.
pub struct OrdEntry<K, V> {
    map: __OrdMap<K, V>,
    key: K,
}

impl<K, V> OrdEntry<K, V> {
    pub fn or_insert(self, default: V) -> &mut V {
        match prelude_oc_search(&self.map, &self.key) {
            Ok(i) => __oc_val_place(self.map, i),
            Err(i) => {
                __oc_insert_at(self.map, i, self.key, default);
                __oc_val_place(self.map, i)
            }
        }
    }
    pub fn or_insert_with<F: FnOnce() -> V>(self, f: F) -> &mut V {
        match prelude_oc_search(&self.map, &self.key) {
            Ok(i) => __oc_val_place(self.map, i),
            Err(i) => {
                __oc_insert_at(self.map, i, self.key, f());
                __oc_val_place(self.map, i)
            }
        }
    }
    pub fn or_insert_with_key<F: FnOnce(&K) -> V>(self, f: F) -> &mut V {
        match prelude_oc_search(&self.map, &self.key) {
            Ok(i) => __oc_val_place(self.map, i),
            Err(i) => {
                let v = f(&self.key);
                __oc_insert_at(self.map, i, self.key, v);
                __oc_val_place(self.map, i)
            }
        }
    }
    pub fn or_default(self) -> &mut V {
        match prelude_oc_search(&self.map, &self.key) {
            Ok(i) => __oc_val_place(self.map, i),
            Err(i) => {
                __oc_insert_at(self.map, i, self.key, __oc_default(self.map));
                __oc_val_place(self.map, i)
            }
        }
    }
    pub fn and_modify<F: FnOnce(&mut V)>(self, f: F) -> OrdEntry<K, V> {
        if let Ok(i) = prelude_oc_search(&self.map, &self.key) {
            f(__oc_val_place(self.map, i));
        }
        self
    }
    pub fn key(&self) -> &K {
        &self.key
    }
}

impl<K, V> __OrdMap<K, V> {
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match prelude_oc_search(self, &key) {
            Ok(i) => Some(__oc_set_val(self, i, value)),
            Err(i) => {
                __oc_insert_at(self, i, key, value);
                None
            }
        }
    }
    pub fn get(&self, key: &K) -> Option<&V> {
        match prelude_oc_search(self, key) {
            Ok(i) => Some(__oc_val(self, i)),
            Err(_) => None,
        }
    }
    pub fn get_mut(&mut self, key: &K) -> Option<&mut V> {
        match prelude_oc_search(self, key) {
            Ok(i) => Some(__oc_val_place(self, i)),
            Err(_) => None,
        }
    }
    pub fn get_key_value(&self, key: &K) -> Option<(&K, &V)> {
        match prelude_oc_search(self, key) {
            Ok(i) => Some((__oc_key(self, i), __oc_val(self, i))),
            Err(_) => None,
        }
    }
    pub fn contains_key(&self, key: &K) -> bool {
        prelude_oc_search(self, key).is_ok()
    }
    pub fn remove(&mut self, key: &K) -> Option<V> {
        match prelude_oc_search(self, key) {
            Ok(i) => Some(__oc_remove_at(self, i).1),
            Err(_) => None,
        }
    }
    pub fn remove_entry(&mut self, key: &K) -> Option<(K, V)> {
        match prelude_oc_search(self, key) {
            Ok(i) => Some(__oc_remove_at(self, i)),
            Err(_) => None,
        }
    }
    pub fn entry(&mut self, key: K) -> OrdEntry<K, V> {
        OrdEntry { map: self, key }
    }
    #[track_caller]
    pub fn index(&self, key: &K) -> &V {
        match prelude_oc_search(self, key) {
            Ok(i) => __oc_val(self, i),
            Err(_) => panic!("no entry found for key"),
        }
    }
    pub fn split_off(&mut self, key: &K) -> BTreeMap<K, V> {
        let at = match prelude_oc_search(self, key) {
            Ok(i) => i,
            Err(i) => i,
        };
        let mut out = BTreeMap::new();
        while __oc_len(self) > at {
            let (k, v) = __oc_remove_at(self, at);
            out.insert(k, v);
        }
        out
    }
    #[track_caller]
    pub fn range<R>(&self, r: R) -> Iter {
        let (lo, hi) = prelude_oc_range(self, r);
        __oc_slice(self, lo, hi)
    }
    pub fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, mut f: F) {
        let mut i = 0;
        while i < __oc_len(self) {
            if f(&__oc_key(self, i), __oc_val_place(self, i)) {
                i += 1;
            } else {
                __oc_remove_at(self, i);
            }
        }
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
    pub fn append(&mut self, other: &mut Self) {
        let items: Vec<(K, V)> = __into_iter(other).collect();
        other.clear();
        for (k, v) in items {
            self.insert(k, v);
        }
    }
}

impl<T> __OrdSet<T> {
    pub fn insert(&mut self, value: T) -> bool {
        match prelude_oc_search(self, &value) {
            Ok(_) => false,
            Err(i) => {
                __oc_insert_at(self, i, value, ());
                true
            }
        }
    }
    pub fn replace(&mut self, value: T) -> Option<T> {
        match prelude_oc_search(self, &value) {
            Ok(i) => Some(__oc_set_key(self, i, value)),
            Err(i) => {
                __oc_insert_at(self, i, value, ());
                None
            }
        }
    }
    pub fn contains(&self, value: &T) -> bool {
        prelude_oc_search(self, value).is_ok()
    }
    pub fn get(&self, value: &T) -> Option<&T> {
        match prelude_oc_search(self, value) {
            Ok(i) => Some(__oc_key(self, i)),
            Err(_) => None,
        }
    }
    pub fn remove(&mut self, value: &T) -> bool {
        match prelude_oc_search(self, value) {
            Ok(i) => {
                __oc_remove_at(self, i);
                true
            }
            Err(_) => false,
        }
    }
    pub fn split_off(&mut self, value: &T) -> BTreeSet<T> {
        let at = match prelude_oc_search(self, value) {
            Ok(i) => i,
            Err(i) => i,
        };
        let mut out = BTreeSet::new();
        while __oc_len(self) > at {
            out.insert(__oc_remove_at(self, at));
        }
        out
    }
    pub fn take(&mut self, value: &T) -> Option<T> {
        match prelude_oc_search(self, value) {
            Ok(i) => Some(__oc_remove_at(self, i)),
            Err(_) => None,
        }
    }
    #[track_caller]
    pub fn range<R>(&self, r: R) -> Iter {
        let (lo, hi) = prelude_oc_range(self, r);
        __oc_slice(self, lo, hi)
    }
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        let mut i = 0;
        while i < __oc_len(self) {
            if f(&__oc_key(self, i)) {
                i += 1;
            } else {
                __oc_remove_at(self, i);
            }
        }
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        for x in iter {
            self.insert(x);
        }
    }
    pub fn append(&mut self, other: &mut Self) {
        let items: Vec<T> = __into_iter(other).collect();
        other.clear();
        for x in items {
            self.insert(x);
        }
    }
    /// The set operations as std's merges of two sorted sequences: 0 union, 1 intersection,
    /// 2 difference, 3 symmetric difference.
    fn prelude_set_op(&self, other: &Self, op: i32) -> IntoIter {
        let a = __oc_sorted(self);
        let b = __oc_sorted(other);
        let mut out = Vec::new();
        let mut i = 0;
        let mut j = 0;
        while i < a.len() || j < b.len() {
            let o = if i == a.len() {
                Ordering::Greater
            } else if j == b.len() {
                Ordering::Less
            } else {
                prelude_ord_cmp(&a[i], &b[j])
            };
            match o {
                Ordering::Less => {
                    if op != 1 {
                        out.push(a[i].clone());
                    }
                    i += 1;
                }
                Ordering::Greater => {
                    if op == 0 || op == 3 {
                        out.push(b[j].clone());
                    }
                    j += 1;
                }
                Ordering::Equal => {
                    if op == 0 || op == 1 {
                        out.push(a[i].clone());
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        out.into_iter()
    }
    pub fn union(&self, other: &Self) -> IntoIter {
        self.prelude_set_op(other, 0)
    }
    pub fn intersection(&self, other: &Self) -> IntoIter {
        self.prelude_set_op(other, 1)
    }
    pub fn difference(&self, other: &Self) -> IntoIter {
        self.prelude_set_op(other, 2)
    }
    pub fn symmetric_difference(&self, other: &Self) -> IntoIter {
        self.prelude_set_op(other, 3)
    }
    pub fn is_subset(&self, other: &Self) -> bool {
        self.prelude_set_op(other, 2).next().is_none()
    }
    pub fn is_superset(&self, other: &Self) -> bool {
        let a = __oc_sorted(other);
        for x in a.iter() {
            if !self.contains(x) {
                return false;
            }
        }
        true
    }
    pub fn is_disjoint(&self, other: &Self) -> bool {
        self.prelude_set_op(other, 1).next().is_none()
    }
}

fn prelude_heap_le<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Less) => true,
        Some(Ordering::Equal) => true,
        _ => false,
    }
}

fn prelude_heap_ge<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Greater) => true,
        Some(Ordering::Equal) => true,
        _ => false,
    }
}

fn prelude_heap_lt<T>(a: &T, b: &T) -> bool {
    match prelude_ord_partial(a, b) {
        Some(Ordering::Less) => true,
        _ => false,
    }
}

/// std's `sift_up(start, pos)`.
fn prelude_heap_sift_up<H>(h: &H, start: usize, pos: usize) -> usize {
    let mut pos = pos;
    let elem = __oc_key(h, pos);
    while pos > start {
        let parent = (pos - 1) / 2;
        if prelude_heap_le(&elem, &__oc_key(h, parent)) {
            break;
        }
        __oc_swap(h, pos, parent);
        pos = parent;
    }
    pos
}

/// std's `sift_down_range(pos, end)`.
fn prelude_heap_sift_down_range<H>(h: &H, pos: usize, end: usize) {
    let mut pos = pos;
    let elem = __oc_key(h, pos);
    let mut child = 2 * pos + 1;
    while end >= 2 && child <= end - 2 {
        if prelude_heap_le(&__oc_key(h, child), &__oc_key(h, child + 1)) {
            child += 1;
        }
        if prelude_heap_ge(&elem, &__oc_key(h, child)) {
            return;
        }
        __oc_swap(h, pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    if end >= 1 && child == end - 1 && prelude_heap_lt(&elem, &__oc_key(h, child)) {
        __oc_swap(h, pos, child);
    }
}

/// std's `sift_down_to_bottom(pos)` (used by `pop`).
fn prelude_heap_sift_down_to_bottom<H>(h: &H, pos: usize) {
    let end = __oc_len(h);
    let start = pos;
    let mut pos = pos;
    let mut child = 2 * pos + 1;
    while end >= 2 && child <= end - 2 {
        if prelude_heap_le(&__oc_key(h, child), &__oc_key(h, child + 1)) {
            child += 1;
        }
        __oc_swap(h, pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    if end >= 1 && child == end - 1 {
        __oc_swap(h, pos, child);
        pos = child;
    }
    prelude_heap_sift_up(h, start, pos);
}

fn prelude_heap_rebuild<H>(h: &H) {
    let len = __oc_len(h);
    let mut n = len / 2;
    while n > 0 {
        n -= 1;
        prelude_heap_sift_down_range(h, n, len);
    }
}

/// std's `rebuild_tail(start)`.
fn prelude_heap_rebuild_tail<H>(h: &H, start: usize) {
    let len = __oc_len(h);
    if start == len {
        return;
    }
    let tail_len = len - start;
    let better_to_rebuild = if start < tail_len {
        true
    } else if len <= 2048 {
        let mut log2 = 0;
        let mut x = start;
        while x > 1 {
            x /= 2;
            log2 += 1;
        }
        2 * len < tail_len * log2
    } else {
        2 * len < tail_len * 11
    };
    if better_to_rebuild {
        prelude_heap_rebuild(h);
    } else {
        let mut i = start;
        while i < len {
            prelude_heap_sift_up(h, 0, i);
            i += 1;
        }
    }
}

impl<T> __OrdHeap<T> {
    pub fn push(&mut self, item: T) {
        let old_len = __oc_len(self);
        __oc_push(self, item);
        prelude_heap_sift_up(self, 0, old_len);
    }
    pub fn pop(&mut self) -> Option<T> {
        let n = __oc_len(self);
        if n == 0 {
            return None;
        }
        let item = __oc_pop_last(self);
        if n == 1 {
            return Some(item);
        }
        let top = __oc_set_key(self, 0, item);
        prelude_heap_sift_down_to_bottom(self, 0);
        Some(top)
    }
    pub fn into_sorted_vec(self) -> Vec<T> {
        let mut end = __oc_len(&self);
        while end > 1 {
            end -= 1;
            __oc_swap(&self, 0, end);
            prelude_heap_sift_down_range(&self, 0, end);
        }
        self.into_vec()
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        let start = __oc_len(self);
        for x in iter {
            __oc_push(self, x);
        }
        prelude_heap_rebuild_tail(self, start);
    }
    pub fn append(&mut self, other: &mut Self) {
        let items: Vec<T> = __into_iter(other).collect();
        other.clear();
        self.extend(items);
    }
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        let items: Vec<T> = __into_iter(self).collect();
        self.clear();
        let mut kept = Vec::new();
        for x in items {
            if f(&x) {
                kept.push(x);
            }
        }
        self.extend(kept);
    }
}
