//! The flow state of the move check: which locals are (maybe) moved at a program point, and
//! where and how they were moved. States join at the ends of branches and at loop heads; an
//! unreachable state (after `return`, `break`, a panic) is the identity of the join.

use crate::ast::Span;
use crate::types::Ty;
use rustc_hash::FxHashMap;

/// A local variable, numbered in declaration order within one body.
pub type VarId = usize;

/// How a value left its place, for the label at the move.
#[derive(Clone, Debug, PartialEq)]
pub enum MoveKind {
    /// `let y = x`, `f(x)`, `S { f: x }`: "value moved here".
    Plain,
    /// `x.unwrap()`: the span is the method name to the end of the call.
    Method(Span),
    /// `for e in x`.
    IntoIter,
    /// `x + y`: the span is the whole operation.
    Operator(Span),
    /// Captured by value by a closure: its head (`move ||`) and the use inside.
    Closure { head: Span, use_span: Span },
    /// A part moved out by a pattern binding (the span is the binding): the variable as a
    /// whole is unusable, its other fields are not.
    Partial,
    /// A REPL variable moved by an earlier input (no span in this one).
    EarlierInput,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MoveInfo {
    /// The moved expression (the variable's path).
    pub span: Span,
    pub kind: MoveKind,
    /// The moved value's type (certainly not `Copy`).
    pub ty: Ty,
    /// Set when the move reached this point through a loop's back edge: the loop's head.
    pub prev_iter: Option<Span>,
}

#[derive(Clone, Debug, Default)]
pub struct State {
    pub reachable: bool,
    pub moved: FxHashMap<VarId, MoveInfo>,
}

impl State {
    pub fn start() -> State {
        State { reachable: true, moved: FxHashMap::default() }
    }
    pub fn unreachable() -> State {
        State { reachable: false, moved: FxHashMap::default() }
    }

    /// The state where control arrives from `self` or from `other`.
    pub fn join(&self, other: &State) -> State {
        if !self.reachable {
            return other.clone();
        }
        if !other.reachable {
            return self.clone();
        }
        let mut out = self.clone();
        for (v, m) in &other.moved {
            out.moved.entry(*v).or_insert_with(|| m.clone());
        }
        out
    }

    pub fn join_into(&mut self, other: &State) {
        *self = self.join(other);
    }

    /// `self` (the end of a loop body) as seen at the loop head again: moves that were not
    /// there at `entry` happened in a previous iteration.
    pub fn back_edge(&self, entry: &State, head: Span) -> State {
        let mut out = self.clone();
        for (v, m) in out.moved.iter_mut() {
            let old = entry.moved.get(v).is_some_and(|e| e.span == m.span);
            if !old && m.prev_iter.is_none() {
                m.prev_iter = Some(head);
            }
        }
        out
    }
}

/// A loop or labelled block being walked: the states that leave it by `break` and that go
/// back to its head by `continue`.
#[derive(Debug)]
pub struct LoopCx {
    pub label: Option<String>,
    /// A labelled block: only a labelled `break` targets it.
    pub is_block: bool,
    pub breaks: State,
    pub conts: State,
}

impl LoopCx {
    pub fn new(label: Option<String>, is_block: bool) -> LoopCx {
        LoopCx { label, is_block, breaks: State::unreachable(), conts: State::unreachable() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(lo: usize) -> MoveInfo {
        MoveInfo { span: Span::new(lo, lo + 1), kind: MoveKind::Plain, ty: Ty::String, prev_iter: None }
    }

    #[test]
    fn join_is_union_and_unreachable_is_identity() {
        let mut a = State::start();
        a.moved.insert(1, mv(5));
        let mut b = State::start();
        b.moved.insert(2, mv(9));
        let j = a.join(&b);
        assert!(j.moved.contains_key(&1) && j.moved.contains_key(&2));
        let u = State::unreachable();
        assert_eq!(u.join(&a).moved.len(), 1);
        assert!(a.join(&u).reachable);
    }

    #[test]
    fn back_edge_marks_only_new_moves() {
        let mut entry = State::start();
        entry.moved.insert(1, mv(5));
        let mut end = entry.clone();
        end.moved.insert(2, mv(9));
        let back = end.back_edge(&entry, Span::new(0, 4));
        assert_eq!(back.moved[&1].prev_iter, None);
        assert_eq!(back.moved[&2].prev_iter, Some(Span::new(0, 4)));
    }
}
