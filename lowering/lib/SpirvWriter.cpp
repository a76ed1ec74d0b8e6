//===- SpirvWriter.cpp - LLVM module to SPIR-V ----------------------------===//
//
// SPIR-V 1.2 is the target version: OpenCL 2.1+ drivers take it, and it is
// enough for everything cuport emits (Generic pointers via the OpenCL 2.0
// capabilities). The runtime's SPIR fallback reads the same module back.
//
//===----------------------------------------------------------------------===//
#include "SpirvWriter.h"

#include <LLVMSPIRVLib/LLVMSPIRVLib.h>
#include <spirv-tools/libspirv.hpp>

#include <cstdlib>
#include <cstring>
#include <sstream>

/// With CUPORT_VALIDATE_SPIRV=1 (the test suites set it) every module
/// cuport-cc writes goes through the SPIR-V validator, as `spirv-val` would
/// check it, and an invalid one is an internal error.
static llvm::Error validate(const std::vector<uint8_t> &Bytes) {
  const char *Env = std::getenv("CUPORT_VALIDATE_SPIRV");
  if (!Env || !*Env || *Env == '0')
    return llvm::Error::success();
  if (Bytes.size() % 4)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V module size is not a multiple of 4");
  std::vector<uint32_t> Words(Bytes.size() / 4);
  std::memcpy(Words.data(), Bytes.data(), Bytes.size());
  spvtools::SpirvTools Tools(SPV_ENV_UNIVERSAL_1_2);
  std::string Messages;
  Tools.SetMessageConsumer([&](spv_message_level_t, const char *, const spv_position_t &P,
                               const char *Msg) {
    Messages += "  word " + std::to_string(P.index) + ": " + Msg + "\n";
  });
  if (!Tools.Validate(Words))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "internal error: cuport produced SPIR-V that does not "
                                   "validate:\n" + Messages);
  return llvm::Error::success();
}

static std::vector<uint8_t> toBytes(const std::string &S) { return std::vector<uint8_t>(S.begin(), S.end()); }

llvm::Expected<std::vector<uint8_t>> cuport::lowering::writeSpirvModule(llvm::Module &M) {
  SPIRV::TranslatorOpts Opts(SPIRV::VersionNumber::SPIRV_1_2);
  std::ostringstream OS;
  std::string Err;
  if (!llvm::writeSpirv(&M, Opts, OS, Err))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V translation failed: " + Err);
  std::vector<uint8_t> Bytes = toBytes(OS.str());
  if (llvm::Error E = validate(Bytes))
    return std::move(E);
  return Bytes;
}
