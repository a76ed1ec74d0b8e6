//===- OrderBlocks.cpp - put blocks in an order SPIR-V accepts ------------===//
//
// SPIR-V requires every block to appear after the blocks that dominate it
// (SPIR-V spec 2.16.1, "Universal Validation Rules"); LLVM's block order
// carries no such promise, and optimised loops often break it (spirv-val:
// "Block ... appears in the binary before its dominator"). SPIRV-LLVM-
// Translator 15 writes blocks in LLVM order, so this pass drops unreachable
// blocks and re-lays each function in reverse post-order, in which every
// dominator precedes the blocks it dominates.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

#define DEBUG_TYPE "cuport-order-blocks"

using namespace llvm;

static bool orderBlocks(Function &F) {
  bool Changed = removeUnreachableBlocks(F);
  ReversePostOrderTraversal<Function *> RPO(&F);
  BasicBlock *Prev = nullptr;
  for (BasicBlock *BB : RPO) {
    if (Prev && BB->getPrevNode() != Prev) {
      BB->moveAfter(Prev);
      Changed = true;
    }
    Prev = BB;
  }
  return Changed;
}

PreservedAnalyses cuport::lowering::OrderBlocksPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M)
    if (!F.isDeclaration())
      Changed |= orderBlocks(F);
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
