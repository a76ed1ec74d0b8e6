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
// Every variable the host registers is a global symbol of the code object
// under the name the container's symbol table gives it, which is what the
// HIP target looks up with hipModuleGetGlobal; kernels take exactly their
// user arguments (no globals block, no dynamic-shared parameter).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_AMDIMAGE_H
#define CUPORT_LOWERING_AMDIMAGE_H

#include "DeviceCompiler.h"
#include "fatbin/FatBinary.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>
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

/// Compiles \p R for \p B.Arch and returns the code object. \p Spirv is
/// the container with the SPIR-V image already built: one set of metadata
/// serves both, so the kernels' user arguments must match its kernels, and
/// each of its symbols must be a variable of the same size (and, for a
/// constant such as a printf format, the same bytes) in the code object; a
/// difference is an internal error, never a silently wrong program.
/// compileAmdModule then emitAmdCodeObject.
llvm::Expected<std::vector<uint8_t>>
buildAmdCodeObject(const DeviceCompileRequest &R, const AmdBuild &B,
                   const fatbin::FatBinary &Spirv);

/// The Clang device compile of \p R for \p B.Arch alone: the unlowered
/// module, which an -rdc object keeps as bitcode for the device link.
llvm::Expected<std::unique_ptr<llvm::Module>>
compileAmdModule(const DeviceCompileRequest &R, const AmdBuild &B, llvm::LLVMContext &Ctx);

/// Lowers \p M (one translation unit's module, or the device link's of
/// several) for \p B.Arch, links the ROCm device libraries, generates code
/// and links the code object with ld.lld. \p M is consumed (changed in
/// place). Kernels and symbols are checked against \p Spirv as above.
llvm::Expected<std::vector<uint8_t>>
emitAmdCodeObject(llvm::Module &M, const AmdBuild &B, const fatbin::FatBinary &Spirv);

/// True for the gfx names cuport knows how to build.
bool isSupportedAmdArch(llvm::StringRef Arch);

} // namespace lowering
} // namespace cuport

#endif
