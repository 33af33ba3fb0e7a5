//! A small parser for the std signature table (`std_sigs.rs`), which is written as Rust-like
//! impl blocks of bodiless functions:
//!
//! ```text
//! impl<T> Vec<T> {
//!     fn len(&self) -> usize;
//!     fn map<U, F: FnOnce(T) -> U>(self, F) -> Option<U>;
//! }
//! ```
//!
//! `impl int`, `impl float` and `impl any` declare methods of every integer type, every float
//! type and every type; in them (and everywhere) `Self` is the receiver's type. Parameters may
//! be written with or without a name. Errors skip the rest of the table with a message (a
//! unit test keeps the table well-formed).

use super::env::{prim_ty, std_arity, GenParam, Sig};
use crate::ast::SelfKind;
use crate::types::Ty;

#[derive(Clone, Debug, PartialEq)]
enum Tk {
    Id(String),
    Num(u64),
    P(&'static str),
}

fn lex(src: &str) -> Vec<Tk> {
    const PUNCT: &[&str] = &["->", "<", ">", "(", ")", ",", ":", "&", ";", "[", "]", "{", "}", "=", "!", "+"];
    let mut out = Vec::new();
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            let s = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tk::Id(src[s..i].to_string()));
        } else if c.is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tk::Num(src[s..i].parse().unwrap_or(0)));
        } else if let Some(p) = PUNCT.iter().find(|p| src[i..].starts_with(**p)) {
            out.push(Tk::P(p));
            i += p.len();
        } else {
            i += 1;
        }
    }
    out
}

/// One parsed impl block of the table.
#[derive(Debug)]
pub struct StdImpl {
    /// `Vec`, `str`, `int`, `float`, `any`, `Iterator`, `Default`, ...
    pub head: String,
    pub fns: Vec<(String, Sig)>,
}

struct P {
    toks: Vec<Tk>,
    pos: usize,
}

type R<T> = Result<T, String>;

impl P {
    fn peek(&self) -> Option<&Tk> {
        self.toks.get(self.pos)
    }
    fn is(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tk::P(q)) if *q == p)
    }
    fn eat(&mut self, p: &str) -> bool {
        if self.is(p) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, p: &str) -> R<()> {
        if self.eat(p) {
            Ok(())
        } else {
            Err(format!("expected `{p}` at token {} ({:?})", self.pos, self.peek()))
        }
    }
    fn ident(&mut self) -> R<String> {
        match self.peek() {
            Some(Tk::Id(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            t => Err(format!("expected a name at token {} ({t:?})", self.pos)),
        }
    }
    fn is_id(&self, s: &str) -> bool {
        matches!(self.peek(), Some(Tk::Id(x)) if x == s)
    }

    fn generics(&mut self) -> R<Vec<GenParam>> {
        let mut out = Vec::new();
        if !self.eat("<") {
            return Ok(out);
        }
        while !self.eat(">") {
            let name = self.ident()?;
            let mut gp = GenParam::plain(&name);
            if self.eat(":") {
                loop {
                    let b = self.ident()?;
                    if matches!(b.as_str(), "Fn" | "FnMut" | "FnOnce") {
                        self.expect("(")?;
                        let ps = self.types_until(")")?;
                        let ret = if self.eat("->") { self.ty()? } else { Ty::Unit };
                        gp.as_ty = Some(Ty::Fn(ps, Box::new(ret)));
                    } else if b == "Iterator" || b == "IntoIterator" {
                        self.expect("<")?;
                        let _item = self.ident()?;
                        self.expect("=")?;
                        let t = self.ty()?;
                        self.expect(">")?;
                        gp.as_ty = Some(Ty::named("Iterator", vec![t]));
                    }
                    gp.bounds.push(b);
                    if !self.eat("+") {
                        break;
                    }
                }
            }
            out.push(gp);
            if !self.eat(",") {
                self.expect(">")?;
                break;
            }
        }
        Ok(out)
    }

    fn types_until(&mut self, close: &str) -> R<Vec<Ty>> {
        let mut out = Vec::new();
        while !self.eat(close) {
            out.push(self.ty()?);
            if !self.eat(",") {
                self.expect(close)?;
                break;
            }
        }
        Ok(out)
    }

    fn ty(&mut self) -> R<Ty> {
        if self.eat("&") {
            let mutable = if self.is_id("mut") {
                self.pos += 1;
                true
            } else {
                false
            };
            return Ok(Ty::Ref { mutable, inner: Box::new(self.ty()?) });
        }
        if self.eat("(") {
            let ts = self.types_until(")")?;
            return Ok(if ts.is_empty() { Ty::Unit } else { Ty::Tuple(ts) });
        }
        if self.eat("[") {
            let t = self.ty()?;
            if self.eat(";") {
                let n = match self.peek() {
                    Some(Tk::Num(n)) => Some(*n),
                    _ => None,
                };
                self.pos += 1;
                self.expect("]")?;
                return Ok(Ty::Array(Box::new(t), n));
            }
            self.expect("]")?;
            return Ok(Ty::Slice(Box::new(t)));
        }
        if self.eat("!") {
            return Ok(Ty::Never);
        }
        let name = self.ident()?;
        if name == "_" {
            return Ok(Ty::Infer);
        }
        if name == "dyn" {
            let mut bounds = vec![self.ident()?];
            while self.eat("+") {
                bounds.push(self.ident()?);
            }
            return Ok(Ty::Dyn(bounds.join(" + ")));
        }
        if matches!(name.as_str(), "Fn" | "FnMut" | "FnOnce" | "fn") {
            self.expect("(")?;
            let ps = self.types_until(")")?;
            let ret = if self.eat("->") { self.ty()? } else { Ty::Unit };
            return Ok(Ty::Fn(ps, Box::new(ret)));
        }
        let args = if self.eat("<") { self.types_until(">")? } else { Vec::new() };
        if let Some(t) = prim_ty(&name) {
            return Ok(t);
        }
        // Single upper-case letters and `Self` are parameters.
        if name == "Self" || (name.len() == 1 && name.chars().all(|c| c.is_ascii_uppercase())) {
            return Ok(Ty::Param(name));
        }
        let name = match name.as_str() {
            "Item" => super::call::ITEM_MARKER.to_string(),
            "IntoIter" => super::call::INTO_ITER_MARKER.to_string(),
            _ => name,
        };
        let mut args = args;
        while args.len() < std_arity(&name) {
            args.push(Ty::Infer);
        }
        Ok(Ty::Named(name, args))
    }

    fn func(&mut self, impl_generics: &[GenParam], self_ty: &Ty) -> R<(String, Sig)> {
        if !self.is_id("fn") {
            return Err(format!("expected `fn` at token {}", self.pos));
        }
        self.pos += 1;
        let name = self.ident()?;
        let mut generics = impl_generics.to_vec();
        let impl_n = generics.len();
        generics.extend(self.generics()?);
        self.expect("(")?;
        let mut self_kind = None;
        let mut params = Vec::new();
        while !self.eat(")") {
            if self.is_id("self") {
                self.pos += 1;
                self_kind = Some(SelfKind::Value);
            } else if self.is("&") && matches!(self.toks.get(self.pos + 1), Some(Tk::Id(s)) if s == "self") {
                self.pos += 2;
                self_kind = Some(SelfKind::Ref);
            } else if self.is("&") && matches!(self.toks.get(self.pos + 2), Some(Tk::Id(s)) if s == "self") {
                self.pos += 3;
                self_kind = Some(SelfKind::RefMut);
            } else {
                if matches!(self.toks.get(self.pos + 1), Some(Tk::P(":"))) {
                    self.pos += 2;
                }
                params.push(self.ty()?);
            }
            if !self.eat(",") {
                self.expect(")")?;
                break;
            }
        }
        let ret = if self.eat("->") { self.ty()? } else { Ty::Unit };
        self.expect(";")?;
        Ok((name, Sig { generics, self_ty: Some(self_ty.clone()), self_kind, params, ret, impl_generics: impl_n }))
    }

    fn block(&mut self) -> R<StdImpl> {
        if !self.is_id("impl") {
            return Err(format!("expected `impl` at token {}", self.pos));
        }
        self.pos += 1;
        let mut generics = self.generics()?;
        let self_ty = self.ty()?;
        let head = match &self_ty {
            Ty::Named(n, _) if matches!(n.as_str(), "int" | "float" | "any") => n.clone(),
            t => super::env::head_of(t).ok_or("impl of a parameter")?,
        };
        let self_ty = if matches!(head.as_str(), "int" | "float" | "any") { Ty::Param("Self".into()) } else { self_ty };
        generics.push(GenParam::plain("Self"));
        self.expect("{")?;
        let mut fns = Vec::new();
        while !self.eat("}") {
            fns.push(self.func(&generics, &self_ty)?);
        }
        Ok(StdImpl { head, fns })
    }
}

/// Parses a whole table. On an error, the blocks before it and the message.
pub fn parse_table(src: &str) -> (Vec<StdImpl>, Option<String>) {
    let mut p = P { toks: lex(src), pos: 0 };
    let mut out = Vec::new();
    while p.pos < p.toks.len() {
        match p.block() {
            Ok(b) => out.push(b),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::IntTy;

    #[test]
    fn parses_generic_methods() {
        let src = "impl<T> Option<T> { fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Option<U>; fn is_some(&self) -> bool; }\n\
                   impl int { fn pow(self, u32) -> Self; fn checked_add(self, Self) -> Option<Self>; }";
        let (blocks, err) = parse_table(src);
        assert_eq!(err, None);
        assert_eq!(blocks.len(), 2);
        let (name, map) = &blocks[0].fns[0];
        assert_eq!(name, "map");
        assert_eq!(map.self_kind, Some(SelfKind::Value));
        assert_eq!(map.params, vec![Ty::Param("F".into())]);
        let f = map.generics.iter().find(|g| g.name == "F").and_then(|g| g.as_ty.clone());
        assert_eq!(f, Some(Ty::Fn(vec![Ty::Param("T".into())], Box::new(Ty::Param("U".into())))));
        assert_eq!(blocks[1].head, "int");
        assert_eq!(blocks[1].fns[0].1.params, vec![Ty::Int(IntTy::U32)]);
        assert_eq!(blocks[1].fns[0].1.ret, Ty::Param("Self".into()));
    }

    #[test]
    fn reports_errors_without_panicking() {
        let (_, err) = parse_table("impl<T> Vec<T> { fn len(&self -> usize; }");
        assert!(err.is_some());
        let (_, err) = parse_table("impl");
        assert!(err.is_some());
    }
}
