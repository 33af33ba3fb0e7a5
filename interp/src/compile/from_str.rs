//! User `FromStr`: `s.parse::<P>()` and `let p: P = s.parse()?` call `impl FromStr for P`.
//!
//! When typeck gives a `parse()` call the type `Result<P, _>` and `P` is a user struct or enum
//! with a `from_str` function, the call compiles to `P::from_str(s)`. Every other `parse`
//! stays the native (numbers, `bool`, `char`, `String`).

use super::Compiler;
use crate::ast::{self, Expr, ExprKind};
use crate::types::Ty;
use crate::vm::bytecode::Reg;
use crate::vm::program::tid;

impl Compiler {
    /// The user type a `parse()` call produces, when it has a `from_str` function.
    pub(crate) fn user_from_str(&self, call: &Expr) -> Option<String> {
        let Some(Ty::Named(r, args)) = self.inferred(call) else { return None };
        let Some(Ty::Named(n, _)) = (r == "Result").then(|| args.first().cloned()).flatten() else { return None };
        let t = *self.prog.type_ids.get(&n)?;
        let s = self.prog.symbols.get("from_str")?;
        (t >= tid::FIRST_ADT_TYPE && self.prog.find_method(t, s).is_some()).then_some(n)
    }

    /// `Type::from_str(receiver)` into `dst`.
    pub(crate) fn user_from_str_call(&mut self, call: &Expr, ty: String, receiver: &Expr, dst: Reg) {
        let seg = |name: &str| ast::PathSegment { ident: ast::Ident { name: name.into(), span: call.span }, generics: None };
        let path = ast::Path { segments: vec![seg(&ty), seg("from_str")], global: false, span: call.span, qself: None };
        let callee = Expr { kind: ExprKind::Path(path), span: call.span, id: receiver.id };
        let kind = ExprKind::Call(Box::new(callee), vec![receiver.clone()]);
        self.expr_to(&Expr { kind, span: call.span, id: call.id }, dst, None);
    }
}
