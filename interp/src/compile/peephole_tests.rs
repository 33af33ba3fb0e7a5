//! Unit tests of the peephole pass (`peephole.rs`): each rewrite on hand-built code, and
//! the cases it must leave alone.

use super::*;
use crate::diag::Source;
use crate::value::IntTy;

fn proto(code: Vec<Instr>) -> FuncProto {
    let mut p = FuncProto::new("f".into(), Source::new("t.rs", ""));
    p.spans = vec![crate::ast::Span::DUMMY; code.len()];
    p.code = code;
    p.num_regs = 10;
    p
}

#[test]
fn a_dead_temporary_is_written_in_place() {
    let mut p = proto(vec![
        Instr::GetField { dst: 5, obj: 0, name: 0 },
        Instr::Mov { dst: 4, src: 5 },
        Instr::TestVariant { a: 4, variant: 1, target: 4 },
        Instr::GetElem { dst: 5, obj: 4, idx: 0 },
        Instr::Ret { src: 4 },
    ]);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[0], Instr::GetField { dst: 4, .. }));
    assert!(matches!(p.code[1], Instr::TestVariant { target: 3, .. }));
    assert_eq!(p.code.len(), 4);
    assert_eq!(p.spans.len(), 4);
}

#[test]
fn a_live_temporary_is_kept() {
    let code = vec![
        Instr::LoadInt { dst: 5, ty: IntTy::I32, v: 1 },
        Instr::Mov { dst: 4, src: 5 },
        Instr::Add { dst: 4, a: 4, b: 5 },
        Instr::Ret { src: 4 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert_eq!(p.code.len(), 4);
    assert!(matches!(p.code[1], Instr::Mov { dst: 4, src: 5 }));
}

#[test]
fn a_read_on_one_branch_keeps_it_live() {
    let code = vec![
        Instr::LoadConst { dst: 5, k: 0 },
        Instr::Mov { dst: 4, src: 5 },
        Instr::JumpIf { cond: 1, target: 4 },
        Instr::LoadInt { dst: 5, ty: IntTy::I32, v: 0 },
        Instr::Ret { src: 5 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[1], Instr::Mov { dst: 4, src: 5 }));
}

#[test]
fn a_dead_argument_is_moved_and_call_windows_count_as_reads() {
    let code = vec![
        Instr::Mov { dst: 8, src: 6 },
        Instr::Call { dst: 7, func: 0, args: 8, nargs: 1 },
        Instr::Mov { dst: 8, src: 9 },
        Instr::Call { dst: 2, func: 0, args: 8, nargs: 1 },
        Instr::Ret { src: 9 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[0], Instr::MovOut { dst: 8, src: 6 }));
    // r9 is inside the second call's window and returned: it stays.
    assert!(matches!(p.code[2], Instr::Mov { dst: 8, src: 9 }));
}

#[test]
fn returns_are_threaded_and_fused() {
    // fib's base case: `if n < 2 { n } else { .. }`.
    let code = vec![
        Instr::JumpIfNotLtI { a: 0, imm: 2, target: 3 },
        Instr::Dup { dst: 1, src: 0 },
        Instr::Jump { target: 4 },
        Instr::LoadInt { dst: 1, ty: IntTy::I64, v: 7 },
        Instr::Ret { src: 1 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[1], Instr::RetDup { src: 0 }));
    assert!(matches!(p.code[2], Instr::Ret { src: 1 }));
    assert!(matches!(p.code[4], Instr::Ret { src: 1 }));
    // The compare before the return is fused with it; its target stays.
    assert!(matches!(p.code[0], Instr::JumpIfNotLtIRet { a: 0, imm: 2, target: 3 }));
}

#[test]
fn a_large_constant_compare_is_fused() {
    // int_loop: `if acc >= 1_000_000_007 { .. }`.
    let code = vec![
        Instr::LoadInt { dst: 7, ty: IntTy::I64, v: 1_000_000_007 },
        Instr::JumpIfNot2 { op: crate::vm::bytecode::BinKind::Ge, a: 2, b: 7, target: 3 },
        Instr::LoadInt { dst: 7, ty: IntTy::I64, v: 0 },
        Instr::Ret { src: 2 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[0], Instr::JumpIfNotK { a: 2, k: 0, target: 2, .. }));
    assert!(matches!(p.consts[0], crate::value::Value::Int(1_000_000_007, IntTy::I64)));
    assert_eq!(p.code.len(), 3);
}

#[test]
fn a_jump_to_the_next_instruction_is_deleted() {
    // int_loop: `if acc >= K { acc -= K; }` ends with a jump over the missing `else`.
    let code = vec![
        Instr::JumpIfNotI { op: crate::vm::bytecode::BinKind::Ge, a: 2, imm: 7, target: 3 },
        Instr::SubI { dst: 2, a: 2, imm: 7 },
        Instr::Jump { target: 3 },
        Instr::Loop { target: 0 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert_eq!(p.code.len(), 3);
    assert!(matches!(p.code[0], Instr::JumpIfNotI { target: 2, .. }));
    assert!(matches!(p.code[2], Instr::Loop { target: 0 }));
    assert_eq!(p.spans.len(), 3);
}

#[test]
fn a_statements_releases_and_drop_temps_are_fused_unless_a_jump_lands_inside() {
    // `*c.lock().unwrap() += 1;` in a program with drop glue: `Release` 5..=7 and
    // `DropTemps { 5, 8 }` become one `ReleaseTemps`; the jump to the first `Release` lands
    // on it. A second run is entered in its middle (a jump to its second `Release`), a
    // third does not match its `DropTemps`, a fourth skips a register: all three stay.
    let code = vec![
        Instr::Jump { target: 1 },
        Instr::Release { reg: 5 },
        Instr::Release { reg: 6 },
        Instr::Release { reg: 7 },
        Instr::DropTemps { lo: 5, hi: 8 },
        Instr::JumpIf { cond: 0, target: 7 },
        Instr::Release { reg: 1 },
        Instr::Release { reg: 2 },
        Instr::DropTemps { lo: 1, hi: 3 },
        Instr::Release { reg: 3 },
        Instr::DropTemps { lo: 3, hi: 5 },
        Instr::Release { reg: 4 },
        Instr::Release { reg: 6 },
        Instr::DropTemps { lo: 4, hi: 7 },
        Instr::Loop { target: 0 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, false);
    assert_eq!(p.code.len(), 12, "{:?}", p.code);
    assert!(matches!(p.code[0], Instr::Jump { target: 1 }));
    assert!(matches!(p.code[1], Instr::ReleaseTemps { lo: 5, hi: 8 }));
    assert!(matches!(p.code[2], Instr::JumpIf { cond: 0, target: 4 }), "{:?}", p.code[2]);
    assert!(matches!(p.code[3..6], [Instr::Release { reg: 1 }, Instr::Release { reg: 2 }, Instr::DropTemps { lo: 1, hi: 3 }]));
    assert!(matches!(p.code[6..8], [Instr::Release { reg: 3 }, Instr::DropTemps { lo: 3, hi: 5 }]));
    assert!(matches!(p.code[8..11], [Instr::Release { reg: 4 }, Instr::Release { reg: 6 }, Instr::DropTemps { lo: 4, hi: 7 }]));
    assert!(matches!(p.code[11], Instr::Loop { target: 0 }));
    assert_eq!(p.spans.len(), p.code.len());
}

#[test]
fn an_increment_through_a_reference_is_fused_and_its_parts_stay() {
    // `*g += 1`: `Deref`, `AddI`, `StoreDeref` of the same registers; other shapes stay.
    for optimize in [true, false] {
        let code = vec![
            Instr::Deref { dst: 4, src: 2 },
            Instr::AddI { dst: 4, a: 4, imm: 1 },
            Instr::StoreDeref { dst: 2, src: 4 },
            Instr::Deref { dst: 5, src: 2 },
            Instr::AddI { dst: 5, a: 5, imm: 1 },
            Instr::StoreDeref { dst: 3, src: 5 },
            Instr::Deref { dst: 6, src: 2 },
            Instr::AddI { dst: 7, a: 6, imm: 1 },
            Instr::StoreDeref { dst: 2, src: 7 },
            Instr::RetUnit,
        ];
        let mut p = proto(code);
        finish_proto(&mut p, optimize);
        assert!(matches!(p.code[0], Instr::DerefAddI { dst: 4, src: 2 }), "{:?}", p.code);
        assert!(matches!(p.code[1..3], [Instr::AddI { dst: 4, a: 4, imm: 1 }, Instr::StoreDeref { dst: 2, src: 4 }]));
        assert!(!p.code[3..].iter().any(|i| matches!(i, Instr::DerefAddI { .. })), "stored elsewhere, or added elsewhere: {:?}", p.code);
    }
}

#[test]
fn a_receiver_moved_into_a_fused_unwrap_window_is_marked_and_the_call_stays() {
    // `c.lock().unwrap()` (with drop glue: no other rewrite), and
    // `tx.send(v).await.unwrap()` (two arguments, the receiver read after the message); a
    // `Mov` into another register, or from a register of the window, stays a `Mov`.
    let code = vec![
        Instr::Mov { dst: 8, src: 1 },
        Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 1 },
        Instr::Mov { dst: 9, src: 1 },
        Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 1 },
        Instr::Mov { dst: 8, src: 1 },
        Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 2 },
        Instr::Mov { dst: 8, src: 9 },
        Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 2 },
        Instr::RetUnit,
    ];
    let mut p = proto(code);
    finish_proto(&mut p, false);
    assert!(matches!(p.code[0], Instr::MovRecv { dst: 8, src: 1 }), "{:?}", p.code);
    assert!(matches!(p.code[1], Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 1 }));
    assert!(matches!(p.code[2], Instr::Mov { dst: 9, src: 1 }), "another window: {:?}", p.code);
    assert!(matches!(p.code[4], Instr::MovRecv { dst: 8, src: 1 }), "two arguments: {:?}", p.code);
    assert!(matches!(p.code[5], Instr::CallSiteUnwrap { dst: 7, site: 0, args: 8, nargs: 2 }));
    assert!(matches!(p.code[6], Instr::Mov { dst: 8, src: 9 }), "a source in the window: {:?}", p.code);
}

#[test]
fn a_receiver_moved_right_before_a_method_call_is_marked_and_the_call_stays() {
    // `s.push_str(t)` with `s` read after the argument; a native function's window, a
    // source inside the window, or a `Mov` into another register stay `Mov`s.
    use crate::vm::bytecode::{CallSiteInfo, SiteKind};
    use std::sync::atomic::AtomicU64;
    let code = vec![
        Instr::Mov { dst: 8, src: 1 },
        Instr::CallSite { dst: 7, site: 0, args: 8, nargs: 2 },
        Instr::Mov { dst: 8, src: 1 },
        Instr::CallSite { dst: 7, site: 1, args: 8, nargs: 2 },
        Instr::Mov { dst: 8, src: 9 },
        Instr::CallSite { dst: 7, site: 0, args: 8, nargs: 2 },
        Instr::Mov { dst: 9, src: 1 },
        Instr::CallSite { dst: 7, site: 0, args: 8, nargs: 2 },
        Instr::RetUnit,
    ];
    let mut p = proto(code);
    p.sites.push(CallSiteInfo { kind: SiteKind::Method { sym: 0, name: "push_str".into() }, hint: 0, cache: AtomicU64::new(0), fused: AtomicU64::new(0) });
    p.sites.push(CallSiteInfo { kind: SiteKind::Native(0), hint: 0, cache: AtomicU64::new(0), fused: AtomicU64::new(0) });
    finish_proto(&mut p, false);
    assert!(matches!(p.code[0], Instr::MovRecv { dst: 8, src: 1 }), "{:?}", p.code);
    assert!(matches!(p.code[1], Instr::CallSite { dst: 7, site: 0, args: 8, nargs: 2 }));
    assert!(matches!(p.code[2], Instr::Mov { .. }), "a native function: {:?}", p.code);
    assert!(matches!(p.code[4], Instr::Mov { .. }), "inside the window: {:?}", p.code);
    assert!(matches!(p.code[6], Instr::Mov { .. }), "another register: {:?}", p.code);
}

#[test]
fn a_subtraction_before_a_call_is_fused_and_the_call_stays() {
    // fib: `fib(n - 1)`; with and without the other rewrites (drop glue, the prelude).
    for optimize in [true, false] {
        let code = vec![
            Instr::SubI { dst: 3, a: 0, imm: 1 },
            Instr::Call { dst: 2, func: 0, args: 3, nargs: 1 },
            Instr::SubI { dst: 4, a: 0, imm: 2 },
            Instr::Ret { src: 4 },
        ];
        let mut p = proto(code);
        finish_proto(&mut p, optimize);
        assert!(matches!(p.code[0], Instr::SubICall { dst: 3, a: 0, imm: 1 }));
        assert!(matches!(p.code[1], Instr::Call { dst: 2, func: 0, args: 3, nargs: 1 }));
        assert!(matches!(p.code[2], Instr::SubI { .. }), "no call follows: stays a SubI");
    }
}

#[test]
fn an_addition_returned_is_fused_and_the_return_stays() {
    for optimize in [true, false] {
        let code = vec![
            Instr::Add { dst: 1, a: 2, b: 3 },
            Instr::Ret { src: 1 },
            Instr::Add { dst: 1, a: 2, b: 3 },
            Instr::Ret { src: 2 },
        ];
        let mut p = proto(code);
        finish_proto(&mut p, optimize);
        assert!(matches!(p.code[0], Instr::AddRet { dst: 1, a: 2, b: 3 }));
        assert!(matches!(p.code[1], Instr::Ret { src: 1 }));
        assert!(matches!(p.code[2], Instr::Add { .. }), "returns another register: stays an Add");
    }
}

#[test]
fn owned_locals_and_jump_targets_are_left_alone() {
    let code = vec![
        Instr::LoadConst { dst: 5, k: 0 },
        Instr::Mov { dst: 4, src: 5 },
        Instr::Jump { target: 1 },
    ];
    let mut p = proto(code.clone());
    finish_proto(&mut p, true);
    assert_eq!(p.code.len(), 3);
    let mut p = proto(vec![Instr::LoadConst { dst: 5, k: 0 }, Instr::Mov { dst: 4, src: 5 }, Instr::RetUnit]);
    p.drop_slots.push(crate::vm::bytecode::DropSlot { reg: 5, boxed: false, start: 0, end: 3 });
    finish_proto(&mut p, true);
    assert_eq!(p.code.len(), 3);
}

#[test]
fn a_field_match_is_fused_when_its_scrutinee_dies_and_its_parts_stay() {
    // `match &n.left { Some(l) => f(l), None => {} }`: the field's register dies after the
    // payload read.
    let code = vec![
        Instr::GetField { dst: 4, obj: 0, name: 0 },
        Instr::TestVariant { a: 4, variant: 1, target: 4 },
        Instr::GetElem { dst: 8, obj: 4, idx: 0 },
        Instr::Call { dst: 7, func: 0, args: 8, nargs: 1 },
        Instr::RetDup { src: 7 },
    ];
    let mut p = proto(code.clone());
    finish_proto(&mut p, true);
    assert!(matches!(p.code[0], Instr::GetFieldMatch { dst: 4, obj: 0, name: 0 }));
    assert!(matches!(p.code[1], Instr::TestVariant { a: 4, variant: 1, target: 4 }));
    assert!(matches!(p.code[2], Instr::GetElem { dst: 8, obj: 4, idx: 0 }));
    // Not in programs with drop glue (registers keep what the code generator put there).
    let mut p = proto(code.clone());
    finish_proto(&mut p, false);
    assert!(matches!(p.code[0], Instr::GetField { .. }));
    // Not when the field's register is read after the payload (a guard's second test).
    let mut live = code;
    live[4] = Instr::Ret { src: 4 };
    let mut p = proto(live);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[0], Instr::GetField { .. }));
}

#[test]
fn a_jump_to_a_dup_and_return_becomes_a_returned_copy() {
    // `match .. { A => total += f(x), B => {} } total`: the arms jump to the tail's
    // `Dup; Ret`, which becomes `RetDup`; an `Add` right before such a jump fuses with it.
    let code = vec![
        Instr::TestVariant { a: 4, variant: 1, target: 3 },
        Instr::Add { dst: 2, a: 2, b: 7 },
        Instr::Jump { target: 4 },
        Instr::Jump { target: 4 },
        Instr::Dup { dst: 1, src: 2 },
        Instr::Ret { src: 1 },
    ];
    let mut p = proto(code);
    finish_proto(&mut p, true);
    assert!(matches!(p.code[1], Instr::AddRet { dst: 2, a: 2, b: 7 }));
    assert!(matches!(p.code[2], Instr::RetDup { src: 2 }));
    assert!(matches!(p.code[3], Instr::RetDup { src: 2 }));
    assert!(matches!(p.code[4], Instr::RetDup { src: 2 }));
    assert!(matches!(p.code[5], Instr::Ret { src: 1 }));
}
