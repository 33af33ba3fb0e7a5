//! `std::mem::size_of::<T>()` and `size_of_val(&x)`: Rust's sizes on x86_64, computed at
//! compile time from the type. Only layouts that are unambiguous are answered (primitives,
//! pointers, `String`/`Vec`/`Box`/`Rc`, arrays, tuples, the program's structs, `Option` of a
//! non-null pointer); any other type (an enum of the program, `Option` of a struct, where
//! rustc's niche choices decide) gives an error message that the program reports when the
//! call runs.

use super::{Compiler, Item};
use crate::ast::{self, Span};
use crate::types::Ty;
use crate::value::{FloatTy, IntTy, Value};
use crate::vm::bytecode::{Instr, Reg};

impl Compiler {
    /// `size_of::<T>()` / `size_of_val(&x)` (path `p`, arguments `args`): the size as a
    /// constant in `dst`, or an `Error` instruction saying why it cannot be told.
    pub(crate) fn size_of_call(&mut self, p: &ast::Path, args: &[ast::Expr], dst: Reg, span: Span) {
        let ty = match (p.last().generics.as_ref().and_then(|g| g.first()), args.first()) {
            (Some(t), _) => Some(written_ty(t, self.self_ty.as_deref())),
            (None, Some(a)) => self.inferred(a).map(|t| match t {
                Ty::Ref { inner, .. } => *inner,
                t => t,
            }),
            (None, None) => None,
        };
        for a in args {
            let t = self.cx().alloc();
            self.expr_to(a, t, None);
        }
        // The program's non-generic structs, by their fields' written types.
        let fields_of = |name: &str| -> Option<Vec<Ty>> {
            let Some(Item::Adt(a)) = self.resolve_item_str(&[name.to_string()]) else { return None };
            if self.prog.adts.get(a as usize).is_none_or(|d| d.is_enum) {
                return None;
            }
            let fields = self.adt_fields.get(&a)?;
            fields.iter().map(|(_, t)| t.as_ref().map(|t| written_ty(t, Some(name)))).collect()
        };
        let layout = ty.as_ref().map(|t| layout_in(t, &fields_of, 0));
        match layout {
            Some(Ok((n, _))) => self.load_value(Value::Int(n as i64, crate::value::IntTy::Usize), dst, span),
            other => {
                let m = match other {
                    Some(Err(m)) => m,
                    _ => "teras cannot tell the size of this type".to_string(),
                };
                let msg = self.cx().add_name(m);
                self.emit(Instr::Error { msg }, span);
            }
        }
    }
}

/// A size and an alignment in bytes, or why they cannot be told.
type Layout = Result<(u64, u64), String>;

/// `(size, align)` of `t` in bytes, or why it cannot be told, given the field types of the
/// program's structs (`fields_of` of a struct's name: `None` for anything else); `depth`
/// bounds the nesting.
pub(crate) fn layout_in(t: &Ty, fields_of: &dyn Fn(&str) -> Option<Vec<Ty>>, depth: u32) -> Layout {
    if depth > 64 {
        return Err(format!("teras cannot tell the size of `{t}`"));
    }
    let layout = |t: &Ty| layout_in(t, fields_of, depth + 1);
    let prim = |n: u64| Ok((n, n));
    match t {
        Ty::Unit | Ty::Never => Ok((0, 1)),
        Ty::Bool => prim(1),
        Ty::Char => prim(4),
        Ty::Int(i) => prim(match i {
            IntTy::I8 | IntTy::U8 => 1,
            IntTy::I16 | IntTy::U16 => 2,
            IntTy::I32 | IntTy::U32 => 4,
            IntTy::I64 | IntTy::U64 | IntTy::Isize | IntTy::Usize => 8,
            IntTy::I128 | IntTy::U128 => 16,
        }),
        Ty::Float(FloatTy::F32) => prim(4),
        Ty::Float(FloatTy::F64) => prim(8),
        Ty::String => Ok((24, 8)),
        Ty::Ref { inner, .. } => Ok(pointer_to(inner)),
        Ty::Fn(..) => Ok((8, 8)),
        Ty::Array(e, Some(n)) => {
            let (s, a) = layout(e)?;
            let size = s.checked_mul(*n).ok_or_else(|| "the array is too big".to_string())?;
            Ok((size, a))
        }
        Ty::Tuple(items) => fields_layout(items, &layout),
        Ty::Named(n, args) => match (n.as_str(), args.as_slice()) {
            ("Vec" | "VecDeque" | "BinaryHeap", _) => Ok((24, 8)),
            ("Box" | "Rc" | "Arc", [inner]) => Ok(pointer_to(inner)),
            ("Box" | "Rc" | "Arc", []) => Ok((8, 8)),
            ("Option", [inner]) if is_non_null(inner) => layout(inner),
            ("Option", [Ty::Bool]) => Ok((1, 1)),
            ("Option", [Ty::Char]) => Ok((4, 4)),
            ("Option", [inner]) if matches!(inner, Ty::Int(_) | Ty::Float(_)) => {
                let (s, a) = layout(inner)?;
                Ok((s + a, a))
            }
            ("Cell", [inner]) => layout(inner),
            ("Duration", []) => Ok((16, 8)),
            ("HashMap" | "HashSet", _) => Ok((48, 8)),
            ("BTreeMap" | "BTreeSet", _) => Ok((24, 8)),
            ("Ordering", []) => Ok((1, 1)),
            ("PhantomData", _) => Ok((0, 1)),
            ("Wrapping", [inner]) => layout(inner),
            (n, []) => match fields_of(n) {
                Some(fields) => fields_layout(&fields, &layout),
                None => Err(format!("teras cannot tell the size of `{t}`")),
            },
            _ => Err(format!("teras cannot tell the size of `{t}`")),
        },
        // (A one-letter struct name reads as a type parameter.)
        Ty::Param(n) => match fields_of(n) {
            Some(fields) => fields_layout(&fields, &layout),
            None => Err(format!("teras cannot tell the size of `{t}`")),
        },
        _ => Err(format!("teras cannot tell the size of `{t}`")),
    }
}

/// A tuple's or a struct's layout under the default repr: rustc orders fields by alignment, so
/// no padding is needed between them (every size is a multiple of its alignment); the end
/// rounds up to the alignment.
fn fields_layout(fields: &[Ty], layout: &dyn Fn(&Ty) -> Layout) -> Layout {
    let mut size = 0u64;
    let mut align = 1u64;
    for f in fields {
        let (s, a) = layout(f)?;
        size = size.saturating_add(s);
        align = align.max(a);
    }
    Ok((size.div_ceil(align) * align, align))
}

/// The `Ty` of a written type, keeping `Box` (which `lits::ast_to_ty` makes transparent).
pub(crate) fn written_ty(t: &crate::ast::Type, self_ty: Option<&str>) -> Ty {
    if let crate::ast::TypeKind::Path(p) = &t.kind {
        let last = p.last();
        if matches!(last.ident.name.as_str(), "Box" | "Option") {
            let args = last.generics.iter().flatten().map(|a| written_ty(a, self_ty)).collect();
            return Ty::named(&last.ident.name, args);
        }
    }
    super::lits::ast_to_ty(t, self_ty)
}

/// A pointer to `inner`: two words when `inner` is unsized (`str`, slices, `dyn Trait`).
fn pointer_to(inner: &Ty) -> (u64, u64) {
    match inner {
        Ty::Str | Ty::Slice(_) | Ty::Dyn(_) => (16, 8),
        _ => (8, 8),
    }
}

/// References and owning pointers are never null: `Option` of one is the same size.
fn is_non_null(t: &Ty) -> bool {
    matches!(t, Ty::Ref { .. } | Ty::String | Ty::Fn(..))
        || matches!(t, Ty::Named(n, _) if matches!(n.as_str(), "Box" | "Rc" | "Arc" | "Vec"))
}

#[cfg(test)]
mod tests {
    use crate::types::Ty;
    use crate::value::IntTy;

    fn layout(t: &Ty) -> Result<(u64, u64), String> {
        super::layout_in(t, &|n| (n == "Pair").then(|| vec![Ty::Int(IntTy::U8), Ty::Int(IntTy::U64)]), 0)
    }

    fn size(t: &Ty) -> u64 {
        layout(t).map(|l| l.0).unwrap_or(u64::MAX)
    }

    #[test]
    fn sizes_match_rustc_on_x86_64() {
        assert_eq!(size(&Ty::Int(IntTy::U8)), 1);
        assert_eq!(size(&Ty::Int(IntTy::Usize)), 8);
        assert_eq!(size(&Ty::Char), 4);
        assert_eq!(size(&Ty::String), 24);
        assert_eq!(size(&Ty::Ref { mutable: false, inner: Box::new(Ty::Str) }), 16);
        assert_eq!(size(&Ty::Tuple(vec![Ty::Int(IntTy::U8), Ty::Int(IntTy::U32), Ty::Int(IntTy::U8)])), 8);
        assert_eq!(size(&Ty::Array(Box::new(Ty::Int(IntTy::U16)), Some(5))), 10);
        assert_eq!(size(&Ty::named("Option", vec![Ty::named("Box", vec![Ty::Int(IntTy::I32)])])), 8);
        assert_eq!(size(&Ty::named("Option", vec![Ty::Int(IntTy::U32)])), 8);
        assert!(layout(&Ty::named("Widget", vec![])).is_err());
        assert_eq!(size(&Ty::named("Pair", vec![])), 16);
        assert_eq!(size(&Ty::Tuple(vec![Ty::named("Pair", vec![]), Ty::Int(IntTy::U16)])), 24);
    }
}
