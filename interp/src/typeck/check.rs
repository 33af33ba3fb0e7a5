//! The checker of one body: its state (variables in scope, return and loop types, pending
//! obligations), blocks and statements, the entry points per item, and the final pass that
//! defaults literal variables and turns everything into `Ty`.

use super::env::{Env, GenParam, LowerCx};
use super::unify::{Subst, T};
use super::TypeInfo;
use crate::ast::{self, Expr, ExprKind, ItemKind, NodeId, SelfKind, Stmt, StmtKind};
use crate::types::Ty;
use rustc_hash::FxHashMap;

/// How deep expression checking recurses before it stops descending.
pub const MAX_EXPR_DEPTH: u32 = 160;

/// A deferred constraint, solved once the types it waits on are known.
#[derive(Clone, Debug)]
pub enum Oblig {
    /// `item` is the item type of `coll` as an `IntoIterator`.
    IntoIterItem(T, T),
    /// `target` is collected (`FromIterator`) from items of type `item`.
    FromIter(T, T),
    /// `target` is parsed from a string; `err` is its `FromStr::Err`.
    ParseErr(T, T),
    /// `sum`/`product` into `target` of items `item`: `Sum<S>` and `Sum<&S>` are the std
    /// impls, so a literal item type takes the target's type.
    SumOf(T, T),
}

pub struct LoopCx {
    pub label: Option<String>,
    pub ty: T,
    /// `loop` and labelled blocks take break values; `while`/`for` do not.
    pub takes_value: bool,
    /// A labelled block: a plain `break` does not target it.
    pub is_block: bool,
    pub broke: bool,
}

pub struct Checker<'e> {
    pub env: &'e Env,
    pub sub: Subst,
    pub scopes: Vec<Vec<(String, T)>>,
    pub rets: Vec<T>,
    pub loops: Vec<LoopCx>,
    pub cx: LowerCx,
    /// Generic parameters whose bounds pin their shape, as the types they stand for.
    pub param_map: Vec<(String, T)>,
    pub types: FxHashMap<NodeId, T>,
    pub expected: FxHashMap<NodeId, T>,
    pub spans: FxHashMap<NodeId, ast::Span>,
    /// Call expression (or callee path) -> what the callee's generic parameters stand for.
    pub generic_args: FxHashMap<NodeId, Vec<(String, T)>>,
    pub obligations: Vec<Oblig>,
    pub depth: u32,
    /// Set while the end of a body solves every pending obligation.
    pub forcing: bool,
}

impl<'e> Checker<'e> {
    pub fn new(env: &'e Env, cx: LowerCx) -> Checker<'e> {
        let mut ck = Checker {
            env,
            sub: Subst::new(),
            scopes: vec![Vec::new()],
            rets: Vec::new(),
            loops: Vec::new(),
            cx: LowerCx::default(),
            param_map: Vec::new(),
            types: FxHashMap::default(),
            expected: FxHashMap::default(),
            spans: FxHashMap::default(),
            generic_args: FxHashMap::default(),
            obligations: Vec::new(),
            depth: 0,
            forcing: false,
        };
        ck.set_cx(cx);
        ck
    }

    /// Enters the generic scope `cx` (its pinned parameters become their types).
    pub fn set_cx(&mut self, cx: LowerCx) {
        self.param_map.clear();
        for g in &cx.generics {
            if let Some(t) = &g.as_ty {
                let t = self.sub.import(t, &self.param_map.clone());
                self.param_map.push((g.name.clone(), t));
            }
        }
        self.cx = cx;
    }

    /// A `Ty` of this body's scope as a `T` (pinned parameters replaced, `_` fresh).
    pub fn t_of(&mut self, ty: &Ty) -> T {
        let map = self.param_map.clone();
        self.sub.import(ty, &map)
    }

    /// A written type as a `T`.
    pub fn lower(&mut self, ty: &ast::Type) -> T {
        let ty = self.env.lower(ty, &self.cx);
        self.t_of(&ty)
    }

    pub fn push_repl_vars(&mut self) {
        let vars: Vec<(String, Ty)> = self.env.vars.iter().map(|(n, t)| (n.clone(), t.clone())).collect();
        for (n, t) in vars {
            let t = self.t_of(&t);
            self.bind(&n, t);
        }
    }

    pub fn bind(&mut self, name: &str, t: T) {
        if let Some(s) = self.scopes.last_mut() {
            s.push((name.to_string(), t));
        }
    }

    pub fn lookup_var(&self, name: &str) -> Option<T> {
        self.scopes.iter().rev().flat_map(|s| s.iter().rev()).find(|(n, _)| n == name).map(|(_, t)| t.clone())
    }

    /// The bindings of the outermost scope (REPL top-level variables), last one per name.
    pub fn top_bindings(&self) -> Vec<(String, T)> {
        let mut out: Vec<(String, T)> = Vec::new();
        for (n, t) in self.scopes.first().into_iter().flatten() {
            out.retain(|(m, _)| m != n);
            out.push((n.clone(), t.clone()));
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Blocks and statements

    pub fn block(&mut self, b: &ast::Block, exp: Option<&T>) -> T {
        self.scopes.push(Vec::new());
        let t = self.stmts(&b.stmts, exp);
        self.scopes.pop();
        t
    }

    /// Checks statements in the current scope; the type of the last one if it is a tail
    /// expression, else `()` (or `!` when a statement diverges).
    pub fn stmts(&mut self, stmts: &[Stmt], exp: Option<&T>) -> T {
        let mut diverges = false;
        for (i, s) in stmts.iter().enumerate() {
            let last = i + 1 == stmts.len();
            match &s.kind {
                StmtKind::Expr(e, false) if last => {
                    let t = self.expr(e, exp);
                    return t;
                }
                StmtKind::Expr(e, _) => {
                    let t = self.expr(e, None);
                    if matches!(self.sub.shallow(&t), T::Never) {
                        diverges = true;
                    }
                }
                StmtKind::Let { pat, ty, init, else_ } => {
                    let declared = match ty {
                        Some(t) => self.lower(t),
                        None => self.sub.var(),
                    };
                    if let Some(init) = init {
                        let t = self.expr(init, Some(&declared));
                        if matches!(self.sub.shallow(&t), T::Never) {
                            diverges = true;
                        }
                    }
                    if let Some(b) = else_ {
                        self.block(b, None);
                    }
                    self.pat(pat, &declared);
                }
                StmtKind::Item(_) | StmtKind::Empty => {}
            }
        }
        let t = if diverges { T::Never } else { T::Unit };
        if let Some(e) = exp {
            self.sub.coerce(&t, e);
        }
        t
    }

    // -----------------------------------------------------------------------------------------
    // Obligations and the end of a body

    /// Solves what can be solved now; keeps the rest.
    pub fn solve_obligations(&mut self) {
        // Many unsolvable obligations would make solving after every call quadratic: past a
        // few dozen, they wait for the end of the body (`finish_with` forces a solve).
        if self.obligations.len() > 48 && !self.forcing {
            return;
        }
        for _ in 0..8 {
            let pending = std::mem::take(&mut self.obligations);
            if pending.is_empty() {
                return;
            }
            let before = pending.len();
            let mut progressed = false;
            for ob in pending {
                if self.solve(&ob) {
                    progressed = true;
                } else {
                    self.obligations.push(ob);
                }
            }
            if !progressed && self.obligations.len() >= before {
                return;
            }
        }
    }

    fn solve(&mut self, ob: &Oblig) -> bool {
        match ob {
            Oblig::IntoIterItem(coll, item) => match self.iterable_item(coll) {
                Some(it) => {
                    self.sub.unify(&it, item);
                    true
                }
                None => false,
            },
            Oblig::FromIter(target, item) => self.link_collect(target, item),
            Oblig::SumOf(target, item) => {
                let target = self.sub.shallow(target);
                let item = self.peel_refs(item);
                match (&target, &item) {
                    (T::Var(_), T::Var(_)) => false,
                    (T::Var(v), T::Int(_) | T::Float(_)) if self.sub.kind(*v) != super::unify::Kind::General => {
                        self.sub.unify(&target, &item);
                        true
                    }
                    (T::Var(_), _) => false,
                    (_, T::Var(_)) => {
                        self.sub.unify(&item, &target);
                        true
                    }
                    _ => true,
                }
            }
            Oblig::ParseErr(target, err) => {
                let name = match self.sub.shallow(target) {
                    T::Int(_) => "ParseIntError",
                    T::Float(_) => "ParseFloatError",
                    T::Bool => "ParseBoolError",
                    T::Char => "ParseCharError",
                    T::String => "Infallible",
                    T::Var(_) => return false,
                    _ => return true,
                };
                self.sub.unify(err, &T::named(name, vec![]));
                true
            }
        }
    }

    /// Links a `collect` target to the item type; false while the target is unknown.
    pub fn link_collect(&mut self, target: &T, item: &T) -> bool {
        match self.sub.shallow(target) {
            T::Named(n, args) => {
                match (n.as_str(), args.as_slice()) {
                    ("Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "BinaryHeap" | "LinkedList" | "Box" | "Rc", [x]) => {
                        let x = match self.sub.shallow(x) {
                            T::Slice(e) => *e,
                            other => other,
                        };
                        self.sub.unify(&x, item);
                    }
                    ("HashMap" | "BTreeMap", [k, v]) => {
                        self.sub.unify(&T::Tuple(vec![k.clone(), v.clone()]), item);
                    }
                    ("Result", [c, e]) => {
                        let x = self.sub.var();
                        self.sub.unify(item, &T::named("Result", vec![x.clone(), e.clone()]));
                        self.obligations.push(Oblig::FromIter(c.clone(), x));
                    }
                    ("Option", [c]) => {
                        let x = self.sub.var();
                        self.sub.unify(item, &T::named("Option", vec![x.clone()]));
                        self.obligations.push(Oblig::FromIter(c.clone(), x));
                    }
                    _ => {}
                }
                true
            }
            T::Var(_) => false,
            _ => true,
        }
    }

    /// Defaults literal variables and returns the recorded types, plus the final types of
    /// `extra`.
    pub fn finish_with(mut self, extra: &[(String, T)]) -> (TypeInfo, Vec<(String, Ty)>) {
        self.forcing = true;
        self.solve_obligations();
        self.sub.default_literals();
        self.solve_obligations();
        let mut info = TypeInfo::default();
        for (id, t) in &self.types {
            info.types.insert(*id, self.sub.resolve(t));
        }
        for (id, t) in &self.expected {
            info.expected.insert(*id, self.sub.resolve(t));
        }
        info.spans = std::mem::take(&mut self.spans);
        for (id, args) in &self.generic_args {
            info.generic_args.insert(*id, args.iter().map(|(n, t)| (n.clone(), self.sub.resolve(t))).collect());
        }
        let extra = extra.iter().map(|(n, t)| (n.clone(), self.sub.resolve(t))).collect();
        (info, extra)
    }

    pub fn finish(self) -> TypeInfo {
        self.finish_with(&[]).0
    }

    // -----------------------------------------------------------------------------------------
    // Bodies

    /// Checks a function body with its parameters bound.
    pub fn check_fn(&mut self, f: &ast::FnDecl) {
        let Some(body) = &f.body else { return };
        let mut cx = self.cx.clone();
        let _ = self.env.lower_generics(&f.generics, &mut cx);
        let self_ty = cx.self_ty.clone();
        self.set_cx(cx);
        if let Some(sp) = &f.self_param {
            let st = match (&sp.ty, &self_ty) {
                (Some(t), _) => self.lower(t),
                (None, Some(s)) => {
                    let s = self.t_of(s);
                    match sp.kind {
                        SelfKind::Value => s,
                        SelfKind::Ref => T::reference(false, s),
                        SelfKind::RefMut => T::reference(true, s),
                    }
                }
                (None, None) => self.sub.var(),
            };
            self.bind("self", st);
        }
        for p in &f.params {
            let t = self.lower(&p.ty);
            self.pat(&p.pat, &t);
        }
        let ret = match &f.ret {
            Some(r) => self.lower(r),
            None => T::Unit,
        };
        self.rets.push(ret.clone());
        let t = self.block(body, Some(&ret));
        let _ = t;
        self.rets.pop();
    }
}

/// Checks the bodies in one item (functions, methods, consts, statics, nested modules).
pub fn check_item(env: &Env, item: &ast::Item, info: &mut TypeInfo, depth: u32) {
    if depth > 16 {
        return;
    }
    let top = LowerCx::default();
    match &item.kind {
        ItemKind::Fn(f) => {
            let mut ck = Checker::new(env, top);
            ck.check_fn(f);
            info.merge(ck.finish());
        }
        ItemKind::Impl(imp) => {
            let cx0 = env.cx_for(&imp.generics, None, None);
            let self_ty = env.lower(&imp.self_ty, &cx0);
            let head = super::env::head_of(&self_ty);
            let cx = LowerCx { self_ty: Some(self_ty), self_head: head, ..cx0 };
            check_assoc_items(env, &imp.items, &cx, info);
        }
        ItemKind::Trait(t) => {
            let mut cx = env.cx_for(&t.generics, Some(Ty::Param("Self".into())), None);
            let mut me = GenParam::plain("Self");
            me.bounds.push(t.name.name.clone());
            me.bounds.extend(t.supertraits.iter().filter(|b| !b.lifetime).map(|b| b.path.last().ident.name.clone()));
            cx.generics.push(me);
            check_assoc_items(env, &t.items, &cx, info);
        }
        ItemKind::Const(c) => {
            if let Some(v) = &c.value {
                let mut ck = Checker::new(env, top);
                let exp = c.ty.as_ref().map(|t| ck.lower(t));
                ck.expr(v, exp.as_ref());
                info.merge(ck.finish());
            }
        }
        ItemKind::Static(s) => {
            let mut ck = Checker::new(env, top);
            let exp = ck.lower(&s.ty);
            ck.expr(&s.value, Some(&exp));
            info.merge(ck.finish());
        }
        ItemKind::Enum(e) => {
            for v in &e.variants {
                if let Some(d) = &v.discriminant {
                    let mut ck = Checker::new(env, LowerCx::default());
                    ck.expr(d, Some(&T::Int(crate::value::IntTy::Isize)));
                    info.merge(ck.finish());
                }
            }
        }
        ItemKind::Mod(m) => {
            for it in m.items.iter().flatten() {
                check_item(env, it, info, depth + 1);
            }
        }
        _ => {}
    }
}

fn check_assoc_items(env: &Env, items: &[ast::Item], cx: &LowerCx, info: &mut TypeInfo) {
    for it in items {
        match &it.kind {
            ItemKind::Fn(f) => {
                let mut ck = Checker::new(env, cx.clone());
                ck.check_fn(f);
                info.merge(ck.finish());
            }
            ItemKind::Const(c) => {
                if let Some(v) = &c.value {
                    let mut ck = Checker::new(env, cx.clone());
                    let exp = c.ty.as_ref().map(|t| ck.lower(t));
                    ck.expr(v, exp.as_ref());
                    info.merge(ck.finish());
                }
            }
            _ => {}
        }
    }
}

/// Items declared inside function bodies (at any block depth reachable through statements
/// and block-like expressions), flattened into one list.
pub fn collect_nested_items(items: &[ast::Item], out: &mut Vec<ast::Item>, depth: u32) {
    if depth > 16 {
        return;
    }
    for it in items {
        match &it.kind {
            ItemKind::Fn(f) => {
                if let Some(b) = &f.body {
                    collect_in_block(b, out, depth + 1);
                }
            }
            ItemKind::Impl(imp) => collect_nested_items(&imp.items, out, depth + 1),
            ItemKind::Trait(t) => collect_nested_items(&t.items, out, depth + 1),
            ItemKind::Mod(m) => {
                if let Some(items) = &m.items {
                    collect_nested_items(items, out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn collect_in_block(b: &ast::Block, out: &mut Vec<ast::Item>, depth: u32) {
    for s in &b.stmts {
        collect_nested_in_stmt(s, out, depth);
    }
}

/// Nested items of one statement (REPL top-level statements included).
pub fn collect_nested_in_stmt(s: &Stmt, out: &mut Vec<ast::Item>, depth: u32) {
    if depth > 16 {
        return;
    }
    match &s.kind {
        StmtKind::Item(it) => {
            out.push((**it).clone());
            collect_nested_items(std::slice::from_ref(&**it), out, depth + 1);
        }
        StmtKind::Expr(e, _) => collect_in_expr(e, out, depth + 1),
        StmtKind::Let { init: Some(e), .. } => collect_in_expr(e, out, depth + 1),
        _ => {}
    }
}

fn collect_in_expr(e: &Expr, out: &mut Vec<ast::Item>, depth: u32) {
    if depth > 16 {
        return;
    }
    match &e.kind {
        ExprKind::Block(b) | ExprKind::Loop { body: b, .. } | ExprKind::While { body: b, .. } => {
            collect_in_block(b, out, depth + 1)
        }
        ExprKind::For { body, .. } | ExprKind::LabeledBlock { body, .. } | ExprKind::Async { body, .. } => {
            collect_in_block(body, out, depth + 1)
        }
        ExprKind::If { then, else_, .. } => {
            collect_in_block(then, out, depth + 1);
            if let Some(e) = else_ {
                collect_in_expr(e, out, depth + 1);
            }
        }
        _ => {}
    }
}
