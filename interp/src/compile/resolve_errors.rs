//! Resolution errors the compiler reports in rustc's words where teras would otherwise run on
//! (the VM dispatches dynamically, so these are checks, not needed for code generation):
//! - `Enum::Name` naming no variant or associated item of a program's enum (E0599);
//! - an unknown type name in a function signature or a struct/enum field (`cannot find type`);
//! - an unknown value or function name (E0425, with a similar name as help), and
//!   `Type::nope` naming nothing of a program's type (E0599).
//!
//! Every check errs on the side of accepting: a name it cannot account for is only reported
//! when nothing (items, `use`s, glob imports, generics, std prelude names) could provide it.

use super::items::Item;
use super::Compiler;
use crate::ast::{self, ItemKind, Path, Span, Type, TypeKind};
use crate::diag::Diagnostic;

/// Type names usable without a `use` in Rust (primitives, the std prelude, and traits of
/// `dyn`/`impl` types), plus the std names teras's own prelude provides.
const PRELUDE_TYPES: &[&str] = &[
    "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool",
    "char", "str", "String", "Vec", "Box", "Option", "Result", "Self", "Fn", "FnMut", "FnOnce", "Iterator",
    "IntoIterator", "DoubleEndedIterator", "ExactSizeIterator", "Extend", "FromIterator", "Clone", "Copy", "Send",
    "Sync", "Sized", "Unpin", "ToString", "ToOwned", "Drop", "PartialEq", "Eq", "PartialOrd", "Ord", "AsRef",
    "AsMut", "Into", "From", "TryFrom", "TryInto", "Default", "Debug", "Hash",
];

/// Where an unknown std type lives, for the `use` suggestion.
fn std_home(name: &str) -> Option<&'static str> {
    Some(match name {
        "HashMap" | "HashSet" | "BTreeMap" | "BTreeSet" | "VecDeque" | "BinaryHeap" | "LinkedList" => "std::collections",
        "Rc" | "Weak" => "std::rc",
        "Cell" | "RefCell" => "std::cell",
        "Arc" | "Mutex" | "RwLock" => "std::sync",
        "Duration" | "Instant" => "std::time",
        "Ordering" => "std::cmp",
        "Formatter" | "Display" => "std::fmt",
        "PhantomData" => "std::marker",
        _ => return None,
    })
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

impl Compiler {
    /// `unknown_variant` or else `unknown_assoc` of path `p` (a value or a call's callee): when
    /// one reported its error, `dst` gets `()` and the answer is true.
    pub(crate) fn unknown_member(&mut self, p: &Path, dst: crate::vm::bytecode::Reg, span: Span) -> bool {
        let unknown = self.unknown_variant(p) || self.unknown_assoc(p);
        if unknown {
            self.load_unit(dst, span);
        }
        unknown
    }

    /// `Enum::Name` (a value or a call) where `Enum` is an enum and `Name` is neither one of its
    /// variants nor plausibly an associated item: reports E0599 and returns true.
    pub(crate) fn unknown_variant(&mut self, p: &Path) -> bool {
        let n = p.segments.len();
        if n < 2 || self.in_prelude {
            return false;
        }
        let last = &p.segments[n - 1].ident;
        let name = last.name.as_str();
        let upper = name.chars().next().is_some_and(char::is_uppercase);
        // `E::CONST` may be a trait's associated const with a default: not reported.
        let screaming = name.chars().count() > 1 && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '_');
        if !upper || screaming || self.traits.values().any(|t| t.methods.iter().any(|m| m == name)) {
            return false;
        }
        let segs: Vec<String> = p.segments[..n - 1].iter().map(|s| s.ident.name.clone()).collect();
        let Some(Item::Adt(a)) = self.resolve_item_str(&segs) else { return false };
        let Some(def) = self.prog.adts.get(a as usize).cloned() else { return false };
        if !def.is_enum || def.variants.iter().any(|v| v.name == name) || !self.declared_here("enum", &def.name) {
            return false;
        }
        let mut d = Diagnostic::error(
            format!("no variant or associated item named `{name}` found for enum `{}` in the current scope", def.name),
            last.span,
            format!("variant or associated item not found in `{}`", def.name),
        )
        .with_code("E0599");
        let similar = def
            .variants
            .iter()
            .map(|v| (levenshtein(&v.name, name), &v.name))
            .filter(|(dist, _)| *dist <= (name.len() / 3).max(1))
            .min_by_key(|(dist, _)| *dist);
        d = match similar {
            Some((_, v)) => d.with_help(format!("there is a variant with a similar name: `{v}`")),
            None => {
                let all: Vec<String> = def.variants.iter().map(|v| format!("`{}`", v.name)).collect();
                d.with_help(format!("the variants of `{}` are: {}", def.name, all.join(", ")))
            }
        };
        self.error(d);
        true
    }

    /// The source being compiled declares `kind name` (a program type, not a std one from the
    /// prelude or one `use` brought in under the same name).
    fn declared_here(&self, kind: &str, name: &str) -> bool {
        let pat = format!("{kind} {name}");
        self.source.text.match_indices(&pat).any(|(i, _)| {
            let after = self.source.text[i + pat.len()..].chars().next();
            !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    }

    /// Report unknown type names in the signatures and fields of `items` (recursively in
    /// modules, impls and traits).
    pub(crate) fn check_signature_types(&mut self, items: &[ast::Item]) {
        if self.in_prelude {
            return;
        }
        // A glob import of something that is not a module of the program may bring any name.
        let foreign_glob = self.globs.values().flatten().any(|m| !matches!(self.items.get(m), Some(Item::Mod)));
        if foreign_glob {
            return;
        }
        let mut generics: Vec<String> = Vec::new();
        self.sig_items(items, &mut generics);
    }

    fn sig_items(&mut self, items: &[ast::Item], generics: &mut Vec<String>) {
        for item in items {
            let mark = generics.len();
            match &item.kind {
                ItemKind::Fn(f) => self.sig_fn(f, generics),
                ItemKind::Struct(s) => {
                    push_generics(&s.generics, generics);
                    match &s.fields {
                        ast::Fields::Named(fs) => fs.iter().for_each(|f| self.sig_type(&f.ty, generics)),
                        ast::Fields::Tuple(fs) => fs.iter().for_each(|f| self.sig_type(&f.ty, generics)),
                        ast::Fields::Unit => {}
                    }
                }
                ItemKind::Impl(i) => {
                    push_generics(&i.generics, generics);
                    self.sig_items(&i.items, generics);
                }
                ItemKind::Trait(t) => {
                    push_generics(&t.generics, generics);
                    self.sig_items(&t.items, generics);
                }
                ItemKind::Mod(m) => {
                    if let Some(inner) = &m.items {
                        self.sig_items(inner, generics);
                    }
                }
                _ => {}
            }
            generics.truncate(mark);
        }
    }

    fn sig_fn(&mut self, f: &ast::FnDecl, generics: &mut Vec<String>) {
        let mark = generics.len();
        push_generics(&f.generics, generics);
        for p in &f.params {
            self.sig_type(&p.ty, generics);
        }
        if let Some(r) = &f.ret {
            self.sig_type(r, generics);
        }
        generics.truncate(mark);
    }

    fn sig_type(&mut self, t: &Type, generics: &[String]) {
        match &t.kind {
            TypeKind::Path(p) => {
                for s in &p.segments {
                    for g in s.generics.iter().flatten() {
                        self.sig_type(g, generics);
                    }
                }
                if let Some(name) = p.as_ident() {
                    if !self.type_name_known(name, generics) {
                        self.unknown_type(name, &p.segments[0].ident);
                    }
                }
            }
            TypeKind::Ref { inner, .. } | TypeKind::Ptr { inner, .. } | TypeKind::Slice(inner) | TypeKind::Array(inner, _) => {
                self.sig_type(inner, generics);
            }
            TypeKind::Tuple(ts) => ts.iter().for_each(|x| self.sig_type(x, generics)),
            TypeKind::Fn { params, ret } => {
                params.iter().for_each(|x| self.sig_type(x, generics));
                if let Some(r) = ret {
                    self.sig_type(r, generics);
                }
            }
            TypeKind::ImplTrait(_) | TypeKind::DynTrait(_) | TypeKind::Infer | TypeKind::Never => {}
        }
    }

    fn type_name_known(&self, name: &str, generics: &[String]) -> bool {
        generics.iter().any(|g| g == name)
            || PRELUDE_TYPES.contains(&name)
            || self.prog.type_ids.contains_key(name)
            || self.items.keys().any(|k| k == name || k.rsplit("::").next() == Some(name))
            || self.uses.keys().any(|(_, n)| n == name)
            || self.traits.contains_key(name)
    }

    fn unknown_type(&mut self, name: &str, at: &ast::Ident) {
        let msg = format!("cannot find type `{name}` in this scope");
        // Already reported (by the item collector's own check) at this place: once is enough.
        if self.diags.iter().any(|d| d.message == msg && d.span.lo <= at.span.lo && at.span.lo < d.span.hi.max(d.span.lo + 1)) {
            return;
        }
        let mut d = Diagnostic::error(msg, at.span, "not found in this scope")
            .with_code("E0425");
        if let Some(home) = std_home(name) {
            d = d.with_help(format!("consider importing it: `use {home}::{name};`"));
        } else {
            let similar = self
                .prog
                .adts
                .iter()
                .map(|a| (levenshtein(&a.name, name), a.name.clone()))
                .filter(|(dist, _)| *dist <= (name.len() / 3).max(1))
                .min_by_key(|(dist, _)| *dist);
            d = match similar {
                Some((_, n)) => d.with_help(format!("a type with a similar name exists: `{n}`")),
                None => d.with_help(format!("declare a struct or enum named `{name}`, or import it with `use`")),
            };
        }
        self.error(d);
    }
}

impl Compiler {
    /// `cannot find value/function `name` in this scope` (E0425), with a similar local or
    /// item name as help when there is one.
    pub(super) fn not_found(&mut self, p: &Path, span: Span, what: &str, code: &'static str) {
        let name = super::call::path_string(p);
        let mut d = Diagnostic::error(format!("cannot find {what} `{name}` in this scope"), span, "not found in this scope").with_code(code);
        if p.segments.len() == 1 {
            let mut best: Option<(usize, String, &str)> = None;
            let locals = self.cx().visible_names();
            for n in locals.iter() {
                let dist = levenshtein(n, &name);
                if dist <= (name.len() / 3).max(1) && best.as_ref().is_none_or(|b| dist < b.0) {
                    best = Some((dist, n.clone(), "a local variable"));
                }
            }
            if best.is_none() {
                for k in self.items.keys() {
                    if k.contains("::") || k.starts_with('<') {
                        continue;
                    }
                    let dist = levenshtein(k, &name);
                    if dist <= (name.len() / 3).max(1) && best.as_ref().is_none_or(|b| dist < b.0) {
                        let kind = match self.items.get(k) {
                            Some(Item::Fn(_)) => "a function",
                            Some(Item::Const(..)) => "a constant",
                            _ => "an item",
                        };
                        best = Some((dist, k.clone(), kind));
                    }
                }
            }
            if let Some((_, n, kind)) = best {
                d = d.with_help(format!("{kind} with a similar name exists: `{n}`"));
            }
        }
        self.error(d);
    }

    /// `Enum::Nope` / `Struct::nope` where the type is a user type without that item:
    /// rustc's E0599. Reports and returns true.
    pub(super) fn unknown_assoc(&mut self, p: &Path) -> bool {
        if p.segments.len() != 2 {
            return false;
        }
        let ty = &p.segments[0].ident.name;
        let Some(Item::Adt(a)) = self.resolve_item_str(std::slice::from_ref(ty)) else { return false };
        let Some(def) = self.prog.adts.get(a as usize).cloned() else { return false };
        if a < 3 {
            return false;
        }
        let name = &p.segments[1].ident.name;
        let sym = self.prog.symbols.get(name);
        let has_method = sym.is_some_and(|s| self.prog.methods.contains_key(&(def.type_id, s)));
        if has_method || self.resolve_item(p).is_some() {
            return false;
        }
        let (what, kind) = if def.is_enum { ("variant or associated item", "enum") } else { ("function or associated item", "struct") };
        self.error(
            Diagnostic::error(
                format!("no {what} named `{name}` found for {kind} `{}` in the current scope", def.name),
                p.segments[1].ident.span,
                format!("{} not found in `{}`", if def.is_enum { "variant or associated item" } else { "associated item" }, def.name),
            )
            .with_code("E0599"),
        );
        true
    }
}

fn push_generics(g: &ast::Generics, out: &mut Vec<String>) {
    out.extend(g.params.iter().map(|p| p.name.name.clone()));
}

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("Purple", "Purple"), 0);
        assert_eq!(levenshtein("Gren", "Green"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
    }
}
