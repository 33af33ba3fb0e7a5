//! Unification variables over types: the engine of the inference pass.
//!
//! `T` is `Ty` with unification variables. A variable has a kind: a general variable can
//! become anything, an integer-literal variable only an integer type and a float-literal
//! variable only a float type (like rustc's `{integer}` / `{float}`); those default to `i32`
//! and `f64` when nothing else constrains them. `Subst` holds the bindings. Unification never
//! fails loudly: it answers `false` and undoes what it bound, so a program with a type error
//! only loses hints. Every walk is depth-limited and binding is occurs-checked, so no input
//! can make it loop or overflow the stack.

use crate::types::Ty;
use crate::value::{FloatTy, IntTy};

/// How deep any walk over one type goes before giving up.
pub const MAX_DEPTH: u32 = 48;

/// A type under inference.
#[derive(Clone, Debug, PartialEq)]
pub enum T {
    Var(u32),
    Unit,
    Bool,
    Char,
    Int(IntTy),
    Float(FloatTy),
    String,
    Str,
    Named(String, Vec<T>),
    Tuple(Vec<T>),
    Array(Box<T>, Option<u64>),
    Slice(Box<T>),
    Ref(bool, Box<T>),
    Fn(Vec<T>, Box<T>),
    Param(String),
    Dyn(String),
    Never,
}

impl T {
    pub fn named(name: &str, args: Vec<T>) -> T {
        T::Named(name.to_string(), args)
    }
    pub fn reference(mutable: bool, inner: T) -> T {
        T::Ref(mutable, Box::new(inner))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    General,
    Int,
    Float,
}

#[derive(Clone, Debug)]
struct Slot {
    bound: Option<T>,
    kind: Kind,
}

/// The variable bindings of one inference (one function body).
#[derive(Clone, Debug, Default)]
pub struct Subst {
    slots: Vec<Slot>,
    /// Variables bound since the start of the current `unify`, to undo on failure.
    trail: Vec<u32>,
}

/// A hard cap on variables per body: past it, fresh variables are all the same one.
const MAX_VARS: usize = 1 << 20;

impl Subst {
    pub fn new() -> Subst {
        Subst::default()
    }

    pub fn fresh(&mut self, kind: Kind) -> T {
        if self.slots.len() >= MAX_VARS {
            return T::Var(0);
        }
        self.slots.push(Slot { bound: None, kind });
        T::Var((self.slots.len() - 1) as u32)
    }
    pub fn var(&mut self) -> T {
        self.fresh(Kind::General)
    }
    pub fn int_var(&mut self) -> T {
        self.fresh(Kind::Int)
    }
    pub fn float_var(&mut self) -> T {
        self.fresh(Kind::Float)
    }

    pub fn kind(&self, v: u32) -> Kind {
        self.slots.get(v as usize).map_or(Kind::General, |s| s.kind)
    }

    /// Follows variable bindings at the top of `t` (not inside).
    pub fn shallow(&self, t: &T) -> T {
        let mut cur = t.clone();
        for _ in 0..=self.slots.len().min(1 << 16) {
            match &cur {
                T::Var(v) => match self.slots.get(*v as usize).and_then(|s| s.bound.as_ref()) {
                    Some(b) => cur = b.clone(),
                    None => return cur,
                },
                _ => return cur,
            }
        }
        cur
    }

    /// The variable kind of `t` if it is an unbound variable.
    pub fn unbound_kind(&self, t: &T) -> Option<Kind> {
        match self.shallow(t) {
            T::Var(v) => Some(self.kind(v)),
            _ => None,
        }
    }

    fn bind(&mut self, v: u32, t: T) {
        if let Some(slot) = self.slots.get_mut(v as usize) {
            slot.bound = Some(t);
            self.trail.push(v);
        }
    }

    fn occurs(&self, v: u32, t: &T, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return true;
        }
        match self.shallow(t) {
            T::Var(w) => w == v,
            T::Named(_, args) | T::Tuple(args) => args.iter().any(|a| self.occurs(v, a, depth + 1)),
            T::Array(e, _) | T::Slice(e) | T::Ref(_, e) => self.occurs(v, &e, depth + 1),
            T::Fn(ps, r) => ps.iter().any(|a| self.occurs(v, a, depth + 1)) || self.occurs(v, &r, depth + 1),
            _ => false,
        }
    }

    /// Makes `a` and `b` the same type. On failure nothing is bound and the answer is false.
    pub fn unify(&mut self, a: &T, b: &T) -> bool {
        let mark = self.trail.len();
        let ok = self.unify_in(a, b, 0);
        if !ok {
            while self.trail.len() > mark {
                if let Some(v) = self.trail.pop() {
                    if let Some(slot) = self.slots.get_mut(v as usize) {
                        slot.bound = None;
                    }
                }
            }
        } else if mark == 0 {
            self.trail.clear();
        }
        ok
    }

    fn unify_in(&mut self, a: &T, b: &T, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let a = self.shallow(a);
        let b = self.shallow(b);
        match (&a, &b) {
            (T::Var(x), T::Var(y)) => {
                if x == y {
                    return true;
                }
                match (self.kind(*x), self.kind(*y)) {
                    (Kind::General, _) => self.bind(*x, b.clone()),
                    (_, Kind::General) => self.bind(*y, a.clone()),
                    (kx, ky) if kx == ky => self.bind(*x, b.clone()),
                    _ => return false,
                }
                true
            }
            (T::Var(_), T::Never) | (T::Never, T::Var(_)) => true,
            (T::Var(x), t) | (t, T::Var(x)) => {
                let fits = match self.kind(*x) {
                    Kind::General => true,
                    Kind::Int => matches!(t, T::Int(_)),
                    Kind::Float => matches!(t, T::Float(_)),
                };
                if !fits || self.occurs(*x, t, 0) {
                    return false;
                }
                self.bind(*x, t.clone());
                true
            }
            (T::Never, _) | (_, T::Never) => true,
            (T::Named(n, xs), T::Named(m, ys)) => {
                n == m && xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| self.unify_in(x, y, depth + 1))
            }
            (T::Tuple(xs), T::Tuple(ys)) => {
                xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| self.unify_in(x, y, depth + 1))
            }
            (T::Array(x, n), T::Array(y, m)) => {
                (n == m || n.is_none() || m.is_none()) && self.unify_in(x, y, depth + 1)
            }
            (T::Slice(x), T::Slice(y)) => self.unify_in(x, y, depth + 1),
            (T::Ref(m1, x), T::Ref(m2, y)) => m1 == m2 && self.unify_in(x, y, depth + 1),
            (T::Fn(ps, r), T::Fn(qs, s)) => {
                ps.len() == qs.len()
                    && ps.iter().zip(qs).all(|(x, y)| self.unify_in(x, y, depth + 1))
                    && self.unify_in(r, s, depth + 1)
            }
            _ => a == b,
        }
    }

    /// Unifies where Rust would also accept a coercion from `actual` to `expected`: `&mut T`
    /// to `&T`, deref coercions (`&String` to `&str`, `&Vec<T>` to `&[T]`, `&Box<T>` to `&T`),
    /// unsizing to `dyn Trait`, and `!` to anything.
    pub fn coerce(&mut self, actual: &T, expected: &T) -> bool {
        if self.unify(actual, expected) {
            return true;
        }
        let a = self.shallow(actual);
        let e = self.shallow(expected);
        match (&a, &e) {
            (T::Ref(ma, ia), T::Ref(me, ie)) if *ma || !*me => {
                let target = self.shallow(ie);
                if matches!(target, T::Dyn(_)) {
                    return true;
                }
                let mut cur = (**ia).clone();
                for _ in 0..6 {
                    if self.unify(&cur, &target) {
                        return true;
                    }
                    match self.deref_step(&cur) {
                        Some(next) => cur = next,
                        None => return false,
                    }
                }
                false
            }
            (T::Named(n, _), T::Named(m, args)) if n == m && matches!(n.as_str(), "Box" | "Rc" | "Arc") => {
                args.first().is_some_and(|x| matches!(self.shallow(x), T::Dyn(_)))
            }
            (_, T::Dyn(_)) => true,
            _ => false,
        }
    }

    /// One step of auto-deref: `&T` to `T`, `Box<T>`/`Rc<T>`/`Arc<T>` to `T`, `String` to
    /// `str`, `Vec<T>` and `[T; N]` to `[T]`.
    pub fn deref_step(&self, t: &T) -> Option<T> {
        match self.shallow(t) {
            T::Ref(_, inner) => Some(*inner),
            T::Named(n, args) if matches!(n.as_str(), "Box" | "Rc" | "Arc" | "Ref" | "RefMut" | "MutexGuard" | "RwLockReadGuard" | "RwLockWriteGuard") => {
                args.into_iter().next()
            }
            T::Named(n, args) if n == "Vec" => args.into_iter().next().map(|e| T::Slice(Box::new(e))),
            T::Array(e, _) => Some(T::Slice(e)),
            T::String => Some(T::Str),
            _ => None,
        }
    }

    /// Binds every unbound integer variable to `i32` and float variable to `f64`.
    pub fn default_literals(&mut self) {
        for slot in &mut self.slots {
            if slot.bound.is_none() {
                match slot.kind {
                    Kind::Int => slot.bound = Some(T::Int(IntTy::I32)),
                    Kind::Float => slot.bound = Some(T::Float(FloatTy::F64)),
                    Kind::General => {}
                }
            }
        }
        self.trail.clear();
    }

    /// The final `Ty` of `t`: unbound variables become `Ty::Infer` (integer/float literal
    /// variables show as `i32`/`f64`, their defaults).
    pub fn resolve(&self, t: &T) -> Ty {
        self.resolve_in(t, 0)
    }

    fn resolve_in(&self, t: &T, depth: u32) -> Ty {
        if depth > MAX_DEPTH {
            return Ty::Infer;
        }
        let d = depth + 1;
        let list = |ts: &[T]| ts.iter().map(|a| self.resolve_in(a, d)).collect::<Vec<_>>();
        match self.shallow(t) {
            T::Var(v) => match self.kind(v) {
                Kind::General => Ty::Infer,
                Kind::Int => Ty::Int(IntTy::I32),
                Kind::Float => Ty::Float(FloatTy::F64),
            },
            T::Unit => Ty::Unit,
            T::Bool => Ty::Bool,
            T::Char => Ty::Char,
            T::Int(i) => Ty::Int(i),
            T::Float(f) => Ty::Float(f),
            T::String => Ty::String,
            T::Str => Ty::Str,
            T::Named(n, args) => Ty::Named(n, list(&args)),
            T::Tuple(args) => Ty::Tuple(list(&args)),
            T::Array(e, n) => Ty::Array(Box::new(self.resolve_in(&e, d)), n),
            T::Slice(e) => Ty::Slice(Box::new(self.resolve_in(&e, d))),
            T::Ref(m, e) => Ty::Ref { mutable: m, inner: Box::new(self.resolve_in(&e, d)) },
            T::Fn(ps, r) => Ty::Fn(list(&ps), Box::new(self.resolve_in(&r, d))),
            T::Param(p) => Ty::Param(p),
            T::Dyn(p) => Ty::Dyn(p),
            T::Never => Ty::Never,
        }
    }

    /// Converts a `Ty` into a `T`: `Ty::Infer` becomes a fresh variable, and each
    /// `Ty::Param` is looked up in `params` (left as a rigid `T::Param` when absent).
    pub fn import(&mut self, ty: &Ty, params: &[(String, T)]) -> T {
        self.import_in(ty, params, 0)
    }

    fn import_in(&mut self, ty: &Ty, params: &[(String, T)], depth: u32) -> T {
        if depth > MAX_DEPTH {
            return self.var();
        }
        let d = depth + 1;
        match ty {
            Ty::Unit => T::Unit,
            Ty::Bool => T::Bool,
            Ty::Char => T::Char,
            Ty::Int(i) => T::Int(*i),
            Ty::Float(f) => T::Float(*f),
            Ty::String => T::String,
            Ty::Str => T::Str,
            Ty::Named(n, args) => T::Named(n.clone(), args.iter().map(|a| self.import_in(a, params, d)).collect()),
            Ty::Tuple(args) => T::Tuple(args.iter().map(|a| self.import_in(a, params, d)).collect()),
            Ty::Array(e, n) => T::Array(Box::new(self.import_in(e, params, d)), *n),
            Ty::Slice(e) => T::Slice(Box::new(self.import_in(e, params, d))),
            Ty::Ref { mutable, inner } => T::Ref(*mutable, Box::new(self.import_in(inner, params, d))),
            Ty::Fn(ps, r) => {
                let ps = ps.iter().map(|a| self.import_in(a, params, d)).collect();
                T::Fn(ps, Box::new(self.import_in(r, params, d)))
            }
            Ty::Param(p) => params.iter().rev().find(|(n, _)| n == p).map_or_else(|| T::Param(p.clone()), |(_, t)| t.clone()),
            Ty::Dyn(p) => T::Dyn(p.clone()),
            Ty::Never => T::Never,
            Ty::Infer => self.var(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_var_binds_to_int_and_defaults() {
        let mut s = Subst::new();
        let a = s.int_var();
        let b = s.int_var();
        assert!(s.unify(&a, &b));
        assert!(!s.unify(&a, &T::Float(FloatTy::F64)));
        assert!(!s.unify(&a, &T::String));
        assert_eq!(s.resolve(&b), Ty::Int(IntTy::I32));
        assert!(s.unify(&b, &T::Int(IntTy::U8)));
        assert_eq!(s.resolve(&a), Ty::Int(IntTy::U8));
        let f = s.float_var();
        assert!(!s.unify(&f, &T::Int(IntTy::U8)));
        s.default_literals();
        assert_eq!(s.resolve(&f), Ty::Float(FloatTy::F64));
    }

    #[test]
    fn general_var_takes_literal_kind() {
        let mut s = Subst::new();
        let g = s.var();
        let i = s.int_var();
        assert!(s.unify(&g, &i));
        assert!(!s.unify(&g, &T::Bool));
        assert!(s.unify(&g, &T::Int(IntTy::U64)));
        assert_eq!(s.resolve(&i), Ty::Int(IntTy::U64));
    }

    #[test]
    fn failed_unify_rolls_back() {
        let mut s = Subst::new();
        let a = s.var();
        let left = T::Tuple(vec![a.clone(), T::Int(IntTy::U8)]);
        let right = T::Tuple(vec![T::Bool, T::String]);
        assert!(!s.unify(&left, &right));
        assert_eq!(s.resolve(&a), Ty::Infer);
    }

    #[test]
    fn occurs_check_refuses_infinite_types() {
        let mut s = Subst::new();
        let a = s.var();
        let vec_a = T::named("Vec", vec![a.clone()]);
        assert!(!s.unify(&a, &vec_a));
        assert_eq!(s.resolve(&a), Ty::Infer);
    }

    #[test]
    fn coerce_deref_and_never() {
        let mut s = Subst::new();
        assert!(s.coerce(&T::reference(false, T::String), &T::reference(false, T::Str)));
        let e = s.var();
        let v = T::reference(false, T::named("Vec", vec![T::Int(IntTy::I64)]));
        assert!(s.coerce(&v, &T::reference(false, T::Slice(Box::new(e.clone())))));
        assert_eq!(s.resolve(&e), Ty::Int(IntTy::I64));
        assert!(s.coerce(&T::reference(true, T::Bool), &T::reference(false, T::Bool)));
        assert!(!s.coerce(&T::reference(false, T::Bool), &T::reference(true, T::Bool)));
        let x = s.var();
        assert!(s.unify(&T::Never, &x));
        assert_eq!(s.resolve(&x), Ty::Infer);
    }

    #[test]
    fn from_ty_instantiates_params_and_infer() {
        let mut s = Subst::new();
        let v = s.var();
        let ty = Ty::named("HashMap", vec![Ty::Param("K".into()), Ty::Infer]);
        let t = s.import(&ty, &[("K".to_string(), v.clone())]);
        assert!(s.unify(&v, &T::String));
        assert_eq!(s.resolve(&t), Ty::named("HashMap", vec![Ty::String, Ty::Infer]));
    }
}
