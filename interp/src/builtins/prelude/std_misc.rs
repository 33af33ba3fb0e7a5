// The TERAS prelude: small std items written as std writes them: `std::marker::PhantomData`,
// `std::num::Wrapping` (its arithmetic wraps, `Display`/`Debug` show the number) and
// `std::env::var` and its `VarError` (an unset variable is `Err(NotPresent)`), and what
// `str::escape_*`/`char::escape_*` return.

/// What `escape_default`, `escape_debug` and `escape_unicode` of a `str` or a `char` return
/// (std's `EscapeDefault`, `EscapeDebug`, `EscapeUnicode`): an iterator over the escaped
/// text's chars that displays as the part of that text not yet iterated. (`{:?}` shows the
/// type's name and those chars; std shows its private fields.)
#[derive(Clone)]
pub struct __Escape {
    chars: Vec<char>,
    pos: usize,
    name: &'static str,
}

impl __Escape {
    fn of(text: String, name: &'static str) -> __Escape {
        __Escape { chars: text.chars().collect(), pos: 0, name }
    }
    /// `ExactSizeIterator::len`: the chars left.
    pub fn len(&self) -> usize {
        self.chars.len() - self.pos
    }
}

impl Iterator for __Escape {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        if self.pos < self.chars.len() {
            self.pos += 1;
            Some(self.chars[self.pos - 1])
        } else {
            None
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len(), Some(self.len()))
    }
}

impl fmt::Display for __Escape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for c in &self.chars[self.pos..] {
            f.write_char(*c)?;
        }
        Ok(())
    }
}

impl fmt::Debug for __Escape {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}({:?})", self.name, &self.chars[self.pos..])
    }
}

impl str {
    pub fn escape_default(&self) -> __Escape {
        __Escape::of(self.__escape_default(), "EscapeDefault")
    }
    pub fn escape_debug(&self) -> __Escape {
        __Escape::of(self.__escape_debug(), "EscapeDebug")
    }
    pub fn escape_unicode(&self) -> __Escape {
        __Escape::of(self.__escape_unicode(), "EscapeUnicode")
    }
}

impl char {
    pub fn escape_default(self) -> __Escape {
        __Escape::of(self.__escape_default(), "EscapeDefault")
    }
    pub fn escape_debug(self) -> __Escape {
        __Escape::of(self.__escape_debug(), "EscapeDebug")
    }
    pub fn escape_unicode(self) -> __Escape {
        __Escape::of(self.__escape_unicode(), "EscapeUnicode")
    }
}

pub mod std {
    pub mod marker {
        /// `PhantomData<T>`: a zero-sized marker. Its value is the unit struct `PhantomData`;
        /// `Debug` cannot name `T` at run time and shows `PhantomData<?>`.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct PhantomData<T>;

        impl<T> fmt::Debug for PhantomData<T> {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("PhantomData<?>")
            }
        }
    }

    pub mod num {
        /// `Wrapping<T>`: arithmetic that wraps around instead of panicking on overflow.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct Wrapping<T>(pub T);

        impl<T: fmt::Display> fmt::Display for Wrapping<T> {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<T: fmt::Debug> fmt::Debug for Wrapping<T> {
            fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<T> Add for Wrapping<T> {
            type Output = Wrapping<T>;
            fn add(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0.wrapping_add(other.0))
            }
        }

        impl<T> Sub for Wrapping<T> {
            type Output = Wrapping<T>;
            fn sub(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0.wrapping_sub(other.0))
            }
        }

        impl<T> Mul for Wrapping<T> {
            type Output = Wrapping<T>;
            fn mul(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0.wrapping_mul(other.0))
            }
        }

        impl<T> Div for Wrapping<T> {
            type Output = Wrapping<T>;
            fn div(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0.wrapping_div(other.0))
            }
        }

        impl<T> Rem for Wrapping<T> {
            type Output = Wrapping<T>;
            fn rem(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0.wrapping_rem(other.0))
            }
        }

        impl<T> Neg for Wrapping<T> {
            type Output = Wrapping<T>;
            fn neg(self) -> Wrapping<T> {
                Wrapping(self.0.wrapping_neg())
            }
        }

        impl<T> BitAnd for Wrapping<T> {
            type Output = Wrapping<T>;
            fn bitand(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0 & other.0)
            }
        }

        impl<T> BitOr for Wrapping<T> {
            type Output = Wrapping<T>;
            fn bitor(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0 | other.0)
            }
        }

        impl<T> BitXor for Wrapping<T> {
            type Output = Wrapping<T>;
            fn bitxor(self, other: Wrapping<T>) -> Wrapping<T> {
                Wrapping(self.0 ^ other.0)
            }
        }

        impl<T> Not for Wrapping<T> {
            type Output = Wrapping<T>;
            fn not(self) -> Wrapping<T> {
                Wrapping(!self.0)
            }
        }

        impl<T> AddAssign for Wrapping<T> {
            fn add_assign(&mut self, other: Wrapping<T>) {
                self.0 = self.0.wrapping_add(other.0);
            }
        }

        impl<T> SubAssign for Wrapping<T> {
            fn sub_assign(&mut self, other: Wrapping<T>) {
                self.0 = self.0.wrapping_sub(other.0);
            }
        }

        impl<T> MulAssign for Wrapping<T> {
            fn mul_assign(&mut self, other: Wrapping<T>) {
                self.0 = self.0.wrapping_mul(other.0);
            }
        }

        impl<T> DivAssign for Wrapping<T> {
            fn div_assign(&mut self, other: Wrapping<T>) {
                self.0 = self.0.wrapping_div(other.0);
            }
        }

        impl<T> RemAssign for Wrapping<T> {
            fn rem_assign(&mut self, other: Wrapping<T>) {
                self.0 = self.0.wrapping_rem(other.0);
            }
        }
    }
}

pub mod std {
    pub mod env {
        /// `std::env::VarError`: why `env::var` found no (Unicode) value.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub enum VarError {
            NotPresent,
            NotUnicode(String),
        }

        impl std::fmt::Display for VarError {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                match self {
                    VarError::NotPresent => f.write_str("environment variable not found"),
                    VarError::NotUnicode(s) => write!(f, "environment variable was not valid unicode: {:?}", s),
                }
            }
        }

        impl std::error::Error for VarError {}

        /// `std::env::var(key)`: the variable's value, or why there is none.
        pub fn var(key: &str) -> Result<String, VarError> {
            match __env_var(key) {
                Some(v) => Ok(v),
                None => Err(VarError::NotPresent),
            }
        }
    }
}
