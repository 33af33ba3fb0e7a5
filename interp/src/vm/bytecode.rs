//! The bytecode: `Instr` (one 8-byte instruction) and `FuncProto` (a compiled function).
//!
//! The machine is register based. Every function has `num_regs` registers, numbered from 0
//! relative to its frame's base in the fiber's register stack; the parameters arrive in
//! registers `0..arity` (for a closure, its captures follow in `arity..arity+ncaptures`).
//! Operands are `u16` register numbers; jump targets are absolute instruction indices (`u16`:
//! a function holds at most 65 535 instructions). Operands that do not fit (names, hints,
//! format templates, constructors) live in side tables of the `FuncProto`, indexed by a `u16`.
//!
//! Notation below: `R[x]` is register `x` of the current frame; "by value" reads copy `Copy`
//! aggregates (see `value.rs`).

use crate::ast::Span;
use crate::diag::Source;
use crate::types::Ty;
use crate::value::{FloatTy, IntTy, Value};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// A register operand.
pub type Reg = u16;
/// A jump target (instruction index).
pub type Target = u16;

/// Binary operators of the `Bin` instruction family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinKind {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl BinKind {
    pub fn symbol(self) -> &'static str {
        use BinKind::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            BitAnd => "&",
            BitOr => "|",
            BitXor => "^",
            Shl => "<<",
            Shr => ">>",
            Eq => "==",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
        }
    }
    pub fn is_cmp(self) -> bool {
        matches!(self, BinKind::Eq | BinKind::Ne | BinKind::Lt | BinKind::Le | BinKind::Gt | BinKind::Ge)
    }
    /// The operator trait method (`add`, `sub`, ...) a user type implements.
    pub fn method(self) -> &'static str {
        use BinKind::*;
        match self {
            Add => "add",
            Sub => "sub",
            Mul => "mul",
            Div => "div",
            Rem => "rem",
            BitAnd => "bitand",
            BitOr => "bitor",
            BitXor => "bitxor",
            Shl => "shl",
            Shr => "shr",
            Eq | Ne => "eq",
            Lt | Le | Gt | Ge => "partial_cmp",
        }
    }
}

/// Target of an `as` cast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CastTo {
    Int(IntTy),
    Float(FloatTy),
    Char,
    Bool,
    /// A cast the compiler cannot classify (`as _`, `as T`): the value is kept.
    Same,
}

/// One instruction. 8 bytes.
#[derive(Clone, Copy, Debug)]
pub enum Instr {
    /// Nothing.
    Nop,
    /// `R[dst] = ()`.
    LoadUnit { dst: Reg },
    /// `R[dst] = v`.
    LoadBool { dst: Reg, v: bool },
    /// `R[dst] = v as ty` (an integer literal that fits in i32).
    LoadInt { dst: Reg, ty: IntTy, v: i32 },
    /// `R[dst] = consts[k]` (strings share the constant's object: `&str` is immutable).
    LoadConst { dst: Reg, k: u16 },
    /// `R[dst] = R[src]` (a handle copy: temporaries and shared references).
    Mov { dst: Reg, src: Reg },
    /// `R[dst] = R[src]`, leaving `()` in `R[src]`: a `Mov` whose source is dead afterwards
    /// (the peephole pass emits it; no reference-count traffic).
    MovOut { dst: Reg, src: Reg },
    /// `Mov { dst, src }` of a method call's receiver into the window of the
    /// `CallSiteUnwrap { args: dst, nargs, .. }` right after it (`src` outside the window;
    /// `c.lock().unwrap()` with `c` a local or capture, `rx.recv().await.unwrap()`, and
    /// `tx.send(v).await.unwrap()`, whose local receiver the compiler reads after the
    /// arguments: `call_window`), marked by the peephole pass
    /// (`compile/peephole.rs::fuse_calls`). When the receiver is an `Rc`/`Arc` cell holding a
    /// lock whose `lock`/`read`/`write` the site's cache holds, or an object whose method the
    /// site's cache holds is a `Forward` with an `unwrap` twin (a channel end's `recv`), the
    /// dispatch loop runs the fused call on the receiver *borrowed* in `R[src]`
    /// (`call_unwrap::site_unwrap` with `recv`: no handle copied into the window and dropped
    /// after, a count every thread using the receiver would write) and goes on after the
    /// `unwrap`. Also the `Mov { dst, src }` of a receiver into the window of the
    /// `CallSite { args: dst, nargs, .. }` of a method right after it (`src` outside the window;
    /// the compiler reads a local receiver after the arguments: `call_window`): when the site's
    /// cache holds a native with a plain twin for the receiver's type, and the program does
    /// not walk drops, the twin runs on the receiver borrowed in `R[src]`
    /// (`call::site_plain_recv`), `R[dst]` is left `Unit` and the call's result is in its
    /// destination: both instructions are done. In every other case it is exactly `Mov`, and
    /// the call runs as usual.
    MovRecv { dst: Reg, src: Reg },
    /// By-value read of an owned local: `Copy` values are copied; anything else is moved out,
    /// leaving `Moved` in `R[src]`.
    Take { dst: Reg, src: Reg },
    /// By-value read of a place that stays alive: `Copy` aggregates copied, else handle copy.
    Dup { dst: Reg, src: Reg },
    /// `R[dst] = deep clone of R[src]` (derived `Clone`).
    CloneVal { dst: Reg, src: Reg },
    /// `R[dst] = R[a] op R[b]` (integers: same type on both sides, Rust's overflow panics;
    /// operator traits of user types call `add`, `eq`, `partial_cmp`, ...).
    Bin { op: BinKind, dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] op imm` with an immediate integer of R[a]'s type.
    BinI { op: BinKind, dst: Reg, a: Reg, imm: i16 },
    /// `R[dst] = R[a] op consts[k]`: a `Bin` whose right operand is a numeric literal
    /// (`x * 2.0`, `n % 1_000_000_007`), read from the constant table instead of a register
    /// (`consts[k]` is an `Int` or `Float`, typed as the literal would be in a register).
    /// Reads `R[a]`, writes `R[dst]`; everything but the fast cases (two f64, two integers
    /// of one type without overflow) goes to `Bin`'s general path with the constant as the
    /// right operand (overflow panics, user operator impls).
    BinK { op: BinKind, dst: Reg, a: Reg, k: u16 },
    /// `R[dst] = consts[k] op R[b]`: the same with the literal on the left (`2.0 * x`).
    /// Reads `R[b]`, writes `R[dst]`.
    KBin { op: BinKind, dst: Reg, b: Reg, k: u16 },
    /// `R[dst] = R[a] + R[b]` (the `Bin` form specialized: no operator dispatch).
    Add { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] - R[b]`.
    Sub { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = R[a] + imm`.
    AddI { dst: Reg, a: Reg, imm: i16 },
    /// `R[dst] = R[a] - imm`.
    SubI { dst: Reg, a: Reg, imm: i16 },
    /// `R[dst] = R[a] - imm`, exactly as `SubI`, placed by the peephole pass where a `SubI`
    /// is followed by a `Call` (the argument of a recursive call, `fib(n - 1)`). The next
    /// instruction is left as it was: the dispatch loop's fast path performs that `Call` as
    /// well (one dispatch for both) and goes on in the callee; in every other case (not two
    /// integers, overflow, a register holding a heap value, an interrupt, a full frame stack)
    /// it is a plain `SubI` and the `Call` runs next as usual. A jump to the `Call` itself
    /// runs only the `Call`, as before the fusion.
    SubICall { dst: Reg, a: Reg, imm: i16 },
    /// `if !(R[a] < imm) { pc = target }`.
    JumpIfNotLtI { a: Reg, imm: i16, target: Target },
    /// `JumpIfNotLtI`, placed by the peephole pass where a `Ret` or `RetDup` follows it (the
    /// base case of a recursion, `if n < 2 { return n }`). The next instruction is left as it
    /// was: when the jump is not taken, the dispatch loop's fast path performs that return in
    /// the same dispatch; in every other case it is exactly `JumpIfNotLtI`.
    JumpIfNotLtIRet { a: Reg, imm: i16, target: Target },
    /// `R[dst] = R[a] + R[b]`, exactly as `Add`, placed by the peephole pass where a `Ret` or
    /// `RetDup` of `dst` follows it (the tail of a recursion, `fib(n - 1) + fib(n - 2)`). The
    /// next instruction is left as it was: when the addition is done on the fast path, the
    /// dispatch loop's fast path performs that return in the same dispatch; in every other
    /// case it is exactly `Add` and the return runs next as usual.
    AddRet { dst: Reg, a: Reg, b: Reg },
    /// `R[dst] = -R[a]`.
    Neg { dst: Reg, a: Reg },
    /// `R[dst] = !R[a]` (bool or bitwise).
    Not { dst: Reg, a: Reg },
    /// `R[dst] = R[src] as to`.
    Cast { dst: Reg, src: Reg, to: CastTo },
    /// `pc = target`.
    Jump { target: Target },
    /// A backward jump: `pc = target`, after checking the interrupt flag.
    Loop { target: Target },
    /// `if R[cond] { pc = target }`.
    JumpIf { cond: Reg, target: Target },
    /// `if !R[cond] { pc = target }`.
    JumpIfNot { cond: Reg, target: Target },
    /// `if !(R[a] op R[b]) { pc = target }` (op a comparison).
    JumpIfNot2 { op: BinKind, a: Reg, b: Reg, target: Target },
    /// `if !(R[a] op imm) { pc = target }`.
    JumpIfNotI { op: BinKind, a: Reg, imm: i16, target: Target },
    /// `if !(R[a] op consts[k]) { pc = target }` (an integer constant too large for `imm`;
    /// the peephole pass fuses `LoadInt` and `JumpIfNot2` into it).
    JumpIfNotK { op: BinKind, a: Reg, k: u16, target: Target },
    /// Start of `for _ in R[ctr]..R[end]`: both integers of one type (converted); if the
    /// range is empty `pc = target`.
    ForPrep { ctr: Reg, end: Reg, target: Target, inclusive: bool },
    /// End of a `for` iteration: `R[ctr] += 1`; while still in range `pc = target` (checks
    /// the interrupt flag).
    ForStep { ctr: Reg, end: Reg, target: Target, inclusive: bool },
    /// `R[dst] = R[src].into_iter()` for `for` loops (native iterators for std values; a user
    /// iterator stays itself; a user `IntoIterator` calls `into_iter`).
    IterInit { dst: Reg, src: Reg },
    /// `R[dst] = next item of R[iter]`, or `pc = target` when exhausted.
    IterNext { dst: Reg, iter: Reg, target: Target },
    /// Call function `func` with arguments `R[args..args+nargs]`; result to `R[dst]`.
    Call { dst: Reg, func: u16, args: Reg, nargs: u8 },
    /// Call through a call site (`sites[site]`: a method by name with its cache, a native,
    /// a function with a result-type hint). `R[args]` is the receiver for methods.
    CallSite { dst: Reg, site: u16, args: Reg, nargs: u8 },
    /// `CallSite`, fused by the compiler with the `.unwrap()` of its result that follows it
    /// (`rx.recv().unwrap()`, `tx.send(x).unwrap()`, `rx.recv().await.unwrap()` of an
    /// awaited-at-once call: `compile/intrinsic.rs::fuse_unwrap`):
    /// the next instruction is `CallSite { dst: u, site: s, args: R[dst], nargs: 1 }` of
    /// method `unwrap`, or a `Mov`/`MovOut` of `R[dst]` into `R[w]` and then that call on
    /// `R[w]`; `R[dst]` is a temporary nobody reads afterwards. When `sites[site]` resolves to
    /// an `Intrinsic::Forward` with an `unwrap` twin and `s`'s cache holds the prelude's
    /// `Result::unwrap` or `Option::unwrap`, the twin runs instead of the native and its plain value goes to
    /// `R[u]`; the window is released, `R[dst]` (and `R[w]`) left holding `()`, and execution
    /// goes on after the `unwrap` call (`call_unwrap.rs`). In every other case (including the
    /// twin's `Err`/`None` answer) it is exactly `CallSite`, and the instructions after it run.
    CallSiteUnwrap { dst: Reg, site: u16, args: Reg, nargs: u8 },
    /// Call the function or closure value in `R[callee]`.
    CallValue { dst: Reg, callee: Reg, args: Reg, nargs: u8 },
    /// `CallValue` of a value the call consumes (a parameter bound by `FnOnce`, moved out of
    /// its register into `R[callee]` by a `Take`): a closure's frame owns its owned captures
    /// (`Frame::owns`) and drops them when the call ends, as Rust's `FnOnce::call_once` does.
    CallOnce { dst: Reg, callee: Reg, args: Reg, nargs: u8 },
    /// Return `R[src]`.
    Ret { src: Reg },
    /// Return a by-value copy of `R[src]` (`Dup` then `Ret`, fused by the peephole pass).
    RetDup { src: Reg },
    /// Return `()`.
    RetUnit,
    /// `R[dst] = (R[start], ..., R[start+n-1])`.
    MakeTuple { dst: Reg, start: Reg, n: u16 },
    /// `R[dst] = [R[start], ...]` (an array).
    MakeArray { dst: Reg, start: Reg, n: u16 },
    /// `R[dst] = vec![R[start], ...]`.
    MakeVec { dst: Reg, start: Reg, n: u16 },
    /// `R[dst] = [R[elem]; R[count]]` (vec when `vec`, else array).
    MakeRepeat { dst: Reg, elem: Reg, count: Reg, vec: bool },
    /// `R[dst] = ctors[ctor]` built from fields `R[start..]` (struct or variant).
    MakeAdt { dst: Reg, start: Reg, ctor: u16 },
    /// `R[dst] = closure of function func` capturing `R[start..start+n]`.
    MakeClosure { dst: Reg, start: Reg, func: u16, n: u8 },
    /// `R[dst] = R[start]..R[start+1]` (`flags`: 1 has start, 2 has end, 4 inclusive).
    MakeRange { dst: Reg, start: Reg, flags: u8 },
    /// `R[dst] = R[obj].field` where the field is found by name (`names[name]`), with a cache.
    GetField { dst: Reg, obj: Reg, name: u16 },
    /// `GetField { dst, obj, name }`, placed by the peephole pass where a
    /// `TestVariant { a: dst, variant, target }` and a `GetElem { dst: d, obj: dst, idx: 0 }`
    /// (`d != dst`) follow it and `dst` is dead after the `GetElem` (`match &x.f { Some(y) =>
    /// .. }`, `if let Some(y) = &x.f`; programs without drop glue only:
    /// `compile/peephole.rs::fuse_matches`). The two stay where they are. When the field holds
    /// an inline `Some` (`Value::SomeObj`) and `variant` is `Some`'s, the dispatch loop writes
    /// the payload's handle to `R[d]`, empties `R[dst]` (dropping what it held, as the
    /// `GetField` would; the field's own handle is never copied there) and goes on after the
    /// `GetElem`: one dispatch and one handle count for the three. When the field holds an
    /// inline `Tag` it is the `GetField` and the `TestVariant` in one dispatch. In every other
    /// case it is exactly `GetField`. Reads `R[obj]`, writes `R[dst]` (and `R[d]`, a register
    /// of the `GetElem`).
    GetFieldMatch { dst: Reg, obj: Reg, name: u16 },
    /// `R[obj].field = R[src]`.
    SetField { obj: Reg, name: u16, src: Reg },
    /// `R[dst] = R[obj].idx` (tuple element or positional field).
    GetElem { dst: Reg, obj: Reg, idx: u16 },
    /// `R[obj].idx = R[src]`.
    SetElem { obj: Reg, idx: u16, src: Reg },
    /// `R[dst] = R[obj][R[idx]]` (indexing and slicing by a range; maps by key).
    Index { dst: Reg, obj: Reg, idx: Reg },
    /// `R[obj][R[idx]] = R[src]`.
    SetIndex { obj: Reg, idx: Reg, src: Reg },
    /// `R[dst] = &mut R[obj].field`: a `Ref` to the place (`Field` of names[name]).
    RefField { dst: Reg, obj: Reg, name: u16 },
    /// `R[dst] = &mut R[obj].idx`.
    RefElem { dst: Reg, obj: Reg, idx: u16 },
    /// `R[dst] = &mut R[obj][R[idx]]`.
    RefIndex { dst: Reg, obj: Reg, idx: Reg },
    /// Box a local: `R[reg] = Ref(Local(Heap::new(R[reg])))`.
    BoxLocal { reg: Reg },
    /// `R[dst] = *R[src]` (through a `Ref`; anything else is itself), by value.
    Deref { dst: Reg, src: Reg },
    /// `Deref { dst, src }` followed by `AddI { dst, a: dst, imm }` and
    /// `StoreDeref { dst: src, src: dst }` (`*g += 1` through a `MutexGuard<i64>`, a
    /// `&mut s.n`), fused by the peephole pass (`compile/peephole.rs::fuse_calls`); the two
    /// stay where they are. The dispatch loop adds `imm` to an integer field `R[src]` refers
    /// to in place, empties `R[dst]` (as `StoreDeref` leaves it) and goes on after the
    /// `StoreDeref`; in every other case (no field, no integer, an overflow, a borrow
    /// conflict) it is exactly `Deref`, and the two instructions after it run.
    DerefAddI { dst: Reg, src: Reg },
    /// `R[dst] = *R[src]`, one level, without copying: a read that aliases the place (a
    /// place's base, a method receiver, an operand only looked at).
    Peek { dst: Reg, src: Reg },
    /// `*R[dst] = R[src]` through a `Ref` (an aggregate handle gets its contents replaced).
    StoreDeref { dst: Reg, src: Reg },
    /// `R[dst] = globals[idx]` (statics, REPL variables), by value.
    GetGlobal { dst: Reg, idx: u16 },
    /// By-value read of a REPL variable, as `Take` of a local: `R[dst] = globals[idx]`, a
    /// `Copy` value copied, anything else moved out, leaving `Moved` in the global (a value
    /// moved into a container is then that container's alone, and dies with it).
    TakeGlobal { dst: Reg, idx: u16 },
    /// `globals[idx] = R[src]`.
    SetGlobal { idx: u16, src: Reg },
    /// `R[dst] = Ref(globals[idx])`.
    RefGlobal { dst: Reg, idx: u16 },
    /// Before a call of a `&mut self` method: the place about to be changed through its
    /// handle holds an object rather than an inline `Value::Tag` (`Value::promote`), so that
    /// the method's changes reach it. `mode` 0: register `a` itself, or the place the `Ref`
    /// in it points at; 1: field site `b` of the object in `a`; 2: element `b` of the tuple or
    /// object in `a`; 3: the element at the index in register `b` of the vector in `a`.
    /// Anything else (or an access that fails: the call reports it) is left as it is.
    PromoteTag { a: Reg, b: u16, mode: u8 },
    /// If `R[a]` is not variant `variant` of an enum value, `pc = target`.
    TestVariant { a: Reg, variant: u16, target: Target },
    /// If `R[a] != consts[k]` (a literal pattern), `pc = target`.
    TestConst { a: Reg, k: u16, target: Target },
    /// If the slice/array/vector `R[a]` has not exactly `n` elements (`n` or more when
    /// `at_least`), `pc = target`.
    TestLen { a: Reg, n: u16, at_least: bool, target: Target },
    /// `R[dst] = R[obj][len - 1 - from_end]`.
    GetElemEnd { dst: Reg, obj: Reg, from_end: u16 },
    /// `R[dst] = &R[obj][start..len - from_end]` (slice pattern rest).
    SliceRest { dst: Reg, obj: Reg, start: u8, from_end: u8 },
    /// `?`: if `R[src]` is `Ok(v)`/`Some(v)`, `R[dst] = v`; else `R[dst] = ` the residual
    /// (`Err(e)` as e converted by `From` to the function's error type, or `None`), marked,
    /// and `pc = target`.
    Try { dst: Reg, src: Reg, target: Target },
    /// `R[dst] = format(formats[fmt], R[args..])`.
    Format { dst: Reg, fmt: u16, args: Reg },
    /// Write the string `R[src]` to stdout (stream 1) or stderr (stream 2).
    Print { src: Reg, stream: u8 },
    /// Panic with the message `R[msg]` (a string).
    Panic { msg: Reg },
    /// Run the drop glue of `R[reg]` (user `Drop` impls, `Rc` counts) and clear it.
    Drop { reg: Reg },
    /// The temporaries `R[lo..hi]` die (end of a statement): clear them, last first, and run
    /// the drop glue of each value whose last handle was there.
    DropTemps { lo: Reg, hi: Reg },
    /// If `R[reg]` is a `RefCell` borrow guard, release its borrow (a temporary guard dies).
    Release { reg: Reg },
    /// `Release` of each of `R[lo..hi]` in turn, then `DropTemps { lo, hi }`: the end of a
    /// statement that may leave a guard in a temporary (`*c.lock().unwrap() += 1;`), fused
    /// from those instructions by the peephole pass (`compile/peephole.rs::fuse_releases`).
    ReleaseTemps { lo: Reg, hi: Reg },
    /// `R[dst] = R[src]` converted for the `?`/`into()` hint (see `Program::hints`): used by
    /// `Into`-style conversions whose target type is known statically.
    Convert { dst: Reg, src: Reg, hint: u16 },
    /// Stop with an internal error message `names[msg]`.
    Error { msg: u16 },
    /// `R[dst] = P::name(R[args..args+nargs])` where `P` is a generic parameter of the current
    /// function (`T::default()`, `T::from(x)`, `S::new_unit()`). `sites[site]` is a
    /// `SiteKind::Method` whose `sym`/`name` is the associated function's name; the parameter's
    /// name is `name` before `::` (`"T::default"`). At run time, the frame's type arguments
    /// (its hint is `Named("<generics>", [Named(param, [ty]), ..])`, set by the caller from the
    /// inferred generic arguments; a `Param(q)` entry forwards to the caller frame's `q`) give
    /// `P`'s type: a user type calls its impl's function (or its `From` impl for its
    /// argument's type); a builtin type gets `default`/`new` from `__default`, `from` from the
    /// conversion natives, else the std function `Type::name`.
    ParamCall { dst: Reg, site: u16, args: Reg, nargs: u8 },
    /// `R[dst] = ` the running frame's hint index (a `usize`): in a generic function that makes
    /// a closure whose body names a type parameter (`|_| T::default()`), its type arguments,
    /// captured by the closure (`compile/closure.rs`).
    LoadHint { dst: Reg },
    /// The running frame's hint becomes `R[src]` (an index `LoadHint` read): a closure's first
    /// instruction when it captured its maker's type arguments, so that `ParamCall` in its body
    /// reads them.
    SetHint { src: Reg },
}

impl Instr {
    /// One more than the highest register the dispatch loop indexes directly for this
    /// instruction (0 if none). Exhaustive on purpose: a new instruction must say which
    /// registers it uses, because the loop reads them without bounds checks (ranges such as
    /// `MakeTuple`'s `start..start+n` are read with checks and need not be listed).
    pub fn reg_bound(&self) -> u32 {
        use Instr::*;
        let regs: [Reg; 3] = match *self {
            Nop | Jump { .. } | Loop { .. } | RetUnit | Error { .. } => return 0,
            LoadUnit { dst } | LoadBool { dst, .. } | LoadInt { dst, .. } | LoadConst { dst, .. } => [dst, 0, 0],
            Mov { dst, src } | MovOut { dst, src } | MovRecv { dst, src } | Take { dst, src } | Dup { dst, src } | CloneVal { dst, src } => [dst, src, 0],
            Bin { dst, a, b, .. } | Add { dst, a, b } | AddRet { dst, a, b } | Sub { dst, a, b } => [dst, a, b],
            BinI { dst, a, .. } | AddI { dst, a, .. } | SubI { dst, a, .. } | SubICall { dst, a, .. } => [dst, a, 0],
            BinK { dst, a, .. } | KBin { dst, b: a, .. } => [dst, a, 0],
            JumpIfNotLtI { a, .. } | JumpIfNotLtIRet { a, .. } | JumpIfNotI { a, .. } | JumpIfNotK { a, .. } => [a, 0, 0],
            Neg { dst, a } | Not { dst, a } => [dst, a, 0],
            Cast { dst, src, .. } => [dst, src, 0],
            JumpIf { cond, .. } | JumpIfNot { cond, .. } => [cond, 0, 0],
            JumpIfNot2 { a, b, .. } => [a, b, 0],
            ForPrep { ctr, end, .. } | ForStep { ctr, end, .. } => [ctr, end, 0],
            IterInit { dst, src } => [dst, src, 0],
            IterNext { dst, iter, .. } => [dst, iter, 0],
            Call { dst, args, .. } | CallSite { dst, args, .. } | CallSiteUnwrap { dst, args, .. } | ParamCall { dst, args, .. } => [dst, args, 0],
            LoadHint { dst } => [dst, 0, 0],
            SetHint { src } => [src, 0, 0],
            CallValue { dst, callee, args, .. } | CallOnce { dst, callee, args, .. } => [dst, callee, args],
            Ret { src } | RetDup { src } => [src, 0, 0],
            MakeTuple { dst, start, .. } | MakeArray { dst, start, .. } | MakeVec { dst, start, .. } => [dst, start, 0],
            MakeRepeat { dst, elem, count, .. } => [dst, elem, count],
            MakeAdt { dst, start, .. } | MakeClosure { dst, start, .. } | MakeRange { dst, start, .. } => [dst, start, 0],
            GetField { dst, obj, .. } | GetFieldMatch { dst, obj, .. } | GetElem { dst, obj, .. } | RefField { dst, obj, .. } | RefElem { dst, obj, .. } => {
                [dst, obj, 0]
            }
            SetField { obj, src, .. } | SetElem { obj, src, .. } => [obj, src, 0],
            Index { dst, obj, idx } | RefIndex { dst, obj, idx } => [dst, obj, idx],
            SetIndex { obj, idx, src } => [obj, idx, src],
            BoxLocal { reg } | Drop { reg } | Release { reg } => [reg, 0, 0],
            Deref { dst, src } | DerefAddI { dst, src } | Peek { dst, src } | StoreDeref { dst, src } => [dst, src, 0],
            GetGlobal { dst, .. } | TakeGlobal { dst, .. } | RefGlobal { dst, .. } => [dst, 0, 0],
            SetGlobal { src, .. } => [src, 0, 0],
            TestVariant { a, .. } | TestConst { a, .. } | TestLen { a, .. } => [a, 0, 0],
            PromoteTag { a, b, mode } => [a, if mode == 3 { b } else { 0 }, 0],
            GetElemEnd { dst, obj, .. } | SliceRest { dst, obj, .. } => [dst, obj, 0],
            Try { dst, src, .. } | Convert { dst, src, .. } => [dst, src, 0],
            Format { dst, args, .. } => [dst, args, 0],
            Print { src, .. } => [src, 0, 0],
            Panic { msg } => [msg, 0, 0],
            DropTemps { lo, hi } | ReleaseTemps { lo, hi } => [lo, hi, 0],
        };
        regs.iter().map(|&r| r as u32 + 1).max().unwrap_or(0)
    }
}

/// What a `CallSite` calls.
#[derive(Debug)]
pub enum SiteKind {
    /// A method by name (symbol), dispatched on `R[args]`'s runtime type.
    Method { sym: u32, name: Arc<str> },
    /// A native function.
    Native(u32),
    /// A compiled function (with a hint).
    Func(u32),
}

/// A call site: what it calls, the result-type hint (index into `Program::hints`, 0 = none),
/// and an inline cache (`type_id << 32 | target`, 0 = empty).
#[derive(Debug)]
pub struct CallSiteInfo {
    pub kind: SiteKind,
    pub hint: u32,
    pub cache: AtomicU64,
    /// The plan of a `CallSiteUnwrap` site whose fused `Forward` path ran (`vm/call_unwrap.rs`):
    /// `(receiver type id + 1) << 32 | forwarding function`, or `call_unwrap::LOCK_PLAN |
    /// aux` where the lock-in-`Rc` path ran (`c.lock().unwrap()`), 0 = none. What it stands for
    /// holds for the program (cleared with `cache` when the program changes): the site is a
    /// method call followed by the prelude's `unwrap`, and that function, the method the
    /// receiver type's objects resolve to, is an `Intrinsic::Forward` with a twin.
    pub fused: AtomicU64,
}

/// A field accessed by name, with a cache (`type_id << 32 | (index + 1)`).
#[derive(Debug)]
pub struct FieldSite {
    pub name: Arc<str>,
    pub cache: AtomicU64,
}

/// A constructor: ADT index in `Program::adts`, variant, number of fields.
#[derive(Debug, Clone, Copy)]
pub struct Ctor {
    pub adt: u32,
    pub variant: u32,
    pub nfields: u32,
    /// `Program::adts[adt]`, pinned when the constructor was compiled (`MakeAdt` builds its
    /// objects without touching a reference count); `None` if the type was not known then.
    pub def: Option<crate::value::DefRef>,
}

/// A compiled function.
#[derive(Debug)]
pub struct FuncProto {
    /// Qualified name for backtraces and the disassembler (`Point::new`, `main::{closure}`).
    pub name: String,
    /// Parameters (including `self`).
    pub arity: u32,
    /// Captured values (closures), in registers `arity..arity+ncaptures`.
    pub ncaptures: u32,
    pub num_regs: u32,
    pub code: Vec<Instr>,
    /// The source span of each instruction (for panics and backtraces).
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub sites: Vec<CallSiteInfo>,
    pub fields: Vec<FieldSite>,
    pub ctors: Vec<Ctor>,
    /// Format strings, resolved at compile time (arguments in registers `args..`).
    pub formats: Vec<teras_stdlib::fmt::Template>,
    /// Strings for `Error` messages.
    pub names: Vec<String>,
    /// The function's declared error type for `?` conversion (`From`), by type name.
    pub err_type: Option<String>,
    /// When true, `self` (register 0) is a by-value `self` of a method: copied on entry.
    pub self_by_value: bool,
    /// A prelude function that the call paths may complete without a frame when its
    /// arguments have the shape the intrinsic names (`call::inline_call`); otherwise (and
    /// always for `None`) it is entered as usual.
    pub intrinsic: Option<Intrinsic>,
    pub source: Arc<Source>,
    /// Declared return type, when written (for REPL type display and hints).
    pub ret_ty: Option<Ty>,
    /// Where each owned local lives (what a panic unwinding through the frame drops).
    pub drop_slots: Vec<DropSlot>,
    /// How many registers from the frame's base the dispatch loop makes sure exist before it
    /// runs the function: every register operand of `code` is below it (the loop reads
    /// registers without bounds checks, see `dispatch.rs`). `UNSEALED_SPAN` (covers any
    /// `u16` operand) until `seal` computed the exact bound.
    pub frame_span: u32,
    /// Bit `i`: capture `i` (a `move` closure's, below 64) was moved in by its owner, so the
    /// closure owns it: whoever consumes the closure (`Frame::owns`, `drop::drop_closure`)
    /// drops it whatever other handles exist (a stale register of the creator may alias it:
    /// an `Arc` pointer's clones share one handle).
    pub owned_captures: u64,
    /// The owned captures that the body reads by value (`Take`): a call of the closure then
    /// consumes it (`FnOnce`), and its frame owns them (`drop::consumed_by_call`).
    pub moved_captures: u64,
}

/// What a prelude function marked with `FuncProto::intrinsic` computes, so that a call can
/// do it in place (`call::inline_call`) when the arguments allow; the function's bytecode is
/// what runs in every other case (an `Err`/`None`, whose panic must report the caller's line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    /// A method of an enum taking `self` by value whose body is `match self { V(x) => x, .. }`
    /// (`unwrap`, `expect`, `unwrap_or` of `Option` and `Result`; `compile/intrinsic.rs`):
    /// when `self` (the first argument) is variant `variant` of the type `type_id` and its one
    /// field is a scalar, a string or a reference (never copied by a by-value read, and
    /// holding no aggregate), the result is that field and the arguments die, as the frame's
    /// return would have left them.
    UnwrapVariant { type_id: u32, variant: u32 },
    /// A method taking `&self` or `&mut self` of a prelude struct whose body only passes one of `self`'s
    /// fields and its other parameters, in order, to a native and returns its result
    /// (`Sender::send` is `__chan_send_std(&self.inner, t)`; `compile/intrinsic.rs` reads the
    /// shape from the compiled code: `GetField; Mov; Dup/Mov/Take of each parameter;
    /// CallSite` of a native`; Ret`): when `self` is an object of the type `type_id` with
    /// field number `field`, the native runs on the caller's argument window with that field
    /// in place of `self` (parameter `i` copied by value when bit `i` of `copies` is set, as
    /// the body's `Dup`/`Take` would copy it), with result-type hint `hint` (`u32::MAX`: the
    /// call's own), and its result goes to the call's destination. If the native blocks, the
    /// window gets `self` back, so that the call runs again as it was. Run only on the fast
    /// `CallSite` path (`call::site_fast`), which has the natives' context.
    ///
    /// `unwrap` (`u32::MAX`: none) is the native's twin for `Instr::CallSiteUnwrap`
    /// (`registry::TwinFn`, registered with `Registry::twin` beside the native): called with
    /// the field borrowed and the other arguments, with the native's blocking protocol, it
    /// answers the payload of the `Ok` (`Some`) the native would build, or `Value::Moved`
    /// (having changed nothing) where the native would answer `Err` (`None`).
    Forward { type_id: u32, field: u16, copies: u16, native: u32, hint: u32, unwrap: u32 },
}

/// `FuncProto::frame_span` of a function that was not sealed: any `u16` register operand is
/// below it.
pub const UNSEALED_SPAN: u32 = 1 << 16;

/// An owned local's register and the instructions `start..end` during which it holds its
/// value (from its declaration to its scope's end).
#[derive(Clone, Copy, Debug)]
pub struct DropSlot {
    pub reg: Reg,
    /// The register holds a box (`Ref`) around the value.
    pub boxed: bool,
    pub start: u32,
    pub end: u32,
}

impl FuncProto {
    pub fn new(name: String, source: Arc<Source>) -> FuncProto {
        FuncProto {
            name,
            arity: 0,
            ncaptures: 0,
            num_regs: 0,
            code: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            sites: Vec::new(),
            fields: Vec::new(),
            ctors: Vec::new(),
            formats: Vec::new(),
            names: Vec::new(),
            err_type: None,
            self_by_value: false,
            intrinsic: None,
            source,
            ret_ty: None,
            drop_slots: Vec::new(),
            frame_span: UNSEALED_SPAN,
            owned_captures: 0,
            moved_captures: 0,
        }
    }

    /// Finish a compiled function: `num_regs` grows to cover every register operand of
    /// `code`, and `frame_span` becomes that exact bound (instead of `UNSEALED_SPAN`). Call it
    /// after the last change to `code` (the compiler does, before it stores the function).
    pub fn seal(&mut self) {
        let bound = self.code.iter().map(|i| i.reg_bound()).max().unwrap_or(0);
        self.num_regs = self.num_regs.max(bound);
        self.frame_span = self.num_regs;
    }
    /// The span of instruction `pc`.
    pub fn span_at(&self, pc: usize) -> Span {
        self.spans.get(pc).copied().unwrap_or(Span::DUMMY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instr_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<super::Instr>(), 8);
    }

    #[test]
    fn seal_covers_every_register_operand() {
        let mut p = FuncProto::new("f".into(), Source::new("t.rs", ""));
        assert_eq!(p.frame_span, UNSEALED_SPAN);
        p.num_regs = 2;
        p.code = vec![
            Instr::LoadInt { dst: 1, ty: IntTy::I32, v: 0 },
            Instr::SetIndex { obj: 0, idx: 1, src: 9 },
            Instr::CallValue { dst: 0, callee: 12, args: 3, nargs: 0 },
            Instr::Ret { src: 0 },
        ];
        p.seal();
        assert_eq!((p.num_regs, p.frame_span), (13, 13));
        // A declared count above the operands is kept.
        p.num_regs = 20;
        p.seal();
        assert_eq!((p.num_regs, p.frame_span), (20, 20));
        assert_eq!(Instr::Nop.reg_bound(), 0);
        assert_eq!(Instr::Mov { dst: u16::MAX, src: 0 }.reg_bound(), 1 << 16);
    }
}
