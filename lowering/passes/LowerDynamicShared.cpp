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
#include "PassSupport.h"

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
  // variable's own type, or for `T buf[]` to a T pointer (replaceZeroLengthArray).
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
      // The parameter itself when it has the view's type already (`extern
      // __shared__ char buf[]`), else a cast of it.
      Value *Base = B.CreateBitCast(Params.at(F), ViewTy, GV->getName());
      if (!ZeroLength) {
        for (Instruction *I : Users)
          I->replaceUsesOfWith(GV, Base);
        continue;
      }
      // A placeholder of the old type lets the rewrite follow this
      // function's users; it (a cast to [0 x T]*) must not survive.
      auto *Placeholder = cast<Instruction>(B.CreateBitCast(Base, GV->getType()));
      for (Instruction *I : Users)
        I->replaceUsesOfWith(GV, Placeholder);
      if (!replaceZeroLengthArray(Placeholder, Base, Errors))
        return PreservedAnalyses::none();
      Placeholder->eraseFromParent();
    }
    GV->eraseFromParent();
  }
  return PreservedAnalyses::none();
}
