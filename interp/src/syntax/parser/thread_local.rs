//! `thread_local!` at item level, desugared into ordinary statics of the prelude's
//! `std::thread::LocalKey` (`builtins/prelude/thread_local.rs`):
//!
//! ```text
//! thread_local! { [pub] static NAME: T = [const] { init } | init; ... }
//! ```
//! becomes, for each declaration, `[pub] static NAME: std::thread::LocalKey<T> =
//! std::thread::LocalKey::__new(|| -> T { init });`. The closure runs once per thread, the
//! first time that thread touches the key.

use super::{PResult, Parser};
use crate::ast::*;

impl Parser<'_> {
    /// `thread_local` `!` starts here.
    pub(crate) fn at_thread_local(&self) -> bool {
        let mut n = 0;
        // An optional `std::` / `::std::` prefix.
        if self.peek(0).is_punct("::") {
            n += 1;
        }
        if self.peek(n).is_kw("std") && self.peek(n + 1).is_punct("::") {
            n += 2;
        }
        self.peek(n).is_kw("thread_local") && self.peek(n + 1).is_punct("!")
    }

    /// The statics declared by one `thread_local!` invocation (its `;` included).
    pub(crate) fn parse_thread_local(&mut self, attrs: Vec<Attr>) -> PResult<Vec<Item>> {
        while !self.at("!") && !self.at_eof() {
            self.skip();
        }
        self.expect("!")?;
        let close = if self.eat("{") {
            "}"
        } else if self.eat("(") {
            ")"
        } else {
            self.expect("[")?;
            "]"
        };
        let mut items = Vec::new();
        let mut attrs = attrs;
        loop {
            let mut decl_attrs = std::mem::take(&mut attrs);
            decl_attrs.extend(self.parse_outer_attrs()?);
            if self.at(close) || self.at_eof() {
                break;
            }
            let lo = self.span();
            let public = self.parse_vis()?;
            self.expect_kw("static")?;
            let name = self.ident()?;
            self.expect(":")?;
            let ty = self.parse_type()?;
            self.expect("=")?;
            let init = if self.at_kw("const") && self.peek(1).is_punct("{") {
                self.skip();
                self.parse_block_expr()?
            } else {
                self.parse_expr()?
            };
            let span = self.span_from(lo);
            let value = self.local_key_new(&ty, init, span);
            let key_ty = Type { kind: TypeKind::Path(local_key_path(Some(vec![ty]), span)), span };
            items.push(Item { kind: ItemKind::Static(StaticDecl { name, ty: key_ty, mutable: false, value }), attrs: decl_attrs, public, span });
            if !self.eat(";") {
                break;
            }
        }
        self.expect(close)?;
        self.eat(";");
        Ok(items)
    }

    /// `std::thread::LocalKey::__new(|| -> T { init })`.
    fn local_key_new(&mut self, ty: &Type, init: Expr, span: Span) -> Expr {
        let body = match init.kind {
            ExprKind::Block(_) => init,
            _ => {
                let sp = init.span;
                let stmts = vec![Stmt { kind: StmtKind::Expr(init, false), span: sp }];
                self.mk(ExprKind::Block(Block { stmts, is_unsafe: false, span: sp }), sp)
            }
        };
        let closure = self.mk(ExprKind::Closure { is_move: false, params: Vec::new(), ret: Some(ty.clone()), body: Box::new(body) }, span);
        let mut path = local_key_path(None, span);
        path.segments.push(PathSegment { ident: Ident { name: "__new".into(), span }, generics: None });
        let callee = self.mk(ExprKind::Path(path), span);
        self.mk(ExprKind::Call(Box::new(callee), vec![closure]), span)
    }
}

/// `std::thread::LocalKey` (with `generics` on its last segment).
fn local_key_path(generics: Option<Vec<Type>>, span: Span) -> Path {
    let seg = |name: &str, generics| PathSegment { ident: Ident { name: name.into(), span }, generics };
    Path { segments: vec![seg("std", None), seg("thread", None), seg("LocalKey", generics)], global: false, span, qself: None }
}

#[cfg(test)]
mod tests {
    use crate::ast::{ItemKind, TypeKind};

    #[test]
    fn thread_local_becomes_statics_of_local_key() {
        let src = "thread_local! {\n    static A: RefCell<u32> = RefCell::new(1);\n    pub static B: Cell<i64> = const { Cell::new(2) }\n}\nfn main() {}\n";
        let (file, diags) = crate::syntax::parse_file(src);
        assert!(diags.is_empty(), "{diags:?}");
        let statics: Vec<_> = file
            .items
            .iter()
            .filter_map(|i| match &i.kind {
                ItemKind::Static(s) => Some((s.name.name.clone(), i.public, s.ty.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(statics.len(), 2);
        assert_eq!(statics[0].0, "A");
        assert!(!statics[0].1);
        assert!(statics[1].1, "`pub` is kept");
        match &statics[1].2.kind {
            TypeKind::Path(p) => assert_eq!(p.last().ident.name, "LocalKey"),
            other => panic!("unexpected type {other:?}"),
        }
    }
}
