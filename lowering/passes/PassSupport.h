//===- PassSupport.h - small helpers several lowering passes share -*- C++ -*-===//
//
// Where an instruction came from, for diagnostics that name the user's
// line, and which OpenCL C built-ins make code run in step with its
// work-group (barriers and work-item queries, by their mangled names as
// cuport/device_builtins.h calls them).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_PASSSUPPORT_H
#define CUPORT_LOWERING_PASSSUPPORT_H

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

} // namespace lowering
} // namespace cuport

#endif
