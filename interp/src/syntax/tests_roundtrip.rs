//! Round-trip oracle for the tree's shape: print a parsed program back as Rust with every
//! operator parenthesized, compile that with rustc and check it prints what the original
//! golden program's `.out` says. Lifetimes are dropped by the parser, so programs that need
//! them do not compile when printed and are skipped.
//!
//! Needs rustc and takes minutes: `cargo test -p teras-interp roundtrip -- --ignored`.

use crate::ast::*;
use std::fmt::Write;

fn join<T>(v: &[T], f: impl Fn(&T) -> String) -> String {
    v.iter().map(f).collect::<Vec<_>>().join(", ")
}

fn path(p: &Path) -> String {
    let mut s = String::new();
    if p.global {
        s.push_str("::");
    }
    s + &p
        .segments
        .iter()
        .map(|seg| match &seg.generics {
            Some(g) => format!("{}::<{}>", seg.ident.name, join(g, ty)),
            None => seg.ident.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("::")
}

fn ty(t: &Type) -> String {
    match &t.kind {
        TypeKind::Path(p) => path(p),
        TypeKind::Ref { mutable, inner } => format!("&{}{}", if *mutable { "mut " } else { "" }, ty(inner)),
        TypeKind::Ptr { mutable, inner } => format!("*{} {}", if *mutable { "mut" } else { "const" }, ty(inner)),
        TypeKind::Tuple(v) if v.len() == 1 => format!("({},)", ty(&v[0])),
        TypeKind::Tuple(v) => format!("({})", join(v, ty)),
        TypeKind::Array(t, n) => format!("[{}; {}]", ty(t), ex(n)),
        TypeKind::Slice(t) => format!("[{}]", ty(t)),
        TypeKind::Fn { params, ret } => format!("fn({}){}", join(params, ty), ret.as_ref().map_or(String::new(), |r| format!(" -> {}", ty(r)))),
        TypeKind::ImplTrait(b) => format!("impl {}", bounds(b)),
        TypeKind::DynTrait(b) => format!("(dyn {})", bounds(b)),
        TypeKind::Infer => "_".into(),
        TypeKind::Never => "!".into(),
    }
}

fn bounds(b: &[Bound]) -> String {
    b.iter()
        .map(|b| {
            if b.lifetime {
                return format!("'{}", b.path.segments[0].ident.name);
            }
            let mut p = b.path.clone();
            let last_generics = p.segments.last_mut().and_then(|s| s.generics.take());
            let mut s = format!("{}{}", if b.maybe { "?" } else { "" }, path(&p));
            if let Some((params, ret)) = &b.fn_sugar {
                write!(s, "({})", join(params, ty)).unwrap();
                if let Some(r) = ret {
                    write!(s, " -> {}", ty(r)).unwrap();
                }
            } else if last_generics.is_some() || !b.assoc.is_empty() {
                let mut args: Vec<String> = last_generics.unwrap_or_default().iter().map(ty).collect();
                args.extend(b.assoc.iter().map(|(n, t)| format!("{} = {}", n.name, ty(t))));
                write!(s, "<{}>", args.join(", ")).unwrap();
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

fn generics(g: &Generics) -> String {
    if g.params.is_empty() {
        return String::new();
    }
    format!(
        "<{}>",
        join(&g.params, |p| match &p.kind {
            GenericParamKind::Lifetime => format!("'{}", p.name.name),
            GenericParamKind::Type { default } => format!(
                "{}{}{}",
                p.name.name,
                if p.bounds.is_empty() { String::new() } else { format!(": {}", bounds(&p.bounds)) },
                default.as_ref().map_or(String::new(), |d| format!(" = {}", ty(d)))
            ),
            GenericParamKind::Const { ty: t, .. } => format!("const {}: {}", p.name.name, ty(t)),
        })
    )
}

fn where_(g: &Generics) -> String {
    if g.where_clause.is_empty() {
        return String::new();
    }
    format!(" where {}", join(&g.where_clause, |w| format!("{}: {}", ty(&w.ty), bounds(&w.bounds))))
}

fn lit(l: &Lit) -> String {
    match &l.kind {
        LitKind::Int(n, s) => format!("{n}{}", s.as_deref().unwrap_or("")),
        LitKind::Float(t, s) => {
            let t = if t.ends_with('.') { format!("{t}0") } else { t.clone() };
            format!("{t}{}", s.as_deref().unwrap_or(""))
        }
        LitKind::Str(s) => format!("{s:?}"),
        LitKind::ByteStr(b) => format!("b\"{}\"", b.iter().map(|c| format!("\\x{c:02x}")).collect::<String>()),
        LitKind::Char(c) => format!("{c:?}"),
        LitKind::Byte(b) => format!("b'\\x{b:02x}'"),
        LitKind::Bool(b) => b.to_string(),
    }
}

fn pat(p: &Pat) -> String {
    match &p.kind {
        PatKind::Wild => "_".into(),
        PatKind::Rest => "..".into(),
        PatKind::Ident { by_ref, mutable, name, sub } => format!(
            "{}{}{}{}",
            if *by_ref { "ref " } else { "" },
            if *mutable { "mut " } else { "" },
            name.name,
            sub.as_ref().map_or(String::new(), |s| format!(" @ {}", pat(s)))
        ),
        PatKind::Lit(e) => ex_plain(e),
        PatKind::Range { lo, hi, inclusive } => format!(
            "{}{}{}",
            lo.as_ref().map_or(String::new(), |e| ex_plain(e)),
            if *inclusive { "..=" } else { ".." },
            hi.as_ref().map_or(String::new(), |e| ex_plain(e))
        ),
        PatKind::Tuple(v) if v.len() == 1 => format!("({},)", pat(&v[0])),
        PatKind::Tuple(v) => format!("({})", join(v, pat)),
        PatKind::TupleStruct { path: p, elems } => format!("{}({})", path(p), join(elems, pat)),
        PatKind::Struct { path: p, fields, rest } => {
            let mut f: Vec<String> = fields.iter().map(|f| format!("{}: {}", f.name.name, pat(&f.pat))).collect();
            if *rest {
                f.push("..".into());
            }
            format!("{} {{ {} }}", path(p), f.join(", "))
        }
        PatKind::Path(p) => path(p),
        PatKind::Slice(v) => format!("[{}]", join(v, pat)),
        PatKind::Or(v) => format!("({})", v.iter().map(pat).collect::<Vec<_>>().join(" | ")),
        PatKind::Ref { mutable, pat: p } => format!("&{}({})", if *mutable { "mut " } else { "" }, pat(p)),
        PatKind::Error => "ERROR".into(),
    }
}

/// Literal or path expressions in patterns: no parentheses.
fn ex_plain(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Lit(l) => lit(l),
        ExprKind::Unary(UnOp::Neg, x) => format!("-{}", ex_plain(x)),
        ExprKind::Path(p) => path(p),
        _ => ex(e),
    }
}

fn has_let(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Let(..) => true,
        ExprKind::Binary(BinOp::And, l, r) => has_let(l) || has_let(r),
        _ => false,
    }
}

fn block(b: &Block) -> String {
    let mut s = String::from(if b.is_unsafe { "unsafe {\n" } else { "{\n" });
    for st in &b.stmts {
        s.push_str(&stmt(st));
        s.push('\n');
    }
    s.push('}');
    s
}

fn label(l: &Option<Ident>) -> String {
    l.as_ref().map_or(String::new(), |l| format!("'{}: ", l.name))
}

fn ex(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Lit(l) => lit(l),
        ExprKind::Path(p) => path(p),
        ExprKind::Unary(op, x) => format!("({}{})", match op { UnOp::Neg => "-", UnOp::Not => "!", UnOp::Deref => "*" }, ex(x)),
        ExprKind::Ref { mutable, expr } => format!("(&{}{})", if *mutable { "mut " } else { "" }, ex(expr)),
        ExprKind::Binary(op, l, r) if has_let(e) => format!("{} {} {}", ex(l), op.as_str(), ex(r)),
        ExprKind::Binary(op, l, r) => format!("({} {} {})", ex(l), op.as_str(), ex(r)),
        ExprKind::Assign(l, r) => format!("({} = {})", ex(l), ex(r)),
        ExprKind::AssignOp(op, l, r) => format!("({} {}= {})", ex(l), op.as_str(), ex(r)),
        ExprKind::Call(f, a) => format!("{}({})", ex(f), join(a, ex)),
        ExprKind::MethodCall { receiver, method, turbofish, args } => format!(
            "{}.{}{}({})",
            ex(receiver),
            method.name,
            turbofish.as_ref().map_or(String::new(), |t| format!("::<{}>", join(t, ty))),
            join(args, ex)
        ),
        ExprKind::Field(x, f) => format!("{}.{}", ex(x), f.name),
        ExprKind::TupleField(x, n, _) => format!("{}.{n}", ex(x)),
        ExprKind::Index(x, i) => format!("{}[{}]", ex(x), ex(i)),
        ExprKind::Range { start, end, inclusive } => format!(
            "({}{}{})",
            start.as_ref().map_or(String::new(), |x| ex(x)),
            if *inclusive { "..=" } else { ".." },
            end.as_ref().map_or(String::new(), |x| ex(x))
        ),
        ExprKind::Tuple(v) if v.len() == 1 => format!("({},)", ex(&v[0])),
        ExprKind::Tuple(v) => format!("({})", join(v, ex)),
        ExprKind::Paren(x) => format!("({})", ex(x)),
        ExprKind::Array(v) => format!("[{}]", join(v, ex)),
        ExprKind::ArrayRepeat(x, n) => format!("[{}; {}]", ex(x), ex(n)),
        ExprKind::Struct { path: p, fields, base } => {
            let mut f: Vec<String> = fields.iter().map(|f| format!("{}: {}", f.name.name, ex(&f.expr))).collect();
            if let Some(b) = base {
                f.push(format!("..{}", ex(b)));
            }
            format!("({} {{ {} }})", path(p), f.join(", "))
        }
        ExprKind::Block(b) => block(b),
        ExprKind::Async { is_move, body } => format!("async {}{}", if *is_move { "move " } else { "" }, block(body)),
        ExprKind::Await(x) => format!("{}.await", ex(x)),
        ExprKind::If { cond, then, else_ } => format!("if {} {}{}", ex(cond), block(then), else_.as_ref().map_or(String::new(), |x| format!(" else {}", ex(x)))),
        ExprKind::Let(p, x) => format!("let {} = {}", pat(p), ex(x)),
        ExprKind::While { label: l, cond, body } => format!("{}while {} {}", label(l), ex(cond), block(body)),
        ExprKind::Loop { label: l, body } => format!("{}loop {}", label(l), block(body)),
        ExprKind::For { label: l, pat: p, iter, body } => format!("{}for {} in {} {}", label(l), pat(p), ex(iter), block(body)),
        ExprKind::LabeledBlock { label: l, body } => format!("'{}: {}", l.name, block(body)),
        ExprKind::Match { scrutinee, arms } => {
            let mut s = format!("match {} {{\n", ex(scrutinee));
            for a in arms {
                writeln!(s, "{}{} => {},", pat(&a.pat), a.guard.as_ref().map_or(String::new(), |g| format!(" if {}", ex(g))), ex(&a.body)).unwrap();
            }
            s.push('}');
            s
        }
        ExprKind::Closure { is_move, params, ret, body } => format!(
            "({}|{}|{} {})",
            if *is_move { "move " } else { "" },
            join(params, |p| format!("{}{}", pat(&p.pat), p.ty.as_ref().map_or(String::new(), |t| format!(": {}", ty(t))))),
            ret.as_ref().map_or(String::new(), |t| format!(" -> {}", ty(t))),
            ex(body)
        ),
        ExprKind::Break { label, value } => format!(
            "(break{}{})",
            label.as_ref().map_or(String::new(), |l| format!(" '{}", l.name)),
            value.as_ref().map_or(String::new(), |v| format!(" {}", ex(v)))
        ),
        ExprKind::Continue { label } => format!("continue{}", label.as_ref().map_or(String::new(), |l| format!(" '{}", l.name))),
        ExprKind::Return(v) => format!("(return{})", v.as_ref().map_or(String::new(), |v| format!(" {}", ex(v)))),
        ExprKind::Try(x) => format!("{}?", ex(x)),
        ExprKind::Cast(x, t) => format!("({} as {})", ex(x), ty(t)),
        ExprKind::Macro(m) => mac(m),
        ExprKind::Error => "ERROR".into(),
    }
}

fn mac(m: &MacroCall) -> String {
    let n = &m.name.name;
    match &m.args {
        MacroArgs::Format { target, leading, fmt, args } => {
            let mut parts = Vec::new();
            if let Some(t) = target {
                parts.push(ex(t));
            }
            parts.extend(leading.iter().map(ex));
            if let Some(f) = fmt {
                parts.push(lit(f));
            }
            parts.extend(args.iter().map(|a| match &a.name {
                Some(nm) => format!("{} = {}", nm.name, ex(&a.expr)),
                None => ex(&a.expr),
            }));
            format!("{n}!({})", parts.join(", "))
        }
        MacroArgs::Exprs(v) if n == "vec" => format!("vec![{}]", join(v, ex)),
        MacroArgs::Exprs(v) => format!("{n}!({})", join(v, ex)),
        MacroArgs::Repeat(x, c) => format!("vec![{}; {}]", ex(x), ex(c)),
        MacroArgs::Matches { expr, pat: p, guard } => {
            format!("matches!({}, {}{})", ex(expr), pat(p), guard.as_ref().map_or(String::new(), |g| format!(" if {}", ex(g))))
        }
        MacroArgs::Select(arms) => {
            let arm = |a: &SelectArm| {
                let op = match &a.op {
                    SelectOp::Recv(r) => format!("recv({})", ex(r)),
                    SelectOp::Send(s, v) => format!("send({}, {})", ex(s), ex(v)),
                    SelectOp::Default(None) => "default".to_string(),
                    SelectOp::Default(Some(t)) => format!("default({})", ex(t)),
                };
                let res = a.pat.as_ref().map_or(String::new(), |p| format!(" -> {}", pat(p)));
                format!("{op}{res} => {},", ex(&a.body))
            };
            format!("select! {{ {} }}", arms.iter().map(arm).collect::<Vec<_>>().join(" "))
        }
    }
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Let { pat: p, ty: t, init, else_ } => format!(
            "let {}{}{}{};",
            pat(p),
            t.as_ref().map_or(String::new(), |t| format!(": {}", ty(t))),
            init.as_ref().map_or(String::new(), |e| format!(" = {}", ex(e))),
            else_.as_ref().map_or(String::new(), |b| format!(" else {}", block(b)))
        ),
        StmtKind::Item(i) => item(i),
        StmtKind::Expr(e, semi) => format!("{}{}", ex(e), if *semi { ";" } else { "" }),
        StmtKind::Empty => ";".into(),
    }
}

fn fields(f: &Fields) -> String {
    match f {
        Fields::Named(v) => format!(" {{ {} }}", join(v, |f| format!("{}{}: {}", if f.public { "pub " } else { "" }, f.name.name, ty(&f.ty)))),
        Fields::Tuple(v) => format!("({})", join(v, |f| format!("{}{}", if f.public { "pub " } else { "" }, ty(&f.ty)))),
        Fields::Unit => String::new(),
    }
}

fn use_tree(u: &UseTree) -> String {
    let pre = u.prefix.iter().map(|i| i.name.clone()).collect::<Vec<_>>().join("::");
    let sep = if pre.is_empty() { "" } else { "::" };
    match &u.kind {
        UseTreeKind::Simple { rename } => format!("{pre}{}", rename.as_ref().map_or(String::new(), |r| format!(" as {}", r.name))),
        UseTreeKind::Glob => format!("{pre}{sep}*"),
        UseTreeKind::Nested(v) => format!("{pre}{sep}{{{}}}", join(v, use_tree)),
    }
}

fn item(i: &Item) -> String {
    let mut s = String::new();
    for a in &i.attrs {
        if a.args.is_empty() {
            writeln!(s, "#[{}]", a.name).unwrap();
        } else if a.name == "doc" {
        } else {
            writeln!(s, "#[{}({})]", a.name, a.args.join(", ")).unwrap();
        }
    }
    if i.public {
        s.push_str("pub ");
    }
    match &i.kind {
        ItemKind::Fn(f) => {
            let mut params: Vec<String> = Vec::new();
            if let Some(sp) = &f.self_param {
                params.push(match (&sp.ty, sp.kind) {
                    (Some(t), _) => format!("{}self: {}", if sp.mutable { "mut " } else { "" }, ty(t)),
                    (None, SelfKind::Value) => format!("{}self", if sp.mutable { "mut " } else { "" }),
                    (None, SelfKind::Ref) => "&self".into(),
                    (None, SelfKind::RefMut) => "&mut self".into(),
                });
            }
            params.extend(f.params.iter().map(|p| format!("{}: {}", pat(&p.pat), ty(&p.ty))));
            write!(
                s,
                "{}{}{}fn {}{}({}){}{}",
                if f.is_const { "const " } else { "" },
                if f.is_async { "async " } else { "" },
                if f.is_unsafe { "unsafe " } else { "" },
                f.name.name,
                generics(&f.generics),
                params.join(", "),
                f.ret.as_ref().map_or(String::new(), |t| format!(" -> {}", ty(t))),
                where_(&f.generics)
            )
            .unwrap();
            match &f.body {
                Some(b) => s.push_str(&block(b)),
                None => s.push(';'),
            }
        }
        ItemKind::Struct(st) => {
            if matches!(st.fields, Fields::Named(_)) {
                write!(s, "struct {}{}{}{}", st.name.name, generics(&st.generics), where_(&st.generics), fields(&st.fields)).unwrap();
            } else {
                write!(s, "struct {}{}{}{}", st.name.name, generics(&st.generics), fields(&st.fields), where_(&st.generics)).unwrap();
            }
            if !matches!(st.fields, Fields::Named(_)) {
                s.push(';');
            }
        }
        ItemKind::Enum(e) => {
            writeln!(s, "enum {}{}{} {{", e.name.name, generics(&e.generics), where_(&e.generics)).unwrap();
            for v in &e.variants {
                for a in &v.attrs {
                    writeln!(s, "#[{}]", a.name).unwrap();
                }
                writeln!(s, "{}{}{},", v.name.name, fields(&v.fields), v.discriminant.as_ref().map_or(String::new(), |d| format!(" = {}", ex(d)))).unwrap();
            }
            s.push('}');
        }
        ItemKind::Impl(im) => {
            writeln!(
                s,
                "{}impl{} {}{}{}{} {{",
                if im.is_unsafe { "unsafe " } else { "" },
                generics(&im.generics),
                if im.negative { "!" } else { "" },
                im.trait_.as_ref().map_or(String::new(), |t| format!("{} for ", path(t).replace("::<", "<"))),
                ty(&im.self_ty),
                where_(&im.generics)
            )
            .unwrap();
            for it in &im.items {
                s.push_str(&item(it));
                s.push('\n');
            }
            s.push('}');
        }
        ItemKind::Trait(t) => {
            writeln!(
                s,
                "{}trait {}{}{}{} {{",
                if t.is_unsafe { "unsafe " } else { "" },
                t.name.name,
                generics(&t.generics),
                if t.supertraits.is_empty() { String::new() } else { format!(": {}", bounds(&t.supertraits)) },
                where_(&t.generics)
            )
            .unwrap();
            for it in &t.items {
                s.push_str(&item(it));
                s.push('\n');
            }
            s.push('}');
        }
        ItemKind::Const(c) => write!(
            s,
            "const {}{}{};",
            c.name.name,
            c.ty.as_ref().map_or(String::new(), |t| format!(": {}", ty(t))),
            c.value.as_ref().map_or(String::new(), |v| format!(" = {}", ex(v)))
        )
        .unwrap(),
        ItemKind::Static(st) => write!(s, "static {}{}: {} = {};", if st.mutable { "mut " } else { "" }, st.name.name, ty(&st.ty), ex(&st.value)).unwrap(),
        ItemKind::TypeAlias(t) => write!(
            s,
            "type {}{}{}{};",
            t.name.name,
            generics(&t.generics),
            if t.bounds.is_empty() { String::new() } else { format!(": {}", bounds(&t.bounds)) },
            t.ty.as_ref().map_or(String::new(), |x| format!(" = {}", ty(x)))
        )
        .unwrap(),
        ItemKind::Use(u) => write!(s, "use {};", use_tree(u)).unwrap(),
        ItemKind::Mod(m) => {
            writeln!(s, "mod {} {{", m.name.name).unwrap();
            for it in m.items.iter().flatten() {
                s.push_str(&item(it));
                s.push('\n');
            }
            s.push('}');
        }
        ItemKind::Ignored => {}
    }
    s
}

/// The program printed back (items only, as files have).
fn print_file(f: &SourceFile) -> String {
    let mut o = String::from(
        "#![allow(unused_parens, unused_braces, unused_mut, dead_code, unused_variables, unused_imports, unreachable_code, unused_unsafe)]\n",
    );
    for i in &f.items {
        o.push_str(&item(i));
        o.push('\n');
    }
    o
}

#[test]
#[ignore = "needs rustc; takes minutes"]
fn golden_programs_round_trip_through_rustc() {
    use std::process::Command;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let tmp = std::env::temp_dir().join(format!("teras-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut failures = Vec::new();
    let mut passed = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        if dir.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("errors")) {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "rs")).collect();
        files.sort();
        for file in files {
            let src = std::fs::read_to_string(&file).unwrap();
            // `<Human as Pilot>::name()` is lowered to `Human::name()` (the tree has no place for
            // the trait of a qualified path), which means the inherent `name` to rustc.
            if src.starts_with("// not-rust") || file.ends_with("traits/method_resolution.rs") {
                continue;
            }
            let (ast, d) = super::parse_file(&src);
            assert!(d.is_empty(), "{}: {d:?}", file.display());
            let name = file.file_stem().unwrap().to_string_lossy().to_string();
            let printed = tmp.join(format!("{name}.rs"));
            std::fs::write(&printed, print_file(&ast)).unwrap();
            let bin = tmp.join(&name);
            let c = Command::new("rustc").args(["--edition", "2021", "-o"]).arg(&bin).arg(&printed).output().unwrap();
            if !c.status.success() {
                let err = String::from_utf8_lossy(&c.stderr);
                if !err.contains("E0106") {
                    failures.push(format!("{}: printed program does not compile: {}", file.display(), err.lines().take(4).collect::<Vec<_>>().join(" | ")));
                }
                continue;
            }
            let args: Vec<String> = std::fs::read_to_string(file.with_extension("args")).map(|a| a.lines().map(String::from).collect()).unwrap_or_default();
            let out = Command::new(&bin).args(&args).output().unwrap();
            let want = std::fs::read_to_string(file.with_extension("out")).unwrap_or_default();
            if String::from_utf8_lossy(&out.stdout) == want {
                passed += 1;
            } else {
                failures.push(format!("{}: printed program prints something else", file.display()));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "{passed} passed; failures:\n{}", failures.join("\n"));
}
