//===- CallCycle.h - find recursion among device functions -----*- C++ -*-===//
//
// Passes that inline functions into kernels must first know that inlining
// ends: a call cycle never does. findRecursiveCall walks the direct calls
// from a set of functions and returns one call that closes a cycle.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_CALLCYCLE_H
#define CUPORT_LOWERING_CALLCYCLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/InstrTypes.h"

namespace cuport {
namespace lowering {

/// A call, reached from \p Roots through callees that \p Follow accepts,
/// whose callee is already on the path; null when there is none.
llvm::CallBase *findRecursiveCall(llvm::ArrayRef<llvm::Function *> Roots,
                                  llvm::function_ref<bool(const llvm::Function &)> Follow);

} // namespace lowering
} // namespace cuport

#endif
