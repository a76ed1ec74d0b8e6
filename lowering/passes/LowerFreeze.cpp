//===- LowerFreeze.cpp - remove `freeze`, which SPIR-V 1.2 cannot express --===//
//
// LLVM's optimiser inserts `freeze` (for example when it hoists a branch
// condition), and SPIRV-LLVM-Translator 15 rejects the instruction ("Can't
// translate llvm instruction: freeze"). SPIR-V has no poison, so every
// value it computes is already "frozen": replacing `freeze %x` by `%x` is
// exactly what the consumer would see. The one thing lost is the guarantee
// that two uses of an undef observe the same value, which only matters
// while LLVM still optimises; this pass runs last, just before
// translation.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "cuport-lower-freeze"

using namespace llvm;

PreservedAnalyses cuport::lowering::LowerFreezePass::run(Module &M, ModuleAnalysisManager &) {
  SmallVector<FreezeInst *, 16> Work;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *Fr = dyn_cast<FreezeInst>(&I))
        Work.push_back(Fr);
  for (FreezeInst *Fr : Work) {
    Fr->replaceAllUsesWith(Fr->getOperand(0));
    Fr->eraseFromParent();
  }
  return Work.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}
