//! The native table: every native function and method by name, and how a call path or a
//! receiver finds one.
//!
//! Built once (lazily) from the `register` function of each builtins module. Free and
//! associated functions are keyed by their canonical path (`"String::new"`); methods by the
//! receiver's `Kind` and the method name. Some natives are registered once per integer or
//! float type (`i32::from_str_radix`, `u8::from`): the type travels in `Def::aux`.

use super::{NativeCx, NativeId, NativeResult};
use crate::value::{CellObj, Collection, Value};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The Rust signature of a native. `aux` is the per-registration datum (an `IntTy` or
/// `FloatTy` index for natives registered once per numeric type, else 0).
pub type NativeFn = fn(&mut NativeCx<'_>, &mut [Value], u32) -> NativeResult;

/// The Rust signature of an `unwrap` twin (`Instr::CallSiteUnwrap`, `vm/call_unwrap.rs`): the
/// twin of a native that a prelude method forwards one of `self`'s fields to
/// (`Intrinsic::Forward`), called with that field borrowed in place (`this`: no handle is
/// cloned into the argument window) and the method's other arguments (`rest`). It follows
/// the blocking protocol of its native, and answers the payload of the `Ok` its native would
/// build, or `Value::Moved` where its native would answer `Err`, having changed nothing
/// (`rest` as it was given).
pub type TwinFn = fn(&mut NativeCx<'_>, &Value, &mut [Value]) -> NativeResult;

/// The Rust signature of a *plain* twin (`Def::plain`): the common case of a hot native
/// (`push_str` of two strings, `get` of a `HashMap`), run by the VM's fast call path
/// (`call::native_into`) before the native itself, without the natives' context
/// (`NativeCx`) and without a `NativeResult`. It answers `Some(result)` having done exactly
/// what its native does for these arguments, or `None` having changed nothing (not its
/// case: other kinds of arguments, a borrow conflict, an error to report), and the native
/// runs. It never blocks and never fails; it sees the std definitions for the `Option`s it
/// builds. A twin of a collection's method checks the collection's kind itself (the VM's
/// fast path tells a collection from other receivers by its tag alone: `call::site_twin`).
pub type PlainFn = fn(&super::StdDefs, &mut [Value]) -> Option<Value>;

/// What kind of receiver a native method is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Answers for every receiver (`clone`, `cmp`, `eq`, `into`, ...), after the kind's own.
    Any,
    Unit,
    Bool,
    Int,
    Float,
    Char,
    Str,
    Tuple,
    /// `Vec`, arrays and slices.
    Vec,
    Adt,
    HashMap,
    HashSet,
    BTreeMap,
    BTreeSet,
    VecDeque,
    BinaryHeap,
    /// `Collection::Ordered` (user-ordered BTreeMap, BTreeSet, BinaryHeap).
    OrdMap,
    OrdSet,
    OrdHeap,
    Rc,
    Weak,
    Cell,
    RefCell,
    Func,
    Iter,
    Range,
    Native,
}

impl Kind {
    pub fn of(v: &Value) -> Kind {
        match v {
            Value::Unit | Value::Moved => Kind::Unit,
            Value::Bool(_) => Kind::Bool,
            Value::Int(..) | Value::Wide(..) => Kind::Int,
            Value::Float(..) => Kind::Float,
            Value::Char(_) => Kind::Char,
            Value::Str(_) => Kind::Str,
            Value::Tuple(_) => Kind::Tuple,
            Value::Vec(_) | Value::Slice(_) => Kind::Vec,
            Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) => Kind::Adt,
            Value::Coll(c) => match c.read().as_deref() {
                Ok(Collection::HashMap(_)) => Kind::HashMap,
                Ok(Collection::HashSet(_)) => Kind::HashSet,
                Ok(Collection::BTreeMap(_)) => Kind::BTreeMap,
                Ok(Collection::BTreeSet(_)) => Kind::BTreeSet,
                Ok(Collection::VecDeque(_)) => Kind::VecDeque,
                Ok(Collection::BinaryHeap(_)) => Kind::BinaryHeap,
                Ok(Collection::Ordered(o)) => match o.kind {
                    crate::value::OrdKind::Map => Kind::OrdMap,
                    crate::value::OrdKind::Set => Kind::OrdSet,
                    crate::value::OrdKind::Heap => Kind::OrdHeap,
                },
                Err(_) => Kind::Any,
            },
            Value::Func(_) => Kind::Func,
            Value::Ref(_) => Kind::Any,
            Value::Cell(c) => match c.read().as_deref() {
                Ok(CellObj::Rc { .. }) => Kind::Rc,
                Ok(CellObj::Weak { .. }) => Kind::Weak,
                Ok(CellObj::Cell(_)) => Kind::Cell,
                Ok(CellObj::RefCell { .. }) => Kind::RefCell,
                Err(_) => Kind::Any,
            },
            Value::Iter(_) => Kind::Iter,
            Value::Range(_) => Kind::Range,
            Value::Native(_) => Kind::Native,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Any => "value",
            Kind::Unit => "()",
            Kind::Bool => "bool",
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Char => "char",
            Kind::Str => "str",
            Kind::Tuple => "tuple",
            Kind::Vec => "Vec",
            Kind::Adt => "adt",
            Kind::HashMap => "HashMap",
            Kind::HashSet => "HashSet",
            Kind::BTreeMap => "BTreeMap",
            Kind::BTreeSet => "BTreeSet",
            Kind::VecDeque => "VecDeque",
            Kind::BinaryHeap | Kind::OrdHeap => "BinaryHeap",
            Kind::OrdMap => "BTreeMap",
            Kind::OrdSet => "BTreeSet",
            Kind::Rc => "Rc",
            Kind::Weak => "Weak",
            Kind::Cell => "Cell",
            Kind::RefCell => "RefCell",
            Kind::Func => "fn",
            Kind::Iter => "Iter",
            Kind::Range => "Range",
            Kind::Native => "native",
        }
    }
}

/// One native.
pub struct Def {
    /// `"String::new"` for functions, `"Vec::push"` for methods.
    pub name: &'static str,
    pub f: NativeFn,
    pub aux: u32,
    /// The plain twin of `f` (see `PlainFn`), for a few hot natives.
    pub plain: Option<PlainFn>,
}

/// The table.
#[derive(Default)]
pub struct Registry {
    pub defs: Vec<Def>,
    pub funcs: FxHashMap<&'static str, NativeId>,
    pub methods: FxHashMap<(Kind, &'static str), NativeId>,
    /// `unwrap` twins (`TwinFn`), by twin id.
    pub twins: Vec<TwinFn>,
    /// The twin id of a native (by the native's id).
    pub twin_of: FxHashMap<NativeId, u32>,
    /// `String::push_str`'s id (set with the plain twins, `plain::register`), which the
    /// dispatch loop runs in place (`vm::call_inplace::str_push_str_word`).
    pub str_push_str: NativeId,
}

/// Turn a built name into a `'static` one (only while building the table, once).
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Registry {
    fn push(&mut self, name: &'static str, f: NativeFn, aux: u32) -> NativeId {
        let id = self.defs.len() as NativeId;
        self.defs.push(Def { name, f, aux, plain: None });
        id
    }

    /// A free or associated function under its canonical path.
    pub fn func(&mut self, path: &'static str, f: NativeFn) {
        self.func_aux(path, f, 0);
    }

    pub fn func_aux(&mut self, path: &'static str, f: NativeFn, aux: u32) {
        let id = self.push(path, f, aux);
        self.funcs.insert(path, id);
    }

    /// A function whose path is built at registration (`format!("{ty}::MAX")`).
    pub fn func_owned(&mut self, path: String, f: NativeFn, aux: u32) {
        self.func_aux(leak(path), f, aux);
    }

    /// Another path for an already registered function.
    pub fn alias(&mut self, alias: &'static str, path: &str) {
        if let Some(&id) = self.funcs.get(path) {
            self.funcs.insert(alias, id);
        }
    }

    /// The `unwrap` twin of the function registered as `path` (see `TwinFn`).
    pub fn twin(&mut self, path: &str, f: TwinFn) {
        if let Some(&id) = self.funcs.get(path) {
            let t = self.twins.len() as u32;
            self.twins.push(f);
            self.twin_of.insert(id, t);
        }
    }

    /// The plain twin (`PlainFn`) of the method `name` registered for receivers of `kind`
    /// (registered before this call).
    pub fn plain_method(&mut self, kind: Kind, name: &'static str, f: PlainFn) {
        if let Some(&id) = self.methods.get(&(kind, name)) {
            if let Some(d) = self.defs.get_mut(id as usize) {
                d.plain = Some(f);
            }
        }
    }

    /// The plain twin (`PlainFn`) of the function registered as `path`.
    pub fn plain_func(&mut self, path: &str, f: PlainFn) {
        if let Some(&id) = self.funcs.get(path) {
            if let Some(d) = self.defs.get_mut(id as usize) {
                d.plain = Some(f);
            }
        }
    }

    /// A method of receivers of `kind`.
    pub fn method(&mut self, kind: Kind, name: &'static str, f: NativeFn) {
        self.method_aux(kind, name, f, 0);
    }

    pub fn method_aux(&mut self, kind: Kind, name: &'static str, f: NativeFn, aux: u32) {
        let full = leak(format!("{}::{name}", kind.name()));
        let id = self.push(full, f, aux);
        self.methods.insert((kind, name), id);
    }

    /// The same native function under several receiver kinds.
    pub fn methods(&mut self, kinds: &[Kind], name: &'static str, f: NativeFn) {
        for &k in kinds {
            self.method(k, name, f);
        }
    }
}

/// The `unwrap` twin of native method `id` for a receiver behind an `Rc`/`Arc`: the plain
/// native (`NativeFn`, on the argument window) registered as its name followed by `_unwrap`
/// (`native::lock_unwrap`), which answers the `Ok` payload itself or `Value::Moved` having
/// changed nothing (`vm/call_unwrap.rs`). The twins of `Intrinsic::Forward`
/// natives are `TwinFn`s instead (`Registry::twin`, `twin_of`).
pub fn unwrap_twin(id: NativeId) -> Option<NativeId> {
    static TWINS: OnceLock<Vec<NativeId>> = OnceLock::new();
    let twins = TWINS.get_or_init(|| {
        let r = registry();
        r.defs.iter().map(|d| r.funcs.get(format!("{}_unwrap", d.name).as_str()).copied().unwrap_or(NativeId::MAX)).collect()
    });
    twins.get(id as usize).copied().filter(|&t| t != NativeId::MAX)
}

/// The table of natives (built at the first call).
static REG: OnceLock<Registry> = OnceLock::new();

/// The table of natives. Its common case (built already) is inlined where it is called: a
/// load and a test (`OnceLock::get_or_init` kept its cold initializer's registers saved in
/// every caller: `call_twin` of a fused channel call, `call_native`).
#[inline]
pub fn registry() -> &'static Registry {
    match REG.get() {
        Some(r) => r,
        None => registry_init(),
    }
}

#[cold]
#[inline(never)]
fn registry_init() -> &'static Registry {
    REG.get_or_init(|| {
        let mut r = Registry::default();
        super::register_all(&mut r);
        r
    })
}
