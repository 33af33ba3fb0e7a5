//! Method lookup and iteration: which signature a method name means for a receiver type
//! (auto-deref, std table, user impls, trait default methods, bounds of parameters, `dyn`
//! traits, blanket impls, the methods every type has), and the item types of iterators and
//! iterables.

use super::call::Found;
use super::check::Checker;
use super::env::{head_of, Sig};
use super::unify::{Kind, T};
use crate::types::Ty;
use crate::value::FloatTy;

/// Std names the prelude defines as ordinary enums; user types of other std names hide the
/// std table.
const PRELUDE_ADTS: &[&str] = &["Option", "Result", "Ordering", "Reverse", "Wrapping"];

/// Traits whose methods the std table models directly (their prelude declarations are not
/// used for lookup).
const MODELLED_TRAITS: &[&str] = &["Iterator", "DoubleEndedIterator", "ExactSizeIterator", "IntoIterator"];

impl Checker<'_> {
    // -----------------------------------------------------------------------------------------
    // Method lookup

    /// Finds `name` for a receiver of type `rt`, auto-dereferencing.
    pub fn lookup_method(&mut self, rt: &T, name: &str) -> Option<Found> {
        let mut cur = self.sub.shallow(rt);
        let mut first_value: Option<T> = None;
        for _ in 0..8 {
            if let T::Var(v) = cur {
                if self.sub.kind(v) == Kind::General {
                    break;
                }
            }
            if !matches!(cur, T::Ref(..)) {
                if first_value.is_none() {
                    first_value = Some(cur.clone());
                }
                for sig in self.candidate_sigs(&cur, name, true) {
                    if self.self_matches(&sig, &cur) {
                        return Some(Found { sig, recv: cur });
                    }
                }
                if let Some(item) = self.iter_item(&cur) {
                    let it = T::named("Iterator", vec![item]);
                    for sig in self.std_sigs("Iterator", name) {
                        if sig.self_kind.is_some() && self.self_matches(&sig, &it) {
                            return Some(Found { sig, recv: it });
                        }
                    }
                }
            }
            match self.sub.deref_step(&cur) {
                Some(next) => cur = self.sub.shallow(&next),
                None => break,
            }
        }
        let recv = first_value?;
        let sig = self.std_sigs("any", name).into_iter().find(|s| s.self_kind.is_some())?;
        Some(Found { sig, recv })
    }

    pub fn std_sigs(&self, head: &str, name: &str) -> Vec<Sig> {
        self.env.std_methods.get(head).and_then(|m| m.get(name)).cloned().unwrap_or_default()
    }

    fn user_sigs(&self, head: &str, name: &str) -> Vec<Sig> {
        self.env.methods.get(head).and_then(|m| m.get(name)).cloned().unwrap_or_default()
    }

    /// The signatures named `name` that may apply to a receiver (or path type) `s`, in
    /// lookup order: std table, user impls, default methods of implemented traits, trait
    /// bounds of a parameter, `dyn Trait` methods, blanket impls. `methods_only` keeps only
    /// those with a `self` parameter.
    pub fn candidate_sigs(&mut self, s: &T, name: &str, methods_only: bool) -> Vec<Sig> {
        let mut out = Vec::new();
        let user_head = self.user_head(s, name);
        let std_head = self.std_head(s);
        let user_first = std_head.as_ref().is_some_and(|h| self.env.adts.contains_key(h.as_str()) && !PRELUDE_ADTS.contains(&h.as_str()));
        if let (Some(h), false) = (&std_head, user_first) {
            out.extend(self.std_sigs(h, name));
        }
        if let Some(h) = &user_head {
            out.extend(self.user_sigs(h, name));
        }
        if let (Some(h), true) = (&std_head, user_first) {
            out.extend(self.std_sigs(h, name));
        }
        if let Some(h) = &user_head {
            if let Some(traits) = self.env.trait_impls.get(h) {
                for t in traits {
                    if MODELLED_TRAITS.contains(&t.as_str()) {
                        continue;
                    }
                    if let Some(sig) = self.env.traits.get(t).and_then(|d| d.methods.get(name)) {
                        out.push(sig.clone());
                    }
                }
            }
        }
        match s {
            T::Param(p) => out.extend(self.bound_method(p, name)),
            T::Dyn(t) => out.extend(self.env.traits.get(t).and_then(|d| d.methods.get(name)).cloned()),
            _ => {}
        }
        out.extend(self.user_sigs("*", name));
        if !methods_only {
            out.extend(self.std_sigs("any", name));
        }
        if methods_only {
            out.retain(|s| s.self_kind.is_some());
        }
        out
    }

    pub fn bound_method(&self, p: &str, name: &str) -> Option<Sig> {
        let g = self.cx.generics.iter().rev().find(|g| g.name == p)?;
        g.bounds.iter().find_map(|b| self.env.traits.get(b).and_then(|d| d.methods.get(name)).cloned())
    }

    /// Whether `sig`'s self type unifies with `recv` (bindings are kept on success).
    pub fn self_matches(&mut self, sig: &Sig, recv: &T) -> bool {
        match &sig.self_ty {
            None => true,
            Some(Ty::Param(p)) if p == "Self" => true,
            Some(st) => {
                let map: Vec<(String, T)> = sig.generics.iter().map(|g| (g.name.clone(), self.sub.var())).collect();
                let t = self.sub.import(st, &map);
                if self.sub.unify(&t, recv) {
                    return true;
                }
                // `impl Trait for &str` applies to a `str` receiver by auto-ref.
                match t {
                    T::Ref(_, inner) => self.sub.unify(&inner, recv),
                    _ => false,
                }
            }
        }
    }

    /// The name user impls of this type are registered under. For a literal variable, the integer (float) type whose user impls define `name`: the
    /// only one, else `i32` (`f64`) as rustc's fallback would pick.
    fn user_head(&self, s: &T, name: &str) -> Option<String> {
        Some(match s {
            T::Int(i) => i.name().to_string(),
            T::Float(FloatTy::F32) => "f32".into(),
            T::Float(FloatTy::F64) => "f64".into(),
            T::Var(v) => {
                let (family, default): (&[&str], &str) = match self.sub.kind(*v) {
                    Kind::Int => (&["i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize"], "i32"),
                    Kind::Float => (&["f32", "f64"], "f64"),
                    Kind::General => return None,
                };
                let has = |h: &&str| self.env.methods.get(*h).is_some_and(|m| m.contains_key(name));
                let found: Vec<&str> = family.iter().copied().filter(|h| has(h)).collect();
                return Some(match found.as_slice() {
                    [one] => one.to_string(),
                    _ => default.to_string(),
                });
            }
            other => return head_of(&self.sub.resolve(other)),
        })
    }

    /// The name the std table uses for this type.
    fn std_head(&self, s: &T) -> Option<String> {
        Some(match s {
            T::Int(_) => "int".into(),
            T::Float(_) => "float".into(),
            T::Var(v) => {
                return match self.sub.kind(*v) {
                    Kind::Int => Some("int".into()),
                    Kind::Float => Some("float".into()),
                    Kind::General => None,
                }
            }
            T::Array(..) => "[;]".into(),
            T::Slice(_) => "[]".into(),
            T::String => "String".into(),
            T::Str => "str".into(),
            T::Bool => "bool".into(),
            T::Char => "char".into(),
            T::Named(n, _) => n.clone(),
            _ => return None,
        })
    }

    // -----------------------------------------------------------------------------------------
    // Iteration

    /// The item type when `t` is itself an iterator (std iterators, ranges, user types that
    /// implement `Iterator`).
    pub fn iter_item(&mut self, t: &T) -> Option<T> {
        match self.sub.shallow(t) {
            T::Named(n, args) if args.len() == 1 && matches!(n.as_str(), "Iterator" | "Range" | "RangeInclusive" | "RangeFrom") => {
                args.into_iter().next()
            }
            T::Named(n, args) => {
                let implements = self.env.trait_impls.get(&n).is_some_and(|ts| ts.iter().any(|t| t == "Iterator"));
                if !implements {
                    return None;
                }
                let item = self.env.assoc.get(&(n.clone(), "Item".to_string()))?.clone();
                let generics = self.env.adts.get(&n).map(|a| a.generics.clone()).unwrap_or_default();
                let map: Vec<(String, T)> = generics.into_iter().zip(args).collect();
                Some(self.sub.import(&item, &map))
            }
            _ => None,
        }
    }

    /// The item type of `t` as an `IntoIterator` (what `for x in t` binds); `None` while
    /// `t` is unknown.
    pub fn iterable_item(&mut self, t: &T) -> Option<T> {
        let s = self.sub.shallow(t);
        if let Some(i) = self.iter_item(&s) {
            return Some(i);
        }
        let coll = |n: &str| matches!(n, "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "BinaryHeap" | "LinkedList" | "Option");
        match s {
            T::Named(n, args) if args.len() == 1 && (coll(&n) || n == "Receiver") => args.into_iter().next(),
            T::Named(n, args) if args.len() == 2 && (n == "HashMap" || n == "BTreeMap") => Some(T::Tuple(args)),
            T::Named(n, args) if args.len() == 2 && n == "Result" => args.into_iter().next(),
            T::Array(e, _) | T::Slice(e) => Some(*e),
            T::Ref(m, inner) => match self.sub.shallow(&inner) {
                T::Named(n, args) if args.len() == 1 && coll(&n) => Some(T::Ref(m, Box::new(args[0].clone()))),
                T::Named(n, args) if args.len() == 1 && n == "Receiver" => args.into_iter().next(),
                T::Named(n, args) if args.len() == 2 && (n == "HashMap" || n == "BTreeMap") => {
                    let k = T::reference(false, args[0].clone());
                    Some(T::Tuple(vec![k, T::Ref(m, Box::new(args[1].clone()))]))
                }
                T::Array(e, _) | T::Slice(e) => Some(T::Ref(m, e)),
                T::Var(_) => None,
                other => Some(self.iter_item(&other).unwrap_or_else(|| self.sub.var())),
            },
            T::Var(_) => None,
            _ => Some(self.sub.var()),
        }
    }
}
