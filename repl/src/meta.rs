//! REPL meta commands: the lines that start with `:` (`:help`, `:quit`, `:load FILE`,
//! `:reset`, `:type EXPR`, `:time CODE`, `:vars`).
//!
//! `parse` recognises a command; `execute` carries it out against the session. A line
//! starting with `:` is never valid Rust, so there is no ambiguity with code.

use std::time::Instant;

use teras_interp::Session;

use crate::repl::{eval_and_print, guarded, interruptible, out, Flow};
use crate::{cli, render};

/// Every meta command with its argument and a one-line description (for `:help` and
/// tab completion).
pub const COMMANDS: &[(&str, &str, &str)] = &[
    ("help", "", "show this help"),
    ("quit", "", "leave the REPL (also Ctrl-D)"),
    ("load", "FILE", "evaluate a file's items (fn, struct, impl, use, ...) into the session"),
    ("reset", "", "forget every definition and variable"),
    ("type", "EXPR", "show the type of an expression without running it"),
    ("time", "CODE", "run an expression or statement and show how long it took"),
    ("vars", "", "list the variables: name, type and value"),
    ("seed", "N|off", "run inputs under the deterministic scheduler with seed N (off: OS threads)"),
];

/// Short aliases accepted besides the full names.
const ALIASES: &[(&str, &str)] =
    &[("h", "help"), ("?", "help"), ("q", "quit"), ("exit", "quit"), ("l", "load"), ("t", "type")];

/// A parsed meta command.
#[derive(Debug, PartialEq, Eq)]
pub enum Meta<'a> {
    Help,
    Quit,
    Load(&'a str),
    Reset,
    Type(&'a str),
    Time(&'a str),
    Vars,
    /// `:seed N` (`Some(N)`) or `:seed off` (`None`); `:seed` alone shows the schedule.
    Seed(Option<Option<u64>>),
    /// `:seed` with an argument that is neither a number nor `off`.
    BadSeed(&'a str),
    /// A name that is no command.
    Unknown(&'a str),
    /// A command that needs an argument and got none (the command's name).
    MissingArgument(&'static str),
}

/// The meta command in `input`, or `None` when the input is code.
pub fn parse(input: &str) -> Option<Meta<'_>> {
    let rest = input.trim_start().strip_prefix(':')?;
    let rest = rest.trim();
    let (name, arg) = match rest.find(char::is_whitespace) {
        Some(i) => (rest.get(..i).unwrap_or(rest), rest.get(i..).unwrap_or("").trim()),
        None => (rest, ""),
    };
    let name = ALIASES.iter().find(|(a, _)| *a == name).map_or(name, |(_, full)| full);
    Some(match name {
        "help" => Meta::Help,
        "quit" => Meta::Quit,
        "reset" => Meta::Reset,
        "vars" => Meta::Vars,
        "seed" => match arg {
            "" => Meta::Seed(None),
            "off" => Meta::Seed(Some(None)),
            n => match n.parse::<u64>() {
                Ok(n) => Meta::Seed(Some(Some(n))),
                Err(_) => Meta::BadSeed(n),
            },
        },
        "load" | "type" | "time" if arg.is_empty() => {
            let cmd = COMMANDS.iter().map(|c| c.0).find(|c| *c == name).unwrap_or("load");
            Meta::MissingArgument(cmd)
        }
        "load" => Meta::Load(unquote(arg)),
        "type" => Meta::Type(arg),
        "time" => Meta::Time(arg),
        _ => Meta::Unknown(name),
    })
}

/// `:load "my file.rs"` and `:load 'x.rs'` name the file inside the quotes.
fn unquote(arg: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = arg.strip_prefix(q).and_then(|a| a.strip_suffix(q)) {
            return inner;
        }
    }
    arg
}

/// Is a meta-command input complete? `:type` and `:time` take code, which may continue
/// over several lines like any input; the other commands are always one line.
pub fn is_complete(input: &str) -> bool {
    match parse(input) {
        Some(Meta::Type(code)) | Some(Meta::Time(code)) => {
            teras_interp::syntax::input_is_complete(code)
        }
        _ => true,
    }
}

/// The text of `:help`.
pub fn help_text() -> String {
    let mut out = String::from(
        "Type Rust code: items (fn, struct, enum, impl, trait, use, const) and statements\n\
         (let, expressions). Definitions and variables stay for the rest of the session, even\n\
         after an error, a panic or an interrupt. An input that is not finished (open brackets,\n\
         an unclosed string) continues on the next line at the `..` prompt.\n\
         \n\
         The value of an input that ends in an expression is printed as its Debug text (`{:?}`),\n\
         a colon and its type, like an annotated `let`:\n\
         \x20   >> vec![1, 2, 3]\n\
         \x20   [1, 2, 3]: Vec<i32>\n\
         Inputs whose value is `()` print nothing.\n\
         \n\
         Commands:\n",
    );
    for (name, arg, what) in COMMANDS {
        let usage = if arg.is_empty() { format!(":{name}") } else { format!(":{name} {arg}") };
        out.push_str(&format!("  {usage:<12} {what}\n"));
    }
    out.push_str(
        "\nKeys: Tab completes keywords, names, methods after `.` and commands after `:`;\n\
         Ctrl-C clears the line (and drops an unfinished input) or stops running code;\n\
         Ctrl-D on an empty line quits; Up/Down and Ctrl-R search the history.\n",
    );
    out
}

/// Carry out a meta command.
pub fn execute(meta: Meta<'_>, session: &mut Session) -> Flow {
    match meta {
        Meta::Help => out(&help_text()),
        Meta::Quit => return Flow::Quit,
        Meta::Reset => {
            if guarded(|| session.reset()).is_none() {
                return Flow::Continue;
            }
            out("session reset: every definition and variable is forgotten\n");
        }
        Meta::Seed(choice) => {
            use teras_interp::runtime::Schedule;
            match choice {
                Some(Some(n)) => session.set_schedule(Schedule::Deterministic(n)),
                Some(None) => session.set_schedule(Schedule::Threads),
                None => {}
            }
            match session.schedule() {
                Schedule::Deterministic(n) => out(&format!("deterministic scheduler, seed {n}\n")),
                Schedule::Threads => out("OS threads (not deterministic)\n"),
            }
        }
        Meta::BadSeed(arg) => {
            render::eprint_all(&format!("error: `:seed` takes a number or `off`, not `{arg}`\n"));
        }
        Meta::Vars => {
            let vars = guarded(|| session.vars()).unwrap_or_default();
            if vars.is_empty() {
                out("no variables\n");
            }
            for (name, ty, value) in vars {
                out(&format!("{name}: {ty} = {value}\n"));
            }
        }
        // Interruptible: finding a type may run the expression.
        Meta::Type(code) => match interruptible(session, |s| s.type_of(code)) {
            Some(Ok(ty)) => out(&format!("{ty}\n")),
            Some(Err(reports)) => render::print_reports(&reports),
            None => {}
        },
        Meta::Time(code) => {
            let start = Instant::now();
            let (flow, _) = eval_and_print(session, code);
            out(&format!("time: {}\n", format_duration(start.elapsed())));
            return flow;
        }
        Meta::Load(path) => match cli::read_source(path) {
            Ok(text) => {
                let (flow, ok) = eval_and_print(session, &text);
                if ok {
                    out(&format!("loaded `{path}`\n"));
                }
                return flow;
            }
            Err(e) => render::print_diagnostic(&e),
        },
        Meta::Unknown(name) => {
            render::eprint_all(&format!("unknown command `:{name}`; type :help for the list\n"))
        }
        Meta::MissingArgument(name) => {
            let arg = COMMANDS.iter().find(|c| c.0 == name).map_or("ARG", |c| c.1);
            render::eprint_all(&format!("usage: :{name} {arg}\n"));
        }
    }
    Flow::Continue
}

/// A duration as a person reads it: `812ns`, `12.3µs`, `4.56ms`, `1.234s`.
pub fn format_duration(d: std::time::Duration) -> String {
    let ns = d.as_nanos();
    if ns < 1_000 {
        format!("{ns}ns")
    } else if ns < 1_000_000 {
        format!("{:.1}µs", ns as f64 / 1e3)
    } else if ns < 1_000_000_000 {
        format!("{:.2}ms", ns as f64 / 1e6)
    } else {
        format!("{:.3}s", d.as_secs_f64())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn parses_commands_and_aliases() {
        assert_eq!(parse(":help"), Some(Meta::Help));
        assert_eq!(parse("  :q  "), Some(Meta::Quit));
        assert_eq!(parse(":exit"), Some(Meta::Quit));
        assert_eq!(parse(":vars"), Some(Meta::Vars));
        assert_eq!(parse(":reset"), Some(Meta::Reset));
        assert_eq!(parse(":type  v.len() "), Some(Meta::Type("v.len()")));
        assert_eq!(parse(":time fib(20)"), Some(Meta::Time("fib(20)")));
        assert_eq!(parse(":load \"a b.rs\""), Some(Meta::Load("a b.rs")));
        assert_eq!(parse(":load x.rs"), Some(Meta::Load("x.rs")));
        assert_eq!(parse(":frob"), Some(Meta::Unknown("frob")));
        assert_eq!(parse(":seed 42"), Some(Meta::Seed(Some(Some(42)))));
        assert_eq!(parse(":seed off"), Some(Meta::Seed(Some(None))));
        assert_eq!(parse(":seed"), Some(Meta::Seed(None)));
        assert_eq!(parse(":seed x"), Some(Meta::BadSeed("x")));
        assert_eq!(parse(":type"), Some(Meta::MissingArgument("type")));
        assert_eq!(parse("let x = 1;"), None);
        assert_eq!(parse("x"), None);
    }

    #[test]
    fn help_lists_every_command() {
        let help = help_text();
        for (name, _, _) in COMMANDS {
            assert!(help.contains(&format!(":{name}")), "{name} missing from :help");
        }
        assert!(help.contains("[1, 2, 3]: Vec<i32>"));
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(Duration::from_nanos(812)), "812ns");
        assert_eq!(format_duration(Duration::from_nanos(12_300)), "12.3µs");
        assert_eq!(format_duration(Duration::from_micros(4_560)), "4.56ms");
        assert_eq!(format_duration(Duration::from_millis(1_234)), "1.234s");
    }
}
