//===- PassSupport.h - small helpers several lowering passes share -*- C++ -*-===//
//
// Where an instruction came from, for diagnostics that name the user's
// line; which OpenCL C built-ins make code run in step with its work-group
// (barriers and work-item queries, by their mangled names as
// cuport/device_builtins.h calls them); and the rewrite that takes
// `extern __shared__ T buf[]` off its zero-length array type.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_PASSSUPPORT_H
#define CUPORT_LOWERING_PASSSUPPORT_H

#include "LoweringPasses.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/Instruction.h"

#include <string>

namespace cuport {
namespace lowering {

/// "file:line:col: " of \p I when Clang recorded its location, else "".
std::string sourceLocation(const llvm::Instruction *I);

/// barrier() or work_group_barrier(), any overload.
bool isWorkGroupBarrier(const llvm::Function &F);

/// An OpenCL work-item query (get_local_id, get_group_id, ...).
bool isWorkItemQuery(const llvm::Function &F);

/// Replaces \p Old, a `[0 x T] addrspace(N)*` value, by \p New, a `T
/// addrspace(N)*` to the same address, in all its users (instructions). A
/// zero-length array has size 0, so a GEP's first index over it moves
/// nothing and is dropped; casts are redone on the element pointer and
/// followed. SPIR-V has no zero-length arrays. False (reported to
/// \p Errors) for a user it cannot rewrite.
bool replaceZeroLengthArray(llvm::Value *Old, llvm::Value *New, const ErrorSink &Errors);

} // namespace lowering
} // namespace cuport

#endif
