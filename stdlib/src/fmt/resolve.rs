//! Resolution of a parsed format string against a macro's arguments, with rustc's checks.
//!
//! The arguments of `format!("...", a, b, x = c)` are numbered as rustc numbers them:
//! positional ones first (`0`, `1`), then named ones (`2` for `x`), then every name used in
//! the string that is no explicit argument becomes a *capture* of the variable of that name
//! (`{y}` alone: index `3`, listed in [`Template::captures`]). Each placeholder of the
//! resulting [`Template`] names one argument index and carries its [`Spec`]; widths and
//! precisions taken from arguments (`{:1$}`, `{:.*}`, `{:w$}`) are argument indices too,
//! whose values (a `usize`) are put into the spec at run time.
//!
//! Errors are reported as rustc reports them: unknown format traits, invalid references
//! (`invalid reference to positional argument 5 (there is 1 argument)` or `2 positional
//! arguments in format string, but there is 1 argument`), unused arguments and redundant
//! ones (`format!("{x}", x)`), duplicate names.

use super::parse::{parse_format, Count, FmtError, Piece, Position};
use super::spec::{Spec, Trait};
use std::ops::Range;

/// A format string resolved against its arguments.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub pieces: Vec<TPiece>,
    /// Variables captured by name, in order: argument index `explicit + i` is `captures[i]`,
    /// where `explicit` is the number of positional and named arguments given.
    pub captures: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TPiece {
    Lit(String),
    Arg(Placeholder),
}

/// One placeholder, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Placeholder {
    /// Index of the argument to format.
    pub arg: usize,
    /// The options; `width`/`precision` are filled when they are literals.
    pub spec: Spec,
    /// The width comes from this argument (a `usize`) at run time.
    pub width_arg: Option<usize>,
    /// The precision comes from this argument (a `usize`) at run time.
    pub precision_arg: Option<usize>,
    /// Span of `{...}` in the format string.
    pub span: Range<usize>,
}

impl Placeholder {
    /// The spec with the run-time width and precision (read from `width_arg` and
    /// `precision_arg` by the caller) filled in.
    pub fn spec_with(&self, width: Option<usize>, precision: Option<usize>) -> Spec {
        let mut spec = self.spec.clone();
        if self.width_arg.is_some() {
            spec.width = width;
        }
        if self.precision_arg.is_some() {
            spec.precision = precision;
        }
        spec
    }
}

/// What the compiler knows of a macro's explicit arguments.
#[derive(Clone, Debug, Default)]
pub struct MacroArgs<'a> {
    /// One entry per positional argument: `Some(name)` when the expression is a bare variable
    /// (`format!("{x}", x)` is then reported as redundant, as rustc does).
    pub positional: Vec<Option<&'a str>>,
    /// The names of the `name = expr` arguments, in order.
    pub named: Vec<&'a str>,
}

impl<'a> MacroArgs<'a> {
    pub fn new(n_positional: usize, named: &[&'a str]) -> MacroArgs<'a> {
        MacroArgs {
            positional: vec![None; n_positional],
            named: named.to_vec(),
        }
    }
    fn len(&self) -> usize {
        self.positional.len() + self.named.len()
    }
    fn is_named(&self, index: usize) -> bool {
        index >= self.positional.len()
    }
}

/// Parses and resolves in one step: `n_positional` positional arguments and the names of the
/// named ones. All errors found are returned (rustc reports several for one string).
pub fn compile_format(
    s: &str,
    n_positional: usize,
    named: &[&str],
) -> Result<Template, Vec<FmtError>> {
    let pieces = parse_format(s).map_err(|e| vec![e])?;
    resolve(&pieces, s.len(), &MacroArgs::new(n_positional, named))
}

/// The kind of reference, as rustc tracks it for its invalid-reference message.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Implicit,
    Number,
    Named,
}

struct Resolver<'a, 'b> {
    args: &'b MacroArgs<'a>,
    used: Vec<bool>,
    captures: Vec<String>,
    /// (index, span of the reference) of references to arguments that do not exist.
    invalid: Vec<(usize, Range<usize>)>,
}

impl Resolver<'_, '_> {
    fn lookup_index(&mut self, index: usize, span: Range<usize>) -> usize {
        if index < self.args.len() {
            self.used[index] = true;
        } else {
            self.invalid.push((index, span));
        }
        index
    }
    fn lookup_name(&mut self, name: &str) -> usize {
        if let Some(i) = self.args.named.iter().position(|n| *n == name) {
            let index = self.args.positional.len() + i;
            self.used[index] = true;
            return index;
        }
        let explicit = self.args.len();
        if let Some(i) = self.captures.iter().position(|n| n == name) {
            return explicit + i;
        }
        self.captures.push(name.to_string());
        explicit + self.captures.len() - 1
    }
    fn lookup_count(
        &mut self,
        count: &Count,
        span: Range<usize>,
    ) -> (Option<usize>, Option<usize>) {
        match count {
            Count::Is(n) => (Some(*n), None),
            Count::Name(name, _) => (None, Some(self.lookup_name(name))),
            Count::Param(i) | Count::Star(i) => (None, Some(self.lookup_index(*i, span))),
        }
    }
}

const FLAGS_NOTE: &str =
    "for information about formatting flags, visit https://doc.rust-lang.org/std/fmt/index.html";

/// Resolves parsed pieces against the arguments. `fmt_len` is the format string's length
/// (errors about the whole string span `0..fmt_len`).
pub fn resolve(
    pieces: &[Piece],
    fmt_len: usize,
    args: &MacroArgs<'_>,
) -> Result<Template, Vec<FmtError>> {
    let mut errors = duplicate_names(args, fmt_len);
    let mut r = Resolver {
        args,
        used: vec![false; args.len()],
        captures: Vec::new(),
        invalid: Vec::new(),
    };
    // A duplicate name is dropped by rustc (never "unused").
    for e in &errors {
        if let Some(&dup) = e.args.first() {
            if let Some(u) = r.used.get_mut(dup) {
                *u = true;
            }
        }
    }
    let mut out = Vec::new();
    // Per placeholder: (kind of its argument reference, span, whether `.*`, any option set,
    // whether a count is a numbered `N$`).
    let mut infos = Vec::new();
    for piece in pieces {
        let a = match piece {
            Piece::Lit(s) => {
                match out.last_mut() {
                    Some(TPiece::Lit(prev)) => prev.push_str(s),
                    _ => out.push(TPiece::Lit(s.clone())),
                }
                continue;
            }
            Piece::Arg(a) => a,
        };
        let (arg, kind) = match &a.position {
            Position::Implicit(i) => (r.lookup_index(*i, a.span.clone()), RefKind::Implicit),
            Position::Index(i) => (r.lookup_index(*i, a.position_span.clone()), RefKind::Number),
            Position::Name(n) => (r.lookup_name(n), RefKind::Named),
        };
        let trait_ = match Trait::from_type(&a.ty) {
            Some(t) => t,
            None => {
                errors.push(unknown_trait(
                    &a.ty,
                    a.ty_span.clone().unwrap_or(0..fmt_len),
                ));
                Trait::Display
            }
        };
        let precision_span = a.precision_span.clone().unwrap_or(a.span.clone());
        let (precision, precision_arg) = match &a.precision {
            Some(c) => r.lookup_count(c, precision_span.clone()),
            None => (None, None),
        };
        let width_span = a.width_span.clone().unwrap_or(a.span.clone());
        let (width, width_arg) = match &a.width {
            Some(c) => r.lookup_count(c, width_span),
            None => (None, None),
        };
        let spec = Spec {
            fill: a.fill.unwrap_or(' '),
            align: a.align,
            sign: a.sign,
            alternate: a.alternate,
            zero_pad: a.zero_pad,
            debug_hex: a.debug_hex,
            width,
            precision,
            trait_,
        };
        let has_options = a.fill.is_some()
            || a.align.is_some()
            || a.sign.is_some()
            || a.alternate
            || a.zero_pad
            || a.debug_hex.is_some()
            || a.width.is_some()
            || a.precision.is_some();
        let star = match a.precision {
            Some(Count::Star(i)) => Some((i, precision_span)),
            _ => None,
        };
        let numbered_count = matches!(a.precision, Some(Count::Param(_)))
            || matches!(a.width, Some(Count::Param(_)));
        infos.push(PlaceholderInfo {
            kind,
            span: a.span.clone(),
            star,
            has_options,
            numbered_count,
        });
        out.push(TPiece::Arg(Placeholder {
            arg,
            spec,
            width_arg,
            precision_arg,
            span: a.span.clone(),
        }));
    }

    if !r.invalid.is_empty() {
        errors.push(invalid_references(&r.invalid, &infos, args.len()));
    }
    let unused: Vec<usize> = (0..args.len()).filter(|&i| !r.used[i]).collect();
    if !unused.is_empty() {
        errors.push(unused_arguments(
            &unused,
            &r.used,
            args,
            pieces,
            fmt_len,
            r.invalid.is_empty(),
        ));
    }
    if errors.is_empty() {
        Ok(Template {
            pieces: out,
            captures: r.captures,
        })
    } else {
        Err(errors)
    }
}

struct PlaceholderInfo {
    kind: RefKind,
    span: Range<usize>,
    /// `.*`: its implicit index and the span of `.*`.
    star: Option<(usize, Range<usize>)>,
    has_options: bool,
    numbered_count: bool,
}

fn duplicate_names(args: &MacroArgs<'_>, fmt_len: usize) -> Vec<FmtError> {
    let mut errors = Vec::new();
    for (i, name) in args.named.iter().enumerate() {
        if let Some(first) = args.named[..i].iter().position(|n| n == name) {
            let mut e = FmtError::at(0..fmt_len, format!("duplicate argument named `{name}`"))
                .label("duplicate argument");
            e.args = vec![args.positional.len() + i, args.positional.len() + first];
            errors.push(e);
        }
    }
    errors
}

fn unknown_trait(ty: &str, span: Range<usize>) -> FmtError {
    let mut note = String::from("the only appropriate formatting traits are:");
    for (t, name) in [
        ("", "Display"),
        ("?", "Debug"),
        ("e", "LowerExp"),
        ("E", "UpperExp"),
        ("o", "Octal"),
        ("p", "Pointer"),
        ("b", "Binary"),
        ("x", "LowerHex"),
        ("X", "UpperHex"),
    ] {
        note.push_str(&format!("\n- `{t}`, which uses the `{name}` trait"));
    }
    FmtError::at(span, format!("unknown format trait `{ty}`")).help(note)
}

fn arguments_desc(n: usize) -> String {
    match n {
        0 => "no arguments were given".to_string(),
        1 => "there is 1 argument".to_string(),
        n => format!("there are {n} arguments"),
    }
}

fn invalid_references(
    invalid: &[(usize, Range<usize>)],
    infos: &[PlaceholderInfo],
    n_args: usize,
) -> FmtError {
    let desc = arguments_desc(n_args);
    let any_numbered = infos
        .iter()
        .any(|p| p.kind == RefKind::Number || p.numbered_count);
    let mut e;
    if !any_numbered {
        // Only implicit positions: count how many the string wants.
        let mut spans = Vec::new();
        let mut wanted = 0;
        for p in infos {
            let mut counted = false;
            if p.star.is_some() {
                wanted += 1;
                counted = true;
            }
            if p.kind == RefKind::Implicit {
                wanted += 1;
                counted = true;
            }
            if counted {
                spans.push(p.span.clone());
            }
        }
        let plural = if wanted == 1 { "argument" } else { "arguments" };
        e = FmtError::at(
            spans.first().cloned().unwrap_or(0..0),
            format!("{wanted} positional {plural} in format string, but {desc}"),
        );
        if !spans.is_empty() {
            e.spans = spans;
        }
        let expected = if wanted == 1 {
            "is 1 argument".to_string()
        } else {
            format!("are {wanted} arguments")
        };
        let mut has_star = false;
        for p in infos {
            if let Some((index, span)) = &p.star {
                has_star = true;
                e.secondary = Some((
                    span.clone(),
                    format!(
                        "this precision flag adds an extra required argument at position {index}, which is why there {expected} expected"
                    ),
                ));
            }
        }
        if has_star {
            e.help = Some("positional arguments are zero-based".into());
        }
    } else {
        let mut indexes: Vec<usize> = invalid.iter().map(|(i, _)| *i).collect();
        indexes.sort_unstable();
        indexes.dedup();
        let list = listify(&indexes);
        let plural = if indexes.len() == 1 {
            "argument"
        } else {
            "arguments"
        };
        let spans: Vec<Range<usize>> = invalid.iter().map(|(_, s)| s.clone()).collect();
        e = FmtError::at(
            spans.first().cloned().unwrap_or(0..0),
            format!("invalid reference to positional {plural} {list} ({desc})"),
        );
        e.spans = spans;
        e.help = Some("positional arguments are zero-based".into());
    }
    if infos.iter().any(|p| p.has_options) {
        if e.help.is_none() {
            e.help = Some(FLAGS_NOTE.into());
        } else {
            e.notes.push(FLAGS_NOTE.into());
        }
    }
    e
}

/// `5`, `5 and 6`, `5, 6 and 7`.
fn listify(items: &[usize]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
            format!("{} and {last}", rest.join(", "))
        }
    }
}

fn unused_arguments(
    unused: &[usize],
    used: &[bool],
    args: &MacroArgs<'_>,
    pieces: &[Piece],
    fmt_len: usize,
    no_invalid_refs: bool,
) -> FmtError {
    // `format!("{x}", x)`: the argument is redundant, the placeholder captures `x` already.
    let named_placeholders: Vec<(&str, Range<usize>)> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Arg(a) => match &a.position {
                Position::Name(n) => Some((n.as_str(), a.position_span.clone())),
                _ => None,
            },
            Piece::Lit(_) => None,
        })
        .collect();
    let mut redundant = Vec::new();
    let mut redundant_spans: Vec<Range<usize>> = Vec::new();
    for (i, ident) in args.positional.iter().enumerate().rev() {
        let Some(ident) = ident else { continue };
        if used[i] {
            continue;
        }
        let matching: Vec<Range<usize>> = named_placeholders
            .iter()
            .filter(|(n, _)| n == ident)
            .map(|(_, s)| s.clone())
            .collect();
        if !matching.is_empty() {
            redundant.push(i);
            for s in matching {
                if !redundant_spans.contains(&s) {
                    redundant_spans.push(s);
                }
            }
        }
    }
    if !redundant.is_empty() {
        let (message, note) = if redundant.len() == 1 {
            (
                "redundant argument",
                "the formatting specifier is referencing the binding already",
            )
        } else {
            (
                "redundant arguments",
                "the formatting specifiers are referencing the bindings already",
            )
        };
        let mut e = FmtError::at(
            redundant_spans.first().cloned().unwrap_or(0..fmt_len),
            message,
        )
        .label("this can be removed")
        .help(note);
        e.spans = redundant_spans;
        e.args = redundant;
        return e;
    }

    let mut e = if let [one] = unused {
        let what = if args.is_named(*one) {
            "named argument never used"
        } else {
            "argument never used"
        };
        let mut e = FmtError::at(0..fmt_len, what).label(what);
        e.secondary = Some((0..fmt_len, "formatting specifier missing".into()));
        e
    } else {
        let mut e = FmtError::at(0..fmt_len, "multiple unused formatting arguments");
        e.label = Some(if unused.iter().all(|&i| args.is_named(i)) {
            "named argument never used".into()
        } else {
            "argument never used".into()
        });
        e.secondary = Some((0..fmt_len, "multiple missing formatting specifiers".into()));
        e
    };
    e.args = unused.to_vec();
    if no_invalid_refs {
        if used.contains(&true) {
            if unused.len() > 1 {
                e.help = Some(format!(
                    "consider adding {} format specifiers",
                    unused.len()
                ));
            }
        } else {
            let what = if unused.len() == 1 {
                "a format specifier".to_string()
            } else {
                format!("{} format specifiers", unused.len())
            };
            e.notes.push(format!(
                "format specifiers use curly braces, consider adding {what}"
            ));
        }
    }
    e
}
