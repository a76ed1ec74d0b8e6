//===- KernelABI.cpp - make kernel signatures OpenCL-conformant -----------===//
//
// OpenCL kernels may not take `bool` parameters, but Clang lowers a CUDA
// `bool` kernel parameter to `i1 zeroext`. The host passes one byte, so the
// kernel is rewritten to take `i8` and compare it with zero on entry: the
// same value CUDA's ABI gives (any non-zero byte is true).
//
// Rewriting a kernel means cloning it with the new signature; kernels are
// never called from device code (CUDA forbids it without dynamic
// parallelism), so no call sites need updating.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

#define DEBUG_TYPE "cuport-kernel-abi"

using namespace llvm;

static bool needsRewrite(const Function &F) {
  for (const Argument &A : F.args())
    if (A.getType()->isIntegerTy(1))
      return true;
  return false;
}

static void rewriteKernel(Function &F) {
  LLVMContext &Ctx = F.getContext();
  SmallVector<Type *, 8> Params;
  for (const Argument &A : F.args())
    Params.push_back(A.getType()->isIntegerTy(1) ? Type::getInt8Ty(Ctx) : A.getType());
  FunctionType *NewTy = FunctionType::get(F.getReturnType(), Params, F.isVarArg());
  // Insert the clone where the original stands so output order is stable.
  Function *NF = Function::Create(NewTy, F.getLinkage(), F.getAddressSpace(), "");
  F.getParent()->getFunctionList().insert(F.getIterator(), NF);
  NF->copyAttributesFrom(&F);
  NF->setCallingConv(F.getCallingConv());
  NF->takeName(&F);

  // Parameter attributes such as zeroext do not fit i8 the same way; keep
  // the others.
  AttributeList Attrs = F.getAttributes();
  for (unsigned I = 0; I < Params.size(); ++I)
    if (F.getArg(I)->getType()->isIntegerTy(1))
      Attrs = Attrs.removeParamAttributes(Ctx, I);
  NF->setAttributes(Attrs);

  NF->getBasicBlockList().splice(NF->begin(), F.getBasicBlockList());
  IRBuilder<> B(&*NF->getEntryBlock().getFirstInsertionPt());
  for (unsigned I = 0; I < Params.size(); ++I) {
    Argument *Old = F.getArg(I), *New = NF->getArg(I);
    New->setName(Old->getName());
    if (Old->getType() == New->getType()) {
      Old->replaceAllUsesWith(New);
      continue;
    }
    Value *AsBool = B.CreateICmpNE(New, ConstantInt::get(New->getType(), 0), New->getName() + ".bool");
    Old->replaceAllUsesWith(AsBool);
  }
  SmallVector<std::pair<unsigned, MDNode *>, 4> MDs;
  F.getAllMetadata(MDs);
  for (auto &[Kind, Node] : MDs)
    NF->setMetadata(Kind, Node);
  F.eraseFromParent();
}

PreservedAnalyses cuport::lowering::KernelABIPass::run(Module &M, ModuleAnalysisManager &) {
  SmallVector<Function *, 8> Work;
  for (Function &F : M)
    if (F.getCallingConv() == CallingConv::SPIR_KERNEL && !F.isDeclaration() && needsRewrite(F))
      Work.push_back(&F);
  for (Function *F : Work)
    rewriteKernel(*F);
  return Work.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}
