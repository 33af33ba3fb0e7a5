//! Formatting of TERAS values: what `format!`, `println!`, `to_string()` and `{:?}` print,
//! byte for byte as the rustc-built program would.
//!
//! The rules of std's formatting (padding, numbers, escapes, Debug builders) live in
//! `teras_stdlib::fmt`; this module walks a [`Value`] and applies them:
//! - scalars use their std impls: integers by their Rust type (`{:x}` of `-1i8` is `ff`),
//!   floats as f32 or f64, `char`, `bool`, strings;
//! - aggregates print as derived `Debug` does and pass the same [`Spec`] to every leaf, as
//!   std's `Formatter` does (`{:5?}` of `vec![1, 2]` is `[    1,     2]`); `{:#?}` prints
//!   them over several lines;
//! - a user struct or enum is first offered to [`FmtHooks::user_fmt`] (its `impl Display` /
//!   `impl Debug`, run by the VM); without one it prints as derived `Debug` would;
//! - the std objects the builtins keep as Rust values (`Duration`, parse errors,
//!   `io::Error`) print std's own text;
//! - `Rc`/`Arc`, `Box` (already transparent) and `Value::Ref` print their content; `Cell`
//!   prints `Cell { value: 5 }`, `RefCell` prints `RefCell { value: 5 }` or
//!   `RefCell { value: <borrowed> }` while mutably borrowed.
//!
//! Display of a value whose type has no `Display` impl is rejected by the compiler; if one
//! gets here anyway it prints like Debug.
//!
//! For the user impls themselves, `formatter` provides the `&mut Formatter` value they
//! receive and its methods (`write_str`, `pad`, `width`, `debug_struct(..).field(..)`...):
//! see [`formatter_value`] and [`formatter_method`].
//!
//! Children are copied out of their heap object (handle clones) before they are formatted,
//! so no borrow of a heap object is held while a hook runs user code. Nesting deeper than
//! [`MAX_DEPTH`] or using more than [`STACK_BUDGET`] bytes of stack (a cycle through
//! `Rc`/`RefCell`, or a very deep structure) ends in a TERAS panic instead of overflowing the
//! interpreter's stack.

#[cfg(test)]
mod api_tests;
mod diagnostics;
mod formatter;
#[cfg(test)]
mod formatter_tests;
mod native;
#[cfg(test)]
mod oracle_tests;
#[cfg(test)]
mod plain_tests;
mod structural;
#[cfg(test)]
mod tests;

use super::NativeError;
use crate::heap::BorrowConflict;
use crate::value::{FloatTy, Value};
use teras_stdlib::fmt as sfmt;

pub use diagnostics::fmt_error_diagnostics;
pub use formatter::{as_formatter, formatter_method, BUILDER_METHODS, FORMATTER_METHODS, formatter_value, BuilderObj, FormatterObj};
pub use teras_stdlib::fmt::{Align, DebugHex, Placeholder, Sign, Spec, TPiece, Template, Trait};

/// How deep values may nest inside one formatting call.
pub const MAX_DEPTH: usize = 1 << 16;

/// How much of the calling thread's stack one formatting call may use by default (about
/// 1000 levels of nesting in a release build, 350 in a debug build). Threads that run TERAS
/// code need at least twice this (Rust's default of 2 MiB for spawned threads is enough); a
/// thread with a bigger stack may raise its own budget with [`set_stack_budget`].
pub const STACK_BUDGET: usize = 1 << 20;

/// Sets the stack budget of formatting calls made on the current thread (for a thread
/// spawned with a known, larger stack: half its size is a safe value).
pub fn set_stack_budget(bytes: usize) {
    BUDGET.set(bytes);
}

/// What the VM provides to the formatter: running user formatting impls.
pub trait FmtHooks {
    /// Called for every `Value::Adt` (a user struct or enum, or a prelude enum such as
    /// `Option`) and every `Value::Native` that is about to be formatted, at any depth.
    /// If the program has an impl of the trait `spec.trait_` names for the value's type
    /// (`impl Display` for `{}`, `impl Debug` for `{:?}`; `debug` is
    /// `spec.trait_ == Trait::Debug`), run it with a `Formatter` carrying `spec` and return
    /// what it wrote. Return `None` when there is no such impl: the value is then printed
    /// structurally, as derived `Debug` prints it.
    fn user_fmt(
        &mut self,
        value: &Value,
        debug: bool,
        spec: &Spec,
    ) -> Option<Result<String, NativeError>>;
}

/// Hooks for when no user impl can run (tests, natives without VM access): every value is
/// printed structurally.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoHooks;

impl FmtHooks for NoHooks {
    fn user_fmt(&mut self, _: &Value, _: bool, _: &Spec) -> Option<Result<String, NativeError>> {
        None
    }
}

/// Appends `value` formatted under `spec` (its trait, flags, width, precision).
pub fn format_value(
    out: &mut String,
    value: &Value,
    spec: &Spec,
    hooks: &mut dyn FmtHooks,
) -> Result<(), NativeError> {
    if plain_display(spec) && plain_scalar(out, value)? {
        return Ok(());
    }
    Fmt { hooks }.value(out, value, spec)
}

/// `{}` without width, precision or sign: what a string or an integer prints under it does
/// not depend on the other flags.
fn plain_display(spec: &Spec) -> bool {
    spec.trait_ == Trait::Display && spec.width.is_none() && spec.precision.is_none() && spec.sign.is_none()
}

/// The fast path of the common `{}`: a string (its text) or an integer of at most 64 bits
/// (its digits) appended directly, without the general walk; `false` for anything else.
fn plain_scalar(out: &mut String, v: &Value) -> Result<bool, NativeError> {
    match v {
        Value::Str(h) => out.push_str(&h.read().map_err(conflict)?),
        // Unsigned values are kept zero-extended (`u64` as its bit pattern), compact
        // `i128`/`u128` values fit their `i64` (`u128`: never negative).
        Value::Int(n, ty) if ty.signed() => sfmt::push_i64(out, *n),
        Value::Int(n, _) => sfmt::push_u64(out, *n as u64),
        _ => return Ok(false),
    }
    Ok(true)
}

/// `format!` whose arguments are all strings or integers under a plain `{}` (no width,
/// precision or sign: `format!("{}-{}", word, i)`), rendered straight from `args` (the VM's
/// argument registers, read in place, nothing cloned): exactly what `format_template`
/// writes for them. `Ok(false)`, with `out` untouched, when any piece needs the general path
/// (another trait or flag, an aggregate, a float, a user type).
pub fn format_plain(out: &mut String, template: &Template, args: &[Value]) -> Result<bool, NativeError> {
    let mut estimate = out.len();
    for piece in &template.pieces {
        match piece {
            TPiece::Lit(s) => estimate += s.len(),
            TPiece::Arg(p) => {
                if p.width_arg.is_some() || p.precision_arg.is_some() || !plain_display(&p.spec) {
                    return Ok(false);
                }
                if !matches!(args.get(p.arg), Some(Value::Str(_) | Value::Int(..))) {
                    return Ok(false);
                }
                estimate += 8;
            }
        }
    }
    if out.capacity() == 0 {
        // Allocated once at its size (cheaper than growing an empty string).
        *out = String::with_capacity(estimate);
    } else {
        out.reserve(estimate - out.len());
    }
    for piece in &template.pieces {
        match piece {
            TPiece::Lit(s) => out.push_str(s),
            TPiece::Arg(p) => {
                if let Some(v) = args.get(p.arg) {
                    plain_scalar(out, v)?;
                }
            }
        }
    }
    Ok(true)
}

/// Renders a resolved format string (see `teras_stdlib::fmt::compile_format`) with its
/// argument values: `args[i]` is argument `i` (positional, then named, then captures).
/// Width and precision arguments must be `usize` values.
pub fn format_template(
    out: &mut String,
    template: &Template,
    args: &[Value],
    hooks: &mut dyn FmtHooks,
) -> Result<(), NativeError> {
    // Room for the literal text and a few bytes per argument, as `format!` estimates it.
    let estimate: usize = template
        .pieces
        .iter()
        .map(|p| match p {
            TPiece::Lit(s) => s.len(),
            TPiece::Arg(_) => 8,
        })
        .sum();
    out.reserve(estimate);
    for piece in &template.pieces {
        match piece {
            TPiece::Lit(s) => out.push_str(s),
            TPiece::Arg(p) => {
                let value = args.get(p.arg).ok_or_else(|| missing_arg(p.arg))?;
                if p.width_arg.is_none() && p.precision_arg.is_none() {
                    format_value(out, value, &p.spec, hooks)?;
                } else {
                    let width = p.width_arg.map(|i| count_arg(args, i)).transpose()?;
                    let precision = p.precision_arg.map(|i| count_arg(args, i)).transpose()?;
                    format_value(out, value, &p.spec_with(width, precision), hooks)?;
                }
            }
        }
    }
    Ok(())
}

/// `value.to_string()` / `format!("{}", value)`.
pub fn display_string(value: &Value, hooks: &mut dyn FmtHooks) -> Result<String, NativeError> {
    let mut out = String::new();
    format_value(&mut out, value, &Spec::display(), hooks)?;
    Ok(out)
}

/// `format!("{:?}", value)`, or `{:#?}` when `pretty`.
pub fn debug_string(
    value: &Value,
    pretty: bool,
    hooks: &mut dyn FmtHooks,
) -> Result<String, NativeError> {
    let mut out = String::new();
    let spec = if pretty {
        Spec::pretty_debug()
    } else {
        Spec::debug()
    };
    format_value(&mut out, value, &spec, hooks)?;
    Ok(out)
}

fn missing_arg(i: usize) -> NativeError {
    NativeError::Panic(format!("format argument {i} is missing"))
}

/// A width or precision argument: a non-negative integer.
fn count_arg(args: &[Value], i: usize) -> Result<usize, NativeError> {
    let mut v = args.get(i).ok_or_else(|| missing_arg(i))?.clone();
    for _ in 0..MAX_DEPTH {
        match v {
            Value::Int(n, ty) => {
                let n = if ty.signed() && n < 0 {
                    u64::MAX
                } else {
                    n as u64
                };
                // std keeps counts in a u16 and panics beyond it.
                return match usize::try_from(n) {
                    Ok(n) if n <= sfmt::MAX_COUNT => Ok(n),
                    _ => Err(NativeError::Panic(
                        "Formatting argument out of range".into(),
                    )),
                };
            }
            Value::Ref(p) => v = structural::place_value(&p)?,
            other => {
                return Err(NativeError::Panic(format!(
                    "format width or precision must be a usize, found {}",
                    kind_name(&other)
                )))
            }
        }
    }
    Err(too_deep())
}

fn kind_name(v: &Value) -> &'static str {
    match v {
        Value::Unit => "()",
        Value::Bool(_) => "bool",
        Value::Int(_, t) | Value::Wide(_, t) => t.name(),
        Value::Float(_, FloatTy::F32) => "f32",
        Value::Float(..) => "f64",
        Value::Char(_) => "char",
        Value::Str(_) => "String",
        _ => "a non-integer value",
    }
}

/// A heap object was being written while we tried to read it.
pub(crate) fn conflict(_: BorrowConflict) -> NativeError {
    NativeError::Panic(
        "value accessed while it is being modified (conflicting borrow or data race)".into(),
    )
}

fn too_deep() -> NativeError {
    NativeError::Panic(
        "formatting recursion limit reached: values nested too deeply (a reference cycle through Rc/RefCell?)".into(),
    )
}

/// One formatting call in progress.
pub(crate) struct Fmt<'h> {
    pub(crate) hooks: &'h mut dyn FmtHooks,
}

thread_local! {
    /// The nesting depth of `Fmt::value` on this thread and the stack address where the
    /// outermost one started. Shared by nested `format_value` calls (a user impl run by a
    /// hook that formats its fields), so that a cycle through user impls is caught too.
    static NESTING: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
    /// This thread's stack budget (see [`set_stack_budget`]).
    static BUDGET: std::cell::Cell<usize> = const { std::cell::Cell::new(STACK_BUDGET) };
}

impl Fmt<'_> {
    /// Formats one value, at any depth.
    pub(crate) fn value(
        &mut self,
        out: &mut String,
        v: &Value,
        spec: &Spec,
    ) -> Result<(), NativeError> {
        let marker = 0u8;
        let here = std::hint::black_box(&marker) as *const u8 as usize;
        let (depth, base) = NESTING.get();
        let base = if depth == 0 { here } else { base };
        if depth >= MAX_DEPTH || base.abs_diff(here) > BUDGET.get() {
            return Err(too_deep());
        }
        NESTING.set((depth + 1, base));
        let r = self.value_inner(out, v, spec);
        NESTING.set((depth, base));
        r
    }

    fn value_inner(&mut self, out: &mut String, v: &Value, spec: &Spec) -> Result<(), NativeError> {
        match v {
            Value::Unit
            | Value::Bool(_)
            | Value::Int(..)
            | Value::Wide(..)
            | Value::Float(..)
            | Value::Char(_)
            | Value::Str(_) => scalar(out, v, spec),
            Value::Native(_) if self.lock(out, v, spec)? => Ok(()),
            Value::Native(_) if self.sync_object(out, v, spec)? => Ok(()),
            Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) if spec.trait_ == Trait::Display && crate::builtins::sync::defs::is_poison_error(v) => {
                // std's `Display for PoisonError` and `Display for TryLockError`.
                sfmt::pad(out, crate::builtins::sync::defs::display_text(v).unwrap_or_default(), spec);
                Ok(())
            }
            Value::Adt(_) | Value::Tag(..) | Value::SomeObj(_) | Value::Native(_) => self.user_or_structural(out, v, spec),
            Value::Cell(h) => self.cell(out, h, spec),
            Value::Ref(p) => {
                let inner = structural::place_value(p)?;
                self.value(out, &inner, spec)
            }
            Value::Moved => {
                out.push_str("<moved>");
                Ok(())
            }
            Value::Iter(h) if spec.trait_ == Trait::Display && chars_iter_text(out, h)? => Ok(()),
            _ => {
                if spec.trait_ == Trait::Pointer {
                    if let Some(addr) = structural::address(v) {
                        sfmt::fmt_pointer(out, addr, spec);
                        return Ok(());
                    }
                }
                self.structural(out, v, &debug_like(spec))
            }
        }
    }

    /// A user type: its own impl when the program has one, else derived-style Debug.
    fn user_or_structural(
        &mut self,
        out: &mut String,
        v: &Value,
        spec: &Spec,
    ) -> Result<(), NativeError> {
        match self.hooks.user_fmt(v, spec.trait_ == Trait::Debug, spec) {
            Some(r) => {
                out.push_str(&r?);
                Ok(())
            }
            None => {
                if native::fmt_std_object(out, v, spec) {
                    return Ok(());
                }
                self.structural(out, v, &debug_like(spec))
            }
        }
    }
}

/// `Display` of an iterator of chars: in Rust only the case mappings and escapes implement
/// it (`c.to_uppercase()`, `c.to_lowercase()`, `c.escape_default()`, `s.escape_debug()`..., which
/// teras returns as iterators over their chars); they write their chars as they are, without
/// the spec's padding (std writes them with `write_char`/`write_str`). True when `h` is such an
/// iterator and its text was written.
fn chars_iter_text(out: &mut String, h: &crate::heap::Heap<crate::value::NativeIter>) -> Result<bool, NativeError> {
    let it = h.read().map_err(conflict)?;
    let crate::value::NativeIter::Items { items } = &*it else { return Ok(false) };
    if !items.iter().all(|c| matches!(c, Value::Char(_))) {
        return Ok(false);
    }
    out.extend(items.iter().filter_map(|c| match c {
        Value::Char(c) => Some(*c),
        _ => None,
    }));
    Ok(true)
}

/// Scalars and strings under their std impls.
fn scalar(out: &mut String, v: &Value, spec: &Spec) -> Result<(), NativeError> {
    match v {
        Value::Unit => sfmt::pad(out, "()", spec),
        Value::Bool(b) => sfmt::fmt_bool(out, *b, spec),
        Value::Int(n, ty) => {
            if spec.trait_ == Trait::Pointer {
                sfmt::fmt_pointer(out, *n as usize, spec);
            } else {
                sfmt::fmt_int(
                    out,
                    sfmt::Int::from_i64_bits(*n, ty.bits(), ty.signed()),
                    spec,
                );
            }
        }
        Value::Wide(bits, ty) => sfmt::fmt_int(out, sfmt::Int::new(**bits as i128, 128, ty.signed()), spec),
        Value::Float(x, FloatTy::F32) => sfmt::fmt_f32(out, *x as f32, spec),
        Value::Float(x, FloatTy::F64) => sfmt::fmt_f64(out, *x, spec),
        Value::Char(c) => sfmt::fmt_char(out, *c, spec),
        Value::Str(h) => {
            if spec.trait_ == Trait::Pointer {
                sfmt::fmt_pointer(out, h.addr(), spec);
            } else {
                let s = h.read().map_err(conflict)?;
                sfmt::fmt_str(out, &s, spec);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The spec an aggregate is printed with: Debug (what a program rustc accepts asks for;
/// Display and the numeric traits of aggregates only reach here from invalid programs),
/// keeping the flags that leaves use.
fn debug_like(spec: &Spec) -> Spec {
    match spec.trait_ {
        Trait::Debug => spec.clone(),
        _ => spec.with_trait(Trait::Debug),
    }
}
