//! `Spec`: the formatting options of one placeholder at run time, what std's `Formatter`
//! carries (fill, alignment, sign, `#`, `0`, width, precision, `x?`/`X?`), plus which
//! formatting trait the placeholder asked for.

/// Which formatting trait a placeholder uses: `{}` Display, `{:?}` Debug, `{:x}` LowerHex...
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Trait {
    #[default]
    Display,
    Debug,
    LowerExp,
    UpperExp,
    Octal,
    Pointer,
    Binary,
    LowerHex,
    UpperHex,
}

impl Trait {
    /// The trait a format type names (`""`, `"?"`, `"x"`...); `None` for an unknown one.
    /// `x?`/`X?` are `Debug` with a [`DebugHex`] flag, see the parser.
    pub fn from_type(ty: &str) -> Option<Trait> {
        Some(match ty {
            "" => Trait::Display,
            "?" => Trait::Debug,
            "e" => Trait::LowerExp,
            "E" => Trait::UpperExp,
            "o" => Trait::Octal,
            "p" => Trait::Pointer,
            "b" => Trait::Binary,
            "x" => Trait::LowerHex,
            "X" => Trait::UpperHex,
            _ => return None,
        })
    }

    /// The Rust trait's name (`"Display"`, `"LowerHex"`...), for diagnostics.
    pub fn name(self) -> &'static str {
        match self {
            Trait::Display => "Display",
            Trait::Debug => "Debug",
            Trait::LowerExp => "LowerExp",
            Trait::UpperExp => "UpperExp",
            Trait::Octal => "Octal",
            Trait::Pointer => "Pointer",
            Trait::Binary => "Binary",
            Trait::LowerHex => "LowerHex",
            Trait::UpperHex => "UpperHex",
        }
    }
}

/// Explicit alignment (`<`, `>`, `^`). No alignment means the type's default: strings and
/// most things left, numbers right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// The `+` or `-` flag. (`-` is accepted and, as in std, has no effect.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    Plus,
    Minus,
}

/// `{:x?}` / `{:X?}`: integers inside Debug output print in hex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DebugHex {
    Lower,
    Upper,
}

/// The largest width or precision std accepts: beyond it `format!` panics with
/// `Formatting argument out of range` (counts are `u16` inside std).
pub const MAX_COUNT: usize = u16::MAX as usize;

/// The options of one formatting call, as std's `Formatter` holds them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spec {
    pub fill: char,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// The `#` flag: alternate form (`0x` prefixes, pretty Debug).
    pub alternate: bool,
    /// The `0` flag: sign-aware zero padding.
    pub zero_pad: bool,
    pub debug_hex: Option<DebugHex>,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    pub trait_: Trait,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            fill: ' ',
            align: None,
            sign: None,
            alternate: false,
            zero_pad: false,
            debug_hex: None,
            width: None,
            precision: None,
            trait_: Trait::Display,
        }
    }
}

impl Spec {
    /// `{}`.
    pub fn display() -> Spec {
        Spec::default()
    }

    /// `{:?}`.
    pub fn debug() -> Spec {
        Spec {
            trait_: Trait::Debug,
            ..Spec::default()
        }
    }

    /// `{:#?}`.
    pub fn pretty_debug() -> Spec {
        Spec {
            trait_: Trait::Debug,
            alternate: true,
            ..Spec::default()
        }
    }

    /// The same options under another trait (what `{:5?}` passes to a Display leaf...).
    pub fn with_trait(&self, trait_: Trait) -> Spec {
        Spec {
            trait_,
            ..self.clone()
        }
    }

    pub fn sign_plus(&self) -> bool {
        self.sign == Some(Sign::Plus)
    }

    /// Debug output over several lines (`{:#?}`).
    pub fn is_pretty(&self) -> bool {
        self.alternate
    }

    /// The width, at most [`MAX_COUNT`] (std refuses more; callers check first, this keeps
    /// a bad spec from allocating without bound).
    pub fn width_limited(&self) -> Option<usize> {
        self.width.map(|w| w.min(MAX_COUNT))
    }

    /// The precision, at most [`MAX_COUNT`] (std's own formatter panics beyond it).
    pub fn precision_limited(&self) -> Option<usize> {
        self.precision.map(|p| p.min(MAX_COUNT))
    }

    /// No width and no precision: padding is a no-op.
    pub fn is_plain(&self) -> bool {
        self.width.is_none() && self.precision.is_none()
    }
}
