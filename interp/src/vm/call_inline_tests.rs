//! Calls completed without a frame (`call::inline_call`, `FuncProto::intrinsic`): the
//! prelude's `unwrap`/`expect` on `Some(x)`/`Ok(x)` give `x` in place when `x` is a scalar,
//! a string or a reference, and leave every other shape to the function's own frame (a Copy
//! aggregate payload, whose by-value `self` must be copied; `None`/`Err`, whose panic
//! reports the caller's line). Expected outputs are rustc's builds of the same programs.

use crate::vm::bytecode::Intrinsic;
use crate::vm::call::inline_call;
use crate::vm::fiber::Fiber;
use crate::vm::program::{tid, Program};
use crate::heap::Heap;
use crate::value::{AdtObj, DefRef, IntTy, Value};

const SOME: Intrinsic = Intrinsic::UnwrapVariant { type_id: tid::FIRST_ADT_TYPE, variant: 1 };

fn prog() -> Program {
    crate::compile::Compiler::new().prog
}

fn adt(def: &std::sync::Arc<crate::value::AdtDef>, variant: u32, fields: Vec<Value>) -> Value {
    Value::Adt(Heap::new(AdtObj { def: DefRef::pin(def), variant, fields: fields.into_iter().collect() }))
}

fn int(v: i64) -> Value {
    Value::Int(v, IntTy::I32)
}

/// `stack[0]` is the argument, `stack[1]` the result register.
fn fiber_with(arg: Value) -> Fiber {
    let mut f = Fiber::new();
    f.stack = vec![arg, Value::Unit];
    f
}

#[test]
fn some_of_a_scalar_or_a_string_is_unwrapped_in_place() {
    let p = prog();
    let mut f = fiber_with(adt(&p.std.option, 1, vec![int(5)]));
    assert!(inline_call(&mut f, &p, SOME, 0, 1, 1));
    assert!(matches!(f.stack[1], Value::Int(5, IntTy::I32)));
    assert!(matches!(f.stack[0], Value::Unit), "the argument dies with the call");
    let s = Value::Str(Heap::new("hi".to_string()));
    let mut f = fiber_with(adt(&p.std.option, 1, vec![s]));
    assert!(inline_call(&mut f, &p, SOME, 0, 1, 1));
    assert!(matches!(&f.stack[1], Value::Str(h) if h.read().is_ok_and(|s| s.as_str() == "hi")));
}

#[test]
fn other_shapes_are_left_to_the_frame() {
    let p = prog();
    // None, an aggregate payload (a Copy tuple: the frame copies `self`), a `Result`.
    let pair = Value::Tuple(Heap::new(vec![int(1), int(2)]));
    for arg in [adt(&p.std.option, 0, vec![]), adt(&p.std.option, 1, vec![pair]), adt(&p.std.result, 0, vec![int(1)]), int(3)] {
        let mut f = fiber_with(arg);
        assert!(!inline_call(&mut f, &p, SOME, 0, 1, 1));
        assert!(matches!(f.stack[1], Value::Unit), "nothing was written");
        assert!(!matches!(f.stack[0], Value::Unit), "the argument is still there");
    }
}

#[test]
fn with_drop_glue_only_a_receiver_someone_else_holds_is_unwrapped() {
    let mut p = prog();
    p.needs_drop_walk = true;
    assert!(p.walks_drops());
    let v = adt(&p.std.option, 1, vec![int(5)]);
    let mut f = fiber_with(v.clone());
    assert!(inline_call(&mut f, &p, SOME, 0, 1, 1), "the caller's temporary still holds it");
    drop(v);
    let mut f = fiber_with(adt(&p.std.option, 1, vec![int(5)]));
    assert!(!inline_call(&mut f, &p, SOME, 0, 1, 1), "the last handle: the frame's sweep decides");
}

/// Whole programs: payloads of every kind through `unwrap` and `expect` (scalars, strings,
/// a Copy tuple that must stay a copy, a lock guard), in a program without and with drop
/// glue, then a `None` whose panic names the caller's line.
#[test]
fn unwrap_and_expect_give_what_the_frame_gives() {
    let body = r#"
fn main() {
    let o: Option<i32> = Some(3);
    let a = o.unwrap();
    let b = o.expect("o");
    let r: Result<u64, String> = Ok(7);
    let s: Result<String, ()> = Ok("text".to_string());
    let pair: Option<(i32, i32)> = Some((1, 2));
    let mut t = pair.unwrap();
    t.0 = 9;
    println!("{} {} {:?} {} {} {:?} {:?}", a, b, o, r.clone().unwrap(), s.unwrap(), pair, t);
    let mut sum = 0u64;
    for i in 0..5u64 {
        sum += Some(i).unwrap() + r.clone().expect("r");
    }
    println!("{}", sum);
    EXTRA
    let n: Option<i32> = None;
    n.unwrap();
}
"#;
    let plain = body.replace("EXTRA", "");
    let (out, outcome) = crate::test_support::run_program(&plain);
    assert_eq!(out, "3 3 Some(3) 7 text Some((1, 2)) (9, 2)\n45\n");
    assert!(matches!(outcome, crate::session::Outcome::Panicked));
    // `Mutex` switches drop glue on: the guard comes out of `Ok(guard)` in place and is
    // released at the end of its statement.
    let locked = body.replace(
        "EXTRA",
        "let m = std::sync::Mutex::new(1);\n    *m.lock().unwrap() += 1;\n    *m.lock().expect(\"m\") += 1;\n    println!(\"{:?}\", m.try_lock().is_ok());\n    println!(\"{}\", *m.lock().unwrap());",
    );
    let (out, outcome) = crate::test_support::run_program(&locked);
    assert_eq!(out, "3 3 Some(3) 7 text Some((1, 2)) (9, 2)\n45\ntrue\n3\n");
    assert!(matches!(outcome, crate::session::Outcome::Panicked));
}

/// `Intrinsic::Forward`: the prelude's channel `send`/`recv` run their native on the
/// caller's window (no frame). Messages of every kind (a tuple with a string, a Copy array
/// that must stay a copy on both sides), a rendezvous channel whose every send and receive
/// blocks and runs again, disconnection on both ends. Expected output from rustc.
#[test]
fn forwarded_channel_calls_give_what_the_frame_gives() {
    let src = r#"
use std::sync::mpsc;
use std::thread;
fn main() {
    let (tx, rx) = mpsc::channel::<(i32, String)>();
    let mut pair = (1, "one".to_string());
    tx.send(pair.clone()).unwrap();
    pair.0 = 5;
    tx.send((2, "two".to_string())).unwrap();
    println!("{:?} {:?} {:?}", rx.recv().unwrap(), rx.recv(), pair);
    let (ctx, crx) = mpsc::channel::<[i32; 2]>();
    let mut arr = [1, 2];
    ctx.send(arr).unwrap();
    arr[0] = 9;
    let mut got = crx.recv().unwrap();
    got[1] = 7;
    println!("{:?} {:?}", arr, got);
    let (stx, srx) = mpsc::sync_channel::<u64>(0);
    let h = thread::spawn(move || {
        let mut sum = 0;
        for i in 0..50u64 {
            stx.send(i).unwrap();
            sum += i;
        }
        sum
    });
    let mut total = 0;
    for _ in 0..50 {
        total += srx.recv().unwrap();
    }
    println!("{} {}", total, h.join().unwrap());
    println!("{:?}", srx.recv());
    drop(crx);
    println!("{:?}", ctx.send([3, 4]));
    let (otx, orx) = mpsc::sync_channel::<String>(1);
    otx.send("x".to_string()).unwrap();
    drop(otx);
    println!("{:?} {:?}", orx.recv(), orx.recv());
}
"#;
    let (out, outcome) = crate::test_support::run_program(src);
    assert_eq!(
        out,
        "(1, \"one\") Ok((2, \"two\")) (5, \"one\")\n[9, 2] [1, 7]\n1225 1225\nErr(RecvError)\nErr(SendError { .. })\nOk(\"x\") Err(RecvError)\n"
    );
    assert!(matches!(outcome, crate::session::Outcome::Finished));
}

/// `site_fast` on an object receiver at a method site whose cache knows the type reads the
/// object once (`call::adt_site`) for the target and the intrinsic's test. Hand-built: a
/// method `m` of a struct `W` marked `Forward` to `cmp::max` (W's field 0 and the argument),
/// and `Option::unwrap` marked `UnwrapVariant`; each method's own frame returns 99, so a 99
/// says the frame ran. Cold cache (the general lookup fills it), warm cache, and the
/// fallbacks: a `W` without its field and a `None` go to the frame.
#[test]
fn a_cached_method_site_on_an_object_reads_it_once_and_falls_back_to_the_frame() {
    use crate::value::{AdtDef, VariantDef, VariantKind};
    use crate::vm::bytecode::{CallSiteInfo, FuncProto, Instr, SiteKind};
    use crate::vm::fiber::RetKind;
    use std::sync::atomic::{AtomicBool, AtomicU64};
    use std::sync::Arc;
    let mut p = prog();
    let src = crate::diag::Source::new("t.rs", "fn main() {}\n");
    let func = |p: &mut Program, arity: u32, regs: u32, code: Vec<Instr>, sites: Vec<CallSiteInfo>, intrinsic: Option<Intrinsic>| {
        let mut f = FuncProto::new("f".into(), src.clone());
        f.arity = arity;
        f.num_regs = regs;
        f.spans = vec![crate::ast::Span::new(0, 2); code.len()];
        f.code = code;
        f.sites = sites;
        f.intrinsic = intrinsic;
        p.funcs.push(Arc::new(f));
        p.funcs.len() as u32 - 1
    };
    let w_tid = 900_000;
    let w = Arc::new(AdtDef {
        name: "W".into(),
        is_enum: false,
        variants: vec![VariantDef { name: "W".into(), kind: VariantKind::Tuple, fields: vec!["0".into()], discriminant: 0 }],
        is_copy: false,
        derives: Vec::new(),
        type_id: w_tid,
    });
    let max = crate::builtins::function("cmp::max").expect("cmp::max");
    let frame = || vec![Instr::LoadInt { dst: 0, ty: IntTy::I32, v: 99 }, Instr::Ret { src: 0 }];
    let fwd = Intrinsic::Forward { type_id: w_tid, field: 0, copies: 0, native: max, hint: u32::MAX, unwrap: u32::MAX };
    let m = func(&mut p, 2, 2, frame(), vec![], Some(fwd));
    let opt_tid = p.std.option.type_id;
    let unwrap = func(&mut p, 1, 1, frame(), vec![], Some(Intrinsic::UnwrapVariant { type_id: opt_tid, variant: 1 }));
    let (msym, usym) = (p.symbols.intern("m"), p.symbols.intern("unwrap"));
    p.methods.insert((w_tid, msym), m);
    p.methods.insert((opt_tid, usym), unwrap);
    let site = |sym: u32, name: &str| CallSiteInfo { kind: SiteKind::Method { sym, name: name.into() }, hint: 0, cache: AtomicU64::new(0), fused: AtomicU64::new(0) };
    // main(x): x.m(5) / x.unwrap()
    let call_m = func(
        &mut p,
        1,
        4,
        vec![
            Instr::Mov { dst: 2, src: 0 },
            Instr::LoadInt { dst: 3, ty: IntTy::I32, v: 5 },
            Instr::CallSite { dst: 1, site: 0, args: 2, nargs: 2 },
            Instr::Ret { src: 1 },
        ],
        vec![site(msym, "m")],
        None,
    );
    let call_unwrap = func(
        &mut p,
        1,
        3,
        vec![Instr::Mov { dst: 2, src: 0 }, Instr::CallSite { dst: 1, site: 0, args: 2, nargs: 1 }, Instr::Ret { src: 1 }],
        vec![site(usym, "unwrap")],
        None,
    );
    let run = |p: &Program, f: u32, arg: Value| -> i64 {
        let mut fiber = Fiber::new();
        fiber.stack.push(arg);
        crate::vm::call::enter(&mut fiber, p, f, 0, 0, 0, RetKind::Stop, 1).expect("enter");
        let flag = AtomicBool::new(false);
        let mut out: Vec<u8> = Vec::new();
        let mut cx = crate::vm::Ctx { prog: p, out: &mut out, interrupt: &flag, args: &[], host: &crate::runtime::SoloHost::new(), waker: std::task::Waker::noop(), slice: None };
        match crate::vm::run(&mut fiber, &mut cx) {
            Ok(Value::Int(x, _)) => x,
            other => panic!("not an integer: {other:?}"),
        }
    };
    let cached = |p: &Program, f: u32| p.funcs[f as usize].sites[0].cache.load(std::sync::atomic::Ordering::Relaxed) != 0;
    assert!(!cached(&p, call_m));
    assert_eq!(run(&p, call_m, adt(&w, 0, vec![int(3)])), 5, "cold: max(3, 5) without a frame");
    assert!(cached(&p, call_m));
    assert_eq!(run(&p, call_m, adt(&w, 0, vec![int(8)])), 8, "warm: max(8, 5)");
    assert_eq!(run(&p, call_m, adt(&w, 0, vec![])), 99, "no field 0: the frame");
    assert_eq!(run(&p, call_unwrap, adt(&p.std.option, 1, vec![int(4)])), 4, "cold");
    assert_eq!(run(&p, call_unwrap, adt(&p.std.option, 1, vec![int(6)])), 6, "warm");
    assert_eq!(run(&p, call_unwrap, adt(&p.std.option, 0, vec![])), 99, "None: the frame");
    let pair = Value::Tuple(Heap::new(vec![int(1), int(2)]));
    assert_eq!(run(&p, call_unwrap, adt(&p.std.option, 1, vec![pair])), 99, "an aggregate payload: the frame");
}
