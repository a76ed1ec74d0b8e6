//===- LowerDynamicShared.cpp - extern __shared__ as a hidden kernel arg --===//
//
// CUDA sizes `extern __shared__ T buf[];` at launch time (the third <<<>>>
// argument). SPIR-V has no module variable whose size is set at launch, but
// OpenCL has the equivalent: a `local` pointer kernel argument whose size
// the host gives with clSetKernelArg(size, NULL). This pass
//   1. finds the external addrspace(3) variables (every dynamic shared
//      array; in CUDA they all start at the same address, so they all map to
//      the same argument, which is what CUDA specifies),
//   2. finds every function that uses one, and every caller of those up to
//      the kernels,
//   3. gives each such function a trailing `i8 addrspace(3)*` parameter
//      (kernels: the hidden argument; device functions: passed down by
//      their callers), and
//   4. replaces each use of a variable by the parameter, cast to a pointer
//      to the array's element type: SPIR-V has no zero-length arrays
//      (`[0 x T]`, Clang's type for `T buf[]`), so users that index the
//      array are rewritten to index the element pointer instead.
// Kernel metadata then reports the argument as DynamicShared, and the
// runtime fills it from the launch's sharedMem.
//
//===----------------------------------------------------------------------===//
#include "HiddenArgument.h"
#include "LoweringPasses.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <map>

#define DEBUG_TYPE "cuport-lower-dynamic-shared"

using namespace llvm;

static constexpr unsigned LocalAS = 3;

static bool isDynamicShared(const GlobalVariable &GV) {
  return GV.getAddressSpace() == LocalAS && GV.isDeclaration();
}

/// Replaces \p Old, a `[0 x T] addrspace(N)*` value, by \p New, a `T
/// addrspace(N)*` to the same address, in all its users. A zero-length
/// array has size 0, so a GEP's first index over it moves nothing and is
/// dropped; casts are redone on the element pointer and followed.
static bool rewriteZeroArray(Value *Old, Value *New, const cuport::lowering::ErrorSink &Errors) {
  SmallVector<User *, 8> Users(Old->users());
  for (User *U : Users) {
    auto *I = cast<Instruction>(U);
    IRBuilder<> B(I);
    if (auto *GEP = dyn_cast<GetElementPtrInst>(I)) {
      SmallVector<Value *, 4> Rest(GEP->idx_begin() + 1, GEP->idx_end());
      Type *Elem = cast<ArrayType>(GEP->getSourceElementType())->getElementType();
      if (Rest.empty()) {
        if (!rewriteZeroArray(GEP, New, Errors))
          return false;
        GEP->eraseFromParent();
        continue;
      }
      Value *NewGEP = B.CreateGEP(Elem, New, Rest, "", GEP->isInBounds());
      NewGEP->takeName(GEP);
      GEP->replaceAllUsesWith(NewGEP);
      GEP->eraseFromParent();
    } else if (auto *Cast = dyn_cast<CastInst>(I)) {
      Type *To = Cast->getDestTy();
      auto *ToPtr = dyn_cast<PointerType>(To);
      auto *ToArr = ToPtr ? dyn_cast<ArrayType>(ToPtr->getNonOpaquePointerElementType()) : nullptr;
      if (ToArr && ToArr->getNumElements() == 0) {
        // Same zero-length array in another address space: follow it.
        Type *ElemPtr = PointerType::get(ToArr->getElementType(), ToPtr->getAddressSpace());
        Value *NewCast = B.CreateCast(Cast->getOpcode(), New, ElemPtr);
        NewCast->takeName(Cast);
        if (!rewriteZeroArray(Cast, NewCast, Errors))
          return false;
        Cast->eraseFromParent();
      } else {
        Value *NewCast = B.CreateCast(Cast->getOpcode(), New, To);
        NewCast->takeName(Cast);
        Cast->replaceAllUsesWith(NewCast);
        Cast->eraseFromParent();
      }
    } else {
      Errors.error("dynamic shared memory is used by an unsupported instruction in '" +
                   I->getFunction()->getName() + "'");
      return false;
    }
  }
  return true;
}

PreservedAnalyses cuport::lowering::LowerDynamicSharedPass::run(Module &M, ModuleAnalysisManager &) {
  SmallVector<GlobalVariable *, 4> Vars;
  for (GlobalVariable &GV : M.globals())
    if (isDynamicShared(GV) && !GV.use_empty())
      Vars.push_back(&GV);
  if (Vars.empty())
    return PreservedAnalyses::all();

  SmallVector<Function *, 8> Direct;
  for (GlobalVariable *GV : Vars) {
    expandConstantUsers(*GV);
    for (User *U : GV->users())
      if (Function *F = cast<Instruction>(U)->getFunction();
          std::find(Direct.begin(), Direct.end(), F) == Direct.end())
        Direct.push_back(F);
  }
  auto Params = addHiddenArgument(Direct, Type::getInt8PtrTy(M.getContext(), LocalAS),
                                  "dynamic-shared", Errors);
  if (Params.empty())
    return PreservedAnalyses::none();

  // Each use of a variable becomes the function's parameter, cast: to the
  // variable's own type, or for `T buf[]` to a T pointer (see above).
  for (GlobalVariable *GV : Vars) {
    auto *Arr = dyn_cast<ArrayType>(GV->getValueType());
    bool ZeroLength = Arr && Arr->getNumElements() == 0;
    Type *ViewTy = ZeroLength ? PointerType::get(Arr->getElementType(), LocalAS) : GV->getType();
    // Group the users by function first: rewriting erases instructions.
    std::map<Function *, SmallVector<Instruction *, 8>> UsersIn;
    for (User *U : GV->users())
      UsersIn[cast<Instruction>(U)->getFunction()].push_back(cast<Instruction>(U));
    for (auto &[F, Users] : UsersIn) {
      IRBuilder<> B(&*F->getEntryBlock().getFirstInsertionPt());
      auto *Base = cast<Instruction>(B.CreateBitCast(Params.at(F), ViewTy, GV->getName()));
      if (!ZeroLength) {
        for (Instruction *I : Users)
          I->replaceUsesOfWith(GV, Base);
        continue;
      }
      // A placeholder of the old type lets the rewrite follow this
      // function's users; it (a cast to [0 x T]*) must not survive.
      B.SetInsertPoint(Base->getNextNode());
      auto *Placeholder = cast<Instruction>(B.CreateBitCast(Base, GV->getType()));
      for (Instruction *I : Users)
        I->replaceUsesOfWith(GV, Placeholder);
      if (!rewriteZeroArray(Placeholder, Base, Errors))
        return PreservedAnalyses::none();
      Placeholder->eraseFromParent();
    }
    GV->eraseFromParent();
  }
  return PreservedAnalyses::none();
}
