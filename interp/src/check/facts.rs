//! What the static checks need to know about a program's items: its structs and enums (field
//! types, `Copy`, explicit `Send`/`Sync` impls), the receiver kinds of its methods, its free
//! function names; and the two questions asked of a type: is it certainly not `Copy`, and how
//! does rustc write it in a message.
//!
//! Everything errs towards "unknown": a type this module cannot account for is never reported
//! as moved or as not `Send`.

use crate::ast::{self, ItemKind, SelfKind, StmtKind, TypeKind};
use crate::types::Ty;
use rustc_hash::{FxHashMap, FxHashSet};

/// A struct or enum of the program.
#[derive(Clone, Debug, Default)]
pub struct AdtFacts {
    pub generics: Vec<String>,
    /// The types of every field of every variant, as written.
    pub fields: Vec<ast::Type>,
    pub copy: bool,
    /// The struct (named after itself) or each variant: its fields by name (`"0"`, `"1"`
    /// for tuple fields) and written type.
    pub shapes: Vec<(String, Vec<(String, ast::Type)>)>,
    /// How many declarations carry this name (patterns are judged only when one does).
    pub decls: u32,
}

/// One method of an impl: the impl's self type head (`None` for a blanket impl) and how the
/// method takes `self` (`None`: an explicit `self: Type`).
pub type MethodImpl = (Option<String>, Option<SelfKind>);

/// The program's items as the checks see them.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub adts: FxHashMap<String, AdtFacts>,
    /// Names of type aliases, traits and other declared type-like names: never judged.
    pub opaque: FxHashSet<String>,
    /// `unsafe impl Send for T {}` (true) or `impl !Send for T {}` (false).
    pub send_impl: FxHashMap<String, bool>,
    pub sync_impl: FxHashMap<String, bool>,
    /// Free functions declared anywhere in the program, by name.
    pub fns: FxHashSet<String>,
    /// Modules declared in the program, by name (a program `mod thread` shadows std's).
    pub mods: FxHashSet<String>,
    /// Methods by name: the impl's self type head (`None` for a blanket impl over a type
    /// parameter) and the receiver kind (`None`: an explicit `self: Type`).
    pub methods: FxHashMap<String, Vec<MethodImpl>>,
    /// Methods declared in traits, by name: the trait and the receiver kind.
    pub trait_methods: FxHashMap<String, Vec<(String, Option<SelfKind>)>>,
    /// `(type head, trait)` for every `impl Trait for Type`; head `None` for a blanket impl.
    pub trait_impls: Vec<(Option<String>, String)>,
    /// Every function body of the program (free fns, methods, nested fns), in source order.
    pub bodies: Vec<ast::FnDecl>,
}

const MAX_DEPTH: u32 = 24;

impl Facts {
    /// Collects the facts of `items` and of the items nested in function bodies.
    pub fn collect(file: &ast::SourceFile) -> Facts {
        let mut f = Facts::default();
        f.items(&file.items, 0);
        for s in &file.stmts {
            if let StmtKind::Item(it) = &s.kind {
                f.items(std::slice::from_ref(it.as_ref()), 1);
            }
        }
        f
    }

    fn items(&mut self, items: &[ast::Item], depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        for it in items {
            match &it.kind {
                ItemKind::Fn(fd) => {
                    self.fns.insert(fd.name.name.clone());
                    self.body_items(fd, depth);
                    self.bodies.push(fd.clone());
                }
                ItemKind::Struct(s) => {
                    let shape = (s.name.name.clone(), shape_of(&s.fields));
                    self.adt(&s.name.name, &s.generics, vec![shape], it);
                }
                ItemKind::Enum(e) => {
                    let shapes = e.variants.iter().map(|v| (v.name.name.clone(), shape_of(&v.fields))).collect();
                    self.adt(&e.name.name, &e.generics, shapes, it);
                }
                ItemKind::Impl(imp) => self.impl_block(imp, depth),
                ItemKind::Trait(t) => {
                    self.opaque.insert(t.name.name.clone());
                    for m in &t.items {
                        if let ItemKind::Fn(fd) = &m.kind {
                            let kind = receiver_kind(fd);
                            self.trait_methods.entry(fd.name.name.clone()).or_default().push((t.name.name.clone(), kind));
                            if fd.body.is_some() {
                                self.body_items(fd, depth);
                                self.bodies.push(fd.clone());
                            }
                        }
                    }
                }
                ItemKind::TypeAlias(a) => {
                    self.opaque.insert(a.name.name.clone());
                }
                ItemKind::Use(tree) => self.use_tree(tree, &[], 0),
                ItemKind::Mod(m) => {
                    self.mods.insert(m.name.name.clone());
                    if let Some(inner) = &m.items {
                        self.items(inner, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// A name imported from outside std (another crate, another file) is of unknown type.
    fn use_tree(&mut self, t: &ast::UseTree, outer: &[String], depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut path: Vec<String> = outer.to_vec();
        path.extend(t.prefix.iter().map(|i| i.name.clone()));
        let foreign = path.first().is_some_and(|r| !matches!(r.as_str(), "std" | "core" | "alloc"));
        match &t.kind {
            ast::UseTreeKind::Simple { rename } => {
                let name = rename.as_ref().map(|r| r.name.clone()).or_else(|| path.last().cloned());
                if let (true, Some(n)) = (foreign, name) {
                    self.opaque.insert(n);
                }
            }
            ast::UseTreeKind::Glob => {}
            ast::UseTreeKind::Nested(ts) => {
                for x in ts {
                    self.use_tree(x, &path, depth + 1);
                }
            }
        }
    }

    fn adt(&mut self, name: &str, generics: &ast::Generics, shapes: Vec<(String, Vec<(String, ast::Type)>)>, it: &ast::Item) {
        let fields: Vec<ast::Type> = shapes.iter().flat_map(|(_, fs)| fs.iter().map(|(_, t)| t.clone())).collect();
        let gens = generics
            .params
            .iter()
            .filter(|p| matches!(p.kind, ast::GenericParamKind::Type { .. }))
            .map(|p| p.name.name.clone())
            .collect();
        let copy = it.derives().any(|d| d == "Copy" || d.ends_with("::Copy"));
        let e = self.adts.entry(name.to_string()).or_default();
        // Two declarations with one name (in different modules): judged as the more lenient.
        e.copy |= copy;
        e.generics = gens;
        e.fields.extend(fields);
        e.shapes.extend(shapes);
        e.decls += 1;
    }

    fn impl_block(&mut self, imp: &ast::ImplDecl, depth: u32) {
        let params: Vec<&str> = imp.generics.params.iter().map(|p| p.name.name.as_str()).collect();
        let head = match &imp.self_ty.kind {
            TypeKind::Path(p) => {
                let n = p.last().ident.name.clone();
                if params.contains(&n.as_str()) {
                    None
                } else {
                    Some(n)
                }
            }
            TypeKind::Ref { inner, .. } => match &inner.kind {
                TypeKind::Path(p) => Some(format!("&{}", p.last().ident.name)),
                _ => Some("&".into()),
            },
            _ => Some(String::from("<other>")),
        };
        if let Some(tr) = &imp.trait_ {
            let tname = tr.last().ident.name.clone();
            if let Some(h) = &head {
                match tname.as_str() {
                    "Copy" => {
                        if let Some(a) = self.adts.get_mut(h) {
                            a.copy = true;
                        } else {
                            self.adts.entry(h.clone()).or_default().copy = true;
                        }
                    }
                    "Send" => {
                        self.send_impl.insert(h.clone(), !imp.negative);
                    }
                    "Sync" => {
                        self.sync_impl.insert(h.clone(), !imp.negative);
                    }
                    _ => {}
                }
            }
            self.trait_impls.push((head.clone(), tname));
        }
        for m in &imp.items {
            if let ItemKind::Fn(fd) = &m.kind {
                self.methods.entry(fd.name.name.clone()).or_default().push((head.clone(), receiver_kind(fd)));
                if fd.body.is_some() {
                    self.body_items(fd, depth);
                    self.bodies.push(fd.clone());
                }
            }
        }
    }

    /// Items declared at statement level in a function body (recursively in nested blocks).
    fn body_items(&mut self, fd: &ast::FnDecl, depth: u32) {
        if let Some(b) = &fd.body {
            self.block_items(b, depth + 1);
        }
    }

    fn block_items(&mut self, b: &ast::Block, depth: u32) {
        if depth > MAX_DEPTH {
            return;
        }
        for s in &b.stmts {
            match &s.kind {
                StmtKind::Item(it) => self.items(std::slice::from_ref(it.as_ref()), depth + 1),
                StmtKind::Expr(e, _) | StmtKind::Let { init: Some(e), .. } => {
                    if let ast::ExprKind::Block(inner) = &e.kind {
                        self.block_items(inner, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// Certainly not `Copy`: moving a value of this type leaves its place unusable. Unknown
    /// types, generic parameters, references and closures answer `false`.
    pub fn is_move(&self, ty: &Ty) -> bool {
        self.is_move_in(ty, 0)
    }

    fn is_move_in(&self, ty: &Ty, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let d = depth + 1;
        match ty {
            Ty::String => true,
            Ty::Tuple(ts) => ts.iter().any(|t| self.is_move_in(t, d)),
            Ty::Array(t, _) => self.is_move_in(t, d),
            Ty::Named(n, args) => {
                if let Some(a) = self.adts.get(n) {
                    return !a.copy;
                }
                if self.opaque.contains(n) {
                    return false;
                }
                match n.as_str() {
                    "Option" | "Result" => args.iter().any(|t| self.is_move_in(t, d)),
                    _ => std_move_type(n),
                }
            }
            _ => false,
        }
    }

    /// Certainly `Copy` (so a by-value use copies it).
    pub fn is_copy(&self, ty: &Ty) -> bool {
        self.is_copy_in(ty, 0)
    }

    fn is_copy_in(&self, ty: &Ty, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let d = depth + 1;
        match ty {
            Ty::Unit | Ty::Bool | Ty::Char | Ty::Int(_) | Ty::Float(_) | Ty::Never => true,
            Ty::Ref { mutable: false, .. } => true,
            Ty::Tuple(ts) => ts.iter().all(|t| self.is_copy_in(t, d)),
            Ty::Array(t, _) => self.is_copy_in(t, d),
            Ty::Named(n, args) => {
                if let Some(a) = self.adts.get(n) {
                    return a.copy && args.iter().all(|t| self.is_copy_in(t, d));
                }
                if self.opaque.contains(n) {
                    return false;
                }
                match n.as_str() {
                    "Option" => args.iter().all(|t| self.is_copy_in(t, d)),
                    "Duration" | "Instant" | "Ordering" | "ThreadId" | "RangeFull" => args.is_empty(),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Calling `method` on an owned receiver of type `ty` certainly consumes the receiver
    /// (the method takes `self` by value).
    pub fn consumes(&self, ty: &Ty, method: &str) -> bool {
        let Ty::Named(head, _) = ty else {
            return matches!(ty, Ty::String | Ty::Array(..)) && self.std_consumes(ty, method);
        };
        if self.adts.contains_key(head) {
            return self.user_consumes(head, method);
        }
        // A program method of that name on a std type: judged by its receivers only when
        // std has no method of that name.
        if self.methods.contains_key(method) && !self.std_consumes(ty, method) {
            return false;
        }
        self.std_consumes(ty, method)
    }

    fn user_consumes(&self, head: &str, method: &str) -> bool {
        let mut kinds: Vec<Option<SelfKind>> = Vec::new();
        for (h, k) in self.methods.get(method).into_iter().flatten() {
            if h.as_deref().is_none_or(|h| h == head) {
                kinds.push(*k);
            }
        }
        for (tr, k) in self.trait_methods.get(method).into_iter().flatten() {
            let implemented = self.trait_impls.iter().any(|(h, t)| t == tr && h.as_deref().is_none_or(|h| h == head));
            if implemented {
                kinds.push(*k);
            }
        }
        if kinds.is_empty() {
            // `into`/`into_iter` through std's blanket impls.
            return matches!(method, "into" | "try_into");
        }
        kinds.iter().all(|k| *k == Some(SelfKind::Value))
    }

    fn std_consumes(&self, ty: &Ty, method: &str) -> bool {
        if matches!(method, "into" | "try_into" | "into_iter") {
            return true;
        }
        let head = match ty {
            Ty::Named(h, _) => h.as_str(),
            Ty::String => "String",
            _ => "",
        };
        let list: &[&str] = match head {
            "Option" => &[
                "unwrap", "expect", "unwrap_or", "unwrap_or_default", "unwrap_or_else", "and", "or", "xor", "ok_or",
                "ok_or_else", "zip", "unzip", "flatten", "transpose", "map", "map_or", "map_or_else", "and_then",
                "or_else", "filter", "is_some_and", "is_none_or", "inspect", "unwrap_unchecked",
            ],
            "Result" => &[
                "unwrap", "expect", "unwrap_err", "expect_err", "unwrap_or", "unwrap_or_default", "unwrap_or_else",
                "and", "or", "ok", "err", "map", "map_err", "map_or", "map_or_else", "and_then", "or_else",
                "transpose", "flatten", "is_ok_and", "is_err_and", "inspect", "inspect_err",
            ],
            "String" => &["into_bytes", "into_boxed_str"],
            "Vec" => &["into_boxed_slice"],
            "BinaryHeap" => &["into_vec", "into_sorted_vec"],
            "HashMap" | "BTreeMap" => &["into_keys", "into_values"],
            "Cell" | "RefCell" | "Mutex" | "RwLock" | "OnceLock" | "OnceCell" => &["into_inner"],
            "JoinHandle" | "ScopedJoinHandle" => &["join"],
            h if h.starts_with("Atomic") => &["into_inner"],
            _ => &[],
        };
        list.contains(&method)
    }

    /// The type of a written field type with the ADT's generic parameters replaced by `args`.
    /// Raw pointers become `Named("*const" | "*mut", [T])`; what cannot be told is `Infer`.
    pub fn field_ty(&self, t: &ast::Type, generics: &[String], args: &[Ty], depth: u32) -> Ty {
        if depth > MAX_DEPTH {
            return Ty::Infer;
        }
        let d = depth + 1;
        match &t.kind {
            TypeKind::Path(p) => {
                let last = p.last();
                let name = last.ident.name.as_str();
                if p.segments.len() == 1 && last.generics.is_none() {
                    if let Some(i) = generics.iter().position(|g| g == name) {
                        return args.get(i).cloned().unwrap_or(Ty::Infer);
                    }
                    if let Some(prim) = prim(name) {
                        return prim;
                    }
                }
                let targs: Vec<Ty> = last.generics.iter().flatten().map(|g| self.field_ty(g, generics, args, d)).collect();
                match name {
                    "String" => Ty::String,
                    "str" => Ty::Str,
                    "Self" => Ty::Infer,
                    _ => Ty::Named(name.to_string(), targs),
                }
            }
            TypeKind::Ref { mutable, inner } => Ty::Ref { mutable: *mutable, inner: Box::new(self.field_ty(inner, generics, args, d)) },
            TypeKind::Ptr { mutable, inner } => {
                Ty::Named(if *mutable { "*mut" } else { "*const" }.into(), vec![self.field_ty(inner, generics, args, d)])
            }
            TypeKind::Tuple(ts) if ts.is_empty() => Ty::Unit,
            TypeKind::Tuple(ts) => Ty::Tuple(ts.iter().map(|x| self.field_ty(x, generics, args, d)).collect()),
            TypeKind::Array(x, _) => Ty::Array(Box::new(self.field_ty(x, generics, args, d)), None),
            TypeKind::Slice(x) => Ty::Slice(Box::new(self.field_ty(x, generics, args, d))),
            TypeKind::Fn { .. } => Ty::Named("fn".into(), Vec::new()),
            TypeKind::Never => Ty::Never,
            TypeKind::ImplTrait(_) | TypeKind::DynTrait(_) | TypeKind::Infer => Ty::Infer,
        }
    }
}

fn shape_of(fields: &ast::Fields) -> Vec<(String, ast::Type)> {
    match fields {
        ast::Fields::Named(fs) | ast::Fields::Tuple(fs) => fs.iter().map(|f| (f.name.name.clone(), f.ty.clone())).collect(),
        ast::Fields::Unit => Vec::new(),
    }
}

fn prim(name: &str) -> Option<Ty> {
    if let Some(i) = crate::value::IntTy::from_name(name) {
        return Some(Ty::Int(i));
    }
    Some(match name {
        "f64" => Ty::Float(crate::value::FloatTy::F64),
        "f32" => Ty::Float(crate::value::FloatTy::F32),
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        _ => return None,
    })
}

/// How a method takes `self`: `None` when it names an explicit type other than `Self`/`Box<Self>`.
fn receiver_kind(fd: &ast::FnDecl) -> Option<SelfKind> {
    let sp = fd.self_param.as_ref()?;
    match &sp.ty {
        None => Some(sp.kind),
        Some(t) => match &t.kind {
            TypeKind::Path(p) if p.last().ident.name == "Self" => Some(SelfKind::Value),
            TypeKind::Path(p) if p.last().ident.name == "Box" => Some(SelfKind::Value),
            TypeKind::Ref { mutable: false, .. } => Some(SelfKind::Ref),
            TypeKind::Ref { mutable: true, .. } => Some(SelfKind::RefMut),
            _ => None,
        },
    }
}

/// Std types that are certainly not `Copy`.
fn std_move_type(name: &str) -> bool {
    matches!(
        name,
        "Vec"
            | "HashMap"
            | "HashSet"
            | "BTreeMap"
            | "BTreeSet"
            | "VecDeque"
            | "BinaryHeap"
            | "LinkedList"
            | "Box"
            | "Rc"
            | "Arc"
            | "Weak"
            | "Cell"
            | "RefCell"
            | "Mutex"
            | "RwLock"
            | "Condvar"
            | "Barrier"
            | "MutexGuard"
            | "RwLockReadGuard"
            | "RwLockWriteGuard"
            | "Ref"
            | "RefMut"
            | "Sender"
            | "SyncSender"
            | "Receiver"
            | "JoinHandle"
            | "ScopedJoinHandle"
            | "OnceLock"
            | "OnceCell"
            | "Range"
            | "RangeInclusive"
            | "RangeFrom"
            | "PathBuf"
            | "OsString"
            | "File"
    ) || (name.starts_with("Atomic") && name.len() > 6)
}

/// `ty` as rustc writes it in borrow and trait errors (`std::sync::Mutex<i32>`,
/// `std::sync::MutexGuard<'_, i32>`, `Vec<String>`).
pub fn rust_name(ty: &Ty) -> String {
    let mut s = String::new();
    write_name(&mut s, ty, false, 0);
    s
}

fn write_list(s: &mut String, tys: &[Ty], depth: u32) {
    for (i, t) in tys.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        write_name(s, t, false, depth);
    }
}

fn write_name(s: &mut String, ty: &Ty, in_box: bool, depth: u32) {
    if depth > MAX_DEPTH {
        s.push('_');
        return;
    }
    let d = depth + 1;
    match ty {
        Ty::Named(n, args) if n == "*const" || n == "*mut" => {
            s.push_str(n);
            s.push(' ');
            match args.first() {
                Some(t) => write_name(s, t, false, d),
                None => s.push('_'),
            }
        }
        Ty::Named(n, args) => {
            let (path, lifetime) = match n.as_str() {
                "Mutex" => ("std::sync::Mutex", false),
                "RwLock" => ("std::sync::RwLock", false),
                "Condvar" => ("std::sync::Condvar", false),
                "MutexGuard" => ("std::sync::MutexGuard", true),
                "RwLockReadGuard" => ("std::sync::RwLockReadGuard", true),
                "RwLockWriteGuard" => ("std::sync::RwLockWriteGuard", true),
                "Sender" => ("std::sync::mpsc::Sender", false),
                "Receiver" => ("std::sync::mpsc::Receiver", false),
                "Range" => ("std::ops::Range", false),
                "RangeInclusive" => ("std::ops::RangeInclusive", false),
                "Ref" => ("Ref", true),
                "RefMut" => ("RefMut", true),
                "Iterator" => {
                    s.push_str(&ty.to_string());
                    return;
                }
                other => (other, false),
            };
            s.push_str(path);
            if !args.is_empty() || lifetime {
                s.push('<');
                if lifetime {
                    s.push_str("'_");
                    if !args.is_empty() {
                        s.push_str(", ");
                    }
                }
                if n == "Box" {
                    for (i, t) in args.iter().enumerate() {
                        if i > 0 {
                            s.push_str(", ");
                        }
                        write_name(s, t, true, d);
                    }
                } else {
                    write_list(s, args, d);
                }
                s.push('>');
            }
        }
        Ty::Tuple(ts) => {
            s.push('(');
            write_list(s, ts, d);
            if ts.len() == 1 {
                s.push(',');
            }
            s.push(')');
        }
        Ty::Array(t, n) => {
            s.push('[');
            write_name(s, t, false, d);
            match n {
                Some(n) => s.push_str(&format!("; {n}]")),
                None => s.push_str("; _]"),
            }
        }
        Ty::Slice(t) => {
            s.push('[');
            write_name(s, t, false, d);
            s.push(']');
        }
        Ty::Ref { mutable, inner } => {
            s.push_str(if *mutable { "&mut " } else { "&" });
            write_name(s, inner, false, d);
        }
        // Inference writes `dyn Fn(A) -> R` and closures alike; behind a `Box` it is the former.
        Ty::Fn(ps, r) if in_box => {
            s.push_str("dyn Fn(");
            write_list(s, ps, d);
            s.push(')');
            if **r != Ty::Unit {
                s.push_str(" -> ");
                write_name(s, r, false, d);
            }
        }
        other => s.push_str(&other.to_string()),
    }
}
