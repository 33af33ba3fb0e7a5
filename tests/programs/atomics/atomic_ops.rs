// Every atomic operation, on several types, including wrapping arithmetic.
use std::sync::atomic::{
    AtomicBool, AtomicI16, AtomicI32, AtomicI64, AtomicI8, AtomicIsize, AtomicU16, AtomicU32, AtomicU64, AtomicU8,
    AtomicUsize, Ordering,
};

static HITS: AtomicUsize = AtomicUsize::new(0);
static FLAG: AtomicBool = AtomicBool::new(false);

fn bump(by: u8, a: &AtomicU8) -> u8 {
    a.fetch_add(by, Ordering::Relaxed)
}

fn main() {
    let a = AtomicI32::new(10);
    println!("load {}", a.load(Ordering::SeqCst));
    a.store(20, Ordering::Release);
    println!("swap {} -> {}", a.swap(30, Ordering::AcqRel), a.load(Ordering::Acquire));
    println!("fetch_add {} -> {}", a.fetch_add(5, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_sub {} -> {}", a.fetch_sub(40, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_max {} -> {}", a.fetch_max(3, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_min {} -> {}", a.fetch_min(-7, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_and {} -> {}", a.fetch_and(0b1100, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_or {} -> {}", a.fetch_or(0b0011, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_xor {} -> {}", a.fetch_xor(0b0101, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("fetch_nand {} -> {}", a.fetch_nand(0b0110, Ordering::SeqCst), a.load(Ordering::SeqCst));
    println!("cas {:?}", a.compare_exchange(-3, 100, Ordering::SeqCst, Ordering::Relaxed));
    println!("cas {:?}", a.compare_exchange(1, 100, Ordering::SeqCst, Ordering::Relaxed));
    let mut cur = a.load(Ordering::Relaxed);
    loop {
        match a.compare_exchange_weak(cur, cur * 2, Ordering::SeqCst, Ordering::Relaxed) {
            Ok(_) => break,
            Err(x) => cur = x,
        }
    }
    println!("doubled {}", a.load(Ordering::SeqCst));
    println!("fetch_update {:?}", a.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| if x > 0 { Some(x - 1) } else { None }));
    println!("fetch_update {:?}", AtomicI32::new(0).fetch_update(Ordering::SeqCst, Ordering::SeqCst, |x| if x > 0 { Some(x - 1) } else { None }));

    // Wrapping, as std's atomics do (no overflow panic).
    let u = AtomicU8::new(250);
    println!("u8 {} {} {}", bump(10, &u), u.load(Ordering::SeqCst), u.fetch_sub(5, Ordering::SeqCst));
    println!("u8 after {}", u.load(Ordering::SeqCst));
    let i = AtomicI8::new(127);
    println!("i8 {} -> {}", i.fetch_add(1, Ordering::SeqCst), i.load(Ordering::SeqCst));
    let w = AtomicU64::new(0);
    w.fetch_sub(1, Ordering::SeqCst);
    println!("u64 {}", w.load(Ordering::SeqCst));
    let m = AtomicI64::new(i64::MIN);
    println!("i64 {} -> {}", m.fetch_sub(1, Ordering::SeqCst), m.load(Ordering::SeqCst));
    let s = AtomicI16::new(-1);
    println!("i16 max {} -> {}", s.fetch_max(300, Ordering::SeqCst), s.load(Ordering::SeqCst));
    let t = AtomicU16::new(65535);
    println!("u16 {} -> {}", t.fetch_add(2, Ordering::SeqCst), t.load(Ordering::SeqCst));
    let v = AtomicU32::new(7);
    println!("u32 min {} -> {}", v.fetch_min(3, Ordering::SeqCst), v.into_inner());
    let z = AtomicIsize::new(-5);
    println!("isize {} -> {}", z.fetch_add(10, Ordering::SeqCst), z.load(Ordering::SeqCst));
    let y = AtomicUsize::new(1);
    println!("usize into_inner {}", y.into_inner());

    let b = AtomicBool::new(true);
    println!("bool and {} -> {}", b.fetch_and(false, Ordering::SeqCst), b.load(Ordering::SeqCst));
    println!("bool or {} -> {}", b.fetch_or(true, Ordering::SeqCst), b.load(Ordering::SeqCst));
    println!("bool xor {} -> {}", b.fetch_xor(true, Ordering::SeqCst), b.load(Ordering::SeqCst));
    println!("bool nand {} -> {}", b.fetch_nand(true, Ordering::SeqCst), b.load(Ordering::SeqCst));
    println!("bool cas {:?}", b.compare_exchange(true, false, Ordering::SeqCst, Ordering::SeqCst));
    println!("bool swap {}", b.swap(false, Ordering::SeqCst));

    for _ in 0..3 {
        HITS.fetch_add(1, Ordering::Relaxed);
    }
    FLAG.store(true, Ordering::SeqCst);
    println!("statics {} {}", HITS.load(Ordering::Relaxed), FLAG.load(Ordering::SeqCst));
    println!("orderings {:?} {:?} {:?} {:?} {:?}", Ordering::Relaxed, Ordering::Release, Ordering::Acquire, Ordering::AcqRel, Ordering::SeqCst);
    println!("{}", Ordering::SeqCst == Ordering::SeqCst);
}
