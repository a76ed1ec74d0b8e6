//===- InlineWorkGroupCode.cpp - barriers and thread indices in kernels ---===//
//
// A device function that calls __syncthreads, reads threadIdx/blockDim (an
// OpenCL work-item function) or uses a __shared__ variable is run by every
// work-item of a work-group in step with the others. OpenCL consumers that
// execute a work-group as loops over its work-items (PoCL on the CPU) build
// those loops per kernel and need such code inside the kernel itself: PoCL
// 3.1 fails to load a program whose __noinline__ device function calls
// __syncthreads (its work-item variables are undefined symbols, and the
// process aborts), and gives a __shared__ variable used only by a called
// function one instance for all work-groups. This pass inlines every such
// function, and every function that calls one, into its callers, so that
// only kernels contain them. `__noinline__` is a hint CUDA allows a
// compiler to override; the semantics do not change. A recursive function
// among them cannot be inlined and is a compile error naming it.
//
//===----------------------------------------------------------------------===//
#include "CallCycle.h"
#include "LoweringPasses.h"
#include "PassSupport.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Cloning.h"

#define DEBUG_TYPE "cuport-inline-work-group-code"

using namespace llvm;
using namespace cuport::lowering;

static constexpr unsigned LocalAS = 3;

/// Functions that must end up inside kernels, callers included.
static SetVector<Function *> needInlining(Module &M) {
  SetVector<Function *> Need;
  auto Add = [&](Function *F) {
    if (F && !F->isDeclaration() && F->getCallingConv() != CallingConv::SPIR_KERNEL)
      Need.insert(F);
  };
  for (Function &F : M)
    if (F.isDeclaration() && (isWorkItemQuery(F) || isWorkGroupBarrier(F)))
      for (User *U : F.users())
        if (auto *CB = dyn_cast<CallBase>(U))
          Add(CB->getFunction());
  for (GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() == LocalAS)
      for (User *U : GV.users()) {
        SmallVector<User *, 8> Work = {U};
        while (!Work.empty()) {
          User *V = Work.pop_back_val();
          if (auto *I = dyn_cast<Instruction>(V))
            Add(I->getFunction());
          else if (isa<ConstantExpr>(V))
            Work.append(V->user_begin(), V->user_end());
        }
      }
  for (size_t I = 0; I < Need.size(); ++I)
    for (User *U : Need[I]->users())
      if (auto *CB = dyn_cast<CallBase>(U))
        Add(CB->getFunction());
  return Need;
}

PreservedAnalyses cuport::lowering::InlineWorkGroupCodePass::run(Module &M,
                                                                ModuleAnalysisManager &) {
  SetVector<Function *> Need = needInlining(M);
  if (Need.empty())
    return PreservedAnalyses::all();
  if (CallBase *C = findRecursiveCall(Need.getArrayRef(),
                                      [&](const Function &F) {
                                        return Need.count(const_cast<Function *>(&F));
                                      })) {
    Errors.error("the recursive device function '" +
                 demangle(C->getCalledFunction()->getName().str()) +
                 "' uses __syncthreads, thread indices or __shared__ memory, which cuport "
                 "keeps inside kernels");
    return PreservedAnalyses::all();
  }
  bool Changed = false;
  for (bool Progress = true; Progress;) {
    Progress = false;
    SmallVector<CallBase *, 16> Calls;
    for (Function *F : Need)
      for (User *U : F->users())
        if (auto *CB = dyn_cast<CallBase>(U); CB && CB->getCalledFunction() == F)
          Calls.push_back(CB);
    for (CallBase *CB : Calls) {
      InlineFunctionInfo IFI;
      if (InlineFunction(*CB, IFI).isSuccess())
        Progress = Changed = true;
    }
  }
  // What is left unused (internal or not: no SPIR-V module links another)
  // would still give an OpenCL consumer the code it cannot load.
  for (bool Erased = true; Erased;) {
    Erased = false;
    for (Function *F : Need)
      if (F->getParent() && (F->removeDeadConstantUsers(), F->use_empty())) {
        F->eraseFromParent();
        Need.remove(F);
        Erased = Changed = true;
        break;
      }
  }
  // Calls that remain are ones LLVM's inliner refused (no cycle is left).
  for (Function *F : Need)
    if (any_of(F->users(), [](const User *U) { return isa<CallBase>(U); })) {
      Errors.error("cannot move the device function '" + demangle(F->getName().str()) +
                   "', which uses __syncthreads, thread indices or __shared__ memory, into "
                   "the kernels that call it");
      return PreservedAnalyses::none();
    }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
