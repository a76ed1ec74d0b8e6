//===- HiddenArgument.cpp - thread a hidden parameter to its users --------===//
#include "HiddenArgument.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/ReplaceConstant.h"


using namespace llvm;

void cuport::lowering::expandConstantUsers(GlobalVariable &GV) {
  GV.removeDeadConstantUsers();
  SmallVector<ConstantExpr *, 8> CEs;
  for (User *U : GV.users())
    if (auto *CE = dyn_cast<ConstantExpr>(U))
      CEs.push_back(CE);
  for (ConstantExpr *CE : CEs) {
    // Every instruction that reaches CE through (possibly nested) constant
    // expressions; expressions used only by other globals' initialisers
    // (the used-lists) are left alone.
    SetVector<Instruction *> Insts;
    SmallVector<Constant *, 8> Work = {CE};
    SmallPtrSet<Constant *, 8> Seen;
    while (!Work.empty()) {
      Constant *C = Work.pop_back_val();
      if (!Seen.insert(C).second)
        continue;
      for (User *U : C->users()) {
        if (auto *I = dyn_cast<Instruction>(U))
          Insts.insert(I);
        else if (auto *UC = dyn_cast<ConstantExpr>(U))
          Work.push_back(UC);
      }
    }
    for (Instruction *I : Insts)
      convertConstantExprsToInstructions(I, CE);
  }
  GV.removeDeadConstantUsers();
}

/// Clones \p F with one more parameter; the clone takes F's name, body and
/// attributes. F is left empty for the caller to erase.
static Function *cloneWithParam(Function &F, Type *Ty, StringRef Name) {
  SmallVector<Type *, 8> Params(F.getFunctionType()->params().begin(),
                                F.getFunctionType()->params().end());
  Params.push_back(Ty);
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
  NF->getArg(F.arg_size())->setName(Name);
  NF->addParamAttr(F.arg_size(), Attribute::get(F.getContext(), cuport::lowering::HiddenArgAttr, Name));
  return NF;
}

std::map<Function *, Argument *>
cuport::lowering::addHiddenArgument(ArrayRef<Function *> Users, Type *Ty, StringRef Name,
                                    const ErrorSink &Errors) {
  SetVector<Function *> Need(Users.begin(), Users.end());
  for (size_t Idx = 0; Idx < Need.size(); ++Idx) {
    Function *F = Need[Idx];
    if (F->getCallingConv() == CallingConv::SPIR_KERNEL)
      continue;
    for (User *U : F->users()) {
      auto *CB = dyn_cast<CallBase>(U);
      if (!CB || CB->getCalledFunction() != F) {
        Errors.error("'" + F->getName() + "' has its address taken, but needs the hidden '" +
                     Name + "' argument, which cuport passes to device functions as a parameter");
        return {};
      }
      Need.insert(CB->getFunction());
    }
  }

  std::map<Function *, Function *> Clone;
  for (Function *F : Need)
    Clone[F] = cloneWithParam(*F, Ty, Name);

  // Calls between rewritten functions pass the caller's argument along.
  for (auto &[Old, New] : Clone) {
    SmallVector<CallBase *, 8> Calls;
    for (User *U : Old->users())
      if (auto *CB = dyn_cast<CallBase>(U))
        Calls.push_back(CB);
    for (CallBase *CB : Calls) {
      Function *Caller = CB->getFunction();
      SmallVector<Value *, 8> Args(CB->args());
      Args.push_back(Caller->getArg(Caller->arg_size() - 1));
      auto *NewCall = CallInst::Create(New->getFunctionType(), New, Args, "", CB);
      NewCall->setCallingConv(CB->getCallingConv());
      NewCall->setAttributes(CB->getAttributes());
      NewCall->setDebugLoc(CB->getDebugLoc());
      NewCall->takeName(CB);
      CB->replaceAllUsesWith(NewCall);
      CB->eraseFromParent();
    }
  }
  std::map<Function *, Argument *> Params;
  for (auto &[Old, New] : Clone) {
    Old->eraseFromParent();
    Params[New] = New->getArg(New->arg_size() - 1);
  }
  return Params;
}
