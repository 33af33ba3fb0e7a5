//! E0382, "use of moved value": the diagnostic for a use of a local whose value was moved,
//! worded and labelled as rustc's borrow checker does (`borrow of moved value: `v``, "value
//! moved here", "value moved into closure here, in previous iteration of loop", the note on
//! the variable's type).
//!
//! The walker (`walk.rs`) decides when a use sees a moved value; this file only builds the
//! report, once per variable and move.

use super::facts::rust_name;
use super::flow::{MoveInfo, MoveKind, VarId};
use super::walk::{Ctx, Walker};
use crate::ast::Span;
use crate::diag::Diagnostic;

impl Walker<'_> {
    /// Reports that variable `v`, moved as `m` says, is used at `use_span` (`ctx` tells a
    /// borrow from a use). `in_closure`: the use is inside a closure whose head is `use_span`.
    pub(super) fn report_moved(&mut self, v: VarId, use_span: Span, ctx: Ctx, m: &MoveInfo, in_closure: Option<Span>) {
        if self.silent > 0 {
            return;
        }
        // One report per move. rustc visits the code after a `while`/`for` loop before the
        // loop's body, so a later use outside such a loop replaces a report from inside it.
        let replace = match self.reported.get(&(v, m.span.lo)) {
            None => None,
            Some((i, loops)) if loops.iter().any(|l| !self.cond_loops.contains(l)) => Some(*i),
            Some(_) => return,
        };
        let Some(var) = self.vars.get(v) else { return };
        let name = var.name.clone();
        let decl = var.decl;
        let borrow = matches!(ctx, Ctx::Borrow | Ctx::BorrowMut);
        if m.kind == MoveKind::Partial {
            if replace.is_none() {
                self.report_partial(v, &name, use_span, borrow, m, in_closure);
            }
            return;
        }
        let message = format!("{} of moved value: `{name}`", if borrow { "borrow" } else { "use" });
        if m.kind == MoveKind::EarlierInput {
            if replace.is_none() {
                let label = if borrow { "value borrowed here after move" } else { "value used here after move" };
                let d = Diagnostic::error(message, use_span, label).with_code("E0382").with_help(format!(
                    "`{name}` was moved by an earlier input; bind it again with `let {name} = ...` to use the name"
                ));
                self.diags.push(d);
                self.reported.insert((v, m.span.lo), (self.diags.len() - 1, self.cond_loops.clone()));
            }
            return;
        }
        let suffix = if m.prev_iter.is_some() { ", in previous iteration of loop" } else { "" };
        let (move_span, move_label) = match &m.kind {
            MoveKind::Plain => (m.span, "value moved here".to_string()),
            MoveKind::Method(s) => (*s, format!("`{name}` moved due to this method call")),
            MoveKind::IntoIter => (m.span, format!("`{name}` moved due to this implicit call to `.into_iter()`")),
            MoveKind::Operator(s) => (*s, format!("`{name}` moved due to usage in operator")),
            MoveKind::Closure { head, .. } => (*head, "value moved into closure here".to_string()),
            MoveKind::Partial => (m.span, "value partially moved here".to_string()),
            MoveKind::EarlierInput => (m.span, "value moved by an earlier input".to_string()),
        };
        let same = move_span == use_span;
        let label = if same {
            format!("{move_label}{suffix}")
        } else if borrow {
            "value borrowed here after move".to_string()
        } else {
            "value used here after move".to_string()
        };
        let mut d = Diagnostic::error(message, use_span, label).with_code("E0382");
        // (A REPL variable of an earlier input has no declaration in this one.)
        if decl != Span::DUMMY {
            d = d.with_secondary(
                decl,
                format!("move occurs because `{name}` has type `{}`, which does not implement the `Copy` trait", rust_name(&m.ty)),
            );
        }
        if let Some(head) = m.prev_iter {
            d = d.with_secondary(head, "inside of this loop");
        }
        if !same {
            d = d.with_secondary(move_span, format!("{move_label}{suffix}"));
        }
        if let MoveKind::Closure { use_span: inner, .. } = &m.kind {
            if Some(*inner) != in_closure {
                d = d.with_secondary(*inner, "variable moved due to use in closure");
            }
        }
        if let Some(inner) = in_closure {
            let what = if borrow { "borrow" } else { "use" };
            d = d.with_secondary(inner, format!("{what} occurs due to use in closure"));
        }
        let help = match m.kind {
            MoveKind::Closure { .. } => "consider cloning the value before moving it into the closure".to_string(),
            MoveKind::IntoIter => format!(
                "consider iterating over a slice of the `{}`'s content to avoid moving into the `for` loop: `&{name}`",
                rust_name(&m.ty)
            ),
            _ => "consider cloning the value if the performance cost is acceptable".to_string(),
        };
        d = d.with_help(help);
        let index = match replace {
            Some(i) if i < self.diags.len() => {
                self.diags[i] = d;
                i
            }
            _ => {
                self.diags.push(d);
                self.diags.len() - 1
            }
        };
        self.reported.insert((v, m.span.lo), (index, self.cond_loops.clone()));
    }

    fn report_partial(&mut self, v: VarId, name: &str, use_span: Span, borrow: bool, m: &MoveInfo, in_closure: Option<Span>) {
        let message = format!("{} of partially moved value: `{name}`", if borrow { "borrow" } else { "use" });
        let label = if borrow { "value borrowed here after partial move" } else { "value used here after partial move" };
        let suffix = if m.prev_iter.is_some() { ", in previous iteration of loop" } else { "" };
        let mut d = Diagnostic::error(message, use_span, label)
            .with_code("E0382")
            .with_secondary(m.span, format!("value partially moved here{suffix}"));
        if let Some(inner) = in_closure {
            let what = if borrow { "borrow" } else { "use" };
            d = d.with_secondary(inner, format!("{what} occurs due to use in closure"));
        }
        d = d.with_help(format!(
            "partial move occurs because value has type `{}`, which does not implement the `Copy` trait\nhelp: borrow this binding in the pattern to avoid moving the value: `ref`",
            rust_name(&m.ty)
        ));
        self.diags.push(d);
        let index = self.diags.len() - 1;
        self.reported.insert((v, m.span.lo), (index, self.cond_loops.clone()));
    }
}
