//===- DeviceImage.h - a lowered device module as a container image -*- C++ -*-===//
//
// The last steps every device module takes, whether it comes from one .cu
// file or from a device link: the lowering pipeline, kernel metadata, and
// SPIR-V, appended to a fat binary.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_DEVICEIMAGE_H
#define CUPORT_LOWERING_DEVICEIMAGE_H

#include "fatbin/FatBinary.h"

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

namespace cuport {
namespace lowering {

/// Lowers \p M in place and adds its SPIR-V image and kernels to \p FB.
llvm::Error lowerToSpirvImage(llvm::Module &M, fatbin::FatBinary &FB);

} // namespace lowering
} // namespace cuport

#endif
