//===- LoweringPasses.h - cuport's LLVM lowering passes --------*- C++ -*-===//
//
// Declarations of the module passes that turn Clang's spirv64 CUDA device
// module into one SPIRV-LLVM-Translator accepts and OpenCL consumers run.
// Each pass lives in its own file; Passes.def lists them.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_LOWERING_PASSES_H
#define CUPORT_LOWERING_PASSES_H

#include "llvm/IR/PassManager.h"
#include "llvm/Support/Error.h"

#include <string>

namespace cuport {
namespace lowering {

#define MODULE_PASS(Name, Class)                                               \
  struct Class : llvm::PassInfoMixin<Class> {                                  \
    llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM); \
    static bool isRequired() { return true; }                                  \
  };
#include "Passes.def"

struct PipelineOptions {
  bool VerifyEach = false; ///< Run the IR verifier after every pass.
  /// Where VerifyEach records the first failure; unset, failures go unseen.
  std::string *VerifyFailure = nullptr;
};

/// Adds the whole lowering pipeline, in order, to \p MPM.
void buildLoweringPipeline(llvm::ModulePassManager &MPM, const PipelineOptions &Opts);

/// Runs the pipeline on \p M; returns an error naming the first pass after
/// which the verifier failed (only with VerifyEach) or a pass's own error.
llvm::Error runLoweringPipeline(llvm::Module &M, const PipelineOptions &Opts);

} // namespace lowering
} // namespace cuport

#endif
