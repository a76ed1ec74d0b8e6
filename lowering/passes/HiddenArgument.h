//===- HiddenArgument.h - thread a hidden parameter to its users -*- C++ -*-===//
//
// Some lowerings give kernels an argument the CUDA source never wrote (the
// dynamic shared memory buffer, the device-variable block) and need it in
// every function that touches the thing it replaces. addHiddenArgument gives
// each such function and every caller up to the kernels one more trailing
// parameter; kernels receive it from the runtime, device functions from
// their callers.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_HIDDENARGUMENT_H
#define CUPORT_LOWERING_HIDDENARGUMENT_H

#include "LoweringPasses.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"

#include <map>

namespace cuport {
namespace lowering {

/// Turns the constant expressions built on \p GV that instructions use into
/// instructions, so that every use of GV sits in a known function.
void expandConstantUsers(llvm::GlobalVariable &GV);

/// The parameter attribute marking a hidden argument; its value says which
/// (kernel metadata reads it: value names do not survive Clang's
/// -discard-value-names).
constexpr const char *HiddenArgAttr = "cuport-hidden";

/// Adds a trailing parameter of \p Ty named \p Name, marked
/// HiddenArgAttr=\p Name, to every function in
/// \p Users and to every transitive caller. Returns the new parameter of
/// each rewritten function (the functions are replaced by clones: old
/// pointers in \p Users are dead afterwards). On failure (a function whose
/// address is taken) reports to \p Errors and returns an empty map.
std::map<llvm::Function *, llvm::Argument *>
addHiddenArgument(llvm::ArrayRef<llvm::Function *> Users, llvm::Type *Ty, llvm::StringRef Name,
                  const ErrorSink &Errors);

} // namespace lowering
} // namespace cuport

#endif
