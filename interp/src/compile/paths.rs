//! Paths to items: resolving a path of names through the module tree and `use`s (the
//! current module outwards, re-exports, std paths) to an item, a constructor or a unit
//! pattern; and a path read as a value (`path_value`).

use super::items::Item;
use super::Compiler;
use crate::ast::{Path, Span};
use crate::types::Ty;
use crate::value::{Callable, Value};
use crate::vm::bytecode::{Instr, Reg, SiteKind};
use std::sync::Arc;

pub(crate) fn path_string(p: &Path) -> String {
    p.segments.iter().map(|s| s.ident.name.as_str()).collect::<Vec<_>>().join("::")
}

impl Compiler {
    /// Resolve a path of names to an item, from the current module outwards.
    pub(crate) fn resolve_item_str(&self, segs: &[String]) -> Option<Item> {
        let mut segs: Vec<String> = segs.to_vec();
        if segs.first().map(String::as_str) == Some("Self") {
            if let Some(s) = &self.self_ty {
                segs[0] = s.clone();
            }
        }
        // The std enums the prelude defines at its root, named by their full std path
        // (`std::cmp::Ordering::Less`, `core::option::Option::Some`): the root item.
        if let [krate, module, ty, ..] = segs.as_slice() {
            if matches!(krate.as_str(), "std" | "core" | "alloc")
                && matches!((module.as_str(), ty.as_str()), ("option", "Option") | ("result", "Result") | ("cmp", "Ordering"))
            {
                segs.drain(..2);
            }
        }
        while matches!(segs.first().map(String::as_str), Some("crate" | "self")) && segs.len() > 1 {
            segs.remove(0);
        }
        let mut module = self.module.clone();
        while segs.first().map(String::as_str) == Some("super") && segs.len() > 1 {
            segs.remove(0);
            module = match module.rfind("::") {
                Some(i) => module[..i].to_string(),
                None => String::new(),
            };
        }
        let joined = segs.join("::");
        // Module chain.
        let mut m = module.clone();
        loop {
            // `use` in this module for the first segment. Before the module's items: a
            // program's `use tokio::spawn;` must win over the prelude's root `spawn` (the
            // seed's thread spawn), as an import shadows Rust's prelude; between a program's
            // own items and its `use`s there is no conflict rustc accepts.
            if let Some(target) = self.uses.get(&(m.clone(), segs[0].clone())) {
                let mut t: Vec<String> = target.split("::").map(String::from).collect();
                t.extend(segs[1..].iter().cloned());
                let tj = t.join("::");
                if let Some(it) = self.items.get(&tj) {
                    return Some(it.clone());
                }
            }
            let full = super::items::join(&m, &joined);
            if let Some(it) = self.items.get(&full) {
                return Some(it.clone());
            }
            if let Some(globs) = self.globs.get(&m) {
                for g in globs {
                    let full = super::items::join(g, &joined);
                    if let Some(it) = self.items.get(&full) {
                        return Some(it.clone());
                    }
                }
            }
            if m.is_empty() {
                break;
            }
            m = match m.rfind("::") {
                Some(i) => m[..i].to_string(),
                None => String::new(),
            };
        }
        // Paths through modules' `use` declarations (`outer::reexported`, glob re-exports).
        let mut m = module;
        loop {
            if let Some(it) = self.resolve_through_uses(&super::items::join(&m, &joined), 0) {
                return Some(it);
            }
            if m.is_empty() {
                break;
            }
            m = match m.rfind("::") {
                Some(i) => m[..i].to_string(),
                None => String::new(),
            };
        }
        // `Type::method` of a type alias.
        if segs.len() >= 2 {
            if let Some(Item::Alias(t)) = self.items.get(&segs[0]) {
                if let Some(n) = super::items::type_name(t) {
                    let mut s2 = segs.clone();
                    s2[0] = n;
                    if s2 != segs {
                        return self.resolve_item_str(&s2);
                    }
                }
            }
        }
        None
    }

    /// An absolute item path whose segments may pass through `use` declarations of the modules
    /// on the way (`a::b::c` where `a` has `pub use x::y as b;` or `pub use x::*;`).
    fn resolve_through_uses(&self, full: &str, depth: u32) -> Option<Item> {
        if let Some(it) = self.items.get(full) {
            return Some(it.clone());
        }
        if depth > 8 {
            return None;
        }
        let segs: Vec<&str> = full.split("::").collect();
        for i in 0..segs.len() {
            let module = segs[..i].join("::");
            if i > 0 && !matches!(self.items.get(&module), Some(Item::Mod)) {
                break;
            }
            let rest = &segs[i + 1..];
            let with_rest = |base: String, rest: &[&str]| rest.iter().fold(base, |acc, r| format!("{acc}::{r}"));
            if let Some(target) = self.uses.get(&(module.clone(), segs[i].to_string())) {
                // A `use` target is relative to its module (2018 uniform paths) or absolute.
                for base in [super::items::join(&module, target), target.clone()] {
                    if let Some(it) = self.resolve_through_uses(&with_rest(base, rest), depth + 1) {
                        return Some(it);
                    }
                }
            }
            if let Some(globs) = self.globs.get(&module) {
                for g in globs {
                    for base in [super::items::join(&module, g), g.clone()] {
                        if let Some(it) = self.resolve_through_uses(&with_rest(base, &segs[i..]), depth + 1) {
                            return Some(it);
                        }
                    }
                }
            }
        }
        None
    }

    /// The std path a `use` maps a name to (`HashMap` -> `std::collections::HashMap`).
    pub(crate) fn std_path(&self, p: &Path) -> String {
        let segs: Vec<String> = p.segments.iter().map(|s| s.ident.name.clone()).collect();
        let mut m = self.module.clone();
        loop {
            if let Some(t) = self.uses.get(&(m.clone(), segs[0].clone())) {
                let mut out = t.clone();
                for s in &segs[1..] {
                    out.push_str("::");
                    out.push_str(s);
                }
                return out;
            }
            if m.is_empty() {
                break;
            }
            m = match m.rfind("::") {
                Some(i) => m[..i].to_string(),
                None => String::new(),
            };
        }
        segs.join("::")
    }

    pub(crate) fn resolve_item(&self, p: &Path) -> Option<Item> {
        let segs: Vec<String> = p.segments.iter().map(|s| s.ident.name.clone()).collect();
        // `<T as Trait>::name`: the item of Trait's impl for T, before T's inherent one.
        if let Some(tr) = p.qself.as_ref().and_then(|q| q.trait_.as_ref()) {
            if let [ty @ .., name] = segs.as_slice() {
                if !ty.is_empty() {
                    let mut q = ty.to_vec();
                    q.push(format!("<as {}>", tr.last().ident.name));
                    q.push(name.clone());
                    if let Some(it) = self.resolve_item_str(&q) {
                        return Some(it);
                    }
                }
            }
        }
        self.resolve_item_str(&segs)
    }

    pub(crate) fn resolve_ctor(&self, p: &Path) -> Option<(u32, u32)> {
        match self.resolve_item(p)? {
            Item::Adt(a) => Some((a, 0)),
            Item::Variant(a, v) => Some((a, v)),
            Item::Alias(t) => {
                let n = super::items::type_name(&t)?;
                match self.resolve_item_str(&[n])? {
                    Item::Adt(a) => Some((a, 0)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A single identifier in a pattern that names a unit variant, unit struct or const.
    pub(crate) fn resolves_to_unit_pattern(&self, name: &str) -> Option<Item> {
        match self.resolve_item_str(&[name.to_string()])? {
            it @ Item::Variant(..) | it @ Item::Const(..) => Some(it),
            it @ Item::Adt(a) => {
                let def = self.prog.adts.get(a as usize)?;
                (!def.is_enum && def.variants.first().is_some_and(|v| v.fields.is_empty())).then_some(it)
            }
            _ => None,
        }
    }
}

impl Compiler {
    /// A path read as a value: a local, a REPL variable, a function (its value), a const (its
    /// value, computed here), a static, a unit variant or struct (built), a tuple variant or
    /// struct (its constructor function), a std constant or function, `T::CONST` and
    /// `Self::CONST` (dispatched at run time), a method shim for `Type::method`.
    pub(crate) fn path_value(&mut self, p: &Path, dst: Reg, span: Span, expect: Option<&Ty>) {
        if let Some(name) = p.as_ident() {
            if let Some(l) = self.cx().lookup(name).cloned() {
                self.read_local(&l, dst, span);
                return;
            }
            if let Some(v) = self.repl_vars.get(name).cloned() {
                // A by-value read moves, as `read_local`'s `Take` does.
                let idx = v.global as u16;
                self.emit(if self.prog.needs_drop_walk { Instr::TakeGlobal { dst, idx } } else { Instr::GetGlobal { dst, idx } }, span);
                return;
            }
        }
        match self.resolve_item(p) {
            Some(Item::Fn(f)) => {
                self.load_value(Value::Unit, dst, span);
                let k = self.cx().add_const(Value::Func(Arc::new(Callable::Function(f))));
                self.emit(Instr::LoadConst { dst, k }, span);
            }
            Some(Item::Const(e, ty)) => {
                let t = ty.map(|t| super::lits::ast_to_ty(&t, self.self_ty.as_deref()));
                let saved = self.info.take();
                // `Type::CONST`: `Self` in its value is that type (a trait's default value,
                // `const HALF: u32 = Self::MAX / 2`, read as `A::HALF`).
                let owner = match p.segments.as_slice() {
                    [ty, _] if ty.ident.name != "Self" && ty.ident.name.starts_with(|c: char| c.is_ascii_uppercase()) => Some(ty.ident.name.clone()),
                    _ => None,
                };
                let saved_self = match owner {
                    Some(o) => Some(self.self_ty.replace(o)),
                    None => None,
                };
                self.expr_to(&e, dst, t.as_ref().or(expect));
                if let Some(s) = saved_self {
                    self.self_ty = s;
                }
                self.info = saved;
            }
            Some(Item::Static(g)) => {
                self.emit(Instr::GetGlobal { dst, idx: g as u16 }, span);
                self.force_lazy_static(g, dst, span);
            }
            Some(Item::Variant(a, v)) => {
                let nf = self.prog.adts.get(a as usize).and_then(|d| d.variants.get(v as usize)).map_or(0, |v| v.fields.len());
                if nf == 0 {
                    let ctor = self.add_ctor(a, v, 0);
                    self.emit(Instr::MakeAdt { dst, start: dst, ctor }, span);
                } else {
                    let f = self.ctor_fn(a, v, nf);
                    let k = self.cx().add_const(Value::Func(Arc::new(Callable::Function(f))));
                    self.emit(Instr::LoadConst { dst, k }, span);
                }
            }
            Some(Item::Adt(a)) => {
                let nf = self.prog.adts.get(a as usize).and_then(|d| d.variants.first()).map_or(0, |v| v.fields.len());
                if nf == 0 {
                    let ctor = self.add_ctor(a, 0, 0);
                    self.emit(Instr::MakeAdt { dst, start: dst, ctor }, span);
                } else {
                    let f = self.ctor_fn(a, 0, nf);
                    let k = self.cx().add_const(Value::Func(Arc::new(Callable::Function(f))));
                    self.emit(Instr::LoadConst { dst, k }, span);
                }
            }
            _ => {
                let sp = self.std_path(p);
                if let Some(v) = crate::builtins::constant(&sp) {
                    self.load_value(v, dst, span);
                    return;
                }
                if let Some(n) = crate::builtins::function(&sp) {
                    let k = self.cx().add_const(Value::Func(Arc::new(Callable::Native(n))));
                    self.emit(Instr::LoadConst { dst, k }, span);
                    return;
                }
                // `T::CONST` with `T` a type parameter of this function or its impl: the
                // const of the type the frame's type arguments give `T` (`Instr::ParamCall` of
                // the const's method, whose one argument is ignored).
                if p.segments.len() == 2 && self.cx().generics.iter().any(|g| *g == p.segments[0].ident.name) {
                    let last = &p.last().ident.name;
                    if !last.chars().any(|c| c.is_lowercase()) {
                        let start = self.cx().alloc();
                        self.load_unit(start, span);
                        let name = format!("<const {last}>");
                        let sym = self.prog.symbols.intern(&name);
                        let site_name = format!("{}::{name}", p.segments[0].ident.name);
                        let site = self.add_site(SiteKind::Method { sym, name: site_name.as_str().into() }, 0);
                        self.emit(Instr::ParamCall { dst, site, args: start, nargs: 1 }, span);
                        return;
                    }
                }
                // `Self::CONST` in a trait's default method: dispatched on `self`'s type.
                if p.segments.len() == 2 && p.segments[0].ident.name == "Self" && self.self_ty.is_none() {
                    if let Some(l) = self.cx().lookup("self").cloned() {
                        let start = self.cx().alloc();
                        self.emit(Instr::Mov { dst: start, src: l.reg }, span);
                        let name = format!("<const {}>", p.last().ident.name);
                        let sym = self.prog.symbols.intern(&name);
                        let site = self.add_site(SiteKind::Method { sym, name: name.as_str().into() }, 0);
                        self.emit(Instr::CallSite { dst, site, args: start, nargs: 1 }, span);
                        return;
                    }
                }
                if self.unknown_member(p, dst, span) {
                    return;
                }
                // `Trait::method` / `Type::method` as a value: a method-dispatching shim.
                if p.segments.len() >= 2 {
                    let m = p.last().ident.name.clone();
                    let f = self.method_shim(&m);
                    let k = self.cx().add_const(Value::Func(Arc::new(Callable::Function(f))));
                    self.emit(Instr::LoadConst { dst, k }, span);
                    return;
                }
                self.not_found(p, p.span, "value", "E0425");
                self.load_unit(dst, span);
            }
        }
    }
}
