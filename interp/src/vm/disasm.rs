//! The disassembler: one line per instruction with its operands and source line
//! (`teras run --dump-bytecode`).

use super::bytecode::{FuncProto, Instr, SiteKind};
use super::program::Program;
use std::fmt::Write;

/// Every function of the program whose source is named `source_name` (all when `None`).
pub fn disassemble(prog: &Program, source_name: Option<&str>) -> String {
    let mut out = String::new();
    for (i, f) in prog.funcs.iter().enumerate() {
        if source_name.is_some_and(|n| f.source.name != n) {
            continue;
        }
        let _ = writeln!(out, "fn #{i} {} (arity {}, captures {}, registers {})", f.name, f.arity, f.ncaptures, f.num_regs);
        out.push_str(&function(prog, f));
        out.push('\n');
    }
    out
}

fn target_name(prog: &Program, f: &FuncProto, ins: &Instr) -> String {
    match ins {
        Instr::Call { func, .. } => prog.funcs.get(*func as usize).map_or("?".into(), |p| p.name.clone()),
        Instr::CallSite { site, .. } | Instr::CallSiteUnwrap { site, .. } => match f.sites.get(*site as usize).map(|s| &s.kind) {
            Some(SiteKind::Method { name, .. }) => format!(".{name}"),
            Some(SiteKind::Native(n)) => format!("native {}", crate::builtins::native_name(*n)),
            Some(SiteKind::Func(g)) => prog.funcs.get(*g as usize).map_or("?".into(), |p| p.name.clone()),
            None => "?".into(),
        },
        Instr::MakeClosure { func, .. } => prog.funcs.get(*func as usize).map_or("?".into(), |p| p.name.clone()),
        Instr::LoadConst { k, .. } | Instr::TestConst { k, .. } => {
            f.consts.get(*k as usize).map_or("?".into(), |c| format!("{c:?}"))
        }
        Instr::GetField { name, .. } | Instr::GetFieldMatch { name, .. } | Instr::SetField { name, .. } | Instr::RefField { name, .. } => {
            f.fields.get(*name as usize).map_or("?".into(), |s| s.name.to_string())
        }
        Instr::GetGlobal { idx, .. } | Instr::TakeGlobal { idx, .. } | Instr::SetGlobal { idx, .. } | Instr::RefGlobal { idx, .. } => {
            prog.globals.get(*idx as usize).map_or("?".into(), |g| g.name.clone())
        }
        Instr::MakeAdt { ctor, .. } => f
            .ctors
            .get(*ctor as usize)
            .and_then(|c| prog.adts.get(c.adt as usize).map(|d| (d, c.variant)))
            .map_or("?".into(), |(d, v)| {
                if d.is_enum {
                    format!("{}::{}", d.name, d.variants.get(v as usize).map_or("?", |v| v.name.as_str()))
                } else {
                    d.name.clone()
                }
            }),
        _ => String::new(),
    }
}

/// One function's code.
pub fn function(prog: &Program, f: &FuncProto) -> String {
    let mut out = String::new();
    for (pc, ins) in f.code.iter().enumerate() {
        let (line, _) = f.source.line_col(f.span_at(pc).lo);
        let extra = target_name(prog, f, ins);
        let text = format!("{ins:?}");
        if extra.is_empty() {
            let _ = writeln!(out, "  {pc:>4}  {text:<60} ; line {line}");
        } else {
            let _ = writeln!(out, "  {pc:>4}  {text:<60} ; line {line}  {extra}");
        }
    }
    out
}
