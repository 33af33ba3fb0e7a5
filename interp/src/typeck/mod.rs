//! Type inference: gives every expression the type rustc would give it, as far as it
//! reasonably can.
//!
//! What it is for:
//! 1. unsuffixed literals take their Rust type from context (a suffix, an annotation, a
//!    parameter, field or return type, the other operand, a method's receiver or argument,
//!    array/vec element context, comparison, assignment target), defaulting to `i32`/`f64`;
//! 2. natives that choose their behaviour by result type get a hint: the type the context
//!    expects for a call or method call (`collect`, `parse`, `sum`, `into`,
//!    `Default::default`, `String::from`);
//! 3. the REPL shows an expression's type and answers `:type EXPR`.
//!
//! It is a best-effort, local, unification-based inference (Hindley-Milner-style
//! unification variables over `Ty`, plus integer and float literal variables that default to
//! `i32` and `f64` at the end of each body, like rustc). It never rejects a program: a type
//! error only means fewer hints, and whatever it cannot work out is `Ty::Infer`. Work is
//! bounded (occurs check, depth limits), so no input makes it panic or loop.
//!
//! Model of std types: std generic types are `Ty::Named` with canonical names (`Vec`,
//! `HashMap`, `Option`, `Box`...); every iterator is `Named("Iterator", [Item])`; ranges are
//! `Range<T>`, `RangeInclusive<T>`, `RangeFrom<T>`, `RangeTo<T>`, `RangeFull`; closures are
//! `Ty::Fn`. The std API is a table of signatures written as data (`std_sigs.rs`).
//!
//! How it works: `Typeck` holds an `Env` (item signatures as `Ty` templates, `env.rs`; the
//! std table, `std_sigs.rs` parsed by `sigparse.rs`). `check_file` runs one `Checker`
//! (`check.rs`) per body: expressions (`expr.rs`), paths and calls (`call.rs`), method
//! lookup and iteration (`lookup.rs`) and
//! patterns (`pat.rs`) create and unify variables (`unify.rs`) with coercions where Rust has
//! them (`&String` to `&str`, `&Vec<T>` to `&[T]`, `!` to anything, unsizing to `dyn`).
//! Expectations flow down (annotation, parameter, field, return type, the other operand) and
//! results flow up; a few facts wait as obligations until the types they need are known
//! (`collect`/`from` targets from items, `for` item types, `parse` error types, `sum` items).
//! At the end of a body literal variables default to `i32`/`f64` and everything resolves to
//! `Ty` (unknown parts `Ty::Infer`).
//!
//! Covered: literals everywhere; locals, shadowing, patterns with default binding modes;
//! struct/enum constructors and fields (generic ones instantiated per use); fn items,
//! generic fns (bounds `F: Fn(A) -> B`, `impl Fn`, `I: Iterator<Item = X>` pin the
//! parameter's shape), methods of user impls, trait default methods, `dyn Trait`, trait
//! bounds of parameters; operator impls (`impl Add for P`, `Index`); closures (parameters from
//! the expected `Fn` type or annotations); `?`, `as`, indexing and slicing, ranges, loops with
//! break values, labelled blocks; format macros (width/precision arguments are `usize`),
//! `vec!`, `assert_eq!`, `matches!`; the common std API (numbers, char, str/String, Vec and
//! slices, arrays, Option, Result, HashMap/BTreeMap/sets/VecDeque/BinaryHeap, iterators and
//! their adapters/consumers, Box/Rc/Arc/Cell/RefCell, Mutex/RwLock/atomics/channels/threads,
//! Duration/Instant, fmt::Formatter); `async fn` returns `Future<T>`, `.await` gives `T`.
//!
//! Known limits: no `u128`/`i128` (`Ty` has no such integer); iterator adapter types are all
//! `Iterator<Item>` (shown as `impl Iterator<Item = T>`); overloaded methods are chosen by
//! receiver type only (not by argument types); qualified paths `<T as Trait>::f` and
//! associated types other than an impl's own (`Self::Item`) are unknown; a method called on
//! a value whose type is still unknown at that point yields an unknown type (as rustc would
//! ask for an annotation).
//!
//! Use:
//! ```ignore
//! let mut tc = Typeck::new();
//! tc.add_items(&prelude.items);          // the TERAS prelude, once
//! let info = tc.check_file(&file);       // every body of `file` (REPL: also its statements)
//! info.expr_ty(expr.id);                 // `Some(&Ty::Int(IntTy::U8))`
//! info.expected_ty(call.id);             // the hint for a native (`Vec<i32>` for a collect)
//! tc.type_of_expr(&expr);                // `:type` in the REPL environment
//! ```
//! NodeIds are unique within one parse only: a `TypeInfo` belongs to one `SourceFile`.

mod call;
mod check;
mod env;
mod expr;
mod lookup;
#[cfg(test)]
mod oracle_tests;
mod pat;
mod sigparse;
mod std_sigs;
mod std_table;
#[cfg(test)]
mod tests;
mod unify;

pub use env::{Env, GenParam, Sig};

use crate::ast::{self, NodeId};
use crate::types::Ty;
use check::Checker;
use rustc_hash::FxHashMap;

/// The inferred types of one `SourceFile`'s expressions.
#[derive(Clone, Debug, Default)]
pub struct TypeInfo {
    types: FxHashMap<NodeId, Ty>,
    expected: FxHashMap<NodeId, Ty>,
    spans: FxHashMap<NodeId, ast::Span>,
    generic_args: FxHashMap<NodeId, Vec<(String, Ty)>>,
}

impl TypeInfo {
    /// The type of the expression with this id, when it was typed.
    pub fn expr_ty(&self, id: NodeId) -> Option<&Ty> {
        self.types.get(&id)
    }
    /// For a call or method-call expression: the type its context expects (the result-type
    /// hint for natives). Usually the same as `expr_ty` after unification.
    pub fn expected_ty(&self, id: NodeId) -> Option<&Ty> {
        self.expected.get(&id)
    }
    /// What the generic parameters of the called function stand for at this call (a call
    /// `f(..)`/`Type::f(..)` or method-call expression). Names are the signature's (`T`, `U`, the impl's parameters,
    /// `Self`). Lets a generic body's `Ty::Param` hints (`T::default()` gets `T`) be resolved
    /// per call.
    pub fn generic_args(&self, id: NodeId) -> Option<&[(String, Ty)]> {
        self.generic_args.get(&id).map(Vec::as_slice)
    }
    /// How many expressions were typed.
    pub fn len(&self) -> usize {
        self.types.len()
    }
    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
    /// Every typed expression: its id, span and type (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, ast::Span, &Ty)> + '_ {
        self.types.iter().filter_map(|(id, t)| Some((*id, *self.spans.get(id)?, t)))
    }
    /// The ids and types of the typed expressions whose span is exactly `span`.
    pub fn at_span(&self, span: ast::Span) -> Vec<(NodeId, &Ty)> {
        let mut out: Vec<(NodeId, &Ty)> =
            self.spans.iter().filter(|(_, s)| **s == span).filter_map(|(id, _)| Some((*id, self.types.get(id)?))).collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }
    fn merge(&mut self, other: TypeInfo) {
        self.types.extend(other.types);
        self.expected.extend(other.expected);
        self.spans.extend(other.spans);
        self.generic_args.extend(other.generic_args);
    }
}

/// The std signature table, split into blocks once per process (each head's signatures are
/// parsed on its first look-up: `std_table.rs`).
fn std_table() -> std::sync::Arc<std_table::StdTable> {
    static TABLE: std::sync::OnceLock<std::sync::Arc<std_table::StdTable>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::sync::Arc::new(std_table::StdTable::new(std_sigs::table_source()))).clone()
}

/// The persistent inference environment: item signatures, the std table and, for the REPL,
/// the types of top-level variables. Grows across inputs.
#[derive(Clone, Debug)]
pub struct Typeck {
    env: Env,
}

impl Default for Typeck {
    fn default() -> Self {
        Typeck::new()
    }
}

impl Typeck {
    /// An environment that knows the std signatures.
    pub fn new() -> Typeck {
        let mut env = Env { std_methods: std_table(), ..Env::default() };
        env::add_builtin_enums(&mut env);
        Typeck { env }
    }

    /// Declares items (any order). Call it for the prelude source too.
    pub fn add_items(&mut self, items: &[ast::Item]) {
        self.env.add_items(items);
    }

    /// The inferred type of a REPL top-level variable (as of the last input that used it).
    pub fn var_ty(&self, name: &str) -> Option<&Ty> {
        self.env.vars.get(name)
    }

    /// The environment (declared items, REPL variables), read-only.
    pub fn env(&self) -> &Env {
        &self.env
    }

    /// Infers every fn body, impl and trait method body and const of `file` (declaring its
    /// items first); for a REPL input also its top-level statements, recording the types of
    /// its top-level `let` variables for later inputs.
    pub fn check_file(&mut self, file: &ast::SourceFile) -> TypeInfo {
        let mut nested = Vec::new();
        check::collect_nested_items(&file.items, &mut nested, 0);
        for s in &file.stmts {
            check::collect_nested_in_stmt(s, &mut nested, 0);
        }
        self.env.add_items(&file.items);
        self.env.add_items(&nested);
        let mut info = TypeInfo::default();
        for item in file.items.iter().chain(nested.iter()) {
            check::check_item(&self.env, item, &mut info, 0);
        }
        if !file.stmts.is_empty() {
            let mut ck = Checker::new(&self.env, Default::default());
            ck.push_repl_vars();
            let t = ck.stmts(&file.stmts, None);
            let _ = t;
            let vars = ck.top_bindings();
            let (part, resolved) = ck.finish_with(&vars);
            info.merge(part);
            for (name, ty) in resolved {
                self.env.vars.insert(name, ty);
            }
        }
        info
    }

    /// The type of `expr` in the REPL's environment (for `:type EXPR`); nothing is recorded.
    pub fn type_of_expr(&mut self, expr: &ast::Expr) -> Ty {
        let mut ck = Checker::new(&self.env, Default::default());
        ck.push_repl_vars();
        let t = ck.expr(expr, None);
        let (_, resolved) = ck.finish_with(&[("".to_string(), t)]);
        resolved.into_iter().next().map_or(Ty::Infer, |(_, ty)| ty)
    }
}
