//! The std signature table: the common std API as data, in the syntax `sigparse` reads.
//!
//! Conventions: every iterator is `Iterator<Item>` (adapters keep that shape, so `map`'s
//! result is `Iterator<B>` with `B` the closure's return type). `Item<U>` stands for the item
//! type of `U` as an `IntoIterator` (used by `flat_map`, `flatten`, `zip`, `chain`, `extend`).
//! `impl int` / `impl float` / `impl any` hold methods of every integer type, every float type
//! and every type (`Self` is the receiver's type). Free functions are blocks named by their
//! module (`impl mem { fn swap... }`), called as `mem::swap` or `std::mem::swap`.
//! `collect`, `partition`, `sum`, `product`, `parse` and `into` take their result type from
//! the context; the checker links `collect`'s result to the item type separately.

const CORE: &str = r#"
impl int {
    fn pow(self, u32) -> Self; fn abs(self) -> Self; fn signum(self) -> Self;
    fn checked_add(self, Self) -> Option<Self>; fn checked_sub(self, Self) -> Option<Self>;
    fn checked_mul(self, Self) -> Option<Self>; fn checked_div(self, Self) -> Option<Self>;
    fn checked_rem(self, Self) -> Option<Self>; fn checked_pow(self, u32) -> Option<Self>;
    fn checked_neg(self) -> Option<Self>; fn checked_abs(self) -> Option<Self>;
    fn checked_shl(self, u32) -> Option<Self>; fn checked_shr(self, u32) -> Option<Self>;
    fn wrapping_add(self, Self) -> Self; fn wrapping_sub(self, Self) -> Self; fn wrapping_mul(self, Self) -> Self;
    fn wrapping_div(self, Self) -> Self; fn wrapping_rem(self, Self) -> Self; fn wrapping_neg(self) -> Self;
    fn wrapping_pow(self, u32) -> Self; fn wrapping_shl(self, u32) -> Self; fn wrapping_shr(self, u32) -> Self;
    fn wrapping_abs(self) -> Self;
    fn saturating_add(self, Self) -> Self; fn saturating_sub(self, Self) -> Self;
    fn saturating_mul(self, Self) -> Self; fn saturating_pow(self, u32) -> Self;
    fn overflowing_add(self, Self) -> (Self, bool); fn overflowing_sub(self, Self) -> (Self, bool);
    fn overflowing_mul(self, Self) -> (Self, bool);
    fn count_ones(self) -> u32; fn count_zeros(self) -> u32; fn leading_zeros(self) -> u32;
    fn trailing_zeros(self) -> u32; fn leading_ones(self) -> u32; fn trailing_ones(self) -> u32;
    fn rotate_left(self, u32) -> Self; fn rotate_right(self, u32) -> Self;
    fn swap_bytes(self) -> Self; fn reverse_bits(self) -> Self;
    fn is_positive(self) -> bool; fn is_negative(self) -> bool; fn is_power_of_two(self) -> bool;
    fn next_power_of_two(self) -> Self; fn rem_euclid(self, Self) -> Self; fn div_euclid(self, Self) -> Self;
    fn abs_diff(self, Self) -> Self; fn isqrt(self) -> Self; fn ilog2(self) -> u32; fn ilog10(self) -> u32;
    fn ilog(self, Self) -> u32;
    fn from_str_radix(&str, u32) -> Result<Self, ParseIntError>; fn from_str(&str) -> Result<Self, ParseIntError>;
    fn unsigned_abs(self) -> _; fn overflowing_neg(self) -> (Self, bool); fn overflowing_pow(self, u32) -> (Self, bool);
    fn from<T>(T) -> Self; fn try_from<T>(T) -> Result<Self, TryFromIntError>;
    fn min_value() -> Self; fn max_value() -> Self;
    fn to_le_bytes(self) -> [u8; _]; fn to_be_bytes(self) -> [u8; _];
    fn is_ascii(&self) -> bool; fn is_ascii_digit(&self) -> bool; fn is_ascii_alphabetic(&self) -> bool;
    fn is_ascii_alphanumeric(&self) -> bool; fn is_ascii_uppercase(&self) -> bool;
    fn is_ascii_lowercase(&self) -> bool; fn is_ascii_punctuation(&self) -> bool;
    fn is_ascii_whitespace(&self) -> bool; fn is_ascii_hexdigit(&self) -> bool; fn is_ascii_graphic(&self) -> bool;
    fn to_ascii_uppercase(&self) -> Self; fn to_ascii_lowercase(&self) -> Self;
    fn eq_ignore_ascii_case(&self, &Self) -> bool;
}
impl float {
    fn sqrt(self) -> Self; fn cbrt(self) -> Self; fn abs(self) -> Self; fn signum(self) -> Self;
    fn powi(self, i32) -> Self; fn powf(self, Self) -> Self; fn exp(self) -> Self; fn exp2(self) -> Self;
    fn ln(self) -> Self; fn log10(self) -> Self; fn log2(self) -> Self; fn log(self, Self) -> Self;
    fn ln_1p(self) -> Self; fn exp_m1(self) -> Self;
    fn sin(self) -> Self; fn cos(self) -> Self; fn tan(self) -> Self; fn asin(self) -> Self;
    fn acos(self) -> Self; fn atan(self) -> Self; fn atan2(self, Self) -> Self; fn sin_cos(self) -> (Self, Self);
    fn sinh(self) -> Self; fn cosh(self) -> Self; fn tanh(self) -> Self;
    fn floor(self) -> Self; fn ceil(self) -> Self; fn round(self) -> Self; fn trunc(self) -> Self;
    fn fract(self) -> Self; fn recip(self) -> Self; fn hypot(self, Self) -> Self;
    fn mul_add(self, Self, Self) -> Self; fn to_degrees(self) -> Self; fn to_radians(self) -> Self;
    fn min(self, Self) -> Self; fn max(self, Self) -> Self; fn clamp(self, Self, Self) -> Self;
    fn copysign(self, Self) -> Self; fn rem_euclid(self, Self) -> Self; fn div_euclid(self, Self) -> Self;
    fn is_nan(self) -> bool; fn is_infinite(self) -> bool; fn is_finite(self) -> bool;
    fn is_sign_negative(self) -> bool; fn is_sign_positive(self) -> bool; fn is_normal(self) -> bool;
    fn total_cmp(&self, &Self) -> Ordering; fn partial_cmp(&self, &Self) -> Option<Ordering>;
    fn to_bits(self) -> u64; fn from<T>(T) -> Self; fn from_str(&str) -> Result<Self, ParseFloatError>;
}
impl bool {
    fn then<T, F: FnOnce() -> T>(self, F) -> Option<T>; fn then_some<T>(self, T) -> Option<T>;
}
impl char {
    fn is_alphabetic(self) -> bool; fn is_numeric(self) -> bool; fn is_alphanumeric(self) -> bool;
    fn is_whitespace(self) -> bool; fn is_uppercase(self) -> bool; fn is_lowercase(self) -> bool;
    fn is_control(self) -> bool; fn is_digit(self, u32) -> bool;
    fn is_ascii(&self) -> bool; fn is_ascii_digit(&self) -> bool; fn is_ascii_alphabetic(&self) -> bool;
    fn is_ascii_alphanumeric(&self) -> bool; fn is_ascii_uppercase(&self) -> bool;
    fn is_ascii_lowercase(&self) -> bool; fn is_ascii_punctuation(&self) -> bool;
    fn is_ascii_whitespace(&self) -> bool; fn is_ascii_hexdigit(&self) -> bool; fn is_ascii_graphic(&self) -> bool;
    fn to_digit(self, u32) -> Option<u32>; fn to_ascii_uppercase(&self) -> char; fn to_ascii_lowercase(&self) -> char;
    fn to_uppercase(self) -> Iterator<char>; fn to_lowercase(self) -> Iterator<char>;
    fn len_utf8(self) -> usize; fn eq_ignore_ascii_case(&self, &char) -> bool;
    fn make_ascii_uppercase(&mut self); fn make_ascii_lowercase(&mut self);
    fn from_u32(u32) -> Option<char>; fn from_digit(u32, u32) -> Option<char>; fn from<T>(T) -> char;
}
impl str {
    fn len(&self) -> usize; fn is_empty(&self) -> bool;
    fn chars(&self) -> Iterator<char>; fn bytes(&self) -> Iterator<u8>;
    fn from_utf8(&[u8]) -> Result<&str, Utf8Error>;
    fn char_indices(&self) -> Iterator<(usize, char)>;
    fn make_ascii_uppercase(&mut self); fn make_ascii_lowercase(&mut self); fn lines(&self) -> Iterator<&str>;
    fn split<P>(&self, P) -> Iterator<&str>; fn rsplit<P>(&self, P) -> Iterator<&str>;
    fn split_terminator<P>(&self, P) -> Iterator<&str>; fn split_inclusive<P>(&self, P) -> Iterator<&str>;
    fn splitn<P>(&self, usize, P) -> Iterator<&str>; fn rsplitn<P>(&self, usize, P) -> Iterator<&str>;
    fn split_whitespace(&self) -> Iterator<&str>; fn split_ascii_whitespace(&self) -> Iterator<&str>;
    fn split_once<P>(&self, P) -> Option<(&str, &str)>; fn rsplit_once<P>(&self, P) -> Option<(&str, &str)>;
    fn split_at(&self, usize) -> (&str, &str);
    fn trim(&self) -> &str; fn trim_start(&self) -> &str; fn trim_end(&self) -> &str;
    fn trim_matches<P>(&self, P) -> &str; fn trim_start_matches<P>(&self, P) -> &str;
    fn trim_end_matches<P>(&self, P) -> &str;
    fn strip_prefix<P>(&self, P) -> Option<&str>; fn strip_suffix<P>(&self, P) -> Option<&str>;
    fn starts_with<P>(&self, P) -> bool; fn ends_with<P>(&self, P) -> bool; fn contains<P>(&self, P) -> bool;
    fn find<P>(&self, P) -> Option<usize>; fn rfind<P>(&self, P) -> Option<usize>;
    fn matches<P>(&self, P) -> Iterator<&str>; fn match_indices<P>(&self, P) -> Iterator<(usize, &str)>;
    fn replace<P>(&self, P, &str) -> String; fn replacen<P>(&self, P, &str, usize) -> String;
    fn to_uppercase(&self) -> String; fn to_lowercase(&self) -> String;
    fn to_ascii_uppercase(&self) -> String; fn to_ascii_lowercase(&self) -> String;
    fn to_string(&self) -> String; fn to_owned(&self) -> String; fn into_string(self) -> String;
    fn parse<F>(&self) -> Result<F, _>; fn repeat(&self, usize) -> String;
    fn as_bytes(&self) -> &[u8]; fn as_str(&self) -> &str; fn get(&self, Range<usize>) -> Option<&str>;
    fn is_char_boundary(&self, usize) -> bool; fn eq_ignore_ascii_case(&self, &str) -> bool;
    fn is_ascii(&self) -> bool;
}
impl String {
    fn new() -> String; fn with_capacity(usize) -> String; fn from<T>(T) -> String; fn from_iter<I>(I) -> String;
    fn from_str(&str) -> Result<String, Infallible>; fn make_ascii_uppercase(&mut self); fn make_ascii_lowercase(&mut self);
    fn from_utf8(Vec<u8>) -> Result<String, FromUtf8Error>; fn from_utf8_lossy(&[u8]) -> String;
    fn push(&mut self, char); fn push_str(&mut self, &str); fn pop(&mut self) -> Option<char>;
    fn len(&self) -> usize; fn is_empty(&self) -> bool; fn clear(&mut self); fn capacity(&self) -> usize;
    fn insert(&mut self, usize, char); fn insert_str(&mut self, usize, &str); fn remove(&mut self, usize) -> char;
    fn truncate(&mut self, usize); fn as_str(&self) -> &str; fn as_mut_str(&mut self) -> &mut str;
    fn into_bytes(self) -> Vec<u8>; fn retain<F: FnMut(char) -> bool>(&mut self, F);
    fn drain(&mut self, Range<usize>) -> Iterator<char>; fn extend<I>(&mut self, I); fn split_off(&mut self, usize) -> String;
    fn reserve(&mut self, usize); fn clone(&self) -> String; fn to_string(&self) -> String; fn to_owned(&self) -> String;
    fn write_str(&mut self, &str) -> Result<(), Error>; fn write_char(&mut self, char) -> Result<(), Error>;
    fn write_fmt(&mut self, Arguments) -> Result<(), Error>;
    fn into_boxed_str(self) -> Box<str>; fn replace_range(&mut self, Range<usize>, &str);
}
impl<T> Vec<T> {
    fn new() -> Vec<T>; fn with_capacity(usize) -> Vec<T>; fn from<A>(A) -> Vec<T>;
    fn len(&self) -> usize; fn is_empty(&self) -> bool; fn capacity(&self) -> usize;
    fn push(&mut self, T); fn pop(&mut self) -> Option<T>; fn insert(&mut self, usize, T);
    fn remove(&mut self, usize) -> T; fn swap_remove(&mut self, usize) -> T; fn clear(&mut self);
    fn truncate(&mut self, usize); fn extend(&mut self, IntoIter<T>); fn extend_from_slice(&mut self, &[T]);
    fn append(&mut self, &mut Vec<T>); fn retain<F: FnMut(&T) -> bool>(&mut self, F);
    fn retain_mut<F: FnMut(&mut T) -> bool>(&mut self, F); fn dedup(&mut self);
    fn dedup_by_key<K, F: FnMut(&mut T) -> K>(&mut self, F); fn dedup_by<F: FnMut(&mut T, &mut T) -> bool>(&mut self, F);
    fn drain(&mut self, Range<usize>) -> Iterator<T>; fn split_off(&mut self, usize) -> Vec<T>;
    fn resize(&mut self, usize, T); fn reserve(&mut self, usize); fn into_iter(self) -> Iterator<T>;
    fn resize_with<F: FnMut() -> T>(&mut self, usize, F); fn from_iter<A>(A) -> Vec<T>;
    fn as_slice(&self) -> &[T]; fn as_mut_slice(&mut self) -> &mut [T]; fn into_boxed_slice(self) -> Box<[T]>;
    fn clone(&self) -> Vec<T>; fn shrink_to_fit(&mut self);
}
impl<T> [T] {
    fn len(&self) -> usize; fn is_empty(&self) -> bool;
    fn iter(&self) -> Iterator<&T>; fn iter_mut(&mut self) -> Iterator<&mut T>;
    fn first(&self) -> Option<&T>; fn last(&self) -> Option<&T>;
    fn first_mut(&mut self) -> Option<&mut T>; fn last_mut(&mut self) -> Option<&mut T>;
    fn get(&self, usize) -> Option<&T>; fn get_mut(&mut self, usize) -> Option<&mut T>;
    fn contains(&self, &T) -> bool; fn starts_with(&self, &[T]) -> bool; fn ends_with(&self, &[T]) -> bool;
    fn sort(&mut self); fn sort_unstable(&mut self);
    fn sort_by<F: FnMut(&T, &T) -> Ordering>(&mut self, F); fn sort_unstable_by<F: FnMut(&T, &T) -> Ordering>(&mut self, F);
    fn sort_by_key<K, F: FnMut(&T) -> K>(&mut self, F); fn sort_unstable_by_key<K, F: FnMut(&T) -> K>(&mut self, F);
    fn sort_by_cached_key<K, F: FnMut(&T) -> K>(&mut self, F);
    fn reverse(&mut self); fn swap(&mut self, usize, usize); fn fill(&mut self, T);
    fn fill_with<F: FnMut() -> T>(&mut self, F); fn is_sorted(&self) -> bool;
    fn is_sorted_by_key<K, F: FnMut(&T) -> K>(&self, F) -> bool;
    fn chunks_exact_mut(&mut self, usize) -> Iterator<&mut [T]>; fn rchunks_mut(&mut self, usize) -> Iterator<&mut [T]>;
    fn rotate_left(&mut self, usize); fn rotate_right(&mut self, usize);
    fn binary_search(&self, &T) -> Result<usize, usize>;
    fn binary_search_by<F: FnMut(&T) -> Ordering>(&self, F) -> Result<usize, usize>;
    fn binary_search_by_key<B, F: FnMut(&T) -> B>(&self, &B, F) -> Result<usize, usize>;
    fn partition_point<P: FnMut(&T) -> bool>(&self, P) -> usize;
    fn windows(&self, usize) -> Iterator<&[T]>; fn chunks(&self, usize) -> Iterator<&[T]>;
    fn chunks_exact(&self, usize) -> Iterator<&[T]>; fn rchunks(&self, usize) -> Iterator<&[T]>;
    fn chunks_mut(&mut self, usize) -> Iterator<&mut [T]>;
    fn split<F: FnMut(&T) -> bool>(&self, F) -> Iterator<&[T]>;
    fn split_at(&self, usize) -> (&[T], &[T]); fn split_at_mut(&mut self, usize) -> (&mut [T], &mut [T]);
    fn split_first(&self) -> Option<(&T, &[T])>; fn split_last(&self) -> Option<(&T, &[T])>;
    fn to_vec(&self) -> Vec<T>; fn into_vec(self) -> Vec<T>; fn repeat(&self, usize) -> Vec<T>;
    fn copy_from_slice(&mut self, &[T]); fn clone_from_slice(&mut self, &[T]);
}
impl<T> [Vec<T>] { fn concat(&self) -> Vec<T>; fn join(&self, &[T]) -> Vec<T>; }
impl<T> [[T; _]] { fn concat(&self) -> Vec<T>; }
impl [&str] { fn concat(&self) -> String; fn join(&self, &str) -> String; }
impl [String] { fn concat(&self) -> String; fn join(&self, &str) -> String; }
impl<T> [T; _] {
    fn into_iter(self) -> Iterator<T>; fn len(&self) -> usize;
    fn map<U, F: FnMut(T) -> U>(self, F) -> [U; _];
}
impl<T> Option<T> {
    fn is_some(&self) -> bool; fn is_none(&self) -> bool;
    fn is_some_and<F: FnOnce(T) -> bool>(self, F) -> bool; fn is_none_or<F: FnOnce(T) -> bool>(self, F) -> bool;
    fn unwrap(self) -> T; fn expect(self, &str) -> T; fn unwrap_or(self, T) -> T;
    fn unwrap_or_else<F: FnOnce() -> T>(self, F) -> T; fn unwrap_or_default(self) -> T;
    fn map<U, F: FnOnce(T) -> U>(self, F) -> Option<U>;
    fn map_or<U, F: FnOnce(T) -> U>(self, U, F) -> U;
    fn map_or_else<U, D: FnOnce() -> U, F: FnOnce(T) -> U>(self, D, F) -> U;
    fn and_then<U, F: FnOnce(T) -> Option<U>>(self, F) -> Option<U>;
    fn and<U>(self, Option<U>) -> Option<U>;
    fn or(self, Option<T>) -> Option<T>; fn or_else<F: FnOnce() -> Option<T>>(self, F) -> Option<T>;
    fn xor(self, Option<T>) -> Option<T>;
    fn ok_or<E>(self, E) -> Result<T, E>; fn ok_or_else<E, F: FnOnce() -> E>(self, F) -> Result<T, E>;
    fn filter<P: FnOnce(&T) -> bool>(self, P) -> Option<T>;
    fn take(&mut self) -> Option<T>; fn replace(&mut self, T) -> Option<T>; fn insert(&mut self, T) -> &mut T;
    fn get_or_insert(&mut self, T) -> &mut T; fn get_or_insert_with<F: FnOnce() -> T>(&mut self, F) -> &mut T;
    fn as_ref(&self) -> Option<&T>; fn as_mut(&mut self) -> Option<&mut T>; fn as_deref(&self) -> Option<_>;
    fn as_deref_mut(&mut self) -> Option<_>; fn take_if<P: FnOnce(&mut T) -> bool>(&mut self, P) -> Option<T>;
    fn iter(&self) -> Iterator<&T>; fn into_iter(self) -> Iterator<T>;
    fn zip<U>(self, Option<U>) -> Option<(T, U)>; fn inspect<F: FnOnce(&T)>(self, F) -> Option<T>;
    fn unwrap_unchecked(self) -> T;
}
impl<T> Option<&T> { fn cloned(self) -> Option<T>; fn copied(self) -> Option<T>; }
impl<T> Option<&mut T> { fn cloned(self) -> Option<T>; fn copied(self) -> Option<T>; }
impl<T> Option<Option<T>> { fn flatten(self) -> Option<T>; }
impl<T, E> Option<Result<T, E>> { fn transpose(self) -> Result<Option<T>, E>; }
impl<T, E> Result<T, E> {
    fn is_ok(&self) -> bool; fn is_err(&self) -> bool;
    fn is_ok_and<F: FnOnce(T) -> bool>(self, F) -> bool; fn is_err_and<F: FnOnce(E) -> bool>(self, F) -> bool;
    fn unwrap(self) -> T; fn expect(self, &str) -> T; fn unwrap_err(self) -> E; fn expect_err(self, &str) -> E;
    fn unwrap_or(self, T) -> T; fn unwrap_or_else<F: FnOnce(E) -> T>(self, F) -> T; fn unwrap_or_default(self) -> T;
    fn map<U, F: FnOnce(T) -> U>(self, F) -> Result<U, E>;
    fn map_err<G, F: FnOnce(E) -> G>(self, F) -> Result<T, G>;
    fn map_or<U, F: FnOnce(T) -> U>(self, U, F) -> U;
    fn map_or_else<U, D: FnOnce(E) -> U, F: FnOnce(T) -> U>(self, D, F) -> U;
    fn and_then<U, F: FnOnce(T) -> Result<U, E>>(self, F) -> Result<U, E>;
    fn and<U>(self, Result<U, E>) -> Result<U, E>;
    fn or_else<G, F: FnOnce(E) -> Result<T, G>>(self, F) -> Result<T, G>; fn or<G>(self, Result<T, G>) -> Result<T, G>;
    fn ok(self) -> Option<T>; fn err(self) -> Option<E>;
    fn as_ref(&self) -> Result<&T, &E>; fn as_mut(&mut self) -> Result<&mut T, &mut E>;
    fn iter(&self) -> Iterator<&T>; fn into_iter(self) -> Iterator<T>; fn inspect<F: FnOnce(&T)>(self, F) -> Result<T, E>;
    fn inspect_err<F: FnOnce(&E)>(self, F) -> Result<T, E>;
}
impl<T, E> Result<&T, E> { fn cloned(self) -> Result<T, E>; fn copied(self) -> Result<T, E>; }
impl<T, E> Result<Option<T>, E> { fn transpose(self) -> Option<Result<T, E>>; }
impl<I> Iterator<I> {
    fn next(&mut self) -> Option<I>; fn next_back(&mut self) -> Option<I>;
    fn peek(&mut self) -> Option<&I>; fn peek_mut(&mut self) -> Option<&mut I>;
    fn next_if<F: FnOnce(&I) -> bool>(&mut self, F) -> Option<I>; fn next_if_eq(&mut self, &I) -> Option<I>;
    fn is_sorted_by_key<K, F: FnMut(I) -> K>(self, F) -> bool;
    fn map<B, F: FnMut(I) -> B>(self, F) -> Iterator<B>;
    fn filter<P: FnMut(&I) -> bool>(self, P) -> Iterator<I>;
    fn filter_map<B, F: FnMut(I) -> Option<B>>(self, F) -> Iterator<B>;
    fn flat_map<U, F: FnMut(I) -> U>(self, F) -> Iterator<Item<U>>;
    fn flatten(self) -> Iterator<Item<I>>;
    fn enumerate(self) -> Iterator<(usize, I)>;
    fn zip<U>(self, U) -> Iterator<(I, Item<U>)>;
    fn unzip<X, Y, A, B>(self) -> (A, B);
    fn chain(self, IntoIter<I>) -> Iterator<I>;
    fn rev(self) -> Iterator<I>; fn take(self, usize) -> Iterator<I>; fn skip(self, usize) -> Iterator<I>;
    fn take_while<P: FnMut(&I) -> bool>(self, P) -> Iterator<I>;
    fn skip_while<P: FnMut(&I) -> bool>(self, P) -> Iterator<I>;
    fn map_while<B, P: FnMut(I) -> Option<B>>(self, P) -> Iterator<B>;
    fn step_by(self, usize) -> Iterator<I>; fn peekable(self) -> Iterator<I>; fn fuse(self) -> Iterator<I>;
    fn cycle(self) -> Iterator<I>; fn by_ref(&mut self) -> Iterator<I>;
    fn inspect<F: FnMut(&I)>(self, F) -> Iterator<I>;
    fn scan<S, B, F: FnMut(&mut S, I) -> Option<B>>(self, S, F) -> Iterator<B>;
    fn count(self) -> usize; fn len(&self) -> usize; fn sum<S>(self) -> S; fn product<S>(self) -> S;
    fn collect<B>(self) -> B; fn partition<B, F: FnMut(&I) -> bool>(self, F) -> (B, B);
    fn fold<B, F: FnMut(B, I) -> B>(self, B, F) -> B;
    fn try_fold<B, R, F: FnMut(B, I) -> R>(&mut self, B, F) -> R;
    fn try_for_each<R, F: FnMut(I) -> R>(&mut self, F) -> R;
    fn rfold<B, F: FnMut(B, I) -> B>(self, B, F) -> B;
    fn reduce<F: FnMut(I, I) -> I>(self, F) -> Option<I>;
    fn for_each<F: FnMut(I)>(self, F);
    fn any<F: FnMut(I) -> bool>(&mut self, F) -> bool; fn all<F: FnMut(I) -> bool>(&mut self, F) -> bool;
    fn find<P: FnMut(&I) -> bool>(&mut self, P) -> Option<I>;
    fn find_map<B, F: FnMut(I) -> Option<B>>(&mut self, F) -> Option<B>;
    fn position<P: FnMut(I) -> bool>(&mut self, P) -> Option<usize>;
    fn rposition<P: FnMut(I) -> bool>(&mut self, P) -> Option<usize>;
    fn min(self) -> Option<I>; fn max(self) -> Option<I>;
    fn min_by<F: FnMut(&I, &I) -> Ordering>(self, F) -> Option<I>;
    fn max_by<F: FnMut(&I, &I) -> Ordering>(self, F) -> Option<I>;
    fn min_by_key<B, F: FnMut(&I) -> B>(self, F) -> Option<I>;
    fn max_by_key<B, F: FnMut(&I) -> B>(self, F) -> Option<I>;
    fn last(self) -> Option<I>; fn nth(&mut self, usize) -> Option<I>; fn nth_back(&mut self, usize) -> Option<I>;
    fn eq(self, IntoIter<I>) -> bool; fn is_sorted(self) -> bool; fn into_iter(self) -> Iterator<I>; fn size_hint(&self) -> (usize, Option<usize>);
}
impl<T> Iterator<&T> { fn cloned(self) -> Iterator<T>; fn copied(self) -> Iterator<T>; }
impl<T> Iterator<&mut T> { fn cloned(self) -> Iterator<T>; fn copied(self) -> Iterator<T>; }
impl<T> Range<T> {
    fn contains(&self, &T) -> bool; fn is_empty(&self) -> bool; fn len(&self) -> usize;
}
impl<T> RangeInclusive<T> {
    fn contains(&self, &T) -> bool; fn is_empty(&self) -> bool; fn start(&self) -> &T; fn end(&self) -> &T;
    fn new(T, T) -> RangeInclusive<T>;
}
impl<T> VecDeque<T> {
    fn new() -> VecDeque<T>; fn with_capacity(usize) -> VecDeque<T>; fn from<A>(A) -> VecDeque<T>; fn from_iter<A>(A) -> VecDeque<T>;
    fn push_back(&mut self, T); fn push_front(&mut self, T);
    fn pop_back(&mut self) -> Option<T>; fn pop_front(&mut self) -> Option<T>;
    fn front(&self) -> Option<&T>; fn back(&self) -> Option<&T>;
    fn front_mut(&mut self) -> Option<&mut T>; fn back_mut(&mut self) -> Option<&mut T>;
    fn len(&self) -> usize; fn is_empty(&self) -> bool; fn clear(&mut self);
    fn iter(&self) -> Iterator<&T>; fn iter_mut(&mut self) -> Iterator<&mut T>; fn into_iter(self) -> Iterator<T>;
    fn get(&self, usize) -> Option<&T>; fn get_mut(&mut self, usize) -> Option<&mut T>;
    fn contains(&self, &T) -> bool; fn extend(&mut self, IntoIter<T>);
    fn drain(&mut self, Range<usize>) -> Iterator<T>; fn remove(&mut self, usize) -> Option<T>;
    fn insert(&mut self, usize, T); fn make_contiguous(&mut self) -> &mut [T];
    fn retain<F: FnMut(&T) -> bool>(&mut self, F); fn truncate(&mut self, usize); fn swap(&mut self, usize, usize);
    fn rotate_left(&mut self, usize); fn rotate_right(&mut self, usize);
}
impl<T> BinaryHeap<T> {
    fn new() -> BinaryHeap<T>; fn with_capacity(usize) -> BinaryHeap<T>; fn from<A>(A) -> BinaryHeap<T>;
    fn push(&mut self, T); fn pop(&mut self) -> Option<T>; fn peek(&self) -> Option<&T>;
    fn len(&self) -> usize; fn is_empty(&self) -> bool; fn clear(&mut self);
    fn into_vec(self) -> Vec<T>; fn into_sorted_vec(self) -> Vec<T>;
    fn iter(&self) -> Iterator<&T>; fn into_iter(self) -> Iterator<T>; fn extend(&mut self, IntoIter<T>);
    fn drain(&mut self) -> Iterator<T>;
}
impl<K, V> Entry<K, V> {
    fn or_insert(self, V) -> &mut V; fn or_insert_with<F: FnOnce() -> V>(self, F) -> &mut V;
    fn or_insert_with_key<F: FnOnce(&K) -> V>(self, F) -> &mut V; fn or_default(self) -> &mut V;
    fn and_modify<F: FnOnce(&mut V)>(self, F) -> Entry<K, V>; fn key(&self) -> &K;
}
impl<T> Box<T> { fn new(T) -> Box<T>; fn leak(Box<T>) -> &mut T; }
impl<T> Rc<T> {
    fn new(T) -> Rc<T>; fn clone(&self) -> Rc<T>; fn strong_count(&Rc<T>) -> usize; fn weak_count(&Rc<T>) -> usize;
    fn downgrade(&Rc<T>) -> Weak<T>; fn ptr_eq(&Rc<T>, &Rc<T>) -> bool;
    fn try_unwrap(Rc<T>) -> Result<T, Rc<T>>; fn get_mut(&mut Rc<T>) -> Option<&mut T>; fn make_mut(&mut Rc<T>) -> &mut T;
}
impl<T> Arc<T> {
    fn new(T) -> Arc<T>; fn clone(&self) -> Arc<T>; fn strong_count(&Arc<T>) -> usize; fn weak_count(&Arc<T>) -> usize;
    fn downgrade(&Arc<T>) -> Weak<T>; fn ptr_eq(&Arc<T>, &Arc<T>) -> bool;
    fn try_unwrap(Arc<T>) -> Result<T, Arc<T>>; fn get_mut(&mut Arc<T>) -> Option<&mut T>; fn make_mut(&mut Arc<T>) -> &mut T;
}
impl<T> Weak<T> { fn new() -> Weak<T>; fn upgrade(&self) -> Option<Rc<T>>; fn strong_count(&self) -> usize; }
impl<T> Cell<T> {
    fn new(T) -> Cell<T>; fn get(&self) -> T; fn set(&self, T); fn replace(&self, T) -> T; fn take(&self) -> T;
    fn into_inner(self) -> T; fn get_mut(&mut self) -> &mut T;
}
impl<T> RefCell<T> {
    fn new(T) -> RefCell<T>; fn borrow(&self) -> Ref<T>; fn borrow_mut(&self) -> RefMut<T>;
    fn try_borrow(&self) -> Result<Ref<T>, BorrowError>; fn try_borrow_mut(&self) -> Result<RefMut<T>, BorrowMutError>;
    fn replace(&self, T) -> T; fn take(&self) -> T; fn into_inner(self) -> T; fn get_mut(&mut self) -> &mut T;
    fn replace_with<F: FnOnce(&mut T) -> T>(&self, F) -> T; fn swap(&self, &RefCell<T>);
}
impl Ordering {
    fn reverse(self) -> Ordering; fn then(self, Ordering) -> Ordering;
    fn then_with<F: FnOnce() -> Ordering>(self, F) -> Ordering;
    fn is_eq(self) -> bool; fn is_ne(self) -> bool; fn is_lt(self) -> bool; fn is_gt(self) -> bool;
    fn is_le(self) -> bool; fn is_ge(self) -> bool;
}
impl Instant {
    fn now() -> Instant; fn elapsed(&self) -> Duration; fn duration_since(&self, Instant) -> Duration;
    fn sub(self, Instant) -> Duration; fn add(self, Duration) -> Instant;
}
impl Duration {
    fn new(u64, u32) -> Duration; fn from_secs(u64) -> Duration; fn from_millis(u64) -> Duration;
    fn from_micros(u64) -> Duration; fn from_nanos(u64) -> Duration; fn from_secs_f64(f64) -> Duration;
    fn from_secs_f32(f32) -> Duration;
    fn as_secs(&self) -> u64; fn as_millis(&self) -> u128; fn as_micros(&self) -> u128; fn as_nanos(&self) -> u128;
    fn as_secs_f64(&self) -> f64; fn as_secs_f32(&self) -> f32; fn subsec_millis(&self) -> u32;
    fn subsec_micros(&self) -> u32; fn subsec_nanos(&self) -> u32;
    fn add(self, Duration) -> Duration; fn sub(self, Duration) -> Duration;
    fn mul(self, u32) -> Duration; fn div(self, u32) -> Duration;
    fn checked_sub(self, Duration) -> Option<Duration>; fn saturating_sub(self, Duration) -> Duration;
    fn mul_f64(self, f64) -> Duration; fn is_zero(&self) -> bool; fn as_millis_f64(&self) -> f64;
}
impl<T> JoinHandle<T> { fn join(self) -> Result<T, Box<dyn Any + Send>>; fn is_finished(&self) -> bool; fn thread(&self) -> Thread; }
impl<T> ScopedJoinHandle<T> { fn join(self) -> Result<T, Box<dyn Any + Send>>; fn is_finished(&self) -> bool; }
impl Scope { fn spawn<T, F: FnOnce() -> T>(&self, F) -> ScopedJoinHandle<T>; }
impl Thread { fn name(&self) -> Option<&str>; fn id(&self) -> ThreadId; fn unpark(&self); }
impl<T> Sender<T> { fn send(&self, T) -> Result<(), SendError<T>>; fn clone(&self) -> Sender<T>; }
impl<T> SyncSender<T> {
    fn send(&self, T) -> Result<(), SendError<T>>; fn try_send(&self, T) -> Result<(), TrySendError<T>>;
    fn clone(&self) -> SyncSender<T>;
}
impl<T> Receiver<T> {
    fn recv(&self) -> Result<T, RecvError>; fn try_recv(&self) -> Result<T, TryRecvError>;
    fn recv_timeout(&self, Duration) -> Result<T, RecvTimeoutError>;
    fn iter(&self) -> Iterator<T>; fn try_iter(&self) -> Iterator<T>; fn into_iter(self) -> Iterator<T>;
}
impl Stdin {
    fn read_line(&self, &mut String) -> Result<usize, Error>; fn lines(self) -> Iterator<Result<String, Error>>;
    fn lock(&self) -> Stdin;
}
impl Formatter {
    fn write_str(&mut self, &str) -> Result<(), Error>; fn write_fmt(&mut self, Arguments) -> Result<(), Error>;
    fn pad(&mut self, &str) -> Result<(), Error>; fn alternate(&self) -> bool;
    fn width(&self) -> Option<usize>; fn precision(&self) -> Option<usize>; fn fill(&self) -> char;
    fn debug_struct(&mut self, &str) -> DebugStruct; fn debug_tuple(&mut self, &str) -> DebugTuple;
    fn debug_list(&mut self) -> DebugList; fn debug_map(&mut self) -> DebugMap; fn debug_set(&mut self) -> DebugSet;
}
impl DebugStruct { fn field<V>(&mut self, &str, &V) -> DebugStruct; fn finish(&mut self) -> Result<(), Error>; fn finish_non_exhaustive(&mut self) -> Result<(), Error>; }
impl DebugTuple { fn field<V>(&mut self, &V) -> DebugTuple; fn finish(&mut self) -> Result<(), Error>; }
impl DebugList { fn entry<V>(&mut self, &V) -> DebugList; fn entries<I>(&mut self, I) -> DebugList; fn finish(&mut self) -> Result<(), Error>; }
impl DebugSet { fn entry<V>(&mut self, &V) -> DebugSet; fn entries<I>(&mut self, I) -> DebugSet; fn finish(&mut self) -> Result<(), Error>; }
impl DebugMap { fn entry<K, V>(&mut self, &K, &V) -> DebugMap; fn entries<I>(&mut self, I) -> DebugMap; fn finish(&mut self) -> Result<(), Error>; }
impl Stdout { fn flush(&mut self) -> Result<(), Error>; fn lock(&self) -> Stdout; }
impl Default { fn default<T>() -> T; }
impl prelude { fn drop<T>(T); }
impl From { fn from<T, U>(U) -> T; }
impl mem {
    fn swap<T>(&mut T, &mut T); fn replace<T>(&mut T, T) -> T; fn take<T>(&mut T) -> T; fn drop<T>(T);
    fn size_of<T>() -> usize; fn forget<T>(T);
}
impl process { fn exit(i32) -> !; fn id() -> u32; }
impl cmp { fn max<T>(T, T) -> T; fn min<T>(T, T) -> T; }
impl thread {
    fn sleep(Duration); fn spawn<T, F: FnOnce() -> T>(F) -> JoinHandle<T>;
    fn scope<T, F: FnOnce(&Scope) -> T>(F) -> T; fn current() -> Thread; fn yield_now(); fn park();
}
impl mpsc { fn channel<T>() -> (Sender<T>, Receiver<T>); fn sync_channel<T>(usize) -> (SyncSender<T>, Receiver<T>); }
impl env { fn args() -> Iterator<String>; fn var(&str) -> Result<String, VarError>; }
impl fs {
    fn read_to_string<P>(P) -> Result<String, Error>; fn write<P, C>(P, C) -> Result<(), Error>;
    fn remove_file<P>(P) -> Result<(), Error>; fn create_dir_all<P>(P) -> Result<(), Error>;
}
impl io { fn stdin() -> Stdin; fn stdout() -> Stdout; }
impl iter {
    fn repeat<T>(T) -> Iterator<T>; fn once<T>(T) -> Iterator<T>; fn empty<T>() -> Iterator<T>;
    fn from_fn<T, F: FnMut() -> Option<T>>(F) -> Iterator<T>;
    fn successors<T, F: FnMut(&T) -> Option<T>>(Option<T>, F) -> Iterator<T>;
    fn repeat_with<T, F: FnMut() -> T>(F) -> Iterator<T>;
}
impl any {
    fn clone(&self) -> Self; fn to_string(&self) -> String; fn to_owned(&self) -> Self;
    fn into<T>(self) -> T; fn try_into<T>(self) -> Result<T, _>;
    fn eq(&self, &Self) -> bool; fn ne(&self, &Self) -> bool;
    fn cmp(&self, &Self) -> Ordering; fn partial_cmp(&self, &Self) -> Option<Ordering>;
    fn lt(&self, &Self) -> bool; fn le(&self, &Self) -> bool; fn gt(&self, &Self) -> bool; fn ge(&self, &Self) -> bool;
    fn max(self, Self) -> Self; fn min(self, Self) -> Self; fn clamp(self, Self, Self) -> Self;
    fn hash<H>(&self, &mut H); fn fmt(&self, &mut Formatter) -> Result<(), Error>;
    fn default() -> Self; fn as_ref(&self) -> &Self; fn borrow(&self) -> &Self; fn borrow_mut(&mut self) -> &mut Self;
}
"#;

/// Methods shared by `HashMap` and `BTreeMap` (`MAP` is replaced by the name).
const MAP: &str = r#"
impl<K, V> MAP<K, V> {
    fn new() -> MAP<K, V>; fn with_capacity(usize) -> MAP<K, V>; fn from<A>(A) -> MAP<K, V>; fn from_iter<A>(A) -> MAP<K, V>;
    fn insert(&mut self, K, V) -> Option<V>; fn get(&self, &K) -> Option<&V>; fn get_mut(&mut self, &K) -> Option<&mut V>;
    fn get_key_value(&self, &K) -> Option<(&K, &V)>;
    fn contains_key(&self, &K) -> bool; fn remove(&mut self, &K) -> Option<V>; fn remove_entry(&mut self, &K) -> Option<(K, V)>;
    fn len(&self) -> usize; fn is_empty(&self) -> bool; fn clear(&mut self);
    fn keys(&self) -> Iterator<&K>; fn values(&self) -> Iterator<&V>; fn values_mut(&mut self) -> Iterator<&mut V>;
    fn into_keys(self) -> Iterator<K>; fn into_values(self) -> Iterator<V>;
    fn iter(&self) -> Iterator<(&K, &V)>; fn iter_mut(&mut self) -> Iterator<(&K, &mut V)>;
    fn into_iter(self) -> Iterator<(K, V)>; fn drain(&mut self) -> Iterator<(K, V)>;
    fn entry(&mut self, K) -> Entry<K, V>; fn extend(&mut self, IntoIter<(K, V)>);
    fn retain<F: FnMut(&K, &mut V) -> bool>(&mut self, F);
    fn first_key_value(&self) -> Option<(&K, &V)>; fn last_key_value(&self) -> Option<(&K, &V)>;
    fn pop_first(&mut self) -> Option<(K, V)>; fn pop_last(&mut self) -> Option<(K, V)>;
    fn range(&self, Range<K>) -> Iterator<(&K, &V)>;
}
"#;

/// Methods shared by `HashSet` and `BTreeSet` (`SET` is replaced by the name).
const SET: &str = r#"
impl<T> SET<T> {
    fn new() -> SET<T>; fn with_capacity(usize) -> SET<T>; fn from<A>(A) -> SET<T>; fn from_iter<A>(A) -> SET<T>;
    fn insert(&mut self, T) -> bool; fn contains(&self, &T) -> bool; fn remove(&mut self, &T) -> bool;
    fn take(&mut self, &T) -> Option<T>; fn get(&self, &T) -> Option<&T>;
    fn len(&self) -> usize; fn is_empty(&self) -> bool; fn clear(&mut self);
    fn iter(&self) -> Iterator<&T>; fn into_iter(self) -> Iterator<T>; fn drain(&mut self) -> Iterator<T>;
    fn union(&self, &SET<T>) -> Iterator<&T>; fn intersection(&self, &SET<T>) -> Iterator<&T>;
    fn difference(&self, &SET<T>) -> Iterator<&T>; fn symmetric_difference(&self, &SET<T>) -> Iterator<&T>;
    fn is_subset(&self, &SET<T>) -> bool; fn is_superset(&self, &SET<T>) -> bool; fn is_disjoint(&self, &SET<T>) -> bool;
    fn extend(&mut self, IntoIter<T>); fn retain<F: FnMut(&T) -> bool>(&mut self, F);
    fn first(&self) -> Option<&T>; fn last(&self) -> Option<&T>;
    fn pop_first(&mut self) -> Option<T>; fn pop_last(&mut self) -> Option<T>; fn range(&self, Range<T>) -> Iterator<&T>;
}
"#;

/// std::sync (the sync helper's block): locks, guards' errors, Condvar, Barrier, Once,
/// OnceLock, atomic orderings and fences. The atomic types come from `ATOMIC`.
const SYNC: &str = r#"
impl<T> Mutex<T> {
    fn new(T) -> Mutex<T>; fn lock(&self) -> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>>;
    fn try_lock(&self) -> Result<MutexGuard<T>, TryLockError<MutexGuard<T>>>; fn into_inner(self) -> Result<T, PoisonError<T>>;
    fn get_mut(&mut self) -> Result<&mut T, PoisonError<&mut T>>; fn is_poisoned(&self) -> bool; fn clear_poison(&self);
}
impl<T> RwLock<T> {
    fn new(T) -> RwLock<T>; fn read(&self) -> Result<RwLockReadGuard<T>, PoisonError<RwLockReadGuard<T>>>;
    fn write(&self) -> Result<RwLockWriteGuard<T>, PoisonError<RwLockWriteGuard<T>>>; fn into_inner(self) -> Result<T, PoisonError<T>>;
    fn try_read(&self) -> Result<RwLockReadGuard<T>, TryLockError<RwLockReadGuard<T>>>;
    fn try_write(&self) -> Result<RwLockWriteGuard<T>, TryLockError<RwLockWriteGuard<T>>>;
    fn get_mut(&mut self) -> Result<&mut T, PoisonError<&mut T>>; fn is_poisoned(&self) -> bool; fn clear_poison(&self);
}
impl<T> PoisonError<T> { fn into_inner(self) -> T; fn get_ref(&self) -> &T; fn get_mut(&mut self) -> &mut T; }
impl Condvar {
    fn new() -> Condvar; fn notify_one(&self); fn notify_all(&self);
    fn wait<G>(&self, G) -> Result<G, PoisonError<G>>;
    fn wait_while<G, F>(&self, G, F) -> Result<G, PoisonError<G>>;
    fn wait_timeout<G>(&self, G, Duration) -> Result<(G, WaitTimeoutResult), PoisonError<(G, WaitTimeoutResult)>>;
    fn wait_timeout_while<G, F>(&self, G, Duration, F) -> Result<(G, WaitTimeoutResult), PoisonError<(G, WaitTimeoutResult)>>;
}
impl WaitTimeoutResult { fn timed_out(&self) -> bool; }
impl Barrier { fn new(usize) -> Barrier; fn wait(&self) -> BarrierWaitResult; }
impl BarrierWaitResult { fn is_leader(&self) -> bool; }
impl Once { fn new() -> Once; fn call_once<F: FnOnce()>(&self, F); fn is_completed(&self) -> bool; }
impl<T> OnceLock<T> {
    fn new() -> OnceLock<T>; fn get(&self) -> Option<&T>; fn set(&self, T) -> Result<(), T>;
    fn get_or_init<F: FnOnce() -> T>(&self, F) -> &T; fn into_inner(self) -> Option<T>; fn take(&mut self) -> Option<T>;
}
impl atomic { fn fence(Ordering); fn compiler_fence(Ordering); }
impl hint { fn spin_loop(); fn black_box<T>(T) -> T; }
"#;

/// Methods of the atomic types (`ATOM` is the type, `VAL` its value type).
const ATOMIC: &str = r#"
impl ATOM {
    fn new(VAL) -> ATOM; fn load(&self, Ordering) -> VAL; fn store(&self, VAL, Ordering);
    fn swap(&self, VAL, Ordering) -> VAL; fn fetch_add(&self, VAL, Ordering) -> VAL; fn fetch_sub(&self, VAL, Ordering) -> VAL;
    fn fetch_and(&self, VAL, Ordering) -> VAL; fn fetch_or(&self, VAL, Ordering) -> VAL; fn fetch_xor(&self, VAL, Ordering) -> VAL;
    fn fetch_nand(&self, VAL, Ordering) -> VAL; fn fetch_max(&self, VAL, Ordering) -> VAL; fn fetch_min(&self, VAL, Ordering) -> VAL;
    fn compare_exchange(&self, VAL, VAL, Ordering, Ordering) -> Result<VAL, VAL>;
    fn compare_exchange_weak(&self, VAL, VAL, Ordering, Ordering) -> Result<VAL, VAL>;
    fn fetch_update<F: FnMut(VAL) -> Option<VAL>>(&self, Ordering, Ordering, F) -> Result<VAL, VAL>;
    fn into_inner(self) -> VAL; fn get_mut(&mut self) -> &mut VAL;
}
"#;

/// The whole table as one text.
/// `std::io`'s standard streams (`builtins/prelude/stdio.rs`): the free functions whose
/// prelude return type (`io::Result<..>`) the table states in full.
const STDIO: &str = r#"
impl io { fn stderr() -> Stderr; fn read_to_string<R>(R) -> Result<String, Error>; }
"#;

pub fn table_source() -> String {
    let mut s = String::from(CORE);
    s.push_str(STDIO);
    for m in ["HashMap", "BTreeMap"] {
        s.push_str(&MAP.replace("MAP", m));
    }
    for m in ["HashSet", "BTreeSet"] {
        s.push_str(&SET.replace("SET", m));
    }
    s.push_str(SYNC);
    for (atom, val) in [
        ("AtomicUsize", "usize"),
        ("AtomicIsize", "isize"),
        ("AtomicU64", "u64"),
        ("AtomicI64", "i64"),
        ("AtomicU32", "u32"),
        ("AtomicI32", "i32"),
        ("AtomicU16", "u16"),
        ("AtomicI16", "i16"),
        ("AtomicU8", "u8"),
        ("AtomicI8", "i8"),
        ("AtomicBool", "bool"),
    ] {
        s.push_str(&ATOMIC.replace("ATOM", atom).replace("VAL", val));
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_parses_completely() {
        let (blocks, err) = super::super::sigparse::parse_table(&super::table_source());
        assert_eq!(err, None);
        assert!(blocks.len() > 40);
    }
}
