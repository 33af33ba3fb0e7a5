// The TERAS prelude, part 1: the std enums and their combinators, the core traits.
// Compiled before every program. Written as std would be (rustc would accept its shape);
// `__name` calls are natives (intrinsics) that receive the calling prelude function's hint.
// Functions that panic on behalf of their caller are #[track_caller], as in std: the panic
// location is the user's call site.

pub enum Option<T> {
    None,
    Some(T),
}

pub enum Result<T, E> {
    Ok(T),
    Err(E),
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum Ordering {
    Less = -1,
    Equal = 0,
    Greater = 1,
}

impl Ordering {
    pub fn reverse(self) -> Ordering {
        match self {
            Ordering::Less => Ordering::Greater,
            Ordering::Equal => Ordering::Equal,
            Ordering::Greater => Ordering::Less,
        }
    }
    pub fn then(self, other: Ordering) -> Ordering {
        match self {
            Ordering::Equal => other,
            _ => self,
        }
    }
    pub fn then_with<F: FnOnce() -> Ordering>(self, f: F) -> Ordering {
        match self {
            Ordering::Equal => f(),
            _ => self,
        }
    }
    pub fn is_eq(self) -> bool {
        matches!(self, Ordering::Equal)
    }
    pub fn is_ne(self) -> bool {
        !matches!(self, Ordering::Equal)
    }
    pub fn is_lt(self) -> bool {
        matches!(self, Ordering::Less)
    }
    pub fn is_gt(self) -> bool {
        matches!(self, Ordering::Greater)
    }
    pub fn is_le(self) -> bool {
        !matches!(self, Ordering::Greater)
    }
    pub fn is_ge(self) -> bool {
        !matches!(self, Ordering::Less)
    }
}

pub trait Clone {
    fn clone(&self) -> Self;
}

pub trait Copy: Clone {}

pub trait Default {
    fn default() -> Self;
}

pub trait PartialEq<Rhs = Self> {
    fn eq(&self, other: &Rhs) -> bool;
    fn ne(&self, other: &Rhs) -> bool {
        !self.eq(other)
    }
}

pub trait Eq: PartialEq {}

pub trait PartialOrd<Rhs = Self>: PartialEq<Rhs> {
    fn partial_cmp(&self, other: &Rhs) -> Option<Ordering>;
    fn lt(&self, other: &Rhs) -> bool {
        matches!(self.partial_cmp(other), Some(Ordering::Less))
    }
    fn le(&self, other: &Rhs) -> bool {
        matches!(self.partial_cmp(other), Some(Ordering::Less | Ordering::Equal))
    }
    fn gt(&self, other: &Rhs) -> bool {
        matches!(self.partial_cmp(other), Some(Ordering::Greater))
    }
    fn ge(&self, other: &Rhs) -> bool {
        matches!(self.partial_cmp(other), Some(Ordering::Greater | Ordering::Equal))
    }
}

pub trait Ord: Eq + PartialOrd {
    fn cmp(&self, other: &Self) -> Ordering;
    fn max(self, other: Self) -> Self
    where
        Self: Sized,
    {
        if prelude_cmp(&other, &self) == Ordering::Less { self } else { other }
    }
    fn min(self, other: Self) -> Self
    where
        Self: Sized,
    {
        if prelude_cmp(&other, &self) == Ordering::Less { other } else { self }
    }
    fn clamp(self, min: Self, max: Self) -> Self
    where
        Self: Sized,
    {
        if prelude_cmp(&min, &max) == Ordering::Greater {
            __panic("assertion failed: min <= max");
        }
        if prelude_cmp(&self, &min) == Ordering::Less {
            min
        } else if prelude_cmp(&self, &max) == Ordering::Greater {
            max
        } else {
            self
        }
    }
}

pub trait Hash {}

pub trait Display {}

pub trait Debug {}

pub trait Drop {
    fn drop(&mut self);
}

/// `From`/`Into`: the compiler turns `x.into()` with a user target type `T` into `T::from(x)`;
/// std conversions are the native `into` (by the result-type hint).
pub trait From<T> {
    fn from(value: T) -> Self;
}

pub trait Into<T> {
    fn into(self) -> T;
}

pub trait TryFrom<T>: Sized {
    type Error;
    fn try_from(value: T) -> Result<Self, Self::Error>;
}

pub trait AsRef<T> {
    fn as_ref(&self) -> &T;
}

pub trait ToString {
    fn to_string(&self) -> String;
}

pub trait FromStr: Sized {
    type Err;
    fn from_str(s: &str) -> Result<Self, Self::Err>;
}

pub trait Error: Debug + Display {}

impl<T> Option<T> {
    pub fn is_some(&self) -> bool {
        matches!(self, Some(_))
    }
    pub fn is_none(&self) -> bool {
        matches!(self, None)
    }
    pub fn is_some_and<F: FnOnce(T) -> bool>(self, f: F) -> bool {
        match self {
            Some(x) => f(x),
            None => false,
        }
    }
    pub fn is_none_or<F: FnOnce(T) -> bool>(self, f: F) -> bool {
        match self {
            Some(x) => f(x),
            None => true,
        }
    }
    #[track_caller]
    pub fn unwrap(self) -> T {
        match self {
            Some(x) => x,
            None => panic!("called `Option::unwrap()` on a `None` value"),
        }
    }
    #[track_caller]
    pub fn expect(self, msg: &str) -> T {
        match self {
            Some(x) => x,
            None => panic!("{}", msg),
        }
    }
    pub fn unwrap_or(self, default: T) -> T {
        match self {
            Some(x) => x,
            None => default,
        }
    }
    pub fn unwrap_or_else<F: FnOnce() -> T>(self, f: F) -> T {
        match self {
            Some(x) => x,
            None => f(),
        }
    }
    pub fn unwrap_or_default(self) -> T {
        match self {
            Some(x) => x,
            None => __default(),
        }
    }
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Option<U> {
        match self {
            Some(x) => Some(f(x)),
            None => None,
        }
    }
    pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U {
        match self {
            Some(x) => f(x),
            None => default,
        }
    }
    pub fn map_or_else<U, D: FnOnce() -> U, F: FnOnce(T) -> U>(self, default: D, f: F) -> U {
        match self {
            Some(x) => f(x),
            None => default(),
        }
    }
    pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Option<T> {
        if let Some(x) = &self {
            f(x);
        }
        self
    }
    pub fn ok_or<E>(self, err: E) -> Result<T, E> {
        match self {
            Some(x) => Ok(x),
            None => Err(err),
        }
    }
    pub fn ok_or_else<E, F: FnOnce() -> E>(self, f: F) -> Result<T, E> {
        match self {
            Some(x) => Ok(x),
            None => Err(f()),
        }
    }
    pub fn and<U>(self, other: Option<U>) -> Option<U> {
        match self {
            Some(_) => other,
            None => None,
        }
    }
    pub fn and_then<U, F: FnOnce(T) -> Option<U>>(self, f: F) -> Option<U> {
        match self {
            Some(x) => f(x),
            None => None,
        }
    }
    pub fn or(self, other: Option<T>) -> Option<T> {
        match self {
            Some(x) => Some(x),
            None => other,
        }
    }
    pub fn or_else<F: FnOnce() -> Option<T>>(self, f: F) -> Option<T> {
        match self {
            Some(x) => Some(x),
            None => f(),
        }
    }
    pub fn xor(self, other: Option<T>) -> Option<T> {
        match (self, other) {
            (Some(a), None) => Some(a),
            (None, Some(b)) => Some(b),
            _ => None,
        }
    }
    pub fn filter<P: FnOnce(&T) -> bool>(self, predicate: P) -> Option<T> {
        if let Some(x) = self {
            if predicate(&x) {
                return Some(x);
            }
        }
        None
    }
    pub fn zip<U>(self, other: Option<U>) -> Option<(T, U)> {
        match (self, other) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        }
    }
    pub fn unzip<A, B>(self) -> (Option<A>, Option<B>) {
        match self {
            Some((a, b)) => (Some(a), Some(b)),
            None => (None, None),
        }
    }
    pub fn take(&mut self) -> Option<T> {
        __mem_replace(self, None)
    }
    pub fn take_if<P: FnOnce(&mut T) -> bool>(&mut self, predicate: P) -> Option<T> {
        let hit = match self {
            Some(x) => predicate(x),
            None => false,
        };
        if hit { self.take() } else { None }
    }
    pub fn replace(&mut self, value: T) -> Option<T> {
        __mem_replace(self, Some(value))
    }
    pub fn insert(&mut self, value: T) -> &mut T {
        __mem_replace(self, Some(value));
        __option_content(self)
    }
    pub fn get_or_insert(&mut self, value: T) -> &mut T {
        if self.is_none() {
            __mem_replace(self, Some(value));
        }
        __option_content(self)
    }
    pub fn get_or_insert_with<F: FnOnce() -> T>(&mut self, f: F) -> &mut T {
        if self.is_none() {
            __mem_replace(self, Some(f()));
        }
        __option_content(self)
    }
    pub fn as_ref(&self) -> Option<&T> {
        match self {
            Some(x) => Some(x),
            None => None,
        }
    }
    pub fn as_mut(&mut self) -> Option<&mut T> {
        if self.is_some() { Some(__option_content(self)) } else { None }
    }
    pub fn as_deref(&self) -> Option<&T> {
        self.as_ref()
    }
    pub fn as_deref_mut(&mut self) -> Option<&mut T> {
        self.as_mut()
    }
    pub fn cloned(self) -> Option<T> {
        match self {
            Some(x) => Some(x.clone()),
            None => None,
        }
    }
    pub fn copied(self) -> Option<T> {
        match self {
            Some(x) => Some(x),
            None => None,
        }
    }
    pub fn flatten(self) -> T {
        match self {
            Some(x) => x,
            None => None,
        }
    }
    pub fn transpose(self) -> Result<Option<T>, T> {
        match self {
            None => Ok(None),
            Some(Ok(x)) => Ok(Some(x)),
            Some(Err(e)) => Err(e),
        }
    }
    pub fn iter(&self) -> OptionIter<T> {
        OptionIter { item: self.as_ref() }
    }
    pub fn iter_mut(&mut self) -> OptionIter<T> {
        OptionIter { item: self.as_mut() }
    }
    pub fn into_iter(self) -> OptionIter<T> {
        OptionIter { item: self }
    }
}

/// The iterator over an Option's 0 or 1 items.
pub struct OptionIter<T> {
    item: Option<T>,
}

impl<T> Iterator for OptionIter<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        self.item.take()
    }
}

impl<T, E> Result<T, E> {
    pub fn is_ok(&self) -> bool {
        matches!(self, Ok(_))
    }
    pub fn is_err(&self) -> bool {
        matches!(self, Err(_))
    }
    pub fn is_ok_and<F: FnOnce(T) -> bool>(self, f: F) -> bool {
        match self {
            Ok(x) => f(x),
            Err(_) => false,
        }
    }
    pub fn is_err_and<F: FnOnce(E) -> bool>(self, f: F) -> bool {
        match self {
            Ok(_) => false,
            Err(e) => f(e),
        }
    }
    #[track_caller]
    pub fn unwrap(self) -> T {
        match self {
            Ok(x) => x,
            Err(e) => panic!("called `Result::unwrap()` on an `Err` value: {:?}", e),
        }
    }
    #[track_caller]
    pub fn expect(self, msg: &str) -> T {
        match self {
            Ok(x) => x,
            Err(e) => panic!("{}: {:?}", msg, e),
        }
    }
    #[track_caller]
    pub fn unwrap_err(self) -> E {
        match self {
            Ok(x) => panic!("called `Result::unwrap_err()` on an `Ok` value: {:?}", x),
            Err(e) => e,
        }
    }
    #[track_caller]
    pub fn expect_err(self, msg: &str) -> E {
        match self {
            Ok(x) => panic!("{}: {:?}", msg, x),
            Err(e) => e,
        }
    }
    pub fn unwrap_or(self, default: T) -> T {
        match self {
            Ok(x) => x,
            Err(_) => default,
        }
    }
    pub fn unwrap_or_else<F: FnOnce(E) -> T>(self, f: F) -> T {
        match self {
            Ok(x) => x,
            Err(e) => f(e),
        }
    }
    pub fn unwrap_or_default(self) -> T {
        match self {
            Ok(x) => x,
            Err(_) => __default(),
        }
    }
    pub fn ok(self) -> Option<T> {
        match self {
            Ok(x) => Some(x),
            Err(_) => None,
        }
    }
    pub fn err(self) -> Option<E> {
        match self {
            Ok(_) => None,
            Err(e) => Some(e),
        }
    }
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Result<U, E> {
        match self {
            Ok(x) => Ok(f(x)),
            Err(e) => Err(e),
        }
    }
    pub fn map_err<G, F: FnOnce(E) -> G>(self, f: F) -> Result<T, G> {
        match self {
            Ok(x) => Ok(x),
            Err(e) => Err(f(e)),
        }
    }
    pub fn map_or<U, F: FnOnce(T) -> U>(self, default: U, f: F) -> U {
        match self {
            Ok(x) => f(x),
            Err(_) => default,
        }
    }
    pub fn map_or_else<U, D: FnOnce(E) -> U, F: FnOnce(T) -> U>(self, default: D, f: F) -> U {
        match self {
            Ok(x) => f(x),
            Err(e) => default(e),
        }
    }
    pub fn inspect<F: FnOnce(&T)>(self, f: F) -> Result<T, E> {
        if let Ok(x) = &self {
            f(x);
        }
        self
    }
    pub fn inspect_err<F: FnOnce(&E)>(self, f: F) -> Result<T, E> {
        if let Err(e) = &self {
            f(e);
        }
        self
    }
    pub fn and<U>(self, other: Result<U, E>) -> Result<U, E> {
        match self {
            Ok(_) => other,
            Err(e) => Err(e),
        }
    }
    pub fn and_then<U, F: FnOnce(T) -> Result<U, E>>(self, f: F) -> Result<U, E> {
        match self {
            Ok(x) => f(x),
            Err(e) => Err(e),
        }
    }
    pub fn or<G>(self, other: Result<T, G>) -> Result<T, G> {
        match self {
            Ok(x) => Ok(x),
            Err(_) => other,
        }
    }
    pub fn or_else<G, F: FnOnce(E) -> Result<T, G>>(self, f: F) -> Result<T, G> {
        match self {
            Ok(x) => Ok(x),
            Err(e) => f(e),
        }
    }
    pub fn as_ref(&self) -> Result<&T, &E> {
        match self {
            Ok(x) => Ok(x),
            Err(e) => Err(e),
        }
    }
    pub fn as_mut(&mut self) -> Result<&mut T, &mut E> {
        if self.is_ok() { Ok(__option_content(self)) } else { Err(__option_content(self)) }
    }
    pub fn cloned(self) -> Result<T, E> {
        match self {
            Ok(x) => Ok(x.clone()),
            Err(e) => Err(e),
        }
    }
    pub fn copied(self) -> Result<T, E> {
        self
    }
    pub fn flatten(self) -> T {
        match self {
            Ok(x) => x,
            Err(e) => Err(e),
        }
    }
    pub fn transpose(self) -> Option<Result<T, E>> {
        match self {
            Ok(None) => None,
            Ok(Some(x)) => Some(Ok(x)),
            Err(e) => Some(Err(e)),
        }
    }
    pub fn iter(&self) -> OptionIter<T> {
        OptionIter { item: self.as_ref().ok() }
    }
    pub fn into_iter(self) -> OptionIter<T> {
        OptionIter { item: self.ok() }
    }
}

/// `bool::then`.
impl bool {
    pub fn then<T, F: FnOnce() -> T>(self, f: F) -> Option<T> {
        if self { Some(f()) } else { None }
    }
}
