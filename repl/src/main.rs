//! The `teras` command: parses argv with clap and dispatches to `teras run`, `teras check`
//! or the REPL (`teras repl`, or no subcommand at all).
//!
//! This crate is the only part of teras that touches argv, the terminal and files; the
//! language itself lives in `teras-interp` behind `Session`.

/// mimalloc, called as `alloc.rs` explains.
#[global_allocator]
static GLOBAL: alloc::Alloc = alloc::Alloc;

mod alloc;
mod cli;
mod helper;
mod meta;
mod render;
mod repl;

use clap::{Parser, Subcommand};

/// teras: run, check and explore TERAS-LANG programs (Rust syntax, executed dynamically).
#[derive(Debug, Parser)]
#[command(name = "teras", version)]
#[command(after_help = "Without a subcommand, teras starts the REPL.")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compile and run a program's `fn main`, with ARGS as its command-line arguments.
    Run(RunArgs),
    /// Parse and compile a program without running it; report every diagnostic.
    Check(CheckArgs),
    /// Start the interactive REPL (the default when no subcommand is given).
    Repl(ReplArgs),
}

/// How threads are scheduled (`teras run` and `teras repl`).
#[derive(Debug, Clone, Copy, Default, clap::Args)]
struct ScheduleArgs {
    /// Run every thread as a fiber on one OS thread, chosen by a seeded scheduler: the same
    /// seed gives the same interleaving and output, `sleep` uses virtual time, and a
    /// deadlock is reported (exit code 101) instead of hanging. Also `TERAS_DETERMINISTIC=1`.
    #[arg(long)]
    deterministic: bool,
    /// The deterministic scheduler's seed (implies --deterministic; default 0). Also
    /// `TERAS_SEED=N`.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
}

#[derive(Debug, clap::Args)]
struct ReplArgs {
    #[command(flatten)]
    schedule: ScheduleArgs,
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Print the bytecode of every function instead of running the program.
    #[arg(long)]
    dump_bytecode: bool,
    #[command(flatten)]
    schedule: ScheduleArgs,
    /// Worker OS threads of the async executor (default: the available parallelism).
    #[arg(long, value_name = "N")]
    workers: Option<usize>,
    /// The program's source file.
    file: String,
    /// Arguments passed to the program (`std::env::args()` after the file name).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The program's source file.
    file: String,
}

/// The interpreter thread's stack: the VM is stackless, but natives walk values recursively
/// (clone, compare, hash, format of deep structures) and the parser and compiler recurse on deep
/// expressions. The memory is reserved, not committed: only the pages touched are used.
const STACK_SIZE: usize = 1 << 30;

/// `teras run [OPTIONS] FILE ARGS...`: everything after FILE belongs to the program, even
/// when it looks like one of teras's own options (`--seed 9`). clap would still match
/// known options there, so a `--` goes right after FILE.
fn program_args_after_file(argv: Vec<String>) -> Vec<String> {
    let Some(run) = argv.iter().position(|a| a == "run") else { return argv };
    if argv.iter().take(run).skip(1).any(|a| !a.starts_with('-')) {
        return argv;
    }
    let mut i = run + 1;
    while let Some(a) = argv.get(i) {
        match a.as_str() {
            "--" => return argv,
            "--seed" | "--workers" => i += 2,
            a if a.starts_with('-') => i += 1,
            _ => break,
        }
    }
    let mut out = argv;
    if i + 1 < out.len() {
        out.insert(i + 1, "--".to_string());
    }
    out
}

fn main() {
    alloc::keep_freed_pages();
    let cli = Cli::parse_from(program_args_after_file(std::env::args().collect()));
    let schedule = |det: bool, seed: Option<u64>| {
        cli::schedule(det, seed).map_err(|msg| {
            eprintln!("{msg}");
            2
        })
    };
    let work = move || {
        let r = match cli.command {
            Some(Command::Run(run)) => schedule(run.schedule.deterministic, run.schedule.seed).map(|s| {
                if let Some(n) = run.workers {
                    teras_interp::runtime::executor::set_workers(n);
                }
                cli::run(&run.file, &run.args, run.dump_bytecode, s)
            }),
            Some(Command::Check(check)) => Ok(cli::check(&check.file)),
            Some(Command::Repl(r)) => schedule(r.schedule.deterministic, r.schedule.seed).map(repl::main),
            None => schedule(false, None).map(repl::main),
        };
        r.unwrap_or_else(|code| code)
    };
    // On a big stack when the system grants one; the worker's own panics (interpreter bugs)
    // end the process like a panic on the main thread would (code 101).
    let code = match std::thread::Builder::new().name("main".into()).stack_size(STACK_SIZE).spawn(work) {
        Ok(h) => h.join().unwrap_or(101),
        Err(_) => {
            eprintln!("teras: cannot reserve the interpreter's stack");
            1
        }
    };
    std::process::exit(code);
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_double_dash_goes_after_the_file_only() {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(program_args_after_file(v(&["teras", "run", "p.rs"])), v(&["teras", "run", "p.rs"]));
        assert_eq!(program_args_after_file(v(&["teras", "run", "p.rs", "--x"])), v(&["teras", "run", "p.rs", "--", "--x"]));
        assert_eq!(program_args_after_file(v(&["teras", "run", "--", "p.rs", "a"])), v(&["teras", "run", "--", "p.rs", "a"]));
        assert_eq!(program_args_after_file(v(&["teras", "check", "run"])), v(&["teras", "check", "run"]));
    }

    #[test]
    fn run_passes_trailing_args_through() {
        let cli = Cli::try_parse_from(["teras", "run", "p.rs", "-x", "--flag", "a"]);
        match cli.map(|c| c.command) {
            Ok(Some(Command::Run(r))) => {
                assert_eq!(r.file, "p.rs");
                assert_eq!(r.args, ["-x", "--flag", "a"]);
                assert!(!r.dump_bytecode);
            }
            other => panic!("unexpected parse: {other:?}"),
        }
    }

    #[test]
    fn dump_bytecode_flag() {
        let cli = Cli::try_parse_from(["teras", "run", "--dump-bytecode", "p.rs"]);
        assert!(matches!(
            cli.map(|c| c.command),
            Ok(Some(Command::Run(RunArgs { dump_bytecode: true, .. })))
        ));
    }

    #[test]
    fn deterministic_flags_come_before_the_file() {
        let argv: Vec<String> = ["teras", "run", "--deterministic", "--seed", "7", "p.rs", "--seed", "9"].map(String::from).to_vec();
        let cli = Cli::try_parse_from(program_args_after_file(argv));
        match cli.map(|c| c.command) {
            Ok(Some(Command::Run(r))) => {
                assert!(r.schedule.deterministic);
                assert_eq!(r.schedule.seed, Some(7));
                assert_eq!(r.args, ["--seed", "9"]);
            }
            other => panic!("unexpected parse: {other:?}"),
        }
        let cli = Cli::try_parse_from(["teras", "repl", "--seed", "3"]);
        assert!(matches!(
            cli.map(|c| c.command),
            Ok(Some(Command::Repl(ReplArgs { schedule: ScheduleArgs { seed: Some(3), .. } })))
        ));
    }

    #[test]
    fn bare_teras_is_repl() {
        assert!(matches!(Cli::try_parse_from(["teras"]).map(|c| c.command), Ok(None)));
        assert!(matches!(
            Cli::try_parse_from(["teras", "repl"]).map(|c| c.command),
            Ok(Some(Command::Repl(_)))
        ));
    }
}
