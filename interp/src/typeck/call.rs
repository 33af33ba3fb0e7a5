//! Paths, calls and method calls: resolving what a path or method names (local, fn item,
//! constructor, associated function, user method, trait method, std table entry),
//! instantiating its signature with fresh variables, and checking the arguments against it.
//! Also field access and the item type of iterables.

use super::check::{Checker, Oblig};
use super::env::{head_of, Adt, Shape, Sig};
use super::unify::T;
use crate::ast::{self, Expr, ExprKind, FieldInit, Path, SelfKind};
use crate::types::Ty;
use crate::value::{FloatTy, IntTy};

/// A method found for a receiver: its signature and the (auto-dereferenced) receiver type it
/// applies to.
pub struct Found {
    pub sig: Sig,
    pub recv: T,
}

/// A signature with fresh variables.
pub struct Inst {
    pub params: Vec<T>,
    pub ret: T,
    pub fn_generics: Vec<T>,
    pub self_t: T,
    /// Every generic parameter (impl's, function's, and `Self`) with its variable.
    pub map: Vec<(String, T)>,
    /// Whether `Self` means something (the signature belongs to an impl or trait).
    pub has_self: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CtorKind {
    Unit,
    Tuple,
    Named,
}

/// A struct or enum-variant constructor, instantiated.
pub struct Ctor {
    pub ty: T,
    pub fields: Vec<(String, T)>,
    pub kind: CtorKind,
}

/// The std table's `Item<U>` (the item type of iterable `U`), as `sigparse` names it so no
/// user type can collide with it.
pub const ITEM_MARKER: &str = "#Item";
/// The std table's `IntoIter<X>` (any iterable whose items are `X`).
pub const INTO_ITER_MARKER: &str = "#IntoIter";

/// Std collections built by `from` an array or vector like `collect` builds them.
const COLLECTIONS: &[&str] = &["Vec", "VecDeque", "HashMap", "BTreeMap", "HashSet", "BTreeSet", "BinaryHeap"];

impl Checker<'_> {
    // -----------------------------------------------------------------------------------------
    // Instantiation

    /// `ty` with the parameters of `map` substituted, `Item<U>` markers replaced by the
    /// item type of `U` (or a variable with an obligation), and `IntoIter<X>` markers by a
    /// variable for any iterable whose items are `X`.
    pub fn inst_ty(&mut self, ty: &Ty, map: &[(String, T)]) -> T {
        let t = self.sub.import(ty, map);
        self.replace_item_markers(t, 0)
    }

    fn replace_item_markers(&mut self, t: T, depth: u32) -> T {
        if depth > super::unify::MAX_DEPTH {
            return t;
        }
        let d = depth + 1;
        match t {
            T::Named(n, args) if n == ITEM_MARKER && args.len() == 1 => {
                let u = args.into_iter().next().unwrap_or(T::Unit);
                match self.iterable_item(&u) {
                    Some(i) => i,
                    None => {
                        let v = self.sub.var();
                        self.obligations.push(Oblig::IntoIterItem(u, v.clone()));
                        v
                    }
                }
            }
            T::Named(n, args) if n == INTO_ITER_MARKER && args.len() == 1 => {
                let item = args.into_iter().next().unwrap_or(T::Unit);
                let u = self.sub.var();
                self.obligations.push(Oblig::IntoIterItem(u.clone(), item));
                u
            }
            T::Named(n, args) => T::Named(n, args.into_iter().map(|a| self.replace_item_markers(a, d)).collect()),
            T::Tuple(args) => T::Tuple(args.into_iter().map(|a| self.replace_item_markers(a, d)).collect()),
            T::Array(e, n) => T::Array(Box::new(self.replace_item_markers(*e, d)), n),
            T::Slice(e) => T::Slice(Box::new(self.replace_item_markers(*e, d))),
            T::Ref(m, e) => T::Ref(m, Box::new(self.replace_item_markers(*e, d))),
            T::Fn(ps, r) => {
                let ps = ps.into_iter().map(|a| self.replace_item_markers(a, d)).collect();
                T::Fn(ps, Box::new(self.replace_item_markers(*r, d)))
            }
            other => other,
        }
    }

    /// Fresh variables for every generic of `sig`; `Self` is `self_bind` (the receiver or the
    /// path's type) when given.
    pub fn instantiate(&mut self, sig: &Sig, self_bind: Option<&T>) -> Inst {
        let mut map: Vec<(String, T)> = Vec::new();
        for g in &sig.generics {
            if g.name != "Self" {
                let v = self.sub.var();
                map.push((g.name.clone(), v));
            }
        }
        let self_t = self_bind.cloned().unwrap_or_else(|| self.sub.var());
        map.push(("Self".to_string(), self_t.clone()));
        for g in &sig.generics {
            if let Some(as_ty) = &g.as_ty {
                let t = self.inst_ty(as_ty, &map);
                if let Some((_, v)) = map.iter().find(|(n, _)| *n == g.name) {
                    let v = v.clone();
                    self.sub.unify(&v, &t);
                }
            }
        }
        if let Some(st) = &sig.self_ty {
            if !matches!(st, Ty::Param(p) if p == "Self") {
                let t = self.inst_ty(st, &map);
                self.sub.unify(&t, &self_t);
            }
        }
        let params = sig.params.iter().map(|p| self.inst_ty(p, &map)).collect();
        let ret = self.inst_ty(&sig.ret, &map);
        let fn_generics = sig
            .generics
            .iter()
            .skip(sig.impl_generics)
            .filter(|g| g.name != "Self")
            .filter_map(|g| map.iter().find(|(n, _)| *n == g.name).map(|(_, t)| t.clone()))
            .collect();
        let has_self = sig.self_ty.is_some();
        Inst { params, ret, fn_generics, self_t, map, has_self }
    }

    fn apply_turbofish(&mut self, inst: &Inst, tys: Option<&[ast::Type]>) {
        for (t, v) in tys.unwrap_or(&[]).iter().zip(&inst.fn_generics) {
            let t = self.lower(t);
            self.sub.unify(&t, v);
        }
    }

    pub fn check_args(&mut self, args: &[Expr], params: &[T]) {
        for (i, a) in args.iter().enumerate() {
            let p = params.get(i).cloned();
            self.expr(a, p.as_ref());
        }
    }

    // -----------------------------------------------------------------------------------------
    // Paths

    /// The type named by the leading segments of a path (`Vec::<i32>` in `Vec::<i32>::new`).
    fn prefix_type(&mut self, p: &Path) -> Option<T> {
        let n = p.segments.len();
        if n < 2 {
            return None;
        }
        let prefix = Path { segments: p.segments[..n - 1].to_vec(), global: p.global, span: p.span, qself: None };
        let ty = ast::Type { kind: ast::TypeKind::Path(prefix), span: p.span };
        Some(self.lower(&ty))
    }

    /// A path in expression position.
    pub fn path_expr(&mut self, p: &Path) -> T {
        let last = p.last();
        let name = last.ident.name.as_str();
        if p.segments.len() == 1 && self.lookup_var(name).is_some() {
            return self.lookup_var(name).unwrap_or(T::Unit);
        }
        if p.segments.len() == 1 || self.in_module(p) {
            if let Some(ty) = self.env.consts.get(name) {
                let ty = ty.clone();
                return self.t_of(&ty);
            }
            if let Some(sig) = self.env.fns.get(name) {
                let sig = sig.clone();
                let inst = self.instantiate(&sig, None);
                self.apply_turbofish(&inst, last.generics.as_deref());
                return T::Fn(inst.params, Box::new(inst.ret));
            }
        }
        if p.segments.len() > 1 {
            if let Some(t) = self.std_const(p) {
                return t;
            }
            if let Some(pt) = self.prefix_type(p) {
                if let Some(h) = head_of(&self.sub.resolve(&pt)) {
                    if let Some(ty) = self.env.consts.get(&format!("{h}::{name}")) {
                        let ty = ty.clone();
                        return self.t_of(&ty);
                    }
                }
            }
        }
        if let Some(c) = self.ctor(p) {
            return match c.kind {
                CtorKind::Tuple => T::Fn(c.fields.into_iter().map(|(_, t)| t).collect(), Box::new(c.ty)),
                _ => c.ty,
            };
        }
        if let Some(pt) = self.prefix_type(p) {
            if let Some((sig, self_bind)) = self.find_assoc(&pt, name) {
                let inst = self.instantiate(&sig, Some(&self_bind));
                self.apply_turbofish(&inst, last.generics.as_deref());
                let params = self.ufcs_params(&sig, &inst);
                return T::Fn(params, Box::new(inst.ret));
            }
        }
        self.sub.var()
    }

    /// `i32::MAX`, `f64::EPSILON`, `std::f64::consts::PI`, `u32::BITS`.
    fn std_const(&mut self, p: &Path) -> Option<T> {
        let segs = &p.segments;
        let name = p.last().ident.name.as_str();
        let prev = segs.get(segs.len().wrapping_sub(2))?.ident.name.as_str();
        if prev == "consts" {
            let f32 = segs.iter().any(|s| s.ident.name == "f32");
            return Some(T::Float(if f32 { FloatTy::F32 } else { FloatTy::F64 }));
        }
        if let Some(i) = IntTy::from_name(prev) {
            return match name {
                "MAX" | "MIN" => Some(T::Int(i)),
                "BITS" => Some(T::Int(IntTy::U32)),
                _ => None,
            };
        }
        let f = match prev {
            "f64" => FloatTy::F64,
            "f32" => FloatTy::F32,
            _ => return None,
        };
        match name {
            "MAX" | "MIN" | "EPSILON" | "INFINITY" | "NEG_INFINITY" | "NAN" | "MIN_POSITIVE" => Some(T::Float(f)),
            "DIGITS" | "MANTISSA_DIGITS" | "RADIX" => Some(T::Int(IntTy::U32)),
            _ => None,
        }
    }

    /// The struct or enum variant a path names, instantiated with fresh type arguments.
    pub fn ctor(&mut self, p: &Path) -> Option<Ctor> {
        let last = p.last().ident.name.clone();
        let n = p.segments.len();
        if n == 1 {
            if last == "Self" {
                let st = self.cx.self_ty.clone()?;
                if let Ty::Named(name, args) = &st {
                    let adt = self.env.adts.get(name)?.clone();
                    if adt.is_enum {
                        return None;
                    }
                    let args: Vec<T> = args.iter().map(|a| self.t_of(a)).collect();
                    return Some(self.inst_ctor(name, &adt, &adt.fields, args));
                }
                return None;
            }
            if self.lookup_var(&last).is_some() {
                return None;
            }
            if let Some(adt) = self.env.adts.get(&last) {
                if !adt.is_enum {
                    let adt = adt.clone();
                    let args: Vec<T> = match &p.last().generics {
                        Some(gs) => gs.iter().map(|g| self.lower(g)).collect(),
                        None => adt.generics.iter().map(|_| self.sub.var()).collect(),
                    };
                    return Some(self.inst_ctor(&last, &adt, &adt.fields, args));
                }
            }
            let enum_name = self.env.variants.get(&last)?.clone();
            let adt = self.env.adts.get(&enum_name)?.clone();
            let shape = adt.variant(&last)?.clone();
            let mut args: Vec<T> = match &p.last().generics {
                Some(gs) => gs.iter().map(|g| self.lower(g)).collect(),
                None => Vec::new(),
            };
            args.truncate(adt.generics.len());
            while args.len() < adt.generics.len() {
                args.push(self.sub.var());
            }
            return Some(self.inst_ctor(&enum_name, &adt, &shape, args));
        }
        if self.in_module(p) {
            if let Some(adt) = self.env.adts.get(&last) {
                if !adt.is_enum {
                    let adt = adt.clone();
                    let args: Vec<T> = match &p.last().generics {
                        Some(gs) => gs.iter().map(|g| self.lower(g)).collect(),
                        None => adt.generics.iter().map(|_| self.sub.var()).collect(),
                    };
                    return Some(self.inst_ctor(&last, &adt, &adt.fields, args));
                }
            }
        }
        let pt = self.prefix_type(p)?;
        match self.sub.shallow(&pt) {
            T::Named(name, args) => {
                let adt = self.env.adts.get(&name)?.clone();
                if !adt.is_enum {
                    return None;
                }
                let shape = adt.variant(&last)?.clone();
                let mut args = args;
                while args.len() < adt.generics.len() {
                    args.push(self.sub.var());
                }
                Some(self.inst_ctor(&name, &adt, &shape, args))
            }
            _ => None,
        }
    }

    fn inst_ctor(&mut self, name: &str, adt: &Adt, shape: &Shape, args: Vec<T>) -> Ctor {
        let map: Vec<(String, T)> = adt.generics.iter().cloned().zip(args.iter().cloned()).collect();
        for (pin, arg) in adt.pinned.iter().zip(&args) {
            if let Some(p) = pin {
                let t = self.inst_ty(p, &map);
                self.sub.unify(arg, &t);
            }
        }
        let ty = T::Named(name.to_string(), args);
        match shape {
            Shape::Unit => Ctor { ty, fields: Vec::new(), kind: CtorKind::Unit },
            Shape::Tuple(ts) => {
                let fields = ts.iter().enumerate().map(|(i, t)| (i.to_string(), self.sub.import(t, &map))).collect();
                Ctor { ty, fields, kind: CtorKind::Tuple }
            }
            Shape::Named(fs) => {
                let fields = fs.iter().map(|(n, t)| (n.clone(), self.sub.import(t, &map))).collect();
                Ctor { ty, fields, kind: CtorKind::Named }
            }
        }
    }

    /// Whether the segment before the last names a module (`crate`, `self`, `super`, a
    /// user `mod`, or any name that is not a type): modules are flattened, so the last
    /// segment is then looked up as a free item.
    fn in_module(&self, p: &Path) -> bool {
        let n = p.segments.len();
        if n < 2 {
            return false;
        }
        let prev = p.segments[n - 2].ident.name.as_str();
        if matches!(prev, "crate" | "self" | "super") {
            return true;
        }
        !(prev == "Self"
            || self.env.adts.contains_key(prev)
            || self.env.traits.contains_key(prev)
            || self.env.aliases.contains_key(prev)
            || self.env.std_methods.contains_key(prev)
            || super::env::prim_ty(prev).is_some()
            || super::env::std_arity(prev) > 0
            || self.cx.generics.iter().any(|g| g.name == prev)
            || prev.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
    }

    /// An associated function or method named through a type path (`Vec::new`,
    /// `Point::dist`, `Default::default`, `T::default`, `mem::swap`): its signature and
    /// what `Self` is.
    fn find_assoc(&mut self, pt: &T, name: &str) -> Option<(Sig, T)> {
        self.find_assoc_for(pt, name, None)
    }

    /// `find_assoc`, choosing among several same-named user functions (`impl From<u8> for
    /// X` and `impl From<&str> for X`) the first whose first parameter can take the literal
    /// first argument.
    fn find_assoc_for(&mut self, pt: &T, name: &str, first_arg: Option<&Expr>) -> Option<(Sig, T)> {
        let s = self.sub.shallow(pt);
        if let T::Named(n, _) = &s {
            if let Some(tr) = self.env.traits.get(n) {
                if let Some(sig) = tr.methods.get(name) {
                    let v = self.sub.var();
                    return Some((sig.clone(), v));
                }
            }
        }
        if let T::Param(p) = &s {
            if let Some(sig) = self.bound_method(p, name) {
                return Some((sig, s));
            }
        }
        let mut sigs = self.candidate_sigs(&s, name, false);
        if let Some(arg) = first_arg {
            let lit = literal_kind(arg);
            if lit.is_some() && sigs.len() > 1 {
                if let Some(i) = sigs.iter().position(|sig| {
                    let p = if sig.self_kind.is_some() { None } else { sig.params.first() };
                    p.is_some_and(|p| lit_fits(lit, p))
                }) {
                    let chosen = sigs.remove(i);
                    sigs.insert(0, chosen);
                }
            }
        }
        for sig in sigs {
            if self.self_matches(&sig, &s) {
                return Some((sig, s));
            }
        }
        None
    }

    fn ufcs_params(&mut self, sig: &Sig, inst: &Inst) -> Vec<T> {
        let mut params = Vec::new();
        if let Some(k) = sig.self_kind {
            params.push(match k {
                SelfKind::Value => inst.self_t.clone(),
                SelfKind::Ref => T::reference(false, inst.self_t.clone()),
                SelfKind::RefMut => T::reference(true, inst.self_t.clone()),
            });
        }
        params.extend(inst.params.iter().cloned());
        params
    }

    // -----------------------------------------------------------------------------------------
    // Calls

    pub fn call(&mut self, call_id: crate::ast::NodeId, callee: &Expr, args: &[Expr], exp: Option<&T>) -> T {
        if let ExprKind::Path(p) = &callee.kind {
            if let Some(t) = self.path_call(call_id, p, callee, args, exp) {
                return t;
            }
        }
        let ct = self.expr(callee, None);
        let mut target = self.sub.shallow(&ct);
        for _ in 0..4 {
            if matches!(target, T::Fn(..) | T::Var(_)) {
                break;
            }
            match self.sub.deref_step(&target) {
                Some(next) => target = self.sub.shallow(&next),
                None => break,
            }
        }
        match target {
            T::Fn(ps, r) => {
                self.check_args(args, &ps);
                *r
            }
            T::Var(_) => {
                let ps: Vec<T> = args.iter().map(|_| self.sub.var()).collect();
                let r = self.sub.var();
                self.sub.unify(&ct, &T::Fn(ps.clone(), Box::new(r.clone())));
                self.check_args(args, &ps);
                r
            }
            _ => {
                self.check_args(args, &[]);
                self.sub.var()
            }
        }
    }

    fn path_call(&mut self, call_id: crate::ast::NodeId, p: &Path, callee: &Expr, args: &[Expr], exp: Option<&T>) -> Option<T> {
        let last = p.last();
        let name = last.ident.name.as_str();
        if p.segments.len() == 1 && self.lookup_var(name).is_some() {
            return None;
        }
        if p.segments.len() == 1 || self.in_module(p) {
            if let Some(sig) = self.env.fns.get(name) {
                let sig = sig.clone();
                let inst = self.instantiate(&sig, None);
                self.apply_turbofish(&inst, last.generics.as_deref());
                return Some(self.finish_call(call_id, callee, &inst, inst.params.clone(), args, exp));
            }
        }
        if p.segments.len() == 1 && !self.env.fns.contains_key(name) {
            if let Some(sig) = self.std_sigs("prelude", name).into_iter().next() {
                let inst = self.instantiate(&sig, None);
                self.apply_turbofish(&inst, last.generics.as_deref());
                return Some(self.finish_call(call_id, callee, &inst, inst.params.clone(), args, exp));
            }
        }
        if let Some(c) = self.ctor(p) {
            if c.kind == CtorKind::Tuple {
                let ps: Vec<T> = c.fields.iter().map(|(_, t)| t.clone()).collect();
                self.types.insert(callee.id, T::Fn(ps.clone(), Box::new(c.ty.clone())));
                if let Some(x) = exp {
                    self.sub.unify(&c.ty, x);
                }
                self.check_args(args, &ps);
                return Some(c.ty);
            }
        }
        let pt = self.prefix_type(p)?;
        let (sig, self_bind) = self.find_assoc_for(&pt, name, args.first())?;
        let inst = self.instantiate(&sig, Some(&self_bind));
        self.apply_turbofish(&inst, last.generics.as_deref());
        let params = self.ufcs_params(&sig, &inst);
        let t = self.finish_call(call_id, callee, &inst, params, args, exp);
        if name == "parse" {
            self.parse_oblig(&t);
        }
        if (name == "from" || name == "from_iter") && args.len() == 1 {
            if let T::Named(n, _) = self.sub.shallow(&t) {
                if COLLECTIONS.contains(&n.as_str()) {
                    let at = self.types.get(&args[0].id).cloned().unwrap_or(T::Unit);
                    let item = self.sub.var();
                    self.obligations.push(Oblig::IntoIterItem(at, item.clone()));
                    self.obligations.push(Oblig::FromIter(t.clone(), item));
                    self.solve_obligations();
                }
            }
        }
        Some(t)
    }

    fn finish_call(&mut self, call_id: crate::ast::NodeId, callee: &Expr, inst: &Inst, params: Vec<T>, args: &[Expr], exp: Option<&T>) -> T {
        self.types.insert(callee.id, T::Fn(params.clone(), Box::new(inst.ret.clone())));
        self.spans.insert(callee.id, callee.span);
        self.record_generics(call_id, inst);
        if let Some(x) = exp {
            self.sub.unify(&inst.ret, x);
        }
        self.check_args(args, &params);
        self.solve_obligations();
        inst.ret.clone()
    }

    fn parse_oblig(&mut self, ret: &T) {
        if let T::Named(n, args) = self.sub.shallow(ret) {
            if n == "Result" && args.len() == 2 {
                self.obligations.push(Oblig::ParseErr(args[0].clone(), args[1].clone()));
                self.solve_obligations();
            }
        }
    }

    /// `lit.into()` into a user type: the literal takes the parameter type of the one
    /// `From` impl of that type that takes a number of its kind.
    fn literal_into_user_type(&mut self, recv: &T, target: &T) {
        let Some(kind) = self.sub.unbound_kind(recv) else { return };
        let T::Named(n, _) = self.sub.shallow(target) else { return };
        let fits = |p: &Ty| match kind {
            super::unify::Kind::Int => matches!(p, Ty::Int(_)),
            super::unify::Kind::Float => matches!(p, Ty::Float(_)),
            super::unify::Kind::General => false,
        };
        let params: Vec<Ty> = self
            .env
            .methods
            .get(&n)
            .and_then(|m| m.get("from"))
            .map(|sigs| sigs.iter().filter_map(|s| s.params.first().cloned()).filter(|p| fits(p)).collect())
            .unwrap_or_default();
        if let [p] = params.as_slice() {
            let p = self.t_of(p);
            self.sub.unify(recv, &p);
        }
    }

    /// Records what a call's generic parameters stand for (user signatures only).
    fn record_generics(&mut self, id: crate::ast::NodeId, inst: &Inst) {
        let named: Vec<(String, T)> = inst.map.iter().filter(|(n, _)| n != "Self" || inst.has_self).cloned().collect();
        if !named.is_empty() {
            self.generic_args.insert(id, named);
        }
    }

    pub fn method_call(
        &mut self,
        call_id: Option<crate::ast::NodeId>,
        receiver: &Expr,
        name: &str,
        turbofish: Option<&[ast::Type]>,
        args: &[Expr],
        exp: Option<&T>,
    ) -> T {
        let rt = self.expr(receiver, None);
        let Some(found) = self.lookup_method(&rt, name) else {
            self.check_args(args, &[]);
            return self.sub.var();
        };
        let inst = self.instantiate(&found.sig, Some(&found.recv));
        self.apply_turbofish(&inst, turbofish);
        if let Some(id) = call_id {
            self.record_generics(id, &inst);
        }
        if let Some(x) = exp {
            self.sub.unify(&inst.ret, x);
        }
        self.check_args(args, &inst.params);
        match name {
            "collect" => {
                if let Some(item) = self.iter_item(&found.recv) {
                    self.obligations.push(Oblig::FromIter(inst.ret.clone(), item));
                }
            }
            "partition" => {
                if let (Some(item), T::Tuple(ts)) = (self.iter_item(&found.recv), self.sub.shallow(&inst.ret)) {
                    if let Some(first) = ts.first() {
                        self.obligations.push(Oblig::FromIter(first.clone(), item));
                    }
                }
            }
            "parse" => self.parse_oblig(&inst.ret),
            "into" => self.literal_into_user_type(&found.recv, &inst.ret),
            "unzip" => {
                if let (Some(item), T::Tuple(ts)) = (self.iter_item(&found.recv), self.sub.shallow(&inst.ret)) {
                    if ts.len() == 2 {
                        let (x, y) = (self.sub.var(), self.sub.var());
                        self.sub.unify(&item, &T::Tuple(vec![x.clone(), y.clone()]));
                        self.obligations.push(Oblig::FromIter(ts[0].clone(), x));
                        self.obligations.push(Oblig::FromIter(ts[1].clone(), y));
                    }
                }
            }
            "sum" | "product" => {
                if let Some(item) = self.iter_item(&found.recv) {
                    self.obligations.push(Oblig::SumOf(inst.ret.clone(), item));
                }
            }
            _ => {}
        }
        self.solve_obligations();
        inst.ret
    }

    // -----------------------------------------------------------------------------------------
    // Fields and struct literals

    /// The type of field `name` (`"0"` for tuple fields) of a value of type `t`.
    pub fn field(&mut self, t: &T, name: &str) -> Option<T> {
        let mut cur = self.sub.shallow(t);
        for _ in 0..8 {
            match &cur {
                T::Tuple(ts) => return name.parse::<usize>().ok().and_then(|i| ts.get(i).cloned()),
                T::Named(n, args) => {
                    if let Some(adt) = self.env.adts.get(n) {
                        if !adt.is_enum {
                            let adt = adt.clone();
                            let map: Vec<(String, T)> = adt.generics.iter().cloned().zip(args.iter().cloned()).collect();
                            let ft = match &adt.fields {
                                Shape::Named(fs) => fs.iter().find(|(f, _)| f == name).map(|(_, t)| t.clone()),
                                Shape::Tuple(ts) => name.parse::<usize>().ok().and_then(|i| ts.get(i).cloned()),
                                Shape::Unit => None,
                            };
                            if let Some(ft) = ft {
                                return Some(self.sub.import(&ft, &map));
                            }
                        }
                    }
                }
                T::Var(_) => return None,
                _ => {}
            }
            cur = self.sub.shallow(&self.sub.deref_step(&cur)?);
        }
        None
    }

    pub fn struct_lit(&mut self, path: &Path, fields: &[FieldInit], base: Option<&Expr>) -> T {
        let Some(c) = self.ctor(path) else {
            for f in fields {
                self.expr(&f.expr, None);
            }
            if let Some(b) = base {
                self.expr(b, None);
            }
            return self.sub.var();
        };
        for f in fields {
            let ft = c.fields.iter().find(|(n, _)| *n == f.name.name).map(|(_, t)| t.clone());
            self.expr(&f.expr, ft.as_ref());
        }
        if let Some(b) = base {
            self.expr(b, Some(&c.ty));
        }
        c.ty
    }
}

/// What kind of literal an argument is (through parentheses and unary minus): 'i' integer,
/// 'f' float, 's' string.
fn literal_kind(e: &Expr) -> Option<char> {
    let mut cur = e;
    for _ in 0..16 {
        match &cur.kind {
            ExprKind::Paren(i) | ExprKind::Unary(crate::ast::UnOp::Neg, i) => cur = i,
            ExprKind::Lit(l) => {
                return match &l.kind {
                    crate::ast::LitKind::Int(_, None) => Some('i'),
                    crate::ast::LitKind::Float(_, None) => Some('f'),
                    crate::ast::LitKind::Str(_) => Some('s'),
                    _ => None,
                }
            }
            _ => return None,
        }
    }
    None
}

/// Whether a parameter type (a template) can take a literal of that kind.
fn lit_fits(kind: Option<char>, p: &Ty) -> bool {
    match (kind, p) {
        (Some('i'), Ty::Int(_)) | (Some('f'), Ty::Float(_)) => true,
        (Some('s'), Ty::Ref { inner, .. }) => matches!(**inner, Ty::Str),
        _ => false,
    }
}
