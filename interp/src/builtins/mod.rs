//! The std library subset: native functions and methods, and the TERAS prelude.
//!
//! The contract with the VM:
//! - `function(path)` finds a native free or associated function by its path
//!   (`"String::new"`, `"Vec::with_capacity"`, `"std::process::exit"` is `"process::exit"`).
//!   See `canonical_paths` for the exact strings accepted.
//! - `constant(path)` gives the value of a std constant (`i32::MAX`, `f64::consts::PI`).
//! - `method(receiver, name)` finds the native method a value of that kind answers to.
//! - `call(id, cx, args)` runs it. For methods `args[0]` is the receiver (auto-derefed by the
//!   VM: never a `Ref` unless the method mutates through it; natives follow `Ref`s anyway).
//! - Natives never call back into the VM. Everything that takes a closure (iterator adapters,
//!   `Option::map`, `sort_by`, `retain`...) is written in TERAS in the prelude, so that a
//!   fiber can be suspended anywhere inside it.
//! - A native that fails returns `Err(NativeError::Panic(message))`; the VM turns it into a
//!   TERAS panic located at the calling instruction.
//!
//! # Method lookup, auto-deref
//! `method(receiver, name)` looks at the receiver's kind (`Value::Ref`s are followed), then at
//! the methods every value has (`clone`, `cmp`, `eq`, `to_string`, `into`...). An `Rc`/`Arc`
//! answers its own methods (`clone` bumps the count); for anything else the VM should retry
//! with `auto_deref(receiver)` (the Rc's content), as Rust's auto-deref does, and for user
//! `impl`s of the content's type too.
//!
//! # Intrinsics (natives whose name begins with `__`)
//! Called from prelude code. When prelude code calls an intrinsic, the VM hands it the hint
//! of the calling prelude function's own frame (the type its caller expects back), so that
//! `fn collect<B>(self) -> B { ... __collect_from_vec(v) }` sees `Vec<i32>` or `String`:
//! - `__collect_from_vec(v: Vec<T>) -> B`: builds B from the hint: `Vec`/unknown: `v` itself;
//!   `String`: concatenation of chars/strs; `HashMap`/`BTreeMap`: from pairs; `HashSet`/
//!   `BTreeSet`/`VecDeque`/`BinaryHeap`; `Box<[T]>`/`Rc<[T]>`: the Vec; `Result<C, E>` /
//!   `Option<C>`: the first `Err`/`None`, else `Ok(C)`/`Some(C)` of the inner collection.
//! - `__sum(v: Vec<T>) -> T` / `__product(v: Vec<T>) -> T`: the sum/product with overflow
//!   checks (`attempt to add with overflow`); empty: the zero/one of the hint's type (i32
//!   when unknown); also `Option<T>`/`Result<T, E>` short-circuiting.
//! - `__default() -> T`: `Default::default()` of the hint's type (numbers 0, "" , empty
//!   collections, `None`, tuples of defaults); `Unit` when unknown.
//! - `__iter_next(it)`, `__iter_next_back(it)`, `__iter_nth(it, n)`: stepping a native
//!   iterator; `__into_iter(x)`: a native iterator over a Vec/slice/array/map/set/deque/range/
//!   Option/Result (anything else, e.g. a user iterator, comes back unchanged; the VM's `for`
//!   uses the same `iter::into_iter_value`); `__is_native_iter(x)`; `__size_hint(it)`;
//!   `__rev(it) -> Option<Iter>` (the reversed native iterator, `None` for user iterators);
//!   `__empty_iter()`; `__native_iterable(&x) -> bool` (can natives enumerate `x`).
//! - `__collect_pair(a: Vec, b: Vec) -> (A, B)` by the hint `(A, B)` (`partition`, `unzip`).
//! - `__try_is_break(&r)`, `__try_unwrap(r)`, `__try_sample(&r)`, `__try_wrap(v, sample)`:
//!   the `?` plumbing of `try_fold`/`try_for_each` over `Option`/`Result`.
//! - `__copy(x)` (`copied()`), `__mem_replace(dest, v)` (= `mem::replace`),
//!   `__option_content(opt) -> &mut T` (a place on field 0 of `Some`/`Ok`/`Err`),
//!   `__as_array(v)` (marks a Vec as `[T; N]`), `__is_fn(&x)` (a closure used as a pattern).
//! - Vec: `__vec_sort`, `__vec_dedup`, `__vec_contains`, `__vec_binary_search`,
//!   `__vec_extend`, `__vec_permute(v, order)`, `__vec_retain_mask(v, keep)`,
//!   `__needs_user_cmp(v, "Ord"|"PartialEq")` (elements need a user impl to compare).
//! - str: `__str_split`, `__str_find`, `__str_rfind`, `__str_contains`, `__str_starts_with`,
//!   `__str_ends_with`, `__str_trim_matches`, `__str_trim_start_matches`,
//!   `__str_trim_end_matches`, `__str_extend`, `__str_char_count`.
//! - maps and sets: `__entry_insert(map, k, v) -> &mut V`, `__entry_place(map, k)`,
//!   `__entry_default(map, k)` (hint `&mut V`), `__map_keys(m) -> Vec<K>`, `__map_extend`,
//!   `__set_extend`, `__deque_extend`.
//! - `__panic(msg) -> !`, `__type_name(x) -> String`, `__release_guard(g)`.
//!
//! # Borrow guards of `RefCell`
//! `borrow()` and `borrow_mut()` return `Value::Ref(Place::CellContent(cell))` and record the
//! borrow in the cell (`borrow` +1 / -1). The VM must call `release_guard(&guard)` when the
//! guard value dies (its local goes out of scope, or the temporary of a statement such as
//! `c.borrow_mut().push(1)` ends); otherwise later borrows panic `RefCell already borrowed`.
//! (`cell::set_borrow_tracking(false)` turns those panics off.)
//!
//! # Rc drops
//! `Rc::clone`/`Arc::clone` (and `clone_value` of an Rc) bump `strong`; when a value holding an
//! Rc dies the VM calls `rc_release(&cell)`, which decrements it and returns the content when
//! it reaches zero (so the VM can run `Drop` impls of the content, then drop it).

pub mod async_task;
pub mod async_shutdown;
pub mod cell;
pub mod channel;
pub mod channel_select;
pub mod chan_timer;
pub mod clone;
pub mod effect;
pub mod catch_unwind;
pub mod collect;
pub mod compare;
pub mod deque;
pub mod float;
pub mod format;
pub mod fs;
pub mod future;
pub mod inline_fut;
pub mod async_chan;
pub mod async_sync;
pub mod int;
pub mod io;
pub mod int128;
pub mod intrinsics;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod prelude_tests;
pub mod iter;
pub mod map;
pub mod misc;
pub mod net;
pub mod sync;
/// The locks moved to `sync::lock`; the old path stays for the formatter.
pub use sync::lock as mutex;
pub mod object;
pub mod ordcoll;
pub mod plain;
pub mod prelude;
pub mod rc;
pub mod registry;
pub mod set;
pub mod slice;
pub mod string;
pub mod structured;
pub mod thread;
pub mod thread_local;
pub mod once_force;
pub mod select_builder;
pub mod std_misc;
pub mod chars;
pub mod time;
pub mod util;
pub mod vec;

pub use clone::{clone_value, copy_value};
pub use compare::{cmp_values, eq_values, hash_value, partial_cmp_values};
pub use object::{std_object_fmt, StdObj};
pub use prelude::PRELUDE;

use crate::heap::Heap;
use crate::types::Ty;
use crate::value::{AdtDef, CellObj, Value};
use std::io::Write;
use std::sync::Arc;

/// Index of a native in the native table.
pub type NativeId = u32;

/// What a native may fail with.
#[derive(Debug, Clone, PartialEq)]
pub enum NativeError {
    /// A TERAS panic with Rust's message (`index out of bounds: the len is 3 but the index is 5`).
    Panic(String),
    /// `std::process::exit(code)`.
    Exit(i32),
    /// The native cannot go on yet (see `teras_stdlib::sched`): it registered `cx.waker`
    /// with the object it waits for and must be called again, with the same arguments, once
    /// woken or at the deadline. A blocking native must not consume or change its arguments
    /// before it decides to block; what it must remember between attempts goes in
    /// `cx.state`.
    Block(teras_stdlib::sched::Blocked),
}

pub type NativeResult = Result<Value, NativeError>;

/// The std enums the prelude defines, which natives construct (`Some(x)`, `Err(e)`,
/// `Ordering::Less`).
#[derive(Debug, Clone)]
pub struct StdDefs {
    pub option: Arc<AdtDef>,
    pub result: Arc<AdtDef>,
    pub ordering: Arc<AdtDef>,
}

/// What a native sees of the running program.
pub struct NativeCx<'a> {
    /// Where `print!` goes.
    pub stdout: &'a mut dyn Write,
    pub std: &'a StdDefs,
    /// The type the caller expects back, when the compiler knows it (`collect::<Vec<_>>()`,
    /// `let n: u64 = s.parse().unwrap()` gives `Result<u64, _>` to `parse`).
    pub hint: Option<&'a Ty>,
    /// `std::env::args()`.
    pub args: &'a [String],
    /// The runtime driving this fiber: clock, threads (see `runtime::Host`).
    pub host: &'a dyn crate::runtime::Host,
    /// Wakes the calling fiber; a blocking native registers it before returning `Block`.
    pub waker: &'a std::task::Waker,
    /// The calling fiber's memory of an unfinished blocking call: `None` on the first
    /// attempt; what the native left there when it returned `Block` on the next attempts
    /// (a deadline, a ticket). The VM clears it when the native returns anything else.
    pub state: &'a mut Option<Box<dyn std::any::Any + Send>>,
}

/// Every module's natives, in one table (see `registry`).
fn register_all(r: &mut registry::Registry) {
    int::register(r);
    float::register(r);
    chars::register(r);
    string::register(r);
    vec::register(r);
    map::register(r);
    set::register(r);
    ordcoll::register(r);
    deque::register(r);
    rc::register(r);
    cell::register(r);
    iter::register(r);
    collect::register(r);
    time::register(r);
    channel::register(r);
    fs::register(r);
    net::register(r);
    future::register(r);
    async_task::register(r);
    async_shutdown::register(r);
    inline_fut::register(r);
    async_chan::register(r);
    async_sync::register(r);
    structured::register(r);
    misc::register(r);
    intrinsics::register(r);
    clone::register(r);
    // Last: its methods chain to the natives registered before under the same names.
    sync::register(r);
    thread::register(r);
    thread_local::register(r);
    once_force::register(r);
    select_builder::register(r);
    chan_timer::register(r);
    effect::register(r);
    catch_unwind::register(r);
    std_misc::register(r);
    io::register(r);
    ufcs_aliases(r);
    plain::register(r);
}

/// Methods called as associated functions (`i32::abs(x)`, `f64::max(a, b)`,
/// `char::is_alphanumeric(c)`, `str::len(s)`, `Vec::len(&v)`): each native method of a
/// primitive or std type also answers to `Type::method`, unless a function of that path
/// exists already.
fn ufcs_aliases(r: &mut registry::Registry) {
    use registry::Kind;
    let methods: Vec<((Kind, &'static str), NativeId)> = r.methods.iter().map(|(k, v)| (*k, *v)).collect();
    for ((kind, name), id) in methods {
        let types: &[&str] = match kind {
            Kind::Int => &["i8", "i16", "i32", "i64", "isize", "u8", "u16", "u32", "u64", "usize"],
            Kind::Float => &["f32", "f64"],
            Kind::Char => &["char"],
            Kind::Str => &["str", "String"],
            Kind::Vec => &["Vec", "slice"],
            Kind::HashMap => &["HashMap"],
            Kind::HashSet => &["HashSet"],
            Kind::BTreeMap => &["BTreeMap"],
            Kind::BTreeSet => &["BTreeSet"],
            Kind::VecDeque => &["VecDeque"],
            Kind::Bool => &["bool"],
            _ => &[],
        };
        for t in types {
            let path = format!("{t}::{name}");
            if !r.funcs.contains_key(path.as_str()) {
                let path: &'static str = Box::leak(path.into_boxed_str());
                r.funcs.insert(path, id);
            }
        }
    }
}

/// The paths `function` tries for `path`, in order: the path with `std::`/`core::`/`alloc::`
/// and generic arguments (`Vec::<i32>::new`) removed, then its last two segments
/// (`collections::HashMap::new` is `HashMap::new`, `std::process::exit` is `process::exit`),
/// then, for a single segment, the imported functions that are unambiguous (`exit`, `swap`,
/// `replace`, `take`, `args`, `sleep`, `read_to_string`, `from_u32`, `from_digit`, `min`,
/// `max`, `drop`...: see `misc::SINGLE`).
pub fn canonical_paths(path: &str) -> Vec<String> {
    let segs: Vec<&str> = path
        .split("::")
        .map(|s| s.split('<').next().unwrap_or(s).trim())
        .filter(|s| !s.is_empty())
        .collect();
    let mut segs: &[&str] = &segs;
    while let Some((first, rest)) = segs.split_first() {
        if matches!(*first, "std" | "core" | "alloc") && !rest.is_empty() {
            segs = rest;
        } else {
            break;
        }
    }
    let mut out = vec![segs.join("::")];
    if segs.len() > 2 {
        out.push(segs[segs.len() - 2..].join("::"));
    }
    if segs.len() >= 2 && segs[segs.len() - 2] == "consts" && segs.len() >= 3 {
        out.push(format!("{}::{}", segs[segs.len() - 3], segs[segs.len() - 1]));
    }
    if let [one] = segs {
        if let Some(full) = misc::single_segment(one) {
            out.push(full.to_string());
        }
    }
    out
}

/// A native free or associated function by its path.
pub fn function(path: &str) -> Option<NativeId> {
    let reg = registry::registry();
    canonical_paths(path).iter().find_map(|p| reg.funcs.get(p.as_str()).copied())
}

/// The value of a std constant: `i32::MAX`, `u64::MIN`, `u32::BITS`, `f64::consts::PI`,
/// `f64::INFINITY`, `f64::NAN`, `f64::EPSILON`, `f64::MIN_POSITIVE`, `char::MAX`,
/// `Duration::ZERO`... (paths canonicalized as for `function`).
pub fn constant(path: &str) -> Option<Value> {
    canonical_paths(path).iter().find_map(|p| misc::constant(p).or_else(|| sync::constant(p)).or_else(|| net::constant(p)))
}

/// The native method `name` of `receiver`, if there is one.
pub fn method(receiver: &Value, name: &str) -> Option<NativeId> {
    let reg = registry::registry();
    let recv = match receiver {
        Value::Ref(_) => util::deref(receiver).ok()?,
        v => v.clone(),
    };
    let kind = registry::Kind::of(&recv);
    reg.methods
        .get(&(kind, name))
        .or_else(|| reg.methods.get(&(registry::Kind::Any, name)))
        .copied()
}

/// Run native `id`.
pub fn call(id: NativeId, cx: &mut NativeCx<'_>, args: &mut [Value]) -> NativeResult {
    match registry::registry().defs.get(id as usize) {
        Some(def) => (def.f)(cx, args, def.aux),
        None => Err(NativeError::Panic(format!("no native function #{id}"))),
    }
}

/// Run `unwrap` twin `id` (`registry::TwinFn`) on the borrowed field `this` and the other
/// arguments `rest`.
/// (Inlined at its call, the fused path of `vm/call_unwrap.rs`: a load of the table, a
/// bound check and the call; the error is built out of line.)
#[inline(always)]
pub fn call_twin(id: u32, cx: &mut NativeCx<'_>, this: &Value, rest: &mut [Value]) -> NativeResult {
    match registry::registry().twins.get(id as usize) {
        Some(f) => f(cx, this, rest),
        None => no_twin(id),
    }
}

#[cold]
#[inline(never)]
fn no_twin(id: u32) -> NativeResult {
    Err(NativeError::Panic(format!("no unwrap twin #{id}")))
}

/// The name of a native, for backtraces and disassembly (`Vec::push`, `String::new`).
pub fn native_name(id: NativeId) -> &'static str {
    registry::registry().defs.get(id as usize).map(|d| d.name).unwrap_or("<unknown native>")
}

/// Is `name` a native method of some receiver kind? (The compiler's check of method names,
/// `compile/unknown_member.rs`; the set is built once.)
pub fn is_method_name(name: &str) -> bool {
    static NAMES: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| registry::registry().methods.keys().map(|(_, n)| *n).collect()).contains(name)
}

/// Every native method name, sorted and deduplicated (REPL completion).
pub fn method_names() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = registry::registry().methods.keys().map(|(_, n)| *n).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Auto-deref for method lookup: the content of an `Rc`/`Arc` (Box is transparent already),
/// `None` for anything else.
pub fn auto_deref(v: &Value) -> Option<Value> {
    match v {
        Value::Cell(h) => match &*h.read().ok()? {
            CellObj::Rc { value, .. } => Some(value.clone()),
            _ => None,
        },
        Value::Ref(_) => util::deref(v).ok(),
        _ => None,
    }
}

/// A value holding an `Rc` died: decrement the strong count; the content when it reaches zero
/// (the VM runs the content's `Drop` impls, then lets it go).
pub fn rc_release(cell: &Heap<CellObj>) -> Option<Value> {
    rc::release(cell)
}

/// `a OP b` (`op` one of `+ - * /`) when an operand is a std object such as `Duration` or
/// `Instant` (`start.elapsed() + Duration::from_millis(5)`); `None` for other operands, which
/// are the VM's.
pub fn native_binop(cx: &mut NativeCx<'_>, op: char, a: &Value, b: &Value) -> Option<NativeResult> {
    time::binop(cx, op, a, b)
}

/// A copy of a guard died (a lock guard, a `RefCell` borrow guard, a `make_contiguous`
/// loan): release what it holds when it was the last copy. Does nothing for other values.
pub fn release_guard(guard: &Value) {
    // std's guards first: they are the common case (one read of the guard's storage).
    if sync::release_guard(guard) || async_sync::release_guard(guard) {
        return;
    }
    // The order is safe: a `make_contiguous` loan is a `Place::Field(store, 0)` too, but its
    // store's definition is `deque::loan_def()`, and both functions above return `false`
    // without touching anything for a store whose definition is not their own storage
    // definition (compared by address). So a loan reaches this line, and the loan check's
    // atomic load is paid by the rarer guards only.
    if deque::release_lend(guard) {
        return;
    }
    cell::release_guard(guard)
}

/// `release_guard` of a guard in a register the VM empties (`Release`): the same, then the
/// register holds `()`; a mutex guard's last handle is kept for the next lock of its mutex
/// (`sync::release_mutex_guard_in_place`).
#[inline]
pub fn release_guard_in_place(slot: &mut Value) {
    if !sync::release_mutex_guard_in_place(slot) {
        release_guard(slot);
        *slot = Value::Unit;
    }
}

/// The content of a dying lock (std's or tokio's `Mutex`/`RwLock`: the VM's drop walk at the
/// death of its last handle), taken out so that it dies with the lock; `None` for other values.
pub fn take_lock_content(v: &Value) -> Option<Value> {
    sync::lock::take_lock_content(v).or_else(|| async_sync::take_lock_content(v))
}

/// A guard's *owner* died (the VM's drop glue): the guard's hold is handed to a fresh handle,
/// which is returned (`release_guard` of it releases it even while stale copies of the old
/// handle linger). Other values come back as they are.
pub fn rehandle_guard(guard: &Value) -> Value {
    match guard {
        Value::Ref(p) if matches!(&**p, crate::value::Place::CellContent(_)) => cell::rehandle(guard),
        _ => async_sync::rehandle(guard).unwrap_or_else(|| sync::rehandle(guard)),
    }
}
