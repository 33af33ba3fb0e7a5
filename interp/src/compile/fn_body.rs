//! Compiling function bodies: the queue of functions waiting for their body
//! (`compile_pending`), a function's frame set up from its signature (parameters bound as
//! locals, the `?` error type, `async fn main` run under the runtime) and the checks of the
//! types its signature names.

use super::items::{Pending, type_name};
use super::scope::{FnCx, Local};
use super::Compiler;
use crate::ast::{self, SelfKind};
use crate::diag::Diagnostic;
use crate::vm::bytecode::{FuncProto, Instr};
use crate::vm::program::builtin_type_id;
use std::sync::Arc;

impl Compiler {
    pub(crate) fn compile_pending(&mut self) {
        for _ in 0..64 {
            self.attach_defaults();
            let pending = std::mem::take(&mut self.pending);
            if pending.is_empty() {
                break;
            }
            for p in pending {
                if let Some(p) = self.defer_prelude_body(p) {
                    self.compile_fn(&p);
                }
            }
        }
        self.alias_ordered_methods();
    }

    /// Compile one function body into `prog.funcs[p.func]`.
    /// E0412 for type names in a signature that name nothing (single identifiers that are
    /// not generics, primitives, prelude types, user types or `use`d names).
    fn check_sig_types(&mut self, decl: &ast::FnDecl) {
        let mut generics: Vec<String> = decl.generics.params.iter().map(|g| g.name.name.clone()).collect();
        generics.extend(self.impl_generics.iter().cloned());
        let mut tys: Vec<&ast::Type> = decl.params.iter().map(|p| &p.ty).collect();
        if let Some(r) = &decl.ret {
            tys.push(r);
        }
        for t in tys {
            self.check_type(t, &generics);
        }
    }

    fn check_type(&mut self, t: &ast::Type, generics: &[String]) {
        match &t.kind {
            ast::TypeKind::Path(p) => {
                for seg in &p.segments {
                    for g in seg.generics.iter().flatten() {
                        self.check_type(g, generics);
                    }
                }
                if p.segments.len() != 1 {
                    return;
                }
                let name = &p.segments[0].ident.name;
                const PRELUDE: [&str; 16] = [
                    "Self", "Vec", "String", "str", "Option", "Result", "Box", "f32", "f64", "bool", "char", "i128", "u128", "Fn", "FnMut", "FnOnce",
                ];
                if PRELUDE.contains(&name.as_str())
                    || generics.contains(name)
                    || builtin_type_id(name).is_some()
                    || self.resolve_item_str(std::slice::from_ref(name)).is_some()
                    || self.uses.iter().any(|((_, local), _)| local == name)
                    || !self.globs.is_empty()
                {
                    return;
                }
                self.error(
                    Diagnostic::error(format!("cannot find type `{name}` in this scope"), p.span, "not found in this scope").with_code("E0412"),
                );
            }
            ast::TypeKind::Ref { inner, .. } | ast::TypeKind::Ptr { inner, .. } | ast::TypeKind::Slice(inner) | ast::TypeKind::Array(inner, _) => {
                self.check_type(inner, generics)
            }
            ast::TypeKind::Tuple(ts) => {
                for t in ts {
                    self.check_type(t, generics);
                }
            }
            _ => {}
        }
    }

    pub(crate) fn compile_fn(&mut self, p: &Pending) {
        let saved_module = std::mem::replace(&mut self.module, p.module.clone());
        if !self.in_prelude && !p.decl.is_const && !p.name.starts_with("static ") {
            self.impl_generics = p.impl_generics.clone();
            self.check_sig_types(&p.decl.clone());
        }
        let saved_self = std::mem::replace(&mut self.self_ty, p.self_ty.clone());
        let decl = &p.decl;
        let mut proto = FuncProto::new(p.name.clone(), self.source.clone());
        proto.self_by_value = matches!(decl.self_param.as_ref().map(super::async_fn::self_kind), Some(SelfKind::Value));
        proto.intrinsic = self.prelude_intrinsic(decl, p.self_ty.as_deref());
        let mut cx = FnCx::new(proto);
        cx.ret_ty = if decl.is_async { None } else { decl.ret.clone() };
        cx.generics = decl.generics.params.iter().filter(|g| matches!(g.kind, ast::GenericParamKind::Type { .. })).map(|g| g.name.name.clone()).collect();
        cx.generics.extend(p.impl_generics.iter().cloned());
        if let Some(b) = &decl.body {
            super::closure::collect_boxed_block(b, &mut cx.boxed_names);
            self.collect_mut_self_receivers(b, &mut cx.boxed_names);
        }
        self.fns.push(cx);
        let mut arity = 0;
        if let Some(sp) = &decl.self_param {
            let r = self.cx().alloc();
            let owned = super::async_fn::self_kind(sp) == SelfKind::Value;
            let mut ty = self.self_ty.as_ref().map(|s| crate::types::Ty::named(s, vec![]));
            if sp.kind == SelfKind::RefMut {
                // `match self { V(x) => *x += 1 }`: bindings are places (see is_mut_ref_expr).
                ty = ty.map(|t| crate::types::Ty::Ref { mutable: true, inner: Box::new(t) });
            }
            self.declare_local("self", r, owned, ty, sp.span);
            arity += 1;
        }
        let param_regs: Vec<u16> = decl.params.iter().map(|_| self.cx().alloc()).collect();
        arity += decl.params.len();
        for (param, r) in decl.params.iter().zip(param_regs) {
            if let ast::PatKind::Ident { name, sub: None, .. } = &param.pat.kind {
                if super::closure::fn_once_type(&param.ty, &decl.generics) {
                    self.cx().once_params.push((r, name.name.clone()));
                }
            }
            let owned = !matches!(param.ty.kind, ast::TypeKind::Ref { .. });
            let ty = super::lits::ast_to_ty(&param.ty, self.self_ty.as_deref());
            self.bind_param(&param.pat, r, owned, Some(ty));
        }
        let span = decl.body.as_ref().map_or(decl.sig_span, |b| b.span);
        if let Some(body) = &decl.body {
            let dst = self.cx().alloc();
            let ret_ty = decl.ret.as_ref().map(|t| super::lits::ast_to_ty(t, self.self_ty.as_deref()));
            if decl.is_async {
                // The body runs when the future is awaited: `__async(move || body)`.
                let mut e = super::async_fn::async_expr(true, body, decl.ret.as_ref(), body.span);
                if p.name == "main" {
                    // `async fn main` (`#[tokio::main]`): main runs its future to the end.
                    e = super::async_fn::await_expr(&e, body.span);
                }
                self.expr_to(&e, dst, None);
                if p.name == "main" {
                    // Then the runtime shuts down: the tasks still spawned are dropped.
                    let t = self.cx().alloc();
                    self.expr_to(&rt_shutdown_call(body.span), t, None);
                }
            } else {
                self.block_to(body, dst, ret_ty.as_ref());
            }
            let end_span = ast::Span { lo: body.span.hi.saturating_sub(1), hi: body.span.hi };
            self.emit_scope_drops_all(end_span);
            self.cx().emit(Instr::Ret { src: dst }, end_span);
        }
        let _ = span;
        let mut cx = self.fns.pop().unwrap_or_else(|| FnCx::new(FuncProto::new(String::new(), self.source.clone())));
        cx.proto.arity = arity as u32;
        cx.proto.num_regs = cx.max_reg as u32 + 1;
        cx.proto.err_type = decl.ret.as_ref().and_then(result_err_type);
        if cx.proto.code.len() >= u16::MAX as usize {
            self.error(Diagnostic::error("function too large", decl.sig_span, "teras limits a function to 65535 instructions"));
        }
        super::finish_proto(&mut cx.proto, !self.prog.needs_drop_walk && !self.in_prelude);
        if cx.proto.intrinsic.is_none() {
            // `&self` or `&mut self` (`Receiver::__recv_now`): the frame would only read a
            // field of the object it was handed, and `self` is not its to drop.
            let by_ref = matches!(decl.self_param.as_ref().map(super::async_fn::self_kind), Some(SelfKind::Ref | SelfKind::RefMut));
            cx.proto.intrinsic = self.prelude_forwarder(&cx.proto, p.func, by_ref, p.self_ty.as_deref());
        }
        if let Some(slot) = self.prog.funcs.get_mut(p.func as usize) {
            *slot = Arc::new(cx.proto);
        }
        self.module = saved_module;
        self.self_ty = saved_self;
    }

    pub(crate) fn cx(&mut self) -> &mut FnCx {
        if self.fns.is_empty() {
            self.fns.push(FnCx::new(FuncProto::new("<top>".into(), self.source.clone())));
        }
        let n = self.fns.len() - 1;
        &mut self.fns[n]
    }

    /// Declare a local in register `r` (boxing it when its name needs a box).
    pub(crate) fn declare_local(&mut self, name: &str, r: u16, owned: bool, ty: Option<crate::types::Ty>, span: ast::Span) {
        let boxed = self.cx().boxed_names.contains(name);
        if boxed {
            self.cx().emit(Instr::BoxLocal { reg: r }, span);
        }
        self.cx().declare(Local { name: name.to_string(), reg: r, boxed, owned, ty });
    }

    fn bind_param(&mut self, pat: &ast::Pat, r: u16, owned: bool, ty: Option<crate::types::Ty>) {
        match &pat.kind {
            ast::PatKind::Ident { name, sub: None, .. } => self.declare_local(&name.name, r, owned, ty, pat.span),
            // An unnamed parameter still owns its argument (dropped when the function ends).
            ast::PatKind::Wild => self.declare_local("_", r, owned, ty, pat.span),
            _ => {
                self.bind_irrefutable(pat, r, pat.span);
            }
        }
    }
}

/// `Result<T, E>` -> `E`'s name.
fn result_err_type(t: &ast::Type) -> Option<String> {
    if let ast::TypeKind::Path(p) = &t.kind {
        let last = p.last();
        if last.ident.name == "Result" {
            return last.generics.as_ref().and_then(|g| g.get(1)).and_then(type_name);
        }
    }
    None
}

/// `__rt_shutdown()` (builtins/async_shutdown.rs), called when `async fn main`'s future
/// returned. Its node ids follow `async_fn.rs`'s scheme for synthesized nodes, with kinds it
/// does not use.
fn rt_shutdown_call(span: ast::Span) -> ast::Expr {
    let id = |k: u32| 0xA000_0000 | ((span.lo & 0x3_FFFF) << 10) | k;
    let ident = ast::Ident { name: "__rt_shutdown".to_string(), span };
    let p = ast::Path { segments: vec![ast::PathSegment { ident, generics: None }], global: false, span, qself: None };
    let callee = ast::Expr { kind: ast::ExprKind::Path(p), span, id: id(0x3F0) };
    ast::Expr { kind: ast::ExprKind::Call(Box::new(callee), Vec::new()), span, id: id(0x3F1) }
}
