//! Literals and their types: a literal's type comes from its suffix, else from type
//! inference (`typeck`), else from the expected type the compiler passes down (annotation,
//! parameter, return type), else i32 / f64.

use super::Compiler;
use crate::ast::{self, LitKind};
use crate::diag::Diagnostic;
use crate::types::Ty;
use crate::value::{FloatTy, IntTy, Value};

/// The integer value of a constant expression (`3`, `-1`), for enum discriminants.
pub fn const_int(e: &ast::Expr) -> Option<i64> {
    match &e.kind {
        ast::ExprKind::Lit(ast::Lit { kind: LitKind::Int(v, _), .. }) => i64::try_from(*v).ok(),
        ast::ExprKind::Unary(ast::UnOp::Neg, inner) => const_int(inner).map(|v| -v),
        ast::ExprKind::Paren(inner) => const_int(inner),
        _ => None,
    }
}

/// A syntactic type to a `Ty` (best effort; generics stay `Param`).
pub fn ast_to_ty(t: &ast::Type, self_ty: Option<&str>) -> Ty {
    match &t.kind {
        ast::TypeKind::Path(p) => {
            let seg = p.last();
            let name = seg.ident.name.as_str();
            if let Some(i) = IntTy::from_name(name) {
                return Ty::Int(i);
            }
            let args: Vec<Ty> = seg.generics.as_ref().map(|g| g.iter().map(|t| ast_to_ty(t, self_ty)).collect()).unwrap_or_default();
            match name {
                "f64" => Ty::Float(FloatTy::F64),
                "f32" => Ty::Float(FloatTy::F32),
                "bool" => Ty::Bool,
                "char" => Ty::Char,
                "String" => Ty::String,
                "str" => Ty::Str,
                "Self" => Ty::named(self_ty.unwrap_or("Self"), vec![]),
                "Box" if args.len() == 1 => args.into_iter().next().unwrap_or(Ty::Infer),
                _ if name.len() == 1 && name.chars().all(|c| c.is_ascii_uppercase()) => Ty::Param(name.to_string()),
                _ => Ty::Named(name.to_string(), args),
            }
        }
        ast::TypeKind::Ref { mutable, inner } => Ty::Ref { mutable: *mutable, inner: Box::new(ast_to_ty(inner, self_ty)) },
        ast::TypeKind::Tuple(ts) if ts.is_empty() => Ty::Unit,
        ast::TypeKind::Tuple(ts) => Ty::Tuple(ts.iter().map(|t| ast_to_ty(t, self_ty)).collect()),
        ast::TypeKind::Array(t, n) => Ty::Array(Box::new(ast_to_ty(t, self_ty)), const_int(n).map(|n| n as u64)),
        ast::TypeKind::Slice(t) => Ty::Slice(Box::new(ast_to_ty(t, self_ty))),
        ast::TypeKind::Never => Ty::Never,
        _ => Ty::Infer,
    }
}

/// The element type of a collection type (`Vec<T>` -> `T`, `[T; N]` -> `T`).
pub fn elem_ty(t: &Ty) -> Option<Ty> {
    match t.deref() {
        Ty::Array(e, _) | Ty::Slice(e) => Some((**e).clone()),
        Ty::Named(n, args) if matches!(n.as_str(), "Vec" | "VecDeque" | "HashSet" | "BTreeSet" | "Option" | "Box" | "Rc" | "Arc" | "RefCell" | "Cell") => args.first().cloned(),
        _ => None,
    }
}

impl Compiler {
    /// The type typeck inferred for an expression.
    pub(crate) fn inferred(&self, e: &ast::Expr) -> Option<Ty> {
        let t = self.info.as_ref()?.expr_ty(e.id)?;
        if t.is_known() {
            Some(t.clone())
        } else {
            None
        }
    }

    /// The value of a literal, typed.
    pub(crate) fn lit_value(&mut self, lit: &ast::Lit, e: Option<&ast::Expr>, expect: Option<&Ty>, negate: bool) -> Value {
        let inferred = e.and_then(|e| self.inferred(e));
        let ctx = inferred.as_ref().or(expect).map(|t| t.deref().clone());
        match &lit.kind {
            LitKind::Int(v, suffix) => {
                let sty = suffix.as_deref();
                if matches!(sty, Some("f64") | Some("f32")) {
                    let f = *v as f64;
                    let f = if negate { -f } else { f };
                    return Value::Float(f, if sty == Some("f32") { FloatTy::F32 } else { FloatTy::F64 });
                }
                let ty = match sty.and_then(IntTy::from_name) {
                    Some(t) => {
                        if !int_lit_fits(*v, negate, t) {
                            // rustc's deny-by-default `overflowing_literals`.
                            let shown = format!("{}{}{}", if negate { "-" } else { "" }, v, t.name());
                            let span = e.map(|e| e.span).unwrap_or(lit.span);
                            self.error(
                                Diagnostic::error(format!("literal out of range for `{}`", t.name()), span, format!("`{shown}` does not fit into `{}`", t.name()))
                                    .with_help(format!("the type `{}` holds {}; use a wider type such as `i64` or `u64`", t.name(), int_range(t))),
                            );
                        }
                        t
                    }
                    None => match ctx {
                        // A literal that does not fit the type inference gave it: rustc would
                        // reject the program were that its type (`overflowing_literals`), so
                        // in a program it accepts the type is one teras's inference did not
                        // see (a std function whose signature it lacks, defaulting to i32):
                        // the literal keeps its value in the narrowest of i64, u64, i128,
                        // u128 that holds it, instead of being truncated.
                        Some(Ty::Int(t)) if int_lit_fits(*v, negate, t) => t,
                        Some(Ty::Float(ft)) => {
                            let f = *v as f64;
                            return Value::Float(if negate { -f } else { f }, ft);
                        }
                        _ => [IntTy::I32, IntTy::I64, IntTy::U64, IntTy::I128].into_iter().find(|&t| int_lit_fits(*v, negate, t)).unwrap_or(IntTy::U128),
                    },
                };
                let bits = if negate { v.wrapping_neg() } else { *v };
                if ty.is_128() {
                    Value::int128(bits, ty)
                } else {
                    Value::Int(crate::vm::ops::wrap(bits as i64, ty), ty)
                }
            }
            LitKind::Float(text, suffix) => {
                let ft = match suffix.as_deref() {
                    Some("f32") => FloatTy::F32,
                    Some(_) => FloatTy::F64,
                    None => match ctx {
                        Some(Ty::Float(ft)) => ft,
                        _ => FloatTy::F64,
                    },
                };
                let f: f64 = text.parse().unwrap_or(0.0);
                let f = if negate { -f } else { f };
                Value::Float(if ft == FloatTy::F32 { f as f32 as f64 } else { f }, ft)
            }
            LitKind::Str(s) => Value::str(s.clone()),
            LitKind::ByteStr(b) => Value::Vec(crate::heap::Heap::new(crate::value::VecObj {
                items: b.iter().map(|x| Value::Int(*x as i64, IntTy::U8)).collect(),
                is_array: true,
            })),
            LitKind::Char(c) => Value::Char(*c),
            LitKind::Byte(b) => Value::Int(*b as i64, IntTy::U8),
            LitKind::Bool(b) => Value::Bool(*b),
        }
    }
}

/// Whether the integer literal `v` (negated when `negate`: `-v`) lies in `t`'s range. A
/// negated literal of an unsigned type does not fit (rustc rejects `-1u8` anyway).
fn int_lit_fits(v: u128, negate: bool, t: IntTy) -> bool {
    let bits = t.bits();
    if negate {
        t.signed() && v <= 1u128 << (bits - 1)
    } else if t.signed() {
        v < 1u128 << (bits - 1)
    } else {
        bits == 128 || v < 1u128 << bits
    }
}

/// `t`'s range as rustc's note writes it (`0..=255`).
fn int_range(t: IntTy) -> String {
    let bits = t.bits();
    if t.signed() {
        format!("-{}..={}", 1u128 << (bits - 1), (1u128 << (bits - 1)) - 1)
    } else if bits == 128 {
        format!("0..={}", u128::MAX)
    } else {
        format!("0..={}", (1u128 << bits) - 1)
    }
}
