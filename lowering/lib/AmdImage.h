//===- AmdImage.h - AMD GCN code objects for the HIP target ----*- C++ -*-===//
//
// `cuport-cc --offload-arch=gfx90a` also compiles each .cu for
// amdgcn-amd-amdhsa: the same Clang CUDA device pass with cuport's headers,
// whose OpenCL built-in calls (work-item ids, barriers, math, atomics) are
// resolved by linking Debian's ROCm device libraries (opencl.bc, ocml.bc,
// ockl.bc and the oclc_* controls), optimised and code-generated in process
// with LLVM's AMDGPU back end, and linked by ld.lld into a code object.
//
// AMD devices have what the SPIR-V path lowers away: dynamic shared memory
// is the back end's dynamic LDS, and device variables are real module
// globals. So only printf lowering and the undefined-function check run.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_AMDIMAGE_H
#define CUPORT_LOWERING_AMDIMAGE_H

#include "DeviceCompiler.h"
#include "fatbin/FatBinary.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cuport {
namespace lowering {

struct AmdBuild {
  std::string Arch;        ///< gfx90a, gfx942, gfx1030, ...
  std::string LldPath;     ///< ld.lld
  std::string DeviceLibDir; ///< the rocm-device-libs bitcode directory
  std::string ScratchPrefix; ///< where the object file may be written
};

/// Compiles \p R for \p B.Arch and returns the code object. The kernels'
/// user arguments must match \p Kernels (from the SPIR-V image: one set of
/// metadata serves both); a difference is an internal error.
llvm::Expected<std::vector<uint8_t>>
buildAmdCodeObject(const DeviceCompileRequest &R, const AmdBuild &B,
                   const std::vector<fatbin::KernelInfo> &Kernels);

/// True for the gfx names cuport knows how to build.
bool isSupportedAmdArch(llvm::StringRef Arch);

} // namespace lowering
} // namespace cuport

#endif
