//! A function being compiled: its `FuncProto`, register allocation (a stack: locals and
//! temporaries are allocated and freed in LIFO order), lexical scopes of locals, loops
//! (break/continue targets with labels), and the names that must be boxed.

use crate::ast::Span;
use crate::vm::bytecode::{FuncProto, Instr, Reg};
use rustc_hash::FxHashSet;

/// A local variable.
#[derive(Clone, Debug)]
pub struct Local {
    pub name: String,
    pub reg: Reg,
    /// The register holds a `Ref(Place::Local)` box: reads `Deref`, writes `StoreDeref`.
    pub boxed: bool,
    /// Owns its value (drop at scope end, moves on by-value reads); false for references.
    pub owned: bool,
    /// The static type when known (annotations, typeck).
    pub ty: Option<crate::types::Ty>,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub locals: Vec<Local>,
    /// First register of the scope (freed at its end).
    pub reg_start: u16,
}

/// A loop or labelled block being compiled.
#[derive(Debug)]
pub struct LoopCx {
    pub label: Option<String>,
    /// Jumps to patch to the loop's exit.
    pub breaks: Vec<usize>,
    /// Where `continue` goes (`None` for labelled blocks; patched later when unknown).
    pub continue_to: Option<usize>,
    pub continues: Vec<usize>,
    /// Register receiving `break value`.
    pub result: Reg,
    /// Number of scopes open when the loop started (for drops on break).
    pub scope_depth: usize,
    pub is_block: bool,
    /// The first register of the body's temporaries (and, for `while`, its condition's):
    /// all of them are dead once a `break` or `continue` leaves the body, so those die
    /// there (`Compiler::leave_loop_body`). `Reg::MAX` until the body starts.
    pub body_from: Reg,
}

/// Per-function compile state.
#[derive(Debug)]
pub struct FnCx {
    pub proto: FuncProto,
    pub scopes: Vec<Scope>,
    pub next_reg: u16,
    pub max_reg: u16,
    pub loops: Vec<LoopCx>,
    /// Names that must be boxed when declared (`&mut x` taken, or assigned in a closure).
    pub boxed_names: FxHashSet<String>,
    /// Declared return type (for literal typing and `?` conversion).
    pub ret_ty: Option<crate::ast::Type>,
    /// Is a closure (its captured names resolve to capture registers).
    pub is_closure: bool,
    /// The span used for instructions emitted without a better one.
    pub cur_span: Span,
    /// High-water mark of registers allocated since it was last reset (per statement).
    pub hw: u16,
    /// Inside a statement of a program that walks drops (`Compiler::stmt`): registers are
    /// not reused until the statement ends (`alloc` starts at `hw`), so a temporary (a lock
    /// guard, wherever it came from) keeps its register to the statement's end, and a call
    /// window reserved after it is above it (a callee's frame cannot overwrite it).
    pub mono: bool,
    /// Inside a statement, the first register a statement of the current block may use
    /// (`Compiler::block_to`): above what the enclosing statement made before the block,
    /// while the block's statements reuse each other's registers (each one's temporaries
    /// died at its end), so a function's frame grows with its nesting, not its length.
    pub floor: u16,
    /// Temporary receivers kept in a register of their own so far (`Recv::Temp`): a region
    /// that saw one releases its guards at its end even when no guard-making method is named.
    pub temp_guards: u32,
    /// The span of the last indexing place (`[...]`, where Rust locates index panics).
    pub index_span: Span,
    /// A closure's owned captures (`FuncProto::owned_captures`): register, name and capture
    /// index. A by-value read of one moves it out (`Take`), so that the value has one owner.
    pub owned_caps: Vec<(Reg, String, u8)>,
    /// Parameters whose type is bound by `FnOnce` (`f: F` with `F: FnOnce()`, `impl FnOnce()`,
    /// `Box<dyn FnOnce()>`): register and name. A call of one consumes it (`Instr::CallOnce`).
    pub once_params: Vec<(Reg, String)>,
    /// The function's type parameters, its impl's included (`T::CONST` is read through the
    /// frame's type arguments: `Instr::ParamCall`). Empty for closures.
    pub generics: Vec<String>,
}

impl FnCx {
    pub fn new(proto: FuncProto) -> FnCx {
        FnCx {
            proto,
            scopes: vec![Scope::default()],
            next_reg: 0,
            max_reg: 0,
            loops: Vec::new(),
            boxed_names: FxHashSet::default(),
            ret_ty: None,
            is_closure: false,
            cur_span: Span::DUMMY,
            index_span: Span::DUMMY,
            hw: 0,
            mono: false,
            floor: 0,
            temp_guards: 0,
            owned_caps: Vec::new(),
            once_params: Vec::new(),
            generics: Vec::new(),
        }
    }

    /// Is `l` one of this closure's owned captures (`owned_caps`)?
    pub fn owns_capture(&self, l: &Local) -> bool {
        !l.boxed && self.owned_caps.iter().any(|(r, n, _)| *r == l.reg && *n == l.name)
    }

    /// The body reads the owned capture `l` by value: a call consumes the closure
    /// (`FuncProto::moved_captures`).
    pub fn note_capture_move(&mut self, l: &Local) {
        if let Some((_, _, i)) = self.owned_caps.iter().find(|(r, n, _)| *r == l.reg && *n == l.name) {
            self.proto.moved_captures |= 1 << *i;
        }
    }

    pub fn alloc(&mut self) -> Reg {
        if self.mono && self.next_reg < self.hw {
            self.next_reg = self.hw;
        }
        let r = self.next_reg;
        self.next_reg = self.next_reg.saturating_add(1);
        if self.next_reg > self.max_reg {
            self.max_reg = self.next_reg;
        }
        if self.next_reg > self.hw {
            self.hw = self.next_reg;
        }
        r
    }

    pub fn alloc_n(&mut self, n: usize) -> Reg {
        if self.mono && self.next_reg < self.hw {
            self.next_reg = self.hw;
        }
        let r = self.next_reg;
        for _ in 0..n {
            self.alloc();
        }
        r
    }

    pub fn emit(&mut self, ins: Instr, span: Span) -> usize {
        use crate::vm::bytecode::BinKind;
        // Specialized forms of the hottest generic instructions.
        let ins = match ins {
            Instr::Bin { op: BinKind::Add, dst, a, b } => Instr::Add { dst, a, b },
            Instr::Bin { op: BinKind::Sub, dst, a, b } => Instr::Sub { dst, a, b },
            Instr::BinI { op: BinKind::Add, dst, a, imm } => Instr::AddI { dst, a, imm },
            Instr::BinI { op: BinKind::Sub, dst, a, imm } => Instr::SubI { dst, a, imm },
            Instr::JumpIfNotI { op: BinKind::Lt, a, imm, target } => Instr::JumpIfNotLtI { a, imm, target },
            other => other,
        };
        self.proto.code.push(ins);
        self.proto.spans.push(span);
        self.proto.code.len() - 1
    }

    pub fn here(&self) -> usize {
        self.proto.code.len()
    }

    /// Point the jump at `at` to `target`.
    pub fn patch(&mut self, at: usize, target: usize) {
        let t = target.min(u16::MAX as usize) as u16;
        if let Some(ins) = self.proto.code.get_mut(at) {
            match ins {
                Instr::Jump { target } | Instr::Loop { target } => *target = t,
                Instr::JumpIf { target, .. }
                | Instr::JumpIfNot { target, .. }
                | Instr::JumpIfNot2 { target, .. }
                | Instr::JumpIfNotI { target, .. }
                | Instr::JumpIfNotLtI { target, .. }
                | Instr::ForPrep { target, .. }
                | Instr::ForStep { target, .. }
                | Instr::IterNext { target, .. }
                | Instr::TestVariant { target, .. }
                | Instr::TestConst { target, .. }
                | Instr::TestLen { target, .. }
                | Instr::Try { target, .. } => *target = t,
                _ => {}
            }
        }
    }

    /// The first register of a new temporaries region (a statement, a tail expression, a
    /// condition, an arm's pattern): inside a statement, above everything it used so far.
    pub fn region_start(&mut self) -> Reg {
        if self.mono && self.next_reg < self.hw {
            self.next_reg = self.hw;
        }
        self.next_reg
    }

    pub fn push_scope(&mut self) {
        self.scopes.push(Scope { locals: Vec::new(), reg_start: self.next_reg });
    }

    /// Close the innermost scope; returns its locals (for drop emission by the caller).
    pub fn pop_scope(&mut self) -> Vec<Local> {
        let s = self.scopes.pop().unwrap_or_default();
        self.next_reg = s.reg_start;
        // The owned locals' values die here (for unwinding: `FuncProto::drop_slots`).
        let here = self.here() as u32;
        for l in s.locals.iter().filter(|l| l.owned) {
            if let Some(slot) = self.proto.drop_slots.iter_mut().rev().find(|d| d.reg == l.reg && d.end == u32::MAX) {
                slot.end = here;
            }
        }
        s.locals
    }

    pub fn declare(&mut self, local: Local) {
        if local.owned {
            let start = self.here() as u32;
            self.proto.drop_slots.push(crate::vm::bytecode::DropSlot { reg: local.reg, boxed: local.boxed, start, end: u32::MAX });
        }
        if let Some(s) = self.scopes.last_mut() {
            s.locals.push(local);
        }
    }

    pub fn lookup(&self, name: &str) -> Option<&Local> {
        for s in self.scopes.iter().rev() {
            if let Some(l) = s.locals.iter().rev().find(|l| l.name == name) {
                return Some(l);
            }
        }
        None
    }

    /// Every local name visible (for did-you-mean).
    pub fn visible_names(&self) -> Vec<String> {
        self.scopes.iter().flat_map(|s| s.locals.iter().map(|l| l.name.clone())).collect()
    }

    pub fn add_const(&mut self, v: crate::value::Value) -> u16 {
        // Reuse equal string/scalar constants.
        for (i, c) in self.proto.consts.iter().enumerate() {
            if same_const(c, &v) {
                return i as u16;
            }
        }
        self.proto.consts.push(v);
        (self.proto.consts.len() - 1).min(u16::MAX as usize) as u16
    }

    pub fn add_name(&mut self, s: String) -> u16 {
        self.proto.names.push(s);
        (self.proto.names.len() - 1) as u16
    }

    pub fn field_site(&mut self, name: &str) -> u16 {
        if let Some(i) = self.proto.fields.iter().position(|f| &*f.name == name) {
            return i as u16;
        }
        self.proto.fields.push(crate::vm::bytecode::FieldSite { name: name.into(), cache: Default::default() });
        (self.proto.fields.len() - 1) as u16
    }
}

fn same_const(a: &crate::value::Value, b: &crate::value::Value) -> bool {
    use crate::value::Value;
    match (a, b) {
        (Value::Int(x, t), Value::Int(y, u)) => x == y && t == u,
        (Value::Float(x, t), Value::Float(y, u)) => x.to_bits() == y.to_bits() && t == u,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Char(x), Value::Char(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => matches!((x.read(), y.read()), (Ok(x), Ok(y)) if *x == *y),
        _ => false,
    }
}
