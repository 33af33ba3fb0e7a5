//! Which prelude functions the call paths may complete without a frame
//! (`FuncProto::intrinsic`, run by `vm::call::inline_call`). Today one shape: a method of a
//! prelude enum taking `self` by value whose body is `match self { V(x) => x, .. }` (no
//! guard on that first arm): `unwrap`, `expect`, `unwrap_or`... of `Option` and `Result`,
//! which every channel send, receive and lock of a program goes through. The shape is read
//! from the function's syntax tree, so a prelude body written differently is simply not
//! marked. Only prelude functions are marked: a program's own method may have a `Drop`ping
//! `self` (the prelude's bodies are compiled without drop glue; see `vm/call.rs` for what the
//! call path checks at run time).

use super::Compiler;
use crate::ast;
use crate::vm::bytecode::{FuncProto, Intrinsic};

impl Compiler {
    /// The intrinsic of the prelude function `decl` of type `self_ty` (an `impl` block's
    /// type name), if its body has a shape the call paths know.
    pub(super) fn prelude_intrinsic(&self, decl: &ast::FnDecl, self_ty: Option<&str>) -> Option<Intrinsic> {
        if !self.in_prelude || decl.is_async || decl.self_param.as_ref().map(super::async_fn::self_kind) != Some(ast::SelfKind::Value) {
            return None;
        }
        let type_id = *self.prog.type_ids.get(self_ty?)?;
        let def = self.prog.adts.iter().find(|d| d.type_id == type_id && d.is_enum)?;
        let variant_named = |name: &str| def.variants.iter().position(|v| v.name == name);
        let body = decl.body.as_ref()?;
        if body.stmts.len() != 1 {
            return None;
        }
        let ast::ExprKind::Match { scrutinee, arms } = &body.tail()?.kind else { return None };
        if !is_name(scrutinee, "self") {
            return None;
        }
        let arm = arms.first()?;
        if arm.guard.is_some() {
            return None;
        }
        let ast::PatKind::TupleStruct { path, elems } = &arm.pat.kind else { return None };
        let [ast::Pat { kind: ast::PatKind::Ident { by_ref: false, name, sub: None, .. }, .. }] = elems.as_slice() else { return None };
        let variant = variant_named(&path.segments.last()?.ident.name)?;
        if def.variants.get(variant)?.fields.len() != 1 || !is_name(&arm.body, &name.name) {
            return None;
        }
        Some(Intrinsic::UnwrapVariant { type_id, variant: variant as u32 })
    }
}

impl Compiler {
    /// The `Intrinsic::Forward` of the compiled prelude method `proto` of the type `self_ty`,
    /// if its code is exactly a forward of one of `self`'s fields and its parameters to a
    /// native: `GetField g, self.f; Mov a, g; (Dup|Mov|Take) a+i, i ...; CallSite d, native,
    /// a, arity; Ret d`.
    ///
    /// `func` is the method's function number: its type is the one the method table files it
    /// under, not the one `type_ids` has for `self_ty` (several prelude types share a name:
    /// std's `Receiver` and tokio's; `type_ids` holds the last declared).
    pub(super) fn prelude_forwarder(&self, proto: &FuncProto, func: u32, by_ref_self: bool, self_ty: Option<&str>) -> Option<Intrinsic> {
        use crate::vm::bytecode::{Instr, SiteKind};
        if !self.in_prelude || !by_ref_self || proto.ncaptures != 0 || proto.arity == 0 || proto.arity > 16 {
            return None;
        }
        let arity = proto.arity as usize;
        let code = proto.code.as_slice();
        if code.len() != arity + 3 {
            return None;
        }
        let named = *self.prog.type_ids.get(self_ty?)?;
        let filed = self.prog.methods.iter().filter(|(_, &f)| f == func).map(|(&(t, _), _)| t);
        let type_id = filed.min().unwrap_or(named);
        let def = self.prog.adts.iter().find(|d| d.type_id == type_id && !d.is_enum)?;
        let (Instr::GetField { dst: g, obj: 0, name }, Instr::Mov { dst: a, src }) = (*code.first()?, *code.get(1)?) else { return None };
        if src != g {
            return None;
        }
        let fname = &proto.fields.get(name as usize)?.name;
        let field = def.variants.first()?.fields.iter().position(|f| **f == **fname)?;
        let mut copies = 0u16;
        for i in 1..arity {
            match *code.get(1 + i)? {
                Instr::Dup { dst, src } | Instr::Take { dst, src } if dst as usize == a as usize + i && src as usize == i => copies |= 1 << i,
                Instr::Mov { dst, src } if dst as usize == a as usize + i && src as usize == i => {}
                _ => return None,
            }
        }
        let (Instr::CallSite { dst: d, site, args, nargs }, Instr::Ret { src: r }) = (*code.get(arity + 1)?, *code.get(arity + 2)?) else { return None };
        if args != a || nargs as usize != arity || r != d {
            return None;
        }
        let info = proto.sites.get(site as usize)?;
        let SiteKind::Native(native) = info.kind else { return None };
        let unwrap = crate::builtins::registry::registry().twin_of.get(&native).copied().unwrap_or(u32::MAX);
        Some(Intrinsic::Forward { type_id, field: u16::try_from(field).ok()?, copies, native, hint: info.hint, unwrap })
    }
}

impl Compiler {
    /// Called right after `receiver.unwrap()` was emitted (its `CallSite` is the last
    /// instruction): when `receiver` is itself a method call whose `CallSite` wrote the
    /// temporary the `unwrap` reads (directly, or through one `Mov` into the window), that
    /// `CallSite` becomes `CallSiteUnwrap` (see `Instr::CallSiteUnwrap`). The temporary is
    /// the receiver's own register (`method_call` gives a method call receiver a fresh one),
    /// read by nothing but the `Mov`/`unwrap` (and the statement's `Release`/`DropTemps`).
    ///
    /// Only when the method of `unwrap_site` (called without arguments) is the prelude's
    /// `Result::unwrap` or `Option::unwrap` (the `Result` method of that name is an
    /// `UnwrapVariant` of `Ok`, or the `Option` one of `Some`); the VM checks again that the
    /// call site resolves to one of them before it fuses anything. `receiver` may also be an
    /// `.await` compiled as one call (`async_fn::awaited_now`: `rx.recv().await.unwrap()`).
    pub(super) fn fuse_unwrap(&mut self, receiver: &ast::Expr, unwrap_site: u16) {
        use crate::vm::bytecode::{Instr, SiteKind};
        let awaited_now = match &receiver.kind {
            ast::ExprKind::Await(x) => super::async_fn::awaited_now(x, self.in_prelude, receiver.id).is_some(),
            _ => false,
        };
        if !matches!(receiver.kind, ast::ExprKind::MethodCall { .. }) && !awaited_now {
            return;
        }
        let Some(&SiteKind::Method { sym, .. }) = self.cx().proto.sites.get(unwrap_site as usize).map(|s| &s.kind) else { return };
        // `Result::unwrap`, or `Option::unwrap` (`rx.recv().await.unwrap()` of tokio's mpsc).
        let (rt, ot) = (self.prog.std.result.type_id, self.prog.std.option.type_id);
        let unwraps = |t: u32, v: u32| {
            let f = self.prog.methods.get(&(t, sym)).and_then(|&f| self.prog.funcs.get(f as usize));
            matches!(f.and_then(|f| f.intrinsic), Some(Intrinsic::UnwrapVariant { type_id, variant }) if type_id == t && variant == v)
        };
        if !unwraps(rt, crate::builtins::util::OK) && !unwraps(ot, crate::builtins::util::SOME) {
            return;
        }
        let proto = &mut self.cx().proto;
        let n = proto.code.len();
        let Some(&Instr::CallSite { args: ua, nargs: 1, .. }) = proto.code.last() else { return };
        let (k, read) = match n.checked_sub(2).and_then(|i| proto.code.get(i)) {
            Some(&Instr::Mov { dst, src }) if dst == ua => (n.checked_sub(3), src),
            Some(Instr::CallSite { .. }) => (n.checked_sub(2), ua),
            _ => return,
        };
        let Some(k) = k else { return };
        let Some(&Instr::CallSite { dst, site, args, nargs }) = proto.code.get(k) else { return };
        let is_method = matches!(proto.sites.get(site as usize).map(|s| &s.kind), Some(SiteKind::Method { .. }));
        if dst == read && is_method {
            if let Some(slot) = proto.code.get_mut(k) {
                *slot = Instr::CallSiteUnwrap { dst, site, args, nargs };
            }
        }
    }
}

/// Is `e` the lone name `name` (maybe in a block of its own: `{ x }`)?
fn is_name(e: &ast::Expr, name: &str) -> bool {
    match &e.kind {
        ast::ExprKind::Path(p) => p.qself.is_none() && !p.global && matches!(p.segments.as_slice(), [s] if s.ident.name == name && s.generics.is_none()),
        ast::ExprKind::Block(b) if b.stmts.len() == 1 => b.tail().is_some_and(|t| is_name(t, name)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::vm::bytecode::Intrinsic;
    use crate::vm::program::tid;

    /// The prelude's `unwrap`, `expect` and `unwrap_or` of `Option` and `Result` are marked
    /// (`Some` is variant 1 of `Option`, `Ok` variant 0 of `Result`); bodies of another shape
    /// (`map`, `ok`, `is_some`) and a program's own methods are not.
    #[test]
    fn the_prelude_unwraps_are_marked() {
        let mut c = super::super::Compiler::new();
        let src = crate::diag::Source::new("<prelude>", crate::builtins::PRELUDE);
        let (file, _) = crate::syntax::parse_file(&src.text);
        c.in_prelude = true;
        assert!(c.compile_source(src.clone(), &file, None).is_ok());
        let of = |c: &super::super::Compiler, name: &str| c.prog.funcs.iter().find(|f| f.name == name).map(|f| f.intrinsic);
        let some = Some(Some(Intrinsic::UnwrapVariant { type_id: tid::FIRST_ADT_TYPE, variant: 1 }));
        let ok = Some(Some(Intrinsic::UnwrapVariant { type_id: tid::FIRST_ADT_TYPE + 1, variant: 0 }));
        for (name, want) in [("Option::unwrap", &some), ("Option::expect", &some), ("Result::unwrap", &ok), ("Result::expect", &ok)] {
            assert_eq!(&of(&c, name), want, "{name}");
        }
        for name in ["Option::map", "Result::ok", "Option::is_some"] {
            assert_eq!(of(&c, name), Some(None), "{name}");
        }
        // The channel ends' `send`/`recv` forward to their natives (`SyncSender::send` passes
        // its message by value: copied like the body's `Dup`); `try_send` matches on the
        // native's result.
        for name in ["SyncSender::send", "Sender::send", "Receiver::recv"] {
            let copies = if name.ends_with("send") { 2 } else { 0 };
            assert!(matches!(of(&c, name), Some(Some(Intrinsic::Forward { copies: k, .. })) if k == copies), "{name}");
        }
        assert_eq!(of(&c, "SyncSender::try_send"), Some(None));
        // tokio's mpsc: `Receiver::__recv_now` takes `&mut self` and forwards as well; both
        // awaited-at-once natives have their `unwrap` twins.
        for (name, path) in [("Receiver::__recv_now", "tokio::sync::mpsc::Receiver"), ("Sender::__send_now", "tokio::sync::mpsc::Sender")] {
            let Some(super::super::Item::Adt(idx)) = c.items.get(path) else { panic!("no {path}") };
            let want = idx + tid::FIRST_ADT_TYPE;
            let got = c.prog.funcs.iter().find(|f| f.name == name && matches!(f.intrinsic, Some(Intrinsic::Forward { type_id, unwrap, .. }) if type_id == want && unwrap != u32::MAX));
            assert!(got.is_some(), "{name} forwards on {path}'s type, with a twin");
        }
        // Each forward checks the type the method belongs to, not the last prelude type of
        // the same name (tokio's `Receiver`, `Sender`): else the check fails on every call
        // and the method is entered.
        for (name, path) in [
            ("Receiver::recv", "std::sync::mpsc::Receiver"),
            ("Sender::send", "std::sync::mpsc::Sender"),
            ("SyncSender::send", "std::sync::mpsc::SyncSender"),
        ] {
            let Some(super::super::Item::Adt(idx)) = c.items.get(path) else { panic!("no {path}") };
            let want = idx + tid::FIRST_ADT_TYPE;
            let got = c.prog.funcs.iter().find(|f| f.name == name && matches!(f.intrinsic, Some(Intrinsic::Forward { type_id, .. }) if type_id == want));
            assert!(got.is_some(), "{name} forwards on {path}'s type");
        }
        c.in_prelude = false;
        let src = crate::diag::Source::new("t.rs", "enum W { A(i32), B }\nimpl W { fn get(self) -> i32 { match self { W::A(x) => x, W::B => 0 } } }\nfn main() {}");
        let (file, _) = crate::syntax::parse_file(&src.text);
        assert!(c.compile_source(src.clone(), &file, None).is_ok());
        assert_eq!(of(&c, "W::get"), Some(None));
    }

    /// `X.m().unwrap()` marks `m`'s `CallSite` as `CallSiteUnwrap` (the lazy prelude, as
    /// `teras run` compiles it); an `unwrap` of a variable, another method after a method
    /// call, and an `unwrap` whose receiver is not a method call stay plain.
    #[test]
    fn unwrap_of_a_method_call_is_fused() {
        use crate::vm::bytecode::Instr;
        let mut c = super::super::Compiler::new();
        c.lazy.enabled = true;
        let src = crate::diag::Source::new("<prelude>", crate::builtins::PRELUDE);
        let (file, _) = crate::syntax::parse_file(&src.text);
        c.in_prelude = true;
        assert!(c.compile_source(src, &file, None).is_ok());
        c.in_prelude = false;
        let text = "use std::sync::mpsc;\nfn main() {\n    let (tx, rx) = mpsc::channel::<i32>();\n    tx.send(1).unwrap();\n    \
                    let a = rx.recv().unwrap();\n    let r = rx.recv();\n    let b = r.unwrap();\n    let ok = rx.try_recv().is_ok();\n    \
                    let n = Some(a).unwrap();\n    println!(\"{a} {b} {ok} {n}\");\n}\n";
        let src = crate::diag::Source::new("t.rs", text);
        let (file, _) = crate::syntax::parse_file(&src.text);
        assert!(c.compile_source(src, &file, None).is_ok());
        let main = c.prog.funcs.iter().find(|f| f.name == "main").expect("main");
        let line = |s: &crate::ast::Span| text[..s.lo as usize].matches('\n').count() + 1;
        let fused: Vec<usize> = main.code.iter().zip(&main.spans).filter(|(i, _)| matches!(i, Instr::CallSiteUnwrap { .. })).map(|(_, s)| line(s)).collect();
        assert_eq!(fused, [4, 5], "{:?}", main.code);
    }

    /// `rx.recv().await.unwrap()` and `tx.send(v).await.unwrap()` (awaited at once, compiled
    /// as one `__recv_now`/`__send_now` call) are fused with their `unwrap` too (`Option`'s
    /// and `Result`'s); the `unwrap` of another awaited future is not.
    #[test]
    fn unwrap_of_an_awaited_recv_or_send_is_fused() {
        let text = "use tokio::sync::mpsc;
async fn two() -> Option<i32> { Some(2) }
#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<i32>(1);
    tx.send(1).await.unwrap();
    let a = rx.recv().await.unwrap();
    let b = two().await.unwrap();
    println!(\"{a} {b}\");
}
";
        let dump = crate::session::Session::new(crate::session::Options::default()).dump_bytecode("t.rs", text).unwrap_or_else(|_| panic!("compiles"));
        let body = dump.split("\nfn #").find(|f| f.split_whitespace().nth(1) == Some("main::{closure}")).unwrap_or_default();
        let fused: Vec<&str> = body.lines().filter(|l| l.contains("CallSiteUnwrap")).collect();
        assert_eq!(fused.len(), 2, "{body}");
        assert!(fused.iter().any(|l| l.contains("line 6") && l.ends_with(".__send_now")), "{body}");
        assert!(fused.iter().any(|l| l.contains("line 7") && l.ends_with(".__recv_now")), "{body}");
    }
}
