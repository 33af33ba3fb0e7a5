//! The last step of compiling a function: local clean-ups of the finished bytecode, then
//! `FuncProto::seal` (the register bound the dispatch loop relies on).

use crate::vm::bytecode::FuncProto;

/// Finish `proto` before it is stored in the program.
pub(crate) fn finish_proto(proto: &mut FuncProto) {
    proto.seal();
}
