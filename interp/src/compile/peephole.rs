//! The last step of compiling a function: local clean-ups of the finished bytecode, then
//! `FuncProto::seal` (the register bound the dispatch loop relies on).
//!
//! The code generator evaluates an expression into a fresh temporary and then copies it where
//! it goes (`GetField t; Mov x, t`), and passes locals to calls with `Mov`s: every such `Mov`
//! of a heap value is a reference-count increment now and a decrement when the temporary is
//! overwritten. Two rewrites remove them, both only when the copied register is dead after
//! the `Mov` (no path reads it before overwriting it, see `live_after`):
//! - `P { dst: t, .. }; Mov { dst: x, src: t }` becomes `P { dst: x, .. }` (the `Mov` goes);
//! - a remaining `Mov { dst, src }` becomes `MovOut` (the handle moves, no count traffic).
//!
//! Registers named by `drop_slots` (owned locals that unwinding drops) are never rewritten;
//! any instruction whose register use is not simple counts as reading every register it might
//! touch, so the liveness answer errs towards "live" (no rewrite).

use crate::vm::bytecode::{FuncProto, Instr, Reg, SiteKind, Target};

/// Finish `proto` before it is stored in the program. `optimize` is false in programs with
/// drop glue (`Program::needs_drop_walk`), which tell a value's last handle by counting
/// handles, stale registers included: there the registers keep exactly what the code
/// generator put in them. The same for the prelude, compiled before it is known whether the
/// program needs drop glue.
pub(crate) fn finish_proto(proto: &mut FuncProto, optimize: bool) {
    if optimize {
        // Bounded: each round removes at least one instruction or stops.
        for _ in 0..8 {
            if !fold_moves(proto) {
                break;
            }
        }
        const_compares(proto);
        moves_out(proto);
        returns(proto);
        jumps_to_next(proto);
        fuse_matches(proto);
    }
    fuse_calls(proto);
    fuse_releases(proto);
    proto.seal();
}

/// `Release { reg: lo }, Release { reg: lo + 1 }, ..., Release { reg: hi - 1 }` followed by
/// `DropTemps { lo, hi }` (the end of a statement that may leave a guard in a temporary, in
/// programs with drop glue) becomes the one instruction `ReleaseTemps { lo, hi }`, which does
/// exactly what they did in the same order, when no jump lands inside the run (one landing on
/// its first `Release` lands on the `ReleaseTemps`).
fn fuse_releases(proto: &mut FuncProto) {
    let n = proto.code.len();
    let mut gone = vec![false; n];
    let mut targeted = vec![false; n + 1];
    for ins in &proto.code {
        if let Some(t) = target_of(ins) {
            if let Some(x) = targeted.get_mut(t as usize) {
                *x = true;
            }
        }
    }
    let mut any = false;
    let mut pc = 0;
    while pc < n {
        let Instr::Release { reg: lo } = proto.code[pc] else {
            pc += 1;
            continue;
        };
        // The run of `Release`s of consecutive registers from `lo`.
        let mut end = pc + 1;
        while end < n && matches!(proto.code[end], Instr::Release { reg } if reg as usize == lo as usize + (end - pc)) {
            end += 1;
        }
        let fused = match proto.code.get(end) {
            Some(&Instr::DropTemps { lo: l, hi }) => l == lo && hi as usize == lo as usize + (end - pc) && !targeted[pc + 1..=end].iter().any(|t| *t),
            _ => false,
        };
        if fused {
            let hi = lo + (end - pc) as Reg;
            proto.code[pc] = Instr::ReleaseTemps { lo, hi };
            for g in &mut gone[pc + 1..=end] {
                *g = true;
            }
            any = true;
        }
        pc = end;
    }
    if any {
        remove(proto, &gone);
    }
}

/// `GetField { dst: t, .. }; TestVariant { a: t, .. }; GetElem { dst: d, obj: t, idx: 0 }`
/// (`match &x.f { Some(y) => .. }`) with `d != t`, `t` not a drop slot and dead after the
/// `GetElem`: the `GetField` becomes `GetFieldMatch`, which on an inline `Some` leaves `t`
/// empty instead of holding a second handle of the field's payload (see
/// `Instr::GetFieldMatch`). Only where registers may differ from what the code generator put
/// in them (`optimize`). Nothing moves.
fn fuse_matches(proto: &mut FuncProto) {
    let gone = vec![false; proto.code.len()];
    for pc in 2..proto.code.len() {
        if let (Instr::GetField { dst, obj, name }, Instr::TestVariant { a, .. }, Instr::GetElem { dst: d, obj: e, idx: 0 }) =
            (proto.code[pc - 2], proto.code[pc - 1], proto.code[pc])
        {
            if a == dst && e == dst && d != dst && !is_drop_slot(proto, dst) && !live_after(proto, &gone, pc, dst) {
                proto.code[pc - 2] = Instr::GetFieldMatch { dst, obj, name };
            }
        }
    }
}

/// A `SubI` followed by a `Call` (`f(n - 1)`) becomes `SubICall`, a `JumpIfNotLtI`
/// followed by a `Ret`/`RetDup` (`if n < 2 { n }`) becomes `JumpIfNotLtIRet`, an `Add`
/// followed by the return of its result (`f(n - 1) + f(n - 2)` as the tail) becomes
/// `AddRet`, a `Deref` whose result is incremented and stored back (`*g += 1`) becomes
/// `DerefAddI`, and the `Mov` of a receiver into the window of a one-argument
/// `CallSiteUnwrap` (`c.lock().unwrap()`) or of a method's `CallSite` (`s.push_str(t)`, the
/// receiver read after the arguments: `call_window`) becomes `MovRecv`: the dispatch loop runs each
/// together with the instruction(s) after it (see `Instr::SubICall`, `Instr::JumpIfNotLtIRet`,
/// `Instr::AddRet`, `Instr::DerefAddI`, `Instr::MovRecv`). That instruction stays where it is and no instruction moves, so
/// jump targets are untouched; the rewrite does not change what the code does, so it applies
/// to every function (drop glue and the prelude included).
fn fuse_calls(proto: &mut FuncProto) {
    for pc in 1..proto.code.len() {
        match (proto.code[pc - 1], proto.code[pc]) {
            (Instr::SubI { dst, a, imm }, Instr::Call { .. }) => proto.code[pc - 1] = Instr::SubICall { dst, a, imm },
            (Instr::JumpIfNotLtI { a, imm, target }, Instr::Ret { .. } | Instr::RetDup { .. }) => {
                proto.code[pc - 1] = Instr::JumpIfNotLtIRet { a, imm, target };
            }
            (Instr::Add { dst, a, b }, Instr::Ret { src } | Instr::RetDup { src }) if src == dst => {
                proto.code[pc - 1] = Instr::AddRet { dst, a, b };
            }
            (Instr::Deref { dst, src }, Instr::AddI { dst: d, a, .. })
                if d == dst && a == dst && src != dst && matches!(proto.code.get(pc + 1), Some(&Instr::StoreDeref { dst: g, src: t }) if g == src && t == dst) =>
            {
                proto.code[pc - 1] = Instr::DerefAddI { dst, src };
            }
            (Instr::Mov { dst, src }, Instr::CallSiteUnwrap { args, nargs, .. }) if args == dst && !in_range(src, args, nargs as usize) => {
                proto.code[pc - 1] = Instr::MovRecv { dst, src };
            }
            (Instr::Mov { dst, src }, Instr::CallSite { site, args, nargs, .. })
                if args == dst && !in_range(src, args, nargs as usize) && matches!(proto.sites.get(site as usize).map(|s| &s.kind), Some(SiteKind::Method { .. })) =>
            {
                proto.code[pc - 1] = Instr::MovRecv { dst, src };
            }
            _ => {}
        }
    }
}

/// How an instruction uses one register.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Use {
    /// It reads it (or might).
    Read,
    /// It overwrites it without reading it first.
    Write,
    /// It does not touch it.
    None,
}

fn in_range(r: Reg, start: Reg, n: usize) -> bool {
    (r as usize) >= start as usize && (r as usize) < start as usize + n
}

/// How `ins` uses register `r`. Conservative: anything unclear is `Read`.
fn use_of(proto: &FuncProto, ins: &Instr, r: Reg) -> Use {
    use Instr::*;
    let rd = |x: Reg| x == r;
    let simple = |dst: Reg, reads: &[Reg]| {
        if reads.contains(&r) {
            Use::Read
        } else if dst == r {
            Use::Write
        } else {
            Use::None
        }
    };
    match *ins {
        Nop | Jump { .. } | Loop { .. } | RetUnit | Error { .. } => Use::None,
        LoadUnit { dst } | LoadBool { dst, .. } | LoadInt { dst, .. } | LoadConst { dst, .. } | GetGlobal { dst, .. } | TakeGlobal { dst, .. } => {
            simple(dst, &[])
        }
        RefGlobal { dst, .. } => simple(dst, &[]),
        Mov { dst, src } | MovRecv { dst, src } | Dup { dst, src } | CloneVal { dst, src } | Deref { dst, src } | DerefAddI { dst, src } | Peek { dst, src } => {
            simple(dst, &[src])
        }
        MovOut { src, .. } if rd(src) => Use::Read,
        MovOut { dst, .. } => simple(dst, &[]),
        Cast { dst, src, .. } | Convert { dst, src, .. } => simple(dst, &[src]),
        Bin { dst, a, b, .. } | Add { dst, a, b } | AddRet { dst, a, b } | Sub { dst, a, b } => simple(dst, &[a, b]),
        BinI { dst, a, .. } | AddI { dst, a, .. } | SubI { dst, a, .. } | SubICall { dst, a, .. } | Neg { dst, a } | Not { dst, a } => simple(dst, &[a]),
        BinK { dst, a, .. } | KBin { dst, b: a, .. } => simple(dst, &[a]),
        GetField { dst, obj, .. } | GetFieldMatch { dst, obj, .. } | GetElem { dst, obj, .. } | GetElemEnd { dst, obj, .. } | SliceRest { dst, obj, .. } => {
            simple(dst, &[obj])
        }
        RefField { dst, obj, .. } | RefElem { dst, obj, .. } => simple(dst, &[obj]),
        Index { dst, obj, idx } | RefIndex { dst, obj, idx } => simple(dst, &[obj, idx]),
        MakeRepeat { dst, elem, count, .. } => simple(dst, &[elem, count]),
        IterInit { dst, src } => simple(dst, &[src]),
        MakeTuple { dst, start, n } | MakeArray { dst, start, n } | MakeVec { dst, start, n } => {
            if in_range(r, start, n as usize) {
                Use::Read
            } else {
                simple(dst, &[])
            }
        }
        MakeClosure { dst, start, n, .. } => {
            if in_range(r, start, n as usize) {
                Use::Read
            } else {
                simple(dst, &[])
            }
        }
        MakeAdt { dst, start, ctor } => match proto.ctors.get(ctor as usize) {
            Some(c) if !in_range(r, start, c.nfields as usize) => simple(dst, &[]),
            _ if r >= start => Use::Read,
            _ => simple(dst, &[]),
        },
        MakeRange { dst, start, .. } => {
            if in_range(r, start, 2) {
                Use::Read
            } else {
                simple(dst, &[])
            }
        }
        Format { dst, fmt, args } => {
            let n = proto.formats.get(fmt as usize).map(crate::vm::format::template_arg_count);
            match n {
                Some(n) if !in_range(r, args, n) => simple(dst, &[]),
                _ if r >= args => Use::Read,
                _ => simple(dst, &[]),
            }
        }
        // The callee's frame starts at `args`: its registers overlap ours from there on.
        Call { dst, args, .. } | CallSite { dst, args, .. } | CallSiteUnwrap { dst, args, .. } | ParamCall { dst, args, .. } => {
            if r >= args {
                Use::Read
            } else {
                simple(dst, &[])
            }
        }
        CallValue { dst, callee, args, .. } | CallOnce { dst, callee, args, .. } => {
            if r >= args || rd(callee) {
                Use::Read
            } else {
                simple(dst, &[])
            }
        }
        DropTemps { lo, hi } | ReleaseTemps { lo, hi } => {
            if r >= lo && r < hi.max(lo.saturating_add(1)) {
                Use::Read
            } else {
                Use::None
            }
        }
        // Reads (and maybe writes) of the operands; nothing written otherwise.
        Take { dst, src } => {
            if rd(src) {
                Use::Read
            } else {
                simple(dst, &[])
            }
        }
        IterNext { dst, iter, .. } => {
            if rd(iter) {
                Use::Read
            } else if rd(dst) {
                // Written only when an item comes: on the exhausted path it keeps its value.
                Use::Read
            } else {
                Use::None
            }
        }
        Try { dst, src, .. } => simple(dst, &[src]),
        JumpIfNotLtI { a, .. }
        | JumpIfNotLtIRet { a, .. }
        | JumpIfNotI { a, .. }
        | JumpIfNotK { a, .. }
        | TestVariant { a, .. }
        | TestConst { a, .. }
        | TestLen { a, .. } => {
            if rd(a) {
                Use::Read
            } else {
                Use::None
            }
        }
        JumpIf { cond, .. } | JumpIfNot { cond, .. } => {
            if rd(cond) {
                Use::Read
            } else {
                Use::None
            }
        }
        PromoteTag { a, b, mode } => {
            if rd(a) || (mode == 3 && rd(b)) {
                Use::Read
            } else {
                Use::None
            }
        }
        JumpIfNot2 { a, b, .. } => {
            if rd(a) || rd(b) {
                Use::Read
            } else {
                Use::None
            }
        }
        ForPrep { ctr, end, .. } | ForStep { ctr, end, .. } => {
            if rd(ctr) || rd(end) {
                Use::Read
            } else {
                Use::None
            }
        }
        SetField { obj, src, .. } | SetElem { obj, src, .. } | StoreDeref { dst: obj, src } => {
            if rd(obj) || rd(src) {
                Use::Read
            } else {
                Use::None
            }
        }
        SetIndex { obj, idx, src } => {
            if rd(obj) || rd(idx) || rd(src) {
                Use::Read
            } else {
                Use::None
            }
        }
        LoadHint { dst } => simple(dst, &[]),
        BoxLocal { reg } | Drop { reg } | Release { reg } | SetHint { src: reg } => {
            if rd(reg) {
                Use::Read
            } else {
                Use::None
            }
        }
        SetGlobal { src, .. } | Print { src, .. } | Ret { src } | RetDup { src } | Panic { msg: src } => {
            if rd(src) {
                Use::Read
            } else {
                Use::None
            }
        }
    }
}

/// Where control may go after `code[pc]`: the next instruction (unless it never falls
/// through) and its jump target.
fn successors(ins: &Instr, pc: usize) -> (Option<usize>, Option<usize>) {
    use Instr::*;
    match *ins {
        Jump { target } | Loop { target } => (None, Some(target as usize)),
        Ret { .. } | RetDup { .. } | RetUnit | Error { .. } | Panic { .. } => (None, None),
        _ => (Some(pc + 1), target_of(ins).map(|t| t as usize)),
    }
}

fn target_of(ins: &Instr) -> Option<Target> {
    use Instr::*;
    match *ins {
        Jump { target }
        | Loop { target }
        | JumpIf { target, .. }
        | JumpIfNot { target, .. }
        | JumpIfNot2 { target, .. }
        | JumpIfNotI { target, .. }
        | JumpIfNotK { target, .. }
        | JumpIfNotLtI { target, .. }
        | JumpIfNotLtIRet { target, .. }
        | ForPrep { target, .. }
        | ForStep { target, .. }
        | IterNext { target, .. }
        | TestVariant { target, .. }
        | TestConst { target, .. }
        | TestLen { target, .. }
        | Try { target, .. } => Some(target),
        _ => None,
    }
}

fn set_target(ins: &mut Instr, t: Target) {
    use Instr::*;
    match ins {
        Jump { target }
        | Loop { target }
        | JumpIf { target, .. }
        | JumpIfNot { target, .. }
        | JumpIfNot2 { target, .. }
        | JumpIfNotI { target, .. }
        | JumpIfNotK { target, .. }
        | JumpIfNotLtI { target, .. }
        | JumpIfNotLtIRet { target, .. }
        | ForPrep { target, .. }
        | ForStep { target, .. }
        | IterNext { target, .. }
        | TestVariant { target, .. }
        | TestConst { target, .. }
        | TestLen { target, .. }
        | Try { target, .. } => *target = t,
        _ => {}
    }
}

/// Is register `r` possibly read after `code[pc]` runs (on some path, before it is
/// overwritten)? Instructions marked in `gone` count as absent.
fn live_after(proto: &FuncProto, gone: &[bool], pc: usize, r: Reg) -> bool {
    let code = &proto.code;
    let mut seen = vec![false; code.len() + 1];
    let mut work: Vec<usize> = Vec::new();
    let (a, b) = successors(&code[pc], pc);
    work.extend(a);
    work.extend(b);
    // A generous bound on the search: past it, the answer is "live".
    let mut budget = 4096usize;
    while let Some(p) = work.pop() {
        if p >= code.len() {
            // Falling off the end returns `()`.
            continue;
        }
        if seen[p] {
            continue;
        }
        seen[p] = true;
        budget = match budget.checked_sub(1) {
            Some(b) => b,
            None => return true,
        };
        let ins = &code[p];
        if !gone[p] {
            match use_of(proto, ins, r) {
                Use::Read => return true,
                Use::Write => continue,
                Use::None => {}
            }
        }
        let (a, b) = successors(ins, p);
        work.extend(a);
        work.extend(b);
    }
    false
}

/// The destination register of an instruction whose only effect on registers is to write
/// it (after reading its operands), for retargeting.
fn dst_mut(ins: &mut Instr) -> Option<&mut Reg> {
    use Instr::*;
    match ins {
        LoadBool { dst, .. }
        | LoadInt { dst, .. }
        | LoadConst { dst, .. }
        | Mov { dst, .. }
        | Dup { dst, .. }
        | CloneVal { dst, .. }
        | Bin { dst, .. }
        | BinI { dst, .. }
        | BinK { dst, .. }
        | KBin { dst, .. }
        | Add { dst, .. }
        | AddRet { dst, .. }
        | Sub { dst, .. }
        | AddI { dst, .. }
        | SubI { dst, .. }
        | SubICall { dst, .. }
        | Cast { dst, .. }
        | GetField { dst, .. }
        | GetElem { dst, .. }
        | Index { dst, .. }
        | Peek { dst, .. }
        | Deref { dst, .. }
        | DerefAddI { dst, .. }
        | MakeAdt { dst, .. }
        | MakeTuple { dst, .. }
        | MakeVec { dst, .. }
        | MakeArray { dst, .. }
        | Format { dst, .. }
        | GetGlobal { dst, .. } => Some(dst),
        _ => None,
    }
}

fn is_drop_slot(proto: &FuncProto, r: Reg) -> bool {
    proto.drop_slots.iter().any(|d| d.reg == r)
}

/// `P { dst: t }; Mov { dst: x, src: t }` with `t` dead after: `P { dst: x }`. Whether
/// anything changed.
fn fold_moves(proto: &mut FuncProto) -> bool {
    let n = proto.code.len();
    if n < 2 {
        return false;
    }
    let mut is_target = vec![false; n + 1];
    for ins in &proto.code {
        if let Some(t) = target_of(ins) {
            if let Some(x) = is_target.get_mut(t as usize) {
                *x = true;
            }
        }
    }
    let mut gone = vec![false; n];
    let mut changed = false;
    let mut pc = 0;
    while pc + 1 < n {
        let Instr::Mov { dst: x, src: t } = proto.code[pc + 1] else {
            pc += 1;
            continue;
        };
        let mut producer = proto.code[pc];
        let ok = x != t
            && !is_target[pc + 1]
            && !is_drop_slot(proto, t)
            && dst_mut(&mut producer).is_some_and(|d| *d == t)
            && !live_after(proto, &gone, pc + 1, t);
        if ok {
            if let Some(d) = dst_mut(&mut producer) {
                *d = x;
            }
            proto.code[pc] = producer;
            gone[pc + 1] = true;
            changed = true;
            pc += 2;
        } else {
            pc += 1;
        }
    }
    if changed {
        remove(proto, &gone);
    }
    changed
}

/// `LoadInt { dst: t, v }; JumpIfNot2 { a, b: t }` with `t` dead after: `JumpIfNotK` with `v`
/// in the constant table (one dispatch less in loops that compare with a large constant).
fn const_compares(proto: &mut FuncProto) {
    let n = proto.code.len();
    let mut is_target = vec![false; n + 1];
    for ins in &proto.code {
        if let Some(t) = target_of(ins) {
            if let Some(x) = is_target.get_mut(t as usize) {
                *x = true;
            }
        }
    }
    let mut gone = vec![false; n];
    let mut changed = false;
    for pc in 0..n.saturating_sub(1) {
        let (Instr::LoadInt { dst: t, ty, v }, Instr::JumpIfNot2 { op, a, b, target }) = (proto.code[pc], proto.code[pc + 1]) else {
            continue;
        };
        if b != t || a == t || is_target[pc + 1] || gone[pc] || is_drop_slot(proto, t) || live_after(proto, &gone, pc + 1, t) {
            continue;
        }
        // Exactly what `LoadInt` would have stored.
        let c = crate::value::Value::Int(v as i64, ty);
        let k = match proto.consts.iter().position(|x| matches!((x, &c), (crate::value::Value::Int(p, pt), crate::value::Value::Int(q, qt)) if p == q && pt == qt)) {
            Some(k) => k,
            None => {
                proto.consts.push(c);
                proto.consts.len() - 1
            }
        };
        let Ok(k) = u16::try_from(k) else { continue };
        proto.code[pc] = Instr::JumpIfNotK { op, a, k, target };
        gone[pc + 1] = true;
        changed = true;
    }
    if changed {
        remove(proto, &gone);
    }
}

/// `Mov { dst, src }` with `src` dead after it: `MovOut` (the handle moves).
fn moves_out(proto: &mut FuncProto) {
    let gone = vec![false; proto.code.len()];
    for pc in 0..proto.code.len() {
        if let Instr::Mov { dst, src } = proto.code[pc] {
            if dst != src && !is_drop_slot(proto, src) && !live_after(proto, &gone, pc, src) {
                proto.code[pc] = Instr::MovOut { dst, src };
            }
        }
    }
}

/// Returns: `Dup { dst, src }` directly followed by `Ret { src: dst }` becomes
/// `RetDup { src }` (the `Ret` stays for jumps to it), and a `Jump` to a return instruction
/// (`Ret`, `RetDup`, `RetUnit`: the end of a `match` arm or an `if` branch before the
/// function's tail `x`, `Dup; Ret`) becomes that return. The fusion runs again after the
/// threading, which may have put a `Ret` right after a `Dup`.
fn returns(proto: &mut FuncProto) {
    fn dup_ret(proto: &mut FuncProto) {
        for pc in 0..proto.code.len().saturating_sub(1) {
            if let (Instr::Dup { dst, src }, Instr::Ret { src: r }) = (proto.code[pc], proto.code[pc + 1]) {
                if dst == r {
                    proto.code[pc] = Instr::RetDup { src };
                }
            }
        }
    }
    dup_ret(proto);
    for pc in 0..proto.code.len() {
        if let Instr::Jump { target } = proto.code[pc] {
            if let Some(r @ (Instr::Ret { .. } | Instr::RetDup { .. } | Instr::RetUnit)) = proto.code.get(target as usize) {
                proto.code[pc] = *r;
            }
        }
    }
    dup_ret(proto);
}

/// A `Jump` to the very next instruction (the end of an `if` without `else`, whose jump over
/// the missing branch lands where execution falls through anyway) does nothing: delete it.
/// Jumps that targeted it land on the next instruction, which is where it went.
fn jumps_to_next(proto: &mut FuncProto) {
    let gone: Vec<bool> = proto.code.iter().enumerate().map(|(pc, ins)| matches!(ins, Instr::Jump { target } if *target as usize == pc + 1)).collect();
    if gone.iter().any(|g| *g) {
        remove(proto, &gone);
    }
}

/// Delete the instructions marked in `gone`, renumbering jump targets and drop-slot ranges
/// (a target of a deleted instruction becomes the next kept one).
fn remove(proto: &mut FuncProto, gone: &[bool]) {
    let n = proto.code.len();
    // new_index[i]: where old instruction i (or the first kept one after it) lands.
    let mut new_index = vec![0u32; n + 1];
    let mut k = 0u32;
    for i in 0..n {
        new_index[i] = k;
        if !gone[i] {
            k += 1;
        }
    }
    new_index[n] = k;
    let map = |t: usize| -> u32 { new_index.get(t).copied().unwrap_or(k) };
    let mut code = Vec::with_capacity(k as usize);
    let mut spans = Vec::with_capacity(k as usize);
    for (i, &g) in gone.iter().enumerate().take(n) {
        if g {
            continue;
        }
        let mut ins = proto.code[i];
        if let Some(t) = target_of(&ins) {
            set_target(&mut ins, map(t as usize) as Target);
        }
        code.push(ins);
        if let Some(s) = proto.spans.get(i) {
            spans.push(*s);
        }
    }
    for d in &mut proto.drop_slots {
        if (d.start as usize) <= n {
            d.start = map(d.start as usize);
        }
        if (d.end as usize) <= n {
            d.end = map(d.end as usize);
        }
    }
    proto.code = code;
    proto.spans = spans;
}

#[cfg(test)]
#[path = "peephole_tests.rs"]
mod tests;
