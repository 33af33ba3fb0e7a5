//! `select!` (crossbeam-channel's syntax): compiled by rewriting it into ordinary syntax
//! around the `__chan_select` native (`builtins/channel_select.rs`). Typeck checks the same
//! rewrite (`desugar`), so the arms' patterns get their types (`Result<T, RecvError>` for a
//! `recv` arm, `Result<(), SendError<T>>` for a `send` arm) and the bodies their literal
//! types; the synthesized nodes have ids derived from the macro's position, identical in both
//! passes.
//!
//! ```text
//! select! {                              {
//!     recv(r) -> msg => A,                   let __sel_c0 = &r;
//!     send(s, v) -> res => B,                let __sel_c1 = &s;
//!     default(t) => C,          ==>          let __sel_t = t;
//! }                                          let __sel_r = __chan_select("rst", __sel_t, __sel_c0, __sel_c1);
//!                                            match __sel_r.0 {
//!                                                0 => { let msg = __sel_c0.__select_recv(__sel_r.1); A }
//!                                                1 => { let res = __sel_c1.send(v); B }
//!                                                _ => C,
//!                                            }
//!                                        }
//! ```
//! The channel expressions are evaluated once, before waiting; a send's message only when its
//! arm is chosen (as in crossbeam). Without a `default` arm the last operation's arm is `_`.

use super::Compiler;
use crate::ast::*;
use crate::types::Ty;
use crate::vm::bytecode::Reg;

/// Builds synthesized nodes with deterministic ids (high range, from the macro's position).
struct Builder {
    span: Span,
    base: u32,
    next: u32,
}

impl Builder {
    fn id(&mut self) -> NodeId {
        self.next += 1;
        self.base.wrapping_add(self.next)
    }
    fn e(&mut self, kind: ExprKind) -> Expr {
        Expr { kind, span: self.span, id: self.id() }
    }
    fn ident(&self, n: &str) -> Ident {
        Ident { name: n.to_string(), span: self.span }
    }
    fn path(&mut self, n: &str) -> Expr {
        let p = Path { segments: vec![PathSegment { ident: self.ident(n), generics: None }], global: false, span: self.span, qself: None };
        self.e(ExprKind::Path(p))
    }
    fn bind(&self, n: &str) -> Pat {
        Pat { kind: PatKind::Ident { by_ref: false, mutable: false, name: self.ident(n), sub: None }, span: self.span }
    }
    fn let_(&self, pat: Pat, init: Expr) -> Stmt {
        Stmt { kind: StmtKind::Let { pat, ty: None, init: Some(init), else_: None }, span: self.span }
    }
    fn lit(&mut self, kind: LitKind) -> Expr {
        let span = self.span;
        self.e(ExprKind::Lit(Lit { kind, span }))
    }
    fn field(&mut self, e: Expr, i: u32) -> Expr {
        let span = self.span;
        self.e(ExprKind::TupleField(Box::new(e), i, span))
    }
    fn method(&mut self, recv: Expr, name: &str, args: Vec<Expr>) -> Expr {
        let method = self.ident(name);
        self.e(ExprKind::MethodCall { receiver: Box::new(recv), method, turbofish: None, args })
    }
    fn block(&mut self, stmts: Vec<Stmt>) -> Expr {
        let span = self.span;
        self.e(ExprKind::Block(Block { stmts, is_unsafe: false, span }))
    }
}

/// The ordinary expression a `select!` stands for (see the module doc).
pub(crate) fn desugar(arms: &[SelectArm], span: Span) -> Expr {
    let mut b = Builder { span, base: 0xC000_0000 | ((span.lo & 0x3_FFFF) << 12), next: 0 };
    let mut stmts = Vec::new();
    let mut spec = String::new();
    let mut ops: Vec<(usize, &SelectArm)> = Vec::new();
    let mut default: Option<&SelectArm> = None;
    for arm in arms {
        match &arm.op {
            SelectOp::Recv(c) | SelectOp::Send(c, _) => {
                let i = ops.len();
                spec.push(if matches!(arm.op, SelectOp::Recv(_)) { 'r' } else { 's' });
                let r = b.e(ExprKind::Ref { mutable: false, expr: Box::new(c.clone()) });
                stmts.push(b.let_(b.bind(&format!("__sel_c{i}")), r));
                ops.push((i, arm));
            }
            SelectOp::Default(t) => {
                if default.is_none() {
                    default = Some(arm);
                    if let Some(t) = t {
                        spec.push('t');
                        stmts.push(b.let_(b.bind("__sel_t"), t.clone()));
                    } else {
                        spec.push('d');
                    }
                }
            }
        }
    }
    // The operation letters come first, the default's letter last.
    let mode: String = spec.chars().filter(|c| matches!(c, 'd' | 't')).collect();
    let letters: String = spec.chars().filter(|c| matches!(c, 'r' | 's')).collect();
    let mut args = vec![b.lit(LitKind::Str(format!("{letters}{mode}")))];
    args.push(if mode == "t" { b.path("__sel_t") } else { b.e(ExprKind::Tuple(Vec::new())) });
    for (i, _) in &ops {
        args.push(b.path(&format!("__sel_c{i}")));
    }
    let callee = b.path("__chan_select");
    let call = b.e(ExprKind::Call(Box::new(callee), args));
    stmts.push(b.let_(b.bind("__sel_r"), call));

    let mut match_arms = Vec::new();
    let n = ops.len();
    for (i, arm) in &ops {
        let chan = b.path(&format!("__sel_c{i}"));
        let result = match &arm.op {
            SelectOp::Send(_, msg) => b.method(chan, "send", vec![msg.clone()]),
            _ => {
                let r = b.path("__sel_r");
                let got = b.field(r, 1);
                b.method(chan, "__select_recv", vec![got])
            }
        };
        let pat = arm.pat.clone().unwrap_or(Pat { kind: PatKind::Wild, span });
        let body = b.block(vec![b.let_(pat, result), Stmt { kind: StmtKind::Expr(arm.body.clone(), false), span: arm.span }]);
        let last = *i + 1 == n && default.is_none();
        let pat = if last {
            Pat { kind: PatKind::Wild, span }
        } else {
            let l = b.lit(LitKind::Int(*i as u128, Some("i32".into())));
            Pat { kind: PatKind::Lit(Box::new(l)), span }
        };
        match_arms.push(Arm { pat, guard: None, body, span: arm.span });
    }
    if let Some(d) = default {
        match_arms.push(Arm { pat: Pat { kind: PatKind::Wild, span }, guard: None, body: d.body.clone(), span: d.span });
    }
    let r = b.path("__sel_r");
    let scrutinee = b.field(r, 0);
    let m = b.e(ExprKind::Match { scrutinee: Box::new(scrutinee), arms: match_arms });
    stmts.push(Stmt { kind: StmtKind::Expr(m, false), span });
    b.block(stmts)
}

impl Compiler {
    /// `select! { ... }` into `dst`.
    pub(crate) fn select(&mut self, arms: &[SelectArm], dst: Reg, span: Span, expect: Option<&Ty>) {
        let e = desugar(arms, span);
        self.expr_to(&e, dst, expect);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arms(src: &str) -> (Vec<SelectArm>, Span) {
        let (e, diags) = crate::syntax::parse_expr(src);
        assert!(diags.is_empty(), "{diags:?}");
        match e {
            Some(Expr { kind: ExprKind::Macro(m), span, .. }) => match m.args {
                MacroArgs::Select(a) => (a, span),
                other => panic!("not a select: {other:?}"),
            },
            other => panic!("not a macro: {other:?}"),
        }
    }

    #[test]
    fn parses_every_arm_kind() {
        let (a, _) = arms("select! { recv(r1) -> msg => 1, send(s, 5) -> res => { 2 } default(Duration::from_millis(5)) => 3 }");
        assert_eq!(a.len(), 3);
        assert!(matches!(a[0].op, SelectOp::Recv(_)));
        assert!(matches!(a[1].op, SelectOp::Send(..)));
        assert!(matches!(a[2].op, SelectOp::Default(Some(_))));
        assert!(a[2].pat.is_none());
    }

    #[test]
    fn rewrite_has_the_spec_and_one_arm_per_operation() {
        let (a, span) = arms("select! { recv(r1) -> m => 1, send(s, 5) -> r => 2, default => 3, }");
        let e = desugar(&a, span);
        let ExprKind::Block(b) = &e.kind else { panic!("block") };
        // Two channel lets, the select call, the match.
        assert_eq!(b.stmts.len(), 4);
        let text = format!("{:?}", b.stmts[2]);
        assert!(text.contains("\"rsd\""), "{text}");
        let Some(StmtKind::Expr(Expr { kind: ExprKind::Match { arms, .. }, .. }, _)) = b.stmts.last().map(|s| &s.kind) else { panic!("match") };
        assert_eq!(arms.len(), 3);
        // Same ids on a second rewrite (typeck and the compiler must agree).
        assert_eq!(desugar(&a, span), e);
    }
}
