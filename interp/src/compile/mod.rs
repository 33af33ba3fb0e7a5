//! The compiler: `ast` to bytecode.
