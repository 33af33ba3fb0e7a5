//! Unit tests of the sync natives through the public native API (`function`, `method`,
//! `call`), with a simulated second party: a second waker and re-executed blocking calls.

use super::super::{call, function, method, NativeCx, NativeError, NativeResult, StdDefs};
use super::defs;
use crate::value::{IntTy, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Wake, Waker};

struct Count(AtomicUsize);
impl Wake for Count {
    fn wake(self: Arc<Self>) {
        // Relaxed: read by the same test thread after the waking call returned.
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

/// One party: its waker and its blocking-call memory.
struct Party {
    count: Arc<Count>,
    waker: Waker,
    state: Option<Box<dyn std::any::Any + Send>>,
}

impl Party {
    fn new() -> Party {
        let count = Arc::new(Count(AtomicUsize::new(0)));
        Party { waker: Waker::from(count.clone()), count, state: None }
    }
    fn wakes(&self) -> usize {
        self.count.0.load(Ordering::Relaxed)
    }
    fn call(&mut self, name: &str, mut args: Vec<Value>) -> NativeResult {
        let std: StdDefs = super::super::tests::defs();
        let mut out = Vec::new();
        let host = crate::runtime::SoloHost::new();
        let mut cx = NativeCx { stdout: &mut out, std: &std, hint: None, args: &[], host: &host, waker: &self.waker, state: &mut self.state };
        let id = match args.first().and_then(|r| method(r, name)) {
            Some(id) if !name.contains("::") => id,
            _ => function(name).unwrap_or_else(|| panic!("no native {name}")),
        };
        let r = call(id, &mut cx, &mut args);
        if !matches!(r, Err(NativeError::Block(_))) {
            self.state = None;
        }
        r
    }
}

fn f(path: &str, args: Vec<Value>) -> Value {
    Party::new().call(path, args).unwrap()
}

/// The payload of `Ok(x)` / `Err(x)`: (is_ok, x).
fn res(v: &Value) -> (bool, Value) {
    let Value::Adt(h) = v else { panic!("not a Result: {v:?}") };
    let o = h.read().unwrap();
    (o.variant == 0, o.fields.first().cloned().unwrap_or_default())
}

fn blocked(r: &NativeResult) -> bool {
    matches!(r, Err(NativeError::Block(_)))
}

fn debug(v: &Value) -> String {
    let Value::Adt(h) = v else { return format!("{v:?}") };
    let o = h.read().unwrap();
    o.def.variants[o.variant as usize].name.clone()
}

#[test]
fn mutex_blocks_a_second_party_until_release() {
    let m = f("Mutex::new", vec![Value::i32(5)]);
    let (mut a, mut b) = (Party::new(), Party::new());
    let (ok, g) = res(&a.call("lock", vec![m.clone()]).unwrap());
    assert!(ok);
    assert!(blocked(&b.call("lock", vec![m.clone()])));
    assert!(blocked(&b.call("lock", vec![m.clone()])), "still held: blocks again");
    let (ok, e) = res(&b.call("try_lock", vec![m.clone()]).unwrap());
    assert!(!ok);
    assert_eq!(debug(&e), "\"WouldBlock\"");
    assert_eq!(b.wakes(), 0);
    assert!(super::release_guard(&g));
    assert_eq!(b.wakes(), 1, "the release woke the waiter");
    assert!(super::release_guard(&g), "a second release is harmless");
    let (ok, g2) = res(&b.call("lock", vec![m.clone()]).unwrap());
    assert!(ok);
    assert!(blocked(&a.call("lock", vec![m.clone()])), "the stale guard did not unlock");
    super::release_guard(&g2);
    assert_eq!(a.wakes(), 1);
}

#[test]
fn a_guard_released_while_panicking_poisons() {
    let m = f("Mutex::new", vec![Value::i32(1)]);
    let mut a = Party::new();
    let (_, g) = res(&a.call("lock", vec![m.clone()]).unwrap());
    crate::runtime::set_panicking(true);
    super::release_guard(&g);
    crate::runtime::set_panicking(false);
    assert!(matches!(a.call("is_poisoned", vec![m.clone()]), Ok(Value::Bool(true))));
    let (ok, e) = res(&a.call("lock", vec![m.clone()]).unwrap());
    assert!(!ok);
    assert_eq!(debug(&e), "PoisonError { .. }");
    let g = a.call("into_inner", vec![e]).unwrap();
    assert!(matches!(super::super::util::deref(&g), Ok(Value::Int(1, IntTy::I32))));
    let (ok, e) = res(&a.call("try_lock", vec![m.clone()]).unwrap());
    assert!(!ok);
    assert_eq!(debug(&e), "\"WouldBlock\"", "still held by the recovered guard");
    super::release_guard(&g);
    let (ok, e) = res(&a.call("try_lock", vec![m.clone()]).unwrap());
    assert!(!ok);
    assert_eq!(debug(&e), "\"Poisoned(..)\"");
    a.call("clear_poison", vec![m.clone()]).unwrap();
    assert!(matches!(a.call("is_poisoned", vec![m]), Ok(Value::Bool(false))));
}

#[test]
fn rwlock_readers_share_and_writer_waits() {
    let l = f("RwLock::new", vec![Value::i32(1)]);
    let (mut a, mut b) = (Party::new(), Party::new());
    let (_, r1) = res(&a.call("read", vec![l.clone()]).unwrap());
    let (_, r2) = res(&b.call("read", vec![l.clone()]).unwrap());
    assert!(blocked(&a.call("write", vec![l.clone()])));
    super::release_guard(&r1);
    assert!(blocked(&a.call("write", vec![l.clone()])));
    super::release_guard(&r2);
    assert!(a.wakes() >= 1);
    let (ok, w) = res(&a.call("write", vec![l.clone()]).unwrap());
    assert!(ok);
    assert!(super::lock::debug_parts(&l).unwrap().1.is_none(), "Debug shows <locked>");
    super::release_guard(&w);
}

#[test]
fn condvar_wait_releases_waits_for_notify_and_relocks() {
    let m = f("Mutex::new", vec![Value::Bool(false)]);
    let cv = f("Condvar::new", vec![]);
    let (mut a, mut b) = (Party::new(), Party::new());
    let (_, g) = res(&a.call("lock", vec![m.clone()]).unwrap());
    assert!(blocked(&a.call("wait", vec![cv.clone(), g.clone()])));
    // The mutex was released: the other party locks it, and a wake-up without a
    // notification is not a return.
    let (_, gb) = res(&b.call("lock", vec![m.clone()]).unwrap());
    assert!(blocked(&a.call("wait", vec![cv.clone(), g.clone()])));
    b.call("notify_one", vec![cv.clone()]).unwrap();
    assert_eq!(a.wakes(), 1);
    // Notified, but the mutex is still held by b: a blocks re-locking it.
    assert!(blocked(&a.call("wait", vec![cv.clone(), g.clone()])));
    super::release_guard(&gb);
    let (ok, g2) = res(&a.call("wait", vec![cv.clone(), g.clone()]).unwrap());
    assert!(ok);
    super::release_guard(&g);
    assert!(blocked(&b.call("lock", vec![m.clone()])), "a stale guard released nothing");
    super::release_guard(&g2);
    assert!(!blocked(&b.call("lock", vec![m])));
}

#[test]
fn barrier_has_one_leader_per_generation() {
    let bar = f("Barrier::new", vec![Value::usize(2)]);
    let (mut a, mut b) = (Party::new(), Party::new());
    assert!(blocked(&a.call("wait", vec![bar.clone()])));
    let lead = b.call("wait", vec![bar.clone()]).unwrap();
    assert_eq!(a.wakes(), 1);
    let follow = a.call("wait", vec![bar.clone()]).unwrap();
    let flag = |v: &Value| Party::new().call("is_leader", vec![v.clone()]).unwrap();
    assert!(matches!(flag(&lead), Value::Bool(true)));
    assert!(matches!(flag(&follow), Value::Bool(false)));
}

#[test]
fn atomics_wrap_and_check_orderings() {
    let seq = defs::ordering(4);
    let a = f("AtomicU8::new", vec![Value::Int(250, IntTy::U8)]);
    let mut p = Party::new();
    let old = p.call("fetch_add", vec![a.clone(), Value::Int(10, IntTy::U8), seq.clone()]).unwrap();
    assert!(matches!(old, Value::Int(250, IntTy::U8)));
    assert!(matches!(p.call("load", vec![a.clone(), seq.clone()]), Ok(Value::Int(4, IntTy::U8))));
    let (ok, cur) = res(&p.call("compare_exchange", vec![a.clone(), Value::Int(5, IntTy::U8), Value::Int(9, IntTy::U8), seq.clone(), seq.clone()]).unwrap());
    assert!(!ok && matches!(cur, Value::Int(4, IntTy::U8)));
    let rel = defs::ordering(1);
    assert!(matches!(p.call("load", vec![a.clone(), rel]), Err(NativeError::Panic(m)) if m == "there is no such thing as a release load"));
    let i = f("AtomicI32::new", vec![Value::i32(i32::MIN)]);
    p.call("fetch_sub", vec![i.clone(), Value::i32(1), seq.clone()]).unwrap();
    assert!(matches!(p.call("load", vec![i.clone(), seq.clone()]), Ok(Value::Int(n, IntTy::I32)) if n == i32::MAX as i64));
    let b = f("AtomicBool::new", vec![Value::Bool(true)]);
    assert!(matches!(p.call("fetch_nand", vec![b.clone(), Value::Bool(true), seq.clone()]), Ok(Value::Bool(true))));
    assert!(matches!(p.call("load", vec![b, seq]), Ok(Value::Bool(false))));
}

#[test]
fn once_runs_one_initialiser_and_others_wait() {
    let o = f("Once::new", vec![]);
    let (mut a, mut b) = (Party::new(), Party::new());
    let g = a.call("__once_begin", vec![o.clone()]).unwrap();
    assert!(blocked(&b.call("__once_begin", vec![o.clone()])));
    let Value::Adt(h) = &g else { panic!() };
    let guard = h.read().unwrap().fields[0].clone();
    a.call("__once_finish", vec![guard]).unwrap();
    assert_eq!(b.wakes(), 1);
    let none = b.call("__once_begin", vec![o.clone()]).unwrap();
    assert!(matches!(none.adt_variant(), Some((_, 0))), "None: already done");
    assert!(matches!(b.call("is_completed", vec![o]), Ok(Value::Bool(true))));
}

/// Two OS threads clone and drop one `Arc` 20,000 times each: no count is lost.
#[test]
fn arc_counts_survive_concurrent_clones() {
    crate::heap::set_threaded();
    let arc = f("Arc::new", vec![Value::i32(7)]);
    let Value::Cell(h) = &arc else { panic!() };
    let hs: Vec<_> = (0..2)
        .map(|_| {
            let arc = arc.clone();
            std::thread::spawn(move || {
                for _ in 0..20_000 {
                    let c = super::super::clone_value(&arc).unwrap();
                    let Value::Cell(ch) = &c else { panic!() };
                    assert!(super::super::rc_release(ch).is_none());
                }
            })
        })
        .collect();
    for t in hs {
        t.join().unwrap();
    }
    let n = Party::new().call("Arc::strong_count", vec![arc.clone()]).unwrap();
    assert!(matches!(n, Value::Int(1, IntTy::Usize)));
    assert!(super::super::rc_release(h).is_some());
}

#[test]
fn debug_forms_of_sync_objects() {
    let a = f("AtomicI32::new", vec![Value::i32(-4)]);
    assert!(matches!(super::debug_form(&a), Some(super::SyncDebug::Value(Value::Int(-4, IntTy::I32)))));
    assert!(matches!(super::debug_form(&f("Condvar::new", vec![])), Some(super::SyncDebug::Text("Condvar { .. }"))));
    assert!(matches!(super::debug_form(&f("OnceLock::new", vec![])), Some(super::SyncDebug::Wrapped("OnceLock", None))));
    assert!(super::debug_form(&Value::i32(1)).is_none());
}
