//! `Value`: what a VM register holds.
//!
//! Representation (see ARCHITECTURE.md, "Values"): a 16-byte enum. Scalars (integers with
//! their Rust type, floats, bool, char, unit) live inline, so integer arithmetic never
//! allocates. Aggregates (String, tuples, arrays, Vec, structs, enums, maps) are `Heap<_>`
//! handles: moving a value moves the handle; `Copy` aggregates (tuples and arrays of Copy
//! values, `#[derive(Copy)]` structs) are copied by the VM when read by value from a place
//! that stays alive; `.clone()` clones deeply as Rust's `Clone` does.
//!
//! `&mut` to a scalar place is a `Ref` (a `Place`): a boxed local, a field of a heap object or
//! an element of a vector. Shared `&` of anything is the value itself (aggregates are handles
//! already; scalars cannot change while shared).

use crate::heap::{Heap, Sole};
use std::sync::Arc;

/// Rust's integer types. `I128`/`U128` come last: their values that fit the compact range
/// (`i64` for i128, `0..=i64::MAX` for u128) are `Value::Int`, larger ones `Value::Wide`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum IntTy {
    I8,
    I16,
    I32,
    I64,
    Isize,
    U8,
    U16,
    U32,
    U64,
    Usize,
    I128,
    U128,
}

impl IntTy {
    pub fn name(self) -> &'static str {
        use IntTy::*;
        match self {
            I8 => "i8",
            I16 => "i16",
            I32 => "i32",
            I64 => "i64",
            Isize => "isize",
            U8 => "u8",
            U16 => "u16",
            U32 => "u32",
            U64 => "u64",
            Usize => "usize",
            I128 => "i128",
            U128 => "u128",
        }
    }
    pub fn from_name(s: &str) -> Option<IntTy> {
        use IntTy::*;
        Some(match s {
            "i8" => I8,
            "i16" => I16,
            "i32" => I32,
            "i64" => I64,
            "isize" => Isize,
            "u8" => U8,
            "u16" => U16,
            "u32" => U32,
            "u64" => U64,
            "usize" => Usize,
            "i128" => I128,
            "u128" => U128,
            _ => return None,
        })
    }
    pub fn signed(self) -> bool {
        matches!(self, IntTy::I8 | IntTy::I16 | IntTy::I32 | IntTy::I64 | IntTy::Isize | IntTy::I128)
    }
    /// `i128` or `u128` (whose large values are `Value::Wide`).
    #[inline]
    pub fn is_128(self) -> bool {
        self as u8 >= IntTy::I128 as u8
    }
    pub fn bits(self) -> u32 {
        use IntTy::*;
        match self {
            I8 | U8 => 8,
            I16 | U16 => 16,
            I32 | U32 => 32,
            I64 | U64 | Isize | Usize => 64,
            I128 | U128 => 128,
        }
    }
    /// The smallest value, as the i64 bit pattern an `Int` of this type holds (for i128 and
    /// u128: the smallest compact value).
    pub fn min(self) -> i64 {
        if self == IntTy::I128 {
            i64::MIN
        } else if self.signed() {
            i64::MIN >> (64 - self.bits())
        } else {
            0
        }
    }
    /// The largest value, as the i64 bit pattern an `Int` of this type holds
    /// (`u64::MAX` is `-1`; for i128 and u128: the largest compact value).
    pub fn max(self) -> i64 {
        if self.is_128() {
            i64::MAX
        } else if self.signed() {
            i64::MAX >> (64 - self.bits())
        } else if self.bits() == 64 {
            -1
        } else {
            ((1u64 << self.bits()) - 1) as i64
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatTy {
    F32,
    F64,
}

/// A register's content. Cheap to clone: at most an `Arc` increment.
///
/// Integers: `Int(bits, ty)` holds the value as an i64 bit pattern; for `u64`/`usize` the bits
/// are reinterpreted (`u64::MAX` is stored as `-1`). Values of narrower types are always kept
/// in range (sign- or zero-extended).
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// `()`, and the content of a fresh register.
    #[default]
    Unit,
    Bool(bool),
    Int(i64, IntTy),
    /// An `i128`/`u128` outside the compact range of `Int` (see `IntTy`): its 128 bits
    /// (two's complement for i128). Immutable, so sharing the `Arc` is copying.
    Wide(Arc<u128>, IntTy),
    /// f32 values are stored rounded to f32 precision.
    Float(f64, FloatTy),
    Char(char),
    /// `String` and `&str` alike.
    Str(Heap<String>),
    /// Tuples (never empty: `()` is `Unit`).
    Tuple(Heap<Vec<Value>>),
    /// `Vec<T>`, `[T; N]`, `Box<[T]>`.
    Vec(Heap<VecObj>),
    /// `&v[a..b]` / `&mut v[a..b]`: a window on a vector, aliasing it.
    Slice(Arc<SliceVal>),
    /// A value of a user struct or of any enum (including `Option`, `Result`, `Ordering`).
    Adt(Heap<AdtObj>),
    /// A field-less enum variant held inline (`None`, `Ordering::Less`, a unit variant): its
    /// definition and variant index, no allocation. It means exactly what an `Adt` object of
    /// that variant with no fields means; both forms exist side by side (natives and programs
    /// with drop glue build objects). Immutable: a place that is about to be mutated through
    /// a handle (the receiver of a `&mut self` method, see `Instr::PromoteTag`) gets an
    /// equivalent object first (`Value::promote`).
    Tag(DefRef, u32),
    /// `Some(x)` of the program's `Option` (`some_def`) whose payload `x` is a struct or enum
    /// object of a non-`Copy` type (`Value::Adt`, never a `Tag`): the payload's handle alone, no
    /// `Some` object (one allocation per `Option<Box<Node>>` instead of two). It means exactly
    /// what an `Adt` object `Some` with the one field `Adt(x)` means, and both forms exist side
    /// by side: compiled code builds it (`MakeAdt`, not in programs that track drops), readers
    /// of enums treat it as the object (`adt_variant`, `untag`), a `&mut self` receiver place
    /// is promoted to the object first (`promote`, as for `Tag`). Immutable as a `Tag` is; a
    /// `&mut` to its payload is the payload's handle (`&mut` of an aggregate is its handle:
    /// `*r = v` replaces the object's contents, `place::replace_contents`).
    SomeObj(Heap<AdtObj>),
    /// HashMap, HashSet, BTreeMap, BTreeSet, VecDeque, and the other std containers.
    Coll(Heap<Collection>),
    /// A function, a closure, or a bound native.
    Func(Arc<Callable>),
    /// `&mut` to a place holding a scalar (or any place, after `&mut` of a field).
    Ref(Arc<Place>),
    /// Rc, Arc, Weak, Cell, RefCell and other shared-ownership or interior-mutability cells.
    Cell(Heap<CellObj>),
    /// A native iterator (over a range, a vector, a string's chars, a map...).
    Iter(Heap<NativeIter>),
    /// A range value `a..b` kept as a value (for `contains`, slicing, passing around).
    Range(Arc<RangeVal>),
    /// A runtime object defined in `stdlib` and bound by `interp` (channels, locks, ...).
    Native(Arc<Box<dyn std::any::Any + Send + Sync>>),
    /// What a local holds after its value was moved out.
    Moved,
}

/// A vector's elements, and whether it is a fixed-size array (`[T; N]`: Copy when its elements
/// are, printed the same).
#[derive(Debug, Default)]
pub struct VecObj {
    pub items: Vec<Value>,
    pub is_array: bool,
}

/// The fields of a struct or variant object: up to two live inside the object itself (one
/// allocation for `Some(x)`, a pair, a tree node), more spill to a separate buffer.
pub type Fields = smallvec::SmallVec<[Value; 2]>;

/// An instance of a struct or an enum variant.
#[derive(Debug)]
pub struct AdtObj {
    pub def: DefRef,
    /// The variant's index (0 for structs).
    pub variant: u32,
    /// Fields in declaration order.
    pub fields: Fields,
}

impl AdtObj {
    /// A new object of variant `variant` of `def` (fields in declaration order).
    pub fn new(def: impl Into<DefRef>, variant: u32, fields: impl Into<Fields>) -> AdtObj {
        AdtObj { def: def.into(), variant, fields: fields.into() }
    }
}

/// The definition an object belongs to, without a reference count: building or freeing an
/// object touches no shared counter (an `Arc` costs two atomic read-modify-writes per object,
/// more than the rest of a small object's life). A definition that an object ever referred
/// to lives until the process ends: it is a few hundred bytes per struct or enum of a
/// program, and a program's definitions live as long as its session anyway.
///
/// Made from the `Arc<AdtDef>` the program holds (`From`); the VM makes one per constructor
/// site at compile time (`Ctor::def`), natives make one per object they build.
#[derive(Clone, Copy)]
pub struct DefRef(&'static AdtDef);

impl DefRef {
    /// `def` for as long as the process lives: one strong count of the `Arc` is given up, so
    /// the definition is never freed.
    pub fn pin(def: &Arc<AdtDef>) -> DefRef {
        DefRef::leak(Arc::clone(def))
    }
    /// `pin` for an `Arc` the caller gives up.
    pub fn leak(def: Arc<AdtDef>) -> DefRef {
        let raw = Arc::into_raw(def);
        // SAFETY: `raw` comes from `Arc::into_raw` and is never given back to
        // `Arc::from_raw`, so the strong count it stands for is never released: the
        // allocation is never freed and the `AdtDef` is never mutated (an `Arc` gives no
        // mutable access while another count exists), so a shared `'static` reference is valid.
        DefRef(unsafe { &*raw })
    }
    /// The same definition as `def`?
    #[inline]
    pub fn is(self, def: &AdtDef) -> bool {
        std::ptr::eq(self.0, def)
    }
}

impl std::ops::Deref for DefRef {
    type Target = AdtDef;
    #[inline]
    fn deref(&self) -> &AdtDef {
        self.0
    }
}

impl From<&Arc<AdtDef>> for DefRef {
    fn from(def: &Arc<AdtDef>) -> DefRef {
        DefRef::pin(def)
    }
}

impl From<&DefRef> for DefRef {
    fn from(def: &DefRef) -> DefRef {
        *def
    }
}

impl From<Arc<AdtDef>> for DefRef {
    fn from(def: Arc<AdtDef>) -> DefRef {
        DefRef::leak(def)
    }
}

impl std::fmt::Debug for DefRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What the VM knows of a struct or enum at run time.
#[derive(Debug)]
pub struct AdtDef {
    pub name: String,
    pub is_enum: bool,
    pub variants: Vec<VariantDef>,
    /// `#[derive(Copy)]`: reads by value copy the object.
    pub is_copy: bool,
    /// The derived traits (`Debug`, `Clone`, `PartialEq`, ...).
    pub derives: Vec<String>,
    /// Filled by the compiler: an index into the program's type table, to find impls.
    pub type_id: u32,
}

#[derive(Debug)]
pub struct VariantDef {
    pub name: String,
    pub kind: VariantKind,
    /// Field names (`"0"`, `"1"`, ... for tuple variants).
    pub fields: Vec<String>,
    pub discriminant: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariantKind {
    Unit,
    Tuple,
    Named,
}

/// The std collections other than Vec.
#[derive(Debug)]
pub enum Collection {
    /// `HashMap` (kept in insertion order; Rust's order is unspecified anyway).
    HashMap(KeyMap),
    HashSet(KeySet),
    BTreeMap(std::collections::BTreeMap<Key, Value>),
    BTreeSet(std::collections::BTreeSet<Key>),
    VecDeque(std::collections::VecDeque<Value>),
    BinaryHeap(Vec<Value>),
    /// A `BTreeMap`, `BTreeSet` or `BinaryHeap` whose elements need a hand-written `Ord`:
    /// ordered by prelude code that calls the user's `cmp` (see `builtins/ordcoll.rs`).
    Ordered(OrdColl),
}

/// Which std collection an `OrdColl` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrdKind {
    Map,
    Set,
    Heap,
}

/// A user-ordered `BTreeMap`/`BTreeSet` (keys sorted by the user's `cmp`) or `BinaryHeap`
/// (the heap array in std's layout). Natives only read it and move whole entries; every
/// comparison runs in the prelude (`builtins/prelude/ordcoll.rs`).
#[derive(Debug)]
pub struct OrdColl {
    pub kind: OrdKind,
    /// Map and set: the keys in order; heap: the heap array.
    pub keys: Vec<Value>,
    /// Map: the values, beside `keys`; empty for sets and heaps.
    pub vals: Vec<Value>,
    /// Entries a native added without ordering them (`from`, `collect`, `extend`); the
    /// prelude places them before the collection is used again.
    pub pending: Vec<(Value, Value)>,
}

/// `HashMap`'s table: insertion-ordered, hashed with FxHash (the order never depends on the
/// hasher, so programs print the same whatever the hash function).
pub type KeyMap = indexmap::IndexMap<Key, Value, rustc_hash::FxBuildHasher>;
/// `HashSet`'s table (as `KeyMap`).
pub type KeySet = indexmap::IndexSet<Key, rustc_hash::FxBuildHasher>;

/// A value used as a map key or set element: hashed and ordered structurally, as derived
/// `Hash`/`Ord` would. The builtins module implements `Hash`, `Eq` and `Ord` for it.
#[derive(Clone, Debug)]
pub struct Key(pub Value);

/// A place a `&mut` reference points at.
#[derive(Debug)]
pub enum Place {
    /// A local variable that was boxed because `&mut` was taken of it or a closure captured it.
    Local(Heap<Value>),
    /// Field `i` of a struct/enum object.
    Field(Heap<AdtObj>, u32),
    /// Element `i` of a tuple.
    TupleElem(Heap<Vec<Value>>, u32),
    /// Element `i` of a vector.
    Elem(Heap<VecObj>, u32),
    /// The value in a map under a key (`get_mut`, `entry().or_insert()`).
    MapValue(Heap<Collection>, Key),
    /// The content of a Cell/RefCell/Box-like cell (`borrow_mut()`, `get_mut()`).
    CellContent(Heap<CellObj>),
}

/// Shared-ownership and interior-mutability cells.
#[derive(Debug)]
pub enum CellObj {
    /// `Rc<T>` / `Arc<T>`: the counts are tracked here, not by `Heap`'s handles.
    Rc { value: Value, strong: usize, weak: usize, atomic: bool },
    /// `Weak<T>` points at an `Rc` cell.
    Weak { target: Heap<CellObj>, atomic: bool },
    /// `Cell<T>`.
    Cell(Value),
    /// `RefCell<T>` with Rust's dynamic borrow state: >0 shared borrows, -1 mutable.
    RefCell { value: Value, borrow: isize },
}

/// Something callable.
#[derive(Debug)]
pub enum Callable {
    /// A compiled TERAS function, by index into the program's function table.
    Function(u32),
    /// A closure: a function and its captured values (boxed locals are `Ref`s). `released`:
    /// its owned captures (`FuncProto::owned_captures`) were handed to whoever consumed it
    /// (a frame that owns them, or its drop): they are dropped once, by that one.
    Closure { func: u32, captures: Vec<Value>, released: std::sync::atomic::AtomicBool },
    /// A native function or method of the builtins, by index into the native table.
    Native(u32),
    /// A native bound to its first argument (a method taken as a value, `x.method`).
    Bound { native: u32, receiver: Value },
}

/// The state of a native iterator. Adapters that take closures are written in TERAS (the
/// prelude), so native iterators never call back into the VM.
#[derive(Debug)]
pub enum NativeIter {
    /// An integer range: next value, end (exclusive), step, type; `done` for inclusive ends.
    Range { next: i64, end: i64, ty: IntTy, inclusive: bool, done: bool, rev: bool },
    CharRange { next: u32, end: u32, inclusive: bool, done: bool },
    /// A range of `i128`/`u128` with a bound outside the 64-bit compact range: the bounds'
    /// 128 bits (two's complement for i128), as `Range` otherwise (see `builtins::iter`).
    WideRange { next: u128, end: u128, ty: IntTy, inclusive: bool, done: bool, rev: bool },
    /// Over a vector's elements by value or by `&mut` place.
    Vec { vec: Heap<VecObj>, front: usize, back: usize, by_mut: bool },
    /// Over owned items (a snapshot: map entries, chars, split pieces, drained values).
    Items { items: std::collections::VecDeque<Value> },
}

/// A window `start..end` on a vector.
#[derive(Debug, Clone)]
pub struct SliceVal {
    pub vec: Heap<VecObj>,
    pub start: u32,
    pub end: u32,
}

/// A range kept as a value.
#[derive(Debug, Clone)]
pub struct RangeVal {
    pub start: Option<Value>,
    pub end: Option<Value>,
    pub inclusive: bool,
}

impl Value {
    #[inline]
    pub fn int(v: i64, ty: IntTy) -> Value {
        Value::Int(v, ty)
    }
    #[inline]
    pub fn i32(v: i32) -> Value {
        Value::Int(v as i64, IntTy::I32)
    }
    #[inline]
    pub fn usize(v: usize) -> Value {
        Value::Int(v as i64, IntTy::Usize)
    }
    /// An `i128`/`u128` (`ty`) from its 128 bits, in canonical form: `Int` when the value
    /// fits the compact range, else `Wide`.
    pub fn int128(bits: u128, ty: IntTy) -> Value {
        let compact = if ty == IntTy::U128 { bits <= i64::MAX as u128 } else { i64::try_from(bits as i128).is_ok() };
        if compact {
            Value::Int(bits as i64, ty)
        } else {
            Value::Wide(Arc::new(bits), ty)
        }
    }
    pub fn f64(v: f64) -> Value {
        Value::Float(v, FloatTy::F64)
    }
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(Heap::new(s.into()))
    }

    /// A struct or enum value's definition and variant index (an object or an inline `Tag`
    /// or `SomeObj`).
    #[inline]
    pub fn adt_variant(&self) -> Option<(DefRef, u32)> {
        match self {
            Value::Tag(d, i) => Some((*d, *i)),
            Value::SomeObj(_) => some_def().map(|d| (d, SOME_VARIANT)),
            Value::Adt(h) => h.read().ok().map(|o| (o.def, o.variant)),
            _ => None,
        }
    }

    /// The value with an inline `Tag` turned into the equivalent (fresh, field-less) object,
    /// for code that reads `Adt` objects; anything else is itself, not copied.
    #[inline]
    pub fn untag(&self) -> std::borrow::Cow<'_, Value> {
        match self {
            Value::Tag(d, i) => std::borrow::Cow::Owned(Value::Adt(Heap::new(AdtObj::new(*d, *i, Fields::new())))),
            Value::SomeObj(h) => match some_def() {
                Some(d) => {
                    let fields: Fields = smallvec::smallvec![Value::Adt(h.clone())];
                    std::borrow::Cow::Owned(Value::Adt(Heap::new(AdtObj::new(d, SOME_VARIANT, fields))))
                }
                None => std::borrow::Cow::Borrowed(self),
            },
            v => std::borrow::Cow::Borrowed(v),
        }
    }

    /// Turns an inline `Tag` in place into the equivalent object, so that the place and the
    /// handles read from it from now on share one object (a `&mut self` method replaces its
    /// contents). Whether it was a `Tag`.
    #[inline]
    pub fn promote(&mut self) -> bool {
        match self {
            Value::Tag(d, i) => {
                *self = Value::Adt(Heap::new(AdtObj::new(*d, *i, Fields::new())));
                true
            }
            Value::SomeObj(_) => {
                let Some(d) = some_def() else { return false };
                if let Value::SomeObj(h) = std::mem::take(self) {
                    *self = Value::Adt(Heap::new(AdtObj::new(d, SOME_VARIANT, smallvec::smallvec![Value::Adt(h)] as Fields)));
                }
                true
            }
            _ => false,
        }
    }

    /// Reads as an enum value, or is one held inline (`Adt`, `Tag`, `SomeObj`)?
    #[inline]
    pub fn is_adt(&self) -> bool {
        matches!(self, Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_))
    }
}

/// `Some`'s variant index in `Option` (declaration order in the prelude's core).
pub const SOME_VARIANT: u32 = 1;

/// The `Option` definition whose `Some` of an object is held inline (`Value::SomeObj`): the
/// first program's (a process runs one program; a test process that runs several keeps the
/// first one's, and the others build objects). Set once, never changed: a `SomeObj` always
/// reads as `Some` of this definition.
static SOME_DEF: std::sync::OnceLock<DefRef> = std::sync::OnceLock::new();

/// The definition a `SomeObj` is `Some` of (set before any `SomeObj` exists).
#[inline]
pub fn some_def() -> Option<DefRef> {
    SOME_DEF.get().copied()
}

/// The address of `option` (a program's `Option`, `StdDefs::option`) when its `Some` of an
/// object may be held inline (`Value::SomeObj`): the definition the slot holds (the first
/// program's claims it); null for any other. `MakeAdt` compares its constructor's definition
/// with it.
pub fn inline_some_ptr(option: &Arc<AdtDef>) -> *const AdtDef {
    let d = *SOME_DEF.get_or_init(|| DefRef::pin(option));
    if std::ptr::eq(&*d, Arc::as_ptr(option)) {
        &*d
    } else {
        std::ptr::null()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
    }

    /// A `Tag` reads as the object of its variant (`untag`, `adt_variant`), and `promote`
    /// turns it into one in place.
    #[test]
    fn tag_reads_and_promotes_as_an_object() {
        use super::{AdtDef, DefRef, Value, VariantDef, VariantKind};
        let def = DefRef::leak(std::sync::Arc::new(AdtDef {
            name: "Option".into(),
            is_enum: true,
            variants: vec![
                VariantDef { name: "None".into(), kind: VariantKind::Unit, fields: vec![], discriminant: 0 },
                VariantDef { name: "Some".into(), kind: VariantKind::Tuple, fields: vec!["0".into()], discriminant: 1 },
            ],
            is_copy: false,
            derives: Vec::new(),
            type_id: 0,
        }));
        let mut t = Value::Tag(def, 0);
        assert!(matches!(t.adt_variant(), Some((d, 0)) if d.is(&def)));
        match &*t.untag() {
            Value::Adt(h) => assert!(h.read().is_ok_and(|o| o.variant == 0 && o.fields.is_empty() && o.def.is(&def))),
            other => panic!("not an object: {other:?}"),
        }
        assert!(t.promote());
        assert!(matches!(&t, Value::Adt(_)));
        assert!(!t.promote());
        assert!(matches!(t.adt_variant(), Some((_, 0))));
        assert!(Value::Unit.adt_variant().is_none());
    }

    #[test]
    fn int128_is_canonical() {
        use super::{IntTy, Value};
        assert!(matches!(Value::int128(5, IntTy::U128), Value::Int(5, IntTy::U128)));
        assert!(matches!(Value::int128(u128::MAX, IntTy::I128), Value::Int(-1, IntTy::I128)));
        assert!(matches!(Value::int128(u128::MAX, IntTy::U128), Value::Wide(_, IntTy::U128)));
        assert!(matches!(Value::int128(1 << 63, IntTy::U128), Value::Wide(_, IntTy::U128)));
        assert!(matches!(Value::int128(1 << 63, IntTy::I128), Value::Wide(_, IntTy::I128)));
    }

    /// A `DefRef` stays valid after every `Arc` of its definition is gone (it holds a count it
    /// never gives back), compares by identity, and is read from several threads at once
    /// (scripts/miri.sh runs this under Miri).
    #[test]
    fn def_ref_outlives_its_arcs() {
        use super::{AdtDef, AdtObj, DefRef, Value, VariantDef, VariantKind};
        use std::sync::Arc;
        let mk = |name: &str| {
            Arc::new(AdtDef {
                name: name.into(),
                is_enum: false,
                variants: vec![VariantDef { name: name.into(), kind: VariantKind::Named, fields: vec!["x".into()], discriminant: 0 }],
                is_copy: false,
                derives: Vec::new(),
                type_id: 0,
            })
        };
        let (a, b) = (mk("A"), mk("B"));
        let ra: DefRef = (&a).into();
        let rb = DefRef::leak(b);
        assert!(ra.is(&a) && !ra.is(&rb));
        drop(a);
        let obj = AdtObj::new(ra, 0, vec![Value::Bool(true)]);
        let names: Vec<String> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..2).map(|_| s.spawn(|| format!("{}.{}", obj.def.name, obj.def.variants[0].fields[0]))).collect();
            hs.into_iter().map(|h| h.join().unwrap_or_default()).collect()
        });
        assert_eq!(names, ["A.x", "A.x"]);
        assert_eq!(rb.name, "B");
    }
}

mod teardown;
pub(crate) use teardown::is_plain;
