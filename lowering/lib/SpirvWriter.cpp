//===- SpirvWriter.cpp - LLVM module to SPIR-V ----------------------------===//
//
// SPIR-V 1.2 is the target version: OpenCL 2.1+ drivers take it, and it is
// enough for everything cuport emits (Generic pointers via the OpenCL 2.0
// capabilities). The runtime's SPIR fallback reads the same module back.
//
//===----------------------------------------------------------------------===//
#include "SpirvWriter.h"

#include <LLVMSPIRVLib/LLVMSPIRVLib.h>

#include <sstream>

static std::vector<uint8_t> toBytes(const std::string &S) { return std::vector<uint8_t>(S.begin(), S.end()); }

llvm::Expected<std::vector<uint8_t>> cuport::lowering::writeSpirvModule(llvm::Module &M) {
  SPIRV::TranslatorOpts Opts(SPIRV::VersionNumber::SPIRV_1_2);
  std::ostringstream OS;
  std::string Err;
  if (!llvm::writeSpirv(&M, Opts, OS, Err))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V translation failed: " + Err);
  return toBytes(OS.str());
}
