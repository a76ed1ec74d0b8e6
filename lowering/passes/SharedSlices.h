//===- SharedSlices.h - a block's __shared__ variables in one slice -*- C++ -*-===//
//
// A kernel that synchronizes its grid runs every block in one work-group
// (cuport-lower-warp-lockstep), so its work-group variables would be one
// copy shared by all blocks. Each block gets a slice of one buffer instead:
// placeSharedInSlice rewrites every use, in one function, of a workgroup
// variable into an address in the block's slice. Defined (static) variables
// are laid out in module order, each at its alignment; external ones
// (`extern __shared__`, all at one address in CUDA) start at the static
// size rounded up to 16 bytes, where the launch's dynamic shared memory is.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_SHAREDSLICES_H
#define CUPORT_LOWERING_SHAREDSLICES_H

#include "LoweringPasses.h"
#include "fatbin/FatBinary.h"

#include "llvm/IR/Function.h"

#include <optional>

namespace cuport {
namespace lowering {

/// The alignment of a block's slice, the largest a variable may ask for,
/// and of dynamic shared memory within it: the container's contract with
/// the runtime that sizes the slices.
constexpr uint64_t SharedSliceAlign = fatbin::GridSliceAlign;
constexpr uint64_t DynamicSharedAlign = fatbin::GridDynamicSharedAlign;
/// The function attribute that gives a kernel's static shared bytes when
/// its variables live in slices (kernel metadata cannot count them).
constexpr const char *StaticSharedAttr = "cuport-static-shared";

/// Rewrites \p F's uses of workgroup variables to addresses in \p Slice (an
/// `i8 addrspace(3)*` argument of F). Returns the static bytes of the
/// slice; reports to \p Errors, naming \p Kernel, and returns nothing when
/// a variable asks for more than SharedSliceAlign.
std::optional<uint64_t> placeSharedInSlice(llvm::Function &F, llvm::Argument &Slice,
                                           llvm::StringRef Kernel, const ErrorSink &Errors);

} // namespace lowering
} // namespace cuport

#endif
