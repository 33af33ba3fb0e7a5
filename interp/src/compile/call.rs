//! Paths and calls: the value of a path (local, REPL variable, item in the module tree,
//! `use`d name, std native or constant; items are found by `paths.rs`), direct calls of known functions, constructors, native
//! calls with result-type hints, method calls by name symbol, and calls of closure values.

use super::items::Item;
use super::Compiler;
use crate::ast::{self, Expr, Span};
use crate::diag::Diagnostic;
use crate::types::Ty;
use crate::vm::bytecode::{CallSiteInfo, Instr, Reg, SiteKind};
use std::sync::Arc;

pub(crate) use super::paths::path_string;

impl Compiler {
    /// The callee is a parameter bound by `FnOnce` (`FnCx::once_params`), owned and unboxed,
    /// in a program that tracks drops (only there does a closure own captures).
    fn once_param(&mut self, callee: &Expr) -> Option<super::scope::Local> {
        if !self.prog.needs_drop_walk {
            return None;
        }
        let ast::ExprKind::Path(p) = &callee.kind else { return None };
        let l = self.cx().lookup(p.as_ident()?).cloned()?;
        let once = self.cx().once_params.iter().any(|(r, n)| *r == l.reg && *n == l.name);
        (once && l.owned && !l.boxed).then_some(l)
    }

    /// Read a local by value (a move for owned non-Copy values when drops are tracked).
    pub(crate) fn read_local(&mut self, l: &super::scope::Local, dst: Reg, span: Span) {
        if self.cx().owns_capture(l) {
            // An owned capture read by value moves out of the closure (it is `FnOnce`).
            self.cx().note_capture_move(l);
            self.emit(Instr::Take { dst, src: l.reg }, span);
        } else if l.boxed {
            self.emit(Instr::Deref { dst, src: l.reg }, span);
            if l.owned && self.moves_out_of_box(l.ty.as_ref()) {
                self.take_out_of_box(l.reg, span);
            }
        } else if !l.owned {
            // A reference: copying it aliases the referent.
            self.emit(Instr::Mov { dst, src: l.reg }, span);
        } else if self.prog.needs_drop_walk {
            self.emit(Instr::Take { dst, src: l.reg }, span);
        } else {
            self.emit(Instr::Dup { dst, src: l.reg }, span);
        }
    }

    /// A function `|args...| Variant(args...)` for a tuple variant or struct used as a value.
    pub(crate) fn ctor_fn(&mut self, adt: u32, variant: u32, nfields: usize) -> u32 {
        let key = format!("<ctor {adt} {variant}>");
        if let Some(Item::Fn(f)) = self.items.get(&key) {
            return *f;
        }
        let f = self.new_func(key.clone());
        let mut proto = crate::vm::bytecode::FuncProto::new(key.clone(), self.source.clone());
        proto.arity = nfields as u32;
        proto.num_regs = nfields as u32 + 1;
        let def = self.prog.adts.get(adt as usize).map(crate::value::DefRef::pin);
        proto.ctors.push(crate::vm::bytecode::Ctor { adt, variant, nfields: nfields as u32, def });
        proto.code.push(Instr::MakeAdt { dst: 0, start: 0, ctor: 0 });
        proto.code.push(Instr::Ret { src: 0 });
        proto.spans = vec![Span::DUMMY; 2];
        super::finish_proto(&mut proto, !self.prog.needs_drop_walk && !self.in_prelude);
        if let Some(slot) = self.prog.funcs.get_mut(f as usize) {
            *slot = Arc::new(proto);
        }
        self.items.insert(key, Item::Fn(f));
        f
    }

    /// A function `|recv, args...| recv.method(args...)` (for `Trait::method` as a value, or
    /// a call of a method by path on an unknown type).
    pub(crate) fn method_shim(&mut self, method: &str) -> u32 {
        let key = format!("<method {method}>");
        if let Some(Item::Fn(f)) = self.items.get(&key) {
            return *f;
        }
        let f = self.new_func(key.clone());
        let mut proto = crate::vm::bytecode::FuncProto::new(key.clone(), self.source.clone());
        proto.arity = 1;
        proto.num_regs = 2;
        let sym = self.prog.symbols.intern(method);
        proto.sites.push(CallSiteInfo { kind: SiteKind::Method { sym, name: method.into() }, hint: 0, cache: Default::default(), fused: Default::default() });
        proto.code.push(Instr::CallSite { dst: 0, site: 0, args: 0, nargs: 1 });
        proto.code.push(Instr::Ret { src: 0 });
        proto.spans = vec![Span::DUMMY; 2];
        super::finish_proto(&mut proto, !self.prog.needs_drop_walk && !self.in_prelude);
        if let Some(slot) = self.prog.funcs.get_mut(f as usize) {
            *slot = Arc::new(proto);
        }
        self.items.insert(key, Item::Fn(f));
        f
    }

    pub(crate) fn add_site(&mut self, kind: SiteKind, hint: u32) -> u16 {
        let cache = crate::vm::call::initial_cache(&kind).into();
        let sites = &mut self.cx().proto.sites;
        sites.push(CallSiteInfo { kind, hint, cache, fused: Default::default() });
        (sites.len() - 1) as u16
    }

    /// For a call of a user generic function whose generic arguments typeck resolved: a hint
    /// `Named("<generics>", [Named(param, [ty]), ..])` for the callee's frame (read by
    /// `Instr::ParamCall`; a `Param(q)` argument forwards the caller's own `q`).
    fn generics_hint(&mut self, e: &Expr) -> Option<u32> {
        if self.in_prelude {
            return None;
        }
        let args = self.info.as_ref()?.generic_args(e.id)?;
        let pairs: Vec<Ty> = args
            .iter()
            .filter(|(_, t)| t.is_known() || matches!(t, Ty::Param(_)))
            .map(|(n, t)| Ty::Named(n.clone(), vec![t.clone()]))
            .collect();
        if pairs.is_empty() {
            return None;
        }
        Some(self.prog.add_hint(Ty::Named("<generics>".into(), pairs)))
    }

    /// The result-type hint of a call expression.
    fn hint_for(&mut self, e: &Expr, expect: Option<&Ty>) -> u32 {
        // The expected type when known (an annotation), else the inferred one (a turbofish:
        // `unzip::<_, _, Vec<u8>, String>()`).
        let t = self
            .info
            .as_ref()
            .and_then(|i| i.expected_ty(e.id).filter(|t| t.is_known()).or_else(|| i.expr_ty(e.id).filter(|t| t.is_known())))
            .cloned()
            .or_else(|| expect.cloned());
        match t {
            Some(t) => self.prog.add_hint(t),
            None => 0,
        }
    }

    /// Evaluate a function call's arguments into consecutive registers from a fresh window
    /// (`call_window`); returns its start.
    fn args_window(&mut self, args: &[Expr], tys: &[Option<Ty>]) -> Reg {
        self.call_window(Recv::None, args, tys, &[]).start
    }

    /// The argument window of a call, the one way every call builds it (functions, closures,
    /// methods, `write!`): the receiver `recv`, then `args`, then the registers `extra`
    /// already computed. In a program that walks drops, whatever may make a temporary (a
    /// lock guard: `tx.send(*m.lock().unwrap())`, `m.lock().unwrap().push(x)`) is computed
    /// *before* the window is reserved, each into a register of its own, in Rust's order, and
    /// moved in: a called TERAS function takes the window as its frame and overwrites every
    /// register above it, so a guard left there would be lost unreleased (the lock held to
    /// the end of the program). Below the window, inside a statement whose registers are not
    /// reused (`FnCx::mono`), a temporary lives to the statement's end as in Rust, where the
    /// statement releases it. Variables, literals, `*variable` and closures are computed in
    /// the window (they make no temporary; a closure's capture registers must stay above
    /// it, or a captured guard's copy left below would outlive the closure's drop).
    pub(crate) fn call_window(&mut self, recv: Recv<'_>, args: &[Expr], tys: &[Option<Ty>], extra: &[Reg]) -> Window {
        let drops = self.prog.needs_drop_walk;
        let stage = drops && (!extra.is_empty() || !args.iter().all(makes_no_temporary));
        let first = match recv {
            Recv::None => None,
            // (A receiver read after the arguments needs no staging: no argument changes it.)
            Recv::Value(e) if stage && !self.receiver_read_late(e, args, extra) => Some(First::Moved(self.staged(|c, g| c.expr_read(e, g)))),
            Recv::Value(e) => Some(First::Value(e)),
            Recv::Temp(e) if drops => {
                // A receiver whose type holds no guard and no `&mut` view (`rx.recv()` of
                // `rx.recv().unwrap()`) leaves nothing to release; guards made inside it are
                // counted where they are made (their own temporary receivers, or
                // `may_make_guard`'s method names). A `&mut` view (`d.make_contiguous()`) is
                // written back by its `Release`.
                if !self.inferred(e).is_some_and(|t| super::stmt::guard_free(&t) && !super::stmt::has_mut_ref(&t)) {
                    self.cx().temp_guards += 1;
                }
                Some(First::Kept(self.staged(|c, g| c.expr_read(e, g))))
            }
            Recv::Temp(e) => Some(First::Value(e)),
            Recv::Place(e) if stage => Some(First::Moved(self.staged(|c, g| c.ref_mut(e, g)))),
            Recv::Place(e) => Some(First::Place(e)),
            Recv::Copy(g) => Some(First::Copy(g)),
            Recv::Kept(g) => {
                self.cx().temp_guards += 1;
                Some(First::Kept(g))
            }
            Recv::Moved(g) => Some(First::Moved(g)),
            Recv::Unit => Some(First::Unit),
        };
        let staged: Vec<Option<Reg>> = args
            .iter()
            .enumerate()
            .map(|(j, a)| (stage && !makes_no_temporary(a)).then(|| self.staged(|c, g| c.expr_to(a, g, tys.get(j).and_then(|t| t.as_ref())))))
            .collect();
        // The window goes above every register used so far (the staged values' own
        // temporaries were given back to the allocator, but live on to the statement's end).
        if drops {
            let cx = self.cx();
            cx.next_reg = cx.next_reg.max(cx.hw);
        }
        let has_first = first.is_some();
        let n = usize::from(has_first) + args.len() + extra.len();
        let start = self.cx().alloc_n(n.max(1));
        let mut kept = false;
        let span = self.cx().cur_span;
        // A receiver read after the arguments (`receiver_read_late`).
        let late = match first {
            Some(First::Value(e)) if self.receiver_read_late(e, args, extra) => Some(e),
            _ => None,
        };
        if let Some(f) = first.filter(|_| late.is_none()) {
            match f {
                First::Moved(g) => {
                    self.emit(Instr::MovOut { dst: start, src: g }, span);
                }
                First::Kept(g) => {
                    self.emit(Instr::Mov { dst: start, src: g }, span);
                    kept = true;
                }
                First::Copy(g) => {
                    self.emit(Instr::Mov { dst: start, src: g }, span);
                }
                First::Value(e) => self.expr_read(e, start),
                First::Place(e) => self.ref_mut(e, start),
                First::Unit => {
                    self.emit(Instr::LoadUnit { dst: start }, span);
                }
            }
        }
        let at = start + u16::from(has_first);
        for (j, a) in args.iter().enumerate() {
            let r = at + j as u16;
            match staged.get(j).copied().flatten() {
                Some(g) => {
                    self.emit(Instr::MovOut { dst: r, src: g }, a.span);
                }
                None => self.expr_to(a, r, tys.get(j).and_then(|t| t.as_ref())),
            }
        }
        for (j, &g) in extra.iter().enumerate() {
            self.emit(Instr::MovOut { dst: at + (args.len() + j) as u16, src: g }, span);
        }
        if let Some(e) = late {
            self.expr_read(e, start);
        }
        Window { start, kept }
    }

    /// Can the receiver `e` of a call window be read into the window after the arguments
    /// instead of before them? Yes for a local in a register of its own (not boxed) that no
    /// argument mentions (`closure_free_names`: no argument can read, assign or borrow it,
    /// so it holds the same value before and after them), in a program that does not walk
    /// drops (whose drop walk counts the handles registers hold; a program that tracks drops
    /// only to clear its channel ends, `Program::drops_clear_only`, does not walk: there the
    /// receiver is not staged either, since it makes no temporary). The `Mov` of the receiver
    /// then comes right before the call, where the peephole pass marks it `MovRecv` and the
    /// dispatch loop runs a plain twin on the receiver borrowed in place (`Instr::MovRecv`),
    /// or the fused call of a `CallSiteUnwrap` (`tx.send(v).await.unwrap()`).
    fn receiver_read_late(&mut self, e: &Expr, args: &[Expr], extra: &[Reg]) -> bool {
        if self.prog.walks_drops() || !extra.is_empty() || args.is_empty() {
            return false;
        }
        let ast::ExprKind::Path(p) = &e.kind else { return false };
        let Some(name) = p.as_ident() else { return false };
        if self.cx().lookup(name).is_none_or(|l| l.boxed) {
            return false;
        }
        args.iter().all(|a| !super::free_names::closure_free_names(&[], a).iter().any(|n| n == name))
    }

    /// A value computed into a register of its own (for `call_window`).
    fn staged(&mut self, f: impl FnOnce(&mut Self, Reg)) -> Reg {
        let g = self.cx().alloc();
        f(self, g);
        g
    }

    /// After the call on window `w`: the window's copy of a kept temporary receiver is
    /// cleared (a native leaves its window as it was, and a copy left there would keep a
    /// guard's handle count above one, so the statement's `Release` would not unlock).
    pub(crate) fn end_call(&mut self, w: &Window, span: Span) {
        if w.kept {
            self.emit(Instr::LoadUnit { dst: w.start }, span);
        }
    }

    /// A method call `site` on the window of `recv` and `args`, its result into `dst`.
    fn method_window_call(&mut self, recv: Recv<'_>, args: &[Expr], site: u16, dst: Reg, span: Span) {
        let fusable = match recv {
            Recv::Temp(r) | Recv::Value(r) if args.is_empty() => Some(r),
            _ => None,
        };
        let w = self.call_window(recv, args, &[], &[]);
        self.emit(Instr::CallSite { dst, site, args: w.start, nargs: (args.len() + 1) as u8 }, span);
        if let Some(r) = fusable {
            self.fuse_unwrap(r, site);
        }
        self.end_call(&w, span);
    }

    pub(crate) fn call(&mut self, e: &Expr, callee: &Expr, args: &[Expr], dst: Reg, expect: Option<&Ty>) {
        let span = e.span;
        if let ast::ExprKind::Path(p) = &callee.kind {
            let is_local = p.as_ident().is_some_and(|n| self.cx().lookup(n).is_some() || self.repl_vars.contains_key(n));
            if !is_local {
                match self.resolve_item(p) {
                    Some(Item::Fn(f)) => {
                        let arity = self.fn_arity.get(&f).copied();
                        if let Some(ar) = arity {
                            if ar != args.len() {
                                let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
                                let was = if args.len() == 1 { "was" } else { "were" };
                                self.error(
                                    Diagnostic::error(
                                        format!(
                                            "this function takes {ar} {} but {} {} {was} supplied",
                                            plural(ar),
                                            args.len(),
                                            plural(args.len())
                                        ),
                                        callee.span,
                                        format!("expected {ar} {}", plural(ar)),
                                    )
                                    .with_code("E0061"),
                                );
                            }
                        }
                        let tys = self.fn_param_tys.get(&f).cloned().unwrap_or_default();
                        let start = self.args_window(args, &tys);
                        let hint = self.hint_for(e, expect);
                        if let Some(g) = self.generics_hint(e) {
                            // The callee's type arguments travel in its frame's hint.
                            let site = self.add_site(SiteKind::Func(f), g);
                            self.emit(Instr::CallSite { dst, site, args: start, nargs: args.len() as u8 }, span);
                        } else if hint != 0 && self.in_prelude {
                            let site = self.add_site(SiteKind::Func(f), hint);
                            self.emit(Instr::CallSite { dst, site, args: start, nargs: args.len() as u8 }, span);
                        } else {
                            self.emit(Instr::Call { dst, func: f as u16, args: start, nargs: args.len() as u8 }, span);
                        }
                        return;
                    }
                    Some(Item::Variant(a, v)) => {
                        self.construct(a, v, args, dst, span);
                        return;
                    }
                    Some(Item::Adt(a)) => {
                        self.construct(a, 0, args, dst, span);
                        return;
                    }
                    _ => {}
                }
                let sp = self.std_path(p);
                let last = p.last().ident.name.as_str();
                // `T::name(..)` with `T` a generic parameter: dispatched on the frame's type
                // argument for `T`.
                if p.segments.len() == 2 {
                    let param = p.segments[0].ident.name.as_str();
                    // (Or, in a body the compiler wrote, which typeck never saw: a derived
                    // `Default`'s `T::default()`, `T` one of the type's parameters.)
                    let is_param = self.info.as_ref().and_then(|i| i.expr_ty(e.id)).is_some_and(|t| matches!(t.deref(), Ty::Param(q) if q == param))
                        || (e.id == u32::MAX && self.impl_generics.iter().any(|g| g == param));
                    if is_param && param != "Self" {
                        let start = self.args_window(args, &[]);
                        let sym = self.prog.symbols.intern(last);
                        let name = format!("{param}::{last}");
                        let site = self.add_site(SiteKind::Method { sym, name: name.as_str().into() }, 0);
                        self.emit(Instr::ParamCall { dst, site, args: start, nargs: args.len() as u8 }, span);
                        return;
                    }
                }
                // `Default::default()` / `T::default()` for a user type known from context.
                if last == "default" && args.is_empty() {
                    let target = expect.cloned().or_else(|| self.inferred(e));
                    if let Some(Ty::Named(n, _)) = target.as_ref().map(|t| t.deref()) {
                        if let Some(Item::Fn(f)) = self.resolve_item_str(&[n.clone(), "default".into()]) {
                            let start = self.cx().alloc();
                            self.emit(Instr::Call { dst, func: f as u16, args: start, nargs: 0 }, span);
                            return;
                        }
                    }
                }
                // `T::from(x)` with `From` impls on a user type: dispatch on x's type.
                if last == "from" && args.len() == 1 && p.segments.len() == 2 {
                    let tn = p.segments[0].ident.name.clone();
                    let tn = if tn == "Self" { self.self_ty.clone().unwrap_or(tn) } else { tn };
                    if self.prog.type_ids.contains_key(&tn) {
                        let src = self.cx().alloc();
                        self.expr_to(&args[0], src, None);
                        let hint = self.prog.add_hint(Ty::named(&tn, vec![]));
                        self.emit(Instr::Convert { dst, src, hint: hint as u16 }, span);
                        return;
                    }
                }
                // `size_of::<T>()` / `size_of_val(&x)`: a constant from the type.
                if matches!(sp.as_str(), "size_of" | "mem::size_of" | "std::mem::size_of" | "core::mem::size_of" | "size_of_val" | "mem::size_of_val" | "std::mem::size_of_val")
                {
                    self.size_of_call(p, args, dst, span);
                    return;
                }
                // Special forms.
                match (sp.as_str(), args.len()) {
                    ("drop" | "std::mem::drop" | "mem::drop", 1) => {
                        let t = self.cx().alloc();
                        self.expr_to(&args[0], t, None);
                        self.emit(Instr::Drop { reg: t }, span);
                        self.load_unit(dst, span);
                        return;
                    }
                    ("Box::new" | "std::boxed::Box::new", 1) => {
                        self.expr_to(&args[0], dst, expect);
                        return;
                    }
                    _ => {}
                }
                if self.user_ord_free_call(&sp, args, dst, span) {
                    return;
                }
                if let Some(n) = crate::builtins::function(&sp) {
                    let start = self.args_window(args, &[]);
                    let name = crate::builtins::native_name(n);
                    let hint = if self.in_prelude && name.starts_with("__") { u32::MAX } else { self.hint_for(e, expect) };
                    let site = self.add_site(SiteKind::Native(n), hint);
                    self.emit(Instr::CallSite { dst, site, args: start, nargs: args.len() as u8 }, span);
                    return;
                }
                if self.unknown_member(p, dst, span) {
                    return;
                }
                // `Type::method(recv, ...)` / `Trait::method(recv, ...)`: dispatch on the first
                // argument.
                if p.segments.len() >= 2 && !args.is_empty() {
                    let start = self.args_window(args, &[]);
                    // `Trait::method(x)`: the trait's method for x's type.
                    let first = &p.segments[p.segments.len() - 2].ident.name;
                    let last = if self.traits.contains_key(first) { format!("{first}::{last}") } else { last.to_string() };
                    let last = last.as_str();
                    let sym = self.prog.symbols.intern(last);
                    let hint = self.hint_for(e, expect);
                    let site = self.add_site(SiteKind::Method { sym, name: last.into() }, hint);
                    self.emit(Instr::CallSite { dst, site, args: start, nargs: args.len() as u8 }, span);
                    return;
                }
                if p.segments.len() >= 2 && last == "default" || last == "new" && p.segments.len() >= 2 {
                    // `T::default()` on a type whose impl is unknown here: a `__default` native
                    // with the hint.
                    if let Some(n) = crate::builtins::function("__default") {
                        let hint = self.hint_for(e, expect);
                        let site = self.add_site(SiteKind::Native(n), hint);
                        let start = self.cx().alloc();
                        self.emit(Instr::CallSite { dst, site, args: start, nargs: 0 }, span);
                        return;
                    }
                }
                if p.segments.len() == 1 {
                    self.not_found(p, callee.span, "function", "E0425");
                } else {
                    let name = path_string(p);
                    self.error(
                        Diagnostic::error(format!("failed to resolve: could not find `{name}`"), callee.span, "not found").with_code("E0433"),
                    );
                }
                self.load_unit(dst, span);
                return;
            }
        }
        // A parameter bound by `FnOnce`: the call consumes it (moved out of its register).
        if let Some(l) = self.once_param(callee) {
            let f = self.cx().alloc();
            self.emit(Instr::Take { dst: f, src: l.reg }, span);
            let start = self.args_window(args, &[]);
            self.emit(Instr::CallOnce { dst, callee: f, args: start, nargs: args.len() as u8 }, span);
            return;
        }
        // A closure or function value.
        let f = self.operand(callee);
        let start = self.args_window(args, &[]);
        self.emit(Instr::CallValue { dst, callee: f, args: start, nargs: args.len() as u8 }, span);
    }

    fn construct(&mut self, a: u32, v: u32, args: &[Expr], dst: Reg, span: Span) {
        let nf = self.prog.adts.get(a as usize).and_then(|d| d.variants.get(v as usize)).map_or(0, |v| v.fields.len());
        let name = self.prog.adts.get(a as usize).map(|d| d.name.clone()).unwrap_or_default();
        if nf != args.len() {
            self.error(
                Diagnostic::error(
                    format!("this enum variant takes {nf} argument{} but {} argument{} supplied", if nf == 1 { "" } else { "s" }, args.len(), if args.len() == 1 { " was" } else { "s were" }),
                    span,
                    format!("`{name}` constructor"),
                )
                .with_code("E0061"),
            );
        }
        let tys: Vec<Option<Ty>> = self
            .adt_fields
            .get(&a)
            .map(|fs| fs.iter().map(|(_, t)| t.as_ref().map(|t| super::lits::ast_to_ty(t, None))).collect())
            .unwrap_or_default();
        let start = self.args_window(args, &tys);
        let ctor = self.add_ctor(a, v, args.len() as u32);
        self.emit(Instr::MakeAdt { dst, start, ctor }, span);
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn method_call(
        &mut self,
        e: &Expr,
        receiver: &Expr,
        method: &ast::Ident,
        turbofish: Option<&[ast::Type]>,
        args: &[Expr],
        dst: Reg,
        expect: Option<&Ty>,
    ) {
        let name = method.name.as_str();
        if self.user_ord_method(receiver, name, args, dst, e.span) {
            return;
        }
        let mut hint = self.hint_for(e, expect);
        if let Some(tf) = turbofish {
            let ty_of = |t: &ast::Type| super::lits::ast_to_ty(t, self.self_ty.as_deref());
            if name == "unzip" {
                // `unzip::<A, B, FromA, FromB>()`: the result is `(FromA, FromB)`.
                if let [_, _, a, b] = tf {
                    hint = self.prog.add_hint(Ty::Tuple(vec![ty_of(a), ty_of(b)]));
                }
            } else if let Some(t) = tf.first() {
                let ty = ty_of(t);
                let ty = if name == "parse" { Ty::named("Result", vec![ty, Ty::Infer]) } else { ty };
                hint = self.prog.add_hint(ty);
            }
        }
        if name == "into" && args.is_empty() {
            let target = expect.cloned().or_else(|| self.info.as_ref().and_then(|i| i.expected_ty(e.id).cloned()));
            if let Some(Ty::Named(n, _)) = target.as_ref().map(|t| t.deref()) {
                if self.prog.type_ids.contains_key(n) && !matches!(n.as_str(), "Option" | "Result" | "Ordering") {
                    let src = self.cx().alloc();
                    self.expr_to(receiver, src, None);
                    let hint = self.prog.add_hint(Ty::named(n, vec![]));
                    self.emit(Instr::Convert { dst, src, hint: hint as u16 }, method.span);
                    return;
                }
            }
        }
        if let Some(Ty::Named(tn, _)) = self.inferred(receiver).as_ref().map(|t| t.deref().clone()) {
            if let Some(Item::Fn(f)) = self.items.get(&format!("{tn}::{name}")).cloned() {
                if let Some(&ar) = self.fn_arity.get(&f) {
                    let takes_self = self.fn_self.contains(&f);
                    if takes_self && ar != args.len() + 1 {
                        let want = ar - 1;
                        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
                        let was = if args.len() == 1 { "was" } else { "were" };
                        self.error(
                            Diagnostic::error(
                                format!("this method takes {want} {} but {} {} {was} supplied", plural(want), args.len(), plural(args.len())),
                                method.span,
                                format!("expected {want} {}", plural(want)),
                            )
                            .with_code("E0061"),
                        );
                    }
                }
            }
        }
        if matches!(name, "next" | "next_back" | "nth" | "nth_back") {
            // `let mut r = 0..3; r.next()`: a range value is immutable, so the variable is
            // turned into a (shared, advancing) native iterator first: `r = r.into_iter()`.
            if let ast::ExprKind::Path(p) = &receiver.kind {
                let is_range = matches!(self.inferred(receiver).as_ref().map(|t| t.deref()), Some(Ty::Named(n, _)) if n == "Range" || n == "RangeInclusive");
                if let Some(l) = p.as_ident().and_then(|n| self.cx().lookup(n).cloned()).filter(|l| !l.boxed && is_range) {
                    let isym = self.prog.symbols.intern("into_iter");
                    let isite = self.add_site(SiteKind::Method { sym: isym, name: "into_iter".into() }, 0);
                    let t = self.cx().alloc();
                    self.emit(Instr::Mov { dst: t, src: l.reg }, receiver.span);
                    self.emit(Instr::CallSite { dst: l.reg, site: isite, args: t, nargs: 1 }, receiver.span);
                }
            }
        }
        // A method of one of the program's types with type parameters (`impl<T> Grid<T>`):
        // its type arguments travel in the frame's hint (`Instr::ParamCall`: `T::ZERO`,
        // `T::default()` in its body), as a path call's do. Not for the prelude's methods,
        // which may read the result type from the hint (`collect`).
        if let Some(Ty::Named(tn, _)) = self.inferred(receiver).map(|t| t.deref().clone()) {
            let user_fn = matches!(self.items.get(&format!("{tn}::{name}")), Some(Item::Fn(f)) if *f as usize >= self.prelude_funcs);
            if user_fn {
                if let Some(g) = self.generics_hint(e) {
                    hint = g;
                }
            }
        }
        self.check_method_name(receiver, method);
        let sym = self.prog.symbols.intern(name);
        let site = self.add_site(SiteKind::Method { sym, name: name.into() }, hint);
        // An inline enum `Tag` in the receiver's place becomes an object the method can
        // change (`mut_self.rs`).
        self.promote_receiver(receiver, name);
        self.promote_index_receiver(receiver, name);
        if self.lazy_receiver(receiver, name) {
            // Auto-deref of a `LazyLock`/`LazyCell`: the call goes to the forced value.
            let g = self.forced_operand(receiver);
            return self.method_window_call(Recv::Copy(g), args, site, dst, method.span);
        }
        if self.mut_self_receiver(receiver, name) || self.enum_place_receiver(receiver, name) {
            // A `&mut self` method of a scalar, or of an enum field or element reached through
            // an expression with effects, gets a place to write through (`mut_self.rs`).
            return self.method_window_call(Recv::Place(receiver), args, site, dst, method.span);
        }
        if self.prog.needs_drop_walk && !matches!(receiver.kind, ast::ExprKind::Path(_)) {
            // A temporary receiver (`m.lock().unwrap()`, `c.borrow_mut()`) lives to the end of
            // the statement, in a register of its own below the window (`call_window`).
            return self.method_window_call(Recv::Temp(receiver), args, site, dst, method.span);
        }
        if self.prog.needs_drop_walk && matches!(name, "into_iter" | "into_values" | "into_keys") && args.is_empty() {
            // `v.into_iter()` moves `v`: its owner no longer drops the elements.
            if let ast::ExprKind::Path(p) = &receiver.kind {
                if let Some(l) = p.as_ident().and_then(|n| self.cx().lookup(n).cloned()) {
                    if l.owned && !l.boxed {
                        let start = self.cx().alloc();
                        self.read_local(&l, start, receiver.span);
                        self.emit(Instr::CallSite { dst, site, args: start, nargs: 1 }, method.span);
                        return;
                    }
                }
            }
        }
        self.method_window_call(Recv::Value(receiver), args, site, dst, method.span);
    }
}

/// Does computing `e` leave no temporary behind (a variable, a literal, `*variable`, a
/// closure)? Such an argument is computed in its call window (`call_window`).
fn makes_no_temporary(e: &Expr) -> bool {
    match &e.kind {
        ast::ExprKind::Path(_) | ast::ExprKind::Lit(_) | ast::ExprKind::Closure { .. } => true,
        ast::ExprKind::Unary(ast::UnOp::Deref, inner) => matches!(inner.kind, ast::ExprKind::Path(_)),
        _ => false,
    }
}

/// The receiver (first register) of a call window (`call_window`).
#[derive(Clone, Copy)]
pub(crate) enum Recv<'a> {
    /// None: a function call.
    None,
    /// A value moved into the window (computed before the staged arguments when any).
    Value(&'a Expr),
    /// A temporary (`m.lock().unwrap()`, `c.borrow_mut()`): kept in a register of its own
    /// below the window until the statement ends, copied into the window.
    Temp(&'a Expr),
    /// A `&mut` place of the expression (`mut_self.rs`).
    Place(&'a Expr),
    /// A register computed already (a forced `LazyLock`), copied into the window.
    Copy(Reg),
    /// A temporary computed already into a register of its own, kept there as `Temp`'s.
    Kept(Reg),
    /// A value computed already into a register of its own, moved into the window.
    Moved(Reg),
    /// `()` (`write!` with no target).
    Unit,
}

/// How `call_window` fills the receiver's register.
enum First<'a> {
    Moved(Reg),
    Kept(Reg),
    Copy(Reg),
    Value(&'a Expr),
    Place(&'a Expr),
    Unit,
}

/// A call window: its first register, and whether it holds a copy of a kept temporary
/// receiver (which `end_call` clears).
pub(crate) struct Window {
    pub(crate) start: Reg,
    kept: bool,
}
