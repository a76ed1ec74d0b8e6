//===- Pipeline.cpp - the order of cuport's lowering passes ---------------===//
//
// The one place that says in which order the lowering passes run, and why.
// Clang has already optimised the module (-O3 by default, as nvcc's device
// default); lowering runs after that, so no later optimisation can undo it.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cuport::lowering;

namespace {
/// Fails the pipeline with the name of the pass the verifier broke after.
struct VerifyAfter : PassInfoMixin<VerifyAfter> {
  std::string After;
  std::string *FirstFailure;
  VerifyAfter(std::string After, std::string *FirstFailure)
      : After(std::move(After)), FirstFailure(FirstFailure) {}
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    std::string Msg;
    raw_string_ostream OS(Msg);
    if (FirstFailure->empty() && verifyModule(M, &OS))
      *FirstFailure = "IR is invalid after " + After + ": " + OS.str();
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};
} // namespace

void cuport::lowering::buildLoweringPipeline(ModulePassManager &MPM, const PipelineOptions &Opts) {
  auto Add = [&](auto Pass, const char *Name) {
    MPM.addPass(std::move(Pass));
    if (Opts.VerifyEach && Opts.VerifyFailure)
      MPM.addPass(VerifyAfter(Name, Opts.VerifyFailure));
  };
  // 1. Kernel signatures first: later passes that add hidden kernel
  //    arguments build on the final parameter types.
  Add(KernelABIPass(), "cuport-kernel-abi");
  // 2. Last: the used-lists keep device globals alive through every pass
  //    above; only the translator needs them gone.
  Add(LowerUsedListsPass(), "cuport-lower-used-lists");
}

Error cuport::lowering::runLoweringPipeline(Module &M, const PipelineOptions &Opts) {
  LoopAnalysisManager LAM;
  FunctionAnalysisManager FAM;
  CGSCCAnalysisManager CGAM;
  ModuleAnalysisManager MAM;
  PassBuilder PB;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);

  std::string VerifyFailure;
  PipelineOptions Effective = Opts;
  Effective.VerifyFailure = &VerifyFailure;
  ModulePassManager MPM;
  buildLoweringPipeline(MPM, Effective);
  MPM.run(M, MAM);
  if (!VerifyFailure.empty())
    return createStringError(inconvertibleErrorCode(), VerifyFailure);
  std::string Msg;
  raw_string_ostream OS(Msg);
  if (verifyModule(M, &OS))
    return createStringError(inconvertibleErrorCode(), "lowering produced invalid IR: " + OS.str());
  return Error::success();
}
