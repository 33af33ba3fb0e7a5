//! Items: collection (any order, inline modules, `use`), ADT definitions, impls and traits.
//! Their function bodies are compiled by `fn_body.rs`.

use super::{Compiler, TraitInfo};
use crate::ast::{self, ItemKind, SelfKind};
use crate::value::{AdtDef, VariantDef, VariantKind};
use crate::vm::bytecode::FuncProto;
use crate::vm::program::{builtin_type_id, tid, Global};
use std::sync::Arc;

/// What a path names.
#[derive(Clone, Debug)]
pub enum Item {
    Fn(u32),
    Adt(u32),
    Variant(u32, u32),
    /// A `const`: its expression is compiled at each use.
    Const(Arc<ast::Expr>, Option<ast::Type>),
    Static(u32),
    Trait(String),
    Mod,
    /// `type A = B;`
    Alias(ast::Type),
}

/// A function body waiting to be compiled.
#[derive(Clone, Debug)]
pub struct Pending {
    /// Generic parameter names of the enclosing impl or trait.
    pub impl_generics: Vec<String>,
    pub func: u32,
    pub decl: Arc<ast::FnDecl>,
    pub module: String,
    pub self_ty: Option<String>,
    pub name: String,
}

pub(crate) fn join(module: &str, name: &str) -> String {
    if module.is_empty() {
        name.to_string()
    } else {
        format!("{module}::{name}")
    }
}

/// The name of a type as used for impls: `Vec<T>` -> `Vec`, `&str` -> `str`, `[T]` -> `Vec`.
pub(crate) fn type_name(t: &ast::Type) -> Option<String> {
    match &t.kind {
        ast::TypeKind::Path(p) => {
            let last = p.last().ident.name.clone();
            if last == "Box" {
                if let Some(Some(a)) = p.last().generics.as_ref().map(|g| g.first()) {
                    return type_name(a);
                }
            }
            Some(last)
        }
        ast::TypeKind::Ref { inner, .. } => type_name(inner),
        ast::TypeKind::Slice(_) | ast::TypeKind::Array(..) => Some("Vec".into()),
        ast::TypeKind::Tuple(ts) if ts.is_empty() => Some("()".into()),
        ast::TypeKind::Tuple(_) => Some("(,)".into()),
        ast::TypeKind::DynTrait(b) | ast::TypeKind::ImplTrait(b) => b.first().map(|b| format!("dyn {}", b.path.last().ident.name)),
        _ => None,
    }
}

impl Compiler {
    pub(crate) fn new_func(&mut self, name: String) -> u32 {
        let proto = FuncProto::new(name, self.source.clone());
        self.prog.funcs.push(Arc::new(proto));
        (self.prog.funcs.len() - 1) as u32
    }

    /// The type id for a type name in an impl (user ADT or builtin); `None` for generic `T`.
    pub(crate) fn impl_type_id(&self, name: &str) -> Option<u32> {
        if let Some(t) = self.prog.type_ids.get(name) {
            return Some(*t);
        }
        builtin_type_id(name)
    }

    pub(crate) fn collect_items(&mut self, items: &[ast::Item], module: &str) {
        // Pass 1: names of types, modules, uses.
        for item in items {
            match &item.kind {
                ItemKind::Struct(s) => self.declare_struct(item, s, module),
                ItemKind::Enum(e) => self.declare_enum(item, e, module),
                ItemKind::Mod(m) => {
                    let path = join(module, &m.name.name);
                    self.items.insert(path.clone(), Item::Mod);
                    if let Some(inner) = &m.items {
                        self.collect_items(inner, &path);
                    }
                }
                ItemKind::Use(u) => self.collect_use(u, module, &[]),
                ItemKind::TypeAlias(a) => {
                    if let Some(t) = &a.ty {
                        self.items.insert(join(module, &a.name.name), Item::Alias(t.clone()));
                    }
                }
                ItemKind::Trait(t) => {
                    self.items.insert(join(module, &t.name.name), Item::Trait(t.name.name.clone()));
                }
                _ => {}
            }
        }
        // Pass 2: functions, consts, statics, traits, impls.
        for item in items {
            match &item.kind {
                ItemKind::Fn(f) => {
                    let path = join(module, &f.name.name);
                    if f.body.is_none() {
                        continue;
                    }
                    let idx = self.new_func(path.clone());
                    self.record_sig(idx, f, None);
                    self.items.insert(path.clone(), Item::Fn(idx));
                    self.pending.push(Pending {
                        impl_generics: self.cur_impl_generics.clone(),
                        func: idx,
                        decl: Arc::new(f.clone()),
                        module: module.to_string(),
                        self_ty: None,
                        name: path,
                    });
                }
                ItemKind::Const(c) => {
                    if let Some(v) = &c.value {
                        self.items.insert(join(module, &c.name.name), Item::Const(Arc::new(v.clone()), c.ty.clone()));
                    }
                }
                ItemKind::Static(s) => self.declare_static(s, module),
                ItemKind::Trait(t) => self.declare_trait(t, module),
                _ => {}
            }
        }
        for item in items {
            if let ItemKind::Impl(i) = &item.kind {
                self.declare_impl(i, module);
            }
        }
    }

    fn collect_use(&mut self, u: &ast::UseTree, module: &str, prefix: &[String]) {
        let mut full: Vec<String> = prefix.to_vec();
        full.extend(u.prefix.iter().map(|i| i.name.clone()));
        // Relative paths: `self::x`, `super::x`, `crate::x`.
        let normalize = |segs: &[String]| -> String {
            let mut out: Vec<String> = Vec::new();
            let mut base: Vec<String> = if module.is_empty() { vec![] } else { module.split("::").map(String::from).collect() };
            let mut relative = false;
            for (i, s) in segs.iter().enumerate() {
                match s.as_str() {
                    "crate" if i == 0 => {
                        base.clear();
                        relative = true;
                    }
                    "self" if i == 0 => relative = true,
                    "super" => {
                        base.pop();
                        relative = true;
                    }
                    _ => out.push(s.clone()),
                }
            }
            if relative {
                base.extend(out);
                base.join("::")
            } else {
                out.join("::")
            }
        };
        match &u.kind {
            ast::UseTreeKind::Simple { rename } => {
                let Some(last) = full.last().cloned() else { return };
                let (target, local) = if last == "self" {
                    let t = normalize(&full[..full.len() - 1]);
                    let local = full.get(full.len().wrapping_sub(2)).cloned().unwrap_or_default();
                    (t, local)
                } else {
                    (normalize(&full), last)
                };
                let local = rename.as_ref().map_or(local, |r| r.name.clone());
                self.uses.insert((module.to_string(), local), target);
            }
            ast::UseTreeKind::Glob => {
                let target = normalize(&full);
                self.globs.entry(module.to_string()).or_default().push(target);
            }
            ast::UseTreeKind::Nested(trees) => {
                for t in trees {
                    self.collect_use(t, module, &full);
                }
            }
        }
    }

    fn fields_of(fields: &ast::Fields) -> (VariantKind, Vec<(String, Option<ast::Type>)>) {
        match fields {
            ast::Fields::Named(fs) => (VariantKind::Named, fs.iter().map(|f| (f.name.name.clone(), Some(f.ty.clone()))).collect()),
            ast::Fields::Tuple(fs) => {
                (VariantKind::Tuple, fs.iter().enumerate().map(|(i, f)| (i.to_string(), Some(f.ty.clone()))).collect())
            }
            ast::Fields::Unit => (VariantKind::Unit, Vec::new()),
        }
    }

    fn add_adt(&mut self, path: &str, def: AdtDef) -> u32 {
        let name = def.name.clone();
        let idx = self.prog.adts.len() as u32;
        // Redefinition in the REPL: a new type id.
        self.prog.adts.push(Arc::new(def));
        self.items.insert(path.to_string(), Item::Adt(idx));
        self.prog.type_ids.insert(name, idx + tid::FIRST_ADT_TYPE);
        idx
    }

    fn next_type_id(&self) -> u32 {
        self.prog.adts.len() as u32 + tid::FIRST_ADT_TYPE
    }

    fn declare_struct(&mut self, item: &ast::Item, s: &ast::StructDecl, module: &str) {
        let derives: Vec<String> = item.derives().map(String::from).collect();
        let (kind, fields) = Self::fields_of(&s.fields);
        let def = AdtDef {
            name: s.name.name.clone(),
            is_enum: false,
            variants: vec![VariantDef {
                name: s.name.name.clone(),
                kind,
                fields: fields.iter().map(|f| f.0.clone()).collect(),
                discriminant: 0,
            }],
            is_copy: derives.iter().any(|d| d == "Copy"),
            derives,
            type_id: self.next_type_id(),
        };
        let idx = self.add_adt(&join(module, &s.name.name), def);
        let span = item.span;
        // A field of a user type gets `Type::default()` (its impl, derived or written), one of
        // a generic parameter `T::default()` (the type the call's type arguments give `T`:
        // `V::<f64>::default()`); std types get `Default::default()` (the native, by type).
        let generics: Vec<&str> = s.generics.params.iter().map(|g| g.name.name.as_str()).collect();
        let default_call = |f: &ast::FieldDecl| {
            let span = f.span;
            let owner = match &f.ty.kind {
                ast::TypeKind::Path(p) if p.segments.len() == 1 && p.segments[0].generics.is_none() => {
                    let n = p.segments[0].ident.name.as_str();
                    let std = crate::value::IntTy::from_name(n).is_some() || matches!(n, "f32" | "f64" | "bool" | "char" | "String" | "Self");
                    (!std).then_some(n)
                }
                _ => None,
            };
            ast::Expr {
                kind: ast::ExprKind::Call(
                    Box::new(ast::Expr {
                        kind: ast::ExprKind::Path(path2(owner.unwrap_or("Default"), "default", span)),
                        span,
                        id: u32::MAX,
                    }),
                    vec![],
                ),
                span,
                id: u32::MAX,
            }
        };
        let body = match &s.fields {
            ast::Fields::Named(fs) => ast::Expr {
                kind: ast::ExprKind::Struct {
                    path: simple_path(&s.name.name, span),
                    fields: fs.iter().map(|f| ast::FieldInit { name: f.name.clone(), expr: default_call(f), span: f.span }).collect(),
                    base: None,
                },
                span,
                id: u32::MAX,
            },
            ast::Fields::Tuple(fs) => ast::Expr {
                kind: ast::ExprKind::Call(
                    Box::new(ast::Expr { kind: ast::ExprKind::Path(simple_path(&s.name.name, span)), span, id: u32::MAX }),
                    fs.iter().map(default_call).collect(),
                ),
                span,
                id: u32::MAX,
            },
            ast::Fields::Unit => ast::Expr { kind: ast::ExprKind::Path(simple_path(&s.name.name, span)), span, id: u32::MAX },
        };
        let generic_names: Vec<String> = generics.iter().map(|g| g.to_string()).collect();
        let saved = std::mem::replace(&mut self.cur_impl_generics, generic_names);
        self.derive_default(item, &s.name.name, body, module);
        self.cur_impl_generics = saved;
        self.adt_fields.insert(idx, fields);
    }

    fn declare_enum(&mut self, item: &ast::Item, e: &ast::EnumDecl, module: &str) {
        if self.in_prelude && matches!(e.name.name.as_str(), "Option" | "Result" | "Ordering") {
            return;
        }
        let derives: Vec<String> = item.derives().map(String::from).collect();
        let mut variants = Vec::new();
        let mut disc: i64 = 0;
        for v in &e.variants {
            let (kind, fields) = Self::fields_of(&v.fields);
            if let Some(d) = &v.discriminant {
                if let Some(n) = super::lits::const_int(d) {
                    disc = n;
                }
            }
            variants.push(VariantDef { name: v.name.name.clone(), kind, fields: fields.iter().map(|f| f.0.clone()).collect(), discriminant: disc });
            disc = disc.wrapping_add(1);
        }
        let def = AdtDef {
            name: e.name.name.clone(),
            is_enum: true,
            variants,
            is_copy: derives.iter().any(|d| d == "Copy"),
            derives,
            type_id: self.next_type_id(),
        };
        let path = join(module, &e.name.name);
        let idx = self.add_adt(&path, def);
        for (vi, v) in e.variants.iter().enumerate() {
            self.items.insert(format!("{path}::{}", v.name.name), Item::Variant(idx, vi as u32));
        }
        if let Some(v) = e.variants.iter().find(|v| v.attrs.iter().any(|a| a.name == "default")) {
            let span = item.span;
            let body = ast::Expr { kind: ast::ExprKind::Path(path2(&e.name.name, &v.name.name, span)), span, id: u32::MAX };
            self.derive_default(item, &e.name.name, body, module);
        }
    }

    fn declare_static(&mut self, s: &ast::StaticDecl, module: &str) {
        let idx = self.prog.globals.len() as u32;
        // (The type is kept for `compile/lazy.rs`: reading a `LazyLock` static forces it.)
        let ty = Some(super::lits::ast_to_ty(&s.ty, None)).filter(super::lazy::is_lazy);
        self.prog.globals.push(Global { name: s.name.name.clone(), cell: crate::heap::Heap::new(crate::value::Value::Unit), ty });
        self.items.insert(join(module, &s.name.name), Item::Static(idx));
        // The initializer runs in an init function before main.
        let f = self.new_func(format!("{}::{{static init}}", s.name.name));
        let body = ast::Block {
            stmts: vec![ast::Stmt { kind: ast::StmtKind::Expr(s.value.clone(), false), span: s.value.span }],
            is_unsafe: false,
            span: s.value.span,
        };
        let decl = ast::FnDecl {
            name: s.name.clone(),
            generics: Default::default(),
            self_param: None,
            params: vec![],
            ret: Some(s.ty.clone()),
            body: Some(body),
            is_async: false,
            is_unsafe: false,
            is_const: false,
            sig_span: s.name.span,
        };
        self.pending.push(Pending {
                        impl_generics: self.cur_impl_generics.clone(), func: f, decl: Arc::new(decl), module: module.to_string(), self_ty: None, name: format!("static {}", s.name.name) });
        self.static_inits.push((idx, f));
    }

    fn declare_trait(&mut self, t: &ast::TraitDecl, module: &str) {
        let mut g: Vec<String> = t.generics.params.iter().map(|p| p.name.name.clone()).collect();
        for it in &t.items {
            if let ItemKind::TypeAlias(a) = &it.kind {
                g.push(a.name.name.clone());
            }
        }
        let saved = std::mem::replace(&mut self.cur_impl_generics, g);
        self.declare_trait_inner(t, module);
        self.cur_impl_generics = saved;
    }

    fn declare_trait_inner(&mut self, t: &ast::TraitDecl, module: &str) {
        let mut info = TraitInfo {
            supertraits: t.supertraits.iter().map(|b| b.path.last().ident.name.clone()).collect(),
            ..Default::default()
        };
        for it in &t.items {
            if let ItemKind::Const(c) = &it.kind {
                if let Some(v) = &c.value {
                    info.const_defaults.push((c.name.clone(), Arc::new(v.clone()), c.ty.clone(), module.to_string()));
                }
            }
            if let ItemKind::Fn(f) = &it.kind {
                info.methods.push(f.name.name.clone());
                if f.body.is_some() {
                    let name = format!("{}::{}", t.name.name, f.name.name);
                    let idx = self.new_func(name.clone());
                    if !self.in_prelude && super::mut_self::takes_mut_self(f) {
                        self.fn_mut_self.insert(idx);
                    }
                    if super::mut_self::takes_mut_self(f) {
                        self.mut_self_names.insert(f.name.name.clone());
                    }
                    self.pending.push(Pending {
                        impl_generics: self.cur_impl_generics.clone(), func: idx, decl: Arc::new(f.clone()), module: module.to_string(), self_ty: None, name });
                    info.defaults.push((f.name.name.clone(), idx));
                }
            }
        }
        // Iterator defaults apply to native iterators.
        if t.name.name == "Iterator" && self.in_prelude {
            for (m, f) in &info.defaults {
                let sym = self.prog.symbols.intern(m);
                self.prog.methods.entry((tid::ITER, sym)).or_insert(*f);
                self.prog.methods.entry((tid::RANGE, sym)).or_insert(*f);
            }
        }
        self.traits.insert(t.name.name.clone(), info);
    }

    fn declare_impl(&mut self, i: &ast::ImplDecl, module: &str) {
        let g: Vec<String> = i.generics.params.iter().map(|p| p.name.name.clone()).collect();
        let saved = std::mem::replace(&mut self.cur_impl_generics, g);
        self.declare_impl_inner(i, module);
        self.cur_impl_generics = saved;
    }

    fn declare_impl_inner(&mut self, i: &ast::ImplDecl, module: &str) {
        let Some(tname) = type_name(&i.self_ty) else { return };
        let generic = i.generics.params.iter().any(|g| g.name.name == tname);
        let t = if generic { Some(tid::ANY) } else { self.impl_type_id(&tname) };
        let trait_name = i.trait_.as_ref().map(|p| p.last().ident.name.clone());
        let mut defined = Vec::new();
        for it in &i.items {
            match &it.kind {
                ItemKind::Fn(f) => {
                    let Some(_) = &f.body else { continue };
                    let name = format!("{tname}::{}", f.name.name);
                    let idx = self.new_func(name.clone());
                    self.record_sig(idx, f, Some(&tname));
                    self.pending.push(Pending {
                        impl_generics: self.cur_impl_generics.clone(),
                        func: idx,
                        decl: Arc::new(f.clone()),
                        module: module.to_string(),
                        self_ty: Some(tname.clone()),
                        name: name.clone(),
                    });
                    // The prelude's `tokio` types share std's names (`Mutex`, `Sender`...): their
                    // functions are reachable only by their module path (`use tokio::sync::Mutex`),
                    // so that `std::sync::Mutex::new` never finds tokio's.
                    let bare = !(self.in_prelude && (module == "tokio" || module.starts_with("tokio::")));
                    if let Some(tr) = &trait_name {
                        if bare {
                            self.items.entry(name.clone()).or_insert(Item::Fn(idx));
                        }
                        // `<T as Trait>::f` (see `Compiler::resolve_item`).
                        let q = qualified_item_name(&tname, tr, &f.name.name);
                        self.items.insert(join(module, &q), Item::Fn(idx));
                    } else if bare {
                        self.items.insert(name.clone(), Item::Fn(idx));
                    }
                    if !module.is_empty() {
                        self.items.entry(format!("{module}::{name}")).or_insert(Item::Fn(idx));
                    }
                    defined.push(f.name.name.clone());
                    if let Some(t) = t {
                        let sym = self.prog.symbols.intern(&f.name.name);
                        // An inherent method wins over a trait method of the same name.
                        if trait_name.is_none() {
                            self.prog.methods.insert((t, sym), idx);
                        } else {
                            self.prog.methods.entry((t, sym)).or_insert(idx);
                        }
                        if let Some(tr) = &trait_name {
                            let q = self.prog.symbols.intern(&format!("{tr}::{}", f.name.name));
                            self.prog.methods.insert((t, q), idx);
                            match (tr.as_str(), f.name.name.as_str()) {
                                ("Drop", "drop") => {
                                    self.prog.drops.insert(t, idx);
                                    self.prog.needs_drop_walk = true;
                                }
                                ("From", "from") => {
                                    let src = i.trait_.as_ref().and_then(|p| p.last().generics.as_ref()).and_then(|g| g.first()).and_then(type_name);
                                    if let Some(s) = src.and_then(|s| self.impl_type_id(&s)) {
                                        self.prog.from_impls.insert((t, s), idx);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                ItemKind::Const(c) => {
                    if let Some(v) = &c.value {
                        self.items.insert(format!("{tname}::{}", c.name.name), Item::Const(Arc::new(v.clone()), c.ty.clone()));
                        if let Some(tr) = &trait_name {
                            let q = qualified_item_name(&tname, tr, &c.name.name);
                            self.items.insert(join(module, &q), Item::Const(Arc::new(v.clone()), c.ty.clone()));
                        }
                        // Also a method `CONST(self)`, for `Self::CONST` in trait default
                        // methods (dispatched on the receiver's type).
                        if let Some(t) = t {
                            self.const_method(t, &tname, &c.name, v, c.ty.clone(), module);
                        }
                    }
                }
                _ => {}
            }
        }
        if let (Some(tr), Some(t)) = (&trait_name, t) {
            self.prog.traits_of.entry(t).or_default().push(tr.clone());
            if generic && self.supertrait_blanket(i, &tname, tr) {
                return;
            }
            self.pending_trait_impls.push((tr.clone(), t, tname.clone(), defined));
        }
    }

    /// A prelude blanket impl of trait `tr` over the types implementing one of its
    /// supertraits (`impl<S: Stream> StreamExt for S {}`, type parameter `param`): recorded
    /// in `tr`'s `blanket_over`, so that `attach_defaults` gives `tr`'s default methods to
    /// those types only, not to every type. User blanket impls keep applying to every type
    /// (their bounds may be std traits the builtin types implement without an impl here).
    fn supertrait_blanket(&mut self, i: &ast::ImplDecl, param: &str, tr: &str) -> bool {
        if !self.in_prelude || !i.items.is_empty() {
            return false;
        }
        let Some(info) = self.traits.get(tr) else { return false };
        let bounds: Vec<String> = i
            .generics
            .params
            .iter()
            .filter(|g| g.name.name == param)
            .flat_map(|g| g.bounds.iter().map(|b| b.path.last().ident.name.clone()))
            .filter(|b| info.supertraits.contains(b))
            .collect();
        if bounds.is_empty() {
            return false;
        }
        if let Some(info) = self.traits.get_mut(tr) {
            info.blanket_over.extend(bounds);
        }
        true
    }

    fn const_method(&mut self, t: u32, tname: &str, name: &ast::Ident, v: &ast::Expr, ty: Option<ast::Type>, module: &str) {
        let fname = format!("{tname}::{}", name.name);
        let idx = self.new_func(fname.clone());
        let body = ast::Block { stmts: vec![ast::Stmt { kind: ast::StmtKind::Expr(v.clone(), false), span: v.span }], is_unsafe: false, span: v.span };
        let decl = ast::FnDecl {
            name: name.clone(),
            generics: Default::default(),
            self_param: Some(ast::SelfParam { kind: SelfKind::Ref, mutable: false, ty: None, span: name.span }),
            params: vec![],
            ret: ty,
            body: Some(body),
            is_async: false,
            is_unsafe: false,
            is_const: true,
            sig_span: name.span,
        };
        self.pending.push(Pending {
                        impl_generics: self.cur_impl_generics.clone(), func: idx, decl: Arc::new(decl), module: module.to_string(), self_ty: Some(tname.to_string()), name: fname });
        let sym = self.prog.symbols.intern(&format!("<const {}>", name.name));
        self.prog.methods.insert((t, sym), idx);
    }

    /// `#[derive(Default)]`: a `T::default()` building every field from its type's default.
    fn derive_default(&mut self, item: &ast::Item, tname: &str, body_expr: ast::Expr, module: &str) {
        if !item.derives().any(|d| d == "Default") {
            return;
        }
        let fname = format!("{tname}::default");
        let idx = self.new_func(fname.clone());
        let span = item.span;
        let body = ast::Block { stmts: vec![ast::Stmt { kind: ast::StmtKind::Expr(body_expr, false), span }], is_unsafe: false, span };
        let ident = ast::Ident { name: "default".into(), span };
        let ret = ast::Type { kind: ast::TypeKind::Path(simple_path(tname, span)), span };
        let decl = ast::FnDecl {
            name: ident,
            generics: Default::default(),
            self_param: None,
            params: vec![],
            ret: Some(ret),
            body: Some(body),
            is_async: false,
            is_unsafe: false,
            is_const: false,
            sig_span: span,
        };
        self.fn_arity.insert(idx, 0);
        self.items.insert(join(module, &fname), Item::Fn(idx));
        self.pending.push(Pending {
                        impl_generics: self.cur_impl_generics.clone(), func: idx, decl: Arc::new(decl), module: module.to_string(), self_ty: Some(tname.to_string()), name: fname });
        if let Some(t) = self.impl_type_id(tname) {
            let sym = self.prog.symbols.intern("default");
            self.prog.methods.entry((t, sym)).or_insert(idx);
        }
    }

    /// Attach default methods of implemented traits (after all traits are known).
    pub(crate) fn attach_defaults(&mut self) {
        let impls = std::mem::take(&mut self.pending_trait_impls);
        // (trait, supertrait): the trait's defaults go to every implementor of the supertrait.
        let blankets: Vec<(String, String)> =
            self.traits.iter().flat_map(|(n, info)| info.blanket_over.iter().map(move |b| (n.clone(), b.clone()))).collect();
        for (tr, t, tname, defined) in impls {
            let mut chain = vec![tr.clone()];
            chain.extend(blankets.iter().filter(|(_, over)| *over == tr).map(|(sub, _)| sub.clone()));
            let mut seen = 0;
            while seen < chain.len() && chain.len() < 32 {
                let cur = chain[seen].clone();
                seen += 1;
                let Some(info) = self.traits.get(&cur).cloned() else { continue };
                for (m, f) in &info.defaults {
                    if cur == tr && defined.contains(m) {
                        continue;
                    }
                    let sym = self.prog.symbols.intern(m);
                    self.prog.methods.entry((t, sym)).or_insert(*f);
                    let q = self.prog.symbols.intern(&format!("{cur}::{m}"));
                    self.prog.methods.entry((t, q)).or_insert(*f);
                    self.items.entry(format!("{tname}::{m}")).or_insert(super::Item::Fn(*f));
                }
                // The consts the impl did not set take the trait's default (an item for
                // `Type::NAME`, and a method for `Self::NAME` and `T::NAME`).
                for (name, v, ty, module) in &info.const_defaults {
                    let key = format!("{tname}::{}", name.name);
                    if self.items.contains_key(&key) {
                        continue;
                    }
                    self.items.insert(key, super::Item::Const(v.clone(), ty.clone()));
                    self.const_method(t, &tname, name, v, ty.clone(), module);
                }
                let _ = &info.supertraits;
            }
        }
    }

    fn record_sig(&mut self, idx: u32, f: &ast::FnDecl, self_ty: Option<&str>) {
        let mut tys = Vec::new();
        if f.self_param.is_some() {
            tys.push(self_ty.map(|s| crate::types::Ty::named(s, vec![])));
            self.fn_self.insert(idx);
            if !self.in_prelude && super::mut_self::takes_mut_self(f) {
                self.fn_mut_self.insert(idx);
            }
            if super::mut_self::takes_mut_self(f) {
                self.mut_self_names.insert(f.name.name.clone());
            }
        }
        for p in &f.params {
            tys.push(Some(super::lits::ast_to_ty(&p.ty, self_ty)));
        }
        self.fn_arity.insert(idx, tys.len());
        self.fn_param_tys.insert(idx, tys);
    }
}

/// The item key of `<ty as tr>::name`: `ty::<as tr>::name` (the `<as tr>` segment can never
/// be written as a plain path, so it cannot collide with a module or item).
pub(crate) fn qualified_item_name(ty: &str, tr: &str, name: &str) -> String {
    format!("{ty}::<as {tr}>::{name}")
}

fn simple_path(name: &str, span: ast::Span) -> ast::Path {
    ast::Path { segments: vec![ast::PathSegment { ident: ast::Ident { name: name.to_string(), span }, generics: None }], global: false, span, qself: None }
}

fn path2(a: &str, b: &str, span: ast::Span) -> ast::Path {
    ast::Path {
        segments: vec![
            ast::PathSegment { ident: ast::Ident { name: a.to_string(), span }, generics: None },
            ast::PathSegment { ident: ast::Ident { name: b.to_string(), span }, generics: None },
        ],
        global: false,
        span,
        qself: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::run_program;

    /// `impl<S: Stream> StreamExt for S {}` (prelude): a program's `Stream` gets `StreamExt`'s
    /// defaults, by method call and by path; a type that is no stream does not.
    #[test]
    fn supertrait_blanket_defaults_reach_implementors_only() {
        let src = "use std::pin::Pin;
use std::task::{Context, Poll};
use tokio_stream::{Stream, StreamExt};
struct Count(u32);
impl Stream for Count {
    type Item = u32;
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.0 == 3 {
            return Poll::Ready(None);
        }
        self.0 += 1;
        Poll::Ready(Some(self.0))
    }
}
struct NotAStream;
#[tokio::main]
async fn main() {
    let v: Vec<u32> = StreamExt::map(Count(0), |x| x * 10).collect().await;
    let n = Count(0).filter(|x| x % 2 == 1).fold(0, |a, x| a + x).await;
    println!(\"{:?} {}\", v, n);
    NotAStream.take(1);
}
";
        let (out, outcome) = run_program(src);
        assert_eq!(out, "[10, 20, 30] 4\n");
        assert!(matches!(outcome, crate::session::Outcome::Panicked), "{outcome:?}");
    }
}
