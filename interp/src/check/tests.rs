//! Tests of the static checks on whole sources: what is reported, with rustc's words and
//! labels, at rustc's places.

use super::send_sync::{judge, Auto, Verdict};
use crate::diag::{Diagnostic, Source};
use crate::types::Ty;

/// The checks' diagnostics for `src` (parsed, inferred with the prelude known).
pub(super) fn check(src: &str) -> Vec<Diagnostic> {
    let (file, diags) = crate::syntax::parse_file(src);
    assert!(diags.is_empty(), "parse errors: {diags:?}");
    let (prelude, _) = crate::syntax::parse_file(crate::builtins::PRELUDE);
    let mut tc = crate::typeck::Typeck::new();
    tc.add_items(&prelude.items);
    let info = tc.check_file(&file);
    let source = Source::new("t.rs", src);
    super::check_file(&file, &info, &source)
}

/// `(code, message, line of the primary span)` of each diagnostic.
fn summary(src: &str) -> Vec<(String, String, usize)> {
    let s = Source::new("t.rs", src);
    check(src).iter().map(|d| (d.code.unwrap_or("").to_string(), d.message.clone(), s.line_col(d.span.lo).0)).collect()
}

fn labels(d: &Diagnostic) -> Vec<String> {
    std::iter::once(d.label.clone()).chain(d.secondary.iter().map(|(_, l)| l.clone())).collect()
}

fn one(src: &str) -> Diagnostic {
    let ds = check(src);
    assert_eq!(ds.len(), 1, "expected one diagnostic, got {ds:#?}");
    ds.into_iter().next().unwrap_or_else(|| Diagnostic::error("", crate::ast::Span::DUMMY, ""))
}

#[test]
fn use_after_let_move() {
    let d = one("fn main() {\n    let s = String::from(\"a\");\n    let t = s;\n    println!(\"{} {}\", s, t);\n}\n");
    assert_eq!(d.code, Some("E0382"));
    assert_eq!(d.message, "borrow of moved value: `s`");
    let ls = labels(&d);
    assert_eq!(ls[0], "value borrowed here after move");
    assert!(ls.contains(&"value moved here".to_string()), "{ls:?}");
    assert!(ls.contains(&"move occurs because `s` has type `String`, which does not implement the `Copy` trait".to_string()), "{ls:?}");
}

#[test]
fn use_of_moved_value_when_moved_again() {
    let s = summary("fn main() {\n    let v = vec![1];\n    let a = v;\n    let b = v;\n    println!(\"{:?}{:?}\", a, b);\n}\n");
    assert_eq!(s, vec![("E0382".into(), "use of moved value: `v`".into(), 4)]);
}

#[test]
fn moved_in_previous_iteration() {
    let src = "fn eat(v: Vec<i32>) {}\nfn main() {\n    let v = vec![1];\n    for _ in 0..2 {\n        eat(v);\n    }\n}\n";
    let d = one(src);
    assert_eq!(d.message, "use of moved value: `v`");
    let ls = labels(&d);
    assert_eq!(ls[0], "value moved here, in previous iteration of loop");
    assert!(ls.contains(&"inside of this loop".to_string()));
}

#[test]
fn moved_into_closure_in_loop() {
    let src = "use std::thread;\nfn main() {\n    let v = vec![1];\n    for _ in 0..2 {\n        thread::spawn(move || println!(\"{:?}\", v));\n    }\n}\n";
    let d = one(src);
    assert_eq!(d.message, "use of moved value: `v`");
    let ls = labels(&d);
    assert_eq!(ls[0], "value moved into closure here, in previous iteration of loop");
    assert!(ls.contains(&"use occurs due to use in closure".to_string()), "{ls:?}");
}

#[test]
fn moved_into_move_closure_then_used() {
    let src = "fn main() {\n    let v = vec![1];\n    let c = move || v.len();\n    println!(\"{} {:?}\", c(), v);\n}\n";
    let d = one(src);
    assert_eq!(d.message, "borrow of moved value: `v`");
    let ls = labels(&d);
    assert!(ls.contains(&"value moved into closure here".to_string()));
    assert!(ls.contains(&"variable moved due to use in closure".to_string()));
}

#[test]
fn move_in_one_branch() {
    let src = "fn eat(v: Vec<i32>) {}\nfn main() {\n    let v = vec![1];\n    if v.len() > 3 {\n        eat(v);\n    }\n    let w = v;\n}\n";
    assert_eq!(summary(src), vec![("E0382".into(), "use of moved value: `v`".into(), 7)]);
}

#[test]
fn moves_by_method_for_and_operator() {
    let src = "fn main() {\n    let o = Some(String::new());\n    let a = o.unwrap();\n    let b = o.is_some();\n    let v = vec![String::new()];\n    for s in v {}\n    let n = v.len();\n    let x = String::new();\n    let y = x + \"!\";\n    let z = x;\n}\n";
    let ds = check(src);
    let msgs: Vec<&str> = ds.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(msgs, vec!["borrow of moved value: `o`", "borrow of moved value: `v`", "use of moved value: `x`"]);
    assert!(labels(&ds[0]).contains(&"`o` moved due to this method call".to_string()));
    assert!(labels(&ds[1]).contains(&"`v` moved due to this implicit call to `.into_iter()`".to_string()));
    assert!(labels(&ds[2]).contains(&"`x` moved due to usage in operator".to_string()));
}

#[test]
fn user_types_move_unless_copy() {
    let src = "struct A { n: i32 }\n#[derive(Clone, Copy)]\nstruct B { n: i32 }\nfn f<T>(_t: T) {}\nfn main() {\n    let a = A { n: 1 };\n    f(a);\n    f(a);\n    let b = B { n: 1 };\n    f(b);\n    f(b);\n}\n";
    assert_eq!(summary(src), vec![("E0382".into(), "use of moved value: `a`".into(), 8)]);
}

#[test]
fn reported_once_per_move() {
    let src = "fn main() {\n    let s = String::new();\n    drop(s);\n    println!(\"{}\", s);\n    println!(\"{}\", s);\n}\n";
    assert_eq!(check(src).len(), 1);
}

#[test]
fn type_names_as_rustc_writes_them() {
    let src = "use std::sync::Mutex;\nfn f<T>(_t: T) {}\nfn main() {\n    let m = Mutex::new(1);\n    f(m);\n    f(m);\n}\n";
    let d = one(src);
    assert!(labels(&d).iter().any(|l| l.contains("has type `std::sync::Mutex<i32>`")), "{:?}", labels(&d));
}

#[test]
fn e0373_for_borrowing_spawn() {
    let src = "use std::thread;\nfn main() {\n    let v = vec![1];\n    let h = thread::spawn(|| println!(\"{:?}\", v));\n    h.join().unwrap();\n}\n";
    let d = one(src);
    assert_eq!(d.code, Some("E0373"));
    assert_eq!(d.message, "closure may outlive the current function, but it borrows `v`, which is owned by the current function");
    assert_eq!(d.label, "may outlive borrowed value `v`");
    assert_eq!(d.help.as_deref(), Some("to force the closure to take ownership of `v` (and any other referenced variables), use the `move` keyword"));
}

#[test]
fn no_e0373_for_scoped_or_move_or_builder_move() {
    let src = "use std::thread;\nfn main() {\n    let v = vec![1];\n    thread::scope(|s| { s.spawn(|| println!(\"{:?}\", v)); });\n    let w = v.clone();\n    thread::spawn(move || w.len()).join().unwrap();\n    let u = v.clone();\n    thread::Builder::new().spawn(move || u.len()).unwrap().join().unwrap();\n}\n";
    assert!(check(src).is_empty(), "{:#?}", check(src));
}

#[test]
fn e0373_for_a_scoped_thread_borrowing_a_local_of_the_scope() {
    let src = "use std::thread;\nfn main() {\n    let v = vec![1];\n    thread::scope(|s| {\n        let n = v.len();\n        s.spawn(|| println!(\"{:?} {}\", v, n));\n    });\n}\n";
    let d = one(src);
    assert_eq!(d.code, Some("E0373"));
    assert_eq!(d.message, "closure may outlive the current function, but it borrows `n`, which is owned by the current function");
    // The same closure under `move`, or borrowing only what outlives the scope, is accepted;
    // so is the seed's `scoped`, whose threads may borrow the scope's locals.
    assert!(check(&src.replace("s.spawn(||", "s.spawn(move ||")).is_empty());
    assert!(check(&src.replace(", v, n)", ", v, v)")).is_empty());
    let seed = "fn main() {\n    let v = vec![1, 2];\n    scoped(|s| {\n        for c in v.chunks(1) {\n            let n = c.len();\n            s.spawn(|| println!(\"{}\", n));\n        }\n    });\n}\n";
    assert!(check(seed).is_empty(), "{:#?}", check(seed));
}

#[test]
fn rc_cannot_be_sent() {
    let src = "use std::rc::Rc;\nuse std::thread;\nfn main() {\n    let r = Rc::new(vec![1]);\n    thread::spawn(move || println!(\"{:?}\", r)).join().unwrap();\n}\n";
    let d = one(src);
    assert_eq!(d.code, Some("E0277"));
    assert_eq!(d.message, "`Rc<Vec<i32>>` cannot be sent between threads safely");
    let help = d.help.clone().unwrap_or_default();
    assert!(help.starts_with("within `{closure@t.rs:5:19: 5:26}`, the trait `Send` is not implemented for `Rc<Vec<i32>>`"), "{help}");
    assert!(labels(&d).contains(&"required because it's used within this closure".to_string()));
    assert!(labels(&d).contains(&"required by a bound introduced by this call".to_string()));
}

#[test]
fn refcell_in_arc_cannot_be_shared() {
    let src = "use std::cell::RefCell;\nuse std::sync::Arc;\nuse std::thread;\nfn main() {\n    let a = Arc::new(RefCell::new(1));\n    thread::spawn(move || { *a.borrow_mut() += 1; }).join().unwrap();\n}\n";
    let d = one(src);
    assert_eq!(d.message, "`RefCell<i32>` cannot be shared between threads safely");
    assert!(d.help.unwrap_or_default().contains("note: required for `Arc<RefCell<i32>>` to implement `Send`"));
}

#[test]
fn struct_fields_decide_and_impls_override() {
    let base = "use std::rc::Rc;\nuse std::thread;\nstruct H { r: Rc<i32> }\nIMPL\nfn main() {\n    let h = H { r: Rc::new(1) };\n    thread::spawn(move || { let h = h; }).join().unwrap();\n}\n";
    let plain = check(&base.replace("IMPL", ""));
    assert_eq!(plain.len(), 1);
    assert_eq!(plain[0].message, "`Rc<i32>` cannot be sent between threads safely");
    assert!(plain[0].help.clone().unwrap_or_default().contains("appears within the type `H`"));
    assert!(check(&base.replace("IMPL", "unsafe impl Send for H {}")).is_empty());
}

#[test]
fn negative_impl_is_honoured() {
    let src = "use std::thread;\nstruct T { n: i32 }\nimpl !Send for T {}\nfn main() {\n    let t = T { n: 1 };\n    thread::spawn(move || { let t = t; }).join().unwrap();\n}\n";
    assert_eq!(one(src).message, "`T` cannot be sent between threads safely");
}

#[test]
fn scoped_spawn_shares_refcell() {
    let src = "use std::cell::RefCell;\nuse std::thread;\nfn main() {\n    let c = RefCell::new(0);\n    thread::scope(|s| { s.spawn(|| { *c.borrow_mut() += 1; }); });\n}\n";
    assert_eq!(one(src).message, "`RefCell<i32>` cannot be shared between threads safely");
}

#[test]
fn a_trait_error_hides_borrow_errors_of_its_body() {
    let src = "use std::rc::Rc;\nuse std::thread;\nfn main() {\n    let r = Rc::new(1);\n    let s = String::new();\n    drop(s);\n    println!(\"{}\", s);\n    thread::spawn(move || println!(\"{}\", r)).join().unwrap();\n}\n";
    let ds = check(src);
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, Some("E0277"));
}

#[test]
fn judge_std_types() {
    let i = Ty::Int(crate::value::IntTy::I32);
    let facts = super::facts::Facts::default();
    let named = |n: &str, a: Vec<Ty>| Ty::Named(n.into(), a);
    assert_eq!(judge(&facts, &named("Vec", vec![i.clone()]), Auto::Send), Verdict::Yes);
    assert!(matches!(judge(&facts, &named("Rc", vec![i.clone()]), Auto::Send), Verdict::No(_)));
    assert_eq!(judge(&facts, &named("Arc", vec![named("Mutex", vec![i.clone()])]), Auto::Send), Verdict::Yes);
    assert!(matches!(judge(&facts, &named("Cell", vec![i.clone()]), Auto::Sync), Verdict::No(_)));
    assert_eq!(judge(&facts, &named("Cell", vec![i.clone()]), Auto::Send), Verdict::Yes);
    assert_eq!(judge(&facts, &named("Vec", vec![Ty::Infer]), Auto::Send), Verdict::Unknown);
    let r = Ty::Ref { mutable: false, inner: Box::new(named("RefCell", vec![i])) };
    match judge(&facts, &r, Auto::Send) {
        Verdict::No(f) => assert_eq!(f.lacks, Auto::Sync),
        other => panic!("{other:?}"),
    }
}

#[test]
fn deep_nesting_is_not_followed_and_does_not_crash() {
    let mut body = String::from("let s = String::new(); drop(s);");
    for _ in 0..300 {
        body = format!("{{ {body} }}");
    }
    let src = format!("fn main() {{ {body} let t = String::new(); drop(t); println!(\"{{}}\", t); }}\n");
    let (file, diags) = crate::syntax::parse_file(&src);
    if diags.is_empty() {
        let info = crate::typeck::Typeck::new().check_file(&file);
        let _ = super::check_file(&file, &info, &Source::new("t.rs", src.clone()));
    }
}

#[test]
fn repl_inputs_are_checked_and_a_rejected_input_changes_nothing() {
    let mut s = crate::session::Session::new(crate::session::Options::default());
    s.set_stdout(Box::new(std::io::sink()));
    let (o, _) = s.eval_repl("let v = vec![1, 2]; let w = v; v.len()");
    match o {
        crate::session::Outcome::CompileErrors(r) => assert_eq!(r[0].diag.message, "borrow of moved value: `v`"),
        other => panic!("{other:?}"),
    }
    let (o, out) = s.eval_repl("let n = 3; n + 1");
    assert!(matches!(o, crate::session::Outcome::Finished), "{o:?}");
    assert_eq!(out.value.map(|(v, _)| v).as_deref(), Some("4"));
}

#[test]
fn channel_ends_of_non_send_messages_cannot_cross() {
    let sender = "use std::rc::Rc;\nuse std::sync::mpsc;\nuse std::thread;\nfn main() {\n    let (tx, rx) = mpsc::channel::<Rc<i32>>();\n    thread::spawn(move || { tx.send(Rc::new(1)).unwrap(); }).join().unwrap();\n    println!(\"{}\", rx.recv().unwrap());\n}\n";
    let d = one(sender);
    assert_eq!(d.message, "`Rc<i32>` cannot be sent between threads safely");
    assert!(d.help.unwrap_or_default().contains("required for `std::sync::mpsc::Sender<Rc<i32>>` to implement `Send`"));
    let receiver = "use std::rc::Rc;\nuse std::sync::mpsc;\nuse std::thread;\nfn main() {\n    let (tx, rx) = mpsc::channel();\n    let h = thread::spawn(move || { let _ = rx.recv(); });\n    tx.send(Rc::new(1)).unwrap();\n    h.join().unwrap();\n}\n";
    let ds = check(receiver);
    assert_eq!(ds.len(), 1, "{ds:#?}");
    assert!(ds[0].help.clone().unwrap_or_default().contains("std::sync::mpsc::Receiver<Rc<i32>>"), "{ds:#?}");
    // Sending an `Rc` on one thread is fine in Rust.
    let local = "use std::rc::Rc;\nuse std::sync::mpsc;\nfn main() {\n    let (tx, rx) = mpsc::channel();\n    tx.send(Rc::new(5)).unwrap();\n    println!(\"{}\", rx.recv().unwrap());\n}\n";
    assert!(check(local).is_empty());
}

#[test]
fn closures_kept_in_a_local_are_judged_at_the_spawn() {
    let send = "use std::rc::Rc;\nuse std::thread;\nfn main() {\n    let r = Rc::new(1);\n    let f = move || *r + 1;\n    thread::spawn(f).join().unwrap();\n}\n";
    assert_eq!(summary(send), vec![("E0277".into(), "`Rc<i32>` cannot be sent between threads safely".into(), 6)]);
    let borrow = "use std::thread;\nfn main() {\n    let v = vec![1];\n    let f = || v.len();\n    thread::spawn(f).join().unwrap();\n}\n";
    assert_eq!(summary(borrow)[0].0, "E0373");
    let fine = "use std::thread;\nfn main() {\n    let v = vec![1];\n    let f = move || v.len();\n    thread::spawn(f).join().unwrap();\n}\n";
    assert!(check(fine).is_empty());
}

#[test]
fn nested_loops_stay_linear() {
    let mut body = String::from("let w = v; v = w;");
    for _ in 0..40 {
        body = format!("for _i in 0..2 {{ {body} }}");
    }
    let src = format!("fn main() {{\n    let mut v = vec![1];\n    {body}\n    println!(\"{{:?}}\", v);\n}}\n");
    let start = std::time::Instant::now();
    assert!(check(&src).is_empty());
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn a_program_module_named_thread_is_not_std() {
    let src = "mod thread {\n    pub fn spawn<F: FnOnce() -> usize>(f: F) -> usize { f() }\n}\nfn main() {\n    let v = vec![1];\n    let n = thread::spawn(|| v.len());\n    println!(\"{} {:?}\", n, v);\n}\n";
    assert!(check(src).is_empty(), "{:#?}", check(src));
}

#[test]
fn send_impls_are_listed_for_run_time_checks() {
    let (file, _) = crate::syntax::parse_file("struct A;\nstruct B;\nunsafe impl Send for A {}\nimpl !Send for B {}\nfn main() {}\n");
    assert_eq!(super::send_impls(&file), vec![("A".to_string(), true), ("B".to_string(), false)]);
}

#[test]
fn one_trait_error_per_type_and_function() {
    let src = "use std::rc::Rc;\nuse std::thread;\nfn main() {\n    let a = vec![Rc::new(1)];\n    thread::spawn(move || { let _a = a; }).join().unwrap();\n    let b = Some(Rc::new(1));\n    thread::spawn(move || { let _b = b; }).join().unwrap();\n}\n";
    assert_eq!(check(src).len(), 1);
}

#[test]
fn partial_moves_by_patterns() {
    let src = "fn main() {\n    let opt = Some(String::from(\"a\"));\n    if let Some(s) = opt {\n        println!(\"{s}\");\n    }\n    println!(\"{:?}\", opt);\n}\n";
    let d = one(src);
    assert_eq!(d.message, "borrow of partially moved value: `opt`");
    assert_eq!(d.label, "value borrowed here after partial move");
    assert!(labels(&d).contains(&"value partially moved here".to_string()));
    // A field of the partially moved value, or a pattern by reference: nothing.
    let fine = "fn main() {\n    let p = (String::from(\"a\"), 1);\n    let (s, n) = p;\n    println!(\"{s} {n} {}\", p.1);\n    let o = Some(String::new());\n    if let Some(ref r) = o { println!(\"{r}\"); }\n    println!(\"{:?}\", o);\n}\n";
    assert!(check(fine).is_empty(), "{:#?}", check(fine));
}

/// A REPL variable moved by one input is moved for the next ones (E0382 with the help to bind
/// it again); a variable alone as the tail is shown, not moved; binding the name again makes
/// it usable; a value moved into a container dies with it (`TakeGlobal`).
#[test]
fn repl_variables_moved_by_an_earlier_input_stay_moved() {
    let mut s = crate::session::Session::new(crate::session::Options::default());
    let out = crate::test_support::Buf::default();
    s.set_stdout(Box::new(out.clone()));
    let ok = |s: &mut crate::session::Session, text: &str| {
        let (o, v) = s.eval_repl(text);
        assert!(matches!(o, crate::session::Outcome::Finished), "{text}: {o:?}");
        v.value.map(|(v, _)| v)
    };
    let moved = |s: &mut crate::session::Session, text: &str, name: &str| match s.eval_repl(text).0 {
        crate::session::Outcome::CompileErrors(r) => {
            assert!(r[0].diag.message.ends_with(&format!("of moved value: `{name}`")), "{text}: {}", r[0].diag.message);
            assert!(r[0].diag.help.as_deref().unwrap_or("").contains("moved by an earlier input"), "{text}");
        }
        other => panic!("{text}: {other:?}"),
    };
    ok(&mut s, "struct D(i32);\nimpl Drop for D { fn drop(&mut self) { println!(\"drop {}\", self.0); } }");
    ok(&mut s, "let keep = D(1);");
    assert_eq!(ok(&mut s, "keep").as_deref(), Some("D(1)"), "a tail variable is shown");
    assert_eq!(ok(&mut s, "keep.0").as_deref(), Some("1"));
    ok(&mut s, "let c = vec![keep];");
    ok(&mut s, "drop(c);");
    assert_eq!(out.text(), "drop 1\n", "the vector owned the value alone");
    moved(&mut s, "keep.0", "keep");
    moved(&mut s, "c.len()", "c");
    ok(&mut s, "let keep = D(2);");
    assert_eq!(ok(&mut s, "keep.0").as_deref(), Some("2"));
    ok(&mut s, "let t = String::from(\"x\"); let u = if keep.0 > 1 { t } else { String::new() };");
    moved(&mut s, "t", "t");
    assert_eq!(ok(&mut s, "u").as_deref(), Some("\"x\""));
    let vars = s.vars();
    let shown = |name: &str| vars.iter().find(|v| v.0 == name).map(|v| v.2.clone());
    assert_eq!(shown("t").as_deref(), Some("<moved>"), ":vars shows a moved variable as moved");
    assert_eq!(shown("u").as_deref(), Some("\"x\""));
}

/// Without drop tracking (no `TakeGlobal`), a moved REPL variable's value stays in its global:
/// `:vars` still shows it as moved, and a use is still E0382.
#[test]
fn repl_moves_without_drop_tracking() {
    let mut s = crate::session::Session::new(crate::session::Options::default());
    s.set_stdout(Box::new(std::io::sink()));
    for input in ["let v = vec![1, 2];", "let w = v;"] {
        let (o, _) = s.eval_repl(input);
        assert!(matches!(o, crate::session::Outcome::Finished), "{input}: {o:?}");
    }
    assert!(matches!(s.eval_repl("v.len()").0, crate::session::Outcome::CompileErrors(_)));
    let vars = s.vars();
    assert_eq!(vars.iter().find(|v| v.0 == "v").map(|v| v.2.as_str()), Some("<moved>"));
    assert_eq!(vars.iter().find(|v| v.0 == "w").map(|v| v.2.as_str()), Some("[1, 2]"));
}
