//! std's Debug builders (`debug_struct`, `debug_tuple`, `debug_list`, `debug_set`,
//! `debug_map`) writing into a `String`, compact (`Point { x: 1, y: 2 }`) or pretty
//! (`{:#?}`: one field per line, four-space indentation, trailing commas).
//!
//! Each field or entry is produced by a closure that writes into a buffer; in pretty mode
//! the buffer is indented as std's `PadAdapter` would (four spaces at the start of every
//! line), so nested values, including those printed by user `Debug` impls, indent
//! correctly. The closures may fail; their error is passed through.

/// Appends `s` with four spaces before each of its lines, as std's `PadAdapter` writes it.
pub fn indent_into(out: &mut String, s: &str) {
    for line in s.split_inclusive('\n') {
        out.push_str("    ");
        out.push_str(line);
    }
}

/// Renders one pretty item: `f` writes into a fresh buffer after `head`, then `tail`
/// follows, and the whole is indented into `out`.
fn pretty_item<E>(
    out: &mut String,
    head: &str,
    f: impl FnOnce(&mut String) -> Result<(), E>,
    tail: &str,
) -> Result<(), E> {
    let mut buf = String::from(head);
    f(&mut buf)?;
    buf.push_str(tail);
    indent_into(out, &buf);
    Ok(())
}

/// `Name { a: 1, b: 2 }`.
#[derive(Debug)]
pub struct DebugStruct<'a> {
    out: &'a mut String,
    pretty: bool,
    has_fields: bool,
}

impl<'a> DebugStruct<'a> {
    pub fn new(out: &'a mut String, name: &str, pretty: bool) -> Self {
        out.push_str(name);
        DebugStruct {
            out,
            pretty,
            has_fields: false,
        }
    }

    pub fn field<E>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut String) -> Result<(), E>,
    ) -> Result<&mut Self, E> {
        if self.pretty {
            if !self.has_fields {
                self.out.push_str(" {\n");
            }
            pretty_item(self.out, &format!("{name}: "), f, ",\n")?;
        } else {
            self.out
                .push_str(if self.has_fields { ", " } else { " { " });
            self.out.push_str(name);
            self.out.push_str(": ");
            f(self.out)?;
        }
        self.has_fields = true;
        Ok(self)
    }

    /// A field whose value is already rendered text.
    pub fn field_str(&mut self, name: &str, value: &str) -> &mut Self {
        let r: Result<&mut Self, std::convert::Infallible> = self.field(name, |o| {
            o.push_str(value);
            Ok(())
        });
        match r {
            Ok(s) => s,
            Err(never) => match never {},
        }
    }

    /// `Name { a: 1, .. }`.
    pub fn finish_non_exhaustive(&mut self) {
        if self.has_fields {
            if self.pretty {
                indent_into(self.out, "..\n");
                self.out.push('}');
            } else {
                self.out.push_str(", .. }");
            }
        } else {
            self.out.push_str(" { .. }");
        }
    }

    pub fn finish(&mut self) {
        if self.has_fields {
            self.out.push_str(if self.pretty { "}" } else { " }" });
        }
    }
}

/// `Name(1, 2)`, and tuples with an empty name: `(1, "a")`, `(1,)`.
#[derive(Debug)]
pub struct DebugTuple<'a> {
    out: &'a mut String,
    pretty: bool,
    fields: usize,
    empty_name: bool,
}

impl<'a> DebugTuple<'a> {
    pub fn new(out: &'a mut String, name: &str, pretty: bool) -> Self {
        out.push_str(name);
        DebugTuple {
            out,
            pretty,
            fields: 0,
            empty_name: name.is_empty(),
        }
    }

    pub fn field<E>(
        &mut self,
        f: impl FnOnce(&mut String) -> Result<(), E>,
    ) -> Result<&mut Self, E> {
        if self.pretty {
            if self.fields == 0 {
                self.out.push_str("(\n");
            }
            pretty_item(self.out, "", f, ",\n")?;
        } else {
            self.out.push_str(if self.fields == 0 { "(" } else { ", " });
            f(self.out)?;
        }
        self.fields += 1;
        Ok(self)
    }

    pub fn finish_non_exhaustive(&mut self) {
        if self.fields > 0 {
            if self.pretty {
                indent_into(self.out, "..\n");
                self.out.push(')');
            } else {
                self.out.push_str(", ..)");
            }
        } else {
            self.out.push_str("(..)");
        }
    }

    pub fn finish(&mut self) {
        if self.fields > 0 {
            if self.fields == 1 && self.empty_name && !self.pretty {
                self.out.push(',');
            }
            self.out.push(')');
        }
    }
}

/// `[1, 2]` (lists) and `{1, 2}` (sets).
#[derive(Debug)]
pub struct DebugList<'a> {
    out: &'a mut String,
    pretty: bool,
    has_fields: bool,
    close: char,
}

impl<'a> DebugList<'a> {
    /// `[...]`.
    pub fn list(out: &'a mut String, pretty: bool) -> Self {
        out.push('[');
        DebugList {
            out,
            pretty,
            has_fields: false,
            close: ']',
        }
    }

    /// `{...}`.
    pub fn set(out: &'a mut String, pretty: bool) -> Self {
        out.push('{');
        DebugList {
            out,
            pretty,
            has_fields: false,
            close: '}',
        }
    }

    pub fn entry<E>(
        &mut self,
        f: impl FnOnce(&mut String) -> Result<(), E>,
    ) -> Result<&mut Self, E> {
        if self.pretty {
            if !self.has_fields {
                self.out.push('\n');
            }
            pretty_item(self.out, "", f, ",\n")?;
        } else {
            if self.has_fields {
                self.out.push_str(", ");
            }
            f(self.out)?;
        }
        self.has_fields = true;
        Ok(self)
    }

    pub fn finish_non_exhaustive(&mut self) {
        if self.has_fields {
            if self.pretty {
                indent_into(self.out, "..\n");
            } else {
                self.out.push_str(", ..");
            }
        } else {
            self.out.push_str("..");
        }
        self.out.push(self.close);
    }

    pub fn finish(&mut self) {
        self.out.push(self.close);
    }
}

/// Which half of a map entry a [`DebugMap::entry`] callback writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapPart {
    Key,
    Value,
}

/// `{"a": 1, "b": 2}`.
#[derive(Debug)]
pub struct DebugMap<'a> {
    out: &'a mut String,
    pretty: bool,
    has_fields: bool,
}

impl<'a> DebugMap<'a> {
    pub fn new(out: &'a mut String, pretty: bool) -> Self {
        out.push('{');
        DebugMap {
            out,
            pretty,
            has_fields: false,
        }
    }

    /// One `key: value` entry; `f` is called with [`MapPart::Key`] then [`MapPart::Value`]
    /// and writes that part.
    pub fn entry<E>(
        &mut self,
        mut f: impl FnMut(&mut String, MapPart) -> Result<(), E>,
    ) -> Result<&mut Self, E> {
        if self.pretty {
            if !self.has_fields {
                self.out.push('\n');
            }
            let mut buf = String::new();
            f(&mut buf, MapPart::Key)?;
            buf.push_str(": ");
            f(&mut buf, MapPart::Value)?;
            buf.push_str(",\n");
            indent_into(self.out, &buf);
        } else {
            if self.has_fields {
                self.out.push_str(", ");
            }
            f(self.out, MapPart::Key)?;
            self.out.push_str(": ");
            f(self.out, MapPart::Value)?;
        }
        self.has_fields = true;
        Ok(self)
    }

    pub fn finish_non_exhaustive(&mut self) {
        if self.has_fields {
            if self.pretty {
                indent_into(self.out, "..\n");
            } else {
                self.out.push_str(", ..");
            }
        } else {
            self.out.push_str("..");
        }
        self.out.push('}');
    }

    pub fn finish(&mut self) {
        self.out.push('}');
    }
}

/// A Debug builder whose state lives apart from the output buffer, for a VM that drives
/// `f.debug_struct("P")`, `.field("x", &self.x)`, `.finish()` over several method calls:
/// each call gets the formatter's buffer and, for fields and entries, the value already
/// rendered under the formatter's spec. The output is the same as the borrowed builders'.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebugBuilder {
    kind: BuilderKind,
    pretty: bool,
    /// Fields or entries written so far.
    count: usize,
    /// A tuple builder with an empty name (a tuple: `(1,)`).
    empty_name: bool,
}

/// Which std builder a [`DebugBuilder`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BuilderKind {
    Struct,
    Tuple,
    List,
    Set,
    Map,
}

fn infallible<T>(r: Result<T, std::convert::Infallible>) -> T {
    match r {
        Ok(v) => v,
        Err(never) => match never {},
    }
}

fn text(s: &str) -> impl FnOnce(&mut String) -> Result<(), std::convert::Infallible> + '_ {
    move |o: &mut String| {
        o.push_str(s);
        Ok(())
    }
}

impl DebugBuilder {
    /// `f.debug_struct(name)` / `debug_tuple(name)` / `debug_list()` / `debug_set()` /
    /// `debug_map()`: writes the opening (`name`, `[`, `{`) and returns the state.
    pub fn begin(out: &mut String, kind: BuilderKind, name: &str, pretty: bool) -> DebugBuilder {
        match kind {
            BuilderKind::Struct | BuilderKind::Tuple => out.push_str(name),
            BuilderKind::List => out.push('['),
            BuilderKind::Set | BuilderKind::Map => out.push('{'),
        }
        DebugBuilder {
            kind,
            pretty,
            count: 0,
            empty_name: name.is_empty(),
        }
    }

    pub fn kind(&self) -> BuilderKind {
        self.kind
    }

    /// `.field(name, value)` of a struct builder; tuple builders ignore `name`.
    pub fn field(&mut self, out: &mut String, name: &str, value: &str) {
        match self.kind {
            BuilderKind::Struct => {
                let mut b = DebugStruct {
                    out,
                    pretty: self.pretty,
                    has_fields: self.count > 0,
                };
                infallible(b.field(name, text(value)));
            }
            BuilderKind::Tuple => {
                let mut b = DebugTuple {
                    out,
                    pretty: self.pretty,
                    fields: self.count,
                    empty_name: self.empty_name,
                };
                infallible(b.field(text(value)));
            }
            _ => return self.entry(out, value),
        }
        self.count += 1;
    }

    /// `.entry(value)` of a list or set builder (a map builder takes `key_value`).
    pub fn entry(&mut self, out: &mut String, value: &str) {
        match self.kind {
            BuilderKind::List | BuilderKind::Set => {
                let close = if self.kind == BuilderKind::List {
                    ']'
                } else {
                    '}'
                };
                let mut b = DebugList {
                    out,
                    pretty: self.pretty,
                    has_fields: self.count > 0,
                    close,
                };
                infallible(b.entry(text(value)));
            }
            BuilderKind::Map => return self.key_value(out, value, ""),
            _ => return self.field(out, "", value),
        }
        self.count += 1;
    }

    /// `.entry(key, value)` of a map builder.
    pub fn key_value(&mut self, out: &mut String, key: &str, value: &str) {
        if self.kind != BuilderKind::Map {
            return self.entry(out, value);
        }
        let mut b = DebugMap {
            out,
            pretty: self.pretty,
            has_fields: self.count > 0,
        };
        infallible(b.entry(|o, part| {
            o.push_str(if part == MapPart::Key { key } else { value });
            Ok(())
        }));
        self.count += 1;
    }

    /// `.finish()`.
    pub fn finish(&self, out: &mut String) {
        let has = self.count > 0;
        match self.kind {
            BuilderKind::Struct => DebugStruct {
                out,
                pretty: self.pretty,
                has_fields: has,
            }
            .finish(),
            BuilderKind::Tuple => DebugTuple {
                out,
                pretty: self.pretty,
                fields: self.count,
                empty_name: self.empty_name,
            }
            .finish(),
            BuilderKind::List => out.push(']'),
            BuilderKind::Set | BuilderKind::Map => out.push('}'),
        }
    }

    /// `.finish_non_exhaustive()`.
    pub fn finish_non_exhaustive(&self, out: &mut String) {
        let has = self.count > 0;
        match self.kind {
            BuilderKind::Struct => DebugStruct {
                out,
                pretty: self.pretty,
                has_fields: has,
            }
            .finish_non_exhaustive(),
            BuilderKind::Tuple => DebugTuple {
                out,
                pretty: self.pretty,
                fields: self.count,
                empty_name: self.empty_name,
            }
            .finish_non_exhaustive(),
            BuilderKind::List => DebugList {
                out,
                pretty: self.pretty,
                has_fields: has,
                close: ']',
            }
            .finish_non_exhaustive(),
            BuilderKind::Set => DebugList {
                out,
                pretty: self.pretty,
                has_fields: has,
                close: '}',
            }
            .finish_non_exhaustive(),
            BuilderKind::Map => DebugMap {
                out,
                pretty: self.pretty,
                has_fields: has,
            }
            .finish_non_exhaustive(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type R = Result<(), ()>;

    fn lit(s: &'static str) -> impl FnOnce(&mut String) -> R {
        move |o: &mut String| {
            o.push_str(s);
            Ok(())
        }
    }

    #[test]
    fn structs_compact_and_pretty() {
        let mut out = String::new();
        let mut b = DebugStruct::new(&mut out, "P", false);
        b.field("x", lit("1"))
            .unwrap()
            .field("y", lit("2"))
            .unwrap();
        b.finish();
        assert_eq!(out, "P { x: 1, y: 2 }");

        let mut out = String::new();
        let mut b = DebugStruct::new(&mut out, "P", true);
        b.field("x", lit("1"))
            .unwrap()
            .field("v", lit("[\n    1,\n]"))
            .unwrap();
        b.finish();
        assert_eq!(out, "P {\n    x: 1,\n    v: [\n        1,\n    ],\n}");
    }

    #[test]
    fn tuples() {
        let mut out = String::new();
        let mut b = DebugTuple::new(&mut out, "", false);
        b.field(lit("1")).unwrap();
        b.finish();
        assert_eq!(out, "(1,)");
        let mut out = String::new();
        let mut b = DebugTuple::new(&mut out, "", true);
        b.field(lit("1")).unwrap();
        b.finish();
        assert_eq!(out, "(\n    1,\n)");
        let mut out = String::new();
        let mut b = DebugTuple::new(&mut out, "Some", false);
        b.field(lit("3")).unwrap();
        b.finish();
        assert_eq!(out, "Some(3)");
    }

    #[test]
    fn lists_sets_maps() {
        let mut out = String::new();
        let mut b = DebugList::list(&mut out, true);
        b.finish();
        assert_eq!(out, "[]");
        let mut out = String::new();
        let mut b = DebugMap::new(&mut out, true);
        b.entry(|o, part| {
            o.push_str(if part == MapPart::Key {
                "1"
            } else {
                "[\n    2,\n]"
            });
            R::Ok(())
        })
        .unwrap();
        b.finish();
        assert_eq!(out, "{\n    1: [\n        2,\n    ],\n}");
        let mut out = String::new();
        let mut b = DebugList::set(&mut out, false);
        b.entry(lit("1")).unwrap().entry(lit("2")).unwrap();
        b.finish();
        assert_eq!(out, "{1, 2}");
        let mut out = String::new();
        let mut b = DebugStruct::new(&mut out, "Mutex", false);
        b.field_str("data", "5").field_str("poisoned", "false");
        b.finish_non_exhaustive();
        assert_eq!(out, "Mutex { data: 5, poisoned: false, .. }");
    }

    #[test]
    fn owned_builders() {
        // struct P { x: i32, v: Vec<i32> } with a manual Debug using debug_struct, {:#?}.
        let mut out = String::new();
        let mut b = DebugBuilder::begin(&mut out, BuilderKind::Struct, "P", true);
        b.field(&mut out, "x", "1");
        b.field(&mut out, "v", "[\n    2,\n]");
        b.finish(&mut out);
        assert_eq!(out, "P {\n    x: 1,\n    v: [\n        2,\n    ],\n}");
        let mut out = String::new();
        let mut b = DebugBuilder::begin(&mut out, BuilderKind::Map, "", false);
        b.key_value(&mut out, "\"a\"", "1");
        b.key_value(&mut out, "\"b\"", "2");
        b.finish(&mut out);
        assert_eq!(out, "{\"a\": 1, \"b\": 2}");
        let mut out = String::new();
        let mut b = DebugBuilder::begin(&mut out, BuilderKind::Tuple, "", false);
        b.field(&mut out, "", "1");
        b.finish(&mut out);
        assert_eq!(out, "(1,)");
        let mut out = String::new();
        let b = DebugBuilder::begin(&mut out, BuilderKind::List, "", true);
        b.finish_non_exhaustive(&mut out);
        assert_eq!(out, "[..]");
    }
}
