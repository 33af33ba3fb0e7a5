//! Tests of the lazy prelude (`lazy_prelude.rs`): programs that reach prelude bodies only
//! through trait defaults, other prelude bodies or runtime method lookup still run, and the
//! REPL sees the whole prelude whatever it defines.

use crate::session::{Options, Outcome, Session};
use crate::test_support::{run_program, Buf};

fn run(src: &str) -> String {
    let (out, o) = run_program(src);
    assert!(matches!(o, Outcome::Finished), "{o:?}: {out}");
    out
}

#[test]
fn an_empty_program_compiles_few_prelude_bodies() {
    let mut s = Session::new(Options::default());
    assert!(s.check("t.rs", "fn main() {}\n").is_empty());
    let (waiting, deferred) = s.prelude_bodies();
    assert!(deferred > 500, "{deferred}");
    assert!(waiting * 2 > deferred, "{waiting} of {deferred} still waiting");
}

#[test]
fn a_waiting_body_is_a_loud_internal_error_not_an_empty_function() {
    use crate::vm::bytecode::Instr;
    let mut s = Session::new(Options::default());
    assert!(s.check("t.rs", "fn main() {}\n").is_empty());
    let waiting = s.compiler().lazy.waiting_funcs();
    assert!(!waiting.is_empty());
    for f in waiting {
        let proto = &s.compiler().prog.funcs[f as usize];
        assert!(matches!(proto.code.as_slice(), [Instr::LoadConst { .. }, Instr::Panic { .. }]), "{}", proto.name);
        assert!(proto.num_regs > proto.arity);
        assert_eq!(proto.spans.len(), proto.code.len());
        // One shared message; the panic's location (the signature's span) tells which.
        let msg = format!("{:?}", proto.consts.last());
        assert!(msg.contains("internal error"), "{msg}");
        assert!(proto.spans.iter().all(|s| s.hi > s.lo && (s.hi as usize) <= crate::builtins::PRELUDE.len()), "{}", proto.name);
    }
}

#[test]
fn methods_of_prelude_types_reached_through_prelude_bodies() {
    // `Map`, `Filter`, `Rev` are only named inside the prelude's `Iterator` defaults.
    let out = run("fn main() { let v = vec![1, 2, 3, 4]; let s: i32 = v.iter().map(|x| x * 10).filter(|x| *x > 10).rev().sum(); println!(\"{s}\"); }");
    assert_eq!(out, "90\n");
}

#[test]
fn trait_defaults_and_generic_callers() {
    let out = run(r#"
struct C(u32);
impl Iterator for C {
    type Item = u32;
    fn next(&mut self) -> Option<u32> { if self.0 < 4 { self.0 += 1; Some(self.0) } else { None } }
}
fn firsts<I: Iterator<Item = u32>>(i: I) -> Vec<u32> { i.take(2).collect() }
fn main() {
    println!("{:?}", firsts(C(0)));
    let mut c = C(0);
    println!("{:?} {:?}", c.nth(1), c.max());
    for (i, x) in C(2).enumerate() { println!("{i} {x}"); }
}
"#);
    assert_eq!(out, "[1, 2]\nSome(2) Some(4)\n0 3\n1 4\n");
}

#[test]
fn a_user_item_named_like_a_prelude_one_does_not_change_the_prelude() {
    let out = run("struct Map { n: i32 }\nfn main() { let m = Map { n: 2 }; let v: Vec<i32> = (1..4).map(|x| x * m.n).collect(); println!(\"{v:?}\"); }");
    assert_eq!(out, "[2, 4, 6]\n");
}

#[test]
fn repl_inputs_reach_the_whole_prelude() {
    let mut s = Session::new(Options::default());
    s.set_stdout(Box::new(Buf::default()));
    let (o, _) = s.eval_repl("struct Map { n: i32 }");
    assert!(matches!(o, Outcome::Finished));
    let (o, _) = s.eval_repl("let m = Map { n: 3 };");
    assert!(matches!(o, Outcome::Finished));
    let (_, out) = s.eval_repl("(1..3).map(|x| x * m.n).collect::<Vec<i32>>()");
    assert_eq!(out.value.map(|v| v.0), Some("[3, 6]".to_string()));
    assert_eq!(s.prelude_bodies().0, 0);
    s.reset();
    let (o, _) = s.eval_repl("m");
    assert!(matches!(o, Outcome::CompileErrors(_)));
    let (_, out) = s.eval_repl("Some(2).map(|x| x + 1)");
    assert_eq!(out.value.map(|v| v.0), Some("Some(3)".to_string()));
}

#[test]
fn dump_bytecode_compiles_the_whole_prelude() {
    let mut s = Session::new(Options::default());
    let text = s.dump_bytecode("t.rs", "fn main() { println!(\"hi\"); }\n");
    assert!(text.is_ok_and(|t| t.contains("main")));
    assert_eq!(s.prelude_bodies().0, 0);
}

#[test]
fn prelude_types_wait_for_their_names() {
    // Nothing names `Mutex`, `Sender`, `Wrapping`...: their methods stay waiting (they used
    // to count as reached from the start), but the native iterators' `Iter` does not wait.
    let mut s = Session::new(Options::default());
    assert!(s.check("t.rs", "fn main() { println!(\"hi\"); }\n").is_empty());
    let c = s.compiler();
    let compiled = |name: &str| c.prog.funcs.iter().any(|f| f.name == name && !matches!(f.code.as_slice(), [crate::vm::bytecode::Instr::LoadConst { .. }, crate::vm::bytecode::Instr::Panic { .. }]));
    for name in ["Mutex::new", "Sender::send", "Wrapping::add", "SocketAddr::fmt", "LocalKey::with"] {
        assert!(!compiled(name), "{name} compiled for a program that cannot reach it");
    }
    // Naming the type (or a constructor whose body names it) reaches its methods.
    let out = run("use std::sync::{mpsc, Mutex};\nfn main() { let m = Mutex::new(1); *m.lock().unwrap() += 1; let (tx, rx) = mpsc::channel(); let v = *m.lock().unwrap(); tx.send(v).unwrap(); println!(\"{} {m:?}\", rx.recv().unwrap()); }");
    assert_eq!(out, "2 Mutex { data: 2, poisoned: false, .. }\n");
}

#[test]
fn thread_local_reaches_local_key_without_naming_it() {
    let out = run("use std::cell::Cell;\nthread_local! { static K: Cell<i32> = Cell::new(4); }\nfn main() { K.with(|k| k.set(k.get() + 1)); println!(\"{}\", K.with(|k| k.get())); }");
    assert_eq!(out, "5\n");
}
