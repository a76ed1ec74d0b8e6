//===- SpirvTranslator.h - SPIR-V to SPIR 1.2 bitcode, in process ---------===//
//
// Devices that list no SPIR-V in CL_DEVICE_IL_VERSION but do take SPIR
// (cl_khr_spir), such as Debian's PoCL 3.1, get their modules through this:
// LLVMSPIRVLib reads the SPIR-V into LLVM IR (triple spir64-unknown-unknown,
// OpenCL 1.2 builtin names) and the result is written as bitcode for
// clCreateProgramWithBinary with "-x spir -spir-std=1.2".
//
// This is the only file of cuport's runtime side that includes LLVM headers;
// it lives in the OpenCL target library, so libcudart never links LLVM.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_SPIRVTRANSLATOR_H
#define CUPORT_TARGETS_OPENCL_SPIRVTRANSLATOR_H

#include "Target.h"

#include <cstdint>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

/// Translates \p Spirv to SPIR bitcode in \p Bitcode. Thread-safe (the
/// translator runs under a process-wide lock). On failure the Result is
/// InvalidKernelImage with the translator's message.
Result translateSpirvToSpir(const std::vector<uint8_t> &Spirv,
                            std::vector<uint8_t> &Bitcode);

/// The translator's identity, for cache keys ("LLVM 15.0.6").
const char *translatorVersion();

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_SPIRVTRANSLATOR_H
