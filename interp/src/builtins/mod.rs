//! The std library subset: native methods and the TERAS prelude.
