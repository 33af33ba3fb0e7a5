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
