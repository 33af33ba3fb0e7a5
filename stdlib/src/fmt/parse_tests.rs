//! Format-string parsing and resolution checked against rustc: each error message below is
//! the one rustc 1.95 prints for the same `println!`.

use super::*;

fn err(s: &str, n_positional: usize, named: &[&str]) -> FmtError {
    match compile_format(s, n_positional, named) {
        Ok(t) => panic!("{s:?} should fail, got {t:?}"),
        Err(mut e) => e.swap_remove(0),
    }
}

fn errs(s: &str, n_positional: usize, named: &[&str]) -> Vec<String> {
    match compile_format(s, n_positional, named) {
        Ok(t) => panic!("{s:?} should fail, got {t:?}"),
        Err(e) => e.into_iter().map(|e| e.message).collect(),
    }
}

fn ok(s: &str, n_positional: usize, named: &[&str]) -> Template {
    compile_format(s, n_positional, named).unwrap_or_else(|e| panic!("{s:?}: {e:?}"))
}

/// (argument index, width arg, precision arg) of each placeholder.
fn args_of(t: &Template) -> Vec<(usize, Option<usize>, Option<usize>)> {
    t.pieces
        .iter()
        .filter_map(|p| match p {
            TPiece::Arg(a) => Some((a.arg, a.width_arg, a.precision_arg)),
            TPiece::Lit(_) => None,
        })
        .collect()
}

#[test]
fn literals_and_escapes() {
    let t = ok("a{{b}}c{}d", 1, &[]);
    assert_eq!(t.pieces[0], TPiece::Lit("a{b}c".into()),);
    assert_eq!(t.pieces[2], TPiece::Lit("d".into()));
    assert_eq!(ok("", 0, &[]).pieces, vec![]);
}

#[test]
fn implicit_positions_skip_explicit_ones() {
    // `{0} {}` with (1, 2): `{}` is argument 0, so argument 1 is unused (rustc agrees).
    assert_eq!(err("{0} {}", 2, &[]).message, "argument never used");
    assert_eq!(
        args_of(&ok("{} {1} {} {0}", 2, &[])),
        vec![
            (0, None, None),
            (1, None, None),
            (1, None, None),
            (0, None, None)
        ]
    );
    // `.*` takes the precision first, then the value.
    assert_eq!(
        args_of(&ok("{:.*} {}", 3, &[])),
        vec![(1, None, Some(0)), (2, None, None)]
    );
    assert_eq!(args_of(&ok("{0:.*}", 1, &[])), vec![(0, None, Some(0))]);
    assert_eq!(
        args_of(&ok("{0:1$.2$}", 3, &[])),
        vec![(0, Some(1), Some(2))]
    );
    assert_eq!(args_of(&ok("{:0$}", 1, &[])), vec![(0, Some(0), None)]);
}

#[test]
fn names_and_captures() {
    let t = ok("{a} {x} {a:w$} {}", 1, &["a"]);
    // Explicit: 0 positional, 1 = a; captures: 2 = x, 3 = w.
    assert_eq!(
        args_of(&t),
        vec![
            (1, None, None),
            (2, None, None),
            (1, Some(3), None),
            (0, None, None)
        ]
    );
    assert_eq!(t.captures, vec!["x".to_string(), "w".to_string()]);
    let t = ok("{ \n}", 1, &[]);
    assert_eq!(args_of(&t), vec![(0, None, None)]);
}

#[test]
fn specs() {
    let t = ok("{:*^+#012.3x?}", 1, &[]);
    let TPiece::Arg(p) = &t.pieces[0] else {
        panic!()
    };
    assert_eq!(p.spec.fill, '*');
    assert_eq!(p.spec.align, Some(Align::Center));
    assert_eq!(p.spec.sign, Some(Sign::Plus));
    assert!(p.spec.alternate && p.spec.zero_pad);
    assert_eq!((p.spec.width, p.spec.precision), (Some(12), Some(3)));
    assert_eq!(
        (p.spec.trait_, p.spec.debug_hex),
        (Trait::Debug, Some(DebugHex::Lower))
    );
    assert_eq!(parse_spec(">>5").unwrap().fill, '>');
    assert_eq!(parse_spec("}<5").unwrap().fill, '}');
    assert_eq!(parse_spec(".").unwrap().precision, None);
    assert_eq!(parse_spec("e").unwrap().trait_, Trait::LowerExp);
    assert_eq!(parse_spec("p").unwrap().trait_, Trait::Pointer);
}

#[test]
fn parse_errors_as_rustc() {
    let e = err("{a", 1, &[]);
    assert_eq!(
        e.message,
        "invalid format string: expected `}` but string was terminated"
    );
    assert_eq!((e.offset, e.len), (2, 0));
    assert_eq!(e.label.as_deref(), Some("expected `}` in format string"));
    assert_eq!(
        e.help.as_deref(),
        Some("if you intended to print `{`, you can escape it using `{{`")
    );
    assert_eq!(
        e.secondary,
        Some((0..1, "because of this opening brace".to_string()))
    );

    let e = err("{a b}", 1, &[]);
    assert_eq!(e.message, "invalid format string: expected `}`, found `b`");
    assert_eq!(e.offset, 3);

    let e = err("a}b", 1, &[]);
    assert_eq!(e.message, "invalid format string: unmatched `}` found");
    assert_eq!((e.offset, e.len), (1, 1));
    assert_eq!(
        e.help.as_deref(),
        Some("if you intended to print `}`, you can escape it using `}}`")
    );
    assert_eq!(err("{:}}", 1, &[]).offset, 3);

    let cases: &[(&str, &str)] = &[
        ("{a?}", "invalid format string: expected `}`, found `?`"),
        ("{a?:x}", "invalid format string: expected format parameter to occur after `:`"),
        ("{a>3}", "invalid format string: expected alignment specifier after `:` in format string; example: `{:>?}`"),
        ("{a,}", "invalid format string: python's numeric grouping `,` is not supported in rust format strings"),
        ("{a=}", "invalid format string: python's f-string debug `=` is not supported in rust, use `dbg(x)` instead"),
        ("{a.b}", "invalid format string: field access isn't supported"),
        ("{a.0}", "invalid format string: tuple index access isn't supported"),
        ("{:?#}", "invalid format string: expected `}`, found `#`"),
        ("{:#?x}", "invalid format string: expected `}`, found `x`"),
        ("{_}", "invalid format string: invalid argument name `_`"),
        ("{:99999}", "invalid format string: integer `99999` does not fit into the type `u16` whose range is `0..=65535`"),
        ("{r#a}", "invalid format string: raw identifiers are not supported"),
        ("{0\tx}", "invalid format string: expected `}`, found `x`"),
    ];
    for (s, msg) in cases {
        assert_eq!(err(s, 1, &[]).message, *msg, "for {s:?}");
    }
    let e = err("{a.b}", 0, &[]);
    assert_eq!((e.offset, e.len), (1, 3));
    assert_eq!(
        err("{a?:x}", 0, &[]).help.as_deref(),
        Some("`?` comes after `:`, try `x:?` instead")
    );
}

#[test]
fn argument_errors_as_rustc() {
    assert_eq!(
        errs("{} {}", 1, &[]),
        ["2 positional arguments in format string, but there is 1 argument"]
    );
    assert_eq!(
        errs("{}", 0, &[]),
        ["1 positional argument in format string, but no arguments were given"]
    );
    assert_eq!(errs("{}", 2, &[]), ["argument never used"]);
    assert_eq!(errs("{}", 4, &[]), ["multiple unused formatting arguments"]);
    assert_eq!(err("{}", 4, &[]).args, vec![1, 2, 3]);
    assert_eq!(
        err("{}", 4, &[]).help.as_deref(),
        Some("consider adding 3 format specifiers")
    );
    assert_eq!(
        errs("{5}", 1, &[]),
        [
            "invalid reference to positional argument 5 (there is 1 argument)",
            "argument never used"
        ]
    );
    assert_eq!(
        errs("{0} {1}", 1, &[]),
        ["invalid reference to positional argument 1 (there is 1 argument)"]
    );
    assert_eq!(
        errs("{5} {6} {7:8$}", 1, &[]),
        [
            "invalid reference to positional arguments 5, 6, 7 and 8 (there is 1 argument)",
            "argument never used"
        ]
    );
    let e = err("{:.*}", 1, &[]);
    assert_eq!(
        e.message,
        "2 positional arguments in format string, but there is 1 argument"
    );
    assert_eq!(
        e.secondary.map(|s| s.1).as_deref(),
        Some("this precision flag adds an extra required argument at position 0, which is why there are 2 arguments expected")
    );
    assert_eq!(
        errs("{:.*} {}", 1, &[]),
        ["3 positional arguments in format string, but there is 1 argument"]
    );
    assert_eq!(
        errs("{} {:.*} {}", 2, &[]),
        ["4 positional arguments in format string, but there are 2 arguments"]
    );
    assert_eq!(
        errs("{:1$}", 1, &[]),
        ["invalid reference to positional argument 1 (there is 1 argument)"]
    );
    assert_eq!(errs("{:z}", 1, &[]), ["unknown format trait `z`"]);
    assert_eq!(errs("{:ab}", 1, &[]), ["unknown format trait `ab`"]);
    assert_eq!(errs("{}", 1, &["b"]), ["named argument never used"]);
    assert_eq!(
        errs("{a} {a}", 0, &["a", "a"]),
        ["duplicate argument named `a`"]
    );
    assert_eq!(
        errs("hello", 3, &[]),
        ["multiple unused formatting arguments"]
    );
    assert_eq!(
        err("hello", 3, &[]).notes,
        ["format specifiers use curly braces, consider adding 3 format specifiers"]
    );
    let args = MacroArgs {
        positional: vec![Some("x")],
        named: vec![],
    };
    let pieces = parse_format("{x}").unwrap();
    let e = resolve(&pieces, 3, &args).unwrap_err();
    assert_eq!(e[0].message, "redundant argument");
    assert_eq!(
        e[0].help.as_deref(),
        Some("the formatting specifier is referencing the binding already")
    );
}
