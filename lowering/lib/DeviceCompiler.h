//===- DeviceCompiler.h - CUDA device code to an LLVM module ---*- C++ -*-===//
//
// Runs Clang 15's CUDA device compilation for the spirv64 target in process
// and hands back the LLVM module. Clang's driver has no CUDA->SPIR-V
// toolchain, so the cc1 command is derived from the driver's own NVPTX device
// job (which carries every CUDA device-side setting and the system include
// paths) by swapping the target: see deriveSpirvCC1Args.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_DEVICECOMPILER_H
#define CUPORT_LOWERING_DEVICECOMPILER_H

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace cuport {
namespace lowering {

struct DeviceCompileRequest {
  std::string ClangPath;   ///< clang-15 executable (for resource dir lookup).
  std::string Input;       ///< The .cu file.
  std::string Language = "cuda";
  std::string Triple = "spirv64-unknown-unknown"; ///< The device triple.
  std::string TargetCPU; ///< e.g. gfx90a for amdgcn-amd-amdhsa; empty for SPIR-V.
  std::string IncludeDir;  ///< cuport's CUDA headers.
  std::vector<std::string> UserFlags; ///< -I/-D/-U/-include/-isystem/-std/-w in order.
  unsigned OptLevel = 3;
  unsigned CudaArch = 520; ///< Value of __CUDA_ARCH__.
  bool Rdc = false;
  /// Compilation-unit ID; host and device passes must agree on it for the
  /// names Clang gives static __device__ variables under -fgpu-rdc.
  std::string Cuid;
  bool FastMath = false;
  bool DefineNvcc = true;
  bool ColorDiagnostics = false;
};

/// The cc1 argument vector (without "clang" "-cc1") for \p R, writing
/// bitcode to \p OutputPath. Used both to compile and to print -### lines.
llvm::Expected<std::vector<std::string>>
deriveSpirvCC1Args(const DeviceCompileRequest &R, const std::string &OutputPath);

/// Compiles \p R in process. Source diagnostics go to stderr in Clang's
/// format; on failure the error says only that compilation failed.
llvm::Expected<std::unique_ptr<llvm::Module>>
compileDeviceModule(const DeviceCompileRequest &R, llvm::LLVMContext &Ctx);

/// Macros nvcc defines on both sides (the device side adds __CUDA_ARCH__).
std::vector<std::string> nvccCompatMacros(bool DefineNvcc, bool Rdc, bool FastMath);

} // namespace lowering
} // namespace cuport

#endif
