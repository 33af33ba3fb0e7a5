//! The REPL loop: read an input (over several lines while it is incomplete), run it as a
//! meta command or as code in the `Session`, print its value or its diagnostics, repeat.
//!
//! Nothing an input does ends the session except `:quit`, Ctrl-D and
//! `std::process::exit`: compile errors, panics and interrupts print their report and the
//! prompt comes back with every earlier definition still there.

mod history;
mod interrupt;
mod output;

use std::io::{IsTerminal, Write};

use rustyline::config::{CompletionType, Config, Configurer};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::Editor;
use teras_interp::{Outcome, Session};

use crate::helper::TerasHelper;
use crate::{cli, meta, render};

/// The prompt for a new input.
pub const PROMPT: &str = ">> ";
/// The prompt for the next line of an unfinished input.
pub const CONTINUATION: &str = ".. ";

/// What the loop does after an input.
#[derive(Debug, PartialEq, Eq)]
pub enum Flow {
    Continue,
    /// `:quit`.
    Quit,
    /// The code called `std::process::exit(code)`.
    Exit(i32),
}

/// Write to stdout, ignoring failures (a closed pipe must not become a panic).
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// Call into the session, surviving a Rust panic inside the interpreter (a bug in teras,
/// never a TERAS `panic!`, which the session reports itself): the panic message has been
/// printed by the panic hook; this adds a note and returns `None` so the REPL goes on with
/// the definitions made so far.
pub fn guarded<T>(call: impl FnOnce() -> T) -> Option<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)) {
        Ok(value) => Some(value),
        Err(_) => {
            render::eprint_all(
                "internal error: the interpreter itself panicked (a bug in teras); the session \
                 goes on, use :reset if it misbehaves\n",
            );
            None
        }
    }
}

/// `guarded(call)` with Ctrl-C routed to the session's interrupt flag while it runs.
pub fn interruptible<T>(session: &mut Session, call: impl FnOnce(&mut Session) -> T) -> Option<T> {
    guarded(|| {
        let _routed = interrupt::running(session.interrupt_flag());
        call(session)
    })
}

/// Run one input in the session and print what it produced: its value as
/// `DEBUG: TYPE`, its diagnostics, or `interrupted`. Returns what the loop does next and
/// whether the input ran to its end.
pub fn eval_and_print(session: &mut Session, text: &str) -> (Flow, bool) {
    let result = interruptible(session, |s| s.eval_repl(text));
    output::end_open_line();
    let Some((outcome, output)) = result else {
        return (Flow::Continue, false);
    };
    match outcome {
        Outcome::Finished => {
            if let Some((value, ty)) = output.value {
                out(&format!("{value}: {ty}\n"));
            }
            (Flow::Continue, true)
        }
        Outcome::CompileErrors(reports) => {
            render::print_reports(&reports);
            (Flow::Continue, false)
        }
        // The panic message is already on stderr.
        Outcome::Panicked => (Flow::Continue, false),
        Outcome::Interrupted => {
            // On a terminal the Ctrl-C shows as `^C` where the cursor was: start a new line.
            let text =
                if std::io::stdin().is_terminal() { "\ninterrupted\n" } else { "interrupted\n" };
            render::eprint_all(text);
            (Flow::Continue, false)
        }
        Outcome::Exit(code) => (Flow::Exit(code), true),
    }
}

/// One read from the user.
enum Read {
    Input(String),
    /// Ctrl-C: the line (and any unfinished input) is dropped.
    Cancelled,
    /// Ctrl-D on an empty prompt, or the end of piped input.
    Eof,
    Failed(ReadlineError),
}

/// Is `input` finished, or does it continue on the next line?
fn is_complete(input: &str) -> bool {
    if meta::parse(input).is_some() {
        meta::is_complete(input)
    } else {
        teras_interp::syntax::input_is_complete(input)
    }
}

/// Read one input: a first line at `>> `, more lines at `.. ` while it is incomplete.
fn read_input(editor: &mut Editor<TerasHelper, DefaultHistory>) -> Read {
    let mut input = String::new();
    loop {
        let prompt = if input.is_empty() { PROMPT } else { CONTINUATION };
        if let Some(helper) = editor.helper_mut() {
            helper.set_pending(&input);
        }
        match editor.readline(prompt) {
            Ok(line) => {
                if !input.is_empty() {
                    input.push('\n');
                }
                input.push_str(&line);
                if input.trim().is_empty() {
                    input.clear();
                    continue;
                }
                if is_complete(&input) {
                    return Read::Input(input);
                }
            }
            Err(ReadlineError::Interrupted) => return Read::Cancelled,
            // Bytes that are not UTF-8 were consumed; say so and go on with the next line.
            Err(ReadlineError::Io(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                render::eprint_all("error: the input is not valid UTF-8; it was skipped\n");
                return Read::Cancelled;
            }
            Err(ReadlineError::WindowResized) => continue,
            // Ctrl-D inside an unfinished input: run what there is, so its diagnostic shows
            // what is missing (the next Ctrl-D quits).
            Err(ReadlineError::Eof) if !input.trim().is_empty() => return Read::Input(input),
            Err(ReadlineError::Eof) => return Read::Eof,
            Err(e) => return Read::Failed(e),
        }
    }
}

fn colours_on_stdout() -> bool {
    std::io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

fn editor_config() -> Config {
    Config::builder()
        .auto_add_history(false)
        .history_ignore_space(true)
        .completion_type(CompletionType::List)
        .build()
}

/// The REPL; returns the process exit code.
pub fn main(schedule: teras_interp::runtime::Schedule) -> i32 {
    let mut editor: Editor<TerasHelper, DefaultHistory> = match Editor::with_config(editor_config())
    {
        Ok(e) => e,
        Err(e) => {
            render::eprint_all(&format!("error: cannot start the line editor: {e}\n"));
            return 1;
        }
    };
    // Both only fail for absurd values.
    let _ = editor.set_max_history_size(10_000);
    let _ = editor.set_history_ignore_dups(true);
    editor.set_helper(Some(TerasHelper::new(colours_on_stdout())));
    // Piped input is a script, not something to recall: only a terminal keeps history.
    let history = if std::io::stdin().is_terminal() { history::path() } else { None };
    if let Some(path) = &history {
        history::prepare(path);
        let _ = editor.load_history(path);
    }

    let mut session = Session::new(cli::options_from_env(vec!["teras".to_string()]));
    session.set_schedule(schedule);
    use_tracking_stdout(&mut session);
    refresh_names(&mut editor, &session);

    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        out(&format!(
            "teras {} - TERAS-LANG, Rust run dynamically. Type :help for help, :quit to leave.\n",
            env!("CARGO_PKG_VERSION")
        ));
    }
    if !interrupt::install() {
        render::eprint_all("warning: cannot install the Ctrl-C handler; Ctrl-C will end teras\n");
    }

    loop {
        let input = match read_input(&mut editor) {
            Read::Input(input) => input,
            Read::Cancelled => continue,
            Read::Eof => return 0,
            Read::Failed(e) => {
                render::eprint_all(&format!("error: cannot read input: {e}\n"));
                return 1;
            }
        };
        if editor.add_history_entry(input.as_str()).unwrap_or(false) {
            if let Some(path) = &history {
                let _ = editor.append_history(path);
            }
        }
        let flow = match meta::parse(&input) {
            Some(command) => {
                let reset = command == meta::Meta::Reset;
                let flow = meta::execute(command, &mut session);
                if reset {
                    // A reset session may have gone back to its default stdout.
                    use_tracking_stdout(&mut session);
                }
                flow
            }
            None => eval_and_print(&mut session, &input).0,
        };
        refresh_names(&mut editor, &session);
        match flow {
            Flow::Continue => {}
            Flow::Quit => return 0,
            Flow::Exit(code) => return code,
        }
    }
}

/// Send the session's program output through `output::TrackingStdout`.
fn use_tracking_stdout(session: &mut Session) {
    let _ = guarded(|| session.set_stdout(Box::new(output::TrackingStdout)));
}

/// Give the completer the names and methods the session knows now.
fn refresh_names(editor: &mut Editor<TerasHelper, DefaultHistory>, session: &Session) {
    if let Some(helper) = editor.helper_mut() {
        if let Some((names, methods)) = guarded(|| (session.names(), session.method_names())) {
            helper.set_names(names, methods);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_survives_a_panic() {
        assert_eq!(guarded(|| 7), Some(7));
        let caught: Option<i32> = guarded(|| panic!("interpreter bug"));
        assert_eq!(caught, None);
    }

    #[test]
    fn meta_and_code_completeness() {
        assert!(is_complete(":vars"));
        assert!(is_complete(":load some file.rs"));
        assert!(!is_complete(":type vec![1,"));
        assert!(is_complete(":type vec![1,\n2]"));
        assert!(!is_complete("fn f() {"));
        assert!(is_complete("fn f() {\n}"));
        assert!(!is_complete("let s = \"abc"));
    }
}
