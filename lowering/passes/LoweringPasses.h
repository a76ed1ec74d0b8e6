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

/// Passes report user-facing errors (a compile error, not an internal
/// one) to a sink when they have one, as cuport-cc gives them; without one
/// (under opt) they stop with report_fatal_error.
class ErrorSink {
public:
  explicit ErrorSink(std::string *Sink = nullptr) : Sink(Sink) {}
  void error(const llvm::Twine &Msg) const;

private:
  std::string *Sink;
};

#define MODULE_PASS(Name, Class)                                               \
  struct Class : llvm::PassInfoMixin<Class> {                                  \
    explicit Class(ErrorSink Errors = ErrorSink()) : Errors(Errors) {}         \
    llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &AM); \
    static bool isRequired() { return true; }                                  \
    ErrorSink Errors;                                                          \
  };
#include "Passes.def"

struct PipelineOptions {
  bool VerifyEach = false; ///< Run the IR verifier after every pass.
  /// Where passes record the first user-facing error (and VerifyEach the
  /// first verifier failure); unset, passes stop with report_fatal_error.
  std::string *Failure = nullptr;
};

/// Adds the whole lowering pipeline, in order, to \p MPM.
void buildLoweringPipeline(llvm::ModulePassManager &MPM, const PipelineOptions &Opts);

/// Runs the pipeline on \p M; returns an error naming the first pass after
/// which the verifier failed (only with VerifyEach) or a pass's own error.
llvm::Error runLoweringPipeline(llvm::Module &M, const PipelineOptions &Opts);

} // namespace lowering
} // namespace cuport

#endif
