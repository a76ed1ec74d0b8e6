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
#include "LoweringPasses.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/ReplaceConstant.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <map>

#define DEBUG_TYPE "cuport-lower-dynamic-shared"

using namespace llvm;

static constexpr unsigned LocalAS = 3;

static bool isDynamicShared(const GlobalVariable &GV) {
  return GV.getAddressSpace() == LocalAS && GV.isDeclaration();
}

/// Turns constant expressions built on \p GV into instructions, so that
/// every use of GV sits directly in an instruction of a known function.
static void expandConstantUses(GlobalVariable &GV) {
  SmallVector<ConstantExpr *, 8> CEs;
  for (User *U : GV.users())
    if (auto *CE = dyn_cast<ConstantExpr>(U))
      CEs.push_back(CE);
  for (ConstantExpr *CE : CEs) {
    SmallVector<User *, 8> Users(CE->users());
    for (User *U : Users) {
      if (auto *I = dyn_cast<Instruction>(U))
        convertConstantExprsToInstructions(I, CE);
      else if (auto *Inner = dyn_cast<ConstantExpr>(U))
        (void)Inner; // handled when the outer expression reaches an instruction
    }
  }
  // Nested expressions: repeat until only instructions use GV.
  bool Again = false;
  for (User *U : GV.users())
    if (isa<ConstantExpr>(U) && !U->use_empty())
      Again = true;
  GV.removeDeadConstantUsers();
  if (Again)
    expandConstantUses(GV);
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

/// Clones \p F with one more parameter; the clone takes F's name, body and
/// attributes. Returns the clone; F is left empty for the caller to erase.
static Function *addTrailingParam(Function &F, Type *ParamTy) {
  SmallVector<Type *, 8> Params(F.getFunctionType()->params().begin(),
                                F.getFunctionType()->params().end());
  Params.push_back(ParamTy);
  FunctionType *NewTy = FunctionType::get(F.getReturnType(), Params, F.isVarArg());
  Function *NF = Function::Create(NewTy, F.getLinkage(), F.getAddressSpace(), "");
  F.getParent()->getFunctionList().insert(F.getIterator(), NF);
  NF->copyAttributesFrom(&F);
  NF->setCallingConv(F.getCallingConv());
  NF->takeName(&F);
  SmallVector<std::pair<unsigned, MDNode *>, 4> MDs;
  F.getAllMetadata(MDs);
  for (auto &[Kind, Node] : MDs)
    NF->setMetadata(Kind, Node);
  NF->getBasicBlockList().splice(NF->begin(), F.getBasicBlockList());
  for (unsigned I = 0; I < F.arg_size(); ++I) {
    NF->getArg(I)->takeName(F.getArg(I));
    F.getArg(I)->replaceAllUsesWith(NF->getArg(I));
  }
  NF->getArg(F.arg_size())->setName("__cuport_dynamic_shared");
  return NF;
}

PreservedAnalyses cuport::lowering::LowerDynamicSharedPass::run(Module &M, ModuleAnalysisManager &) {
  SmallVector<GlobalVariable *, 4> Vars;
  for (GlobalVariable &GV : M.globals())
    if (isDynamicShared(GV) && !GV.use_empty())
      Vars.push_back(&GV);
  if (Vars.empty())
    return PreservedAnalyses::all();

  // Which functions need the pointer: direct users, then callers up to the
  // kernels.
  SetVector<Function *> Need;
  for (GlobalVariable *GV : Vars) {
    expandConstantUses(*GV);
    for (User *U : GV->users())
      if (auto *I = dyn_cast<Instruction>(U))
        Need.insert(I->getFunction());
  }
  for (size_t Idx = 0; Idx < Need.size(); ++Idx) {
    Function *F = Need[Idx];
    if (F->getCallingConv() == CallingConv::SPIR_KERNEL)
      continue;
    for (User *U : F->users()) {
      auto *CB = dyn_cast<CallBase>(U);
      if (!CB || CB->getCalledFunction() != F) {
        Errors.error("'" + F->getName() +
                     "' uses dynamic shared memory and has its address taken; cuport "
                     "passes dynamic shared memory to device functions as a parameter");
        return PreservedAnalyses::all();
      }
      Need.insert(CB->getFunction());
    }
  }

  LLVMContext &Ctx = M.getContext();
  Type *ParamTy = Type::getInt8PtrTy(Ctx, LocalAS);
  std::map<Function *, Function *> Clone;
  for (Function *F : Need)
    Clone[F] = addTrailingParam(*F, ParamTy);

  // Calls between rewritten functions pass the caller's pointer along.
  for (auto &[Old, New] : Clone) {
    SmallVector<CallBase *, 8> Calls;
    for (User *U : Old->users())
      if (auto *CB = dyn_cast<CallBase>(U))
        Calls.push_back(CB);
    for (CallBase *CB : Calls) {
      Function *Caller = CB->getFunction();
      Value *Ptr = Caller->getArg(Caller->arg_size() - 1);
      SmallVector<Value *, 8> Args(CB->args());
      Args.push_back(Ptr);
      auto *NewCall = CallInst::Create(New->getFunctionType(), New, Args, "", CB);
      NewCall->setCallingConv(CB->getCallingConv());
      NewCall->setAttributes(CB->getAttributes());
      NewCall->setDebugLoc(CB->getDebugLoc());
      NewCall->takeName(CB);
      CB->replaceAllUsesWith(NewCall);
      CB->eraseFromParent();
    }
  }

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
      auto *Base = cast<Instruction>(
          B.CreateBitCast(F->getArg(F->arg_size() - 1), ViewTy, GV->getName()));
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
  for (auto &[Old, New] : Clone)
    Old->eraseFromParent();
  return PreservedAnalyses::none();
}
