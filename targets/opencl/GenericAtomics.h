//===- GenericAtomics.h - atomics on generic pointers for PoCL -*- C++ -*-===//
//
// CUDA atomics work on any pointer, so cuport emits them on Generic
// pointers. Translated back to SPIR 1.2 for PoCL they become OpenCL 1.2
// built-in calls on `__generic` pointers (`_Z10atomic_addPU3AS4Vii`), which
// PoCL's kernel library does not define (it has the __global and __local
// versions only). On the CPU a generic pointer is a flat address, so the
// call is exactly an LLVM atomic instruction on it; lowerGenericAtomics
// rewrites each such call into one before the module reaches PoCL.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_GENERICATOMICS_H
#define CUPORT_TARGETS_OPENCL_GENERICATOMICS_H

#include <string>

namespace llvm {
class Module;
}

namespace cuport {
namespace target {

/// Rewrites OpenCL 1.2 atomic built-in calls on generic pointers into LLVM
/// atomic instructions. Returns an empty string, or what it could not
/// rewrite (a call whose form it does not know).
std::string lowerGenericAtomics(llvm::Module &M);

} // namespace target
} // namespace cuport

#endif
