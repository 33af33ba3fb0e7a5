//! `Program`: everything compiled so far, shared by running fibers.
//!
//! Functions, ADT definitions, the method table (type id + method symbol -> function), the
//! drop table, globals (statics and REPL variables, each a `Heap<Value>` cell so threads can
//! share them without a global lock), interned symbols and result-type hints. A run holds an
//! `Arc<Program>` and never changes it; the REPL compiles each input into a clone and swaps
//! it in when the input compiled.

use super::bytecode::FuncProto;
use crate::builtins::StdDefs;
use crate::heap::Heap;
use crate::types::Ty;
use crate::value::{AdtDef, CellObj, Collection, IntTy, Value};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Type ids of builtin types (user ADTs get ids from `FIRST_ADT_TYPE` on).
pub mod tid {
    /// Integer types: `INT + IntTy as u32`.
    pub const INT: u32 = 0;
    pub const F32: u32 = 10;
    pub const F64: u32 = 11;
    pub const BOOL: u32 = 12;
    pub const CHAR: u32 = 13;
    /// `String` and `str`.
    pub const STR: u32 = 14;
    /// `Vec<T>`, `[T]`, `[T; N]`.
    pub const VEC: u32 = 15;
    pub const TUPLE: u32 = 16;
    pub const UNIT: u32 = 17;
    pub const HASHMAP: u32 = 18;
    pub const HASHSET: u32 = 19;
    pub const BTREEMAP: u32 = 20;
    pub const BTREESET: u32 = 21;
    pub const VECDEQUE: u32 = 22;
    pub const BINARYHEAP: u32 = 23;
    pub const FUNC: u32 = 24;
    pub const REF: u32 = 25;
    pub const RC: u32 = 26;
    pub const CELL: u32 = 27;
    pub const REFCELL: u32 = 28;
    pub const WEAK: u32 = 29;
    /// Native iterators: the prelude's `Iterator` default methods apply.
    pub const ITER: u32 = 30;
    pub const RANGE: u32 = 31;
    pub const NATIVE: u32 = 32;
    /// Blanket impls (`impl<T: Display> Trait for T`): looked up after the type's own.
    pub const ANY: u32 = 33;
    /// `i128` and `u128` (the other integer types are `INT + IntTy as u32`: see `int`).
    pub const I128: u32 = 34;
    pub const U128: u32 = 35;
    /// User-ordered `BTreeMap`/`BTreeSet`/`BinaryHeap` (`Collection::Ordered`): their
    /// methods are the prelude's `impl __OrdMap`/`__OrdSet`/`__OrdHeap`.
    pub const ORDMAP: u32 = 36;
    pub const ORDSET: u32 = 37;
    pub const ORDHEAP: u32 = 38;
    /// The type id of an integer type.
    #[inline]
    pub fn int(t: crate::value::IntTy) -> u32 {
        match t {
            crate::value::IntTy::I128 => I128,
            crate::value::IntTy::U128 => U128,
            t => INT + t as u32,
        }
    }
    /// Std objects (`Value::Native` holding a `builtins::StdObj`): `STD_OBJ + index` in
    /// `STD_OBJ_NAMES`.
    pub const STD_OBJ: u32 = 40;
    pub const FIRST_ADT_TYPE: u32 = 64;
}

/// The std object types that can have user impls (`impl From<ParseIntError> for MyError`).
const STD_OBJ_NAMES: [&str; 9] =
    ["Duration", "Instant", "SystemTime", "ParseIntError", "ParseFloatError", "ParseBoolError", "ParseCharError", "TryFromIntError", "Error"];

fn std_obj_type_id(name: &str) -> Option<u32> {
    STD_OBJ_NAMES.iter().position(|n| *n == name).map(|i| tid::STD_OBJ + i as u32)
}

/// The builtin type id for a type name as written in an `impl` (`Vec`, `str`, `i32`...).
pub fn builtin_type_id(name: &str) -> Option<u32> {
    if let Some(t) = IntTy::from_name(name) {
        return Some(tid::int(t));
    }
    Some(match name {
        "f32" => tid::F32,
        "f64" => tid::F64,
        "bool" => tid::BOOL,
        "char" => tid::CHAR,
        "String" | "str" => tid::STR,
        "Vec" | "[]" | "VecDeque_" => tid::VEC,
        "HashMap" => tid::HASHMAP,
        "HashSet" => tid::HASHSET,
        "BTreeMap" => tid::BTREEMAP,
        "BTreeSet" => tid::BTREESET,
        "VecDeque" => tid::VECDEQUE,
        "BinaryHeap" => tid::BINARYHEAP,
        "__OrdMap" => tid::ORDMAP,
        "__OrdSet" => tid::ORDSET,
        "__OrdHeap" => tid::ORDHEAP,
        "Rc" | "Arc" => tid::RC,
        "Cell" => tid::CELL,
        "RefCell" => tid::REFCELL,
        "Weak" => tid::WEAK,
        "()" => tid::UNIT,
        "(,)" => tid::TUPLE,
        "Range" | "RangeInclusive" => tid::RANGE,
        "__Iter" => tid::ITER,
        "__Any" => tid::ANY,
        _ => return std_obj_type_id(name),
    })
}

/// The runtime type id of a value (for method dispatch).
pub fn type_id_of(v: &Value) -> u32 {
    match v {
        Value::Unit | Value::Moved => tid::UNIT,
        Value::Bool(_) => tid::BOOL,
        Value::Int(_, t) | Value::Wide(_, t) => tid::int(*t),
        Value::Float(_, crate::value::FloatTy::F32) => tid::F32,
        Value::Float(_, crate::value::FloatTy::F64) => tid::F64,
        Value::Char(_) => tid::CHAR,
        Value::Str(_) => tid::STR,
        Value::Tuple(_) => tid::TUPLE,
        Value::Vec(_) | Value::Slice(_) => tid::VEC,
        Value::Adt(a) => a.read().map(|a| a.def.type_id).unwrap_or(tid::ANY),
        Value::Tag(d, _) => d.type_id,
        Value::SomeObj(_) => crate::value::some_def().map_or(tid::ANY, |d| d.type_id),
        Value::Coll(c) => match c.read().as_deref() {
            Ok(Collection::HashMap(_)) => tid::HASHMAP,
            Ok(Collection::HashSet(_)) => tid::HASHSET,
            Ok(Collection::BTreeMap(_)) => tid::BTREEMAP,
            Ok(Collection::BTreeSet(_)) => tid::BTREESET,
            Ok(Collection::VecDeque(_)) => tid::VECDEQUE,
            Ok(Collection::BinaryHeap(_)) => tid::BINARYHEAP,
            Ok(Collection::Ordered(o)) => match o.kind {
                crate::value::OrdKind::Map => tid::ORDMAP,
                crate::value::OrdKind::Set => tid::ORDSET,
                crate::value::OrdKind::Heap => tid::ORDHEAP,
            },
            Err(_) => tid::ANY,
        },
        Value::Func(_) => tid::FUNC,
        Value::Ref(_) => tid::REF,
        Value::Cell(c) => match c.read().as_deref() {
            Ok(CellObj::Rc { .. }) => tid::RC,
            Ok(CellObj::Weak { .. }) => tid::WEAK,
            Ok(CellObj::Cell(_)) => tid::CELL,
            Ok(CellObj::RefCell { .. }) => tid::REFCELL,
            Err(_) => tid::ANY,
        },
        Value::Iter(_) => tid::ITER,
        Value::Range(_) => tid::RANGE,
        Value::Native(_) => match crate::builtins::object::std_obj(v) {
            Some(o) => std_obj_type_id(o.type_name()).unwrap_or(tid::NATIVE),
            None => tid::NATIVE,
        },
    }
}

/// Interned names (method names, field names): `u32` symbols.
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    by_name: FxHashMap<Arc<str>, u32>,
    names: Vec<Arc<str>>,
}

impl Symbols {
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&s) = self.by_name.get(name) {
            return s;
        }
        let s = self.names.len() as u32;
        let a: Arc<str> = Arc::from(name);
        self.names.push(a.clone());
        self.by_name.insert(a, s);
        s
    }
    pub fn get(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }
    pub fn name(&self, sym: u32) -> &str {
        self.names.get(sym as usize).map_or("?", |s| s)
    }
    pub fn all(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|s| &**s)
    }
}

/// A global: a static, a const evaluated once, or a REPL variable.
#[derive(Clone, Debug)]
pub struct Global {
    pub name: String,
    pub cell: Heap<Value>,
    /// The type as written or inferred, for the REPL's `:vars`.
    pub ty: Option<Ty>,
}

/// The compiled program.
#[derive(Clone)]
pub struct Program {
    pub funcs: Vec<Arc<FuncProto>>,
    pub adts: Vec<Arc<AdtDef>>,
    /// (type id, method symbol) -> function index. Trait methods are entered under their
    /// plain name and under `Trait::name`.
    pub methods: FxHashMap<(u32, u32), u32>,
    /// `From` conversions: (target type id, source type id) -> `from` function.
    pub from_impls: FxHashMap<(u32, u32), u32>,
    /// Type id -> user `Drop::drop` function.
    pub drops: FxHashMap<u32, u32>,
    /// Type id -> traits implemented (names), for `dyn` and default-method bookkeeping.
    pub traits_of: FxHashMap<u32, Vec<String>>,
    pub symbols: Symbols,
    /// Type name -> type id (user ADTs and builtins named in impls).
    pub type_ids: FxHashMap<String, u32>,
    /// Dropping values must walk them (the program has `Drop` impls or uses `Rc`/`RefCell`).
    pub needs_drop_walk: bool,
    /// Drops are tracked (`needs_drop_walk` is on: the compiler emits `Drop`/`DropTemps` at
    /// scope and statement ends) only so that values die on time: the program's only reason
    /// was a channel, whose ends disconnect in their own Rust `Drop` when the last handle
    /// goes. Temporaries and a returning frame's registers are then just cleared (no user
    /// `drop`, `Rc` count or guard can be in them); an owner's `Drop` still walks (`drop.rs`).
    pub drops_clear_only: bool,
    pub globals: Vec<Global>,
    /// Result-type hints; index 0 is unused (no hint).
    pub hints: Vec<Ty>,
    pub std: StdDefs,
}

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Program({} functions, {} types)", self.funcs.len(), self.adts.len())
    }
}

impl Program {
    pub fn new(std: StdDefs) -> Program {
        Program {
            funcs: Vec::new(),
            adts: Vec::new(),
            methods: FxHashMap::default(),
            from_impls: FxHashMap::default(),
            drops: FxHashMap::default(),
            traits_of: FxHashMap::default(),
            symbols: Symbols::default(),
            type_ids: FxHashMap::default(),
            needs_drop_walk: false,
            drops_clear_only: false,
            globals: Vec::new(),
            hints: vec![Ty::Infer],
            std,
        }
    }

    /// Find a user or prelude method for a receiver of type `tid`.
    #[inline]
    pub fn find_method(&self, tid: u32, sym: u32) -> Option<u32> {
        if let Some(&f) = self.methods.get(&(tid, sym)) {
            return Some(f);
        }
        self.methods.get(&(tid::ANY, sym)).copied()
    }

    /// Add a hint, returning its index.
    pub fn add_hint(&mut self, ty: Ty) -> u32 {
        if let Some(i) = self.hints.iter().position(|t| *t == ty) {
            return i as u32;
        }
        self.hints.push(ty);
        (self.hints.len() - 1) as u32
    }

    pub fn hint(&self, idx: u32) -> Option<&Ty> {
        if idx == 0 {
            None
        } else {
            self.hints.get(idx as usize)
        }
    }

    /// Forget every cached method/field lookup (after the program changed).
    pub fn clear_caches(&self) {
        use std::sync::atomic::Ordering;
        for f in &self.funcs {
            for s in &f.sites {
                s.cache.store(super::call::initial_cache(&s.kind), Ordering::Relaxed);
                s.fused.store(0, Ordering::Relaxed);
            }
            for s in &f.fields {
                s.cache.store(0, Ordering::Relaxed);
            }
        }
    }

    /// Must a dying value be walked (`drop.rs`)? Drops tracked, and not only cleared.
    #[inline]
    pub fn walks_drops(&self) -> bool {
        // A `Drop` impl (registered with the items, after the decision) always walks.
        self.needs_drop_walk && !(self.drops_clear_only && self.drops.is_empty())
    }

    /// True when dropping values may run user code or change `Rc` counts.
    pub fn has_drop_glue(&self) -> bool {
        !self.drops.is_empty()
    }
}
