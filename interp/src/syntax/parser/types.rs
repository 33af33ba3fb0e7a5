//! Types, paths, generic parameters and arguments, bounds and where clauses.

use super::{PResult, Parser};
use crate::ast::*;
use crate::syntax::token::Tok;

/// Generic arguments: the types, and the associated type bindings (`Item = u32`).
pub(crate) type GenericArgs = (Vec<Type>, Vec<(Ident, Type)>);

/// Where a path is parsed: in an expression generics need a turbofish (`::<`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PathStyle {
    Expr,
    Type,
}

impl Parser<'_> {
    /// A path segment name: an identifier or `self`/`Self`/`super`/`crate`.
    pub(crate) fn at_path_start(&self) -> bool {
        self.at_ident() || self.at("::") || ["self", "Self", "super", "crate"].iter().any(|k| self.at_kw(k))
    }

    fn path_segment_ident(&mut self) -> PResult<Ident> {
        for kw in ["self", "Self", "super", "crate"] {
            if self.at_kw(kw) {
                let span = self.bump_span();
                return Ok(Ident { name: kw.to_string(), span });
            }
        }
        self.ident()
    }

    /// `a::b::<T>::c` (expression style) or `a::b<T>::c` (type style).
    pub(crate) fn parse_path(&mut self, style: PathStyle) -> PResult<Path> {
        let lo = self.span();
        if self.at("<") || self.at("<<") {
            return self.parse_qualified_path(style);
        }
        let global = self.eat("::");
        self.parse_path_segments(Vec::new(), global, lo, style)
    }

    /// `<T as Trait>::name...` or `<T>::name...`, lowered to the path `T::name...` with
    /// `qself` recording `T` and `Trait` (the compiler uses the trait to pick that trait's
    /// impl over an inherent item of the same name). `T` must be a named type.
    fn parse_qualified_path(&mut self, style: PathStyle) -> PResult<Path> {
        let lo = self.span();
        self.expect("<")?;
        let ty = self.parse_type()?;
        let trait_ = if self.eat_kw("as") { Some(self.parse_bound_path()?.0) } else { None };
        self.expect(">")?;
        let qself = Box::new(QSelf { ty: ty.clone(), trait_ });
        let TypeKind::Path(path) = ty.kind else {
            return Err(self.err_at(ty.span, "qualified paths are only supported for named types", "not a named type", "call the method on a value instead: `x.method()`"));
        };
        if !self.at("::") {
            return Err(self.expected("`::`"));
        }
        self.skip();
        let mut p = self.parse_path_segments(path.segments, path.global, lo, style)?;
        p.qself = Some(qself);
        Ok(p)
    }

    /// Segments after `segments` (which, when non-empty, were followed by `::`).
    fn parse_path_segments(&mut self, mut segments: Vec<PathSegment>, global: bool, lo: Span, style: PathStyle) -> PResult<Path> {
        loop {
            let ident = self.path_segment_ident()?;
            let mut generics = None;
            if style == PathStyle::Type && self.at_split("<") && !self.at("<=") && !self.at("<<=") {
                generics = Some(self.parse_generic_args()?.0);
            } else if self.at("::") && self.peek(1).is_punct("<") || self.at("::") && self.peek(1).is_punct("<<") {
                self.skip();
                generics = Some(self.parse_generic_args()?.0);
            }
            segments.push(PathSegment { ident, generics });
            if self.at("::") && !self.peek(1).is_punct("{") && !self.peek(1).is_punct("*") {
                self.skip();
                continue;
            }
            break;
        }
        Ok(Path { segments, global, span: self.span_from(lo), qself: None })
    }

    /// `<T, U, Item = V, 'a, 3>`: the types (lifetimes dropped) and associated bindings.
    pub(crate) fn parse_generic_args(&mut self) -> PResult<GenericArgs> {
        self.expect("<")?;
        let mut tys = Vec::new();
        let mut assoc = Vec::new();
        while !self.at_split(">") && !self.at_eof() {
            let before = self.pos;
            if matches!(self.tok().tok, Tok::Lifetime(_)) {
                self.skip();
            } else if self.at_ident() && (self.peek(1).is_punct("=") || self.peek(1).is_punct(":")) && !self.peek(1).is_punct("::") {
                let name = self.ident()?;
                if self.eat(":") {
                    self.parse_bounds()?;
                } else {
                    self.skip();
                    let ty = self.parse_type()?;
                    assoc.push((name, ty));
                }
            } else if matches!(self.tok().tok, Tok::Lit(_)) || self.at("{") || self.at("-") || self.at_kw("true") || self.at_kw("false") {
                // A const argument: kept as an expression would need a new AST form; parse
                // and drop it.
                self.parse_prefix_expr_for_const()?;
            } else {
                tys.push(self.parse_type()?);
            }
            if !self.eat(",") {
                break;
            }
            if self.pos == before {
                break;
            }
        }
        self.expect(">")?;
        Ok((tys, assoc))
    }

    fn parse_prefix_expr_for_const(&mut self) -> PResult<()> {
        if self.at("{") {
            self.parse_block()?;
        } else {
            self.eat("-");
            self.skip();
        }
        Ok(())
    }

    pub(crate) fn parse_type(&mut self) -> PResult<Type> {
        self.enter()?;
        let r = self.parse_type_inner();
        self.leave();
        r
    }

    fn parse_type_inner(&mut self) -> PResult<Type> {
        let lo = self.span();
        let kind = if self.at_split("&") {
            // `&&T` is split: the second `&` starts the inner type.
            self.eat_split("&");
            if matches!(self.tok().tok, Tok::Lifetime(_)) {
                self.skip();
            }
            let mutable = self.eat_kw("mut");
            TypeKind::Ref { mutable, inner: Box::new(self.parse_type()?) }
        } else if self.at("*") {
            self.skip();
            let mutable = if self.eat_kw("mut") {
                true
            } else {
                self.expect_kw("const")?;
                false
            };
            TypeKind::Ptr { mutable, inner: Box::new(self.parse_type()?) }
        } else if self.at("(") {
            self.skip();
            let mut elems = Vec::new();
            let mut trailing = false;
            while !self.at(")") && !self.at_eof() {
                elems.push(self.parse_type()?);
                trailing = self.eat(",");
                if !trailing {
                    break;
                }
            }
            self.expect_close(")")?;
            if elems.len() == 1 && !trailing {
                let mut t = elems.pop().ok_or(super::Fail)?;
                t.span = self.span_from(lo);
                return Ok(t);
            }
            TypeKind::Tuple(elems)
        } else if self.at("[") {
            self.skip();
            let elem = self.parse_type()?;
            if self.eat(";") {
                let len = self.parse_expr()?;
                self.expect("]")?;
                TypeKind::Array(Box::new(elem), Box::new(len))
            } else {
                self.expect("]")?;
                TypeKind::Slice(Box::new(elem))
            }
        } else if self.at("!") {
            self.skip();
            TypeKind::Never
        } else if self.at_kw("_") {
            self.skip();
            TypeKind::Infer
        } else if self.at_kw("fn") || self.at_kw("unsafe") || self.at_kw("extern") {
            self.eat_kw("unsafe");
            if self.eat_kw("extern") && matches!(self.tok().tok, Tok::Lit(LitKind::Str(_))) {
                self.skip();
            }
            self.expect_kw("fn")?;
            let (params, ret) = self.parse_fn_sugar()?;
            TypeKind::Fn { params, ret }
        } else if self.at_kw("impl") {
            self.skip();
            TypeKind::ImplTrait(self.parse_bounds()?)
        } else if self.at_kw("dyn") {
            self.skip();
            TypeKind::DynTrait(self.parse_bounds()?)
        } else if self.at_kw("for") {
            self.skip_for_lifetimes()?;
            return self.parse_type();
        } else if self.at_path_start() || self.at("<") || self.at("<<") {
            let path = self.parse_path(PathStyle::Type)?;
            if self.at("(") && is_fn_trait(&path) {
                // `Fn(A) -> B` written as a type (in old-style trait object position).
                let (params, ret) = self.parse_fn_sugar()?;
                TypeKind::Fn { params, ret }
            } else {
                TypeKind::Path(path)
            }
        } else {
            return Err(self.expected("type"));
        };
        Ok(Type { kind, span: self.span_from(lo) })
    }

    /// `(A, B) -> R` after `fn` or `Fn`.
    pub(crate) fn parse_fn_sugar(&mut self) -> PResult<(Vec<Type>, Option<Box<Type>>)> {
        self.expect("(")?;
        let mut params = Vec::new();
        while !self.at(")") && !self.at_eof() {
            // `fn(x: i32)`: a named parameter.
            if self.at_ident() && self.peek(1).is_punct(":") && !self.peek(1).is_punct("::") {
                self.skip();
                self.skip();
            }
            params.push(self.parse_type()?);
            if !self.eat(",") {
                break;
            }
        }
        self.expect_close(")")?;
        let ret = if self.eat("->") { Some(Box::new(self.parse_type_no_bounds()?)) } else { None };
        Ok((params, ret))
    }

    /// A return type; same as a type (bounds after `impl` are greedy as in rustc).
    pub(crate) fn parse_type_no_bounds(&mut self) -> PResult<Type> {
        self.parse_type()
    }

    /// `for<'a>`.
    fn skip_for_lifetimes(&mut self) -> PResult<()> {
        self.expect_kw("for")?;
        self.expect("<")?;
        while !self.at_split(">") && !self.at_eof() {
            self.skip();
        }
        self.expect(">")?;
        Ok(())
    }

    /// `A + B<T> + 'a + ?Sized + Fn(i32) -> i32`.
    pub(crate) fn parse_bounds(&mut self) -> PResult<Vec<Bound>> {
        let mut bounds = Vec::new();
        loop {
            let before = self.pos;
            let lo = self.span();
            if let Tok::Lifetime(name) = &self.tok().tok {
                let name = name.clone();
                let span = self.bump_span();
                let path = Path { segments: vec![PathSegment { ident: Ident { name, span }, generics: None }], global: false, span, qself: None };
                bounds.push(Bound { path, fn_sugar: None, assoc: Vec::new(), maybe: false, lifetime: true, span });
            } else if self.at_kw("use") && self.peek(1).is_punct("<") {
                // `use<'a, T>` precise capturing: nothing for teras to check.
                self.skip();
                self.parse_generic_args()?;
            } else if self.at("(") {
                self.skip();
                let mut inner = self.parse_bounds()?;
                self.expect(")")?;
                bounds.append(&mut inner);
            } else {
                let maybe = self.eat("?");
                self.eat("~");
                self.eat_kw("const");
                if self.at_kw("for") {
                    self.skip_for_lifetimes()?;
                }
                if !self.at_path_start() {
                    return Err(self.expected("trait bound"));
                }
                let (path, assoc) = self.parse_bound_path()?;
                let fn_sugar = if self.at("(") { Some(self.parse_fn_sugar()?) } else { None };
                bounds.push(Bound { path, fn_sugar, assoc, maybe, lifetime: false, span: self.span_from(lo) });
            }
            if self.pos == before || !self.eat("+") {
                break;
            }
            // A trailing `+` before `{`, `,`, `>`, `=` or `where`.
            if !(self.at_path_start() || self.at("?") || self.at("(") || matches!(self.tok().tok, Tok::Lifetime(_)) || self.at_kw("for") || self.at_kw("use")) {
                break;
            }
        }
        Ok(bounds)
    }

    /// A bound's path, with the associated type bindings of its last segment's `<...>`
    /// (`Iterator<Item = u32>`). `(...)` sugar is left to the caller.
    fn parse_bound_path(&mut self) -> PResult<(Path, Vec<(Ident, Type)>)> {
        let lo = self.span();
        let global = self.eat("::");
        let mut segments = Vec::new();
        let mut assoc = Vec::new();
        loop {
            let ident = self.path_segment_ident()?;
            let mut generics = None;
            if self.at("::") && self.peek(1).is_punct("<") {
                self.skip();
            }
            if self.at_split("<") && !self.at("<=") {
                let (tys, a) = self.parse_generic_args()?;
                generics = Some(tys);
                assoc = a;
            }
            segments.push(PathSegment { ident, generics });
            if self.at("::") {
                self.skip();
                assoc.clear();
                continue;
            }
            break;
        }
        Ok((Path { segments, global, span: self.span_from(lo), qself: None }, assoc))
    }

    /// `<'a, T: Bound = Default, const N: usize>` (absent: empty generics).
    pub(crate) fn parse_generic_params(&mut self) -> PResult<Generics> {
        let mut g = Generics::default();
        if !self.at("<") {
            return Ok(g);
        }
        self.skip();
        while !self.at_split(">") && !self.at_eof() {
            let before = self.pos;
            self.parse_outer_attrs()?;
            if let Tok::Lifetime(name) = &self.tok().tok {
                let name = name.clone();
                let span = self.bump_span();
                let mut bounds = Vec::new();
                if self.eat(":") {
                    bounds = self.parse_bounds()?;
                }
                g.params.push(GenericParam { name: Ident { name, span }, kind: GenericParamKind::Lifetime, bounds });
            } else if self.eat_kw("const") {
                let name = self.ident()?;
                self.expect(":")?;
                let ty = self.parse_type()?;
                let default = if self.eat("=") {
                    Some(if self.at("{") { self.parse_block_expr()? } else { self.parse_unary_expr()? })
                } else {
                    None
                };
                g.params.push(GenericParam { name, kind: GenericParamKind::Const { ty, default }, bounds: Vec::new() });
            } else {
                let name = self.ident()?;
                let bounds = if self.eat(":") { self.parse_bounds()? } else { Vec::new() };
                let default = if self.eat("=") { Some(self.parse_type()?) } else { None };
                g.params.push(GenericParam { name, kind: GenericParamKind::Type { default }, bounds });
            }
            if !self.eat(",") || self.pos == before {
                break;
            }
        }
        self.expect(">")?;
        Ok(g)
    }

    /// `where T: A + B, 'a: 'b,` (appended to `g`). Stops before `{`, `;` or `=`.
    pub(crate) fn parse_where(&mut self, g: &mut Generics) -> PResult<()> {
        if !self.eat_kw("where") {
            return Ok(());
        }
        while !self.at("{") && !self.at(";") && !self.at("=") && !self.at_eof() {
            let before = self.pos;
            let lo = self.span();
            if matches!(self.tok().tok, Tok::Lifetime(_)) {
                self.skip();
                self.expect(":")?;
                self.parse_bounds()?;
            } else {
                if self.at_kw("for") {
                    self.skip_for_lifetimes()?;
                }
                let ty = self.parse_type()?;
                self.expect(":")?;
                let bounds = self.parse_bounds()?;
                g.where_clause.push(WherePredicate { ty, bounds, span: self.span_from(lo) });
            }
            if !self.eat(",") || self.pos == before {
                break;
            }
        }
        Ok(())
    }
}

pub(crate) fn is_fn_trait(path: &Path) -> bool {
    matches!(path.last().ident.name.as_str(), "Fn" | "FnMut" | "FnOnce")
}
