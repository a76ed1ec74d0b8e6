//===- Plugin.cpp - cuport's passes as an `opt -load-pass-plugin` plugin --===//
//
// Lets each lowering pass run alone in tests:
//   opt -load-pass-plugin CuportPasses.so -passes=cuport-kernel-abi -S in.ll
// and `-passes=cuport-lowering` runs the whole pipeline in its real order.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Passes/PassPlugin.h"

using namespace llvm;
using namespace cuport::lowering;

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "CuportPasses", "0.1", [](PassBuilder &PB) {
            PB.registerPipelineParsingCallback(
                [](StringRef Name, ModulePassManager &MPM, ArrayRef<PassBuilder::PipelineElement>) {
#define MODULE_PASS(PassName, Class)                                           \
  if (Name == PassName) {                                                      \
    MPM.addPass(Class());                                                      \
    return true;                                                               \
  }
#include "Passes.def"
                  if (Name == "cuport-lowering") {
                    buildLoweringPipeline(MPM, PipelineOptions());
                    return true;
                  }
                  return false;
                });
          }};
}
