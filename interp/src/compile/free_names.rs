//! The free names of a closure body: the identifiers it uses that are not bound inside it
//! (by its parameters, a `let`, a `match` arm, an `if let`/`while let` pattern, a `for`
//! pattern, or a nested closure's parameters) at the point of use. These are the closure's
//! candidate captures (`closure.rs` keeps those that are locals of the enclosing function).
//!
//! Scoping matters for moves: a `move` closure whose body declares its own `g` must not
//! capture (and so move) an enclosing `g`, which may have been moved already
//! (`let moved = g; spawn(move || { let g = moved.lock().unwrap(); .. })`). The analysis
//! errs on the side of capturing: where it is unsure whether a binding covers a use (a
//! `let` outside a condition), the name counts as free, as every mentioned name did before.

use crate::ast::{self, Block, Expr, ExprKind, MacroArgs, Pat, PatKind, StmtKind};

/// Names a closure with these parameters and body refers to from outside, in first-use order.
pub(crate) fn closure_free_names(params: &[ast::ClosureParam], body: &Expr) -> Vec<String> {
    let mut f = Free::default();
    for p in params {
        f.bind_pat(&p.pat);
    }
    f.expr(body);
    f.out
}

#[derive(Default)]
struct Free {
    /// Names bound inside the body at the current point (a stack: scopes truncate it).
    bound: Vec<String>,
    out: Vec<String>,
}

impl Free {
    fn use_name(&mut self, n: &str) {
        if !self.bound.iter().any(|b| b == n) && !self.out.iter().any(|x| x == n) {
            self.out.push(n.to_string());
        }
    }

    fn bind_pat(&mut self, p: &Pat) {
        pat_names(p, &mut self.bound);
    }

    fn scoped(&mut self, f: impl FnOnce(&mut Self)) {
        let mark = self.bound.len();
        f(self);
        self.bound.truncate(mark);
    }

    fn block(&mut self, b: &Block) {
        self.scoped(|s| {
            for st in &b.stmts {
                match &st.kind {
                    StmtKind::Let { pat, init, else_, .. } => {
                        if let Some(i) = init {
                            s.expr(i);
                        }
                        if let Some(e) = else_ {
                            s.block(e);
                        }
                        s.bind_pat(pat);
                    }
                    StmtKind::Expr(e, _) => s.expr(e),
                    // Items cannot capture locals.
                    StmtKind::Item(_) | StmtKind::Empty => {}
                }
            }
        });
    }

    /// A condition of `if`/`while`: its `let` patterns bind for the rest of the condition
    /// and the body (the caller's scope).
    fn cond(&mut self, c: &Expr) {
        match &c.kind {
            ExprKind::Let(pat, e) => {
                self.expr(e);
                self.bind_pat(pat);
            }
            ExprKind::Binary(ast::BinOp::And, a, b) => {
                self.cond(a);
                self.cond(b);
            }
            ExprKind::Paren(x) => self.cond(x),
            _ => self.expr(c),
        }
    }

    fn exprs<'a>(&mut self, xs: impl IntoIterator<Item = &'a Expr>) {
        for x in xs {
            self.expr(x);
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Lit(_) | ExprKind::Continue { .. } | ExprKind::Error => {}
            ExprKind::Path(p) => {
                if let Some(n) = p.as_ident() {
                    self.use_name(n);
                }
            }
            ExprKind::Unary(_, a) | ExprKind::Paren(a) | ExprKind::Await(a) | ExprKind::Try(a) | ExprKind::Cast(a, _) => self.expr(a),
            ExprKind::Ref { expr, .. } => self.expr(expr),
            ExprKind::Field(a, _) | ExprKind::TupleField(a, _, _) => self.expr(a),
            ExprKind::Binary(_, a, b) | ExprKind::Assign(a, b) | ExprKind::AssignOp(_, a, b) | ExprKind::Index(a, b) | ExprKind::ArrayRepeat(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Call(c, args) => {
                self.expr(c);
                self.exprs(args);
            }
            ExprKind::MethodCall { receiver, args, .. } => {
                self.expr(receiver);
                self.exprs(args);
            }
            ExprKind::Range { start, end, .. } => {
                self.exprs(start.iter().chain(end.iter()).map(|b| &**b));
            }
            ExprKind::Tuple(xs) | ExprKind::Array(xs) => self.exprs(xs),
            ExprKind::Struct { fields, base, .. } => {
                self.exprs(fields.iter().map(|f| &f.expr));
                if let Some(b) = base {
                    self.expr(b);
                }
            }
            ExprKind::Block(b) | ExprKind::Loop { body: b, .. } | ExprKind::LabeledBlock { body: b, .. } | ExprKind::Async { body: b, .. } => self.block(b),
            ExprKind::If { cond, then, else_ } => {
                self.scoped(|s| {
                    s.cond(cond);
                    s.block(then);
                });
                if let Some(x) = else_ {
                    self.expr(x);
                }
            }
            ExprKind::While { cond, body, .. } => self.scoped(|s| {
                s.cond(cond);
                s.block(body);
            }),
            // A `let` outside a condition: its bindings are not followed (conservative).
            ExprKind::Let(_, x) => self.expr(x),
            ExprKind::For { pat, iter, body, .. } => {
                self.expr(iter);
                self.scoped(|s| {
                    s.bind_pat(pat);
                    s.block(body);
                });
            }
            ExprKind::Match { scrutinee, arms } => {
                self.expr(scrutinee);
                for a in arms {
                    self.scoped(|s| {
                        s.bind_pat(&a.pat);
                        if let Some(g) = &a.guard {
                            s.cond(g);
                        }
                        s.expr(&a.body);
                    });
                }
            }
            ExprKind::Closure { params, body, .. } => self.scoped(|s| {
                for p in params {
                    s.bind_pat(&p.pat);
                }
                s.expr(body);
            }),
            ExprKind::Break { value, .. } | ExprKind::Return(value) => {
                if let Some(v) = value {
                    self.expr(v);
                }
            }
            ExprKind::Macro(m) => self.macro_args(&m.args, m.span),
        }
    }

    fn macro_args(&mut self, args: &MacroArgs, span: ast::Span) {
        match args {
            MacroArgs::Format { target, leading, fmt, args } => {
                if let Some(t) = target {
                    self.expr(t);
                }
                self.exprs(leading);
                self.exprs(args.iter().map(|a| &a.expr));
                // Inline arguments `{x}` of the format string.
                if let Some(ast::Lit { kind: ast::LitKind::Str(s), .. }) = fmt {
                    let named: Vec<&str> = args.iter().filter_map(|a| a.name.as_ref().map(|n| n.name.as_str())).collect();
                    let npos = args.iter().filter(|a| a.name.is_none()).count();
                    if let Ok(t) = teras_stdlib::fmt::compile_format(s, npos, &named) {
                        for c in t.captures {
                            self.use_name(&c);
                        }
                    }
                }
            }
            MacroArgs::Exprs(xs) => self.exprs(xs),
            MacroArgs::Repeat(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            MacroArgs::Matches { expr, pat, guard } => {
                self.expr(expr);
                if let Some(g) = guard {
                    self.scoped(|s| {
                        s.bind_pat(pat);
                        s.expr(g);
                    });
                }
            }
            MacroArgs::Select(arms) => self.expr(&super::select::desugar(arms, span)),
        }
    }
}

/// The names a pattern binds, appended to `out`.
pub(crate) fn pat_names(p: &Pat, out: &mut Vec<String>) {
    match &p.kind {
        PatKind::Ident { name, sub, .. } => {
            out.push(name.name.clone());
            if let Some(s) = sub {
                pat_names(s, out);
            }
        }
        PatKind::Tuple(ps) | PatKind::Slice(ps) | PatKind::TupleStruct { elems: ps, .. } => {
            for q in ps {
                pat_names(q, out);
            }
        }
        // Each alternative binds the same names.
        PatKind::Or(ps) => {
            if let Some(q) = ps.first() {
                pat_names(q, out);
            }
        }
        PatKind::Struct { fields, .. } => {
            for f in fields {
                pat_names(&f.pat, out);
            }
        }
        PatKind::Ref { pat, .. } => pat_names(pat, out),
        PatKind::Wild | PatKind::Rest | PatKind::Lit(_) | PatKind::Range { .. } | PatKind::Path(_) | PatKind::Error => {}
    }
}

#[cfg(test)]
mod tests {
    use super::closure_free_names;
    use crate::ast::ExprKind;

    /// The free names of the first closure in `src` (a whole program).
    fn free(src: &str) -> Vec<String> {
        let (file, errs) = crate::syntax::parse_file(src);
        assert!(errs.is_empty(), "{errs:?}");
        let mut found = None;
        for item in &file.items {
            if let crate::ast::ItemKind::Fn(f) = &item.kind {
                if let Some(body) = &f.body {
                    super::super::closure::walk_block(body, false, &mut |e, _| {
                        if let ExprKind::Closure { params, body, .. } = &e.kind {
                            if found.is_none() {
                                found = Some(closure_free_names(params, body));
                            }
                        }
                    });
                }
            }
        }
        found.unwrap_or_default()
    }

    #[test]
    fn inner_let_shadows_outer_name() {
        let f = free("fn main() { let c = move || { let g = moved.lock(); g.len() + other }; }");
        assert_eq!(f, vec!["moved", "other"]);
    }

    #[test]
    fn use_before_shadowing_let_is_free() {
        let f = free("fn main() { let c = move || { let n = v.len(); let v = 3; v + n }; }");
        assert_eq!(f, vec!["v"]);
        let f = free("fn main() { let c = move || { let v = v + 1; v }; }");
        assert_eq!(f, vec!["v"]);
    }

    #[test]
    fn params_patterns_and_arms_bind() {
        let f = free("fn main() { let c = |x, (a, b)| match x { Some(y) if y > a => y + b + z, _ => w }; }");
        assert_eq!(f, vec!["z", "w"]);
        let f = free("fn main() { let c = move || { if let Some(q) = o { q } else { q } }; }");
        assert_eq!(f, vec!["o", "q"]);
        let f = free("fn main() { let c = move || { for i in 0..n { t += i; } let h = |k| k + i; }; }");
        assert_eq!(f, vec!["n", "t", "i"]);
    }

    #[test]
    fn format_inline_arguments_are_uses() {
        let f = free("fn main() { let c = move || { let a = 1; println!(\"{a} {b}\"); }; }");
        assert_eq!(f, vec!["b"]);
    }
}
