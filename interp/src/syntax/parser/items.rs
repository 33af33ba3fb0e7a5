//! Items: functions, structs, enums, impls, traits, consts, statics, type aliases, `use`,
//! `mod`, `extern crate`, and attributes.

use super::types::PathStyle;
use super::{Fail, PResult, Parser};
use crate::ast::*;
use crate::syntax::token::Tok;

impl Parser<'_> {
    /// Items up to the `}` closing `scope` (not consumed) or the end of input.
    pub(crate) fn parse_items(&mut self, scope: Option<usize>) -> Vec<Item> {
        let mut items = Vec::new();
        loop {
            if self.at_eof() || (scope.is_some() && self.at("}")) {
                break;
            }
            let before = self.pos;
            let saved = self.depth;
            let lo = self.span();
            let res = self.parse_outer_attrs().and_then(|attrs| {
                if self.eat(";") {
                    return Ok(None);
                }
                if self.at_thread_local() {
                    let statics = self.parse_thread_local(attrs)?;
                    items.extend(statics);
                    return Ok(None);
                }
                if self.at_path_macro() {
                    self.skip_item_macro();
                    return Ok(None);
                }
                if !self.at_item_start() {
                    let found = self.found();
                    let span = self.span();
                    let help = if scope.is_none() && (self.at_kw("let") || self.can_begin_expr(Default::default())) {
                        "statements are only allowed inside functions: put them in `fn main() { ... }`"
                    } else {
                        "items are `fn`, `struct`, `enum`, `impl`, `trait`, `const`, `static`, `type`, `use` and `mod`"
                    };
                    return Err(self.err_at(span, format!("expected item, found {found}"), "expected item", help));
                }
                self.parse_item(attrs, lo).map(Some)
            });
            match res {
                Ok(Some(item)) => items.push(item),
                Ok(None) => {}
                Err(_) => {
                    self.depth = saved;
                    self.recover(scope, |p| p.at_item_start() || p.at("#"));
                }
            }
            if self.pos == before {
                self.skip();
            }
        }
        items
    }

    /// `#[name]`, `#[name(args)]`, `#[name = "v"]`, repeated.
    pub(crate) fn parse_outer_attrs(&mut self) -> PResult<Vec<Attr>> {
        let mut attrs = Vec::new();
        while self.at("#") && self.peek(1).is_punct("[") {
            attrs.push(self.parse_attr(false)?);
        }
        Ok(attrs)
    }

    /// `#![...]` inner attributes (dropped: they are lint settings).
    pub(crate) fn parse_inner_attrs(&mut self) -> PResult<Vec<Attr>> {
        let mut attrs = Vec::new();
        while self.at("#") && self.peek(1).is_punct("!") && self.peek(2).is_punct("[") {
            attrs.push(self.parse_attr(true)?);
        }
        Ok(attrs)
    }

    fn parse_attr(&mut self, inner: bool) -> PResult<Attr> {
        let lo = self.span();
        self.expect("#")?;
        if inner {
            self.expect("!")?;
        }
        let open = self.pos;
        self.expect("[")?;
        let close = self.close_of(open);
        let mut name = String::new();
        while self.at_path_start() || self.at_kw("unsafe") {
            let t = self.bump();
            if let Tok::Ident(s) | Tok::RawIdent(s) = &t.tok {
                name.push_str(s);
            }
            if self.eat("::") {
                name.push_str("::");
            } else {
                break;
            }
        }
        if name.is_empty() {
            return Err(self.expected("attribute name"));
        }
        let mut args = Vec::new();
        if self.at("(") {
            let popen = self.pos;
            let pclose = self.close_of(popen);
            self.skip();
            // The comma-separated words as written, split at top-level commas.
            let mut start = self.span().lo as usize;
            let mut depth = 0usize;
            while self.pos < pclose && !self.at_eof() {
                if self.at("(") || self.at("[") || self.at("{") {
                    depth += 1;
                } else if self.at(")") || self.at("]") || self.at("}") {
                    depth = depth.saturating_sub(1);
                }
                if depth == 0 && self.at(",") {
                    let text = self.src.get(start..self.span().lo as usize).unwrap_or("").trim();
                    if !text.is_empty() {
                        args.push(text.to_string());
                    }
                    start = self.span().hi as usize;
                }
                self.skip();
            }
            let text = self.src.get(start..self.span().lo as usize).unwrap_or("").trim();
            if !text.is_empty() {
                args.push(text.to_string());
            }
            self.expect(")")?;
        } else if self.eat("=") {
            match &self.tok().tok {
                Tok::Lit(LitKind::Str(s)) => {
                    args.push(s.clone());
                    self.skip();
                }
                _ => {
                    self.parse_expr()?;
                }
            }
        }
        if self.pos != close {
            let span = self.span();
            return Err(self.err_at(span, "unexpected token in attribute", "expected `]`", "attributes look like `#[name]`, `#[name(args)]` or `#[name = \"value\"]`"));
        }
        self.expect("]")?;
        Ok(Attr { name, args, inner, span: self.span_from(lo) })
    }

    /// `pub`, `pub(crate)`, `pub(super)`, `pub(in path)`.
    pub(crate) fn parse_vis(&mut self) -> PResult<bool> {
        if !self.eat_kw("pub") {
            return Ok(false);
        }
        if self.at("(") && (self.peek(1).is_kw("crate") || self.peek(1).is_kw("super") || self.peek(1).is_kw("self") || self.peek(1).is_kw("in")) {
            self.skip();
            if self.eat_kw("in") {
                self.parse_path(PathStyle::Type)?;
            } else {
                self.skip();
            }
            self.expect(")")?;
        }
        Ok(true)
    }

    pub(crate) fn parse_item(&mut self, attrs: Vec<Attr>, lo: Span) -> PResult<Item> {
        let lo = attrs.first().map_or(lo, |a| a.span);
        let public = self.parse_vis()?;
        self.enter()?;
        let mut attrs = attrs;
        let kind = if self.at_effect_item() || self.at_handler_item() {
            let r = if self.at_effect_item() { self.parse_effect(lo) } else { self.parse_handler(lo) };
            r.map(|(k, a)| {
                attrs.push(a);
                k
            })
        } else {
            self.parse_item_kind()
        };
        self.leave();
        Ok(Item { kind: kind?, attrs, public, span: self.span_from(lo) })
    }

    fn parse_item_kind(&mut self) -> PResult<ItemKind> {
        let t = self.tok().clone();
        let Tok::Ident(kw) = &t.tok else { return Err(self.expected("item")) };
        match kw.as_str() {
            "fn" | "async" | "const" | "unsafe" | "extern" if self.fn_follows() => Ok(ItemKind::Fn(self.parse_fn()?)),
            "unsafe" if self.peek(1).is_kw("impl") => {
                self.skip();
                let mut i = self.parse_impl()?;
                i.is_unsafe = true;
                Ok(ItemKind::Impl(i))
            }
            "unsafe" if self.peek(1).is_kw("trait") => {
                self.skip();
                let mut tr = self.parse_trait()?;
                tr.is_unsafe = true;
                Ok(ItemKind::Trait(tr))
            }
            "struct" | "union" => self.parse_struct(),
            "enum" => self.parse_enum(),
            "impl" => Ok(ItemKind::Impl(self.parse_impl()?)),
            "trait" => Ok(ItemKind::Trait(self.parse_trait()?)),
            "const" => self.parse_const(),
            "static" => self.parse_static(),
            "type" => Ok(ItemKind::TypeAlias(self.parse_type_alias()?)),
            "use" => {
                self.skip();
                self.eat("::");
                let tree = self.parse_use_tree()?;
                self.expect(";")?;
                Ok(ItemKind::Use(tree))
            }
            "mod" => {
                self.skip();
                let name = self.ident()?;
                if self.eat(";") {
                    return Ok(ItemKind::Mod(ModDecl { name, items: None }));
                }
                if !self.at("{") {
                    return Err(self.expected("`{` or `;`"));
                }
                let open = self.pos;
                self.skip();
                self.parse_inner_attrs()?;
                let items = self.parse_items(Some(open));
                self.expect("}")?;
                Ok(ItemKind::Mod(ModDecl { name, items: Some(items) }))
            }
            "extern" if self.peek(1).is_kw("crate") => {
                self.skip();
                self.skip();
                self.path_or_self_ident()?;
                if self.eat_kw("as") {
                    self.ident()?;
                }
                self.expect(";")?;
                Ok(ItemKind::Ignored)
            }
            "macro_rules" => {
                self.skip_item_macro();
                Ok(ItemKind::Ignored)
            }
            "extern" | "unsafe" if self.peek(1).is_kw("extern") || matches!(self.peek(1).tok, Tok::Lit(_)) || self.peek(1).is_punct("{") => {
                let span = t.span;
                self.error(
                    crate::diag::Diagnostic::error("extern blocks are not supported", span, "not supported in teras")
                        .with_help("teras cannot call foreign functions; write the code in Rust"),
                );
                Err(Fail)
            }
            _ if self.at_ident() && (self.peek(1).is_punct("(") || self.peek(1).is_punct("<")) => {
                let span = Span::new(t.span.lo as usize, t.span.lo as usize);
                Err(self.err_at(span, "missing `fn` for function definition", "add `fn` here", format!("add `fn` here to parse `{kw}` as a function")))
            }
            _ => Err(self.expected("item")),
        }
    }

    /// `name! (...)`, `name! {...}` or `macro_rules! name {...}` at item level: reported
    /// and skipped (with its `;`).
    fn skip_item_macro(&mut self) {
        let lo = self.span();
        let is_def = self.at_kw("macro_rules");
        while !self.at("!") && !self.at_eof() {
            self.skip();
        }
        self.skip();
        let (msg, help) = if is_def {
            ("macro definitions (`macro_rules!`) are not supported", "write the code the macro would generate")
        } else {
            ("macro invocations at item level are not supported", "teras supports std macros inside function bodies only")
        };
        self.error(crate::diag::Diagnostic::error(msg, self.span_from(lo), "not supported in teras").with_help(help));
        if self.at_ident() {
            self.skip();
        }
        if self.at("(") || self.at("[") || self.at("{") {
            let close = self.close_of(self.pos);
            self.pos = close;
            self.skip();
        }
        self.eat(";");
    }

    /// Function qualifiers (`const`, `async`, `unsafe`, `extern "C"`) then `fn` start here.
    fn fn_follows(&self) -> bool {
        let mut n = 0;
        loop {
            let t = self.peek(n);
            if t.is_kw("fn") {
                return true;
            }
            if t.is_kw("const") || t.is_kw("async") || t.is_kw("unsafe") || t.is_kw("extern") || matches!(t.tok, Tok::Lit(LitKind::Str(_))) {
                n += 1;
                if n < 8 {
                    continue;
                }
            }
            return false;
        }
    }

    /// `a::b!` (a macro call path) starts here.
    fn at_path_macro(&self) -> bool {
        let mut n = 0;
        if !(self.at_ident() || self.at("::")) {
            return false;
        }
        loop {
            let t = self.peek(n);
            if t.is_punct("::") {
                n += 1;
            }
            let t = self.peek(n);
            if !matches!(t.tok, Tok::Ident(_) | Tok::RawIdent(_)) {
                return false;
            }
            n += 1;
            if self.peek(n).is_punct("!") {
                return true;
            }
            if !self.peek(n).is_punct("::") || n > 64 {
                return false;
            }
        }
    }

    fn path_or_self_ident(&mut self) -> PResult<Ident> {
        if self.at_kw("self") {
            let span = self.bump_span();
            return Ok(Ident { name: "self".into(), span });
        }
        self.ident()
    }

    fn parse_fn(&mut self) -> PResult<FnDecl> {
        let lo = self.span();
        let mut is_const = false;
        let mut is_async = false;
        let mut is_unsafe = false;
        loop {
            if self.eat_kw("const") {
                is_const = true;
            } else if self.eat_kw("async") {
                is_async = true;
            } else if self.eat_kw("unsafe") {
                is_unsafe = true;
            } else if self.eat_kw("extern") {
                if matches!(self.tok().tok, Tok::Lit(LitKind::Str(_))) {
                    self.skip();
                }
            } else {
                break;
            }
        }
        self.expect_kw("fn")?;
        let name = self.ident()?;
        let mut generics = self.parse_generic_params()?;
        if !self.at("(") {
            return Err(self.expected("`(`"));
        }
        self.skip();
        let mut self_param = None;
        let mut first = true;
        let params = self.parse_list(")", |p| {
            p.parse_outer_attrs()?;
            if std::mem::take(&mut first) {
                if let Some(sp) = p.parse_self_param()? {
                    if !p.in_assoc {
                        p.error(
                            crate::diag::Diagnostic::error("`self` parameter is only allowed in associated functions", sp.span, "not semantically valid as function parameter")
                                .with_help("associated functions are those in `impl` or `trait` definitions"),
                        );
                    }
                    self_param = Some(sp);
                    return Ok(None);
                }
            }
            let plo = p.span();
            let pat = p.parse_pat_no_alt()?;
            p.expect(":")?;
            let ty = p.parse_type()?;
            Ok(Some(Param { pat, ty, span: p.span_from(plo) }))
        })?;
        let params: Vec<Param> = params.into_iter().flatten().collect();
        let ret = if self.eat("->") { Some(self.parse_type_no_bounds()?) } else { None };
        let sig_span = self.span_from(lo);
        self.parse_where(&mut generics)?;
        let body = if self.eat(";") {
            None
        } else if self.at("{") {
            let outer = std::mem::replace(&mut self.in_assoc, false);
            let b = self.parse_block();
            self.in_assoc = outer;
            Some(b?)
        } else {
            return Err(self.expected("`{` or `;`"));
        };
        Ok(FnDecl { name, generics, self_param, params, ret, body, is_async, is_unsafe, is_const, sig_span })
    }

    /// `self`, `mut self`, `&self`, `&'a mut self`, `self: Type`, or `None` (a normal
    /// parameter follows; nothing is consumed).
    fn parse_self_param(&mut self) -> PResult<Option<SelfParam>> {
        let lo = self.span();
        let is_self_at = |p: &Parser, n: usize| p.peek(n).is_kw("self") && !p.peek(n + 1).is_punct("::");
        let (kind, mutable) = if self.at("&") {
            let mut n = 1;
            if matches!(self.peek(1).tok, Tok::Lifetime(_)) {
                n += 1;
            }
            let m = self.peek(n).is_kw("mut");
            if m {
                n += 1;
            }
            if !is_self_at(self, n) {
                return Ok(None);
            }
            for _ in 0..n {
                self.skip();
            }
            (if m { SelfKind::RefMut } else { SelfKind::Ref }, false)
        } else if self.at_kw("mut") && is_self_at(self, 1) {
            self.skip();
            (SelfKind::Value, true)
        } else if is_self_at(self, 0) {
            (SelfKind::Value, false)
        } else {
            return Ok(None);
        };
        self.expect_kw("self")?;
        let mut kind = kind;
        let ty = if kind == SelfKind::Value && self.eat(":") {
            let ty = self.parse_type()?;
            if let TypeKind::Ref { mutable: m, .. } = &ty.kind {
                kind = if *m { SelfKind::RefMut } else { SelfKind::Ref };
            }
            Some(ty)
        } else {
            None
        };
        Ok(Some(SelfParam { kind, mutable, ty, span: self.span_from(lo) }))
    }

    fn parse_struct(&mut self) -> PResult<ItemKind> {
        self.skip();
        let name = self.ident()?;
        let mut generics = self.parse_generic_params()?;
        self.parse_where(&mut generics)?;
        let fields = if self.eat(";") {
            Fields::Unit
        } else if self.at("(") {
            let f = self.parse_tuple_fields()?;
            self.parse_where(&mut generics)?;
            self.expect(";")?;
            f
        } else if self.at("{") {
            self.parse_named_fields()?
        } else {
            return Err(self.expected("`{`, `(` or `;`"));
        };
        Ok(ItemKind::Struct(StructDecl { name, generics, fields }))
    }

    fn parse_tuple_fields(&mut self) -> PResult<Fields> {
        self.expect("(")?;
        let mut fields = self.parse_list(")", |p| {
            let lo = p.span();
            let attrs = p.parse_outer_attrs()?;
            let public = p.parse_vis()?;
            let ty = p.parse_type()?;
            let name = Ident { name: String::new(), span: ty.span };
            Ok(FieldDecl { name, ty, public, attrs, span: p.span_from(lo) })
        })?;
        for (i, f) in fields.iter_mut().enumerate() {
            f.name.name = i.to_string();
        }
        Ok(Fields::Tuple(fields))
    }

    fn parse_named_fields(&mut self) -> PResult<Fields> {
        self.expect("{")?;
        let fields = self.parse_list("}", |p| {
            let lo = p.span();
            let attrs = p.parse_outer_attrs()?;
            let public = p.parse_vis()?;
            let name = p.ident()?;
            p.expect(":")?;
            let ty = p.parse_type()?;
            Ok(FieldDecl { name, ty, public, attrs, span: p.span_from(lo) })
        })?;
        Ok(Fields::Named(fields))
    }

    fn parse_enum(&mut self) -> PResult<ItemKind> {
        self.skip();
        let name = self.ident()?;
        let mut generics = self.parse_generic_params()?;
        self.parse_where(&mut generics)?;
        self.expect("{")?;
        let variants = self.parse_list("}", |p| {
            let lo = p.span();
            let attrs = p.parse_outer_attrs()?;
            p.parse_vis()?;
            let vname = p.ident()?;
            let fields = if p.at("(") {
                p.parse_tuple_fields()?
            } else if p.at("{") {
                p.parse_named_fields()?
            } else {
                Fields::Unit
            };
            let discriminant = if p.eat("=") { Some(p.parse_expr()?) } else { None };
            Ok(Variant { name: vname, fields, discriminant, attrs, span: p.span_from(lo) })
        })?;
        Ok(ItemKind::Enum(EnumDecl { name, generics, variants }))
    }

    fn parse_impl(&mut self) -> PResult<ImplDecl> {
        self.expect_kw("impl")?;
        // `impl<T>` generics, but not `impl <Vec<T>>::...` (not supported anyway).
        let mut generics = self.parse_generic_params()?;
        self.eat_kw("const");
        let negative = self.eat("!");
        let first = self.parse_type()?;
        let (trait_, self_ty) = if self.eat_kw("for") {
            let path = match first.kind {
                TypeKind::Path(p) => p,
                _ => {
                    return Err(self.err_at(first.span, "expected a trait, found type", "not a trait", "write `impl Trait for Type`"));
                }
            };
            (Some(path), self.parse_type()?)
        } else {
            (None, first)
        };
        self.parse_where(&mut generics)?;
        let items = self.parse_assoc_items()?;
        Ok(ImplDecl { generics, trait_, negative, is_unsafe: false, self_ty, items })
    }

    /// `{ items }` of an impl or trait.
    fn parse_assoc_items(&mut self) -> PResult<Vec<Item>> {
        if !self.at("{") {
            return Err(self.expected("`{`"));
        }
        let open = self.pos;
        self.skip();
        self.parse_inner_attrs()?;
        let outer = std::mem::replace(&mut self.in_assoc, true);
        let items = self.parse_items(Some(open));
        self.in_assoc = outer;
        self.expect("}")?;
        Ok(items)
    }

    fn parse_trait(&mut self) -> PResult<TraitDecl> {
        self.expect_kw("trait")?;
        let name = self.ident()?;
        let mut generics = self.parse_generic_params()?;
        let supertraits = if self.eat(":") { self.parse_bounds()? } else { Vec::new() };
        self.parse_where(&mut generics)?;
        let items = self.parse_assoc_items()?;
        Ok(TraitDecl { name, generics, supertraits, is_unsafe: false, items })
    }

    fn parse_const(&mut self) -> PResult<ItemKind> {
        self.expect_kw("const")?;
        let name = if self.at_kw("_") {
            let span = self.bump_span();
            Ident { name: "_".into(), span }
        } else {
            self.ident()?
        };
        let ty = if self.eat(":") { Some(self.parse_type()?) } else { None };
        let value = if self.eat("=") { Some(self.parse_expr()?) } else { None };
        self.expect(";")?;
        Ok(ItemKind::Const(ConstDecl { name, ty, value }))
    }

    fn parse_static(&mut self) -> PResult<ItemKind> {
        self.expect_kw("static")?;
        let mutable = self.eat_kw("mut");
        let name = self.ident()?;
        self.expect(":")?;
        let ty = self.parse_type()?;
        self.expect("=")?;
        let value = self.parse_expr()?;
        self.expect(";")?;
        Ok(ItemKind::Static(StaticDecl { name, ty, mutable, value }))
    }

    fn parse_type_alias(&mut self) -> PResult<TypeAlias> {
        self.expect_kw("type")?;
        let name = self.ident()?;
        let mut generics = self.parse_generic_params()?;
        let bounds = if self.eat(":") { self.parse_bounds()? } else { Vec::new() };
        self.parse_where(&mut generics)?;
        let ty = if self.eat("=") { Some(self.parse_type()?) } else { None };
        self.parse_where(&mut generics)?;
        self.expect(";")?;
        Ok(TypeAlias { name, generics, bounds, ty })
    }

    /// `a::b::{c, d as e, f::*}` / `a::*` / `a as b`.
    fn parse_use_tree(&mut self) -> PResult<UseTree> {
        self.enter()?;
        let r = self.parse_use_tree_inner();
        self.leave();
        r
    }

    fn parse_use_tree_inner(&mut self) -> PResult<UseTree> {
        let lo = self.span();
        let mut prefix = Vec::new();
        loop {
            if self.at("*") {
                self.skip();
                return Ok(UseTree { prefix, kind: UseTreeKind::Glob, span: self.span_from(lo) });
            }
            if self.at("{") {
                self.skip();
                let mut trees = Vec::new();
                while !self.at("}") && !self.at_eof() {
                    trees.push(self.parse_use_tree()?);
                    if !self.eat(",") {
                        break;
                    }
                }
                self.expect_close("}")?;
                return Ok(UseTree { prefix, kind: UseTreeKind::Nested(trees), span: self.span_from(lo) });
            }
            let seg = if ["self", "super", "crate", "Self"].iter().any(|k| self.at_kw(k)) {
                let t = self.bump();
                let name = match t.tok {
                    Tok::Ident(s) => s,
                    _ => String::new(),
                };
                Ident { name, span: t.span }
            } else {
                self.ident()?
            };
            prefix.push(seg);
            if !self.eat("::") {
                break;
            }
        }
        let rename = if self.eat_kw("as") {
            Some(if self.at_kw("_") {
                let span = self.bump_span();
                Ident { name: "_".into(), span }
            } else {
                self.ident()?
            })
        } else {
            None
        };
        Ok(UseTree { prefix, kind: UseTreeKind::Simple { rename }, span: self.span_from(lo) })
    }
}
