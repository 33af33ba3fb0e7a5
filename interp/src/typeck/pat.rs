//! Patterns: unify a pattern with the type it matches and bind its variables, with Rust's
//! default binding modes (matching `&T` with a non-reference pattern binds by reference).

use super::call::CtorKind;
use super::check::Checker;
use super::unify::T;
use crate::ast::{Pat, PatKind};

/// The binding mode while matching through references: `None` binds by value, `Some(m)`
/// binds as `&T` (`&mut T` when `m`).
type Mode = Option<bool>;

impl Checker<'_> {
    /// Binds the variables of `p` (matching a value of type `t`) in the current scope.
    pub fn pat(&mut self, p: &Pat, t: &T) {
        self.pat_in(p, t, None, 0);
    }

    /// Peels references off `t` for a non-reference pattern, updating the binding mode.
    fn peel(&self, t: &T, mut mode: Mode) -> (T, Mode) {
        let mut cur = self.sub.shallow(t);
        for _ in 0..16 {
            match cur {
                T::Ref(m, inner) => {
                    mode = Some(match mode {
                        Some(false) => false,
                        _ => m,
                    });
                    cur = self.sub.shallow(&inner);
                }
                other => return (other, mode),
            }
        }
        (cur, mode)
    }

    fn bind_mode(t: &T, mode: Mode) -> T {
        match mode {
            Some(m) => T::reference(m, t.clone()),
            None => t.clone(),
        }
    }

    fn pat_in(&mut self, p: &Pat, t: &T, mode: Mode, depth: u32) {
        if depth > 64 {
            return;
        }
        let d = depth + 1;
        match &p.kind {
            PatKind::Wild | PatKind::Rest | PatKind::Error => {}
            PatKind::Ident { by_ref, mutable, name, sub } => {
                if sub.is_none() && !*by_ref && !*mutable && self.is_constant_name(&name.name) {
                    let path = crate::ast::Path {
                        segments: vec![crate::ast::PathSegment { ident: name.clone(), generics: None }],
                        global: false,
                        span: name.span,
                        qself: None,
                    };
                    let pt = self.path_expr(&path);
                    let (inner, _) = self.peel(t, mode);
                    self.sub.unify(&pt, &inner);
                    return;
                }
                let bt = if *by_ref { T::reference(*mutable, t.clone()) } else { Self::bind_mode(t, mode) };
                self.bind(&name.name, bt);
                if let Some(s) = sub {
                    self.pat_in(s, t, mode, d);
                }
            }
            PatKind::Lit(e) => {
                let (inner, _) = self.peel(t, mode);
                // A string literal pattern matches `&str` itself.
                let target = if matches!(self.sub.shallow(t), T::Ref(_, ref i) if matches!(self.sub.shallow(i), T::Str)) {
                    self.sub.shallow(t)
                } else {
                    inner
                };
                self.expr(e, Some(&target));
            }
            PatKind::Range { lo, hi, .. } => {
                let (inner, _) = self.peel(t, mode);
                for b in [lo, hi].into_iter().flatten() {
                    self.expr(b, Some(&inner));
                }
            }
            PatKind::Tuple(ps) => {
                let (inner, mode) = self.peel(t, mode);
                let elems = match inner {
                    T::Tuple(ts) => ts,
                    T::Unit => Vec::new(),
                    other => {
                        if ps.iter().any(|p| matches!(p.kind, PatKind::Rest)) {
                            Vec::new()
                        } else {
                            let ts: Vec<T> = ps.iter().map(|_| self.sub.var()).collect();
                            self.sub.unify(&other, &T::Tuple(ts.clone()));
                            ts
                        }
                    }
                };
                self.pat_list(ps, &elems, mode, d);
            }
            PatKind::TupleStruct { path, elems } => {
                let (inner, mode) = self.peel(t, mode);
                match self.ctor(path) {
                    Some(c) => {
                        self.sub.unify(&c.ty, &inner);
                        let fields: Vec<T> = c.fields.into_iter().map(|(_, t)| t).collect();
                        self.pat_list(elems, &fields, mode, d);
                    }
                    None => self.pat_list(elems, &[], mode, d),
                }
            }
            PatKind::Struct { path, fields, .. } => {
                let (inner, mode) = self.peel(t, mode);
                let c = self.ctor(path);
                if let Some(c) = &c {
                    if c.kind != CtorKind::Tuple || !fields.is_empty() {
                        self.sub.unify(&c.ty, &inner);
                    }
                }
                for f in fields {
                    let ft = c
                        .as_ref()
                        .and_then(|c| c.fields.iter().find(|(n, _)| *n == f.name.name).map(|(_, t)| t.clone()))
                        .unwrap_or_else(|| self.sub.var());
                    self.pat_in(&f.pat, &ft, mode, d);
                }
            }
            PatKind::Path(path) => {
                let pt = self.path_expr(path);
                let (inner, _) = self.peel(t, mode);
                self.sub.unify(&pt, &inner);
            }
            PatKind::Slice(ps) => {
                let (inner, mode) = self.peel(t, mode);
                let elem = match inner {
                    T::Array(e, _) | T::Slice(e) => *e,
                    T::Named(n, args) if n == "Vec" && args.len() == 1 => args[0].clone(),
                    _ => self.sub.var(),
                };
                for sp in ps {
                    match &sp.kind {
                        PatKind::Rest => {}
                        PatKind::Ident { name, sub: Some(s), by_ref, mutable } if matches!(s.kind, PatKind::Rest) => {
                            let slice = T::Slice(Box::new(elem.clone()));
                            let bt = if *by_ref { T::reference(*mutable, slice) } else { Self::bind_mode(&slice, mode) };
                            self.bind(&name.name, bt);
                        }
                        _ => self.pat_in(sp, &elem, mode, d),
                    }
                }
            }
            PatKind::Or(ps) => {
                for sp in ps {
                    self.pat_in(sp, t, mode, d);
                }
            }
            PatKind::Ref { pat, .. } => {
                let inner = match self.sub.shallow(t) {
                    T::Ref(_, i) => *i,
                    other => {
                        let v = self.sub.var();
                        self.sub.unify(&other, &T::reference(false, v.clone()));
                        v
                    }
                };
                self.pat_in(pat, &inner, None, d);
            }
        }
    }

    /// Element patterns against element types, with `..` skipping the middle.
    fn pat_list(&mut self, ps: &[Pat], elems: &[T], mode: Mode, depth: u32) {
        let rest = ps.iter().position(|p| matches!(p.kind, PatKind::Rest));
        for (i, sp) in ps.iter().enumerate() {
            let idx = match rest {
                Some(r) if i > r => elems.len().checked_sub(ps.len() - i),
                _ => Some(i),
            };
            let et = idx.and_then(|j| elems.get(j).cloned()).unwrap_or_else(|| self.sub.var());
            self.pat_in(sp, &et, mode, depth);
        }
    }

    /// Whether a lone identifier in a pattern names a unit variant, unit struct or const
    /// rather than binding a new variable.
    fn is_constant_name(&self, name: &str) -> bool {
        if self.env.consts.contains_key(name) {
            return true;
        }
        if let Some(e) = self.env.variants.get(name) {
            if let Some(adt) = self.env.adts.get(e) {
                return matches!(adt.variant(name), Some(super::env::Shape::Unit));
            }
        }
        matches!(self.env.adts.get(name), Some(a) if !a.is_enum && a.fields == super::env::Shape::Unit)
    }
}
