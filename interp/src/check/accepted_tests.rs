//! Programs rustc accepts (each checked with rustc 1.95, edition 2021) on which the checks
//! must report nothing: re-initialization, diverging branches, Copy and reference values,
//! borrowing closures, partial moves, patterns by reference, scoped threads, Arc sharing.

const ACCEPTED: &[&str] = &[
    // arc_mutex_in_scope
    r#"use std::sync::{Arc, Mutex};
use std::thread;
fn main() {
    let m = Arc::new(Mutex::new(0));
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| { *m.lock().unwrap() += 1; });
        }
    });
    println!("{}", m.lock().unwrap());
}"#,
    // arc_string_threads
    r#"use std::sync::Arc;
use std::thread;
fn main() {
    let s = Arc::new(String::from("shared"));
    let hs: Vec<_> = (0..2).map(|_| { let s = Arc::clone(&s); thread::spawn(move || s.len()) }).collect();
    for h in hs { println!("{}", h.join().unwrap()); }
    println!("{s}");
}"#,
    // box_dyn_trait_method
    r#"trait Shape { fn area(&self) -> f64; }
struct Sq(f64);
impl Shape for Sq { fn area(&self) -> f64 { self.0 * self.0 } }
fn main() {
    let b: Box<dyn Shape> = Box::new(Sq(2.0));
    println!("{} {}", b.area(), b.area());
}"#,
    // clone_then_move
    r#"fn f(s: String) -> usize { s.len() }
fn main() {
    let s = String::from("abc");
    let n = f(s.clone());
    let m = f(s);
    println!("{n} {m}");
}"#,
    // closure_fnonce_called_in_spawn
    r#"use std::thread;
fn main() {
    let v = vec![1];
    let f = move || v.len();
    let h = thread::spawn(move || f());
    println!("{}", h.join().unwrap());
}"#,
    // closure_moves_local_then_new
    r#"fn main() {
    let mut s = String::from("a");
    let c = move || s.len();
    s = String::from("b");
    println!("{} {s}", c());
}"#,
    // diverge_panic_branch
    r#"fn main() {
    let v = vec![1];
    let n = std::env::args().count();
    if n > 100 {
        drop(v);
        panic!("no");
    }
    println!("{:?}", v);
}"#,
    // diverge_process_exit
    r#"fn main() {
    let v = vec![1];
    if std::env::args().count() > 100 {
        drop(v);
        std::process::exit(1);
    }
    println!("{:?}", v);
}"#,
    // enum_copy_derive
    r#"#[derive(Clone, Copy, Debug, PartialEq)]
enum S { A, B(i32) }
fn f(s: S) -> bool { s == S::A }
fn main() {
    let s = S::B(2);
    println!("{} {} {:?}", f(s), f(s), s);
}"#,
    // format_named_capture_after_clone
    r#"fn main() {
    let s = String::from("x");
    let t = s.clone();
    drop(t);
    println!("{s} {s:?}");
}"#,
    // generic_fn_move_copy_arg
    r#"fn twice<T: Copy + std::fmt::Debug>(t: T) -> (T, T) { (t, t) }
fn main() {
    let x = 3;
    let p = twice(x);
    let q = twice(x);
    println!("{:?} {:?}", p, q);
}"#,
    // hashmap_entry_and_get
    r#"use std::collections::HashMap;
fn main() {
    let mut m: HashMap<String, Vec<i32>> = HashMap::new();
    let k = String::from("a");
    m.entry(k.clone()).or_default().push(1);
    m.insert(k, vec![2]);
    println!("{:?}", m.get("a"));
}"#,
    // if_let_partial
    r#"fn main() {
    let pair = (String::from("a"), 5);
    let (a, n) = pair;
    println!("{a} {n}");
}"#,
    // iter_into_iter_on_ref
    r#"fn main() {
    let v = vec![String::from("a")];
    for s in (&v).into_iter() { println!("{s}"); }
    let w: Vec<&String> = v.iter().collect();
    println!("{:?} {:?}", w, v);
}"#,
    // labeled_block
    r#"fn main() {
    let s = String::from("a");
    let r = 'b: {
        if s.len() > 5 { break 'b 0; }
        s.len()
    };
    println!("{r} {s}");
}"#,
    // let_else
    r#"fn main() {
    let v = vec![String::from("a")];
    let Some(first) = v.first() else { return; };
    println!("{first} {:?}", v);
}"#,
    // loop_break_value
    r#"fn main() {
    let v = vec![1];
    let r = loop {
        break v;
    };
    println!("{:?}", r);
}"#,
    // loop_move_then_break_in_if
    r#"fn main() {
    let data = vec![1, 2];
    let mut i = 0;
    loop {
        i += 1;
        if i == 3 {
            let d = data;
            println!("{:?}", d);
            break;
        }
    }
}"#,
    // match_arm_moves_and_returns
    r#"fn pick(v: Vec<i32>, k: i32) -> usize {
    match k {
        0 => { let w = v; return w.len(); }
        _ => {}
    }
    v.len()
}
fn main() { println!("{} {}", pick(vec![1], 0), pick(vec![1, 2], 1)); }"#,
    // match_move_then_reassign
    r#"fn main() {
    let mut s = Some(String::from("a"));
    match s {
        Some(x) => println!("{x}"),
        None => {}
    }
    s = None;
    println!("{:?}", s);
}"#,
    // move_in_while_let_body_with_reinit
    r#"fn main() {
    let mut stack = vec![vec![1], vec![2]];
    let mut cur = Vec::new();
    while let Some(next) = stack.pop() {
        let old = cur;
        println!("{:?}", old);
        cur = next;
    }
    println!("{:?}", cur);
}"#,
    // moved_in_closure_param_only
    r#"fn main() {
    let f = |v: Vec<i32>| v.len();
    let a = vec![1];
    let b = vec![2];
    println!("{} {}", f(a), f(b));
}"#,
    // moved_then_assigned_field_struct
    r#"#[derive(Debug)]
struct P { a: String }
fn main() {
    let mut p = P { a: String::from("x") };
    let q = p;
    p = P { a: String::from("y") };
    println!("{:?} {:?}", p, q);
}"#,
    // mutable_ref_reborrow
    r#"fn add(v: &mut Vec<i32>, x: i32) { v.push(x); }
fn main() {
    let mut v = Vec::new();
    let r = &mut v;
    add(r, 1);
    add(r, 2);
    r.push(3);
    println!("{:?}", v);
}"#,
    // mutex_guard_drop_relock
    r#"use std::sync::Mutex;
fn main() {
    let m = Mutex::new(vec![1]);
    let mut g = m.lock().unwrap();
    g.push(2);
    drop(g);
    let g2 = m.lock().unwrap();
    println!("{:?}", *g2);
}"#,
    // nested_fn_same_names
    r#"fn main() {
    let v = vec![1];
    fn inner() -> Vec<i32> { let v = vec![2]; let w = v; w }
    println!("{:?} {:?}", inner(), v);
}"#,
    // option_as_ref
    r#"fn main() {
    let o = Some(String::from("x"));
    let l = o.as_ref().map(|s| s.len());
    let m = o.as_deref().unwrap_or("");
    println!("{:?} {m} {:?}", l, o);
}"#,
    // or_pattern_bindings
    r#"enum E { A(String), B(String) }
fn main() {
    let e = E::A(String::from("a"));
    let s = match e { E::A(s) | E::B(s) => s };
    println!("{s}");
}"#,
    // rc_clone_pattern
    r#"use std::rc::Rc;
fn main() {
    let a = Rc::new(5);
    let b = Rc::clone(&a);
    let c = a.clone();
    println!("{a} {b} {c} {}", Rc::strong_count(&a));
}"#,
    // ref_binding_let
    r#"fn main() {
    let s = String::from("a");
    let ref r = s;
    println!("{r} {s}");
}"#,
    // result_question
    r#"fn parse(s: String) -> Result<i32, std::num::ParseIntError> {
    let t = s.trim().to_string();
    let n: i32 = t.parse()?;
    Ok(n + t.len() as i32)
}
fn main() { println!("{:?}", parse(String::from(" 4 "))); }"#,
    // scoped_threads_borrow
    r#"use std::thread;
fn main() {
    let mut v = vec![1, 2, 3];
    let total: i32 = thread::scope(|s| {
        let h = s.spawn(|| v.iter().sum::<i32>());
        h.join().unwrap()
    });
    v.push(total);
    println!("{:?}", v);
}"#,
    // self_method_chain
    r#"struct B { parts: Vec<String> }
impl B {
    fn new() -> B { B { parts: vec![] } }
    fn add(mut self, s: &str) -> B { self.parts.push(s.to_string()); self }
    fn build(self) -> String { self.parts.join(",") }
}
fn main() {
    let b = B::new().add("a").add("b");
    let s = b.build();
    println!("{s}");
}"#,
    // shadow_in_inner_block
    r#"fn main() {
    let s = String::from("outer");
    {
        let s = String::from("inner");
        drop(s);
    }
    println!("{s}");
}"#,
    // sort_by_key_closure
    r#"fn main() {
    let mut v = vec![String::from("bb"), String::from("a")];
    let key = 1usize;
    v.sort_by_key(|s| s.len() + key);
    println!("{:?} {key}", v);
}"#,
    // spawn_with_fn_item
    r#"use std::thread;
fn work() -> i32 { 5 }
fn main() {
    let h = thread::spawn(work);
    println!("{}", h.join().unwrap());
}"#,
    // static_str_copy_in_spawn_move
    r#"use std::thread;
fn main() {
    let name = "worker";
    let h = thread::spawn(move || name.len());
    println!("{} {name}", h.join().unwrap());
}"#,
    // string_add_assign
    r#"fn main() {
    let mut s = String::from("a");
    let t = String::from("b");
    s += &t;
    s += "c";
    println!("{s} {t}");
}"#,
    // struct_update_copy_rest
    r#"#[derive(Debug)]
struct C { name: String, a: i32, b: i32 }
fn main() {
    let c = C { name: String::from("x"), a: 1, b: 2 };
    let d = C { name: String::from("y"), ..c };
    println!("{:?} {}", d, c.name);
}"#,
    // tuple_struct_newtype_copy
    r#"#[derive(Clone, Copy, Debug)]
struct Meters(f64);
fn main() {
    let m = Meters(1.5);
    let n = m;
    println!("{:?} {:?} {}", m, n, m.0);
}"#,
    // two_closures_borrowing
    r#"fn main() {
    let v = vec![1, 2];
    let a = || v.len();
    let b = || v.iter().sum::<i32>();
    println!("{} {} {:?}", a(), b(), v);
}"#,
    // vec_of_handles
    r#"use std::thread;
fn main() {
    let mut hs = Vec::new();
    for i in 0..3 {
        hs.push(thread::spawn(move || i * 2));
    }
    let mut total = 0;
    for h in hs { total += h.join().unwrap(); }
    println!("{total}");
}"#,
    // while_reinit
    r#"fn take(v: Vec<i32>) -> usize { v.len() }
fn main() {
    let mut v = vec![1];
    let mut i = 0;
    while i < 3 {
        take(v);
        v = vec![i];
        i += 1;
    }
    println!("{:?}", v);
}"#,
    // array_of_copy
    r#"fn sum(a: [i32; 3]) -> i32 { a.iter().sum() }
fn main() {
    let a = [1, 2, 3];
    println!("{} {} {:?}", sum(a), sum(a), a);
}"#,
    // closure_in_loop_fresh_var
    r#"fn main() {
    let mut fs: Vec<Box<dyn Fn() -> usize>> = Vec::new();
    for i in 0..3 {
        let data = vec![i; 2];
        fs.push(Box::new(move || data.len()));
    }
    for f in &fs { println!("{}", f()); }
}"#,
    // closure_returning_captured_ref
    r#"fn main() {
    let s = String::from("hi");
    let get = || &s;
    println!("{} {} {}", get(), get(), s);
}"#,
    // generic_method_by_ref
    r#"struct Bag<T> { items: Vec<T> }
impl<T: std::fmt::Debug> Bag<T> {
    fn show(&self) { println!("{:?}", self.items); }
    fn take(self) -> Vec<T> { self.items }
}
fn main() {
    let b = Bag { items: vec![String::from("a")] };
    b.show();
    b.show();
    let items = b.take();
    println!("{:?}", items);
}"#,
    // impl_in_fn_body
    r#"fn main() {
    struct P { v: Vec<i32> }
    impl P { fn total(&self) -> i32 { self.v.iter().sum() } }
    let p = P { v: vec![1, 2] };
    println!("{} {}", p.total(), p.total());
}"#,
    // labeled_continue_reinit
    r#"fn eat(v: Vec<i32>) -> usize { v.len() }
fn main() {
    let mut v = vec![1];
    'outer: for i in 0..3 {
        for j in 0..3 {
            if j == 1 {
                eat(v);
                v = vec![i, j];
                continue 'outer;
            }
        }
    }
    println!("{:?}", v);
}"#,
    // match_shadow_in_arms
    r#"fn main() {
    let s = String::from("x");
    let n = 2;
    let out = match n {
        1 => { let s = String::from("one"); s }
        _ => s.clone(),
    };
    println!("{out} {s}");
}"#,
    // move_closure_copy_capture_iter
    r#"fn main() {
    let offset = 3;
    let v = vec![1, 2];
    let w: Vec<i32> = v.iter().map(move |x| x + offset).collect();
    println!("{:?} {:?} {offset}", v, w);
}"#,
    // move_into_fn_in_else_if_chain
    r#"fn eat(s: String) -> usize { s.len() }
fn main() {
    let s = String::from("abc");
    let n = std::env::args().count();
    let r = if n > 10 { eat(s) } else if n > 5 { eat(s) } else { eat(s) };
    println!("{r}");
}"#,
    // option_take_replace
    r#"fn main() {
    let mut slot = Some(String::from("v"));
    let t = slot.take();
    let r = slot.replace(String::from("w"));
    println!("{:?} {:?} {:?}", t, r, slot);
}"#,
    // return_in_closure_not_fn
    r#"fn main() {
    let v = vec![1];
    let f = |x: i32| -> i32 { if x > 0 { return x; } 0 };
    println!("{} {:?}", f(1), v);
}"#,
    // scope_move_refs
    r#"use std::thread;
fn main() {
    let data = vec![1, 2, 3];
    let r = &data;
    thread::scope(|s| {
        s.spawn(move || println!("{:?}", r));
        s.spawn(move || println!("{}", r.len()));
    });
    println!("{:?}", data);
}"#,
    // trait_default_consuming
    r#"trait Named { fn name(&self) -> String; fn into_label(self) -> String where Self: Sized { format!("<{}>", self.name()) } }
#[derive(Clone)]
struct A;
impl Named for A { fn name(&self) -> String { "a".into() } }
fn main() {
    let a = A;
    let l = a.clone().into_label();
    println!("{l} {}", a.name());
}"#,
    // tuple_of_refs_copied
    r#"fn main() {
    let a = String::from("a");
    let b = String::from("b");
    let pair = (&a, &b);
    let p2 = pair;
    println!("{:?} {:?} {a}", pair, p2);
}"#,
    // vec_index_clone
    r#"fn main() {
    let v = vec![String::from("a")];
    let first = v[0].clone();
    let again = &v[0];
    println!("{first} {again} {:?}", v);
}"#,
    // while_let_with_moves_inside
    r#"fn main() {
    let mut queue = vec![String::from("a"), String::from("b")];
    let mut seen = Vec::new();
    while let Some(item) = queue.pop() {
        let copy = item;
        seen.push(copy);
    }
    println!("{:?} {:?}", queue, seen);
}"#,
    // if_let_return_then_use
    r#"fn main() {
    let opt = Some(String::from("a"));
    let n = std::env::args().count();
    if n > 10 {
        if let Some(s) = opt {
            println!("{s}");
            return;
        }
    }
    println!("{:?}", opt);
}"#,
    // let_tuple_copy_field_after
    r#"fn main() {
    let pair = (String::from("x"), 5);
    let (a, b) = pair;
    println!("{a} {b} {}", pair.1);
}"#,
    // linked_list_walk
    r#"struct Node { val: i32, next: Option<Box<Node>> }
fn main() {
    let list = Some(Box::new(Node { val: 1, next: Some(Box::new(Node { val: 2, next: None })) }));
    let mut cur = list;
    let mut sum = 0;
    while let Some(node) = cur {
        sum += node.val;
        cur = node.next;
    }
    println!("{sum}");
}"#,
    // match_and_reassign_in_arm
    r#"fn main() {
    let mut state = Some(String::from("start"));
    for _ in 0..3 {
        match state {
            Some(s) => { println!("{s}"); state = Some(format!("{s}!")); }
            None => { state = None; }
        }
    }
    println!("{:?}", state);
}"#,
    // match_copy_fields_of_enum
    r#"#[derive(Debug)]
enum Shape { Rect(f64, f64), Named(String) }
fn main() {
    let s = Shape::Rect(2.0, 3.0);
    let area = match s { Shape::Rect(w, h) => w * h, Shape::Named(_) => 0.0 };
    println!("{area} {:?}", s);
}"#,
    // match_message_enum
    r#"enum Message { Write(String), Quit }
fn main() {
    let msgs = vec![Message::Write(String::from("hi")), Message::Quit];
    for msg in msgs {
        match msg {
            Message::Write(text) => println!("{text}"),
            Message::Quit => println!("quit"),
        }
    }
}"#,
    // match_on_option_of_copy
    r#"fn main() {
    let o = Some(3);
    match o { Some(x) => println!("{x}"), None => {} }
    println!("{:?}", o);
}"#,
    // match_ref_binding_then_use
    r#"fn main() {
    let opt = Some(String::from("a"));
    match opt {
        Some(ref s) => println!("{s}"),
        None => {}
    }
    if let Some(s) = &opt { println!("{s}"); }
    println!("{:?}", opt);
}"#,
    // result_match_then_shadow
    r#"fn main() {
    let r: Result<String, String> = Ok(String::from("ok"));
    let r = match r { Ok(v) => v, Err(e) => e };
    println!("{r}");
}"#,
    // self_match_by_value
    r#"enum Tree { Leaf(String), Node(Box<Tree>, Box<Tree>) }
impl Tree {
    fn leaves(self) -> Vec<String> {
        match self {
            Tree::Leaf(s) => vec![s],
            Tree::Node(l, r) => { let mut v = l.leaves(); v.extend(r.leaves()); v }
        }
    }
}
fn main() {
    let t = Tree::Node(Box::new(Tree::Leaf("a".into())), Box::new(Tree::Leaf("b".into())));
    println!("{:?}", t.leaves());
}"#,
    // struct_pattern_copy_fields
    r#"struct P { name: String, age: u32, score: i64 }
fn main() {
    let p = P { name: String::from("a"), age: 3, score: 9 };
    let P { age, score, .. } = p;
    println!("{age} {score} {}", p.name);
    let P { name, .. } = p;
    println!("{name} {}", p.age);
}"#,
    // while_let_pop_vec_of_strings
    r#"fn main() {
    let mut v = vec![String::from("a")];
    while let Some(s) = v.pop() { println!("{s}"); }
    println!("{:?}", v);
}"#,
    // wild_in_match_no_move
    r#"fn main() {
    let opt = Some(String::from("a"));
    match opt { Some(_) => println!("some"), None => {} }
    let t = (String::from("x"), String::from("y"));
    let (_, _) = t;
    println!("{:?} {:?}", opt, t);
}"#,
];

#[test]
fn accepted_programs_give_no_reports() {
    for src in ACCEPTED {
        let ds = super::tests::check(src);
        assert!(ds.is_empty(), "false positive in\n{src}\n{ds:#?}");
    }
}
