//===- PassSupport.cpp - small helpers several lowering passes share -----===//
#include "PassSupport.h"

#include "llvm/ADT/Twine.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

std::string cuport::lowering::sourceLocation(const Instruction *I) {
  const DILocation *Loc = I ? I->getDebugLoc().get() : nullptr;
  if (!Loc)
    return "";
  return (Loc->getFilename() + ":" + Twine(Loc->getLine()) + ":" + Twine(Loc->getColumn()) + ": ")
      .str();
}

bool cuport::lowering::isWorkGroupBarrier(const Function &F) {
  StringRef N = F.getName();
  return N.startswith("_Z7barrier") || N.startswith("_Z18work_group_barrier");
}

bool cuport::lowering::isWorkItemQuery(const Function &F) {
  StringRef N = F.getName();
  for (StringRef P : {"_Z12get_local_id", "_Z14get_local_size", "_Z13get_global_id",
                      "_Z15get_global_size", "_Z12get_group_id", "_Z14get_num_groups",
                      "_Z19get_local_linear_id", "_Z20get_global_linear_id",
                      "_Z23get_enqueued_local_size"})
    if (N.startswith(P))
      return true;
  return false;
}

bool cuport::lowering::replaceZeroLengthArray(Value *Old, Value *New, const ErrorSink &Errors) {
  SmallVector<User *, 8> Users(Old->users());
  for (User *U : Users) {
    auto *I = cast<Instruction>(U);
    IRBuilder<> B(I);
    if (auto *GEP = dyn_cast<GetElementPtrInst>(I)) {
      SmallVector<Value *, 4> Rest(GEP->idx_begin() + 1, GEP->idx_end());
      Type *Elem = cast<ArrayType>(GEP->getSourceElementType())->getElementType();
      if (Rest.empty()) {
        if (!replaceZeroLengthArray(GEP, New, Errors))
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
        if (!replaceZeroLengthArray(Cast, NewCast, Errors))
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
