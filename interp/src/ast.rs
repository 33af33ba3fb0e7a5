//! The syntax tree of TERAS-LANG: Rust's syntax, with a span on every node.
//!
//! The parser (`syntax::parser`) builds it; the compiler (`compile`) reads it. Nothing here
//! knows about values or bytecode. Spans are byte offsets into the one source text the tree
//! was parsed from (a file, or one REPL input).

use std::fmt;

/// A byte range `lo..hi` in the source text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub lo: u32,
    pub hi: u32,
}

impl Span {
    pub const DUMMY: Span = Span { lo: 0, hi: 0 };
    pub fn new(lo: usize, hi: usize) -> Span {
        Span { lo: lo as u32, hi: hi as u32 }
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }
    pub fn len(self) -> usize {
        (self.hi - self.lo) as usize
    }
    pub fn is_empty(self) -> bool {
        self.hi == self.lo
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.lo, self.hi)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.lo as usize, s.len()).into()
    }
}

/// Identifies an expression within one parse; assigned by the parser in order, so side tables
/// of the compiler (inferred types) can be keyed by it.
pub type NodeId = u32;

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// `a::b::<T>::c`. `segments` is never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Path {
    pub segments: Vec<PathSegment>,
    /// Written with a leading `::`.
    pub global: bool,
    pub span: Span,
    /// `<T as Trait>::...` or `<T>::...`: the qualified self type. `segments` then holds
    /// `T`'s own segments (when `T` is a named type) followed by the segments after `>`.
    pub qself: Option<Box<QSelf>>,
}

/// The `<ty as trait_>` prefix of a qualified path (`trait_` is `None` for `<ty>::...`).
#[derive(Clone, Debug, PartialEq)]
pub struct QSelf {
    pub ty: Type,
    pub trait_: Option<Path>,
}

impl Path {
    pub fn last(&self) -> &PathSegment {
        self.segments.last().expect("paths are never empty")
    }
    /// `Some(name)` when the path is a single plain identifier with no generics.
    pub fn as_ident(&self) -> Option<&str> {
        match self.segments.as_slice() {
            [seg] if seg.generics.is_none() && !self.global => Some(&seg.ident.name),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PathSegment {
    pub ident: Ident,
    /// `<T, U>` in a type, or `::<T, U>` (turbofish) in an expression.
    pub generics: Option<Vec<Type>>,
}

// ---------------------------------------------------------------------------------------------
// Types

#[derive(Clone, Debug, PartialEq)]
pub struct Type {
    pub kind: TypeKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeKind {
    /// `i32`, `Vec<T>`, `std::collections::HashMap<K, V>`, `Self`, `T`.
    Path(Path),
    /// `&'a T`, `&mut T` (lifetimes are parsed and dropped).
    Ref { mutable: bool, inner: Box<Type> },
    /// `*const T`, `*mut T`.
    Ptr { mutable: bool, inner: Box<Type> },
    /// `()`, `(A, B)`.
    Tuple(Vec<Type>),
    /// `[T; N]`.
    Array(Box<Type>, Box<Expr>),
    /// `[T]`.
    Slice(Box<Type>),
    /// `fn(A) -> B`, and the `Fn(A) -> B` / `FnMut` / `FnOnce` sugar inside bounds.
    Fn { params: Vec<Type>, ret: Option<Box<Type>> },
    /// `impl Trait + Send`.
    ImplTrait(Vec<Bound>),
    /// `dyn Trait + Send`.
    DynTrait(Vec<Bound>),
    /// `_`.
    Infer,
    /// `!`.
    Never,
}

/// A trait bound: `Clone`, `Iterator<Item = u32>`, `Fn(i32) -> i32`, `?Sized`, `'a`.
#[derive(Clone, Debug, PartialEq)]
pub struct Bound {
    pub path: Path,
    /// `Fn(A, B) -> R` sugar: the parameter types and the return type.
    pub fn_sugar: Option<(Vec<Type>, Option<Box<Type>>)>,
    /// `Item = u32` associated type bindings.
    pub assoc: Vec<(Ident, Type)>,
    /// `?Sized`.
    pub maybe: bool,
    /// A lifetime bound `'a` (path holds the lifetime name without the quote).
    pub lifetime: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Generics {
    pub params: Vec<GenericParam>,
    pub where_clause: Vec<WherePredicate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GenericParam {
    pub name: Ident,
    pub kind: GenericParamKind,
    pub bounds: Vec<Bound>,
}

// Few of these exist (one per generic parameter), so boxing the big variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum GenericParamKind {
    Lifetime,
    Type { default: Option<Type> },
    Const { ty: Type, default: Option<Expr> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct WherePredicate {
    pub ty: Type,
    pub bounds: Vec<Bound>,
    pub span: Span,
}

// ---------------------------------------------------------------------------------------------
// Items

/// One parsed source: a file, or one REPL input. A REPL input may also hold statements and a
/// trailing expression at top level; the parser puts them in `stmts` (files have none).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SourceFile {
    pub items: Vec<Item>,
    /// Top-level statements (REPL only), in order, interleaved with nothing: items are hoisted.
    pub stmts: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attr {
    /// `derive`, `allow`, `test`, `inline`, `repr`, ...
    pub name: String,
    /// The comma-separated words inside the parentheses, as written (`Debug`, `Clone`, ...).
    /// Empty for `#[test]`. For `#[name = "value"]` holds the value.
    pub args: Vec<String>,
    /// `#![...]` inner attribute.
    pub inner: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    pub attrs: Vec<Attr>,
    pub public: bool,
    pub span: Span,
}

impl Item {
    /// The names in `#[derive(...)]` attributes.
    pub fn derives(&self) -> impl Iterator<Item = &str> {
        self.attrs.iter().filter(|a| a.name == "derive").flat_map(|a| a.args.iter().map(String::as_str))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ItemKind {
    Fn(FnDecl),
    Struct(StructDecl),
    Enum(EnumDecl),
    Impl(ImplDecl),
    Trait(TraitDecl),
    Const(ConstDecl),
    Static(StaticDecl),
    TypeAlias(TypeAlias),
    Use(UseTree),
    Mod(ModDecl),
    /// `extern crate x;` and other items accepted and ignored.
    Ignored,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FnDecl {
    pub name: Ident,
    pub generics: Generics,
    pub self_param: Option<SelfParam>,
    pub params: Vec<Param>,
    pub ret: Option<Type>,
    /// `None` for a required trait method (`fn f(&self);`).
    pub body: Option<Block>,
    pub is_async: bool,
    pub is_unsafe: bool,
    pub is_const: bool,
    /// The span of the signature, `fn` to the end of the return type.
    pub sig_span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfKind {
    /// `self` / `mut self`
    Value,
    /// `&self`
    Ref,
    /// `&mut self`
    RefMut,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SelfParam {
    pub kind: SelfKind,
    /// `mut self`.
    pub mutable: bool,
    /// An explicit type, as in `self: Box<Self>` or `self: Pin<&mut Self>`.
    pub ty: Option<Type>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub pat: Pat,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructDecl {
    pub name: Ident,
    pub generics: Generics,
    pub fields: Fields,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Fields {
    /// `struct S { a: T }`, `V { a: T }`.
    Named(Vec<FieldDecl>),
    /// `struct S(T, U);`, `V(T, U)`. The fields are named `0`, `1`, ...
    Tuple(Vec<FieldDecl>),
    /// `struct S;`, `V`.
    Unit,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldDecl {
    /// For tuple fields, the index as a string (`"0"`).
    pub name: Ident,
    pub ty: Type,
    pub public: bool,
    pub attrs: Vec<Attr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumDecl {
    pub name: Ident,
    pub generics: Generics,
    pub variants: Vec<Variant>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub name: Ident,
    pub fields: Fields,
    /// `A = 3`.
    pub discriminant: Option<Expr>,
    pub attrs: Vec<Attr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImplDecl {
    pub generics: Generics,
    /// `impl Trait for T`: the trait. `None` for an inherent impl.
    pub trait_: Option<Path>,
    /// `impl !Send for T {}`.
    pub negative: bool,
    pub is_unsafe: bool,
    pub self_ty: Type,
    /// Functions, associated consts and associated types.
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TraitDecl {
    pub name: Ident,
    pub generics: Generics,
    pub supertraits: Vec<Bound>,
    pub is_unsafe: bool,
    /// Methods (with or without a default body), consts and associated types.
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstDecl {
    pub name: Ident,
    /// Absent only for an associated const in a trait that gives no type (not valid Rust).
    pub ty: Option<Type>,
    /// `None` for `const N: usize;` in a trait.
    pub value: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StaticDecl {
    pub name: Ident,
    pub ty: Type,
    pub mutable: bool,
    pub value: Expr,
}

/// `type A<T> = B<T>;`, and `type Item = u32;` / `type Item;` in traits and impls.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeAlias {
    pub name: Ident,
    pub generics: Generics,
    pub bounds: Vec<Bound>,
    pub ty: Option<Type>,
}

/// `use a::b::{c, d as e, f::*};`
#[derive(Clone, Debug, PartialEq)]
pub struct UseTree {
    /// The path before this tree's tail (`a::b` above).
    pub prefix: Vec<Ident>,
    pub kind: UseTreeKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum UseTreeKind {
    /// `a::b` or `a::b as c`: the last segment is the last element of `prefix`.
    Simple { rename: Option<Ident> },
    /// `a::*`.
    Glob,
    /// `a::{...}`.
    Nested(Vec<UseTree>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ModDecl {
    pub name: Ident,
    /// `None` for `mod name;` (an out-of-line module, which teras does not load).
    pub items: Option<Vec<Item>>,
}

// ---------------------------------------------------------------------------------------------
// Statements and blocks

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    /// `unsafe { }`.
    pub is_unsafe: bool,
    pub span: Span,
}

impl Block {
    /// The trailing expression (an expression statement without a semicolon at the end).
    pub fn tail(&self) -> Option<&Expr> {
        match self.stmts.last() {
            Some(Stmt { kind: StmtKind::Expr(e, false), .. }) => Some(e),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `let pat: ty = init else { diverge };`
    Let { pat: Pat, ty: Option<Type>, init: Option<Expr>, else_: Option<Block> },
    Item(Box<Item>),
    /// An expression; the bool says whether a `;` followed it. Block-like expressions
    /// (`if`, `match`, `loop`, ...) in statement position without `;` have `false` only when
    /// they are the block's last statement.
    Expr(Expr, bool),
    /// A lone `;`.
    Empty,
}

// ---------------------------------------------------------------------------------------------
// Expressions

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    pub id: NodeId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    BitXor,
    BitAnd,
    BitOr,
    Shl,
    Shr,
    Eq,
    Lt,
    Le,
    Ne,
    Ge,
    Gt,
}

impl BinOp {
    pub fn as_str(self) -> &'static str {
        use BinOp::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Rem => "%",
            And => "&&",
            Or => "||",
            BitXor => "^",
            BitAnd => "&",
            BitOr => "|",
            Shl => "<<",
            Shr => ">>",
            Eq => "==",
            Lt => "<",
            Le => "<=",
            Ne => "!=",
            Ge => ">=",
            Gt => ">",
        }
    }
    pub fn is_comparison(self) -> bool {
        matches!(self, BinOp::Eq | BinOp::Lt | BinOp::Le | BinOp::Ne | BinOp::Ge | BinOp::Gt)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `*x`
    Deref,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LitKind {
    /// The value, and the suffix if written (`u8`, `i64`, `usize`, `f64`...). An integer
    /// literal with an `f32`/`f64` suffix (`1f64`) is an `Int` with that suffix.
    Int(u128, Option<String>),
    /// The text as written without underscores and suffix (so `1e3`, `2.5`), and the suffix.
    Float(String, Option<String>),
    Str(String),
    ByteStr(Vec<u8>),
    Char(char),
    Byte(u8),
    Bool(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lit {
    pub kind: LitKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldInit {
    /// The field name (`"0"` for `S { 0: x }`).
    pub name: Ident,
    /// For the shorthand `S { a }`, a path expression naming `a`.
    pub expr: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arm {
    pub pat: Pat,
    pub guard: Option<Expr>,
    pub body: Expr,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClosureParam {
    pub pat: Pat,
    pub ty: Option<Type>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Lit(Lit),
    /// A variable, a function, a const, a unit struct or enum variant: resolved by the compiler.
    Path(Path),
    Unary(UnOp, Box<Expr>),
    /// `&e`, `&mut e`.
    Ref { mutable: bool, expr: Box<Expr> },
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `place = value`.
    Assign(Box<Expr>, Box<Expr>),
    /// `place op= value`.
    AssignOp(BinOp, Box<Expr>, Box<Expr>),
    /// `f(args)`, `Type::method(args)`, `Variant(args)`, `(closure)(args)`.
    Call(Box<Expr>, Vec<Expr>),
    /// `receiver.method::<T>(args)`.
    MethodCall { receiver: Box<Expr>, method: Ident, turbofish: Option<Vec<Type>>, args: Vec<Expr> },
    /// `e.name`.
    Field(Box<Expr>, Ident),
    /// `e.0`.
    TupleField(Box<Expr>, u32, Span),
    /// `e[i]`.
    Index(Box<Expr>, Box<Expr>),
    /// `a..b`, `a..`, `..b`, `..`, `a..=b`, `..=b`.
    Range { start: Option<Box<Expr>>, end: Option<Box<Expr>>, inclusive: bool },
    /// `()` is `Tuple(vec![])`. `(e)` is `Paren`; `(e,)` is a one-element tuple.
    Tuple(Vec<Expr>),
    Paren(Box<Expr>),
    /// `[a, b, c]`.
    Array(Vec<Expr>),
    /// `[e; n]`.
    ArrayRepeat(Box<Expr>, Box<Expr>),
    /// `Path { a: 1, b, ..base }`.
    Struct { path: Path, fields: Vec<FieldInit>, base: Option<Box<Expr>> },
    Block(Block),
    /// `async { }` / `async move { }`.
    Async { is_move: bool, body: Block },
    /// `e.await`.
    Await(Box<Expr>),
    /// `if cond { } else ...`. `cond` may be, or contain joined by `&&`, `Let` expressions
    /// (`if let`, let chains). `else_` is a `Block` or another `If` expression.
    If { cond: Box<Expr>, then: Block, else_: Option<Box<Expr>> },
    /// `let pat = e`, only inside `if` and `while` conditions.
    Let(Box<Pat>, Box<Expr>),
    While { label: Option<Ident>, cond: Box<Expr>, body: Block },
    Loop { label: Option<Ident>, body: Block },
    For { label: Option<Ident>, pat: Box<Pat>, iter: Box<Expr>, body: Block },
    /// A labelled block `'a: { ... }`.
    LabeledBlock { label: Ident, body: Block },
    Match { scrutinee: Box<Expr>, arms: Vec<Arm> },
    Closure { is_move: bool, params: Vec<ClosureParam>, ret: Option<Type>, body: Box<Expr> },
    Break { label: Option<Ident>, value: Option<Box<Expr>> },
    Continue { label: Option<Ident> },
    Return(Option<Box<Expr>>),
    /// `e?`.
    Try(Box<Expr>),
    /// `e as T`.
    Cast(Box<Expr>, Type),
    Macro(MacroCall),
    /// Where the parser recovered from an error; the diagnostic was already reported.
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MacroCall {
    /// `println`, `vec`, `format`, ... (the last path segment, without `!`).
    pub name: Ident,
    pub args: MacroArgs,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MacroArgs {
    /// `println!`, `print!`, `eprintln!`, `eprint!`, `format!`, `panic!`, `write!`,
    /// `writeln!`, `unreachable!`, `todo!`, `unimplemented!`, and the message part of
    /// `assert!`-family macros.
    ///
    /// `target` is the first argument of `write!`/`writeln!`. `fmt` is `None` when no format
    /// string was given (`println!()`, `panic!()`). `leading` holds the arguments that come
    /// before the format string in `assert!(cond, "...")` (one) and `assert_eq!(a, b, "...")`
    /// (two).
    Format { target: Option<Box<Expr>>, leading: Vec<Expr>, fmt: Option<Lit>, args: Vec<FmtArg> },
    /// `vec![a, b]`, `dbg!(a, b)`, `assert!(c)` without message, and unknown macros.
    Exprs(Vec<Expr>),
    /// `vec![e; n]`.
    Repeat(Box<Expr>, Box<Expr>),
    /// `matches!(e, pat if guard)`.
    Matches { expr: Box<Expr>, pat: Box<Pat>, guard: Option<Box<Expr>> },
    /// `select! { recv(r) -> msg => body, send(s, v) -> res => body, default(t) => body }`
    /// (crossbeam-channel's syntax; compiled by `compile/select.rs`).
    Select(Vec<SelectArm>),
}

/// One arm of `select!`.
#[derive(Clone, Debug, PartialEq)]
pub struct SelectArm {
    pub op: SelectOp,
    /// The pattern after `->` (the operation's result); `None` when absent (`default`).
    pub pat: Option<Pat>,
    pub body: Expr,
    pub span: Span,
}

// One per `select!` arm, built once at parse time: boxing `Send`'s two expressions buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum SelectOp {
    /// `recv(receiver)`.
    Recv(Expr),
    /// `send(sender, message)`: the message is evaluated only when this arm is chosen.
    Send(Expr, Expr),
    /// `default` (never wait), or `default(timeout)` (wait at most `timeout`, a `Duration`).
    Default(Option<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FmtArg {
    /// `name = expr`.
    pub name: Option<Ident>,
    pub expr: Expr,
}

// ---------------------------------------------------------------------------------------------
// Patterns

#[derive(Clone, Debug, PartialEq)]
pub struct Pat {
    pub kind: PatKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldPat {
    pub name: Ident,
    /// For the shorthand `S { a }` / `S { ref mut a }`, an `Ident` pattern binding `a`.
    pub pat: Pat,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatKind {
    /// `_`.
    Wild,
    /// `..` inside tuple, tuple-struct and slice patterns.
    Rest,
    /// `x`, `mut x`, `ref x`, `ref mut x`, `x @ sub`. A lone identifier that names a unit
    /// struct, unit variant or const (`None`, `MAX`) is parsed as this too; the compiler
    /// resolves it.
    Ident { by_ref: bool, mutable: bool, name: Ident, sub: Option<Box<Pat>> },
    /// A literal, possibly negative (`-1`): a `Lit` or `Unary(Neg, Lit)` expression.
    Lit(Box<Expr>),
    /// `a..=b`, `a..b`, `a..`, `..=b`. Bounds are literal or path expressions.
    Range { lo: Option<Box<Expr>>, hi: Option<Box<Expr>>, inclusive: bool },
    /// `(a, b, ..)`.
    Tuple(Vec<Pat>),
    /// `Some(x)`, `Point(a, b)`.
    TupleStruct { path: Path, elems: Vec<Pat> },
    /// `Point { x, y: 0, .. }`.
    Struct { path: Path, fields: Vec<FieldPat>, rest: bool },
    /// `None`, `Color::Red`, `i32::MAX` (multi-segment paths; single identifiers are `Ident`).
    Path(Path),
    /// `[a, b, rest @ .., z]`.
    Slice(Vec<Pat>),
    /// `a | b`.
    Or(Vec<Pat>),
    /// `&p`, `&mut p`.
    Ref { mutable: bool, pat: Box<Pat> },
    /// `box p` is not supported; recovery placeholder after a parse error.
    Error,
}
