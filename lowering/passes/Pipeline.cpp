//===- Pipeline.cpp - the order of cuport's lowering passes ---------------===//
//
// The one place that says in which order the lowering passes run, and why.
// Clang has already optimised the module (-O3 by default, as nvcc's device
// default); lowering runs after that, so no later optimisation can undo it.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/Scalar/InferAddressSpaces.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace cuport::lowering;

namespace {
struct StripLineTables : PassInfoMixin<StripLineTables> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    return StripDebugInfo(M) ? PreservedAnalyses::none() : PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

/// Fails the pipeline with the name of the pass the verifier broke after.
struct VerifyAfter : PassInfoMixin<VerifyAfter> {
  std::string After;
  std::string *FirstFailure;
  // The pipeline stops at the first error, so a verifier failure after a
  // pass that already reported one is expected and not recorded.
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
    if (Opts.VerifyEach && Opts.Failure)
      MPM.addPass(VerifyAfter(Name, Opts.Failure));
  };
  ErrorSink Errors(Opts.Failure);
  // 0. printf (and assert) become buffer appends: their buffer pointer and
  //    format strings are new device variables, laid out in step 2, and the
  //    calls must be gone before undefined functions are looked for.
  Add(LowerPrintfPass(Errors), "cuport-lower-printf");
  //    Inline PTX, reported at its line before anything else looks at it.
  Add(CheckInlineAsmPass(Errors), "cuport-check-inline-asm");
  //    Then undefined functions: nothing below can make them defined, and
  //    the message should name the user's function before any rewriting.
  Add(CheckUndefinedPass(Errors), "cuport-check-undefined");
  //    Code that runs in step with the work-group (barriers, thread
  //    indices, __shared__) moves into the kernels that call it: consumers
  //    such as PoCL build their work-item loops per kernel. Before the
  //    rewrites below, which then meet it in kernels only.
  Add(InlineWorkGroupCodePass(Errors), "cuport-inline-work-group-code");
  //    Warp functions: kernels that use them run a warp per work-item. First
  //    among the rewrites, because it inlines every device function into
  //    such kernels and clones their bodies: the passes below then give the
  //    body and the kernel their hidden arguments like any other caller.
  Add(LowerWarpLockstepPass(Errors), "cuport-lower-warp-lockstep");
  // 1. Kernel signatures: bool parameters first, then the hidden dynamic
  //    shared memory argument, which must stay the last parameter (the
  //    runtime appends it after the user's arguments).
  Add(KernelABIPass(Errors), "cuport-kernel-abi");
  Add(LowerDynamicSharedPass(Errors), "cuport-lower-dynamic-shared");

  // 2. Storage classes: module variables may not be Generic in SPIR-V; they
  //    move to CrossWorkgroup first so that the next pass sees them all.
  Add(LowerGenericGlobalsPass(Errors), "cuport-lower-generic-globals");
  //    Device variables move into the runtime's block (another hidden
  //    argument); the pass reads the used-lists (Clang's list of host-
  //    registered variables), so the lists go only after it.
  Add(LowerDeviceGlobalsPass(Errors), "cuport-lower-device-globals");
  Add(LowerUsedListsPass(Errors), "cuport-lower-used-lists");
  // 2b. Generic (flat) pointers back to the address space they came from:
  //     Clang casts every kernel pointer to Generic, and OpenCL consumers
  //     pay for each generic access (PoCL: 2-4x on memory-bound kernels).
  //     After the globals block and dynamic shared memory exist, so their
  //     accesses are resolved too; a function pass, run over the module.
  MPM.addPass(createModuleToFunctionPassAdaptor(InferAddressSpacesPass(/*Generic=*/4)));
  if (Opts.VerifyEach && Opts.Failure)
    MPM.addPass(VerifyAfter("infer-address-spaces", Opts.Failure));
  // 3. Instructions SPIR-V only has under the Shader capability, which an
  //    OpenCL kernel module may not declare.
  Add(ExpandBitReversePass(Errors), "cuport-expand-bitreverse");
  // 4. Translator-only fix-ups, after every pass that may still optimise
  //    (freeze matters to LLVM's optimiser, not to SPIR-V consumers).
  Add(LowerFreezePass(Errors), "cuport-lower-freeze");
  //    Integer widths other than 1/8/16/32/64 (the optimiser's narrowing);
  //    after freeze is gone and the bit-reverse expansion, which keeps its
  //    width.
  Add(LegalizeIntWidthsPass(Errors), "cuport-legalize-int-widths");
  // 5. Last: block order is a property of the final CFG; any pass that
  //    splits or adds blocks must run before it.
  Add(OrderBlocksPass(Errors), "cuport-order-blocks");
  // 6. The line tables served the diagnostics above; SPIR-V consumers get
  //    none (as nvcc without -lineinfo).
  MPM.addPass(StripLineTables());
}

void ErrorSink::error(const Twine &Msg) const {
  if (!Sink)
    report_fatal_error(Msg, /*gen_crash_diag=*/false);
  if (Sink->empty())
    *Sink = Msg.str();
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

  std::string Failure;
  PipelineOptions Effective = Opts;
  Effective.Failure = &Failure;
  ModulePassManager MPM;
  buildLoweringPipeline(MPM, Effective);
  MPM.run(M, MAM);
  if (!Failure.empty())
    return createStringError(inconvertibleErrorCode(), Failure);
  std::string Msg;
  raw_string_ostream OS(Msg);
  if (verifyModule(M, &OS))
    return createStringError(inconvertibleErrorCode(), "lowering produced invalid IR: " + OS.str());
  return Error::success();
}
