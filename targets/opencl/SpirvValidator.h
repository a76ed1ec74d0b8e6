//===- SpirvValidator.h - refuse malformed SPIR-V before a consumer sees it -===//
//
// Neither LLVMSPIRVLib nor every OpenCL driver survives malformed SPIR-V:
// the translator asserts (and aborts the process) on an opcode it does not
// know. A corrupt image must be an error code, never a crash, so every
// module is validated with SPIRV-Tools before it is translated or handed to
// clCreateProgramWithIL. Cached builds were validated when they were made.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TARGETS_OPENCL_SPIRVVALIDATOR_H
#define CUPORT_TARGETS_OPENCL_SPIRVVALIDATOR_H

#include "Target.h"

#include <cstdint>
#include <vector>

namespace cuport {
namespace target {
namespace opencl {

/// Success, or InvalidKernelImage with the validator's message.
Result validateSpirv(const std::vector<uint8_t> &Spirv);

} // namespace opencl
} // namespace target
} // namespace cuport

#endif // CUPORT_TARGETS_OPENCL_SPIRVVALIDATOR_H
