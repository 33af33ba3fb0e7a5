//! Partial moves by patterns: `match v { Some(s) => .. }`, `if let (a, _) = v`, `let S { name,
//! .. } = v` bind a non-`Copy` part of local `v` by value, after which `v` as a whole is
//! "partially moved" (rustc's E0382 "borrow of partially moved value: `v`"). Only the plain
//! cases are followed: a local as scrutinee, of a known type that is not a reference, through
//! tuples, `Option`/`Result` and the program's own structs and enums; a later use of a field
//! of `v` is never reported (which part moved is not tracked).

use super::flow::{MoveInfo, MoveKind, VarId};
use super::walk::{is_binding_name, Walker};
use crate::ast::{self, Pat, PatKind, Span};
use crate::types::Ty;

const MAX_DEPTH: u32 = 32;

impl Walker<'_> {
    /// After `pat` matched local `v` of type `ty`: records the partial move it makes, if any.
    pub(super) fn partial_move(&mut self, v: VarId, ty: Option<&Ty>, pat: &Pat) {
        let Some(ty) = ty else { return };
        if !self.state.reachable || self.state.moved.contains_key(&v) {
            return;
        }
        if let Some((span, t)) = self.pattern_move(pat, ty, 0) {
            self.state.moved.insert(v, MoveInfo { span, kind: MoveKind::Partial, ty: t, prev_iter: None });
        }
    }

    /// The first binding of `p` (matched against a value of type `ty`) that takes a
    /// non-`Copy` part by value.
    fn pattern_move(&self, p: &Pat, ty: &Ty, depth: u32) -> Option<(Span, Ty)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        match &p.kind {
            PatKind::Ident { by_ref: false, name, sub: None, .. } if is_binding_name(&name.name) => {
                self.facts.is_move(ty).then(|| (name.span, ty.clone()))
            }
            PatKind::Tuple(ps) => {
                let Ty::Tuple(ts) = ty else { return None };
                if ps.len() != ts.len() || ps.iter().any(|x| matches!(x.kind, PatKind::Rest)) {
                    return None;
                }
                ps.iter().zip(ts).find_map(|(x, t)| self.pattern_move(x, t, d))
            }
            PatKind::TupleStruct { path, elems } => {
                let fields = self.variant_fields(path, ty)?;
                if elems.len() != fields.len() || elems.iter().any(|x| matches!(x.kind, PatKind::Rest)) {
                    return None;
                }
                elems.iter().zip(&fields).find_map(|(x, (_, t))| self.pattern_move(x, t, d))
            }
            PatKind::Struct { path, fields, .. } => {
                let shape = self.variant_fields(path, ty)?;
                fields.iter().find_map(|f| {
                    let (_, t) = shape.iter().find(|(n, _)| *n == f.name.name)?;
                    self.pattern_move(&f.pat, t, d)
                })
            }
            PatKind::Or(ps) => ps.iter().find_map(|x| self.pattern_move(x, ty, d)),
            _ => None,
        }
    }

    /// The fields (name, type) of the variant or struct `path` names, in a value of type `ty`.
    fn variant_fields(&self, path: &ast::Path, ty: &Ty) -> Option<Vec<(String, Ty)>> {
        let Ty::Named(n, args) = ty else { return None };
        let variant = path.last().ident.name.as_str();
        if let Some(adt) = self.facts.adts.get(n) {
            if adt.decls != 1 {
                return None;
            }
            let (_, fs) = adt.shapes.iter().find(|(v, _)| v == variant)?;
            return Some(fs.iter().map(|(name, t)| (name.clone(), self.facts.field_ty(t, &adt.generics, args, 0))).collect());
        }
        let arg = match (n.as_str(), variant) {
            ("Option", "Some") | ("Result", "Ok") => args.first()?,
            ("Result", "Err") => args.get(1)?,
            _ => return None,
        };
        Some(vec![("0".to_string(), arg.clone())])
    }
}
