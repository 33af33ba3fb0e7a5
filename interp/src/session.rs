//! `Session`: the interpreter as the `teras` binary sees it.
//!
//! One session is one program (`teras run`, `teras check`) or one REPL life. A REPL session
//! keeps every definition (functions, types, impls, `use`s) and every top-level `let` across
//! inputs; an input that fails to compile or panics leaves them as they were.
//!
//! Each session collects the TERAS prelude once (its bodies are compiled when a program can
//! reach them: `compile/lazy_prelude.rs`; the REPL compiles all of them before its first
//! input), then sources into a `Compiler` (which owns the growing `Program`). A run snapshots the program into an `Arc<Program>` and executes a
//! fresh fiber on it. The REPL compiles each input into a clone of the compiler and keeps
//! the clone only when the input compiled.

use crate::ast;
use crate::compile::Compiler;
use crate::diag::{Diagnostic, Report, Source};
use crate::runtime::{Run, RunHost, Schedule, SharedOut};
use crate::types::Ty;
use crate::value::Value;
use crate::vm::fiber::{Fiber, RetKind};
use crate::vm::program::Program;
use crate::vm::{Ctx, Fault};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Settings fixed for the session's life.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `std::env::args()` as the program sees it (program name first).
    pub args: Vec<String>,
    /// Print a TERAS backtrace after a panic (`RUST_BACKTRACE=1`).
    pub backtrace: bool,
}

/// How a run ended.
#[derive(Debug)]
pub enum Outcome {
    /// `main` returned (or the REPL input finished). Exit code 0.
    Finished,
    /// `std::process::exit(code)`.
    Exit(i32),
    /// Compile errors: nothing ran. Exit code 1.
    CompileErrors(Vec<Report>),
    /// A TERAS panic reached the top (its message was already printed to stderr). Exit 101.
    /// Also a stack overflow (`thread 'main' has overflowed its stack`, where Rust aborts).
    Panicked,
    /// Interrupted by the interrupt flag (Ctrl-C in the REPL).
    Interrupted,
}

impl Outcome {
    /// The process exit code `teras run` uses for this outcome.
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Finished => 0,
            Outcome::Exit(c) => *c,
            Outcome::CompileErrors(_) => 1,
            Outcome::Panicked => 101,
            Outcome::Interrupted => 130,
        }
    }
}

/// What a REPL input produced besides its printed output.
#[derive(Debug, Default)]
pub struct ReplOutput {
    /// For an input ending in an expression whose value is not `()`: its `{:?}` text and
    /// its type as Rust writes it (`Vec<i32>`).
    pub value: Option<(String, String)>,
}

pub struct Session {
    options: Options,
    compiler: Compiler,
    typeck: crate::typeck::Typeck,
    /// The compiler state right after the prelude, taken before the first REPL input (for
    /// `reset`).
    fresh: Option<(Compiler, crate::typeck::Typeck)>,
    interrupt: Arc<AtomicBool>,
    /// Program stdout, shared by every thread of a run.
    out: SharedOut,
    /// `options.args`, shared with the threads of runs.
    args: Arc<Vec<String>>,
    schedule: Schedule,
    /// Prelude compile errors (a bug in the prelude), reported with the first run.
    prelude_errors: Vec<Report>,
    repl_count: usize,
    host: crate::runtime::SoloHost,
    /// The panic hook a REPL input set (`std::panic::set_hook`): later inputs keep it, as
    /// one program would (`:reset` forgets it).
    panic_hook: Option<crate::runtime::panic_hook::Hook>,
}

impl Session {
    pub fn new(options: Options) -> Session {
        // The VM releases `RefCell` guards when they die: let the natives enforce borrows.
        crate::builtins::cell::enable_borrow_tracking();
        let (compiler, typeck, prelude_errors) = Self::prelude();
        Session {
            args: Arc::new(options.args.clone()),
            schedule: Schedule::Threads,
            options,
            fresh: None,
            compiler,
            typeck,
            interrupt: Arc::new(AtomicBool::new(false)),
            out: SharedOut::stdout(),
            prelude_errors,
            repl_count: 0,
            host: crate::runtime::SoloHost::new(),
            panic_hook: None,
        }
    }

    /// A compiler and a type checker that know the prelude's items; its bodies are compiled
    /// when a program can reach them (`compile/lazy_prelude.rs`).
    fn prelude() -> (Compiler, crate::typeck::Typeck, Vec<Report>) {
        let mut compiler = Compiler::new();
        let mut typeck = crate::typeck::Typeck::new();
        let src = Source::new("<prelude>", crate::builtins::PRELUDE);
        // Function bodies are parsed when the lazy prelude compiles them.
        let (file, diags) = crate::syntax::parse_skimmed(&src.text);
        let mut prelude_errors: Vec<Report> = diags.iter().map(|d| d.report(&src)).collect();
        typeck.add_items(&file.items);
        compiler.in_prelude = true;
        compiler.lazy.enabled = true;
        if let Err(ds) = compiler.compile_source(src.clone(), &file, None) {
            prelude_errors.extend(ds.iter().map(|d| d.report(&src)));
        }
        compiler.in_prelude = false;
        compiler.prelude_funcs = compiler.prog.funcs.len();
        compiler.prelude_done = true;
        (compiler, typeck, prelude_errors)
    }

    /// Before the first REPL input: the whole prelude is compiled (a later input may reach
    /// any of it, and must see the prelude as it was before its own definitions), and that
    /// state is kept for `reset`.
    fn repl_ready(&mut self) {
        if self.fresh.is_none() {
            self.compiler.compile_all_prelude();
            self.fresh = Some((self.compiler.clone(), self.typeck.clone()));
        }
    }

    fn reports(src: &Arc<Source>, ds: &[Diagnostic]) -> Vec<Report> {
        ds.iter().map(|d| d.report(src)).collect()
    }

    /// Parse, infer and compile a whole file into `self.compiler`.
    fn compile_file(&mut self, name: &str, text: &str) -> Result<(), Vec<Report>> {
        let src = Source::new(name, text);
        let (mut file, diags) = crate::syntax::parse_file(text);
        strip_cfg_test(&mut file.items);
        if !self.prelude_errors.is_empty() {
            return Err(std::mem::take(&mut self.prelude_errors));
        }
        // A file with syntax errors is not compiled: a dropped broken item would only cause
        // "cannot find ..." cascades.
        if diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
            return Err(Self::reports(&src, &diags));
        }
        let info = self.typeck.check_file(&file);
        let checked = crate::check::check_file(&file, &info, &src);
        let result = self.compiler.compile_source(src.clone(), &file, Some(info));
        let mut all: Vec<Diagnostic> = diags;
        match result {
            Err(ds) => all.extend(ds),
            // Ownership and thread-safety errors, when the program resolved and compiled.
            Ok(_) => all.extend(checked),
        }
        if self.compiler.main_fn().is_none() && !file.items.is_empty() || self.compiler.main_fn().is_none() {
            let end = text.len();
            all.push(
                Diagnostic::error("`main` function not found in crate", ast::Span::new(end, end), "consider adding a `main` function")
                    .with_code("E0601")
                    .with_help("consider adding a `main` function to this file"),
            );
        }
        if all.iter().any(|d| d.severity == crate::diag::Severity::Error) {
            return Err(Self::reports(&src, &all));
        }
        Ok(())
    }

    /// Run function `f` on a fresh fiber to completion: on this OS thread with the OS-thread
    /// driver (threads it spawns get OS threads of their own), or under the deterministic
    /// scheduler (every thread a fiber on this OS thread). Threads still running when `f`
    /// returns are not waited for.
    fn run_function(&mut self, f: u32) -> (Outcome, Option<Value>) {
        self.run_function_in(f, false)
    }

    /// `run_function`; `repl`: the run is a REPL input (the deterministic scheduler then
    /// also finishes the threads the input leaves running, as no process exit ends them).
    fn run_function_in(&mut self, f: u32, repl: bool) -> (Outcome, Option<Value>) {
        let prog: Arc<Program> = Arc::new(self.compiler.prog.clone());
        self.interrupt.store(false, Ordering::Relaxed);
        self.out.set_idle(false);
        let run = Run::new(prog.clone(), self.out.clone(), self.interrupt.clone(), self.args.clone(), self.options.backtrace, self.schedule);
        if repl {
            run.panic_hook.lock().clone_from(&self.panic_hook);
        }
        let host = RunHost { run: run.clone() };
        let mut out = self.out.handle();
        let mut fiber = Fiber::new();
        crate::runtime::threads::set_current(Some(run.main_thread.clone()));
        if let Err(e) = crate::vm::call::enter(&mut fiber, &prog, f, 0, 0, 0, RetKind::Stop, 0) {
            let o = self.fault(&fiber, &run, e);
            self.out.set_idle(true);
            return (o, None);
        }
        let r = match self.schedule {
            Schedule::Threads => crate::runtime::driver::drive(&mut fiber, &host, &mut out),
            Schedule::Deterministic(_) => match crate::runtime::det::run(&mut fiber, &host, &mut out, repl) {
                crate::runtime::det::End::Main(r) => r,
                crate::runtime::det::End::Exit(c) => Err(Fault::Exit(c)),
                crate::runtime::det::End::Deadlock => {
                    self.out.flush();
                    self.out.set_idle(true);
                    return (Outcome::Panicked, None);
                }
            },
        };
        // Rust aborts on a stack overflow (no destructors run); an interrupted run stops.
        let tls_dtors = !repl && !matches!(r, Err(Fault::Interrupted | Fault::StackOverflow));
        let out = match r {
            Ok(v) => (Outcome::Finished, Some(v)),
            Err(Fault::Interrupted) if run.exit_requested().is_some() => (Outcome::Exit(run.exit_requested().unwrap_or(0)), None),
            Err(e) => {
                let unwinds = matches!(e, Fault::Panic(_)) && prog.needs_drop_walk;
                let o = self.fault(&fiber, &run, e);
                if unwinds {
                    // The panic unwinds: the live owned locals of every frame are dropped.
                    let waker = crate::runtime::driver::current_waker();
                    crate::runtime::driver::unwind(&mut fiber, &host, &mut out, &waker, "main");
                    // Then the runtime `main` ran tasks on is dropped, and its tasks with it.
                    crate::builtins::async_shutdown::after_main_panicked(&host);
                }
                (o, None)
            }
        };
        if tls_dtors {
            // The main thread's thread-locals die after `main` returned, panicked or called
            // `process::exit` (glibc's `exit` runs their destructors for Rust).
            let waker = crate::runtime::driver::current_waker();
            let mut handle = self.out.handle();
            crate::builtins::thread_local::drop_thread_values(&mut fiber, &host, &mut handle, &waker, &run.main_thread);
        }
        if repl {
            self.panic_hook = run.panic_hook.lock().clone();
        }
        self.out.flush();
        self.out.set_idle(true);
        out
    }

    fn fault(&mut self, fiber: &Fiber, run: &Arc<Run>, f: Fault) -> Outcome {
        self.out.flush();
        match f {
            Fault::Panic(m) => {
                crate::runtime::driver::report_panic(fiber, run, "main", &m);
                Outcome::Panicked
            }
            Fault::Exit(c) => Outcome::Exit(c),
            Fault::Interrupted => Outcome::Interrupted,
            Fault::Blocked(b) => {
                crate::runtime::driver::report_blocked(fiber, run, "main", &b.what);
                Outcome::Panicked
            }
            Fault::Yield => Outcome::Finished,
            Fault::StackOverflow => {
                // Rust aborts here (SIGABRT); teras reports it as a failed run (exit 101).
                let _ = std::io::stderr().write_all(crate::vm::panic::stack_overflow_text().as_bytes());
                Outcome::Panicked
            }
        }
    }

    /// Run the static initializers, then `main`.
    fn run_main(&mut self) -> Outcome {
        let inits = std::mem::take(&mut self.compiler.static_inits);
        for (g, f) in &inits {
            let (o, v) = self.run_function(*f);
            if !matches!(o, Outcome::Finished) {
                return o;
            }
            if let (Some(glob), Some(v)) = (self.compiler.prog.globals.get(*g as usize), v) {
                if let Ok(mut c) = glob.cell.write() {
                    *c = v;
                }
            }
        }
        let Some(main) = self.compiler.main_fn() else { return Outcome::Finished };
        let (o, v) = self.run_function(main);
        // `fn main() -> Result<(), E>` returning `Err(e)`: `Error: {e:?}` and exit code 1.
        if let Some(Err(e)) = v.as_ref().and_then(crate::builtins::util::as_result) {
            let text = format!("Error: {}\n", self.debug_text(&e));
            self.out.flush();
            let _ = std::io::stderr().write_all(text.as_bytes());
            return Outcome::Exit(1);
        }
        o
    }

    /// Compile and run a whole program: its `fn main`.
    pub fn run_file(&mut self, name: &str, text: &str) -> Outcome {
        if let Err(r) = self.compile_file(name, text) {
            return Outcome::CompileErrors(r);
        }
        self.run_main()
    }

    /// Parse and compile only; the diagnostics found (empty when the program is fine).
    pub fn check(&mut self, name: &str, text: &str) -> Vec<Report> {
        match self.compile_file(name, text) {
            Ok(()) => Vec::new(),
            Err(r) => r,
        }
    }

    /// The bytecode of every function of a program, for `teras run --dump-bytecode`.
    pub fn dump_bytecode(&mut self, name: &str, text: &str) -> Result<String, Vec<Report>> {
        // The whole prelude, so that function numbers are those of an eager compile.
        self.compiler.compile_all_prelude();
        self.compile_file(name, text)?;
        Ok(crate::vm::disasm::disassemble(&self.compiler.prog, Some(name)))
    }

    /// Evaluate one REPL input (items, statements, a trailing expression).
    pub fn eval_repl(&mut self, text: &str) -> (Outcome, ReplOutput) {
        self.repl_ready();
        self.repl_count += 1;
        let src = Source::new("<repl>", text);
        let (file, diags) = crate::syntax::parse_repl(text);
        if diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
            return (Outcome::CompileErrors(Self::reports(&src, &diags)), ReplOutput::default());
        }
        let mut typeck = self.typeck.clone();
        let info = typeck.check_file(&file);
        let mut earlier: Vec<(String, Option<Ty>, bool, u32)> =
            self.compiler.repl_vars.iter().map(|(k, v)| (k.clone(), v.ty.clone(), v.moved, v.global)).collect();
        earlier.sort_by_key(|e| e.3);
        let vars: Vec<(String, Option<Ty>, bool)> = earlier.iter().map(|(n, t, m, _)| (n.clone(), t.clone(), *m)).collect();
        let (checked, moved) = crate::check::check_repl(&file, &info, &src, &vars);
        let tail_ty: Option<Ty> = match file.stmts.last() {
            Some(ast::Stmt { kind: ast::StmtKind::Expr(e, false), .. }) => info.expr_ty(e.id).filter(|t| t.is_known()).cloned(),
            _ => None,
        };
        let mut comp = self.compiler.clone();
        let top = match comp.compile_source(src.clone(), &file, Some(info)) {
            Ok(t) => t,
            Err(ds) => return (Outcome::CompileErrors(Self::reports(&src, &ds)), ReplOutput::default()),
        };
        // Ownership and thread-safety errors of an input that compiled: nothing is kept.
        if checked.iter().any(|d| d.severity == crate::diag::Severity::Error) {
            return (Outcome::CompileErrors(Self::reports(&src, &checked)), ReplOutput::default());
        }
        // Definitions are kept even if running fails; variables assigned by a failing input
        // keep their earlier values because globals are only written on success paths.
        let saved = std::mem::replace(&mut self.compiler, comp);
        self.typeck = typeck;
        let inits = std::mem::take(&mut self.compiler.static_inits);
        for (g, f) in &inits {
            let (o, v) = self.run_function(*f);
            if !matches!(o, Outcome::Finished) {
                self.compiler = saved;
                return (o, ReplOutput::default());
            }
            if let (Some(glob), Some(v)) = (self.compiler.prog.globals.get(*g as usize), v) {
                if let Ok(mut c) = glob.cell.write() {
                    *c = v;
                }
            }
        }
        let Some(f) = top else { return (Outcome::Finished, ReplOutput::default()) };
        let (o, v) = self.run_function_in(f, true);
        if !matches!(o, Outcome::Finished) {
            // Keep the definitions, drop the variables this input introduced.
            let keep: Vec<String> = saved.repl_vars.keys().cloned().collect();
            self.compiler.repl_vars.retain(|k, _| keep.contains(k));
            for (k, v) in saved.repl_vars {
                self.compiler.repl_vars.insert(k, v);
            }
            // What it moved before it stopped stays moved.
            self.mark_emptied_vars();
            return (o, ReplOutput::default());
        }
        self.mark_emptied_vars();
        // The earlier variables this input moved (unless it bound the name again).
        for name in moved {
            let global = earlier.iter().find(|e| e.0 == name).map(|e| e.3);
            if let Some(var) = self.compiler.repl_vars.get_mut(&name).filter(|v| Some(v.global) == global) {
                var.moved = true;
            }
        }
        let mut out = ReplOutput::default();
        if let Some(v) = v {
            if !matches!(v, Value::Unit) {
                let text = self.debug_text(&v);
                let ty = tail_ty.map(|t| t.to_string()).unwrap_or_else(|| runtime_type_name(&v));
                out.value = Some((text, ty));
            }
        }
        (o, out)
    }

    /// REPL variables whose value an input moved out at run time (`TakeGlobal` left `Moved`)
    /// are moved: a later use is E0382, not a read of nothing.
    fn mark_emptied_vars(&mut self) {
        let globals = &self.compiler.prog.globals;
        for v in self.compiler.repl_vars.values_mut() {
            let emptied = globals.get(v.global as usize).is_some_and(|g| g.cell.read().is_ok_and(|c| matches!(*c, Value::Moved)));
            v.moved |= emptied;
        }
    }

    fn debug_text(&mut self, v: &Value) -> String {
        let prog: Arc<Program> = Arc::new(self.compiler.prog.clone());
        let mut fiber = Fiber::new();
        let mut out = self.out.handle();
        let mut cx = Ctx { prog: &prog, out: &mut out, interrupt: &self.interrupt, args: &self.options.args, host: &self.host, waker: std::task::Waker::noop(), slice: None };
        let spec = crate::builtins::format::Spec::debug();
        crate::vm::format::format_one(&mut fiber, &mut cx, v, &spec).unwrap_or_else(|_| "<unprintable>".into())
    }

    /// The type of an expression, without running it (`:type`).
    pub fn type_of(&mut self, expr: &str) -> Result<String, Vec<Report>> {
        let src = Source::new("<repl>", expr);
        let (e, diags) = crate::syntax::parse_expr(expr);
        if diags.iter().any(|d| d.severity == crate::diag::Severity::Error) {
            return Err(Self::reports(&src, &diags));
        }
        let Some(e) = e else { return Err(Vec::new()) };
        match self.typeck.type_of_expr(&e) {
            t if t.is_known() => Ok(t.to_string()),
            _ => {
                // Evaluate it to find the runtime type.
                let (o, out) = self.eval_repl(expr);
                match (o, out.value) {
                    (Outcome::Finished, Some((_, t))) => Ok(t),
                    (Outcome::Finished, None) => Ok("()".into()),
                    (Outcome::CompileErrors(r), _) => Err(r),
                    _ => Ok("_".into()),
                }
            }
        }
    }

    /// The REPL's variables: name, type, `{:?}` of the value (`:vars`).
    pub fn vars(&self) -> Vec<(String, String, String)> {
        let mut out: Vec<(String, String, String)> = Vec::new();
        let mut names: Vec<(&String, &crate::compile::ReplVar)> = self.compiler.repl_vars.iter().collect();
        names.sort_by_key(|(_, v)| v.global);
        for (name, v) in names {
            let Some(g) = self.compiler.prog.globals.get(v.global as usize) else { continue };
            let val = g.cell.read().map(|c| c.clone()).unwrap_or(Value::Unit);
            // A variable an input moved (its value may still sit in the global when drops are
            // not tracked) is shown as moved.
            let val = if v.moved { Value::Moved } else { val };
            let text = {
                let mut s = String::new();
                let _ = crate::builtins::format::format_value(&mut s, &val, &crate::builtins::format::Spec::debug(), &mut crate::builtins::format::NoHooks);
                s
            };
            let ty = v.ty.as_ref().filter(|t| t.is_known()).map(|t| t.to_string()).unwrap_or_else(|| runtime_type_name(&val));
            out.push((name.clone(), ty, text));
        }
        out
    }

    /// Names in scope (functions, types, variables) for tab completion.
    pub fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .compiler
            .items
            .keys()
            .filter(|k| !k.contains("::") && !k.starts_with('<') && !k.starts_with("__"))
            .cloned()
            .collect();
        v.extend(self.compiler.repl_vars.keys().cloned());
        v.sort();
        v.dedup();
        v
    }

    /// Method names known for completion after a `.`.
    pub fn method_names(&self) -> Vec<String> {
        let mut v: Vec<String> = crate::builtins::method_names().into_iter().map(String::from).collect();
        for (_, sym) in self.compiler.prog.methods.keys() {
            let n = self.compiler.prog.symbols.name(*sym);
            if !n.contains("::") && !n.starts_with("__") {
                v.push(n.to_string());
            }
        }
        v.sort();
        v.dedup();
        v
    }

    /// Prelude function bodies still waiting to be compiled, and deferred in all
    /// (`compile/lazy_prelude.rs`).
    pub fn prelude_bodies(&self) -> (usize, usize) {
        (self.compiler.lazy.waiting(), self.compiler.lazy.deferred())
    }

    /// The compiler's state (for the lazy prelude's tests).
    #[cfg(test)]
    pub(crate) fn compiler(&self) -> &Compiler {
        &self.compiler
    }

    /// Forget every definition and variable (`:reset`).
    pub fn reset(&mut self) {
        // Without a REPL input yet, the session is still as `new` left it.
        if let Some((c, t)) = &self.fresh {
            self.compiler = c.clone();
            self.typeck = t.clone();
        }
        self.panic_hook = None;
    }

    /// Setting this flag makes the running code stop at its next instruction boundary with
    /// `Outcome::Interrupted`; the session clears it before each run.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }

    /// Where program output goes (stdout by default; tests capture it).
    pub fn set_stdout(&mut self, out: Box<dyn Write + Send>) {
        self.out.flush();
        self.out = SharedOut::new(out);
    }

    /// How the runs of this session schedule their threads (`teras run --deterministic
    /// --seed N` chooses `Schedule::Deterministic(N)`; the REPL's `:seed N` too).
    pub fn set_schedule(&mut self, s: Schedule) {
        self.schedule = s;
    }

    /// The current schedule.
    pub fn schedule(&self) -> Schedule {
        self.schedule
    }
}

/// A type name from a runtime value (when inference gave none).
pub fn runtime_type_name(v: &Value) -> String {
    match v {
        Value::Unit => "()".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_, t) => t.name().into(),
        Value::Float(_, crate::value::FloatTy::F32) => "f32".into(),
        Value::Float(..) => "f64".into(),
        Value::Char(_) => "char".into(),
        Value::Str(_) => "String".into(),
        Value::Tuple(t) => {
            let inner: Vec<String> = t.read().map(|t| t.iter().map(runtime_type_name).collect()).unwrap_or_default();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Value::Vec(h) => {
            let (first, arr, n) = h.read().map(|o| (o.items.first().cloned(), o.is_array, o.items.len())).unwrap_or((None, false, 0));
            let et = first.as_ref().map_or("i32".to_string(), runtime_type_name);
            if arr {
                format!("[{et}; {n}]")
            } else {
                format!("Vec<{et}>")
            }
        }
        Value::Adt(a) => a.read().map(|o| o.def.name.clone()).unwrap_or_default(),
        Value::Tag(d, _) => d.name.clone(),
        Value::SomeObj(_) => "Option".into(),
        Value::Func(_) => "fn".into(),
        other => crate::vm::values::kind_name(other).trim_start_matches("a ").trim_start_matches("an ").to_string(),
    }
}

/// Is this REPL input complete, or does it need more lines (unclosed brackets, strings,
/// block comments)?
pub fn input_is_complete(text: &str) -> bool {
    crate::syntax::input_is_complete(text)
}

/// Remove the items marked `#[cfg(test)]` (and `#[test]` functions): a program is built as
/// rustc builds it without `--test`.
fn strip_cfg_test(items: &mut Vec<ast::Item>) {
    items.retain(|i| !i.attrs.iter().any(|a| (a.name == "cfg" && a.args.iter().any(|x| x.trim() == "test")) || a.name == "test"));
    for i in items.iter_mut() {
        if let ast::ItemKind::Mod(m) = &mut i.kind {
            if let Some(inner) = &mut m.items {
                strip_cfg_test(inner);
            }
        }
    }
}
