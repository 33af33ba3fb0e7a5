//! VM tests on hand-built bytecode.

use super::bytecode::{BinKind, FuncProto, Instr};
use super::fiber::{Fiber, RetKind};
use super::program::Program;
use super::{Ctx, Fault};
use crate::ast::Span;
use crate::compile::Compiler;
use crate::diag::Source;
use crate::value::{IntTy, Value};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

fn program(funcs: Vec<(u32, u32, Vec<Instr>)>) -> Program {
    let mut prog = Compiler::new().prog;
    let src = Source::new("t.rs", "fn main() {}\n");
    for (arity, regs, code) in funcs {
        let mut p = FuncProto::new("f".into(), src.clone());
        p.arity = arity;
        p.num_regs = regs;
        p.spans = vec![Span::new(0, 2); code.len()];
        p.code = code;
        prog.funcs.push(Arc::new(p));
    }
    prog
}

fn run_fn(prog: &Program, f: u32, args: Vec<Value>) -> Result<Value, Fault> {
    let mut fiber = Fiber::new();
    fiber.stack.extend(args.iter().cloned());
    super::call::enter(&mut fiber, prog, f, 0, 0, 0, RetKind::Stop, args.len())?;
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    super::run(&mut fiber, &mut cx)
}

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(x, _) => *x,
        other => panic!("not an int: {other:?}"),
    }
}

#[test]
fn adds_and_returns() {
    let prog = program(vec![(2, 3, vec![Instr::Add { dst: 2, a: 0, b: 1 }, Instr::Ret { src: 2 }])]);
    let v = run_fn(&prog, 0, vec![Value::i32(40), Value::i32(2)]).unwrap();
    assert_eq!(int(&v), 42);
}

/// `code` with every `Call` aimed at function `func` (a hand-built function calls itself
/// once `program` has numbered it after the prelude's functions).
fn calls_to(code: Vec<Instr>, func: u16) -> Vec<Instr> {
    code.into_iter()
        .map(|i| match i {
            Instr::Call { dst, args, nargs, .. } => Instr::Call { dst, func, args, nargs },
            o => o,
        })
        .collect()
}

#[test]
fn overflow_panics_with_rusts_message() {
    let prog = program(vec![(1, 2, vec![Instr::AddI { dst: 1, a: 0, imm: 1 }, Instr::Ret { src: 1 }])]);
    let e = run_fn(&prog, 0, vec![Value::Int(255, IntTy::U8)]).unwrap_err();
    assert_eq!(e, Fault::Panic("attempt to add with overflow".into()));
    let e = run_fn(&prog, 0, vec![Value::Int(i32::MAX as i64, IntTy::I32)]).unwrap_err();
    assert_eq!(e, Fault::Panic("attempt to add with overflow".into()));
}

#[test]
fn recursive_fib_with_direct_calls() {
    // fn fib(n) { if n < 2 { n } else { fib(n-1) + fib(n-2) } }  (function 0)
    let code = vec![
        Instr::JumpIfNotLtI { a: 0, imm: 2, target: 2 },
        Instr::Ret { src: 0 },
        Instr::SubI { dst: 2, a: 0, imm: 1 },
        Instr::Call { dst: 1, func: 0, args: 2, nargs: 1 },
        Instr::SubI { dst: 3, a: 0, imm: 2 },
        Instr::Call { dst: 2, func: 0, args: 3, nargs: 1 },
        Instr::Add { dst: 1, a: 1, b: 2 },
        Instr::Ret { src: 1 },
    ];
    let prog = program(vec![(1, 4, code)]);
    let f = prog.funcs.len() as u32 - 1;
    // Miri interprets every instruction of the VM: a smaller input keeps its run short.
    let (n, fib_n) = if cfg!(miri) { (10, 55) } else { (20, 6765) };
    let v = run_fn(&prog, f, vec![Value::Int(n, IntTy::I64)]).unwrap();
    assert_eq!(int(&v), fib_n);
}

/// `recursive_fib_with_direct_calls` with the peephole pass's fused forms written by hand
/// (`JumpIfNotLtIRet` for the base case, `SubICall` for both recursive calls), short enough
/// for Miri to run the fast paths' unchecked register accesses; then `SubICall`'s fallback:
/// an i8 `-128 - 1` panics as `SubI` does, before the `Call`.
#[test]
fn fused_fib_by_hand() {
    let code = vec![
        Instr::JumpIfNotLtIRet { a: 0, imm: 2, target: 2 },
        Instr::Ret { src: 0 },
        Instr::SubICall { dst: 2, a: 0, imm: 1 },
        Instr::Call { dst: 1, func: 0, args: 2, nargs: 1 },
        Instr::SubICall { dst: 3, a: 0, imm: 2 },
        Instr::Call { dst: 2, func: 0, args: 3, nargs: 1 },
        Instr::Add { dst: 1, a: 1, b: 2 },
        Instr::Ret { src: 1 },
    ];
    let base = program(vec![]).funcs.len() as u16;
    let code = calls_to(code, base);
    // g(n) = fib(n - 1), the subtraction fused with the call.
    let g = vec![
        Instr::SubICall { dst: 2, a: 0, imm: 1 },
        Instr::Call { dst: 1, func: base, args: 2, nargs: 1 },
        Instr::Ret { src: 1 },
    ];
    let prog = program(vec![(1, 4, code), (1, 3, g)]);
    let (n, fib_n) = if cfg!(miri) { (10, 55) } else { (20, 6765) };
    assert_eq!(int(&run_fn(&prog, base as u32, vec![Value::Int(n, IntTy::I64)]).unwrap()), fib_n);
    assert_eq!(int(&run_fn(&prog, base as u32 + 1, vec![Value::Int(6, IntTy::I8)]).unwrap()), 5);
    let e = run_fn(&prog, base as u32 + 1, vec![Value::Int(-128, IntTy::I8)]).unwrap_err();
    assert_eq!(e, Fault::Panic("attempt to subtract with overflow".into()));
}

/// `AddRet` (the peephole pass's `Add` fused with the return of its result) on the fast path
/// in a hand-built fib, short enough for Miri; then its fallbacks, where it is exactly `Add`
/// and the `Ret` after it runs next: an overflow panics as `Add` does, floats add in
/// `slow_step`, a register holding a string is overwritten there.
#[test]
fn fused_add_and_return_by_hand() {
    let base = program(vec![]).funcs.len() as u16;
    let code = vec![
        Instr::JumpIfNotLtIRet { a: 0, imm: 2, target: 2 },
        Instr::RetDup { src: 0 },
        Instr::SubICall { dst: 3, a: 0, imm: 1 },
        Instr::Call { dst: 2, func: base, args: 3, nargs: 1 },
        Instr::SubICall { dst: 4, a: 0, imm: 2 },
        Instr::Call { dst: 3, func: base, args: 4, nargs: 1 },
        Instr::AddRet { dst: 1, a: 2, b: 3 },
        Instr::Ret { src: 1 },
    ];
    // add(a, b) = a + b into r2, which `LoadConst` first fills with a string.
    let add = vec![Instr::LoadConst { dst: 2, k: 0 }, Instr::AddRet { dst: 2, a: 0, b: 1 }, Instr::Ret { src: 2 }];
    // twice(n) = add(n, n) through a fast call: the callee's `AddRet` returns in place.
    let twice = vec![
        Instr::Mov { dst: 2, src: 0 },
        Instr::Mov { dst: 3, src: 0 },
        Instr::Call { dst: 1, func: base + 1, args: 2, nargs: 2 },
        Instr::AddRet { dst: 1, a: 1, b: 0 },
        Instr::Ret { src: 1 },
    ];
    let mut prog = program(vec![(1, 5, code), (2, 3, add), (1, 4, twice)]);
    if let Some(p) = prog.funcs.get_mut(base as usize + 1).and_then(Arc::get_mut) {
        p.consts = vec![Value::str("old")];
    }
    let (n, fib_n) = if cfg!(miri) { (10, 55) } else { (20, 6765) };
    assert_eq!(int(&run_fn(&prog, base as u32, vec![Value::Int(n, IntTy::I64)]).unwrap()), fib_n);
    assert_eq!(int(&run_fn(&prog, base as u32 + 2, vec![Value::Int(7, IntTy::I32)]).unwrap()), 21);
    let e = run_fn(&prog, base as u32 + 2, vec![Value::Int(100, IntTy::I8)]).unwrap_err();
    assert_eq!(e, Fault::Panic("attempt to add with overflow".into()));
    match run_fn(&prog, base as u32 + 1, vec![Value::Float(1.5, crate::value::FloatTy::F64), Value::Float(2.0, crate::value::FloatTy::F64)]) {
        Ok(Value::Float(x, _)) => assert_eq!(x, 3.5),
        other => panic!("not a float: {other:?}"),
    }
    assert_eq!(int(&run_fn(&prog, base as u32 + 1, vec![Value::Int(2, IntTy::U8), Value::Int(3, IntTy::U8)]).unwrap()), 5);
}

#[test]
fn counted_loop() {
    // s = 0; for i in 0..100 { s += i }
    let code = vec![
        Instr::LoadInt { dst: 0, ty: IntTy::I64, v: 0 },
        Instr::LoadInt { dst: 1, ty: IntTy::I64, v: 0 },
        Instr::LoadInt { dst: 2, ty: IntTy::I64, v: 100 },
        Instr::ForPrep { ctr: 1, end: 2, target: 6, inclusive: false },
        Instr::Add { dst: 0, a: 0, b: 1 },
        Instr::ForStep { ctr: 1, end: 2, target: 4, inclusive: false },
        Instr::Ret { src: 0 },
    ];
    let prog = program(vec![(0, 3, code)]);
    let f = prog.funcs.len() as u32 - 1;
    assert_eq!(int(&run_fn(&prog, f, vec![]).unwrap()), 4950);
}

#[test]
#[cfg_attr(miri, ignore = "recurses to the VM's frame limit: hours under Miri")]
fn deep_recursion_is_a_stack_overflow_not_a_crash() {
    let code = vec![Instr::Call { dst: 0, func: 0, args: 1, nargs: 0 }, Instr::Ret { src: 0 }];
    let mut prog = program(vec![]);
    let before = prog.funcs.len() as u16;
    let code = calls_to(code, before);
    prog = {
        let mut p = prog;
        let src = Source::new("t.rs", "");
        let mut f = FuncProto::new("rec".into(), src);
        f.num_regs = 2;
        f.spans = vec![Span::DUMMY; code.len()];
        f.code = code;
        p.funcs.push(Arc::new(f));
        p
    };
    assert_eq!(run_fn(&prog, before as u32, vec![]).unwrap_err(), Fault::StackOverflow);
}

#[test]
fn compare_and_branch_on_registers() {
    // if a < b { 1 } else { 2 }
    let code = vec![
        Instr::JumpIfNot2 { op: BinKind::Lt, a: 0, b: 1, target: 3 },
        Instr::LoadInt { dst: 2, ty: IntTy::I32, v: 1 },
        Instr::Ret { src: 2 },
        Instr::LoadInt { dst: 2, ty: IntTy::I32, v: 2 },
        Instr::Ret { src: 2 },
    ];
    let prog = program(vec![(2, 3, code)]);
    let f = prog.funcs.len() as u32 - 1;
    assert_eq!(int(&run_fn(&prog, f, vec![Value::i32(1), Value::i32(2)]).unwrap()), 1);
    assert_eq!(int(&run_fn(&prog, f, vec![Value::i32(3), Value::i32(2)]).unwrap()), 2);
    // Unsigned 64-bit compares as unsigned.
    assert_eq!(int(&run_fn(&prog, f, vec![Value::Int(-1, IntTy::U64), Value::Int(1, IntTy::U64)]).unwrap()), 2);
}

#[test]
fn interrupt_flag_stops_a_loop() {
    let code = vec![Instr::Loop { target: 0 }];
    let prog = program(vec![(0, 1, code)]);
    let f = prog.funcs.len() as u32 - 1;
    let mut fiber = Fiber::new();
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 0).unwrap();
    let flag = AtomicBool::new(true);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    assert_eq!(super::run(&mut fiber, &mut cx).unwrap_err(), Fault::Interrupted);
}

/// The dispatch loop reads registers without bounds checks: a function whose declared
/// register count is too small still runs within its registers, sealed (`seal` raises the
/// count) or not (the unsealed span covers every `u16` register).
#[test]
fn registers_beyond_the_declared_count_stay_in_bounds() {
    let code = vec![
        Instr::LoadInt { dst: 40, ty: IntTy::I32, v: 7 },
        Instr::AddI { dst: 41, a: 40, imm: 1 },
        Instr::Ret { src: 41 },
    ];
    let unsealed = program(vec![(0, 1, code.clone())]);
    let f = unsealed.funcs.len() as u32 - 1;
    assert_eq!(int(&run_fn(&unsealed, f, vec![]).unwrap()), 8);
    let mut sealed = program(vec![]);
    let mut p = FuncProto::new("f".into(), Source::new("t.rs", ""));
    p.num_regs = 1;
    p.spans = vec![Span::DUMMY; code.len()];
    p.code = code;
    p.seal();
    assert_eq!(p.num_regs, 42);
    sealed.funcs.push(Arc::new(p));
    let f = sealed.funcs.len() as u32 - 1;
    assert_eq!(int(&run_fn(&sealed, f, vec![]).unwrap()), 8);
    let mut fiber = Fiber::new();
    super::call::enter(&mut fiber, &sealed, f, 0, 0, 0, RetKind::Stop, 0).unwrap();
    assert!(fiber.stack.len() >= 42);
}

/// The inner loop's `Call`/`Ret` fast paths switch frames in place only when the callee's
/// registers hold scalars; a callee register holding a heap value goes through the general
/// return, which releases it.
#[test]
fn a_fast_return_leaves_no_handle_behind() {
    let prog0 = program(vec![]);
    let g = prog0.funcs.len() as u16 + 1;
    // f(n, s) = g(n, s) + 1 (function g - 1); g(n, s) = n.
    let f_code = vec![
        Instr::Mov { dst: 3, src: 0 },
        Instr::Mov { dst: 4, src: 1 },
        Instr::Call { dst: 2, func: g, args: 3, nargs: 2 },
        Instr::AddI { dst: 2, a: 2, imm: 1 },
        Instr::Ret { src: 2 },
    ];
    let g_code = vec![Instr::Ret { src: 0 }];
    let prog = program(vec![(2, 5, f_code), (2, 2, g_code)]);
    let f = g as u32 - 1;
    let s = Value::str("held");
    let mut fiber = Fiber::new();
    fiber.stack.extend([Value::Int(41, IntTy::I64), s.clone()]);
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 2).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    assert_eq!(int(&super::run(&mut fiber, &mut cx).unwrap()), 42);
    // g's second register (the caller's r4) was released on return.
    assert!(matches!(fiber.stack.get(4), Some(Value::Unit)));
    // A register holding a heap value is overwritten by an integer through the slow path.
    let code = vec![Instr::LoadInt { dst: 0, ty: IntTy::I32, v: 3 }, Instr::AddI { dst: 0, a: 0, imm: 4 }, Instr::Ret { src: 0 }];
    let prog = program(vec![(1, 1, code)]);
    let f = prog.funcs.len() as u32 - 1;
    assert_eq!(int(&run_fn(&prog, f, vec![Value::str("gone")]).unwrap()), 7);
}

/// `Mov`/`MovOut`/`Dup`/`Take` of a heap value on `run`'s fast path: `Mov` and `Dup` of a
/// string share the handle, `MovOut` leaves `Unit`, `Take` leaves `Moved`; a `Dup` of a Copy
/// aggregate still copies it (through `slow_step`).
#[test]
fn heap_moves_on_the_fast_path() {
    // Ends with a panic (`Panic` of the unit in r5), which leaves the registers as they are.
    let code = vec![
        Instr::Mov { dst: 1, src: 0 },
        Instr::Dup { dst: 2, src: 0 },
        Instr::MovOut { dst: 3, src: 1 },
        Instr::Take { dst: 4, src: 2 },
        Instr::Panic { msg: 5 },
    ];
    let prog = program(vec![(1, 6, code)]);
    let f = prog.funcs.len() as u32 - 1;
    let s = Value::str("shared");
    let mut fiber = Fiber::new();
    fiber.stack.push(s.clone());
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 1).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    assert_eq!(super::run(&mut fiber, &mut cx).unwrap_err(), Fault::Panic("explicit panic".into()));
    let Value::Str(h) = &s else { panic!("not a string") };
    for r in [0, 3, 4] {
        match fiber.stack.get(r) {
            Some(Value::Str(x)) => assert!(x.ptr_eq(h), "r{r} shares the string"),
            other => panic!("r{r}: {other:?}"),
        }
    }
    assert!(matches!(fiber.stack.get(1), Some(Value::Unit)), "MovOut leaves Unit");
    assert!(matches!(fiber.stack.get(2), Some(Value::Moved)), "Take leaves Moved");
    // `s`, r0, r3, r4: no other handle (nothing copied, nothing leaked).
    assert_eq!(h.handle_count(), 4);
}

/// `put_int` over a register that still holds a heap value (a reused temporary) writes the
/// integer and drops the old handle, as `slow_step`'s `set_int` does; `Dup r, r` of a string
/// is a no-op on the fast path (no copy, no handle gained or lost).
#[test]
fn an_integer_over_a_heap_register_drops_it_and_dup_in_place_keeps_a_string() {
    let code = vec![
        Instr::Dup { dst: 0, src: 0 },
        Instr::Mov { dst: 2, src: 0 },
        Instr::LoadInt { dst: 1, ty: IntTy::I64, v: 5 },
        Instr::AddI { dst: 1, a: 1, imm: 2 },
        Instr::Panic { msg: 3 },
    ];
    let prog = program(vec![(2, 4, code)]);
    let f = prog.funcs.len() as u32 - 1;
    let (s, held) = (Value::str("kept"), Value::str("dropped"));
    let mut fiber = Fiber::new();
    fiber.stack.extend([s.clone(), held.clone()]);
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 2).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    assert_eq!(super::run(&mut fiber, &mut cx).unwrap_err(), Fault::Panic("explicit panic".into()));
    assert_eq!(fiber.stack.get(1).map(int), Some(7));
    let (Value::Str(k), Value::Str(d)) = (&s, &held) else { panic!("not strings") };
    // `s`, r0 and r2 hold "kept"; only `held` still holds "dropped".
    assert_eq!(k.handle_count(), 3);
    assert_eq!(d.handle_count(), 1);
}

/// The fast paths of `CallSite` (natives, prelude and user methods through the site cache),
/// `Index` and integer `/ % & | ^` give what the general paths give, and fall back to them
/// for what they do not cover: a user operator impl, division by zero, `MIN % -1`, an index
/// out of range, a method on a `&mut` receiver.
#[test]
#[cfg_attr(miri, ignore = "a whole program (parser, typeck, prelude): too slow under Miri")]
fn call_site_index_and_division_fast_paths() {
    let src = r#"
use std::ops::Rem;
#[derive(Debug, Clone, Copy)]
struct M(i32);
impl Rem<i32> for M {
    type Output = M;
    fn rem(self, k: i32) -> M { M(self.0 % k + 100) }
}
struct Acc { n: usize }
impl Acc {
    fn bump(&mut self, k: usize) -> usize { self.n += k; self.n }
}
fn push_all(v: &mut Vec<String>, s: &str) { v.push(s.to_string()); }
fn main() {
    let words = vec!["ka", "lo", "mi"];
    let mut s = String::new();
    let mut k: usize = 1234;
    while k > 0 {
        s.push_str(words[k % 3]);
        k = k / 3;
    }
    println!("{} {}", s, s.len());
    println!("{} {} {} {}", -17 / 5, -17 % 5, 6 & 3 | 8, 5 ^ 1);
    println!("{:?}", M(17) % 5);
    let mut a = Acc { n: 1 };
    println!("{}", a.bump(2) + a.bump(3));
    let mut v = Vec::new();
    push_all(&mut v, "x");
    push_all(&mut v, "y");
    println!("{:?} {}", v, v.len());
    let d = words.len() - 3;
    println!("{}", 7 / (d + 1));
    let i: i32 = i32::MIN + d as i32;
    println!("{}", i % (-1 + d as i32));
}
"#;
    let (out, outcome) = crate::test_support::run_program(src);
    assert_eq!(out, EXPECTED, "{out}");
    assert!(matches!(outcome, crate::session::Outcome::Panicked), "MIN % -1 panics");
}

/// What rustc's build of `call_site_index_and_division_fast_paths`'s program prints.
const EXPECTED: &str = "lokamikakamilo 14\n-3 -2 10 4\nM(102)\n9\n[\"x\", \"y\"] 2\n7\n";

/// Functions as `program` builds them, sealed as the compiler seals them (the fast `Call`
/// needs the callee's frame span), with `self_by_value` set on those listed (indices into
/// `funcs`). Also the number of the first of them.
fn sealed_program(funcs: Vec<(u32, u32, Vec<Instr>)>, by_value: &[usize]) -> (Program, u32) {
    let first = program(vec![]).funcs.len();
    let mut prog = program(funcs);
    for (i, f) in prog.funcs.iter_mut().enumerate().skip(first) {
        let p = Arc::get_mut(f).expect("a fresh function");
        p.seal();
        p.self_by_value = by_value.contains(&(i - first));
    }
    (prog, first as u32)
}

/// `SubICall` is `SubI` and the `Call` after it in one dispatch, and exactly `SubI` when the
/// subtraction cannot be done inline: overflow panics with Rust's message, a user `Sub` impl
/// runs, and the `Call` still follows.
#[test]
#[cfg_attr(miri, ignore = "a whole program (parser, typeck, prelude): over 45 minutes under Miri; fused_fib_by_hand covers the fused instructions")]
fn a_fused_subtraction_and_call_falls_back_to_sub_then_call() {
    let src = r#"
use std::ops::Sub;
#[derive(Debug, Clone, Copy)]
struct P(i64);
impl Sub<i64> for P {
    type Output = P;
    fn sub(self, k: i64) -> P { P(self.0 * 10 - k) }
}
fn down(n: i64) -> i64 { if n < 1 { 0 } else { n + down(n - 1) } }
fn show(p: P) -> i64 { p.0 }
fn tiny(x: i8) -> i8 { x }
fn main() {
    println!("{}", down(100));
    println!("{}", show(P(4) - 1));
    let m: i8 = -127 + (down(0) as i8);
    println!("{}", tiny(m - 1));
    println!("{}", tiny(m - 2));
}
"#;
    let (out, outcome) = crate::test_support::run_program(src);
    assert_eq!(out, "5050\n39\n-128\n", "{out}");
    assert!(matches!(outcome, crate::session::Outcome::Panicked), "i8::MIN - 1 panics");
}

/// A frame the fast `Call` entered with scalar arguments is clean: its fast `Ret` releases
/// nothing. A flag the frame saved at an earlier fast call is never trusted once the frame
/// was entered otherwise: here C fast-calls X (saving "clean"), gets a vector from H (no
/// longer clean), then calls Y, which the fast `Call` refuses (`self_by_value`), so
/// `call::enter` pushes it; Y's fast return must not make C clean again, and C's return
/// releases the vector.
#[test]
fn a_clean_frame_flag_is_never_stale() {
    // 0 P() = C(5); 1 C(n); 2 X(n) = n; 3 H() = vec![]; 4 Y(n) = n (self by value).
    let base = program(vec![]).funcs.len() as u16;
    let (c, x, h, y) = (base + 1, base + 2, base + 3, base + 4);
    let funcs = vec![
        (0, 2, vec![Instr::LoadInt { dst: 1, ty: IntTy::I64, v: 5 }, Instr::Call { dst: 0, func: c, args: 1, nargs: 1 }, Instr::Ret { src: 0 }]),
        (
            1,
            6,
            vec![
                Instr::Mov { dst: 2, src: 0 },
                Instr::Call { dst: 1, func: x, args: 2, nargs: 1 },
                Instr::Call { dst: 3, func: h, args: 4, nargs: 0 },
                Instr::Mov { dst: 5, src: 0 },
                Instr::Call { dst: 1, func: y, args: 5, nargs: 1 },
                Instr::Ret { src: 1 },
            ],
        ),
        (1, 1, vec![Instr::Ret { src: 0 }]),
        (0, 1, vec![Instr::MakeVec { dst: 0, start: 0, n: 0 }, Instr::Ret { src: 0 }]),
        (1, 1, vec![Instr::Ret { src: 0 }]),
    ];
    let (prog, first) = sealed_program(funcs, &[4]);
    let mut fiber = Fiber::new();
    // Room for every frame, so that the fast `Call` takes every call it can.
    fiber.stack.resize(64, Value::Unit);
    super::call::enter(&mut fiber, &prog, first, 0, 0, 0, RetKind::Stop, 0).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    assert_eq!(int(&super::run(&mut fiber, &mut cx).unwrap()), 5);
    // C's registers start at 1: its r3 held the vector.
    assert!(matches!(fiber.stack.get(4), Some(Value::Unit)), "{:?}", fiber.stack.get(4));
}

/// `JumpIfNotLtIRet` is `JumpIfNotLtI` and, when it does not jump, the return after it in the
/// same dispatch: integer and string results, an unsigned type, and an overflow in the
/// argument of the recursive call (a `SubICall` falling back to `SubI`'s panic).
#[test]
#[cfg_attr(miri, ignore = "a whole program (parser, typeck, prelude): over 45 minutes under Miri; fused_fib_by_hand covers the fused instructions")]
fn a_fused_compare_and_return_gives_what_the_two_give() {
    let src = r#"
fn fib(n: i32) -> i32 { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } }
fn down(n: u8) -> u8 { if n < 3 { n } else { down(n - 2) } }
fn pick(n: i64, s: String) -> String { if n < 1 { s } else { pick(n - 1, s + "!") } }
fn main() {
    println!("{} {} {}", fib(15), down(9), pick(3, String::from("hi")));
    let m: u8 = down(0);
    println!("{}", down(m - 1));
}
"#;
    let (out, outcome) = crate::test_support::run_program(src);
    assert_eq!(out, "610 1 hi!!!\n", "{out}");
    assert!(matches!(outcome, crate::session::Outcome::Panicked), "0u8 - 1 panics");
}

/// `LoadConst` of a char or a string literal, `Peek` of a value that is not a reference, and
/// `IterNext` of a native iterator run on the inner loop's fast paths (only the bottom frame's
/// `Ret` goes to `slow_step`), and give what `slow_step` gives: the constant's string handle
/// shared, the iterator's items in order, the jump when it is exhausted.
#[test]
fn const_peek_and_native_iter_next_stay_on_the_fast_path() {
    let code = vec![
        Instr::LoadInt { dst: 6, ty: IntTy::I64, v: 0 },
        Instr::LoadConst { dst: 1, k: 0 },
        Instr::LoadConst { dst: 2, k: 1 },
        Instr::Peek { dst: 3, src: 2 },
        Instr::IterNext { dst: 4, iter: 0, target: 8 },
        Instr::Peek { dst: 5, src: 4 },
        Instr::Add { dst: 6, a: 6, b: 5 },
        Instr::Jump { target: 4 },
        Instr::Ret { src: 6 },
    ];
    let mut prog = program(vec![(1, 7, code)]);
    let f = prog.funcs.len() as u32 - 1;
    let lit = Value::str("lit");
    if let Some(p) = prog.funcs.last_mut().and_then(Arc::get_mut) {
        p.consts = vec![Value::Char('x'), lit.clone()];
    }
    let it = crate::builtins::util::new_iter(vec![Value::Int(10, IntTy::I64), Value::Int(32, IntTy::I64)]);
    let mut fiber = Fiber::new();
    fiber.stack.push(it);
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 1).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
    let v = super::run(&mut fiber, &mut cx).unwrap();
    assert_eq!(super::dispatch::SLOW_STEPS.with(|n| n.get()) - before, 1, "only the final `Ret` is a slow step");
    assert_eq!(int(&v), 42);
    let Value::Str(h) = &lit else { panic!("not a string") };
    // r2 and r3 shared the constant's handle and gave it back when the frame returned: only
    // the constant table and `lit` here hold it.
    assert_eq!(h.handle_count(), 2);
}

/// The statement-end instructions of a program with drop glue run on the inner loop's fast
/// paths when there is nothing to do: `LoadUnit` over a scalar, `Release` of a register
/// that holds no guard (a string here), `DropTemps` of registers holding only trivial values
/// (a unit and a string, which `drop::sweep` leaves in place). Only the bottom frame's `Ret`
/// is a slow step.
#[test]
fn release_load_unit_and_trivial_drop_temps_stay_on_the_fast_path() {
    let code = vec![
        Instr::LoadUnit { dst: 0 },
        Instr::Release { reg: 1 },
        Instr::DropTemps { lo: 0, hi: 2 },
        Instr::Release { reg: 0 },
        Instr::Ret { src: 0 },
    ];
    let prog = program(vec![(2, 2, code)]);
    let f = prog.funcs.len() as u32 - 1;
    let s = Value::str("kept");
    let mut fiber = Fiber::new();
    fiber.stack.push(Value::i32(7));
    fiber.stack.push(s.clone());
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 2).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
    let v = super::run(&mut fiber, &mut cx).unwrap();
    assert_eq!(super::dispatch::SLOW_STEPS.with(|n| n.get()) - before, 1, "only the final `Ret` is a slow step");
    assert!(matches!(v, Value::Unit), "LoadUnit wrote unit: {v:?}");
    let Value::Str(h) = &s else { panic!("not a string") };
    assert_eq!(h.handle_count(), 1, "the frame gave the string back when it returned");
}

/// The same instructions on values with something to do: `LoadUnit` over a vector and
/// `DropTemps` of the last handle of a vector holding a vector go to `slow_step` and give
/// their handles back (the registers are cleared, the inner vector's handle too); `Release`
/// of a reference clears the register on the inner loop's path (`release_ref`).
#[test]
fn release_load_unit_and_drop_temps_of_heap_values_fall_back() {
    let code = vec![
        Instr::LoadUnit { dst: 0 },
        Instr::DropTemps { lo: 1, hi: 2 },
        Instr::Release { reg: 2 },
        Instr::MakeTuple { dst: 3, start: 0, n: 3 },
        Instr::Ret { src: 3 },
    ];
    let mut prog = program(vec![(3, 4, code)]);
    // Drops walked (`DropTemps` of a heap value is `drop::sweep`'s work; see the next test
    // for a program whose drops are only cleared).
    prog.needs_drop_walk = true;
    assert!(prog.walks_drops());
    let f = prog.funcs.len() as u32 - 1;
    let a = crate::builtins::util::new_vec(vec![Value::i32(1)]);
    let b = crate::builtins::util::new_vec(vec![Value::i32(2)]);
    let place = Arc::new(crate::value::Place::Local(crate::heap::Heap::new(Value::i32(3))));
    let mut fiber = Fiber::new();
    fiber.stack.extend([a.clone(), crate::builtins::util::new_vec(vec![b.clone()]), Value::Ref(place.clone())]);
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 3).unwrap();
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
    let v = super::run(&mut fiber, &mut cx).unwrap();
    assert_eq!(super::dispatch::SLOW_STEPS.with(|n| n.get()) - before, 4, "every instruction but `Release` is a slow step");
    let Value::Tuple(t) = &v else { panic!("not a tuple: {v:?}") };
    let items = t.read().map(|g| g.clone()).unwrap_or_default();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|x| matches!(x, Value::Unit)), "all three registers cleared: {items:?}");
    let (Value::Vec(ha), Value::Vec(hb)) = (&a, &b) else { panic!("not vectors") };
    assert_eq!((ha.handle_count(), hb.handle_count(), Arc::strong_count(&place)), (1, 1, 1));
}

/// A program whose drops are tracked but only cleared (`Program::drops_clear_only`, no
/// `Drop` impl: a program with channels) runs `DropTemps` of heap values on the fast path:
/// the registers are cleared in place, as `drop::sweep` clears them. A channel end cleared there was the last handle of the sending side: the receiver sees the
/// disconnection at once. With a `Drop` impl registered, the same code falls back.
#[test]
fn drop_temps_of_heap_values_are_cleared_on_the_fast_path_when_drops_are_not_walked() {
    use crate::builtins::channel::ChanEnd;
    use teras_stdlib::chan::{Chan, Flavor, TryRecv};
    let code = vec![Instr::DropTemps { lo: 0, hi: 5 }, Instr::LoadUnit { dst: 0 }, Instr::Ret { src: 0 }];
    let mut prog = program(vec![(5, 5, code)]);
    prog.needs_drop_walk = true;
    prog.drops_clear_only = true;
    let f = prog.funcs.len() as u32 - 1;
    let run_once = |prog: &Program| {
        let a = crate::builtins::util::new_vec(vec![Value::i32(1)]);
        let place = Arc::new(crate::value::Place::Local(crate::heap::Heap::new(Value::i32(3))));
        let chan = Arc::new(Chan::<Value>::new(Flavor::Unbounded));
        let end = ChanEnd { chan: chan.clone(), sender: true, kind: crate::builtins::channel::ChanKind::Std, err_def: None };
        let tx = Value::Native(Arc::new(Box::new(end)));
        let s = Value::str("kept");
        let mut fiber = Fiber::new();
        fiber.stack.extend([a.clone(), Value::Ref(place.clone()), tx, s.clone(), Value::i32(9)]);
        super::call::enter(&mut fiber, prog, f, 0, 0, 0, RetKind::Stop, 5).unwrap();
        let flag = AtomicBool::new(false);
        let mut out: Vec<u8> = Vec::new();
        let mut cx = Ctx { prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
        let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
        assert!(matches!(super::run(&mut fiber, &mut cx), Ok(Value::Unit)));
        let slow = super::dispatch::SLOW_STEPS.with(|n| n.get()) - before;
        let Value::Vec(ha) = &a else { panic!("not a vector") };
        assert_eq!((ha.handle_count(), Arc::strong_count(&place)), (1, 1), "the vector and the reference were let go");
        assert!(matches!(chan.try_recv(), TryRecv::Disconnected), "the last sender died with its register");
        slow
    };
    assert!(!prog.walks_drops());
    assert_eq!(run_once(&prog), 1, "only the bottom frame's `Ret` is a slow step");
    prog.drops.insert(0, 0);
    assert!(prog.walks_drops());
    assert_eq!(run_once(&prog), 2, "with drops walked, the `DropTemps` is a slow step too");
}

/// In a program that walks drops, `CallSite` runs on the fast path (`call::site_fast`)
/// except for a native that may discard elements (`drop::discards`: `slow_step` snapshots
/// them), and `Ret` does when nothing dies with the frame (`frame_trivial`): here the
/// return of `g` (registers: one integer) and the native `cmp::max` stay fast; the return of
/// `h`, whose register 0 holds a vector, `__vec_dedup` and the bottom frame's return are the
/// slow steps. The vector survives (the caller still holds it) and is deduplicated.
#[test]
fn with_drop_walking_calls_and_returns_with_nothing_to_drop_stay_on_the_fast_path() {
    use super::bytecode::{CallSiteInfo, SiteKind};
    use std::sync::atomic::AtomicU64;
    let g = vec![Instr::Ret { src: 0 }];
    let h = vec![Instr::LoadInt { dst: 1, ty: IntTy::I32, v: 7 }, Instr::Ret { src: 1 }];
    let main = vec![
        Instr::LoadInt { dst: 2, ty: IntTy::I32, v: 5 },
        Instr::CallSite { dst: 1, site: 0, args: 2, nargs: 1 },
        Instr::LoadInt { dst: 3, ty: IntTy::I32, v: 9 },
        Instr::CallSite { dst: 2, site: 1, args: 2, nargs: 2 },
        Instr::Mov { dst: 4, src: 0 },
        Instr::CallSite { dst: 3, site: 2, args: 4, nargs: 1 },
        Instr::Mov { dst: 6, src: 0 },
        Instr::CallSite { dst: 5, site: 3, args: 6, nargs: 1 },
        Instr::Add { dst: 5, a: 2, b: 3 },
        Instr::Ret { src: 5 },
    ];
    let mut prog = program(vec![(1, 2, g), (1, 2, h), (1, 8, main)]);
    let n = prog.funcs.len() as u32;
    let (g, h, main) = (n - 3, n - 2, n - 1);
    let site = |kind: SiteKind| CallSiteInfo { kind, hint: 0, cache: AtomicU64::new(0), fused: AtomicU64::new(0) };
    let max = crate::builtins::function("cmp::max").expect("cmp::max");
    let dedup = crate::builtins::function("__vec_dedup").expect("__vec_dedup");
    let sites = vec![site(SiteKind::Func(g)), site(SiteKind::Native(max)), site(SiteKind::Func(h)), site(SiteKind::Native(dedup))];
    if let Some(p) = prog.funcs.get_mut(main as usize).and_then(Arc::get_mut) {
        p.sites = sites;
    }
    prog.needs_drop_walk = true;
    assert!(prog.walks_drops());
    let v = crate::builtins::util::new_vec(vec![Value::i32(1), Value::i32(1)]);
    let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
    let r = run_fn(&prog, main, vec![v.clone()]).unwrap();
    assert_eq!(int(&r), 16, "max(5, 9) + 7");
    assert_eq!(super::dispatch::SLOW_STEPS.with(|n| n.get()) - before, 3, "h's return, __vec_dedup and the bottom return");
    let Value::Vec(hv) = &v else { panic!("not a vector") };
    assert_eq!(hv.read().map(|o| o.items.len()).unwrap_or(0), 1, "deduplicated");
}

/// Under drop glue, a temporary with a user `Drop` is still dropped at the end of its
/// statement (its `DropTemps` goes to `slow_step`), between statements whose temporaries are
/// scalars (which stay on the fast path).
#[test]
#[cfg_attr(miri, ignore = "a whole program (parser, typeck, prelude): over 45 minutes under Miri")]
fn droppable_temporaries_are_still_dropped_at_statement_end() {
    let src = r#"
struct D(i32);
impl Drop for D {
    fn drop(&mut self) { println!("drop {}", self.0); }
}
fn make(n: i32) -> D { D(n) }
fn main() {
    let mut s = 0;
    for i in 0..3 {
        s += make(i).0;
        s += 10;
        println!("after {}", i);
    }
    println!("{}", s);
}
"#;
    let (out, _) = crate::test_support::run_program(src);
    assert_eq!(out, "drop 0\nafter 0\ndrop 1\nafter 1\ndrop 2\nafter 2\n33\n", "{out}");
}

/// `*g += 1` through a reference to an object's integer field (what a `MutexGuard<i32>` is):
/// `Deref` and `StoreDeref` run on the inner loop's fast paths, read and write the field, and
/// a field holding anything else goes to `slow_step` (which reads a string here).
#[test]
fn deref_and_store_deref_of_an_integer_field_stay_on_the_fast_path() {
    let code = vec![
        Instr::Deref { dst: 2, src: 0 },
        Instr::AddI { dst: 2, a: 2, imm: 1 },
        Instr::StoreDeref { dst: 0, src: 2 },
        Instr::Deref { dst: 3, src: 0 },
        Instr::Ret { src: 3 },
    ];
    let prog = program(vec![(2, 4, vec![Instr::Deref { dst: 2, src: 0 }, Instr::Ret { src: 2 }]), (2, 4, code)]);
    let obj = crate::heap::Heap::new(crate::value::AdtObj {
        def: crate::builtins::async_sync::storage_def().into(),
        variant: 0,
        fields: smallvec::smallvec![Value::Int(41, IntTy::I64), Value::str("s")],
    });
    let field = |i| Value::Ref(Arc::new(crate::value::Place::Field(obj.clone(), i)));
    let flag = AtomicBool::new(false);
    let mut out: Vec<u8> = Vec::new();
    let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
    let f = prog.funcs.len() as u32 - 1;
    let mut fiber = Fiber::new();
    fiber.stack.extend([field(0), Value::Unit]);
    super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 2).unwrap();
    let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
    let v = super::run(&mut fiber, &mut cx).unwrap();
    assert_eq!(super::dispatch::SLOW_STEPS.with(|n| n.get()) - before, 1, "only the final `Ret` is a slow step");
    assert_eq!(int(&v), 42);
    assert!(matches!(obj.read().unwrap().fields.first(), Some(Value::Int(42, IntTy::I64))));
    // Field 1 holds a string: `Deref` is a slow step and reads it.
    let mut fiber = Fiber::new();
    fiber.stack.extend([field(1), Value::Unit]);
    super::call::enter(&mut fiber, &prog, f - 1, 0, 0, 0, RetKind::Stop, 2).unwrap();
    let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
    let v = super::run(&mut fiber, &mut cx).unwrap();
    assert_eq!(super::dispatch::SLOW_STEPS.with(|n| n.get()) - before, 2, "`Deref` and `Ret` are slow steps");
    let Value::Str(h) = &v else { panic!("not a string: {v:?}") };
    assert_eq!(h.read().map(|g| g.clone()).unwrap_or_default(), "s");
}

/// With drops walked, `DropTemps` of temporaries whose death runs no user code
/// (`drop::temps_quick`) stays on the inner loop's fast path: a handle that is not the last
/// (a vector) is cleared, a reference held directly is cleared, and the last handle of an
/// object holding only trivial values and references (an `Ok(guard)` whose guard was
/// unwrapped) is freed after its references were released. (Values with drop glue fall back:
/// the previous test; the order of the two kinds in one statement: the golden program
/// `sync/guard_temporary_drop_order`.)
#[test]
fn drop_temps_of_quiet_values_stay_on_the_fast_path() {
    let code = vec![Instr::DropTemps { lo: 0, hi: 3 }, Instr::Ret { src: 0 }];
    let mut prog = program(vec![(3, 3, code)]);
    prog.needs_drop_walk = true;
    let f = prog.funcs.len() as u32 - 1;
    let shared = crate::builtins::util::new_vec(vec![Value::i32(1)]);
    let place = Arc::new(crate::value::Place::Local(crate::heap::Heap::new(Value::i32(3))));
    let obj = crate::heap::Heap::new(crate::value::AdtObj {
        def: crate::builtins::async_sync::storage_def().into(),
        variant: 0,
        fields: smallvec::smallvec![Value::Ref(place.clone()), Value::i32(2)],
    });
    let slow_steps = |regs: [Value; 3]| {
        let flag = AtomicBool::new(false);
        let mut out: Vec<u8> = Vec::new();
        let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
        let mut fiber = Fiber::new();
        fiber.stack.extend(regs);
        super::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 3).unwrap();
        let before = super::dispatch::SLOW_STEPS.with(|n| n.get());
        super::run(&mut fiber, &mut cx).unwrap();
        super::dispatch::SLOW_STEPS.with(|n| n.get()) - before
    };
    // The object still has another handle (`obj`): its register is only cleared.
    assert_eq!(slow_steps([Value::Adt(obj.clone()), Value::Ref(place.clone()), shared.clone()]), 1, "only the final `Ret` is a slow step");
    let Value::Vec(hs) = &shared else { panic!("not a vector") };
    assert_eq!((hs.handle_count(), obj.handle_count(), Arc::strong_count(&place)), (1, 1, 2), "the temporaries' handles were given back");
    // Its last handle: freed on the fast path, and its reference with it.
    assert_eq!(slow_steps([Value::Adt(obj), Value::Ref(place.clone()), shared.clone()]), 1, "only the final `Ret` is a slow step");
    assert_eq!((hs.handle_count(), Arc::strong_count(&place)), (1, 1), "the object and its reference were freed");
}
