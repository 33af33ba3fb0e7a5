//! The `teras` command: parses argv with clap and dispatches to `teras run`, `teras check`
//! or the REPL (`teras repl`, or no subcommand at all).
//!
//! This crate is the only part of teras that touches argv, the terminal and files; the
//! language itself lives in `teras-interp` behind `Session`.

/// mimalloc instead of the system allocator: the VM allocates and frees many small heap
/// objects (every struct, enum payload and string), and glibc malloc/free took about a quarter
/// of the instructions of allocation-heavy programs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    Repl,
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    /// Print the bytecode of every function instead of running the program.
    #[arg(long)]
    dump_bytecode: bool,
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

fn main() {
    let cli = Cli::parse();
    let work = move || match cli.command {
        Some(Command::Run(run)) => cli::run(&run.file, &run.args, run.dump_bytecode),
        Some(Command::Check(check)) => cli::check(&check.file),
        Some(Command::Repl) | None => repl::main(),
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
    fn bare_teras_is_repl() {
        assert!(matches!(Cli::try_parse_from(["teras"]).map(|c| c.command), Ok(None)));
        assert!(matches!(
            Cli::try_parse_from(["teras", "repl"]).map(|c| c.command),
            Ok(Some(Command::Repl))
        ));
    }
}
