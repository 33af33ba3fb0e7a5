//! `std::sync::atomic`: `AtomicBool`, `AtomicI8`..`AtomicI64`, `AtomicIsize`,
//! `AtomicU8`..`AtomicU64`, `AtomicUsize`, each a real std atomic of that type (so wrapping,
//! `fetch_max` and every memory ordering are the hardware's), plus `fence`,
//! `compiler_fence`, `hint::spin_loop` and `hint::black_box`. `fetch_update` is prelude code over `load` and
//! `compare_exchange_weak`.
//!
//! A TERAS integer holds its value as an i64 bit pattern of its type (`value.rs`): `from_bits`
//! truncates it to the atomic's primitive, `to_bits` sign- or zero-extends it back.

use super::super::util::{self, raw_arg, R};
use super::super::{NativeCx, NativeError, NativeResult};
use super::{defs, storage, CoreRef};
use crate::value::{IntTy, Place, Value};
use std::sync::atomic::{self as sa, Ordering};
use std::sync::Arc;

/// The std ordering of the TERAS `Ordering` value at index `i` of `defs::ORDERINGS`.
fn std_ordering(i: usize) -> Ordering {
    match i {
        // `Ordering::Relaxed`: no ordering, only atomicity.
        0 => Ordering::Relaxed,
        // `Ordering::Release`: stores publish earlier writes.
        1 => Ordering::Release,
        // `Ordering::Acquire`: loads see what the matching release published.
        2 => Ordering::Acquire,
        // `Ordering::AcqRel`: both, for read-modify-write operations.
        3 => Ordering::AcqRel,
        // `Ordering::SeqCst` (and anything else): one total order.
        _ => Ordering::SeqCst,
    }
}

/// What the ordering is used for, to reject the combinations std panics on.
#[derive(Clone, Copy, PartialEq)]
enum Use {
    Load,
    Store,
    Rmw,
    Failure,
}

fn ordering_arg(args: &[Value], i: usize, use_: Use) -> R<Ordering> {
    let o = std_ordering(defs::ordering_index(&raw_arg(args, i)?)?);
    let msg = match (use_, o) {
        (Use::Load, Ordering::Release) => "there is no such thing as a release load",
        (Use::Load, Ordering::AcqRel) => "there is no such thing as an acquire-release load",
        (Use::Store, Ordering::Acquire) => "there is no such thing as an acquire store",
        (Use::Store, Ordering::AcqRel) => "there is no such thing as an acquire-release store",
        (Use::Failure, Ordering::Release) => "there is no such thing as a release failure ordering",
        (Use::Failure, Ordering::AcqRel) => "there is no such thing as an acquire-release failure ordering",
        _ => return Ok(o),
    };
    Err(util::panic(msg))
}

/// A read-modify-write operation.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Op {
    Swap,
    Add,
    Sub,
    And,
    Or,
    Xor,
    Nand,
    Max,
    Min,
}

/// The operations every std atomic integer has, on its bit pattern.
trait AtomInt {
    fn load_bits(&self, o: Ordering) -> i64;
    fn store_bits(&self, v: i64, o: Ordering);
    fn rmw(&self, op: Op, v: i64, o: Ordering) -> i64;
    fn cas(&self, cur: i64, new: i64, s: Ordering, f: Ordering, weak: bool) -> Result<i64, i64>;
}

macro_rules! atom_int {
    ($at:ty, $p:ty) => {
        impl AtomInt for $at {
            fn load_bits(&self, o: Ordering) -> i64 {
                self.load(o) as i64
            }
            fn store_bits(&self, v: i64, o: Ordering) {
                self.store(v as $p, o)
            }
            fn rmw(&self, op: Op, v: i64, o: Ordering) -> i64 {
                let v = v as $p;
                (match op {
                    Op::Swap => self.swap(v, o),
                    Op::Add => self.fetch_add(v, o),
                    Op::Sub => self.fetch_sub(v, o),
                    Op::And => self.fetch_and(v, o),
                    Op::Or => self.fetch_or(v, o),
                    Op::Xor => self.fetch_xor(v, o),
                    Op::Nand => self.fetch_nand(v, o),
                    Op::Max => self.fetch_max(v, o),
                    Op::Min => self.fetch_min(v, o),
                }) as i64
            }
            fn cas(&self, cur: i64, new: i64, s: Ordering, f: Ordering, weak: bool) -> Result<i64, i64> {
                let r = if weak {
                    self.compare_exchange_weak(cur as $p, new as $p, s, f)
                } else {
                    self.compare_exchange(cur as $p, new as $p, s, f)
                };
                r.map(|x| x as i64).map_err(|x| x as i64)
            }
        }
    };
}

atom_int!(sa::AtomicI8, i8);
atom_int!(sa::AtomicI16, i16);
atom_int!(sa::AtomicI32, i32);
atom_int!(sa::AtomicI64, i64);
atom_int!(sa::AtomicIsize, isize);
atom_int!(sa::AtomicU8, u8);
atom_int!(sa::AtomicU16, u16);
atom_int!(sa::AtomicU32, u32);
atom_int!(sa::AtomicU64, u64);
atom_int!(sa::AtomicUsize, usize);

/// `AtomicBool` as an integer atomic of 0/1 (its `fetch_*` are the logical ones).
impl AtomInt for sa::AtomicBool {
    fn load_bits(&self, o: Ordering) -> i64 {
        self.load(o) as i64
    }
    fn store_bits(&self, v: i64, o: Ordering) {
        self.store(v != 0, o)
    }
    fn rmw(&self, op: Op, v: i64, o: Ordering) -> i64 {
        let v = v != 0;
        (match op {
            Op::Swap => self.swap(v, o),
            Op::And | Op::Min => self.fetch_and(v, o),
            Op::Or | Op::Max => self.fetch_or(v, o),
            Op::Xor | Op::Add | Op::Sub => self.fetch_xor(v, o),
            Op::Nand => self.fetch_nand(v, o),
        }) as i64
    }
    fn cas(&self, cur: i64, new: i64, s: Ordering, f: Ordering, weak: bool) -> Result<i64, i64> {
        let r = if weak { self.compare_exchange_weak(cur != 0, new != 0, s, f) } else { self.compare_exchange(cur != 0, new != 0, s, f) };
        r.map(|x| x as i64).map_err(|x| x as i64)
    }
}

/// One atomic of any type.
#[derive(Debug)]
pub enum Atom {
    Bool(sa::AtomicBool),
    I8(sa::AtomicI8),
    I16(sa::AtomicI16),
    I32(sa::AtomicI32),
    I64(sa::AtomicI64),
    Isize(sa::AtomicIsize),
    U8(sa::AtomicU8),
    U16(sa::AtomicU16),
    U32(sa::AtomicU32),
    U64(sa::AtomicU64),
    Usize(sa::AtomicUsize),
}

/// The atomic types by name, with their value type (`None`: bool).
pub const TYPES: [(&str, Option<IntTy>); 11] = [
    ("AtomicBool", None),
    ("AtomicI8", Some(IntTy::I8)),
    ("AtomicI16", Some(IntTy::I16)),
    ("AtomicI32", Some(IntTy::I32)),
    ("AtomicI64", Some(IntTy::I64)),
    ("AtomicIsize", Some(IntTy::Isize)),
    ("AtomicU8", Some(IntTy::U8)),
    ("AtomicU16", Some(IntTy::U16)),
    ("AtomicU32", Some(IntTy::U32)),
    ("AtomicU64", Some(IntTy::U64)),
    ("AtomicUsize", Some(IntTy::Usize)),
];

/// An atomic and its value type.
#[derive(Debug)]
pub struct AtomObj {
    pub atom: Atom,
    pub ty: Option<IntTy>,
}

impl AtomObj {
    fn new(ty: Option<IntTy>, bits: i64) -> AtomObj {
        let atom = match ty {
            None => Atom::Bool(sa::AtomicBool::new(bits != 0)),
            Some(IntTy::I8) => Atom::I8(sa::AtomicI8::new(bits as i8)),
            Some(IntTy::I16) => Atom::I16(sa::AtomicI16::new(bits as i16)),
            Some(IntTy::I32) => Atom::I32(sa::AtomicI32::new(bits as i32)),
            Some(IntTy::I64) => Atom::I64(sa::AtomicI64::new(bits)),
            Some(IntTy::Isize) => Atom::Isize(sa::AtomicIsize::new(bits as isize)),
            Some(IntTy::U8) => Atom::U8(sa::AtomicU8::new(bits as u8)),
            Some(IntTy::U16) => Atom::U16(sa::AtomicU16::new(bits as u16)),
            Some(IntTy::U32) => Atom::U32(sa::AtomicU32::new(bits as u32)),
            Some(IntTy::U64) => Atom::U64(sa::AtomicU64::new(bits as u64)),
            Some(IntTy::Usize) => Atom::Usize(sa::AtomicUsize::new(bits as usize)),
            // std has no stable 128-bit atomics: no constructor makes one.
            Some(IntTy::I128) => Atom::I64(sa::AtomicI64::new(bits)),
            Some(IntTy::U128) => Atom::U64(sa::AtomicU64::new(bits as u64)),
        };
        AtomObj { atom, ty }
    }

    fn int(&self) -> &dyn AtomInt {
        match &self.atom {
            Atom::Bool(a) => a,
            Atom::I8(a) => a,
            Atom::I16(a) => a,
            Atom::I32(a) => a,
            Atom::I64(a) => a,
            Atom::Isize(a) => a,
            Atom::U8(a) => a,
            Atom::U16(a) => a,
            Atom::U32(a) => a,
            Atom::U64(a) => a,
            Atom::Usize(a) => a,
        }
    }

    /// The TERAS value of a bit pattern of this atomic's type.
    fn value(&self, bits: i64) -> Value {
        match self.ty {
            None => Value::Bool(bits != 0),
            Some(t) => Value::Int(bits, t),
        }
    }

    fn bits_of(&self, v: &Value) -> R<i64> {
        match (util::deref(v)?, self.ty) {
            (Value::Bool(b), None) => Ok(b as i64),
            (Value::Int(n, _), Some(_)) => Ok(n),
            (other, _) => Err(util::type_error(if self.ty.is_some() { "integer" } else { "bool" }, &other)),
        }
    }

    /// The current value (`Debug` loads it Relaxed, as std's impl does).
    pub fn current(&self) -> Value {
        // Relaxed: std's `Debug` for atomics loads with `Ordering::Relaxed`.
        self.value(self.int().load_bits(Ordering::Relaxed))
    }

    /// `get_mut`'s reference died: store what it holds.
    pub fn write_back(&self, v: &Value) {
        if let Ok(b) = self.bits_of(v) {
            // SeqCst: `&mut self` excludes other accesses; the strongest ordering costs
            // nothing here and keeps the write ordered with anything that follows.
            self.int().store_bits(b, Ordering::SeqCst);
        }
    }
}

/// `AtomicX::new(v)` (`aux`: index in `TYPES`).
fn new(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let ty = TYPES.get(aux as usize).and_then(|t| t.1);
    let bits = match util::deref(&raw_arg(args, 0)?)? {
        Value::Bool(b) if ty.is_none() => b as i64,
        Value::Int(n, _) if ty.is_some() => n,
        other => return Err(util::type_error(if ty.is_some() { "integer" } else { "bool" }, &other)),
    };
    Ok(Value::Native(Arc::new(Box::new(AtomObj::new(ty, bits)))))
}

fn atom(args: &[Value]) -> Option<Arc<Box<dyn std::any::Any + Send + Sync>>> {
    super::native_arg(args, 0).filter(|b| b.downcast_ref::<AtomObj>().is_some())
}

/// Method flavours (`aux & 0xff`).
const LOAD: u32 = 0;
const STORE: u32 = 1;
const CAS: u32 = 2;
const CAS_WEAK: u32 = 3;
const INTO_INNER: u32 = 4;
const GET_MUT: u32 = 5;
const RMW: u32 = 16;
const OPS: [(&str, Op); 9] = [
    ("swap", Op::Swap),
    ("fetch_add", Op::Add),
    ("fetch_sub", Op::Sub),
    ("fetch_and", Op::And),
    ("fetch_or", Op::Or),
    ("fetch_xor", Op::Xor),
    ("fetch_nand", Op::Nand),
    ("fetch_max", Op::Max),
    ("fetch_min", Op::Min),
];

fn method(cx: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let Some(b) = atom(args) else { return super::fallback(cx, args, aux, "atomic") };
    let Some(a) = b.downcast_ref::<AtomObj>() else { return super::fallback(cx, args, aux, "atomic") };
    let kind = aux & 0xff;
    match kind {
        LOAD => Ok(a.value(a.int().load_bits(ordering_arg(args, 1, Use::Load)?))),
        STORE => {
            let v = a.bits_of(&raw_arg(args, 1)?)?;
            a.int().store_bits(v, ordering_arg(args, 2, Use::Store)?);
            Ok(Value::Unit)
        }
        CAS | CAS_WEAK => {
            let cur = a.bits_of(&raw_arg(args, 1)?)?;
            let new = a.bits_of(&raw_arg(args, 2)?)?;
            let s = ordering_arg(args, 3, Use::Rmw)?;
            let f = ordering_arg(args, 4, Use::Failure)?;
            Ok(match a.int().cas(cur, new, s, f, kind == CAS_WEAK) {
                Ok(x) => util::ok(cx, a.value(x)),
                Err(x) => util::err(cx, a.value(x)),
            })
        }
        INTO_INNER => Ok(a.value(a.int().load_bits(Ordering::SeqCst))),
        GET_MUT => {
            // A place holding the value, written back into the atomic when it dies.
            let cur = a.value(a.int().load_bits(Ordering::SeqCst));
            Ok(Value::Ref(Arc::new(Place::Field(storage(cur, CoreRef::AtomicMut(b.clone())), 0))))
        }
        k if k >= RMW => {
            let (_, op) = OPS.get((k - RMW) as usize).copied().ok_or_else(|| util::panic("bad atomic op"))?;
            if a.ty.is_none() && matches!(op, Op::Add | Op::Sub | Op::Max | Op::Min) {
                return Err(util::panic("no such method on AtomicBool"));
            }
            let v = a.bits_of(&raw_arg(args, 1)?)?;
            Ok(a.value(a.int().rmw(op, v, ordering_arg(args, 2, Use::Rmw)?)))
        }
        _ => Err(NativeError::Panic("bad atomic method".into())),
    }
}

/// `fence(o)` (aux 0) / `compiler_fence(o)` (aux 1).
fn fence(_: &mut NativeCx<'_>, args: &mut [Value], aux: u32) -> NativeResult {
    let o = std_ordering(defs::ordering_index(&raw_arg(args, 0)?)?);
    if o == Ordering::Relaxed {
        return Err(util::panic("there is no such thing as a relaxed fence"));
    }
    if aux == 0 {
        sa::fence(o);
    } else {
        sa::compiler_fence(o);
    }
    Ok(Value::Unit)
}

fn spin_loop(_: &mut NativeCx<'_>, _: &mut [Value], _: u32) -> NativeResult {
    std::hint::spin_loop();
    Ok(Value::Unit)
}

/// `std::hint::black_box(x)`: `x` (an interpreter has no optimizer to hide it from).
fn black_box(_: &mut NativeCx<'_>, args: &mut [Value], _: u32) -> NativeResult {
    Ok(args.first_mut().map(std::mem::take).unwrap_or_default())
}

pub fn register(r: &mut super::super::registry::Registry) {
    for (i, (name, _)) in TYPES.iter().enumerate() {
        r.func_owned(format!("{name}::new"), new, i as u32);
    }
    super::method(r, "load", method, LOAD);
    super::method(r, "store", method, STORE);
    super::method(r, "compare_exchange", method, CAS);
    super::method(r, "compare_exchange_weak", method, CAS_WEAK);
    super::method(r, "into_inner", method, INTO_INNER);
    super::method(r, "get_mut", method, GET_MUT);
    for (i, (name, _)) in OPS.iter().enumerate() {
        super::method(r, name, method, RMW + i as u32);
    }
    r.func_aux("atomic::fence", fence, 0);
    r.func_aux("atomic::compiler_fence", fence, 1);
    r.func_aux("fence", fence, 0);
    r.func_aux("compiler_fence", fence, 1);
    r.func("hint::spin_loop", spin_loop);
    r.func("spin_loop", spin_loop);
    r.func("hint::black_box", black_box);
    r.func("black_box", black_box);
}
