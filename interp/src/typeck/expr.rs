//! Expressions: the type of each expression kind, checked against what its context expects.
//!
//! `Checker::expr(e, exp)` infers `e`'s type with `exp` (the context's expected type) as a
//! hint for literals and closures, records it, then coerces it to `exp`. Calls, method calls
//! and paths are in `call.rs`; patterns in `pat.rs`.

use super::check::{Checker, LoopCx, Oblig, MAX_EXPR_DEPTH};
use super::unify::T;
use crate::ast::{BinOp, Expr, ExprKind, LitKind, MacroArgs, MacroCall, UnOp};
use crate::value::{FloatTy, IntTy};

fn usize_t() -> T {
    T::Int(IntTy::Usize)
}

impl Checker<'_> {
    /// Infers `e` (with `exp` as the context's expectation), records and returns its type.
    pub fn expr(&mut self, e: &Expr, exp: Option<&T>) -> T {
        if self.depth > MAX_EXPR_DEPTH {
            return self.sub.var();
        }
        self.depth += 1;
        let t = self.expr_kind(e, exp);
        self.depth -= 1;
        if let Some(x) = exp {
            self.sub.coerce(&t, x);
        }
        self.types.insert(e.id, t.clone());
        self.spans.insert(e.id, e.span);
        t
    }

    fn expr_kind(&mut self, e: &Expr, exp: Option<&T>) -> T {
        match &e.kind {
            ExprKind::Lit(l) => self.lit(&l.kind, exp),
            ExprKind::Path(p) => self.path_expr(p),
            ExprKind::Unary(op, inner) => self.unary(*op, inner, exp),
            ExprKind::Ref { mutable, expr } => {
                let inner_exp = exp.and_then(|x| match self.sub.shallow(x) {
                    T::Ref(_, i) => Some(*i),
                    _ => None,
                });
                let t = self.expr(expr, inner_exp.as_ref());
                T::reference(*mutable, t)
            }
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r),
            ExprKind::Assign(place, value) => {
                let pt = self.expr(place, None);
                self.expr(value, Some(&pt));
                T::Unit
            }
            ExprKind::AssignOp(op, place, value) => {
                let pt = self.expr(place, None);
                let pd = self.peel_refs(&pt);
                if matches!(op, BinOp::Shl | BinOp::Shr) || !self.is_numeric_like(&pd) {
                    let vt = self.expr(value, None);
                    if !self.is_numeric_like(&pd) && !matches!(pd, T::String) {
                        let name = format!("{}_assign", op_method(*op));
                        self.operator_method(&pt, &name, &vt);
                    }
                } else {
                    let vt = self.expr(value, Some(&pd));
                    let vd = self.peel_refs(&vt);
                    self.sub.unify(&pd, &vd);
                }
                T::Unit
            }
            ExprKind::Call(callee, args) => {
                let t = self.call(e.id, callee, args, exp);
                self.record_expected(e, &t, exp);
                t
            }
            ExprKind::MethodCall { receiver, method, turbofish, args } => {
                let t = self.method_call(Some(e.id), receiver, &method.name, turbofish.as_deref(), args, exp);
                self.record_expected(e, &t, exp);
                t
            }
            ExprKind::Field(base, name) => {
                let bt = self.expr(base, None);
                self.field(&bt, &name.name).unwrap_or_else(|| self.sub.var())
            }
            ExprKind::TupleField(base, idx, _) => {
                let bt = self.expr(base, None);
                self.field(&bt, &idx.to_string()).unwrap_or_else(|| self.sub.var())
            }
            ExprKind::Index(base, idx) => self.index(base, idx),
            ExprKind::Range { start, end, inclusive } => {
                let elem = self.sub.var();
                if let Some(x) = exp {
                    match self.sub.shallow(x) {
                        T::Named(_, args) => {
                            if let Some(a) = args.first() {
                                self.sub.unify(&elem, a);
                            }
                        }
                        // A range where an index is expected (`v.get(1..3)`).
                        T::Int(IntTy::Usize) => {
                            self.sub.unify(&elem, &usize_t());
                        }
                        _ => {}
                    }
                }
                self.range(start.as_deref(), end.as_deref(), *inclusive, &elem)
            }
            ExprKind::Tuple(es) if es.is_empty() => T::Unit,
            ExprKind::Tuple(es) => {
                let exps: Vec<Option<T>> = match exp.map(|x| self.sub.shallow(x)) {
                    Some(T::Tuple(ts)) if ts.len() == es.len() => ts.into_iter().map(Some).collect(),
                    _ => vec![None; es.len()],
                };
                T::Tuple(es.iter().zip(exps).map(|(e, x)| self.expr(e, x.as_ref())).collect())
            }
            ExprKind::Paren(inner) => self.expr(inner, exp),
            ExprKind::Array(es) => {
                let elem = self.elem_of_expected(exp);
                for x in es {
                    self.expr(x, Some(&elem));
                }
                T::Array(Box::new(elem), Some(es.len() as u64))
            }
            ExprKind::ArrayRepeat(x, n) => {
                let elem = self.elem_of_expected(exp);
                self.expr(x, Some(&elem));
                self.expr(n, Some(&usize_t()));
                let len = match &n.kind {
                    ExprKind::Lit(l) => match l.kind {
                        LitKind::Int(v, _) => u64::try_from(v).ok(),
                        _ => None,
                    },
                    _ => None,
                };
                T::Array(Box::new(elem), len)
            }
            ExprKind::Struct { path, fields, base } => self.struct_lit(path, fields, base.as_deref()),
            ExprKind::Block(b) => self.block(b, exp),
            ExprKind::Async { body, .. } => {
                let saved = std::mem::take(&mut self.loops);
                let r = self.sub.var();
                self.rets.push(r.clone());
                let t = self.block(body, Some(&r));
                self.rets.pop();
                self.loops = saved;
                T::named("Future", vec![t])
            }
            ExprKind::Await(inner) => {
                let t = self.expr(inner, None);
                match self.sub.shallow(&t) {
                    T::Named(n, args) if n == "Future" && args.len() == 1 => args[0].clone(),
                    _ => self.sub.var(),
                }
            }
            ExprKind::If { cond, then, else_ } => {
                self.scopes.push(Vec::new());
                self.cond(cond);
                let t = match else_ {
                    None => {
                        self.block(then, Some(&T::Unit));
                        T::Unit
                    }
                    Some(els) => {
                        let res = exp.cloned().unwrap_or_else(|| self.sub.var());
                        let tt = self.block(then, Some(&res));
                        self.scopes.pop();
                        self.scopes.push(Vec::new());
                        let et = self.expr(els, Some(&res));
                        if self.is_never(&tt) && self.is_never(&et) {
                            T::Never
                        } else {
                            res
                        }
                    }
                };
                self.scopes.pop();
                t
            }
            ExprKind::Let(pat, scrut) => {
                let t = self.expr(scrut, None);
                self.pat(pat, &t);
                T::Bool
            }
            ExprKind::While { label, cond, body } => {
                self.scopes.push(Vec::new());
                self.cond(cond);
                self.loop_body(label.as_ref().map(|l| l.name.clone()), T::Unit, false, false, body);
                self.scopes.pop();
                T::Unit
            }
            ExprKind::Loop { label, body } => {
                let res = exp.cloned().unwrap_or_else(|| self.sub.var());
                let broke = self.loop_body(label.as_ref().map(|l| l.name.clone()), res.clone(), true, false, body);
                if broke {
                    res
                } else {
                    T::Never
                }
            }
            ExprKind::LabeledBlock { label, body } => {
                let res = exp.cloned().unwrap_or_else(|| self.sub.var());
                self.loops.push(LoopCx {
                    label: Some(label.name.clone()),
                    ty: res.clone(),
                    takes_value: true,
                    is_block: true,
                    broke: false,
                });
                let t = self.block(body, Some(&res));
                self.loops.pop();
                if self.is_never(&t) {
                    return t;
                }
                res
            }
            ExprKind::For { label, pat, iter, body } => {
                let it = self.expr(iter, None);
                let item = match self.iterable_item(&it) {
                    Some(i) => i,
                    None => {
                        let v = self.sub.var();
                        self.obligations.push(Oblig::IntoIterItem(it, v.clone()));
                        v
                    }
                };
                self.scopes.push(Vec::new());
                self.pat(pat, &item);
                self.loop_body(label.as_ref().map(|l| l.name.clone()), T::Unit, false, false, body);
                self.scopes.pop();
                T::Unit
            }
            ExprKind::Match { scrutinee, arms } => {
                let st = self.expr(scrutinee, None);
                let res = exp.cloned().unwrap_or_else(|| self.sub.var());
                let mut all_never = true;
                for arm in arms {
                    self.scopes.push(Vec::new());
                    self.pat(&arm.pat, &st);
                    if let Some(g) = &arm.guard {
                        self.scopes.push(Vec::new());
                        self.cond(g);
                        self.scopes.pop();
                    }
                    let t = self.expr(&arm.body, Some(&res));
                    if !self.is_never(&t) {
                        all_never = false;
                    }
                    self.scopes.pop();
                }
                if all_never {
                    T::Never
                } else {
                    res
                }
            }
            ExprKind::Closure { params, ret, body, .. } => self.closure(params, ret.as_ref(), body, exp),
            ExprKind::Break { label, value } => {
                let target = self.break_target(label.as_ref().map(|l| l.name.as_str()));
                match (target, value) {
                    (Some((ty, takes)), Some(v)) => {
                        let exp = if takes { Some(ty) } else { None };
                        self.expr(v, exp.as_ref());
                    }
                    (Some((ty, true)), None) => {
                        self.sub.coerce(&T::Unit, &ty);
                    }
                    (None, Some(v)) => {
                        self.expr(v, None);
                    }
                    _ => {}
                }
                T::Never
            }
            ExprKind::Continue { .. } => T::Never,
            ExprKind::Return(v) => {
                let r = self.rets.last().cloned();
                match v {
                    Some(v) => {
                        self.expr(v, r.as_ref());
                    }
                    None => {
                        if let Some(r) = r {
                            self.sub.coerce(&T::Unit, &r);
                        }
                    }
                }
                T::Never
            }
            ExprKind::Try(inner) => {
                let t = self.expr(inner, None);
                match self.sub.shallow(&t) {
                    T::Named(n, args) if (n == "Result" || n == "Option") && !args.is_empty() => args[0].clone(),
                    _ => self.sub.var(),
                }
            }
            ExprKind::Cast(inner, ty) => {
                let target = self.lower(ty);
                let is_lit = matches!(strip_neg_paren(inner).kind, ExprKind::Lit(_));
                let hint = match self.sub.shallow(&target) {
                    T::Int(_) | T::Float(_) if is_lit => Some(target.clone()),
                    _ => None,
                };
                let _ = self.expr(inner, hint.as_ref());
                target
            }
            ExprKind::Macro(m) => self.mac(m, exp),
            ExprKind::Error => self.sub.var(),
        }
    }

    /// Records the type the context expects of a call: the expectation when the result fits
    /// it (possibly by coercion), else the call's own type.
    fn record_expected(&mut self, e: &Expr, t: &T, exp: Option<&T>) {
        let x = match exp {
            Some(x) if self.sub.coerce(t, x) => x.clone(),
            _ => t.clone(),
        };
        self.expected.insert(e.id, x);
    }

    pub fn is_never(&self, t: &T) -> bool {
        matches!(self.sub.shallow(t), T::Never)
    }

    /// Integer, float, or a variable that may become one.
    pub fn is_numeric_like(&self, t: &T) -> bool {
        matches!(self.sub.shallow(t), T::Int(_) | T::Float(_) | T::Var(_))
    }

    /// `t` with references peeled off.
    pub fn peel_refs(&self, t: &T) -> T {
        let mut cur = self.sub.shallow(t);
        for _ in 0..16 {
            match cur {
                T::Ref(_, inner) => cur = self.sub.shallow(&inner),
                other => return other,
            }
        }
        cur
    }

    fn lit(&mut self, l: &LitKind, exp: Option<&T>) -> T {
        match l {
            LitKind::Int(_, Some(s)) | LitKind::Float(_, Some(s)) => match s.as_str() {
                "f32" => T::Float(FloatTy::F32),
                "f64" => T::Float(FloatTy::F64),
                s => IntTy::from_name(s).map_or_else(|| self.sub.int_var(), T::Int),
            },
            LitKind::Int(_, None) => {
                let v = self.sub.int_var();
                if let Some(x) = exp {
                    self.sub.unify(&v, x);
                }
                v
            }
            LitKind::Float(_, None) => {
                let v = self.sub.float_var();
                if let Some(x) = exp {
                    self.sub.unify(&v, x);
                }
                v
            }
            LitKind::Str(_) => T::reference(false, T::Str),
            LitKind::ByteStr(b) => T::reference(false, T::Array(Box::new(T::Int(IntTy::U8)), Some(b.len() as u64))),
            LitKind::Char(_) => T::Char,
            LitKind::Byte(_) => T::Int(IntTy::U8),
            LitKind::Bool(_) => T::Bool,
        }
    }

    fn unary(&mut self, op: UnOp, inner: &Expr, exp: Option<&T>) -> T {
        match op {
            UnOp::Neg | UnOp::Not => {
                let t = self.expr(inner, exp);
                let d = self.sub.shallow(&t);
                match d {
                    T::Named(..) => {
                        let name = if op == UnOp::Neg { "neg" } else { "not" };
                        self.operator_method(&t, name, &T::Unit)
                    }
                    T::Ref(_, i) => self.sub.shallow(&i),
                    _ => t,
                }
            }
            UnOp::Deref => {
                let t = self.expr(inner, None);
                match self.sub.shallow(&t) {
                    T::Var(_) => self.sub.var(),
                    T::String => T::Str,
                    other => match self.sub.deref_step(&other) {
                        Some(d) => d,
                        // A user `impl Deref`: `deref(&self) -> &Target`.
                        None => match self.lookup_method(&other, "deref") {
                            Some(found) if matches!(found.sig.self_ty, Some(ref st) if !matches!(st, crate::types::Ty::Param(_))) => {
                                let inst = self.instantiate(&found.sig, Some(&found.recv));
                                match self.sub.shallow(&inst.ret) {
                                    T::Ref(_, inner) => *inner,
                                    r => r,
                                }
                            }
                            _ => other,
                        },
                    },
                }
            }
        }
    }

    fn binary(&mut self, op: BinOp, l: &Expr, r: &Expr) -> T {
        use BinOp::*;
        match op {
            And | Or => {
                self.expr(l, Some(&T::Bool));
                self.expr(r, Some(&T::Bool));
                T::Bool
            }
            Eq | Ne | Lt | Le | Gt | Ge => {
                let lt = self.expr(l, None);
                self.expr(r, Some(&lt));
                T::Bool
            }
            Shl | Shr => {
                let lt = self.expr(l, None);
                self.expr(r, None);
                self.peel_refs(&lt)
            }
            Add | Sub | Mul | Div | Rem | BitAnd | BitOr | BitXor => {
                let lt = self.expr(l, None);
                let ld = self.peel_refs(&lt);
                if self.is_numeric_like(&ld) || matches!(ld, T::Bool) {
                    let rt = self.expr(r, Some(&ld));
                    let rd = self.peel_refs(&rt);
                    self.sub.unify(&ld, &rd);
                    return ld;
                }
                if matches!(ld, T::String) {
                    self.expr(r, None);
                    return T::String;
                }
                let rt = self.expr(r, None);
                self.operator_method(&lt, op_method(op), &rt)
            }
        }
    }

    /// The result of an overloaded operator (`impl Add for Point`): the method's return type,
    /// or the operand's type when no impl is known.
    pub fn operator_method(&mut self, lt: &T, name: &str, rt: &T) -> T {
        match self.lookup_method(lt, name) {
            Some(found) => {
                let inst = self.instantiate(&found.sig, Some(&found.recv));
                if let Some(p) = inst.params.first() {
                    self.sub.coerce(rt, p);
                }
                inst.ret
            }
            None => self.peel_refs(lt),
        }
    }

    fn index(&mut self, base: &Expr, idx: &Expr) -> T {
        let bt = self.expr(base, None);
        let mut cur = self.sub.shallow(&bt);
        let is_range = matches!(strip_neg_paren(idx).kind, ExprKind::Range { .. });
        for _ in 0..8 {
            let elem = match &cur {
                T::Named(n, args) if matches!(n.as_str(), "Vec" | "VecDeque") && args.len() == 1 => Some(args[0].clone()),
                T::Array(e, _) | T::Slice(e) => Some((**e).clone()),
                T::Named(n, args) if matches!(n.as_str(), "HashMap" | "BTreeMap") && args.len() == 2 => {
                    let key = T::reference(false, args[0].clone());
                    self.expr(idx, Some(&key));
                    return args[1].clone();
                }
                T::String | T::Str => {
                    let exp = if is_range { Some(T::named("Range", vec![usize_t()])) } else { None };
                    self.expr(idx, exp.as_ref());
                    return T::Str;
                }
                _ => None,
            };
            if let Some(elem) = elem {
                if is_range {
                    self.expr(idx, Some(&T::named("Range", vec![usize_t()])));
                    return T::Slice(Box::new(elem));
                }
                self.expr(idx, Some(&usize_t()));
                return elem;
            }
            match self.sub.deref_step(&cur) {
                Some(next) => cur = self.sub.shallow(&next),
                None => break,
            }
        }
        if let Some(found) = self.lookup_method(&bt, "index") {
            let inst = self.instantiate(&found.sig, Some(&found.recv));
            let p = inst.params.first().cloned();
            self.expr(idx, p.as_ref());
            return match self.sub.shallow(&inst.ret) {
                T::Ref(_, inner) => *inner,
                other => other,
            };
        }
        self.expr(idx, None);
        self.sub.var()
    }

    fn range(&mut self, start: Option<&Expr>, end: Option<&Expr>, inclusive: bool, elem: &T) -> T {
        if let Some(s) = start {
            self.expr(s, Some(elem));
        }
        if let Some(e) = end {
            self.expr(e, Some(elem));
        }
        let name = match (start.is_some(), end.is_some(), inclusive) {
            (true, true, false) => "Range",
            (true, true, true) => "RangeInclusive",
            (true, false, _) => "RangeFrom",
            (false, true, false) => "RangeTo",
            (false, true, true) => "RangeToInclusive",
            (false, false, _) => return T::named("RangeFull", vec![]),
        };
        T::named(name, vec![elem.clone()])
    }

    /// The element type an array or `vec!` literal should have, from its expected type.
    pub fn elem_of_expected(&mut self, exp: Option<&T>) -> T {
        if let Some(x) = exp {
            match self.peel_refs(x) {
                T::Array(e, _) | T::Slice(e) => return *e,
                T::Named(n, args) if n == "Vec" && args.len() == 1 => return args[0].clone(),
                _ => {}
            }
        }
        self.sub.var()
    }

    /// An `if`/`while` condition: `let` patterns bind into the current scope.
    fn cond(&mut self, c: &Expr) {
        self.expr(c, Some(&T::Bool));
    }

    /// Checks a loop body; whether a `break` reached this loop.
    fn loop_body(&mut self, label: Option<String>, ty: T, takes_value: bool, is_block: bool, body: &crate::ast::Block) -> bool {
        self.loops.push(LoopCx { label, ty, takes_value, is_block, broke: false });
        self.block(body, Some(&T::Unit));
        self.loops.pop().is_some_and(|l| l.broke)
    }

    fn break_target(&mut self, label: Option<&str>) -> Option<(T, bool)> {
        let l = self.loops.iter_mut().rev().find(|l| match label {
            Some(name) => l.label.as_deref() == Some(name),
            None => !l.is_block,
        })?;
        l.broke = true;
        Some((l.ty.clone(), l.takes_value))
    }

    fn closure(&mut self, params: &[crate::ast::ClosureParam], ret: Option<&crate::ast::Type>, body: &Expr, exp: Option<&T>) -> T {
        let (ps, r) = match exp.map(|x| self.sub.shallow(x)) {
            Some(T::Fn(ps, r)) if ps.len() == params.len() => (ps, *r),
            _ => (params.iter().map(|_| self.sub.var()).collect(), self.sub.var()),
        };
        self.scopes.push(Vec::new());
        for (p, t) in params.iter().zip(&ps) {
            if let Some(ann) = &p.ty {
                let a = self.lower(ann);
                self.sub.unify(&a, t);
            }
            self.pat(&p.pat, t);
        }
        if let Some(rt) = ret {
            let a = self.lower(rt);
            self.sub.unify(&a, &r);
        }
        let saved = std::mem::take(&mut self.loops);
        self.rets.push(r.clone());
        self.expr(body, Some(&r));
        self.rets.pop();
        self.loops = saved;
        self.scopes.pop();
        T::Fn(ps, Box::new(r))
    }

    fn mac(&mut self, m: &MacroCall, exp: Option<&T>) -> T {
        let name = m.name.name.as_str();
        match &m.args {
            MacroArgs::Format { target, leading, args, fmt } => {
                if let Some(t) = target {
                    self.expr(t, None);
                }
                match name {
                    "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" if leading.len() == 2 => {
                        let a = self.expr(&leading[0], None);
                        self.expr(&leading[1], Some(&a));
                    }
                    _ => {
                        for l in leading {
                            self.expr(l, Some(&T::Bool));
                        }
                    }
                }
                let (pos, names) = match fmt.as_ref().map(|l| &l.kind) {
                    Some(LitKind::Str(f)) => fmt_count_args(f),
                    _ => (Vec::new(), Vec::new()),
                };
                let mut positional = 0usize;
                for a in args {
                    let is_count = match &a.name {
                        Some(n) => names.contains(&n.name),
                        None => {
                            positional += 1;
                            pos.contains(&(positional - 1))
                        }
                    };
                    let count = usize_t();
                    self.expr(&a.expr, if is_count { Some(&count) } else { None });
                }
                for n in &names {
                    if !args.iter().any(|a| a.name.as_ref().is_some_and(|x| &x.name == n)) {
                        if let Some(t) = self.lookup_var(n) {
                            self.sub.unify(&t, &usize_t());
                        }
                    }
                }
                self.macro_result(name, exp)
            }
            MacroArgs::Exprs(es) => match name {
                "vec" => {
                    let elem = self.elem_of_expected(exp);
                    for x in es {
                        self.expr(x, Some(&elem));
                    }
                    T::named("Vec", vec![elem])
                }
                "assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne" if es.len() >= 2 => {
                    let a = self.expr(&es[0], None);
                    self.expr(&es[1], Some(&a));
                    T::Unit
                }
                "assert" | "debug_assert" => {
                    for x in es {
                        self.expr(x, Some(&T::Bool));
                    }
                    T::Unit
                }
                "dbg" => {
                    let ts: Vec<T> = es.iter().map(|x| self.expr(x, if es.len() == 1 { exp } else { None })).collect();
                    match ts.len() {
                        0 => T::Unit,
                        1 => ts.into_iter().next().unwrap_or(T::Unit),
                        _ => T::Tuple(ts),
                    }
                }
                _ => {
                    for x in es {
                        self.expr(x, None);
                    }
                    self.macro_result(name, exp)
                }
            },
            MacroArgs::Repeat(x, n) => {
                let elem = self.elem_of_expected(exp);
                self.expr(x, Some(&elem));
                self.expr(n, Some(&usize_t()));
                T::named("Vec", vec![elem])
            }
            MacroArgs::Select(arms) => self.expr(&crate::compile::select::desugar(arms, m.span), exp),
            MacroArgs::Matches { expr, pat, guard } => {
                let t = self.expr(expr, None);
                self.scopes.push(Vec::new());
                self.pat(pat, &t);
                if let Some(g) = guard {
                    self.expr(g, Some(&T::Bool));
                }
                self.scopes.pop();
                T::Bool
            }
        }
    }

    fn macro_result(&mut self, name: &str, exp: Option<&T>) -> T {
        match name {
            "format" => T::String,
            "print" | "println" | "eprint" | "eprintln" | "assert" | "assert_eq" | "assert_ne" | "debug_assert"
            | "debug_assert_eq" | "debug_assert_ne" => T::Unit,
            "panic" | "unreachable" | "todo" | "unimplemented" => T::Never,
            "write" | "writeln" => T::named("Result", vec![T::Unit, T::named("Error", vec![])]),
            "line" | "column" => T::Int(IntTy::U32),
            "file" | "stringify" | "concat" | "env" | "include_str" | "module_path" => T::reference(false, T::Str),
            "format_args" => T::named("Arguments", vec![]),
            _ => exp.cloned().unwrap_or_else(|| self.sub.var()),
        }
    }
}

/// The operator trait method of a binary operator (`add` for `+`).
pub fn op_method(op: BinOp) -> &'static str {
    use BinOp::*;
    match op {
        Add => "add",
        Sub => "sub",
        Mul => "mul",
        Div => "div",
        Rem => "rem",
        BitAnd => "bitand",
        BitOr => "bitor",
        BitXor => "bitxor",
        Shl => "shl",
        Shr => "shr",
        _ => "cmp",
    }
}

/// `e` without enclosing parentheses and unary minus.
fn strip_neg_paren(e: &Expr) -> &Expr {
    let mut cur = e;
    for _ in 0..64 {
        match &cur.kind {
            ExprKind::Paren(i) | ExprKind::Unary(UnOp::Neg, i) => cur = i,
            _ => return cur,
        }
    }
    cur
}

/// The arguments a format string uses as a width or precision (which must be `usize`): the
/// positional indices (`{:1$}`, `{:.*}`) and the names (`{:width$}`).
pub fn fmt_count_args(f: &str) -> (Vec<usize>, Vec<String>) {
    let mut pos = Vec::new();
    let mut names = Vec::new();
    let mut next = 0usize;
    let mut rest = f;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            rest = stripped;
            continue;
        }
        let Some(close) = after.find('}') else { break };
        let inner = &after[..close];
        rest = &after[close + 1..];
        let (arg, spec) = match inner.find(':') {
            Some(c) => (&inner[..c], &inner[c + 1..]),
            None => (inner, ""),
        };
        if spec.contains(".*") {
            pos.push(next);
            next += 1;
        }
        for (i, c) in spec.char_indices() {
            if c == '$' {
                let word: String = spec[..i].chars().rev().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                let word: String = word.chars().rev().collect();
                match word.parse::<usize>() {
                    Ok(n) => pos.push(n),
                    Err(_) if !word.is_empty() => names.push(word),
                    Err(_) => {}
                }
            }
        }
        if arg.trim().is_empty() {
            next += 1;
        }
    }
    (pos, names)
}
