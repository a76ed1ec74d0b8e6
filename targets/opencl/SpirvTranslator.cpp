//===- SpirvTranslator.cpp - SPIR-V to SPIR 1.2 bitcode, in process -------===//
//
// See SpirvTranslator.h. The translation is `llvm-spirv -r` as a library
// call: readSpirv into a fresh LLVMContext, verify, write bitcode.
//
//===----------------------------------------------------------------------===//
#include "SpirvTranslator.h"

#include "GenericAtomics.h"

#include <LLVMSPIRVLib/LLVMSPIRVLib.h>

#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <mutex>
#include <sstream>

namespace cuport {
namespace target {
namespace opencl {

namespace {
// LLVMSPIRVLib keeps some process-wide tables; one translation at a time.
std::mutex TranslatorLock;
} // namespace

// Part of the disk-cache key: bump the suffix when the translation's output
// changes (e.g. the generic-atomics rewrite), so old entries are not reused.
const char *translatorVersion() { return "LLVMSPIRVLib/LLVM " LLVM_VERSION_STRING " cuport-spir-2"; }

Result translateSpirvToSpir(const std::vector<uint8_t> &Spirv,
                            std::vector<uint8_t> &Bitcode) {
  std::lock_guard<std::mutex> Guard(TranslatorLock);
  llvm::LLVMContext Context;
  // SPIRV-LLVM-Translator 15 builds typed-pointer IR (and asserts on some
  // instructions, atomics among them, in an opaque-pointer context), and
  // PoCL's SPIR reader expects typed pointers too. LLVM 15 contexts default
  // to opaque pointers, so say so before reading.
  Context.setOpaquePointers(false);
  std::istringstream In(std::string(Spirv.begin(), Spirv.end()));
  SPIRV::TranslatorOpts Opts;
  Opts.setDesiredBIsRepresentation(SPIRV::BIsRepresentation::OpenCL12);
  llvm::Module *Raw = nullptr;
  std::string Error;
  if (!llvm::readSpirv(Context, Opts, In, Raw, Error) || !Raw)
    return Result(Status::InvalidKernelImage,
                  "SPIR-V to LLVM translation failed: " +
                      (Error.empty() ? std::string("unknown error") : Error));
  std::unique_ptr<llvm::Module> M(Raw);
  std::string VerifyMsg;
  llvm::raw_string_ostream VerifyOS(VerifyMsg);
  if (llvm::verifyModule(*M, &VerifyOS))
    return Result(Status::InvalidKernelImage,
                  "SPIR-V translated to invalid LLVM IR: " + VerifyOS.str());
  // OpenCL 1.2 has no atomics on generic pointers; see GenericAtomics.h.
  std::string AtomicProblems = lowerGenericAtomics(*M);
  if (!AtomicProblems.empty())
    return Result(Status::InvalidKernelImage, "SPIR-V to SPIR: " + AtomicProblems);
  llvm::SmallVector<char, 0> Buffer;
  llvm::raw_svector_ostream Out(Buffer);
  llvm::WriteBitcodeToFile(*M, Out);
  Bitcode.assign(Buffer.begin(), Buffer.end());
  return Result::success();
}

} // namespace opencl
} // namespace target
} // namespace cuport
