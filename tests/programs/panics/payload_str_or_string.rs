// The payload of a panic, as `catch_unwind` or `JoinHandle::join` gives it: a `&'static str`
// when rustc formats the message at compile time (no arguments, or only string and integer
// literals under plain `{}`: `format_args!` inlines them), a `String` otherwise.
use std::panic;
fn kind(f: fn()) -> &'static str {
    let e = panic::catch_unwind(f).unwrap_err();
    if e.downcast_ref::<&str>().is_some() { "str" } else if e.downcast_ref::<String>().is_some() { "String" } else { "other" }
}
fn main() {
    println!("int {}", kind(|| panic!("a {}", 7)));
    println!("int suffixed {}", kind(|| panic!("a {}", 7u8)));
    println!("int big {}", kind(|| panic!("a {}", 3u8 as u32)));
    println!("neg {}", kind(|| panic!("a {}", -7)));
    println!("str {}", kind(|| panic!("a {}", "x")));
    println!("char {}", kind(|| panic!("a {}", 'c')));
    println!("bool {}", kind(|| panic!("a {}", true)));
    println!("float {}", kind(|| panic!("a {}", 1.5)));
    println!("debug int {}", kind(|| panic!("a {:?}", 7)));
    println!("debug str {}", kind(|| panic!("a {:?}", "x")));
    println!("width {}", kind(|| panic!("a {:>5}", 7)));
    println!("pos {}", kind(|| panic!("a {0} {0}", 7)));
    println!("named {}", kind(|| panic!("a {n}", n = 7)));
    println!("hex {}", kind(|| panic!("a {:x}", 7)));
    println!("two {}", kind(|| panic!("a {} {}", 7, "b")));
    println!("const {}", kind(|| { const C: i32 = 3; panic!("a {}", C) }));
    println!("none {}", kind(|| panic!("plain")));
    println!("escaped {}", kind(|| panic!("a {{}}")));
    println!("expect {}", kind(|| { None::<i32>.expect("nothing here"); }));
    println!("unwrap {}", kind(|| { None::<i32>.unwrap(); }));
    println!("assert {}", kind(|| assert!(1 > 2)));
    println!("assert msg {}", kind(|| assert!(1 > 2, "msg {}", 1)));
    println!("assert_eq {}", kind(|| assert_eq!(1, 2)));
    println!("unreachable {}", kind(|| unreachable!()));
    println!("unreachable msg {}", kind(|| unreachable!("x {}", 1)));
    println!("todo {}", kind(|| todo!()));
    println!("overflow {}", kind(|| { let x: u8 = 255; let _ = x + std::hint::black_box(1); }));
    println!("index {}", kind(|| { let v: Vec<i32> = vec![]; let _ = v[std::hint::black_box(3)]; }));
    println!("div {}", kind(|| { let _ = 1 / std::hint::black_box(0); }));
    println!("refcell {}", kind(|| { let c = std::cell::RefCell::new(1); let _a = c.borrow_mut(); let _b = c.borrow_mut(); }));

    println!("unreachable plain {}", kind(|| unreachable!("plain")));
    println!("todo plain {}", kind(|| todo!("plain")));
    println!("todo args {}", kind(|| todo!("x {}", 1)));
    println!("unimpl plain {}", kind(|| unimplemented!("plain")));
    println!("unimpl args {}", kind(|| unimplemented!("x {}", 1)));
    println!("empty spec {}", kind(|| panic!("a {:}", 7)));
    println!("hexlit {}", kind(|| panic!("a {} {}", 0x1f, 0xffu8)));
    println!("underscore {}", kind(|| panic!("a {}", 1_000)));
    println!("raw {}", kind(|| panic!(r"a {}", 7)));
    println!("str debug named {}", kind(|| panic!("a {n:?}", n = "x")));
    println!("assert_ne {}", kind(|| assert_ne!(1, 1)));
    println!("debug_assert msg {}", kind(|| debug_assert!(false, "m {}", "s")));
    println!("expect_err {}", kind(|| { Ok::<i32, i32>(1).expect_err("e"); }));
    println!("result unwrap {}", kind(|| { Err::<i32, i32>(1).unwrap(); }));
    println!("shift {}", kind(|| { let _ = 1i32 << std::hint::black_box(40); }));
    println!("neg overflow {}", kind(|| { let _ = -std::hint::black_box(i32::MIN); }));
    println!("rem zero {}", kind(|| { let _ = 1 % std::hint::black_box(0); }));
    println!("slice {}", kind(|| { let v = [1, 2]; let _ = &v[std::hint::black_box(1)..std::hint::black_box(5)]; }));
    println!("str slice {}", kind(|| { let s = "héllo"; let _ = &s[std::hint::black_box(0)..std::hint::black_box(2)]; }));
}
