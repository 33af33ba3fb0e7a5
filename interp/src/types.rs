//! `Ty`: types as the compiler infers them and as natives receive them as hints.
//!
//! TERAS runs dynamically, but Rust gives every literal a type from its context, and a few std
//! functions choose what to do by the type they must produce (`collect`, `parse`, `into`,
//! `sum`, `Default::default`). The compiler infers `Ty`s locally (annotations, signatures,
//! field types, the other operand) and hands natives the expected result type as a hint.

use crate::value::{FloatTy, IntTy};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    Unit,
    Bool,
    Char,
    Int(IntTy),
    Float(FloatTy),
    /// `String`.
    String,
    /// `str` (behind a reference: `&str`).
    Str,
    /// A named type with its type arguments: `Vec<T>`, `HashMap<K, V>`, `Option<T>`, a user
    /// struct. Std names are canonical (`Vec`, not `std::vec::Vec`).
    Named(String, Vec<Ty>),
    Tuple(Vec<Ty>),
    /// `[T; N]`.
    Array(Box<Ty>, Option<u64>),
    /// `[T]`.
    Slice(Box<Ty>),
    Ref { mutable: bool, inner: Box<Ty> },
    /// A function or closure type, shown as Rust shows closures in messages.
    Fn(Vec<Ty>, Box<Ty>),
    /// A generic parameter `T`.
    Param(String),
    /// `dyn Trait`.
    Dyn(String),
    Never,
    /// Not known (yet): `_`.
    Infer,
}

impl Ty {
    pub fn named(name: &str, args: Vec<Ty>) -> Ty {
        Ty::Named(name.to_string(), args)
    }
    /// The type with references peeled off. (Not `std::ops::Deref`: it peels every layer.)
    #[allow(clippy::should_implement_trait)]
    pub fn deref(&self) -> &Ty {
        match self {
            Ty::Ref { inner, .. } => inner.deref(),
            t => t,
        }
    }
    pub fn is_known(&self) -> bool {
        !matches!(self, Ty::Infer | Ty::Param(_))
    }
    /// No `Infer` anywhere inside (parameters count as known).
    pub fn is_fully_known(&self) -> bool {
        match self {
            Ty::Infer => false,
            Ty::Named(_, args) | Ty::Tuple(args) => args.iter().all(Ty::is_fully_known),
            Ty::Array(t, _) | Ty::Slice(t) | Ty::Ref { inner: t, .. } => t.is_fully_known(),
            Ty::Fn(ps, r) => ps.iter().all(Ty::is_fully_known) && r.is_fully_known(),
            _ => true,
        }
    }
}

impl fmt::Display for Ty {
    /// As rustc writes types in messages: `Vec<i32>`, `&str`, `(i32, String)`, `[u8; 4]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list(f: &mut fmt::Formatter<'_>, tys: &[Ty]) -> fmt::Result {
            for (i, t) in tys.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{t}")?;
            }
            Ok(())
        }
        match self {
            Ty::Unit => f.write_str("()"),
            Ty::Bool => f.write_str("bool"),
            Ty::Char => f.write_str("char"),
            Ty::Int(t) => f.write_str(t.name()),
            Ty::Float(FloatTy::F32) => f.write_str("f32"),
            Ty::Float(FloatTy::F64) => f.write_str("f64"),
            Ty::String => f.write_str("String"),
            Ty::Str => f.write_str("str"),
            Ty::Named(n, args) if args.is_empty() => f.write_str(n),
            // Inference models every iterator as `Iterator<Item>`.
            Ty::Named(n, args) if n == "Iterator" && args.len() == 1 => write!(f, "impl Iterator<Item = {}>", args[0]),
            Ty::Named(n, args) => {
                write!(f, "{n}<")?;
                list(f, args)?;
                f.write_str(">")
            }
            Ty::Tuple(ts) => {
                f.write_str("(")?;
                list(f, ts)?;
                if ts.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Ty::Array(t, Some(n)) => write!(f, "[{t}; {n}]"),
            Ty::Array(t, None) => write!(f, "[{t}; _]"),
            Ty::Slice(t) => write!(f, "[{t}]"),
            Ty::Ref { mutable: true, inner } => write!(f, "&mut {inner}"),
            Ty::Ref { mutable: false, inner } => write!(f, "&{inner}"),
            Ty::Fn(ps, r) => {
                f.write_str("fn(")?;
                list(f, ps)?;
                f.write_str(")")?;
                if **r != Ty::Unit {
                    write!(f, " -> {r}")?;
                }
                Ok(())
            }
            Ty::Param(p) => f.write_str(p),
            Ty::Dyn(t) => write!(f, "dyn {t}"),
            Ty::Never => f.write_str("!"),
            Ty::Infer => f.write_str("_"),
        }
    }
}
