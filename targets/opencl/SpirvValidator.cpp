//===- SpirvValidator.cpp - refuse malformed SPIR-V -----------------------===//
//
// spvValidate from SPIRV-Tools in the universal environment, the same check
// `spirv-val` makes in cuport's compiler tests. See SpirvValidator.h.
//
//===----------------------------------------------------------------------===//
#include "SpirvValidator.h"

#include <spirv-tools/libspirv.h>

#include <cstring>

namespace cuport {
namespace target {
namespace opencl {

Result validateSpirv(const std::vector<uint8_t> &Spirv) {
  if (Spirv.size() < 20 || Spirv.size() % 4 != 0)
    return Result(Status::InvalidKernelImage,
                  "SPIR-V image of " + std::to_string(Spirv.size()) +
                      " bytes is not a whole number of words or lacks a header");
  std::vector<uint32_t> Words(Spirv.size() / 4);
  std::memcpy(Words.data(), Spirv.data(), Spirv.size());
  spv_context Context = spvContextCreate(SPV_ENV_UNIVERSAL_1_6);
  if (!Context)
    return Result(Status::OutOfMemory, "cannot create a SPIRV-Tools context");
  spv_const_binary_t Binary = {Words.data(), Words.size()};
  spv_diagnostic Diagnostic = nullptr;
  spv_result_t R = spvValidate(Context, &Binary, &Diagnostic);
  Result Out;
  if (R != SPV_SUCCESS) {
    std::string Why = Diagnostic && Diagnostic->error ? Diagnostic->error
                                                      : "error " + std::to_string(int(R));
    Out = Result(Status::InvalidKernelImage, "the SPIR-V image is invalid: " + Why);
  }
  spvDiagnosticDestroy(Diagnostic);
  spvContextDestroy(Context);
  return Out;
}

} // namespace opencl
} // namespace target
} // namespace cuport
