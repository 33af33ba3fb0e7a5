//! The thread checks at `spawn` calls: E0277 (a captured value that is not `Send`, or shared
//! by reference while not `Sync`) and E0373 (a non-`move` closure given to `thread::spawn`
//! that borrows locals of the current function).
//!
//! `Send` and `Sync` are judged on inferred types as rustc's auto traits are: structurally
//! through tuples, arrays, std containers and the program's structs and enums (whose
//! `unsafe impl Send`/`impl !Send` are honoured), by the std impls for `Arc`, `Mutex`,
//! `RwLock`, the cells, the channel ends and references. A part whose type is unknown makes
//! the answer unknown, and unknown is never reported.

use super::facts::{rust_name, Facts};
use super::capture::{Capture, ClosureInfo};
use super::flow::VarId;
use super::walk::Walker;
use crate::ast::Span;
use crate::diag::Diagnostic;
use crate::types::Ty;

/// What kind of thread a `spawn` call starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpawnKind {
    /// `thread::spawn`, `thread::Builder::spawn`, the free `spawn`: the closure must be
    /// `'static` and `Send`.
    Thread,
    /// `Scope::spawn` inside `thread::scope`: the closure must be `Send` and may borrow what
    /// outlives the scope, but not what is declared inside it. `scope` is the variable the
    /// spawn was called on (the `s` of std's `thread::scope(|s| ..)`), when the receiver is
    /// one: every variable declared after it lives inside the scope. The seed's `scoped`
    /// gives `None`: the seed (H-07) lets its threads borrow the scope's own loop variables.
    Scoped { scope: Option<VarId> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auto {
    Send,
    Sync,
}

impl Auto {
    fn name(self) -> &'static str {
        match self {
            Auto::Send => "Send",
            Auto::Sync => "Sync",
        }
    }
}

/// One step from the captured type down to the part that fails.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Structural: "required because it appears within the type `T`".
    Within(String),
    /// Through an impl with a bound: "required for `T` to implement `Send`".
    Impl(String, Auto),
}

/// Why a type is not `Send`/`Sync`: the innermost culprit, the trait it lacks, and the path
/// to it (outermost first).
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub lacks: Auto,
    pub culprit: Ty,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Yes,
    No(Failure),
    Unknown,
}

const MAX_DEPTH: u32 = 24;

/// Does `ty` implement `tr`?
pub fn judge(facts: &Facts, ty: &Ty, tr: Auto) -> Verdict {
    let mut j = Judge { facts, visiting: Vec::new() };
    j.run(ty, tr, 0)
}

struct Judge<'f> {
    facts: &'f Facts,
    /// User types being judged (a recursive type is assumed to hold: co-induction).
    visiting: Vec<(String, Auto)>,
}

fn no(culprit: &Ty, tr: Auto) -> Verdict {
    Verdict::No(Failure { lacks: tr, culprit: culprit.clone(), steps: Vec::new() })
}

fn with_step(v: Verdict, step: Step) -> Verdict {
    match v {
        Verdict::No(mut f) => {
            f.steps.insert(0, step);
            Verdict::No(f)
        }
        other => other,
    }
}

impl Judge<'_> {
    fn run(&mut self, ty: &Ty, tr: Auto, depth: u32) -> Verdict {
        if depth > MAX_DEPTH {
            return Verdict::Unknown;
        }
        let d = depth + 1;
        match ty {
            Ty::Unit | Ty::Bool | Ty::Char | Ty::Int(_) | Ty::Float(_) | Ty::String | Ty::Str | Ty::Never => Verdict::Yes,
            Ty::Ref { mutable, inner } => {
                let need = if *mutable && tr == Auto::Send { Auto::Send } else { Auto::Sync };
                let v = self.run(inner, need, d);
                with_step(v, Step::Impl(rust_name(ty), tr))
            }
            Ty::Tuple(ts) => self.all(ts, ty, tr, d),
            Ty::Array(t, _) | Ty::Slice(t) => self.all(std::slice::from_ref(t.as_ref()), ty, tr, d),
            Ty::Named(n, args) => self.named(ty, n, args, tr, d),
            Ty::Fn(..) | Ty::Param(_) | Ty::Dyn(_) | Ty::Infer => Verdict::Unknown,
        }
    }

    /// Every part must hold; the first that certainly does not is the answer.
    fn all(&mut self, parts: &[Ty], whole: &Ty, tr: Auto, d: u32) -> Verdict {
        let mut unknown = false;
        for p in parts {
            match self.run(p, tr, d) {
                Verdict::No(f) => return with_step(Verdict::No(f), Step::Within(rust_name(whole))),
                Verdict::Unknown => unknown = true,
                Verdict::Yes => {}
            }
        }
        if unknown {
            Verdict::Unknown
        } else {
            Verdict::Yes
        }
    }

    /// `T: tr` required by an impl of `outer`.
    fn through(&mut self, arg: Option<&Ty>, need: Auto, outer: &Ty, tr: Auto, d: u32) -> Verdict {
        match arg {
            Some(t) => with_step(self.run(t, need, d), Step::Impl(rust_name(outer), tr)),
            None => Verdict::Unknown,
        }
    }

    fn named(&mut self, ty: &Ty, n: &str, args: &[Ty], tr: Auto, d: u32) -> Verdict {
        let t0 = args.first();
        if n == "*const" || n == "*mut" {
            return no(ty, tr);
        }
        if let Some(adt) = self.facts.adts.get(n) {
            let explicit = match tr {
                Auto::Send => self.facts.send_impl.get(n),
                Auto::Sync => self.facts.sync_impl.get(n),
            };
            match explicit {
                Some(true) => return Verdict::Yes,
                Some(false) => return no(ty, tr),
                None => {}
            }
            let key = (n.to_string(), tr);
            if self.visiting.contains(&key) {
                return Verdict::Yes;
            }
            self.visiting.push(key);
            let fields: Vec<Ty> = adt.fields.iter().map(|f| self.facts.field_ty(f, &adt.generics, args, 0)).collect();
            let v = self.all(&fields, ty, tr, d);
            self.visiting.pop();
            return v;
        }
        if self.facts.opaque.contains(n) {
            return Verdict::Unknown;
        }
        match (n, tr) {
            ("Rc", _) => no(ty, tr),
            // Both bounds, in the order of the std impl's where clause (which rustc reports
            // first): `Sync + Send` for `Arc` and `OnceLock`, `Send + Sync` for `RwLock`.
            ("Arc", _) | ("OnceLock", Auto::Sync) | ("RwLock", Auto::Sync) => {
                let order = if n == "RwLock" { [Auto::Send, Auto::Sync] } else { [Auto::Sync, Auto::Send] };
                let mut unknown = false;
                for need in order {
                    match self.through(t0, need, ty, tr, d) {
                        Verdict::No(f) => return Verdict::No(f),
                        Verdict::Unknown => unknown = true,
                        Verdict::Yes => {}
                    }
                }
                if unknown {
                    Verdict::Unknown
                } else {
                    Verdict::Yes
                }
            }
            ("Mutex" | "RwLock" | "OnceLock" | "Sender" | "SyncSender", _) | ("Cell" | "RefCell" | "OnceCell" | "Receiver", Auto::Send) => {
                self.through(t0, Auto::Send, ty, tr, d)
            }
            ("Cell" | "RefCell" | "OnceCell" | "Receiver", Auto::Sync) => no(ty, tr),
            ("MutexGuard" | "RwLockReadGuard" | "RwLockWriteGuard", Auto::Send) => no(ty, tr),
            ("MutexGuard" | "RwLockReadGuard" | "RwLockWriteGuard", Auto::Sync) => self.through(t0, Auto::Sync, ty, tr, d),
            ("Box", _) => match t0 {
                Some(t) => {
                    let unique = format!("std::ptr::Unique<{}>", rust_name(t));
                    let v = with_step(self.run(t, tr, d), Step::Impl(unique, tr));
                    with_step(v, Step::Within(rust_name(ty)))
                }
                None => Verdict::Unknown,
            },
            (
                "Vec" | "VecDeque" | "LinkedList" | "BinaryHeap" | "HashSet" | "BTreeSet" | "HashMap" | "BTreeMap" | "Option"
                | "Result" | "PhantomData" | "Range" | "RangeInclusive" | "Reverse" | "Wrapping",
                _,
            ) => {
                if args.is_empty() {
                    Verdict::Unknown
                } else {
                    self.all(args, ty, tr, d)
                }
            }
            ("JoinHandle" | "ScopedJoinHandle" | "Condvar" | "Barrier" | "Duration" | "Instant" | "Thread" | "ThreadId", _) => {
                Verdict::Yes
            }
            (a, _) if a.starts_with("Atomic") => Verdict::Yes,
            _ => Verdict::Unknown,
        }
    }
}

impl Walker<'_> {
    /// The checks of one `spawn(closure)` call (or `spawn(f)` with `f` a local initialized
    /// with a closure). `callee` is the spawn function's path (or the method name).
    pub(super) fn check_spawn(&mut self, kind: SpawnKind, callee: Span, closure: &ClosureInfo) {
        if self.silent > 0 || !self.state.reachable {
            return;
        }
        let (head, caps) = (closure.head, &closure.caps);
        if let Some(d) = self.send_error(callee, closure.span, head, caps) {
            // rustc reports one unsatisfied `T: Send` per function, however many spawns need it.
            if !self.trait_diags.iter().any(|x| x.message == d.message) {
                self.trait_diags.push(d);
            }
            return;
        }
        if kind == SpawnKind::Thread {
            self.borrowed_for_static(closure);
        }
        if closure.is_move {
            return;
        }
        // What the closure must outlive: the whole function for `thread::spawn`; for a scoped
        // spawn, the scope, which every variable declared after the scope's own `s` dies
        // inside of (rustc: "closure may outlive the current function" all the same).
        let borrowed_too_short = |c: &Capture| match kind {
            SpawnKind::Thread => true,
            SpawnKind::Scoped { scope: Some(s) } => c.var > s,
            SpawnKind::Scoped { scope: None } => false,
        };
        for c in caps {
            // A variable holding a reference is borrowed when the closure uses the variable
            // itself (`println!("{d}")`, `let x = d`), not when it only reaches the referent.
            let borrows_local = c.ty.as_ref().is_some_and(|t| owned(t) || (matches!(t, Ty::Ref { .. }) && c.direct));
            if !(c.whole && c.by_ref && borrows_local && borrowed_too_short(c)) {
                continue;
            }
            let name = &c.name;
            let d = Diagnostic::error(
                format!("closure may outlive the current function, but it borrows `{name}`, which is owned by the current function"),
                head,
                format!("may outlive borrowed value `{name}`"),
            )
            .with_code("E0373")
            .with_secondary(c.whole_span, format!("`{name}` is borrowed here"))
            .with_help(format!(
                "to force the closure to take ownership of `{name}` (and any other referenced variables), use the `move` keyword"
            ));
            self.diags.push(d);
        }
    }

    /// E0597: a `thread::spawn` closure (`move` or not) capturing a local `d` that holds a
    /// borrow of a local `x` (`let d = &x;`): `x` would have to be borrowed for `'static`.
    fn borrowed_for_static(&mut self, closure: &ClosureInfo) {
        for c in &closure.caps {
            let Some((x, borrow)) = self.vars.get(c.var).and_then(|v| v.borrows) else { continue };
            let Some(var) = self.vars.get(x) else { continue };
            let (name, decl) = (var.name.clone(), var.decl);
            let d = Diagnostic::error(format!("`{name}` does not live long enough"), borrow, "borrowed value does not live long enough")
                .with_code("E0597")
                .with_secondary(decl, format!("binding `{name}` declared here"))
                .with_secondary(closure.span, format!("argument requires that `{name}` is borrowed for `'static`"))
                .with_help(format!("`{name}` is dropped at the end of the function while the thread may still use it; move the value into the closure (`move ||`) or share it through an `Arc`"));
            self.diags.push(d);
        }
    }

    /// The first captured value whose capture makes the closure not `Send`.
    fn send_error(&self, callee: Span, closure: Span, head: Span, caps: &[Capture]) -> Option<Diagnostic> {
        for c in caps {
            let mut places: Vec<(Span, Ty, bool)> = Vec::new();
            if c.whole {
                if let Some(t) = &c.ty {
                    if c.by_value || c.by_ref {
                        places.push((c.whole_span, t.clone(), c.by_value));
                    }
                }
            } else {
                // Field paths are captured precisely only through an owned struct or tuple.
                let base = self.vars.get(c.var).and_then(|v| v.ty.clone());
                let owned_base = matches!(&base, Some(Ty::Tuple(_))) || matches!(&base, Some(Ty::Named(n, _)) if self.facts.adts.contains_key(n));
                if owned_base && (c.by_value || c.by_ref) {
                    for (sp, t) in &c.places {
                        if let Some(t) = t {
                            places.push((*sp, t.clone(), c.by_value));
                        }
                    }
                }
            }
            for (span, t, by_value) in places {
                let captured = if by_value { t } else { Ty::Ref { mutable: c.mutable, inner: Box::new(t) } };
                if let Verdict::No(f) = judge(self.facts, &captured, Auto::Send) {
                    return Some(self.send_diag(callee, closure, head, span, &f));
                }
            }
        }
        None
    }

    fn send_diag(&self, callee: Span, closure: Span, head: Span, use_span: Span, f: &Failure) -> Diagnostic {
        let culprit = rust_name(&f.culprit);
        let verb = match f.lacks {
            Auto::Send => "sent",
            Auto::Sync => "shared",
        };
        let what = format!("`{culprit}` cannot be {verb} between threads safely");
        let (l1, c1) = self.src.line_col(head.lo);
        let (l2, c2) = self.src.line_col(head.hi);
        let cname = format!("{{closure@{}:{l1}:{c1}: {l2}:{c2}}}", self.src.name);
        let within = f.steps.iter().all(|s| matches!(s, Step::Within(_)));
        let mut help = if within {
            format!("within `{cname}`, the trait `{}` is not implemented for `{culprit}`", f.lacks.name())
        } else {
            format!("the trait `{}` is not implemented for `{culprit}`", f.lacks.name())
        };
        if f.lacks == Auto::Sync {
            match &f.culprit {
                Ty::Named(n, _) if n == "RefCell" => {
                    help.push_str("\nnote: if you want to do aliasing and mutation between multiple threads, use `std::sync::RwLock` instead");
                }
                Ty::Named(n, args) if n == "Cell" => {
                    let atomic = match args.first() {
                        Some(Ty::Int(i)) => format!(" or `std::sync::atomic::Atomic{}`", capitalize(i.name())),
                        Some(Ty::Bool) => " or `std::sync::atomic::AtomicBool`".to_string(),
                        _ => String::new(),
                    };
                    help.push_str(&format!(
                        "\nnote: if you want to do aliasing and mutation between multiple threads, use `std::sync::RwLock`{atomic} instead"
                    ));
                }
                _ => {}
            }
        }
        for s in f.steps.iter().rev() {
            match s {
                Step::Within(t) => help.push_str(&format!("\nnote: required because it appears within the type `{t}`")),
                Step::Impl(t, tr) => help.push_str(&format!("\nnote: required for `{t}` to implement `{}`", tr.name())),
            }
        }
        help.push_str("\nnote: required because it's used within this closure");
        let mut d = Diagnostic::error(what.clone(), closure, what).with_code("E0277").with_secondary(callee, "required by a bound introduced by this call");
        if within {
            d = d.with_secondary(head, format!("within this `{cname}`"));
        }
        d.with_secondary(use_span, "required because it's used within this closure").with_help(help)
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A type held by value in a local (not a reference, not unknown): a closure that uses the
/// local by reference borrows the current function's data. A local holding a reference is
/// judged by its uses (`Capture::direct`): edition 2021 captures `d.len()` as the place `*d`,
/// which borrows the referent (and may outlive `d`).
pub(super) fn owned(t: &Ty) -> bool {
    matches!(t, Ty::Int(_) | Ty::Float(_) | Ty::Bool | Ty::Char | Ty::String | Ty::Unit | Ty::Tuple(_) | Ty::Array(..) | Ty::Named(..))
}
