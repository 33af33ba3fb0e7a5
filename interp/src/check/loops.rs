//! Loops and conditions in the walker (`walk.rs`): an `if`/`while` condition splits the flow
//! state in two (where it holds, where it does not; `let` chains bind on the way), and a loop
//! body is walked twice, once silently to learn what one iteration moves, then from the head
//! as both the entry and the back edge reach it, so that a move in one iteration is reported
//! at a use in the next (E0382 "value moved here, in previous iteration of loop").

use super::flow::{LoopCx, State};
use super::walk::{Ctx, Walker, MAX_DEPTH};
use crate::ast::{self, BinOp, Block, Expr, ExprKind, Pat, Span};

impl Walker<'_> {
    /// An `if`/`while` condition: the states where it holds and where it does not. `let`
    /// bindings go into the current scope.
    pub(super) fn cond(&mut self, e: &Expr) -> (State, State) {
        if self.depth >= MAX_DEPTH {
            self.overflow = true;
            return (self.state.clone(), self.state.clone());
        }
        self.depth += 1;
        let out = match &e.kind {
            ExprKind::Let(p, x) => {
                let scrut = self.scrutinee(x);
                self.bind_pat(p);
                let otherwise = self.state.clone();
                if let Some((v, ty)) = &scrut {
                    self.partial_move(*v, ty.as_ref(), p);
                }
                (self.state.clone(), otherwise)
            }
            ExprKind::Binary(BinOp::And, a, b) => {
                let (ta, ea) = self.cond(a);
                self.state = ta;
                let (tb, eb) = self.cond(b);
                (tb, ea.join(&eb))
            }
            ExprKind::Binary(BinOp::Or, a, b) => {
                let (ta, ea) = self.cond(a);
                self.state = ea;
                let (tb, eb) = self.cond(b);
                (ta.join(&tb), eb)
            }
            ExprKind::Paren(x) => self.cond(x),
            _ => {
                self.expr(e, Ctx::Use);
                (self.state.clone(), self.state.clone())
            }
        };
        self.depth -= 1;
        out
    }

    pub(super) fn run_loop(&mut self, label: &Option<ast::Ident>, head: Span, body: LoopBody<'_>) {
        let label = label.as_ref().map(|l| l.name.clone());
        let entry = self.state.clone();
        if self.silent > 0 {
            // Exploring only (an outer loop's first pass): one iteration gives the moves the
            // loop can make, which is all the outer loop needs; this keeps nested loops linear.
            self.loops.push(LoopCx::new(label, false));
            let exit_at_head = self.iteration(&body);
            let cx = self.loops.pop().unwrap_or_else(|| LoopCx::new(None, false));
            let end = self.state.join(&cx.conts);
            self.state = match body {
                LoopBody::Loop(_) => cx.breaks,
                LoopBody::While(..) => exit_at_head.join(&end).join(&cx.breaks),
                LoopBody::For(..) => entry.join(&end).join(&cx.breaks),
            };
            return;
        }
        // First pass, silent: what one iteration moves.
        self.silent += 1;
        self.loops.push(LoopCx::new(label.clone(), false));
        self.iteration(&body);
        let cx = self.loops.pop().unwrap_or_else(|| LoopCx::new(None, false));
        let end1 = self.state.join(&cx.conts);
        self.silent -= 1;
        // Second pass from the head as reached by the entry and the back edge.
        self.state = entry.join(&end1.back_edge(&entry, head));
        let head_state = self.state.clone();
        self.loops.push(LoopCx::new(label, false));
        let has_cond = !matches!(body, LoopBody::Loop(_));
        if has_cond {
            self.next_loop += 1;
            self.cond_loops.push(self.next_loop);
        }
        let exit_at_head = self.iteration(&body);
        if has_cond {
            self.cond_loops.pop();
        }
        let cx = self.loops.pop().unwrap_or_else(|| LoopCx::new(None, false));
        let end2 = self.state.join(&cx.conts);
        self.state = match body {
            LoopBody::Loop(_) => cx.breaks,
            LoopBody::While(..) => exit_at_head.join(&cx.breaks),
            LoopBody::For(..) => head_state.join(&end2).join(&cx.breaks),
        };
    }

    /// One iteration; returns the state in which the loop can exit at its head.
    fn iteration(&mut self, body: &LoopBody<'_>) -> State {
        match body {
            LoopBody::Loop(b) => {
                self.block(b, Ctx::Use);
                State::unreachable()
            }
            LoopBody::While(cond, b) => {
                self.scopes.push(Vec::new());
                let (t, el) = self.cond(cond);
                self.state = t;
                self.block(b, Ctx::Use);
                self.scopes.pop();
                el
            }
            LoopBody::For(pat, b) => {
                let head = self.state.clone();
                self.scopes.push(Vec::new());
                self.bind_pat(pat);
                self.block(b, Ctx::Use);
                self.scopes.pop();
                head
            }
        }
    }
}

/// The three kinds of loop, as `run_loop` walks them.
pub(super) enum LoopBody<'b> {
    Loop(&'b Block),
    While(&'b Expr, &'b Block),
    For(&'b Pat, &'b Block),
}
