//! The compiler: `ast` to bytecode.
//!
//! - `mod.rs`: the `Compiler` (state that persists across REPL inputs: items, types, method
//!   tables being built into a `Program`) and the entry points.
//! - `items.rs`: collecting items (any order, inline modules, `use`), impls and traits.
//! - `scope.rs`: a function being compiled: registers, lexical scopes, loops.
//! - `expr.rs`, `stmt.rs`: expressions and statements; `call.rs`: paths and calls;
//!   `pattern.rs`: patterns to tests and jumps; `place.rs`: assignment and `&mut`;
//!   `macros.rs`: `println!` and friends; `closure.rs`: closures and captures;
//!   `lits.rs`: literal typing.
//!
//! Resolution is lexical: locals live in registers (no lookup at run time). Items are found
//! by path in the module tree; std paths go to natives (`builtins::function`) or the prelude.

mod async_fn;
mod call;
mod closure;
pub(crate) use closure::walk_block;
mod control;
mod expr;
mod free_names;
mod index_ops;
mod intrinsic;
mod fn_body;
mod from_str;
mod items;
mod lazy;
mod lazy_prelude;
#[cfg(test)]
mod lazy_prelude_tests;
mod lits;
mod mut_self;
mod macros;
mod paths;
mod pattern;
mod peephole;
mod place;
mod resolve_errors;
mod scope;
pub(crate) mod select;
mod size_of;
mod user_ord;
mod stmt;
mod unknown_member;
#[cfg(test)]
mod tests;

use crate::ast::{self, Span};
use crate::builtins::StdDefs;
use crate::diag::{Diagnostic, Source};
use crate::types::Ty;
use crate::value::{AdtDef, VariantDef, VariantKind};
use crate::vm::program::{tid, Program};
use rustc_hash::FxHashMap;
use scope::FnCx;
use std::sync::Arc;

pub use items::Item;
pub use lazy_prelude::LazyPrelude;
use peephole::finish_proto;

/// What the compiler knows of a trait.
#[derive(Clone, Debug, Default)]
pub struct TraitInfo {
    /// Default methods: name -> function index (compiled once, shared by all impls).
    pub defaults: Vec<(String, u32)>,
    /// Every method name declared.
    pub methods: Vec<String>,
    pub supertraits: Vec<String>,
    /// The prelude implements this trait for every type implementing one of these (its
    /// supertraits): `impl<S: Stream> StreamExt for S {}`. Such a type gets this trait's
    /// default methods (`attach_defaults`); other types do not.
    pub blanket_over: Vec<String>,
    /// Associated consts with a default value: name, value, type, the trait's module. An
    /// impl that does not set one gets it (`attach_defaults`).
    pub const_defaults: Vec<(crate::ast::Ident, Arc<crate::ast::Expr>, Option<crate::ast::Type>, String)>,
}

/// A REPL variable (a global) as the compiler sees it.
#[derive(Clone, Debug)]
pub struct ReplVar {
    pub global: u32,
    pub ty: Option<Ty>,
    /// Moved by an input (`check::check_repl` found the move; the input ran): a later use
    /// is E0382.
    pub moved: bool,
}

/// The functions being compiled (innermost last). Cloning a compiler (between REPL inputs,
/// when nothing is being compiled) gives an empty stack.
#[derive(Default, Debug)]
pub struct FnStack(pub Vec<FnCx>);

impl Clone for FnStack {
    fn clone(&self) -> Self {
        FnStack(Vec::new())
    }
}

impl std::ops::Deref for FnStack {
    type Target = Vec<FnCx>;
    fn deref(&self) -> &Vec<FnCx> {
        &self.0
    }
}

impl std::ops::DerefMut for FnStack {
    fn deref_mut(&mut self) -> &mut Vec<FnCx> {
        &mut self.0
    }
}

/// Persistent compiler state.
#[derive(Clone)]
pub struct Compiler {
    pub prog: Program,
    /// Full item path (`foo`, `m::foo`, `Point::new`) -> item.
    pub items: FxHashMap<String, Item>,
    /// (module path, local name) -> full path of what a `use` brought in.
    pub uses: FxHashMap<(String, String), String>,
    /// Modules with a glob import: module -> imported module paths.
    pub globs: FxHashMap<String, Vec<String>>,
    pub traits: FxHashMap<String, TraitInfo>,
    /// Field names (and types) of structs by ADT index.
    pub adt_fields: FxHashMap<u32, Vec<(String, Option<ast::Type>)>>,
    pub repl_vars: FxHashMap<String, ReplVar>,
    /// The prelude has been compiled.
    pub prelude_done: bool,
    // Per-compilation state.
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) source: Arc<Source>,
    pub(crate) info: Option<Arc<crate::typeck::TypeInfo>>,
    pub(crate) fns: FnStack,
    /// The module path items are being compiled in (`""` at the root).
    pub(crate) module: String,
    /// The `Self` type name inside an impl.
    pub(crate) self_ty: Option<String>,
    /// Bodies collected, compiled after all items are known.
    pub(crate) pending: Vec<items::Pending>,
    /// The register receiving the value of the statement being compiled, which nobody
    /// reads: `()` results written to it are not emitted.
    pub(crate) sink: Option<u16>,
    /// Compiling the prelude: natives of `__` names get the frame's hint.
    pub(crate) in_prelude: bool,
    /// How many functions the prelude made: those of a higher index are the program's
    /// (`Session::prelude` sets it).
    pub(crate) prelude_funcs: usize,
    /// Statics: (global, init function), run before `main`.
    pub static_inits: Vec<(u32, u32)>,
    /// Declared arity of each function (for E0061), and parameter types (literal typing).
    pub fn_arity: FxHashMap<u32, usize>,
    pub fn_param_tys: FxHashMap<u32, Vec<Option<Ty>>>,
    /// Generic names of the impl/trait being collected, and of the function's impl being
    /// compiled.
    pub(crate) cur_impl_generics: Vec<String>,
    pub(crate) impl_generics: Vec<String>,
    /// Functions that take `self`.
    pub fn_self: rustc_hash::FxHashSet<u32>,
    /// Functions of the program (not the prelude) that take `&mut self` (`mut_self.rs`).
    pub(crate) fn_mut_self: rustc_hash::FxHashSet<u32>,
    /// Names of the `&mut self` methods of the program and the prelude (`mut_self.rs`:
    /// their receivers get an object for an inline enum `Tag` before the call).
    pub(crate) mut_self_names: rustc_hash::FxHashSet<String>,
    /// Trait impls whose default methods are attached after collection:
    /// (trait, type id, type name, methods the impl defines).
    pub(crate) pending_trait_impls: Vec<(String, u32, String, Vec<String>)>,
    /// Prelude bodies not compiled yet (`lazy_prelude.rs`).
    pub lazy: LazyPrelude,
}

fn std_enum(name: &str, type_id: u32, variants: &[(&str, usize, i64)], copy: bool) -> Arc<AdtDef> {
    Arc::new(AdtDef {
        name: name.to_string(),
        is_enum: true,
        variants: variants
            .iter()
            .map(|(n, nf, d)| VariantDef {
                name: n.to_string(),
                kind: if *nf == 0 { VariantKind::Unit } else { VariantKind::Tuple },
                fields: (0..*nf).map(|i| i.to_string()).collect(),
                discriminant: *d,
            })
            .collect(),
        is_copy: copy,
        derives: ["Debug", "Clone", "Copy", "PartialEq", "Eq", "PartialOrd", "Ord", "Hash"].iter().map(|s| s.to_string()).collect(),
        type_id,
    })
}

impl Default for Compiler {
    fn default() -> Self {
        Compiler::new()
    }
}

impl Compiler {
    pub fn new() -> Compiler {
        let option = std_enum("Option", tid::FIRST_ADT_TYPE, &[("None", 0, 0), ("Some", 1, 1)], true);
        let result = std_enum("Result", tid::FIRST_ADT_TYPE + 1, &[("Ok", 1, 0), ("Err", 1, 1)], true);
        let ordering = std_enum("Ordering", tid::FIRST_ADT_TYPE + 2, &[("Less", 0, -1), ("Equal", 0, 0), ("Greater", 0, 1)], true);
        let std = StdDefs { option: option.clone(), result: result.clone(), ordering: ordering.clone() };
        let mut prog = Program::new(std);
        let mut items = FxHashMap::default();
        for (i, def) in [option, result, ordering].into_iter().enumerate() {
            prog.type_ids.insert(def.name.clone(), def.type_id);
            items.insert(def.name.clone(), Item::Adt(i as u32));
            for (vi, v) in def.variants.iter().enumerate() {
                let it = Item::Variant(i as u32, vi as u32);
                items.insert(format!("{}::{}", def.name, v.name), it.clone());
                if def.name != "Ordering" {
                    items.insert(v.name.clone(), it);
                }
            }
            prog.adts.push(def);
        }
        let mut c = Compiler {
            prog,
            items,
            uses: FxHashMap::default(),
            globs: FxHashMap::default(),
            traits: FxHashMap::default(),
            adt_fields: FxHashMap::default(),
            repl_vars: FxHashMap::default(),
            prelude_done: false,
            diags: Vec::new(),
            source: Source::new("<none>", ""),
            info: None,
            fns: FnStack::default(),
            module: String::new(),
            self_ty: None,
            pending: Vec::new(),
            in_prelude: false,
            prelude_funcs: 0,
            sink: None,
            static_inits: Vec::new(),
            fn_arity: FxHashMap::default(),
            fn_param_tys: FxHashMap::default(),
            fn_self: Default::default(),
            fn_mut_self: Default::default(),
            mut_self_names: Default::default(),
            cur_impl_generics: Vec::new(),
            impl_generics: Vec::new(),
            pending_trait_impls: Vec::new(),
            lazy: LazyPrelude::default(),
        };
        for t in ["Option", "Result", "Ordering"] {
            c.items.insert(format!("cmp::{t}"), c.items[t].clone());
        }
        c
    }

    /// Report an error.
    pub(crate) fn error(&mut self, d: Diagnostic) {
        if self.diags.len() < 100 {
            self.diags.push(d);
        }
    }

    pub(crate) fn err(&mut self, msg: impl Into<String>, span: Span, label: impl Into<String>) {
        self.error(Diagnostic::error(msg, span, label));
    }

    /// Compile a parsed source into the program. On error the program may be partially
    /// extended: callers keep a clone to roll back.
    pub fn compile_source(
        &mut self,
        source: Arc<Source>,
        file: &ast::SourceFile,
        info: Option<crate::typeck::TypeInfo>,
    ) -> Result<Option<u32>, Vec<Diagnostic>> {
        self.diags.clear();
        self.source = source;
        self.info = info.map(Arc::new);
        self.module = String::new();
        self.self_ty = None;
        // The prelude's own text (which names channels, `Rc`...) does not decide it: only the
        // program's.
        let text = if self.in_prelude { "" } else { self.source.text.as_str() };
        let walk = text.contains("impl Drop") || text.contains("Rc") || text.contains("RefCell")
            || text.contains("Mutex")
            || text.contains("RwLock")
            // Sync objects that must see a value die (poisoning of `Once`, `OnceLock` reset
            // after a panicking initializer, atomics' `get_mut`).
            || text.contains("Once")
            || text.contains("Atomic")
            || text.contains("Condvar")
            || text.contains("Barrier")
            // Sockets close when their last handle dies.
            || text.contains("TcpStream")
            || text.contains("TcpListener")
            // Its tree of tokens is guarded by std locks (prelude/cancel.rs).
            || text.contains("CancellationToken")
            // A deque lent by `make_contiguous` takes its content back when the slice dies.
            || text.contains("make_contiguous")
            // A semaphore permit is given back when its last handle dies; a task group or a
            // nursery aborts its children when it dies (prelude/structured.rs).
            || text.contains("Semaphore")
            || text.contains("TaskGroup")
            || text.contains("nursery")
            || text.contains("Nursery")
            // A dropped tokio `Runtime` shuts down (its drop is registered below).
            || text.contains("Runtime")
            // A dropped `BufWriter` writes its buffer out (its drop is registered below).
            || text.contains("BufWriter")
            // What observes a pointer's count or its sole ownership needs the counts right
            // (captures moved into closures are counted down when the closure is consumed).
            || ["strong_count", "weak_count", "try_unwrap", "into_inner", "make_mut", "downgrade", "get_mut"].iter().any(|w| text.contains(w));
        // Channel ends disconnect when their last handle dies: locals and temporaries must be
        // cleared when they die (drops tracked), but nothing needs walking: the end's own Rust
        // `Drop` disconnects (`Program::drops_clear_only`, unless something else walks).
        let clear = text.contains("channel") || text.contains("oneshot");
        if walk {
            self.prog.needs_drop_walk = true;
            self.prog.drops_clear_only = false;
        } else if clear && !self.prog.needs_drop_walk {
            self.prog.needs_drop_walk = true;
            self.prog.drops_clear_only = true;
        }
        let (runtime, buf_writer) = (text.contains("Runtime"), text.contains("BufWriter"));
        if !self.in_prelude && runtime {
            self.register_prelude_drop("tokio::runtime::Runtime", "__rt_drop");
        }
        if !self.in_prelude && buf_writer {
            self.register_prelude_drop("std::io::StdBufWriter", "__bw_drop");
        }
        if !self.in_prelude {
            // The prelude bodies this program can reach, before its own items exist.
            let src = self.source.clone();
            self.compile_reachable(&src.text);
        }
        self.collect_items(&file.items, "");
        self.compile_pending();
        if self.in_prelude && !self.prelude_done {
            self.prelude_collected(file);
        }
        self.check_signature_types(&file.items);
        let top = if file.stmts.is_empty() { None } else { Some(self.compile_repl_stmts(&file.stmts)) };
        self.prog.clear_caches();
        if self.diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
            return Err(std::mem::take(&mut self.diags));
        }
        Ok(top)
    }

    /// A prelude type's drop method becomes the type's `Drop` for a program that names the
    /// type: `tokio::runtime::Runtime`'s `__rt_drop` (which shuts the runtime down),
    /// `BufWriter`'s `__bw_drop` (which writes the buffer out). A prelude `impl Drop` would
    /// register it for every program, and a `Drop` impl turns drop walking on
    /// (`Program::walks_drops`).
    fn register_prelude_drop(&mut self, ty: &str, method: &str) {
        let Some(Item::Adt(idx)) = self.items.get(ty).cloned() else { return };
        let t = idx + crate::vm::program::tid::FIRST_ADT_TYPE;
        let sym = self.prog.symbols.intern(method);
        if let Some(&f) = self.prog.methods.get(&(t, sym)) {
            self.prog.drops.insert(t, f);
        }
    }

    /// Find `main`.
    pub fn main_fn(&self) -> Option<u32> {
        match self.items.get("main") {
            Some(Item::Fn(f)) => Some(*f),
            _ => None,
        }
    }
}
