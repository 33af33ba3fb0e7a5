// The TERAS prelude, part 4: the closure-taking methods of Vec/slices, String/str, maps, sets
// and VecDeque, the entry API, and the blanket `ToString`. Natives do the rest (see
// builtins/*.rs); a method defined here shadows the native of the same name, which these
// call under an `__` name when no closure is involved.

impl<T: Display + ?Sized> ToString for T {
    fn to_string(&self) -> String {
        // `c.to_uppercase().to_string()`: the only std iterators that are Display.
        if __is_native_iter(self) {
            return __iter_to_string(self);
        }
        format!("{}", self)
    }
}

/// Stable merge sort of the indices `0..n` by `less_eq(i, j)`; returns the sorted order.
fn prelude_sort_order<F: FnMut(usize, usize) -> Ordering>(n: usize, mut compare: F) -> Vec<usize> {
    let mut a: Vec<usize> = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        a.push(i);
        i += 1;
    }
    let mut width = 1;
    while width < n {
        let mut out: Vec<usize> = Vec::with_capacity(n);
        let mut lo = 0;
        while lo < n {
            let mid = if lo + width < n { lo + width } else { n };
            let hi = if lo + 2 * width < n { lo + 2 * width } else { n };
            let mut i = lo;
            let mut j = mid;
            while i < mid && j < hi {
                if compare(a[j], a[i]) == Ordering::Less {
                    out.push(a[j]);
                    j += 1;
                } else {
                    out.push(a[i]);
                    i += 1;
                }
            }
            while i < mid {
                out.push(a[i]);
                i += 1;
            }
            while j < hi {
                out.push(a[j]);
                j += 1;
            }
            lo = hi;
        }
        a = out;
        width *= 2;
    }
    a
}

impl<T> Vec<T> {
    pub fn sort(&mut self) {
        if __needs_user_cmp(self, "Ord") {
            // Tuples, `Option`s, arrays holding user-ordered values too: the user's `cmp`.
            self.sort_by(|a, b| prelude_ord_cmp(a, b));
        } else {
            __vec_sort(self);
        }
    }
    pub fn sort_unstable(&mut self) {
        self.sort();
    }
    pub fn sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, mut compare: F) {
        let order = prelude_sort_order(self.len(), |i, j| compare(&self[i], &self[j]));
        __vec_permute(self, order);
    }
    pub fn sort_unstable_by<F: FnMut(&T, &T) -> Ordering>(&mut self, compare: F) {
        self.sort_by(compare);
    }
    pub fn sort_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, mut f: F) {
        self.sort_by(|a, b| {
            let (ka, kb) = (f(a), f(b));
            if __needs_user_cmp(&ka, "Ord") || __needs_user_cmp(&kb, "Ord") {
                prelude_ord_cmp(&ka, &kb)
            } else {
                ka.cmp(&kb)
            }
        });
    }
    pub fn sort_unstable_by_key<K: Ord, F: FnMut(&T) -> K>(&mut self, f: F) {
        self.sort_by_key(f);
    }
    pub fn sort_by_cached_key<K: Ord, F: FnMut(&T) -> K>(&mut self, mut f: F) {
        let mut keys = Vec::with_capacity(self.len());
        for x in self.iter() {
            keys.push(f(x));
        }
        let user = __needs_user_cmp(&keys, "Ord");
        let order = prelude_sort_order(self.len(), |i, j| if user { prelude_ord_cmp(&keys[i], &keys[j]) } else { keys[i].cmp(&keys[j]) });
        __vec_permute(self, order);
    }
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        let mut keep = Vec::with_capacity(self.len());
        let n = self.len();
        let mut i = 0;
        while i < n {
            keep.push(f(&self[i]));
            i += 1;
        }
        __vec_retain_mask(self, keep);
    }
    pub fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, mut f: F) {
        let mut keep = Vec::with_capacity(self.len());
        let n = self.len();
        let mut i = 0;
        while i < n {
            keep.push(f(&mut self[i]));
            i += 1;
        }
        __vec_retain_mask(self, keep);
    }
    pub fn dedup_by<F: FnMut(&mut T, &mut T) -> bool>(&mut self, mut same_bucket: F) {
        let n = self.len();
        if n <= 1 {
            return;
        }
        let mut keep = vec![true];
        let mut last = 0;
        let mut i = 1;
        while i < n {
            if same_bucket(&mut self[i], &mut self[last]) {
                keep.push(false);
            } else {
                keep.push(true);
                last = i;
            }
            i += 1;
        }
        __vec_retain_mask(self, keep);
    }
    pub fn dedup_by_key<K: PartialEq, F: FnMut(&mut T) -> K>(&mut self, mut key: F) {
        self.dedup_by(|a, b| key(a) == key(b));
    }
    pub fn dedup(&mut self) {
        if __needs_user_cmp(self, "PartialEq") {
            self.dedup_by(|a, b| a == b);
        } else {
            __vec_dedup(self);
        }
    }
    pub fn contains(&self, x: &T) -> bool {
        if __needs_user_cmp(self, "PartialEq") {
            for y in self.iter() {
                if y == x {
                    return true;
                }
            }
            false
        } else {
            __vec_contains(self, x)
        }
    }
    pub fn binary_search_by<F: FnMut(&T) -> Ordering>(&self, mut f: F) -> Result<usize, usize> {
        let mut size = self.len();
        if size == 0 {
            return Err(0);
        }
        let mut base = 0;
        while size > 1 {
            let half = size / 2;
            let mid = base + half;
            if f(&self[mid]) != Ordering::Greater {
                base = mid;
            }
            size -= half;
        }
        let cmp = f(&self[base]);
        if cmp == Ordering::Equal {
            Ok(base)
        } else if cmp == Ordering::Less {
            Err(base + 1)
        } else {
            Err(base)
        }
    }
    pub fn binary_search_by_key<B: Ord, F: FnMut(&T) -> B>(&self, b: &B, mut f: F) -> Result<usize, usize> {
        self.binary_search_by(|k| prelude_cmp(&f(k), b))
    }
    pub fn binary_search(&self, x: &T) -> Result<usize, usize> {
        if __needs_user_cmp(self, "Ord") {
            self.binary_search_by(|p| prelude_ord_cmp(p, x))
        } else {
            __vec_binary_search(self, x)
        }
    }
    pub fn is_sorted(&self) -> bool {
        if !__needs_user_cmp(self, "PartialOrd") {
            return __vec_is_sorted(self);
        }
        let mut i = 1;
        while i < self.len() {
            if !__ord_le(&self[i - 1], &self[i]) {
                return false;
            }
            i += 1;
        }
        true
    }
    pub fn partition_point<P: FnMut(&T) -> bool>(&self, mut pred: P) -> usize {
        match self.binary_search_by(|x| if pred(x) { Ordering::Less } else { Ordering::Greater }) {
            Ok(i) => i,
            Err(i) => i,
        }
    }
    pub fn is_sorted_by_key<K: PartialOrd, F: FnMut(&T) -> K>(&self, mut f: F) -> bool {
        let mut i = 1;
        while i < self.len() {
            if !prelude_le(&f(&self[i - 1]), &f(&self[i])) {
                return false;
            }
            i += 1;
        }
        true
    }
    pub fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __vec_extend(self, iter);
        } else {
            for x in iter {
                self.push(x);
            }
        }
    }
    /// `[T; N]::map`.
    pub fn map<U, F: FnMut(T) -> U>(self, mut f: F) -> Vec<U> {
        let mut out = Vec::with_capacity(self.len());
        for x in self {
            out.push(f(x));
        }
        __as_array(out)
    }
    /// `split`, `splitn`, `rsplit`, `rsplitn`, `split_inclusive`, `chunk_by` of slices: the
    /// pieces are windows on this vector (`&self[a..b]`), gathered first and handed out by a
    /// vector iterator (std's lazy iterators yield the same pieces in the same order).
    pub fn split<F: FnMut(&T) -> bool>(&self, pred: F) -> std::vec::IntoIter<&[T]> {
        self.splitn(usize::MAX, pred)
    }
    pub fn splitn<F: FnMut(&T) -> bool>(&self, n: usize, mut pred: F) -> std::vec::IntoIter<&[T]> {
        let mut out = Vec::new();
        if n == 0 {
            return out.into_iter();
        }
        let mut start = 0;
        let mut i = 0;
        while i < self.len() && out.len() + 1 < n {
            if pred(&self[i]) {
                out.push(&self[start..i]);
                start = i + 1;
            }
            i += 1;
        }
        out.push(&self[start..self.len()]);
        out.into_iter()
    }
    pub fn rsplit<F: FnMut(&T) -> bool>(&self, pred: F) -> std::vec::IntoIter<&[T]> {
        let mut pieces: Vec<&[T]> = self.split(pred).collect();
        pieces.reverse();
        pieces.into_iter()
    }
    pub fn rsplitn<F: FnMut(&T) -> bool>(&self, n: usize, mut pred: F) -> std::vec::IntoIter<&[T]> {
        let mut out = Vec::new();
        if n == 0 {
            return out.into_iter();
        }
        let mut end = self.len();
        let mut i = self.len();
        while i > 0 && out.len() + 1 < n {
            i -= 1;
            if pred(&self[i]) {
                out.push(&self[i + 1..end]);
                end = i;
            }
        }
        out.push(&self[0..end]);
        out.into_iter()
    }
    pub fn split_inclusive<F: FnMut(&T) -> bool>(&self, mut pred: F) -> std::vec::IntoIter<&[T]> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < self.len() {
            if pred(&self[i]) {
                out.push(&self[start..i + 1]);
                start = i + 1;
            }
            i += 1;
        }
        if start < self.len() {
            out.push(&self[start..self.len()]);
        }
        out.into_iter()
    }
    pub fn chunk_by<F: FnMut(&T, &T) -> bool>(&self, mut same: F) -> std::vec::IntoIter<&[T]> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out.into_iter();
        }
        let mut start = 0;
        let mut i = 1;
        while i < self.len() {
            if !same(&self[i - 1], &self[i]) {
                out.push(&self[start..i]);
                start = i;
            }
            i += 1;
        }
        out.push(&self[start..self.len()]);
        out.into_iter()
    }
    pub fn resize_with<F: FnMut() -> T>(&mut self, new_len: usize, mut f: F) {
        self.truncate(new_len);
        while self.len() < new_len {
            self.push(f());
        }
    }
    pub fn fill_with<F: FnMut() -> T>(&mut self, mut f: F) {
        let mut i = 0;
        while i < self.len() {
            self[i] = f();
            i += 1;
        }
    }
}

/// A closure used as a string pattern: the char test.
fn prelude_char_matches<P: FnMut(char) -> bool>(p: &mut P, c: char) -> bool {
    p(c)
}

impl str {
    pub fn split<P>(&self, pat: P) -> Split {
        if !__is_fn(&pat) {
            return __str_split(self, pat);
        }
        let mut pat = pat;
        let mut parts: Vec<String> = Vec::new();
        let mut cur = String::new();
        for c in self.chars() {
            if prelude_char_matches(&mut pat, c) {
                parts.push(cur);
                cur = String::new();
            } else {
                cur.push(c);
            }
        }
        parts.push(cur);
        parts.into_iter()
    }
    pub fn find<P>(&self, pat: P) -> Option<usize> {
        if !__is_fn(&pat) {
            return __str_find(self, pat);
        }
        let mut pat = pat;
        for (i, c) in self.char_indices() {
            if prelude_char_matches(&mut pat, c) {
                return Some(i);
            }
        }
        None
    }
    pub fn rfind<P>(&self, pat: P) -> Option<usize> {
        if !__is_fn(&pat) {
            return __str_rfind(self, pat);
        }
        let mut pat = pat;
        let mut found = None;
        for (i, c) in self.char_indices() {
            if prelude_char_matches(&mut pat, c) {
                found = Some(i);
            }
        }
        found
    }
    pub fn contains<P>(&self, pat: P) -> bool {
        if !__is_fn(&pat) {
            return __str_contains(self, pat);
        }
        self.find(pat).is_some()
    }
    pub fn starts_with<P>(&self, pat: P) -> bool {
        if !__is_fn(&pat) {
            return __str_starts_with(self, pat);
        }
        let mut pat = pat;
        match self.chars().next() {
            Some(c) => prelude_char_matches(&mut pat, c),
            None => false,
        }
    }
    pub fn ends_with<P>(&self, pat: P) -> bool {
        if !__is_fn(&pat) {
            return __str_ends_with(self, pat);
        }
        let mut pat = pat;
        match self.chars().last() {
            Some(c) => prelude_char_matches(&mut pat, c),
            None => false,
        }
    }
    pub fn trim_matches<P>(&self, pat: P) -> &str {
        if !__is_fn(&pat) {
            return __str_trim_matches(self, pat);
        }
        let mut pat = pat;
        let chars: Vec<char> = self.chars().collect();
        let mut a = 0;
        let mut b = chars.len();
        while a < b && prelude_char_matches(&mut pat, chars[a]) {
            a += 1;
        }
        while b > a && prelude_char_matches(&mut pat, chars[b - 1]) {
            b -= 1;
        }
        chars[a..b].iter().collect::<String>()
    }
    pub fn trim_start_matches<P>(&self, pat: P) -> &str {
        if !__is_fn(&pat) {
            return __str_trim_start_matches(self, pat);
        }
        let mut pat = pat;
        let chars: Vec<char> = self.chars().collect();
        let mut a = 0;
        while a < chars.len() && prelude_char_matches(&mut pat, chars[a]) {
            a += 1;
        }
        chars[a..].iter().collect::<String>()
    }
    pub fn trim_end_matches<P>(&self, pat: P) -> &str {
        if !__is_fn(&pat) {
            return __str_trim_end_matches(self, pat);
        }
        let mut pat = pat;
        let chars: Vec<char> = self.chars().collect();
        let mut b = chars.len();
        while b > 0 && prelude_char_matches(&mut pat, chars[b - 1]) {
            b -= 1;
        }
        chars[..b].iter().collect::<String>()
    }
    pub fn retain<F: FnMut(char) -> bool>(&mut self, mut f: F) {
        let mut kept = String::new();
        for c in self.chars() {
            if f(c) {
                kept.push(c);
            }
        }
        self.clear();
        self.push_str(&kept);
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __str_extend(self, iter);
        } else {
            for x in iter {
                self.push_str(&x.to_string());
            }
        }
    }
}

/// `map.entry(key)`: the map and the key. (`match map.entry(k) { Entry::Occupied(..) .. }`
/// is not supported.)
pub struct Entry<K, V> {
    map: HashMap<K, V>,
    key: K,
}

impl<K, V> Entry<K, V> {
    pub fn or_insert(self, default: V) -> &mut V {
        __entry_insert(self.map, self.key, default)
    }
    pub fn or_insert_with<F: FnOnce() -> V>(self, f: F) -> &mut V {
        if self.map.contains_key(&self.key) {
            return __entry_place(self.map, self.key);
        }
        let v = f();
        __entry_insert(self.map, self.key, v)
    }
    pub fn or_insert_with_key<F: FnOnce(&K) -> V>(self, f: F) -> &mut V {
        if self.map.contains_key(&self.key) {
            return __entry_place(self.map, self.key);
        }
        let v = f(&self.key);
        __entry_insert(self.map, self.key, v)
    }
    pub fn or_default(self) -> &mut V {
        __entry_default(self.map, self.key)
    }
    pub fn and_modify<F: FnOnce(&mut V)>(self, f: F) -> Entry<K, V> {
        if self.map.contains_key(&self.key) {
            f(__entry_place(self.map, self.key));
        }
        self
    }
    pub fn key(&self) -> &K {
        &self.key
    }
}

impl<K, V> HashMap<K, V> {
    pub fn entry(&mut self, key: K) -> Entry<K, V> {
        Entry { map: self, key }
    }
    pub fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, mut f: F) {
        for k in __map_keys(self) {
            let keep = f(&k, __entry_place(self, k));
            if !keep {
                self.remove(&k);
            }
        }
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __map_extend(self, iter);
        } else {
            for (k, v) in iter {
                self.insert(k, v);
            }
        }
    }
}

impl<K, V> BTreeMap<K, V> {
    pub fn entry(&mut self, key: K) -> Entry<K, V> {
        Entry { map: self, key }
    }
    pub fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, mut f: F) {
        for k in __map_keys(self) {
            let keep = f(&k, __entry_place(self, k));
            if !keep {
                self.remove(&k);
            }
        }
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __map_extend(self, iter);
            prelude_oc_settle(self, false);
        } else {
            for (k, v) in iter {
                self.insert(k, v);
            }
        }
    }
}

impl<T> HashSet<T> {
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        for k in __map_keys(self) {
            if !f(&k) {
                self.remove(&k);
            }
        }
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __set_extend(self, iter);
        } else {
            for x in iter {
                self.insert(x);
            }
        }
    }
}

impl<T> BTreeSet<T> {
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        for k in __map_keys(self) {
            if !f(&k) {
                self.remove(&k);
            }
        }
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __set_extend(self, iter);
            prelude_oc_settle(self, false);
        } else {
            for x in iter {
                self.insert(x);
            }
        }
    }
}

impl<T> VecDeque<T> {
    pub fn retain<F: FnMut(&T) -> bool>(&mut self, mut f: F) {
        let mut kept = VecDeque::new();
        while let Some(x) = self.pop_front() {
            if f(&x) {
                kept.push_back(x);
            }
        }
        self.append(&mut kept);
    }
    pub fn extend<I: IntoIterator>(&mut self, iter: I) {
        if __native_iterable(&iter) {
            __deque_extend(self, iter);
        } else {
            for x in iter {
                self.push_back(x);
            }
        }
    }
}
