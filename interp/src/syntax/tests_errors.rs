//! Parser error tests: precise diagnostics, recovery with several errors per run, no
//! panics or hangs on hostile input.

use super::*;

fn errors(src: &str) -> Vec<Diagnostic> {
    parse_file(src).1
}

#[test]
fn missing_semicolon_is_reported_and_recovered() {
    let d = errors("fn main() {\n    let x = 1\n    let y = 2;\n    foo(1 2);\n}\nfn g() { let = 3; }\n");
    assert!(d.iter().any(|d| d.message.contains("expected `;`")), "{d:#?}");
    assert!(d.len() >= 2, "{d:#?}");
    assert!(d.iter().all(|d| d.help.is_some()), "{d:#?}");
}
