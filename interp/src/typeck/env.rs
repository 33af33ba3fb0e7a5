//! The item environment of type inference: what the program declares (struct fields, enum
//! variants, function and method signatures, traits, aliases, consts), as `Ty` templates in
//! which generic parameters are `Ty::Param`, and the lowering of written types (`ast::Type`)
//! to `Ty`.

use crate::ast::{self, GenericParamKind, ItemKind, SelfKind, TypeKind};
use crate::types::Ty;
use crate::value::{FloatTy, IntTy};
use rustc_hash::FxHashMap;

/// A generic parameter of a signature. `as_ty` is what a use of the parameter stands for when
/// a bound pins its shape: `F: Fn(i32) -> u8` stands for `fn(i32) -> u8`, `I: Iterator<Item
/// = u32>` for `Iterator<u32>`.
#[derive(Clone, Debug, PartialEq)]
pub struct GenParam {
    pub name: String,
    pub as_ty: Option<Ty>,
    /// The names of the traits it is bounded by.
    pub bounds: Vec<String>,
}

impl GenParam {
    pub fn plain(name: &str) -> GenParam {
        GenParam { name: name.to_string(), as_ty: None, bounds: Vec::new() }
    }
}

/// A function or method signature. `generics` holds the impl's parameters then the
/// function's. `self_ty` is the impl's self type (`Param("Self")` in traits and in the std
/// tables of primitive families); `self_kind` is `None` for an associated function.
#[derive(Clone, Debug, PartialEq)]
pub struct Sig {
    pub generics: Vec<GenParam>,
    pub self_ty: Option<Ty>,
    pub self_kind: Option<SelfKind>,
    pub params: Vec<Ty>,
    pub ret: Ty,
    /// How many of `generics` belong to the impl (the rest are the function's own, which a
    /// turbofish names in order).
    pub impl_generics: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Unit,
    Tuple(Vec<Ty>),
    Named(Vec<(String, Ty)>),
}

/// A struct or enum.
#[derive(Clone, Debug, PartialEq)]
pub struct Adt {
    pub generics: Vec<String>,
    /// For each generic, the type a bound pins it to (`F: Fn(u64) -> u64`), if any.
    pub pinned: Vec<Option<Ty>>,
    pub is_enum: bool,
    /// A struct's fields (`Unit` for enums).
    pub fields: Shape,
    pub variants: Vec<(String, Shape)>,
}

impl Adt {
    pub fn variant(&self, name: &str) -> Option<&Shape> {
        self.variants.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TraitDef {
    pub methods: FxHashMap<String, Sig>,
}

/// Everything declared so far (grows across REPL inputs).
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub adts: FxHashMap<String, Adt>,
    pub fns: FxHashMap<String, Sig>,
    /// Methods and associated functions of user (and prelude) impls: head name -> name.
    pub methods: FxHashMap<String, FxHashMap<String, Vec<Sig>>>,
    /// The std signature table, keyed the same way (shared: it never changes; each head is
    /// parsed on its first look-up).
    pub std_methods: std::sync::Arc<super::std_table::StdTable>,
    pub traits: FxHashMap<String, TraitDef>,
    /// Head name -> the traits implemented for it.
    pub trait_impls: FxHashMap<String, Vec<String>>,
    /// `(head, name)` -> an associated type of an impl (`type Item = u32`).
    pub assoc: FxHashMap<(String, String), Ty>,
    /// Consts and statics by name, associated consts as `Head::NAME`.
    pub consts: FxHashMap<String, Ty>,
    pub aliases: FxHashMap<String, (Vec<String>, Ty)>,
    /// An enum variant's name -> its enum, for unqualified uses (`Some`, `Red` after `use`).
    pub variants: FxHashMap<String, String>,
    /// REPL top-level variables.
    pub vars: FxHashMap<String, Ty>,
}

/// What names mean while lowering a written type.
#[derive(Clone, Debug, Default)]
pub struct LowerCx {
    pub generics: Vec<GenParam>,
    pub self_ty: Option<Ty>,
    /// The head of the impl's self type, for `Self::Item`.
    pub self_head: Option<String>,
}

impl LowerCx {
    fn has_param(&self, name: &str) -> bool {
        self.generics.iter().any(|g| g.name == name)
    }
}

/// `i32`, `f64`, `bool`, `char`, `str`, `String` by name.
pub fn prim_ty(name: &str) -> Option<Ty> {
    if let Some(i) = IntTy::from_name(name) {
        return Some(Ty::Int(i));
    }
    Some(match name {
        "f32" => Ty::Float(FloatTy::F32),
        "f64" => Ty::Float(FloatTy::F64),
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        "str" => Ty::Str,
        "String" => Ty::String,
        _ => return None,
    })
}

/// How many type arguments a std generic type takes.
pub fn std_arity(name: &str) -> usize {
    match name {
        "HashMap" | "BTreeMap" | "Result" => 2,
        "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "BinaryHeap" | "LinkedList" | "Option" | "Box" | "Rc"
        | "Arc" | "Weak" | "Cell" | "RefCell" | "Mutex" | "RwLock" | "Range" | "RangeInclusive" | "Iterator"
        | "Reverse" | "Wrapping" | "JoinHandle" | "Sender" | "Receiver" | "SyncSender" | "OnceCell" | "Peekable" => 1,
        _ => 0,
    }
}

/// The name methods of a type are registered under: `i32`, `String`, `str`, `Vec`, a user
/// type's name; `[]` for slices, `[;]` for arrays, `()` for tuples. `None` for a parameter.
pub fn head_of(ty: &Ty) -> Option<String> {
    Some(match ty {
        Ty::Unit | Ty::Tuple(_) => "()".to_string(),
        Ty::Bool => "bool".to_string(),
        Ty::Char => "char".to_string(),
        Ty::Int(i) => i.name().to_string(),
        Ty::Float(FloatTy::F32) => "f32".to_string(),
        Ty::Float(FloatTy::F64) => "f64".to_string(),
        Ty::String => "String".to_string(),
        Ty::Str => "str".to_string(),
        Ty::Named(n, _) => n.clone(),
        Ty::Array(..) => "[;]".to_string(),
        Ty::Slice(_) => "[]".to_string(),
        Ty::Ref { inner, .. } => return head_of(inner),
        Ty::Dyn(t) => format!("dyn {t}"),
        Ty::Fn(..) => "fn".to_string(),
        Ty::Param(_) | Ty::Never | Ty::Infer => return None,
    })
}

/// Replaces `Ty::Param`s by name.
pub fn subst_ty(ty: &Ty, map: &[(String, Ty)], depth: u32) -> Ty {
    if depth > super::unify::MAX_DEPTH {
        return Ty::Infer;
    }
    let d = depth + 1;
    let list = |ts: &[Ty]| ts.iter().map(|t| subst_ty(t, map, d)).collect::<Vec<_>>();
    match ty {
        Ty::Param(p) => map.iter().find(|(n, _)| n == p).map_or_else(|| ty.clone(), |(_, t)| t.clone()),
        Ty::Named(n, args) => Ty::Named(n.clone(), list(args)),
        Ty::Tuple(args) => Ty::Tuple(list(args)),
        Ty::Array(e, n) => Ty::Array(Box::new(subst_ty(e, map, d)), *n),
        Ty::Slice(e) => Ty::Slice(Box::new(subst_ty(e, map, d))),
        Ty::Ref { mutable, inner } => Ty::Ref { mutable: *mutable, inner: Box::new(subst_ty(inner, map, d)) },
        Ty::Fn(ps, r) => Ty::Fn(list(ps), Box::new(subst_ty(r, map, d))),
        other => other.clone(),
    }
}

impl Env {
    /// Declares items (any order; later declarations replace earlier ones of the same name).
    pub fn add_items(&mut self, items: &[ast::Item]) {
        for item in items {
            self.add_item(item, 0);
        }
    }

    fn add_item(&mut self, item: &ast::Item, depth: u32) {
        if depth > 16 {
            return;
        }
        let top = LowerCx::default();
        match &item.kind {
            ItemKind::Fn(f) => {
                let sig = self.fn_sig(f, &top, Vec::new());
                self.fns.insert(f.name.name.clone(), sig);
            }
            ItemKind::Struct(s) => {
                let cx = self.cx_for(&s.generics, None, None);
                let fields = self.lower_fields(&s.fields, &cx);
                let generics = type_param_names(&s.generics);
                let pinned = pinned_of(&cx, &generics);
                let derived_default = !generics.is_empty() && item.derives().any(|d| d == "Default");
                self.adts.insert(s.name.name.clone(), Adt { generics, pinned, is_enum: false, fields, variants: Vec::new() });
                if derived_default {
                    self.add_derived_default(&s.name.name, &s.generics);
                }
            }
            ItemKind::Enum(e) => {
                let cx = self.cx_for(&e.generics, None, None);
                let variants = e.variants.iter().map(|v| (v.name.name.clone(), self.lower_fields(&v.fields, &cx))).collect();
                for v in &e.variants {
                    let keep_std = matches!(self.variants.get(&v.name.name).map(String::as_str), Some("Option" | "Result"));
                    if !keep_std || e.name.name == "Option" || e.name.name == "Result" {
                        self.variants.insert(v.name.name.clone(), e.name.name.clone());
                    }
                }
                let generics = type_param_names(&e.generics);
                let pinned = pinned_of(&cx, &generics);
                self.adts.insert(e.name.name.clone(), Adt { generics, pinned, is_enum: true, fields: Shape::Unit, variants });
            }
            ItemKind::Impl(imp) => self.add_impl(imp),
            ItemKind::Trait(t) => self.add_trait(t),
            ItemKind::Const(c) => {
                if let Some(ty) = &c.ty {
                    let ty = self.lower(ty, &top);
                    self.consts.insert(c.name.name.clone(), ty);
                }
            }
            ItemKind::Static(s) => {
                let ty = self.lower(&s.ty, &top);
                self.consts.insert(s.name.name.clone(), ty);
            }
            ItemKind::TypeAlias(a) => {
                if let Some(ty) = &a.ty {
                    let cx = self.cx_for(&a.generics, None, None);
                    let ty = self.lower(ty, &cx);
                    self.aliases.insert(a.name.name.clone(), (type_param_names(&a.generics), ty));
                }
            }
            ItemKind::Mod(m) if depth == 0 && m.name.name == "tokio" => self.add_secondary(m.items.iter().flatten()),
            ItemKind::Mod(m) => {
                for it in m.items.iter().flatten() {
                    self.add_item(it, depth + 1);
                }
            }
            ItemKind::Use(_) | ItemKind::Ignored => {}
        }
    }

    /// The prelude's `tokio` module. The environment keys types and functions by their last
    /// name, and tokio's `Sender`, `Receiver`, `Mutex`, `channel`... share std's names: std's
    /// keep their meaning (`tx.send(200)` on a `std::sync::mpsc` channel still types the
    /// literal), and tokio's items are known where no std item of that name exists.
    fn add_secondary<'a>(&mut self, items: impl Iterator<Item = &'a ast::Item>) {
        fn walk<'a>(items: impl Iterator<Item = &'a ast::Item>, out: &mut Vec<&'a ast::Item>) {
            for it in items {
                match &it.kind {
                    ItemKind::Mod(m) => walk(m.items.iter().flatten(), out),
                    _ => out.push(it),
                }
            }
        }
        let mut all = Vec::new();
        walk(items, &mut all);
        let taken: rustc_hash::FxHashSet<String> = all
            .iter()
            .filter_map(|it| match &it.kind {
                ItemKind::Struct(s) if self.adts.contains_key(&s.name.name) || self.std_methods.contains_key(&s.name.name) => {
                    Some(s.name.name.clone())
                }
                ItemKind::Enum(e) if self.adts.contains_key(&e.name.name) || self.std_methods.contains_key(&e.name.name) => {
                    Some(e.name.name.clone())
                }
                _ => None,
            })
            .collect();
        for it in all {
            let skip = match &it.kind {
                ItemKind::Struct(s) => taken.contains(&s.name.name),
                ItemKind::Enum(e) => taken.contains(&e.name.name),
                ItemKind::Fn(f) => self.fns.contains_key(&f.name.name),
                ItemKind::Impl(imp) => {
                    let cx = self.cx_for(&imp.generics, None, None);
                    head_of(&self.lower(&imp.self_ty, &cx)).is_some_and(|h| taken.contains(&h))
                }
                _ => false,
            };
            if !skip {
                self.add_item(it, 1);
            }
        }
    }

    fn add_impl(&mut self, imp: &ast::ImplDecl) {
        let cx0 = self.cx_for(&imp.generics, None, None);
        let self_ty = self.lower(&imp.self_ty, &cx0);
        let head = match &self_ty {
            Ty::Param(_) => "*".to_string(),
            t => head_of(t).unwrap_or_else(|| "*".to_string()),
        };
        let trait_name = imp.trait_.as_ref().map(|p| p.last().ident.name.clone());
        if let Some(t) = &trait_name {
            let list = self.trait_impls.entry(head.clone()).or_default();
            if !list.contains(t) {
                list.push(t.clone());
            }
        }
        let cx = LowerCx { self_ty: Some(self_ty.clone()), self_head: Some(head.clone()), ..cx0 };
        for it in &imp.items {
            match &it.kind {
                ItemKind::TypeAlias(a) => {
                    if let Some(ty) = &a.ty {
                        let ty = self.lower(ty, &cx);
                        self.assoc.insert((head.clone(), a.name.name.clone()), ty);
                    }
                }
                ItemKind::Const(c) => {
                    if let Some(ty) = &c.ty {
                        let ty = self.lower(ty, &cx);
                        self.consts.insert(format!("{head}::{}", c.name.name), ty);
                    }
                }
                _ => {}
            }
        }
        for it in &imp.items {
            if let ItemKind::Fn(f) = &it.kind {
                let sig = self.fn_sig(f, &cx, cx.generics.clone());
                let sigs = self.methods.entry(head.clone()).or_default().entry(f.name.name.clone()).or_default();
                if !sigs.contains(&sig) {
                    // A redefinition (REPL) of an inherent method replaces it.
                    if trait_name.is_none() {
                        sigs.clear();
                    }
                    sigs.push(sig);
                }
            }
        }
    }

    /// `#[derive(Default)]` on a generic struct: the impl it stands for,
    /// `impl<T: Default> Default for S<T> { fn default() -> Self }`, so that a call
    /// (`S::<f64>::default()`, `let s: S<i32> = S::default()`) gets its type arguments, which
    /// the derived body's `T::default()` reads (`compile/items.rs`). Only for type parameters
    /// (a struct with lifetime or const parameters is left as it was).
    fn add_derived_default(&mut self, name: &str, g: &ast::Generics) {
        if !g.params.iter().all(|p| matches!(p.kind, GenericParamKind::Type { .. })) {
            return;
        }
        let names = type_param_names(g);
        let bounded: Vec<String> = names.iter().map(|n| format!("{n}: Default")).collect();
        let text = format!("impl<{}> Default for {name}<{}> {{ fn default() -> Self {{ loop {{}} }} }}", bounded.join(", "), names.join(", "));
        let (file, diags) = crate::syntax::parse_file(&text);
        if !diags.is_empty() {
            return;
        }
        if let Some(ItemKind::Impl(imp)) = file.items.first().map(|i| &i.kind) {
            self.add_impl(imp);
        }
    }

    fn add_trait(&mut self, t: &ast::TraitDecl) {
        let mut cx = self.cx_for(&t.generics, Some(Ty::Param("Self".into())), None);
        cx.generics.push(GenParam::plain("Self"));
        let mut def = TraitDef::default();
        for it in &t.items {
            if let ItemKind::Fn(f) = &it.kind {
                let sig = self.fn_sig(f, &cx, cx.generics.clone());
                def.methods.insert(f.name.name.clone(), sig);
            }
        }
        self.traits.insert(t.name.name.clone(), def);
    }

    /// The lowering context for items with generics `g` inside an impl of `self_ty`.
    pub fn cx_for(&self, g: &ast::Generics, self_ty: Option<Ty>, self_head: Option<String>) -> LowerCx {
        let mut cx = LowerCx { generics: Vec::new(), self_ty, self_head };
        let params = self.lower_generics(g, &mut cx);
        cx.generics = params;
        cx
    }

    /// The generic parameters of `g` (names first, so bounds may mention each other); `cx`
    /// receives the names while the bounds are lowered.
    pub fn lower_generics(&self, g: &ast::Generics, cx: &mut LowerCx) -> Vec<GenParam> {
        let base = cx.generics.len();
        for p in &g.params {
            if matches!(p.kind, GenericParamKind::Type { .. } | GenericParamKind::Const { .. }) {
                cx.generics.push(GenParam::plain(&p.name.name));
            }
        }
        let mut out: Vec<GenParam> = Vec::new();
        for p in &g.params {
            if !matches!(p.kind, GenericParamKind::Type { .. } | GenericParamKind::Const { .. }) {
                continue;
            }
            let mut gp = GenParam::plain(&p.name.name);
            let mut bounds: Vec<&ast::Bound> = p.bounds.iter().collect();
            for w in &g.where_clause {
                if let TypeKind::Path(path) = &w.ty.kind {
                    if path.as_ident() == Some(p.name.name.as_str()) {
                        bounds.extend(w.bounds.iter());
                    }
                }
            }
            for b in bounds {
                if b.lifetime || b.maybe {
                    continue;
                }
                gp.bounds.push(b.path.last().ident.name.clone());
                if gp.as_ty.is_none() {
                    gp.as_ty = self.bound_as_ty(b, cx);
                }
            }
            out.push(gp);
        }
        cx.generics.truncate(base);
        cx.generics.extend(out.iter().cloned());
        out
    }

    /// The type a bound pins: `Fn(A) -> B` gives `fn(A) -> B`, `Iterator<Item = X>` gives
    /// `Iterator<X>`.
    fn bound_as_ty(&self, b: &ast::Bound, cx: &LowerCx) -> Option<Ty> {
        if let Some((ps, ret)) = &b.fn_sugar {
            let ps = ps.iter().map(|t| self.lower(t, cx)).collect();
            let ret = ret.as_ref().map_or(Ty::Unit, |r| self.lower(r, cx));
            return Some(Ty::Fn(ps, Box::new(ret)));
        }
        let name = b.path.last().ident.name.as_str();
        if matches!(name, "Iterator" | "DoubleEndedIterator" | "ExactSizeIterator" | "IntoIterator") {
            let item = b.assoc.iter().find(|(n, _)| n.name == "Item").map_or(Ty::Infer, |(_, t)| self.lower(t, cx));
            return Some(Ty::named("Iterator", vec![item]));
        }
        None
    }

    fn fn_sig(&self, f: &ast::FnDecl, outer: &LowerCx, impl_generics: Vec<GenParam>) -> Sig {
        let mut cx = outer.clone();
        let fn_generics = self.lower_generics(&f.generics, &mut cx);
        let params = f.params.iter().map(|p| self.lower(&p.ty, &cx)).collect();
        let mut ret = f.ret.as_ref().map_or(Ty::Unit, |r| self.lower(r, &cx));
        if f.is_async {
            ret = Ty::named("Future", vec![ret]);
        }
        let n_impl = impl_generics.len();
        let mut generics = impl_generics;
        generics.extend(fn_generics);
        let self_kind = f.self_param.as_ref().map(|s| match &s.ty {
            Some(t) => match &t.kind {
                TypeKind::Ref { mutable: true, .. } => SelfKind::RefMut,
                TypeKind::Ref { .. } => SelfKind::Ref,
                _ => SelfKind::Value,
            },
            None => s.kind,
        });
        Sig { generics, self_ty: outer.self_ty.clone(), self_kind, params, ret, impl_generics: n_impl }
    }

    fn lower_fields(&self, f: &ast::Fields, cx: &LowerCx) -> Shape {
        match f {
            ast::Fields::Unit => Shape::Unit,
            ast::Fields::Tuple(fs) => Shape::Tuple(fs.iter().map(|d| self.lower(&d.ty, cx)).collect()),
            ast::Fields::Named(fs) => Shape::Named(fs.iter().map(|d| (d.name.name.clone(), self.lower(&d.ty, cx))).collect()),
        }
    }

    /// The signature of a function declared in a body or module, for nested items.
    pub fn sig_of(&self, f: &ast::FnDecl, cx: &LowerCx) -> Sig {
        self.fn_sig(f, cx, cx.generics.clone())
    }

    /// A written type as a `Ty`. Unknown names become named types; `_` becomes `Infer`.
    pub fn lower(&self, ty: &ast::Type, cx: &LowerCx) -> Ty {
        self.lower_in(ty, cx, 0)
    }

    fn lower_in(&self, ty: &ast::Type, cx: &LowerCx, depth: u32) -> Ty {
        if depth > super::unify::MAX_DEPTH {
            return Ty::Infer;
        }
        let d = depth + 1;
        match &ty.kind {
            TypeKind::Path(p) => self.lower_path(p, cx, d),
            TypeKind::Ref { mutable, inner } => Ty::Ref { mutable: *mutable, inner: Box::new(self.lower_in(inner, cx, d)) },
            TypeKind::Ptr { .. } => Ty::Infer,
            TypeKind::Tuple(ts) if ts.is_empty() => Ty::Unit,
            TypeKind::Tuple(ts) => Ty::Tuple(ts.iter().map(|t| self.lower_in(t, cx, d)).collect()),
            TypeKind::Array(t, n) => {
                let len = match &n.kind {
                    ast::ExprKind::Lit(ast::Lit { kind: ast::LitKind::Int(v, _), .. }) => u64::try_from(*v).ok(),
                    _ => None,
                };
                Ty::Array(Box::new(self.lower_in(t, cx, d)), len)
            }
            TypeKind::Slice(t) => Ty::Slice(Box::new(self.lower_in(t, cx, d))),
            TypeKind::Fn { params, ret } => {
                let ps = params.iter().map(|t| self.lower_in(t, cx, d)).collect();
                let r = ret.as_ref().map_or(Ty::Unit, |r| self.lower_in(r, cx, d));
                Ty::Fn(ps, Box::new(r))
            }
            TypeKind::ImplTrait(bounds) => bounds.iter().find_map(|b| self.bound_as_ty(b, cx)).unwrap_or(Ty::Infer),
            TypeKind::DynTrait(bounds) => {
                if let Some(t) = bounds.iter().find_map(|b| self.bound_as_ty(b, cx)) {
                    return t;
                }
                match bounds.iter().find(|b| !b.lifetime && !b.maybe) {
                    Some(b) => Ty::Dyn(b.path.last().ident.name.clone()),
                    None => Ty::Infer,
                }
            }
            TypeKind::Infer => Ty::Infer,
            TypeKind::Never => Ty::Never,
        }
    }

    fn lower_path(&self, p: &ast::Path, cx: &LowerCx, d: u32) -> Ty {
        let last = p.last();
        let name = last.ident.name.as_str();
        let args: Vec<Ty> = last.generics.iter().flatten().map(|t| self.lower_in(t, cx, d)).collect();
        let segs = &p.segments;
        if segs.len() >= 2 {
            let first = segs[0].ident.name.as_str();
            let prev = segs[segs.len() - 2].ident.name.as_str();
            if segs.len() == 2 && (first == "Self" || cx.has_param(first)) {
                if first == "Self" {
                    if let Some(h) = &cx.self_head {
                        if let Some(t) = self.assoc.get(&(h.clone(), name.to_string())) {
                            return t.clone();
                        }
                    }
                }
                return Ty::Infer;
            }
            if name == "Result" && (prev == "fmt" || prev == "io") {
                let ok = args.first().cloned().unwrap_or(Ty::Unit);
                return Ty::named("Result", vec![ok, Ty::named("Error", vec![])]);
            }
        }
        if name == "Self" && segs.len() == 1 {
            return cx.self_ty.clone().unwrap_or_else(|| Ty::Param("Self".into()));
        }
        if segs.len() == 1 {
            if let Some(g) = cx.generics.iter().rev().find(|g| g.name == name) {
                return Ty::Param(g.name.clone());
            }
        }
        if let Some(t) = prim_ty(name) {
            return t;
        }
        if let Some((params, body)) = self.aliases.get(name).filter(|_| segs.len() == 1) {
            let map: Vec<(String, Ty)> =
                params.iter().enumerate().map(|(i, n)| (n.clone(), args.get(i).cloned().unwrap_or(Ty::Infer))).collect();
            return subst_ty(body, &map, 0);
        }
        let arity = self.adts.get(name).map_or_else(|| std_arity(name), |a| a.generics.len());
        let mut args = args;
        while args.len() < arity {
            args.push(Ty::Infer);
        }
        Ty::Named(name.to_string(), args)
    }
}

/// The names of the type parameters of `g`.
pub fn type_param_names(g: &ast::Generics) -> Vec<String> {
    g.params
        .iter()
        .filter(|p| matches!(p.kind, GenericParamKind::Type { .. }))
        .map(|p| p.name.name.clone())
        .collect()
}

/// `Option`, `Result`, `Ordering`, `Reverse` and `Wrapping`, known before the prelude
/// declares them (its declarations replace these with the same shapes).
pub fn add_builtin_enums(env: &mut Env) {
    let p = |n: &str| Ty::Param(n.to_string());
    let enums = [
        ("Option", vec!["T"], vec![("None", Shape::Unit), ("Some", Shape::Tuple(vec![p("T")]))]),
        ("Result", vec!["T", "E"], vec![("Ok", Shape::Tuple(vec![p("T")])), ("Err", Shape::Tuple(vec![p("E")]))]),
        ("Ordering", vec![], vec![("Less", Shape::Unit), ("Equal", Shape::Unit), ("Greater", Shape::Unit)]),
    ];
    for (name, generics, variants) in enums {
        for (v, _) in &variants {
            if name != "Ordering" {
                env.variants.insert(v.to_string(), name.to_string());
            }
        }
        let adt = Adt {
            pinned: vec![None; generics.len()],
            generics: generics.into_iter().map(String::from).collect(),
            is_enum: true,
            fields: Shape::Unit,
            variants: variants.into_iter().map(|(v, s)| (v.to_string(), s)).collect(),
        };
        env.adts.insert(name.to_string(), adt);
    }
    for name in ["Reverse", "Wrapping"] {
        let adt = Adt {
            generics: vec!["T".to_string()],
            pinned: vec![None],
            is_enum: false,
            fields: Shape::Tuple(vec![p("T")]),
            variants: Vec::new(),
        };
        env.adts.insert(name.to_string(), adt);
    }
}

/// The pinned shapes of the named generics in `cx`.
fn pinned_of(cx: &LowerCx, names: &[String]) -> Vec<Option<Ty>> {
    names.iter().map(|n| cx.generics.iter().find(|g| &g.name == n).and_then(|g| g.as_ty.clone())).collect()
}
