//! End-to-end drop tests: programs whose expected output was produced by rustc.

use crate::session::{Options, Session};
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().map_err(|_| std::io::Error::other("poisoned"))?.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn run(src: &str) -> (String, i32) {
    let mut s = Session::new(Options::default());
    let buf = Buf::default();
    s.set_stdout(Box::new(buf.clone()));
    let code = s.run_file("t.rs", src).exit_code();
    drop(s);
    let out = String::from_utf8(buf.0.lock().map(|b| b.clone()).unwrap_or_default()).unwrap_or_default();
    (out, code)
}

#[test]
fn scope_moves_temporaries_and_natives() {
    let (out, code) = run(r#"use std::rc::Rc;
use std::cell::RefCell;
struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
struct Pair { a: D, b: D }
fn make(n: &'static str) -> D { D(n) }
fn consume(d: D) { println!("consume {}", d.0); }
fn ignore(_: D) { println!("ignore"); }
fn pass(d: D) -> D { d }
impl D { fn eat(self) { println!("eat {}", self.0); } fn name(&self) -> &'static str { self.0 } }
fn main() {
    let _ = D("underscore");
    let x = D("x1");
    let x = D("x2");
    println!("{} {}", make("t1").0, make("t2").0);
    let mut y = D("y1");
    y = D("y2");
    println!("reassigned {}", y.0);
    let mut v = vec![D("v0"), D("v1"), D("v2"), D("v3")];
    let r = v.remove(1);
    println!("removed {}", r.0);
    v.pop();
    println!("popped");
    v.truncate(1);
    println!("truncated");
    v.push(D("v4"));
    v.clear();
    println!("cleared");
    consume(D("c"));
    ignore(D("i"));
    let p = pass(D("p"));
    D("e").eat();
    let e2 = D("e2");
    e2.eat();
    println!("name {}", make("tmpname").name());
    let pair = Pair { a: D("pa"), b: D("pb") };
    let Pair { a, .. } = pair;
    println!("got {}", a.0);
    let rc = Rc::new(D("rc"));
    {
        let rc2 = Rc::clone(&rc);
        println!("count {}", Rc::strong_count(&rc2));
    }
    println!("count {}", Rc::strong_count(&rc));
    let cell = RefCell::new(D("cell"));
    *cell.borrow_mut() = D("cell2");
    println!("cell replaced");
    let mut o = Some(D("opt"));
    o = None;
    println!("none {}", o.is_none());
    for d in vec![D("l0"), D("l1")] {
        println!("loop {}", d.0);
    }
    let w = vec![D("w0"), D("w1")];
    for d in &w { println!("ref {}", d.0); }
    let boxed: Box<D> = Box::new(D("box"));
    println!("end {} {} {}", x.0, p.0, boxed.0);
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"drop underscore
t1 t2
drop t2
drop t1
drop y1
reassigned y2
removed v1
drop v3
popped
drop v2
truncated
drop v0
drop v4
cleared
consume c
drop c
ignore
drop i
eat e
drop e
eat e2
drop e2
name tmpname
drop tmpname
got pa
count 2
count 1
drop cell
cell replaced
drop opt
none true
loop l0
drop l0
loop l1
drop l1
ref w0
ref w1
end x2 p box
drop box
drop w0
drop w1
drop cell2
drop rc
drop pa
drop pb
drop p
drop v1
drop y2
drop x2
drop x1
"#);
}

#[test]
fn enums_dyn_maps_replace_closures() {
    let (out, code) = run(r#"use std::collections::HashMap;
struct D(String);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
fn d(s: &str) -> D { D(s.to_string()) }
trait Speak { fn hi(&self); }
impl Speak for D { fn hi(&self) { println!("hi {}", self.0); } }
enum E { A(D), B { x: D, y: D }, C }
struct Outer { inner: D, list: Vec<D> }
impl Drop for Outer { fn drop(&mut self) { println!("drop outer ({} items)", self.list.len()); } }
fn early(flag: bool) -> i32 {
    let _a = d("early_a");
    if flag { return 1; }
    let _b = d("early_b");
    2
}
fn main() {
    let boxed: Box<dyn Speak> = Box::new(d("dyn"));
    boxed.hi();
    let items: Vec<Box<dyn Speak>> = vec![Box::new(d("b0")), Box::new(d("b1"))];
    for it in items.iter() { it.hi(); }
    let mut m = HashMap::new();
    m.insert(1, d("m1"));
    m.insert(1, d("m1b"));
    println!("after insert");
    m.remove(&1);
    println!("after remove");
    let mut slot = d("slot1");
    let old = std::mem::replace(&mut slot, d("slot2"));
    println!("replaced {}", old.0);
    drop(old);
    let mut o = Some(d("opt"));
    if let Some(x) = o.take() { println!("took {}", x.0); }
    println!("after take");
    let e1 = E::A(d("ea"));
    let e2 = E::B { x: d("ex"), y: d("ey") };
    let e3 = E::C;
    match e1 { E::A(inner) => println!("matched {}", inner.0), _ => {} }
    println!("after match");
    let out = Outer { inner: d("oi"), list: vec![d("ol0"), d("ol1")] };
    println!("{} {}", early(true), early(false));
    for i in 0..3 {
        let l = d(&format!("loop{}", i));
        if i == 1 { continue; }
        if i == 2 { break; }
        println!("body {}", l.0);
    }
    let c = { let cap = d("cap"); move || println!("closure has {}", cap.0) };
    c();
    drop(c);
    println!("end");
    let _keep = (e2, e3, out);
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"hi dyn
hi b0
hi b1
drop m1
after insert
drop m1b
after remove
replaced slot1
drop slot1
took opt
drop opt
after take
matched ea
drop ea
after match
drop early_a
drop early_b
drop early_a
1 2
body loop0
drop loop0
drop loop1
drop loop2
closure has cap
drop cap
end
drop ex
drop ey
drop outer (2 items)
drop oi
drop ol0
drop ol1
drop slot2
drop b0
drop b1
drop dyn
"#);
}

#[test]
fn deep_list_is_dropped_without_recursion() {
    let (out, code) = run(r#"struct Node { id: u32, next: Option<Box<Node>> }
impl Drop for Node { fn drop(&mut self) { if self.id % 2500 == 0 { println!("drop node {}", self.id); } } }
fn main() {
    let mut head: Option<Box<Node>> = None;
    for id in 0..10000 { head = Some(Box::new(Node { id, next: head })); }
    println!("built");
    drop(head);
    println!("done");
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"built
drop node 7500
drop node 5000
drop node 2500
drop node 0
done
"#);
}

#[test]
fn capturing_closure_dropped_by_drop() {
    let (out, code) = run(r#"struct D(String);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
fn main() {
    let cap = D("cap".to_string());
    let c = move || println!("closure has {}", cap.0);
    drop(c);
    println!("end");
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"drop cap
end
"#);
}

#[test]
fn weak_upgrade_count() {
    let (out, code) = run(r#"use std::rc::{Rc, Weak};
struct N(i32);
impl Drop for N { fn drop(&mut self) { println!("drop N{}", self.0); } }
fn main() {
    let leaf = Rc::new(N(3));
    {
        let branch = Rc::new(N(5));
        let w: Weak<N> = Rc::downgrade(&branch);
        println!("a {}", Rc::strong_count(&branch));
        println!("up {:?}", w.upgrade().map(|p| p.0));
        println!("b {}", Rc::strong_count(&branch));
        let v = vec![Rc::clone(&leaf)];
        println!("c {} {}", Rc::strong_count(&leaf), v.len());
    }
    println!("d {}", Rc::strong_count(&leaf));
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"a 1
up Some(5)
b 1
c 2 1
drop N5
d 1
drop N3
"#);
}

#[test]
fn panic_unwinds_every_frame_innermost_first() {
    let (out, code) = run(r#"struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
struct Holder { a: D, b: D }
fn level2(v: Vec<D>) {
    let _x = D("l2x");
    let moved = D("l2moved");
    let keep = vec![moved];
    println!("len {} {}", v.len(), keep.len());
    let n: Option<i32> = None;
    n.unwrap();
}
fn level1() {
    let _h = Holder { a: D("ha"), b: D("hb") };
    let gone = D("gone");
    drop(gone);
    {
        let _inner = D("inner_scope");
    }
    for i in 0..2 {
        let _it = D("iter");
        if i == 1 { level2(vec![D("v0"), D("v1")]); }
    }
}
fn main() {
    let _m = D("main");
    level1();
}
"#);
    assert_eq!(code, 101);
    assert_eq!(out, r#"drop gone
drop inner_scope
drop iter
len 2 1
drop l2moved
drop l2x
drop v0
drop v1
drop iter
drop ha
drop hb
drop main
"#);
}
