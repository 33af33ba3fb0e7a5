//! Method and field names that no type has: rustc's E0599 (`no method named ... found`) and
//! E0609 (`no field ... on type`), reported when the program is compiled instead of as a panic
//! when the line runs, with a similar name as help (`v.pus(1)`: "there is a method `push` with
//! a similar name").
//!
//! The VM dispatches methods and fields on the value at run time, so the checks do not know
//! the receiver's type for certain. They are type-independent instead, and so never reject a
//! program that could run: a name is reported only when *no* type could answer it. For a
//! method that is no native method (`builtins::method_names`), no method of the program or
//! the prelude (`Program::methods`), no method declared by a trait, none of the methods the VM
//! answers itself (`Formatter`'s and the Debug builders', `vm::format::vm_method`) and not one
//! of the reference conversions that are the identity on user values. For a field, no field
//! of any struct or enum variant of the program or the prelude, and not `start`/`end` (the
//! only fields of a std value, `Range`'s). The receiver's inferred type only words the
//! message.

use super::Compiler;
use crate::ast::{Expr, Ident};
use crate::diag::Diagnostic;

/// Methods the VM answers without a native or a compiled function besides `Formatter`'s and
/// the Debug builders' (`builtins::format::FORMATTER_METHODS`, `BUILDER_METHODS`): `write_*` on a `String` and
/// `to_string` through a `Display` impl (`vm::format::vm_method`), and the reference
/// conversions that are the identity on user values (the dispatch loop's fallback).
const VM_METHODS: &[&str] =
    &["write_char", "write_fmt", "write_str", "to_string", "as_ref", "as_mut", "borrow", "borrow_mut", "deref", "deref_mut", "as_deref"];

/// The fields of std values (`Range`'s; `access::range_field`).
const STD_FIELDS: &[&str] = &["start", "end"];

/// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: a swap
/// counts one, as in rustc's suggestions (`widht` is one edit from `width`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The closest of `names` to `name` within rustc's edit-distance budget (a third of its
/// length, at least one).
fn similar<'a>(name: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let budget = (name.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for n in names {
        if n.starts_with("__") || n == name {
            continue;
        }
        let d = edit_distance(n, name);
        if d <= budget && best.is_none_or(|(bd, bn)| d < bd || (d == bd && n < bn)) {
            best = Some((d, n));
        }
    }
    best.map(|(_, n)| n)
}

impl Compiler {
    /// Every method name some type answers (see the module doc).
    fn known_method(&self, name: &str) -> bool {
        if VM_METHODS.contains(&name)
            || crate::builtins::format::FORMATTER_METHODS.contains(&name)
            || crate::builtins::format::BUILDER_METHODS.contains(&name)
            || crate::builtins::is_method_name(name)
        {
            return true;
        }
        if let Some(sym) = self.prog.symbols.get(name) {
            if self.prog.methods.keys().any(|&(_, s)| s == sym) {
                return true;
            }
        }
        self.traits.values().any(|t| t.methods.iter().any(|m| m == name))
    }

    /// Every field name some value has (see the module doc).
    fn known_field(&self, name: &str) -> bool {
        name.parse::<usize>().is_ok()
            || STD_FIELDS.contains(&name)
            || self.prog.adts.iter().any(|d| d.variants.iter().any(|v| v.fields.iter().any(|f| **f == *name)))
            || self.adt_fields.values().any(|fs| fs.iter().any(|(f, _)| f == name))
    }

    /// Has this error been reported at `span` already (a place compiled twice)?
    fn reported_at(&self, span: crate::ast::Span, code: &'static str) -> bool {
        self.diags.iter().any(|d| d.code == Some(code) && d.span == span)
    }

    /// `receiver.method(..)` where no type has a method of that name: E0599.
    pub(super) fn check_method_name(&mut self, receiver: &Expr, method: &Ident) {
        let name = method.name.as_str();
        if self.in_prelude || self.known_method(name) || self.reported_at(method.span, "E0599") {
            return;
        }
        let found_for = match self.inferred(receiver) {
            Some(t) => format!(" for {} `{t}`", self.type_kind(&t)),
            None => String::new(),
        };
        let natives = crate::builtins::method_names();
        let mut program: Vec<&str> = Vec::new();
        for &(_, sym) in self.prog.methods.keys() {
            let n = self.prog.symbols.name(sym);
            if !n.contains("::") {
                program.push(n);
            }
        }
        let close = similar(name, natives.iter().copied().chain(VM_METHODS.iter().copied()).chain(crate::builtins::format::FORMATTER_METHODS.iter().copied())
                .chain(crate::builtins::format::BUILDER_METHODS.iter().copied()).chain(program.iter().copied()));
        let help = match close {
            Some(c) => format!("there is a method `{c}` with a similar name"),
            None => "no type has a method of this name; if it is a std method, teras does not support it yet (docs/LANGUAGE.md lists what is supported)".to_string(),
        };
        let d = Diagnostic::error(format!("no method named `{name}` found{found_for} in the current scope"), method.span, "method not found")
            .with_code("E0599")
            .with_help(help);
        self.error(d);
    }

    /// How rustc introduces a type in E0599: `struct `Vec<i32>``, `enum `Option<i32>``,
    /// `reference `&str``, `type `i32``.
    fn type_kind(&self, t: &crate::types::Ty) -> &'static str {
        use crate::types::Ty;
        match t {
            Ty::Ref { .. } => "reference",
            Ty::Tuple(_) => "tuple",
            Ty::String => "struct",
            Ty::Named(n, _) => match self.prog.adts.iter().find(|d| d.name == *n) {
                Some(d) if d.is_enum => "enum",
                _ => "struct",
            },
            _ => "type",
        }
    }

    /// `base.name` where no struct, variant or std value has a field of that name: E0609.
    pub(super) fn check_field_name(&mut self, base: &Expr, field: &Ident) {
        let name = field.name.as_str();
        if self.in_prelude || self.known_field(name) || self.reported_at(field.span, "E0609") {
            return;
        }
        let ty = self.inferred(base);
        let on = match &ty {
            Some(t) => format!("type `{}`", t.deref()),
            None => "this value's type".to_string(),
        };
        // The fields of the receiver's own struct come first as suggestions, then any field.
        let own = ty.as_ref().and_then(|t| adt_name(t.deref())).and_then(|n| self.prog.adts.iter().find(|d| d.name == n));
        let mut close = own.and_then(|d| similar(name, named(d).into_iter()));
        if close.is_none() {
            let all = self.prog.adts.iter().flat_map(|d| named(d)).chain(STD_FIELDS.iter().copied());
            close = similar(name, all.collect::<Vec<_>>().into_iter());
        }
        let mut d = Diagnostic::error(format!("no field `{name}` on {on}"), field.span, "unknown field").with_code("E0609");
        if let Some(c) = close {
            d = d.with_help(format!("a field with a similar name exists: `{c}`"));
        } else if self.known_method(name) {
            d = d.with_help(format!("`{name}` is a method: call it with `{name}(..)`"));
        } else {
            d = d.with_help("no struct in the program has a field of this name");
        }
        self.error(d);
    }
}

/// The named (not tuple) fields of a struct or enum's variants.
fn named(d: &crate::value::AdtDef) -> Vec<&str> {
    d.variants.iter().flat_map(|v| v.fields.iter().map(|f| &**f)).filter(|f| f.parse::<usize>().is_err()).collect()
}

/// The struct a type names, through references and smart pointers (`&Point`, `Box<Point>`).
fn adt_name(t: &crate::types::Ty) -> Option<&str> {
    use crate::types::Ty;
    match t {
        Ty::Ref { inner, .. } => adt_name(inner),
        Ty::Named(n, args) if matches!(n.as_str(), "Box" | "Rc" | "Arc") => adt_name(args.first()?),
        Ty::Named(n, _) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::session::{Options, Session};

    /// (message, help) of every error `teras check` reports for `src`.
    fn errors(src: &str) -> Vec<(String, String)> {
        let mut s = Session::new(Options::default());
        s.check("t.rs", src).into_iter().map(|r| (r.diag.message, r.diag.help.unwrap_or_default())).collect()
    }

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(super::edit_distance("widht", "width"), 1);
        assert_eq!(super::edit_distance("push", "pushh"), 1);
        assert_eq!(super::edit_distance("", "abc"), 3);
        assert_eq!(super::edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn a_method_no_type_has_is_e0599_with_the_similar_name() {
        let e = errors("fn main() { let mut v = vec![1]; if false { v.pushh(2); } }");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, "no method named `pushh` found for struct `Vec<i32>` in the current scope");
        assert_eq!(e[0].1, "there is a method `push` with a similar name");
        let e = errors("struct C; impl C { fn bump(&self) {} } fn main() { let c = C; c.bmup(); }");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].1, "there is a method `bump` with a similar name");
    }

    #[test]
    fn methods_of_any_source_are_known() {
        // A user impl, a trait's default method, a blanket impl, a Formatter method, a
        // native, and a method only a trait declares (called through `dyn`).
        let src = r#"
use std::fmt;
struct P;
trait Hello { fn hi(&self) -> i32 { 1 } fn name(&self) -> String; }
impl Hello for P { fn name(&self) -> String { "p".into() } }
trait Twice { fn twice(&self) -> String; }
impl<T: fmt::Debug> Twice for T { fn twice(&self) -> String { format!("{:?}{:?}", self, self) } }
impl fmt::Display for P { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.pad("p") } }
fn main() {
    let p = P;
    let d: &dyn Hello = &p;
    println!("{} {} {} {} {}", p.hi(), d.name(), 5.twice(), p, vec![1].len());
}
"#;
        assert_eq!(errors(src), vec![]);
    }

    #[test]
    fn a_field_no_struct_has_is_e0609_preferring_the_receivers_fields() {
        let e = errors("struct Point { x: i32, y: i32 } struct Q { xy: i32 } fn main() { let p = Point { x: 1, y: 2 }; println!(\"{}\", p.xx); }");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, "no field `xx` on type `Point`");
        assert_eq!(e[0].1, "a field with a similar name exists: `x`");
        // Tuple fields, `Range`'s fields and struct-variant fields are fields.
        let ok = "enum E { V { inner: i32 } } fn main() { let t = (1, 2); let r = 0..3; println!(\"{} {} {}\", t.1, r.start, r.end); let _ = E::V { inner: 1 }; }";
        assert_eq!(errors(ok), vec![]);
    }

    #[test]
    fn a_field_access_assigned_or_borrowed_is_checked_once() {
        let e = errors("struct S { a: i32 } fn main() { let mut s = S { a: 1 }; s.zzq = 2; let r = &mut s.zzq; *r += 1; }");
        assert_eq!(e.iter().filter(|(m, _)| m.starts_with("no field `zzq`")).count(), 2, "{e:?}");
    }
}
