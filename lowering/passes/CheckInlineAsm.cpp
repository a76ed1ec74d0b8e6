//===- CheckInlineAsm.cpp - inline PTX is a compile error at its line -----===//
//
// Inline `asm` in CUDA device code is PTX, which no SPIR-V or AMD consumer
// runs, and SPIRV-LLVM-Translator 15 crashes on inline assembly. Clang
// accepts the statement for these targets, so this pass reports it, with
// the source line (device compiles carry line tables for this) and the
// assembly text.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"
#include "PassSupport.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "cuport-check-inline-asm"

using namespace llvm;
using namespace cuport::lowering;

PreservedAnalyses cuport::lowering::CheckInlineAsmPass::run(Module &M, ModuleAnalysisManager &) {
  for (Function &F : M)
    for (Instruction &I : instructions(F)) {
      auto *Call = dyn_cast<CallBase>(&I);
      auto *Asm = Call ? dyn_cast<InlineAsm>(Call->getCalledOperand()) : nullptr;
      if (!Asm)
        continue;
      Errors.error(sourceLocation(&I) + "inline PTX assembly is not supported by cuport (\"" +
                   Asm->getAsmString() + "\" in '" + F.getName() + "')");
      return PreservedAnalyses::all();
    }
  return PreservedAnalyses::all();
}
