//! The stackless virtual machine.
