//! Macros: format strings are parsed and resolved at compile time (`teras_stdlib::fmt`) into
//! templates; `print!`/`println!`/`eprint!`/`eprintln!`/`format!`/`write!`/`writeln!`/
//! `panic!`/`assert!`/`assert_eq!`/`assert_ne!`/`unreachable!`/`todo!`/`unimplemented!`/
//! `vec!`/`matches!`/`dbg!`.

use super::Compiler;
use crate::ast::{self, Expr, ExprKind, FmtArg, Lit, MacroArgs, MacroCall, Span};
use crate::diag::Diagnostic;
use crate::types::Ty;
use crate::vm::bytecode::{BinKind, Instr, Reg, SiteKind};
use teras_stdlib::fmt::{compile_format, TPiece, Template};

impl Compiler {
    fn add_format(&mut self, t: Template) -> u16 {
        self.cx().proto.formats.push(t);
        (self.cx().proto.formats.len() - 1) as u16
    }

    /// Compile a format string with its arguments into `dst` (a `String`).
    fn format_to(&mut self, fmt: Option<&Lit>, args: &[FmtArg], newline: bool, dst: Reg, span: Span) {
        let text = match fmt.map(|l| &l.kind) {
            Some(ast::LitKind::Str(s)) => s.clone(),
            Some(_) => {
                self.err("format argument must be a string literal", fmt.map_or(span, |l| l.span), "not a string literal");
                String::new()
            }
            None => String::new(),
        };
        let named: Vec<&str> = args.iter().filter_map(|a| a.name.as_ref().map(|n| n.name.as_str())).collect();
        let positional: Vec<&FmtArg> = args.iter().filter(|a| a.name.is_none()).collect();
        let mut tpl = match compile_format(&text, positional.len(), &named) {
            Ok(t) => t,
            Err(errs) => {
                let base = fmt.map_or(span.lo, |l| l.span.lo + 1);
                for e in errs {
                    let r = e.span();
                    let sp = Span { lo: base + r.start as u32, hi: base + r.end as u32 };
                    let mut d = Diagnostic::error(e.message.clone(), sp, e.label.clone().unwrap_or_default());
                    if let Some(h) = &e.help {
                        d = d.with_help(h.clone());
                    }
                    self.error(d);
                }
                Template { pieces: vec![], captures: vec![] }
            }
        };
        if newline {
            match tpl.pieces.last_mut() {
                Some(TPiece::Lit(s)) => s.push('\n'),
                _ => tpl.pieces.push(TPiece::Lit("\n".into())),
            }
        }
        let ordered: Vec<&FmtArg> = positional.iter().copied().chain(args.iter().filter(|a| a.name.is_some())).collect();
        let n = ordered.len() + tpl.captures.len();
        let start = self.cx().alloc_n(n);
        for (i, a) in ordered.iter().enumerate() {
            let r = self.operand(&a.expr);
            self.emit(Instr::Mov { dst: start + i as u16, src: r }, a.expr.span);
        }
        let caps = tpl.captures.clone();
        for (j, name) in caps.iter().enumerate() {
            let sp = fmt.map_or(span, |l| l.span);
            let e = Expr {
                kind: ExprKind::Path(ast::Path {
                    segments: vec![ast::PathSegment { ident: ast::Ident { name: name.clone(), span: sp }, generics: None }],
                    global: false,
                    span: sp,
                    qself: None,
                }),
                span: sp,
                id: u32::MAX,
            };
            let r = self.operand(&e);
            self.emit(Instr::Mov { dst: start + (ordered.len() + j) as u16, src: r }, sp);
        }
        let f = self.add_format(tpl);
        self.emit(Instr::Format { dst, fmt: f, args: start }, span);
    }

    fn const_str(&mut self, s: &str, dst: Reg, span: Span) {
        self.load_value(crate::value::Value::str(s), dst, span);
    }

    fn panic_with(&mut self, prefix: &str, fmt: Option<&Lit>, args: &[FmtArg], span: Span) {
        let m = self.cx().alloc();
        match fmt {
            Some(_) if prefix.is_empty() => self.format_to(fmt, args, false, m, span),
            Some(_) => {
                let t = self.cx().alloc();
                self.format_to(fmt, args, false, t, span);
                let pre = self.cx().alloc();
                self.const_str(prefix, pre, span);
                self.emit(Instr::Bin { op: BinKind::Add, dst: m, a: pre, b: t }, span);
            }
            None => {
                let p = prefix.trim_end_matches(": ");
                self.const_str(p, m, span);
            }
        }
        self.emit(Instr::Panic { msg: m }, span);
    }

    /// `write!`/`writeln!`: `target.write_str(text)`, the text made by `text` (a `format!`
    /// or a constant) after the receiver is computed, through `call_window` as any method
    /// call: a temporary receiver (`m.lock().unwrap()`, a lock or `RefCell` guard) is kept
    /// below the window to the end of the statement, and the text's own temporaries too.
    fn write_call(&mut self, target: Option<&Expr>, dst: Reg, span: Span, text: impl FnOnce(&mut Self, Reg)) {
        use super::call::Recv;
        // The receiver first (Rust's order), then the text, then the window above both.
        let recv = match target {
            Some(t) => {
                let g = self.cx().alloc();
                self.expr_read_pub(t, g);
                if self.prog.needs_drop_walk && !matches!(t.kind, ExprKind::Path(_)) {
                    Recv::Kept(g)
                } else {
                    Recv::Moved(g)
                }
            }
            None => Recv::Unit,
        };
        let t = self.cx().alloc();
        text(self, t);
        let w = self.call_window(recv, &[], &[], &[t]);
        let sym = self.prog.symbols.intern("write_str");
        let site = self.add_site(SiteKind::Method { sym, name: "write_str".into() }, 0);
        self.emit(Instr::CallSite { dst, site, args: w.start, nargs: 2 }, span);
        self.end_call(&w, span);
    }

    pub(crate) fn macro_call(&mut self, m: &MacroCall, dst: Reg, span: Span, expect: Option<&Ty>) {
        let name = m.name.name.as_str();
        match (name, &m.args) {
            ("println" | "print" | "eprintln" | "eprint", MacroArgs::Format { fmt, args, .. }) => {
                let t = self.cx().alloc();
                self.format_to(fmt.as_ref(), args, name.ends_with("ln"), t, span);
                let stream = if name.starts_with('e') { 2 } else { 1 };
                self.emit(Instr::Print { src: t, stream }, span);
                self.load_unit(dst, span);
            }
            ("println" | "print" | "eprintln" | "eprint", MacroArgs::Exprs(xs)) if xs.is_empty() => {
                let t = self.cx().alloc();
                self.const_str(if name.ends_with("ln") { "\n" } else { "" }, t, span);
                let stream = if name.starts_with('e') { 2 } else { 1 };
                self.emit(Instr::Print { src: t, stream }, span);
                self.load_unit(dst, span);
            }
            // `format_args!` gives the formatted `String` (what its `Arguments` displays).
            ("format" | "format_args", MacroArgs::Format { fmt, args, .. }) => self.format_to(fmt.as_ref(), args, false, dst, span),
            ("write" | "writeln", MacroArgs::Format { target, fmt, args, .. }) => {
                let ln = name == "writeln";
                self.write_call(target.as_deref(), dst, span, |c, t| c.format_to(fmt.as_ref(), args, ln, t, span));
            }
            ("write" | "writeln", MacroArgs::Exprs(xs)) if xs.len() == 1 => {
                let text = if name == "writeln" { "\n" } else { "" };
                self.write_call(xs.first(), dst, span, |c, t| c.const_str(text, t, span));
            }
            ("panic", MacroArgs::Format { fmt, args, .. }) => {
                if fmt.is_none() {
                    self.panic_with("explicit panic", None, &[], span);
                } else {
                    self.panic_with("", fmt.as_ref(), args, span);
                }
            }
            ("panic", MacroArgs::Exprs(xs)) => {
                if let Some(x) = xs.first() {
                    let m = self.cx().alloc();
                    self.expr_to(x, m, None);
                    self.emit(Instr::Panic { msg: m }, span);
                } else {
                    self.panic_with("explicit panic", None, &[], span);
                }
            }
            ("unreachable", MacroArgs::Format { fmt, args, .. }) => {
                self.panic_with("internal error: entered unreachable code: ", fmt.as_ref(), args, span)
            }
            ("unreachable", MacroArgs::Exprs(_)) => self.panic_with("internal error: entered unreachable code", None, &[], span),
            ("todo", MacroArgs::Format { fmt, args, .. }) => self.panic_with("not yet implemented: ", fmt.as_ref(), args, span),
            ("todo", MacroArgs::Exprs(_)) => self.panic_with("not yet implemented", None, &[], span),
            ("unimplemented", MacroArgs::Format { fmt, args, .. }) => self.panic_with("not implemented: ", fmt.as_ref(), args, span),
            ("unimplemented", MacroArgs::Exprs(_)) => self.panic_with("not implemented", None, &[], span),
            ("assert" | "debug_assert", MacroArgs::Exprs(xs)) if xs.len() == 1 => self.assert(&xs[0], None, &[], dst, span),
            ("assert" | "debug_assert", MacroArgs::Format { leading, fmt, args, .. }) if leading.len() == 1 => {
                self.assert(&leading[0], fmt.as_ref(), args, dst, span)
            }
            ("assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne", MacroArgs::Exprs(xs)) if xs.len() == 2 => {
                self.assert_eq(name.ends_with("eq"), &xs[0], &xs[1], None, &[], dst, span)
            }
            ("assert_eq" | "assert_ne" | "debug_assert_eq" | "debug_assert_ne", MacroArgs::Format { leading, fmt, args, .. })
                if leading.len() == 2 =>
            {
                self.assert_eq(name.ends_with("eq"), &leading[0], &leading[1], fmt.as_ref(), args, dst, span)
            }
            ("vec", MacroArgs::Exprs(xs)) => {
                let et = expect.and_then(super::lits::elem_ty);
                let start = self.cx().alloc_n(xs.len());
                for (i, x) in xs.iter().enumerate() {
                    self.expr_to(x, start + i as u16, et.as_ref());
                }
                self.emit(Instr::MakeVec { dst, start, n: xs.len() as u16 }, span);
            }
            ("vec", MacroArgs::Repeat(e, n)) => {
                let et = expect.and_then(super::lits::elem_ty);
                let r = self.cx().alloc_n(2);
                self.expr_to(e, r, et.as_ref());
                self.expr_to(n, r + 1, Some(&Ty::Int(crate::value::IntTy::Usize)));
                self.emit(Instr::MakeRepeat { dst, elem: r, count: r + 1, vec: true }, span);
            }
            ("matches", MacroArgs::Matches { expr, pat, guard }) => {
                let s = self.operand(expr);
                self.cx().push_scope();
                let mut fails = self.pattern_test(pat, s, false);
                if let Some(g) = guard {
                    fails.extend(self.cond(g));
                }
                self.cx().pop_scope();
                self.emit(Instr::LoadBool { dst, v: true }, span);
                let j = self.emit(Instr::Jump { target: 0 }, span);
                let here = self.cx().here();
                for f in fails {
                    self.cx().patch(f, here);
                }
                self.emit(Instr::LoadBool { dst, v: false }, span);
                let end = self.cx().here();
                self.cx().patch(j, end);
            }
            ("dbg", MacroArgs::Exprs(xs)) => self.dbg(xs, dst, span),
            ("select", MacroArgs::Select(arms)) => self.select(arms, dst, span, expect),
            // tokio's `select!` for futures, desugared by the parser (syntax/parser/select_fut.rs).
            ("select", MacroArgs::Exprs(xs)) if xs.len() == 1 => self.expr_to(&xs[0], dst, expect),
            // `pin!(fut)`: pins are transparent. The operand is read as `&mut fut` (tokio's
            // `pin!(x)` shadows `x` with a pinned reference to it: `x` is not moved).
            ("pin", MacroArgs::Exprs(xs)) if xs.len() == 1 => {
                let x = &xs[0];
                let r = Expr { kind: ExprKind::Ref { mutable: true, expr: Box::new(x.clone()) }, span: x.span, id: x.id };
                self.expr_to(&r, dst, expect)
            }
            ("join" | "try_join", MacroArgs::Exprs(xs)) => {
                let e = super::async_fn::join_expr(name == "try_join", xs, span);
                self.expr_to(&e, dst, expect);
            }
            _ => {
                self.error(Diagnostic::error(format!("cannot find macro `{name}` in this scope"), m.name.span, "not found").with_code("E0433"));
                self.load_unit(dst, span);
            }
        }
    }

    fn source_text(&self, sp: Span) -> String {
        self.source.text.get(sp.lo as usize..sp.hi as usize).unwrap_or("").to_string()
    }

    fn assert(&mut self, cond: &Expr, fmt: Option<&Lit>, args: &[FmtArg], dst: Reg, span: Span) {
        let fails = self.cond(cond);
        let ok = self.emit(Instr::Jump { target: 0 }, span);
        let here = self.cx().here();
        for f in fails {
            self.cx().patch(f, here);
        }
        match fmt {
            Some(_) => self.panic_with("", fmt, args, span),
            None => {
                let text = format!("assertion failed: {}", self.source_text(cond.span));
                self.panic_with(&text, None, &[], span);
            }
        }
        let end = self.cx().here();
        self.cx().patch(ok, end);
        self.load_unit(dst, span);
    }

    #[allow(clippy::too_many_arguments)]
    fn assert_eq(&mut self, eq: bool, a: &Expr, b: &Expr, fmt: Option<&Lit>, args: &[FmtArg], dst: Reg, span: Span) {
        let ty = self.inferred(a).or_else(|| self.inferred(b));
        let start = self.cx().alloc_n(3);
        let ra = self.operand_typed(a, ty.as_ref());
        let rb = self.operand_typed(b, ty.as_ref());
        self.emit(Instr::Mov { dst: start + 1, src: ra }, a.span);
        self.emit(Instr::Mov { dst: start + 2, src: rb }, b.span);
        let op = if eq { BinKind::Eq } else { BinKind::Ne };
        let fail = self.emit(Instr::JumpIfNot2 { op, a: start + 1, b: start + 2, target: 0 }, span);
        let ok = self.emit(Instr::Jump { target: 0 }, span);
        let here = self.cx().here();
        self.cx().patch(fail, here);
        let opname = if eq { "==" } else { "!=" };
        let text = match fmt {
            Some(_) => {
                self.format_to(fmt, args, false, start, span);
                format!("assertion `left {opname} right` failed: {{}}\n  left: {{:?}}\n right: {{:?}}")
            }
            None => {
                self.emit(Instr::LoadUnit { dst: start }, span);
                format!("assertion `left {opname} right` failed{{}}\n  left: {{:?}}\n right: {{:?}}")
            }
        };
        let tpl = compile_format(&text, 3, &[]).unwrap_or(Template { pieces: vec![], captures: vec![] });
        let tpl = if fmt.is_none() {
            // Drop the `{}` placeholder of the absent message.
            let mut t = tpl;
            let mut pieces = Vec::new();
            for p in t.pieces.drain(..) {
                match &p {
                    TPiece::Arg(ph) if ph.arg == 0 => {}
                    _ => pieces.push(p),
                }
            }
            t.pieces = pieces;
            t
        } else {
            tpl
        };
        let f = self.add_format(tpl);
        let m = self.cx().alloc();
        self.emit(Instr::Format { dst: m, fmt: f, args: start }, span);
        self.emit(Instr::Panic { msg: m }, span);
        let end = self.cx().here();
        self.cx().patch(ok, end);
        self.load_unit(dst, span);
    }

    fn dbg(&mut self, xs: &[Expr], dst: Reg, span: Span) {
        let (line, col) = self.source.line_col(span.lo);
        let file = self.source.name.clone();
        if xs.is_empty() {
            let t = self.cx().alloc();
            self.const_str(&format!("[{file}:{line}:{col}]\n"), t, span);
            self.emit(Instr::Print { src: t, stream: 2 }, span);
            self.load_unit(dst, span);
            return;
        }
        let vals = self.cx().alloc_n(xs.len());
        for (i, x) in xs.iter().enumerate() {
            self.expr_to(x, vals + i as u16, None);
            let src = self.source_text(x.span);
            let text = format!("[{file}:{line}:{col}] {} = {{:#?}}\n", src.replace('{', "{{").replace('}', "}}"));
            let tpl = compile_format(&text, 1, &[]).unwrap_or(Template { pieces: vec![], captures: vec![] });
            let f = self.add_format(tpl);
            let t = self.cx().alloc();
            self.emit(Instr::Format { dst: t, fmt: f, args: vals + i as u16 }, span);
            self.emit(Instr::Print { src: t, stream: 2 }, span);
        }
        if xs.len() == 1 {
            self.emit(Instr::Mov { dst, src: vals }, span);
        } else {
            self.emit(Instr::MakeTuple { dst, start: vals, n: xs.len() as u16 }, span);
        }
    }
}
