//===- ExpandBitReverse.cpp - bit reversal without OpBitReverse -----------===//
//
// LLVM recognises hand-written bit-reversal loops (and CUDA's __brev) as
// llvm.bitreverse, which the translator writes as OpBitReverse. That
// instruction needs the Shader capability, which OpenCL kernels may not
// declare (spirv-val then also rejects the Kernel module's built-ins). The
// pass expands each call into log2(N) mask-and-shift swaps, the same code a
// backend without a bit-reverse instruction emits.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/ADT/APInt.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "cuport-expand-bitreverse"

using namespace llvm;

/// The mask whose low Shift bits of every 2*Shift-bit group are set:
/// 0x5555... for 1, 0x3333... for 2, 0x0F0F... for 4, and so on.
static APInt swapMask(unsigned Width, unsigned Shift) {
  APInt M(Width, 0);
  for (unsigned Bit = 0; Bit < Width; ++Bit)
    if ((Bit / Shift) % 2 == 0)
      M.setBit(Bit);
  return M;
}

static Value *expand(IRBuilder<> &B, Value *V) {
  Type *Ty = V->getType();
  unsigned Width = Ty->getScalarSizeInBits();
  for (unsigned Shift = Width / 2; Shift >= 1; Shift /= 2) {
    Constant *Mask = ConstantInt::get(Ty, swapMask(Width, Shift));
    Constant *Amount = ConstantInt::get(Ty, Shift);
    Value *Low = B.CreateAnd(B.CreateLShr(V, Amount), Mask);
    Value *High = B.CreateShl(B.CreateAnd(V, Mask), Amount);
    V = B.CreateOr(Low, High);
  }
  return V;
}

PreservedAnalyses cuport::lowering::ExpandBitReversePass::run(Module &M, ModuleAnalysisManager &) {
  SmallVector<IntrinsicInst *, 8> Work;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *II = dyn_cast<IntrinsicInst>(&I))
        if (II->getIntrinsicID() == Intrinsic::bitreverse)
          Work.push_back(II);
  for (IntrinsicInst *II : Work) {
    Value *Arg = II->getArgOperand(0);
    unsigned Width = Arg->getType()->getScalarSizeInBits();
    if (Width == 1) { // reversing one bit is the identity
      II->replaceAllUsesWith(Arg);
      II->eraseFromParent();
      continue;
    }
    if (!isPowerOf2_32(Width)) {
      Errors.error("cannot expand llvm.bitreverse on i" + Twine(Width) +
                   ": only power-of-two widths are supported");
      continue;
    }
    IRBuilder<> B(II);
    II->replaceAllUsesWith(expand(B, Arg));
    II->eraseFromParent();
  }
  return Work.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}
