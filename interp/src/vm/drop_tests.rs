//! End-to-end drop tests: programs whose expected output was produced by rustc.

use crate::test_support::run_program;

fn run(src: &str) -> (String, i32) {
    let (out, outcome) = run_program(src);
    (out, outcome.exit_code())
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

#[test]
fn into_iter_filter_drain_btreemap_generic_stack() {
    let (out, code) = run(r#"use std::collections::BTreeMap;
#[derive(Debug)]
struct D(u32);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
struct Stack<T> { items: Vec<T> }
impl<T> Stack<T> { fn push(&mut self, t: T) { self.items.push(t); } fn pop(&mut self) -> Option<T> { self.items.pop() } }
fn main() {
    let v: Vec<D> = (0..6).map(D).collect();
    let evens: Vec<D> = v.into_iter().filter(|d| d.0 % 2 == 0).collect();
    println!("evens {:?}", evens);
    let mut w: Vec<D> = (10..14).map(D).collect();
    let drained: Vec<D> = w.drain(1..3).collect();
    println!("drained {} left {}", drained.len(), w.len());
    let mut s = Stack { items: Vec::new() };
    s.push(D(20)); s.push(D(21));
    if let Some(top) = s.pop() { println!("popped {}", top.0); }
    println!("after pop");
    let mut m = BTreeMap::new();
    m.insert(3, D(33)); m.insert(1, D(31)); m.insert(2, D(32));
    m.insert(1, D(41));
    println!("map {}", m.len());
    let first = w.iter().find(|d| d.0 > 10).map(|d| d.0);
    println!("first {:?}", first);
    let total: u32 = w.iter().map(|d| d.0).sum();
    println!("total {}", total);
    let mut opt = Some(D(50));
    opt = None;
    println!("opt {:?}", opt.is_none());
    let names: Vec<String> = evens.iter().map(|d| format!("d{}", d.0)).collect();
    println!("{}", names.join(","));
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"drop 1
drop 3
drop 5
evens [D(0), D(2), D(4)]
drained 2 left 2
popped 21
drop 21
after pop
drop 31
map 3
first Some(13)
total 23
drop 50
opt true
d0,d2,d4
drop 41
drop 32
drop 33
drop 20
drop 11
drop 12
drop 10
drop 13
drop 0
drop 2
drop 4
"#);
}

#[test]
fn guards_exit_and_reassignment_in_loops() {
    let (out, code) = run(r#"use std::cell::Cell;
struct Guard<'a> { name: &'static str, count: &'a Cell<u32> }
impl<'a> Guard<'a> { fn new(name: &'static str, count: &'a Cell<u32>) -> Guard<'a> { println!("acquire {}", name); Guard { name, count } } fn label(&self) -> String { format!("<{}>", self.name) } }
impl Drop for Guard<'_> { fn drop(&mut self) { self.count.set(self.count.get() + 1); println!("release {} (total {})", self.name, self.count.get()); } }
fn work(c: &Cell<u32>) -> u32 {
    let _g = Guard::new("work", c);
    if c.get() > 100 { return 0; }
    let v = Guard::new("inner", c).label();
    println!("label {}", v);
    c.get()
}
fn main() {
    let c = Cell::new(0);
    let _ = Guard::new("ignored", &c);
    let _main = Guard::new("main", &c);
    println!("work -> {}", work(&c));
    let gs: Vec<Guard> = vec!["a", "b", "c"].into_iter().map(|n| Guard::new(n, &c)).collect();
    println!("have {}", gs.len());
    let mut slot = Guard::new("slot1", &c);
    for name in ["s2", "s3"] { slot = Guard::new(name, &c); }
    println!("slot {}", slot.name);
    std::process::exit(if c.get() > 0 { 0 } else { 1 });
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"acquire ignored
release ignored (total 1)
acquire main
acquire work
acquire inner
release inner (total 2)
label <inner>
release work (total 3)
work -> 2
acquire a
acquire b
acquire c
have 3
acquire slot1
acquire s2
release slot1 (total 4)
acquire s3
release s2 (total 5)
slot s3
"#);
}

#[test]
fn consumed_iterators_drop_what_they_hold() {
    let (out, code) = run(r#"struct D(u32);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
fn main() {
    let v: Vec<D> = (0..4).map(D).collect();
    for d in v {
        if d.0 == 1 { break; }
        println!("saw {}", d.0);
    }
    println!("after loop");
    let mut it = vec![D(10), D(11), D(12)].into_iter();
    let first = it.next();
    println!("first {}", first.as_ref().map(|d| d.0).unwrap_or(0));
    drop(it);
    println!("iter dropped");
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"saw 0
drop 0
drop 1
drop 2
drop 3
after loop
first 10
drop 11
drop 12
iter dropped
drop 10
"#);
}

#[test]
fn fields_elements_conditions_and_try_unwrap() {
    let (out, code) = run(r#"use std::rc::Rc;
use std::cell::RefCell;
struct D(&'static str);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
fn make(s: &'static str) -> D { D(s) }
struct S { f: D, g: i32 }
fn main() {
    let mut s = S { f: make("f1"), g: 1 };
    s.f = make("f2");
    println!("field assigned {}", s.g);
    let mut v = vec![make("e0"), make("e1")];
    v[0] = make("e0b");
    println!("elem assigned");
    make("stmt");
    println!("after stmt");
    if make("cond").0.len() > 2 { println!("in if"); }
    println!("after if");
    let mut n = 0;
    while make("w").0.len() > n { n += 1; println!("loop {}", n); }
    match make("scrut").0.len() { 5 => println!("five"), _ => println!("other") }
    println!("after match");
    let shared = Rc::new(RefCell::new(vec![make("r0")]));
    let s2 = Rc::clone(&shared);
    s2.borrow_mut().push(make("r1"));
    drop(shared);
    println!("one left {}", Rc::strong_count(&s2));
    let inner = Rc::try_unwrap(s2).ok().unwrap().into_inner();
    println!("unwrapped {}", inner.len());
    let b = Box::new(make("boxed"));
    let unboxed = *b;
    println!("unboxed {}", unboxed.0);
    let arr = [make("a0"), make("a1")];
    println!("arr {}", arr.len());
    let t = (make("t0"), 5, make("t1"));
    let (x, _, _) = t;
    println!("x {}", x.0);
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"drop f1
field assigned 1
drop e0
elem assigned
drop stmt
after stmt
drop cond
in if
after if
drop w
loop 1
drop w
five
drop scrut
after match
one left 1
unwrapped 2
unboxed boxed
arr 2
x t0
drop t0
drop t1
drop a0
drop a1
drop boxed
drop r0
drop r1
drop e0b
drop e1
drop f2
"#);
}

#[test]
fn rc_trees_shared_owners_and_refcell_vectors() {
    let (out, code) = run(r#"use std::cell::RefCell;
use std::rc::{Rc, Weak};
struct Node { name: String, parent: RefCell<Weak<Node>>, children: RefCell<Vec<Rc<Node>>> }
impl Drop for Node { fn drop(&mut self) { println!("drop node {}", self.name); } }
fn node(n: &str) -> Rc<Node> { Rc::new(Node { name: n.to_string(), parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) }) }
struct Owner { res: Rc<Res> }
struct Res(u32);
impl Drop for Res { fn drop(&mut self) { println!("drop res {}", self.0); } }
fn main() {
    let root = node("root");
    {
        let child = node("child");
        *child.parent.borrow_mut() = Rc::downgrade(&root);
        root.children.borrow_mut().push(Rc::clone(&child));
        println!("child strong {} weak {}", Rc::strong_count(&child), Rc::weak_count(&child));
        println!("root strong {} weak {}", Rc::strong_count(&root), Rc::weak_count(&root));
    }
    println!("children {}", root.children.borrow().len());
    let r = Rc::new(Res(1));
    let owners: Vec<Owner> = (0..3).map(|_| Owner { res: Rc::clone(&r) }).collect();
    println!("res count {}", Rc::strong_count(&r));
    drop(r);
    println!("dropped r");
    let cell = RefCell::new(vec![Res(10), Res(11)]);
    cell.borrow_mut().pop();
    println!("popped");
    cell.borrow_mut().clear();
    println!("cleared");
    drop(owners);
    println!("owners gone");
    let popped = root.children.borrow_mut().pop();
    println!("got {}", popped.map(|c| c.name.clone()).unwrap_or_default());
    println!("end");
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"child strong 2 weak 0
root strong 1 weak 1
children 1
res count 4
dropped r
drop res 11
popped
drop res 10
cleared
drop res 1
owners gone
drop node child
got child
end
drop node root
"#);
}

#[test]
fn while_let_and_match_on_temporaries_drop_each_item() {
    let (out, code) = run(r#"struct D(u32);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
fn main() {
    let mut stack = vec![D(1), D(2), D(3)];
    while let Some(top) = stack.pop() {
        println!("top {}", top.0);
    }
    println!("empty");
    let mut q = vec![D(7), D(8)];
    loop {
        match q.pop() {
            Some(d) => println!("got {}", d.0),
            None => break,
        }
    }
    println!("done");
    let maybe = Some(D(9));
    if let Some(ref d) = maybe { println!("ref {}", d.0); }
    println!("end");
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"top 3
drop 3
top 2
drop 2
top 1
drop 1
empty
got 8
drop 8
got 7
drop 7
done
ref 9
end
drop 9
"#);
}

#[test]
fn retain_dedup_and_iterator_consumers() {
    let (out, code) = run(r#"#[derive(Debug)]
struct D(u32);
impl Drop for D { fn drop(&mut self) { println!("drop {}", self.0); } }
fn main() {
    let mut v: Vec<D> = vec![D(3), D(1), D(2), D(4)];
    println!("count {}", v.iter().filter(|d| d.0 > 1).count());
    println!("max {:?}", v.iter().map(|d| d.0).max());
    v.sort_by_key(|d| d.0);
    println!("sorted {:?}", v);
    v.retain(|d| d.0 != 2);
    println!("retained {:?}", v);
    let total: u32 = v.iter().fold(0, |acc, d| acc + d.0);
    println!("total {}", total);
    v.dedup_by_key(|d| d.0 / 10);
    println!("dedup {:?}", v);
    let s = v.swap_remove(0);
    println!("swap_removed {:?}", s);
    v.insert(0, D(9));
    let last = v.last().map(|d| d.0);
    println!("last {:?}", last);
}
"#);
    assert_eq!(code, 0);
    assert_eq!(out, r#"count 3
max Some(4)
sorted [D(1), D(2), D(3), D(4)]
drop 2
retained [D(1), D(3), D(4)]
total 8
drop 3
drop 4
dedup [D(1)]
swap_removed D(1)
last Some(9)
drop 1
drop 9
"#);
}

/// A REPL session that adds a `Drop` impl after it built `Some(x)` of an object inline
/// (`Value::SomeObj`, made only while drops are not tracked): the payload's `drop` runs when
/// its owner dies, as it does for a `Some` built afterwards.
#[test]
fn inline_some_built_before_a_drop_impl_drops_its_payload() {
    use crate::session::{Options, Outcome, Session};
    let mut s = Session::new(Options::default());
    let buf = crate::test_support::Buf::default();
    s.set_stdout(Box::new(buf.clone()));
    for input in [
        "struct N { v: i32 }",
        "let a = Some(N { v: 1 });",
        "impl Drop for N { fn drop(&mut self) { println!(\"drop {}\", self.v); } }",
        "drop(a);",
        "println!(\"mid\");",
        "let b = Some(N { v: 2 });",
        "drop(b);",
    ] {
        let (o, _) = s.eval_repl(input);
        assert!(matches!(o, Outcome::Finished), "{input}: {o:?}");
    }
    assert_eq!(buf.text(), "drop 1\nmid\ndrop 2\n");
}
