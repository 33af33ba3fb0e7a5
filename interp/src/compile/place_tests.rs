//! Value semantics of places, through the whole interpreter: writes through nested places
//! reach the object, `Copy` aggregates are copied when read by value and aliased when used
//! as a place (receivers, bases of fields and indexes, `ref` patterns). Expected outputs
//! are what rustc's build of each program prints.

use crate::session::{Options, Session};
use crate::test_support::{run_program, Buf};

fn check(src: &str, expected: &str) {
    let (out, o) = run_program(src);
    assert_eq!(out, expected, "outcome {o:?}");
}

const P: &str = "#[derive(Debug, Clone, Copy)]
struct P { x: i32, y: i32 }
impl P {
    fn bump(&mut self) { self.x += 1; }
    fn moved(mut self) -> P { self.y = 1000; self }
}
#[derive(Debug, Clone, Copy)]
struct U { p: P, q: P }
";

#[test]
fn receiver_of_a_boxed_copy_local_is_the_local() {
    check(
        &format!("{P}fn main() {{
    let mut a = P {{ x: 1, y: 2 }};
    let r = &mut a;
    r.bump();
    a.bump();
    a.x += 10;
    let b = a.moved();
    println!(\"{{:?}} {{:?}}\", a, b);
}}"),
        "P { x: 13, y: 2 } P { x: 13, y: 1000 }\n",
    );
}

#[test]
fn receivers_and_bases_of_copy_fields_and_elements_alias() {
    check(
        &format!("{P}fn main() {{
    let a = P {{ x: 0, y: 0 }};
    let mut u = U {{ p: a, q: a }};
    u.p.bump();
    let mut us = [u; 2];
    us[1].p.bump();
    us[0].q.x = 7;
    let mut grid = vec![vec![a; 2]; 2];
    grid[1][0].bump();
    (*&mut grid[0][1]).y = 5;
    println!(\"{{:?}} {{:?}} {{:?}}\", u, us, grid);
}}"),
        "U { p: P { x: 1, y: 0 }, q: P { x: 0, y: 0 } } \
[U { p: P { x: 1, y: 0 }, q: P { x: 7, y: 0 } }, U { p: P { x: 2, y: 0 }, q: P { x: 0, y: 0 } }] \
[[P { x: 0, y: 0 }, P { x: 0, y: 5 }], [P { x: 1, y: 0 }, P { x: 0, y: 0 }]]\n",
    );
}

#[test]
fn by_value_reads_of_copy_places_copy() {
    check(
        &format!("{P}fn main() {{
    let a = P {{ x: 1, y: 1 }};
    let u = U {{ p: a, q: a }};
    let mut c = a;
    c.bump();
    let mut w = u.p;
    w.bump();
    let t = (a, 5);
    let (mut tp, _) = t;
    tp.x = 50;
    let opt = Some(a);
    if let Some(mut p) = opt {{ p.y = 44; }}
    println!(\"{{:?}} {{:?}} {{:?}} {{:?}} {{:?}} {{:?}}\", a, c, u.p, w, t.0, opt);
}}"),
        "P { x: 1, y: 1 } P { x: 2, y: 1 } P { x: 1, y: 1 } P { x: 2, y: 1 } P { x: 1, y: 1 } Some(P { x: 1, y: 1 })\n",
    );
}

#[test]
fn ref_bindings_of_let_are_places_of_the_initializer() {
    check(
        "fn main() {
    let mut pair = (1, 2);
    let (ref mut a, _) = pair;
    *a += 100;
    let mut opt = Some((0, 0));
    if let Some(ref mut p) = opt { p.1 = 43; }
    println!(\"{:?} {:?}\", pair, opt);
}",
        "(101, 2) Some((0, 43))\n",
    );
}

#[test]
fn non_move_closures_borrow_copy_aggregates_move_closures_copy_them() {
    check(
        "#[derive(Debug, Clone, Copy)]
struct P { x: i32, y: i32 }
fn main() {
    let mut total = P { x: 0, y: 0 };
    let mut add = |p: P| { total.x += p.x; total.y += p.y; };
    add(P { x: 1, y: 2 });
    add(P { x: 3, y: 4 });
    let mut arr = [P { x: 0, y: 0 }; 2];
    let mut f = || arr[1].x += 5;
    f();
    f();
    let mut own = move || { total.x += 100; total.x };
    println!(\"{} {:?} {:?}\", own(), total, arr);
}",
        "104 P { x: 4, y: 6 } [P { x: 0, y: 0 }, P { x: 10, y: 0 }]\n",
    );
}

#[test]
fn by_value_reads_of_bindings_loop_items_and_update_bases_copy() {
    check(
        "#[derive(Debug, Clone, Copy)]
struct P { x: i32, y: i32 }
#[derive(Debug, Clone, Copy)]
struct U { p: P, q: P }
fn main() {
    let u = U { p: P { x: 1, y: 1 }, q: P { x: 2, y: 2 } };
    let mut u2 = U { p: P { x: 0, y: 0 }, ..u };
    u2.q.x = 50;
    let v = vec![P { x: 1, y: 1 }, P { x: 2, y: 2 }];
    let w: Vec<P> = v.iter().map(|&p| { let mut q = p; q.x -= 1; q }).collect();
    let arr = [P { x: 1, y: 1 }; 2];
    let mut out = Vec::new();
    for mut q in arr { q.x += 1; out.push(q); }
    println!(\"{:?} {:?} {:?} {:?} {:?} {:?}\", u.q, u2.q, v, w, arr, out);
}",
        "P { x: 2, y: 2 } P { x: 50, y: 2 } [P { x: 1, y: 1 }, P { x: 2, y: 2 }] [P { x: 0, y: 1 }, P { x: 1, y: 2 }] \
[P { x: 1, y: 1 }, P { x: 1, y: 1 }] [P { x: 2, y: 1 }, P { x: 2, y: 1 }]\n",
    );
}

#[test]
fn a_boxed_binding_of_a_mut_reference_writes_through_it() {
    // `v` is boxed (the name is borrowed `&mut` later in the function): reading it as a
    // place unwraps the box only, not the reference it holds.
    check(
        "struct Node { val: i32 }
fn main() {
    let mut h = Some(Node { val: 1 });
    if let Some(v) = h.as_mut().map(|n| &mut n.val) { *v += 1; }
    let mut v = vec![1];
    let r = &mut v;
    r.push(2);
    println!(\"{} {:?}\", h.unwrap().val, v);
}",
        "2 [1, 2]\n",
    );
}

#[test]
fn vec_natives_store_copies_of_copy_elements() {
    check(
        "#[derive(Debug, Clone, Copy)]
struct P { x: i32 }
fn main() {
    let other = [P { x: 2 }, P { x: 3 }];
    let mut v = vec![P { x: 1 }];
    v.extend(other.iter());
    v[1].x = 60;
    let mut c = [P { x: 0 }; 2];
    c.copy_from_slice(&other);
    c[0].x = 77;
    let mut d = [P { x: 0 }; 2];
    d.clone_from_slice(&other[..]);
    println!(\"{:?} {:?} {:?} {:?}\", v, c, d, other);
}",
        "[P { x: 1 }, P { x: 60 }, P { x: 3 }] [P { x: 77 }, P { x: 3 }] [P { x: 2 }, P { x: 3 }] [P { x: 2 }, P { x: 3 }]\n",
    );
}

#[test]
fn destructuring_assignment_to_fields_elements_and_later_initialized_names() {
    check(
        "#[derive(Debug, Clone, Copy)]
struct P { x: i32, y: i32 }
fn main() {
    let mut a = P { x: 1, y: 2 };
    (a.x, a.y) = (a.y, a.x);
    let mut v = vec![1, 2];
    (v[0], v[1]) = (v[1], v[0]);
    let (mut s, mut t);
    (s, t) = (a, a);
    s.x = 50;
    [t.y, _] = [70, 0];
    println!(\"{:?} {:?} {:?} {:?}\", a, v, s, t);
}",
        "P { x: 2, y: 1 } [2, 1] P { x: 50, y: 1 } P { x: 2, y: 70 }\n",
    );
}

#[test]
fn derived_default_of_a_user_typed_field_calls_its_impl() {
    check(
        "#[derive(Debug, Default, Clone, Copy)]
struct P { x: i32 }
#[derive(Debug)]
struct Q { n: u8 }
impl Default for Q { fn default() -> Self { Q { n: 7 } } }
#[derive(Debug, Default)]
struct W { p: P, q: Q, v: Vec<P>, o: Option<Q> }
#[derive(Debug, Default)]
struct T2(P, Q, String);
fn main() {
    let mut t = T2::default();
    t.0.x = 1;
    println!(\"{:?} {:?} {:?}\", W::default(), t, T2::default());
}",
        "W { p: P { x: 0 }, q: Q { n: 7 }, v: [], o: None } T2(P { x: 1 }, Q { n: 7 }, \"\") T2(P { x: 0 }, Q { n: 7 }, \"\")\n",
    );
}

#[test]
fn statics_are_places_not_copies() {
    check(
        "#[derive(Debug, Clone, Copy)]
struct P { x: i32 }
static mut COUNTS: [u32; 3] = [0; 3];
static mut ORIGIN: P = P { x: 0 };
static mut PAIR: (i32, i32) = (0, 0);
fn main() {
    unsafe {
        COUNTS[1] += 2;
        COUNTS[2] = 7;
        ORIGIN.x = 5;
        PAIR.1 = 9;
        let c = COUNTS;
        COUNTS[0] = 1;
        println!(\"{:?} {:?} {:?} {:?}\", COUNTS, ORIGIN, PAIR, c);
    }
}",
        "[1, 2, 7] P { x: 5 } (0, 9) [0, 2, 7]\n",
    );
}

#[test]
fn repl_variables_are_places_not_copies() {
    let mut s = Session::new(Options { args: vec!["prog".into()], backtrace: false });
    s.set_stdout(Box::new(Buf::default()));
    let mut last = None;
    for input in [
        "#[derive(Debug, Clone, Copy)] struct P { x: i32 }",
        "impl P { fn bump(&mut self) { self.x += 1; } }",
        "let mut a = [1, 2, 3];",
        "a[0] = 5;",
        "let mut t = (1, P { x: 0 });",
        "t.1.bump(); t.0 += 1;",
        "let b = a; a[1] = 0;",
        "(a, b, t)",
    ] {
        let (o, out) = s.eval_repl(input);
        assert!(matches!(o, crate::session::Outcome::Finished), "{input}: {o:?}");
        last = out.value;
    }
    assert_eq!(last.map(|v| v.0).as_deref(), Some("([5, 0, 3], [5, 2, 3], (2, P { x: 1 }))"));
}

#[test]
fn matching_on_mut_self_binds_places() {
    check(
        "#[derive(Debug, Clone, Copy)]
enum Shape { Circle(f64), Rect { w: f64, h: f64 } }
impl Shape {
    fn scale(&mut self, k: f64) {
        match self {
            Shape::Circle(r) => *r *= k,
            Shape::Rect { w, h } => { *w *= k; *h *= k; }
        }
    }
    fn grow(&mut self) {
        if let Shape::Rect { w, .. } = self { *w += 1.0; }
    }
}
fn main() {
    let mut s = Shape::Circle(1.0);
    s.scale(3.0);
    let mut r = Shape::Rect { w: 1.0, h: 2.0 };
    r.scale(2.0);
    r.grow();
    let mut v = vec![s, r];
    v[0].scale(2.0);
    println!(\"{:?} {:?} {:?}\", s, r, v);
}",
        "Circle(3.0) Rect { w: 3.0, h: 4.0 } [Circle(6.0), Rect { w: 3.0, h: 4.0 }]\n",
    );
}

#[test]
fn matching_on_inferred_mut_references_binds_places() {
    check(
        "#[derive(Debug, Clone, Copy)]
enum Shape { Circle(f64), Sq(f64) }
fn main() {
    let mut v = vec![Shape::Circle(1.0), Shape::Sq(2.0)];
    v.iter_mut().for_each(|s| match s { Shape::Circle(r) => *r += 1.0, Shape::Sq(a) => *a *= 3.0 });
    for s in v.iter_mut() { if let Shape::Sq(a) = s { *a += 0.5; } }
    for s in &mut v { match s { Shape::Circle(r) => *r *= 10.0, _ => {} } }
    let mut opts = vec![Some(1), None, Some(3)];
    for o in opts.iter_mut() { if let Some(x) = o { *x += 100; } }
    let mut pairs = vec![(1, 2)];
    for p in pairs.iter_mut() { let (a, b) = p; *a += 1; *b += 1; }
    println!(\"{:?} {:?} {:?}\", v, opts, pairs);
}",
        "[Circle(20.0), Sq(6.5)] [Some(101), None, Some(103)] [(2, 3)]\n",
    );
}

#[test]
fn assigning_a_boxed_local_drops_its_old_value() {
    // Boxed because `&mut g` is taken, and because a closure assigns `h`; a `move` closure's
    // own box drops its last value with the closure (rustc's output).
    check(
        "struct G(i32);
impl Drop for G { fn drop(&mut self) { println!(\"drop {}\", self.0); } }
fn main() {
    let mut g = G(1);
    { let r = &mut g; r.0 += 1; }
    g = G(3);
    let mut h = G(10);
    let mut set = || h = G(11);
    set();
    let mut m = G(20);
    let mut own = move || m = G(21);
    own();
    drop(own);
    println!(\"end {} {}\", g.0, h.0);
}",
        "drop 2\ndrop 10\ndrop 20\ndrop 21\nend 3 11\ndrop 11\ndrop 3\n",
    );
}
