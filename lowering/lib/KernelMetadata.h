//===- KernelMetadata.h - kernel launch metadata from IR -------*- C++ -*-===//
//
// Reads each kernel's parameter list off the lowered module and describes it
// the way a runtime needs to launch from CUDA's untyped `void **args`: how
// many bytes each argument has and whether it is a device pointer.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_KERNELMETADATA_H
#define CUPORT_LOWERING_KERNELMETADATA_H

#include "fatbin/FatBinary.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace cuport {
namespace lowering {

llvm::Expected<std::vector<fatbin::KernelInfo>> collectKernelInfo(const llvm::Module &M);

/// The globals block and host-visible symbols cuport-lower-device-globals
/// recorded in module metadata.
void collectGlobals(const llvm::Module &M, fatbin::FatBinary &FB);

} // namespace lowering
} // namespace cuport

#endif
