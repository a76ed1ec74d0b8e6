//===- SharedSlices.cpp - a block's __shared__ variables in one slice -----===//
#include "SharedSlices.h"

#include "HiddenArgument.h"
#include "PassSupport.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"

using namespace llvm;

std::optional<uint64_t> cuport::lowering::placeSharedInSlice(Function &F, Argument &Slice,
                                                             StringRef Kernel,
                                                             const ErrorSink &Errors) {
  constexpr unsigned LocalAS = 3;
  Module &M = *F.getParent();
  const DataLayout &DL = M.getDataLayout();
  // The variables F uses, after turning constant expressions on them into
  // instructions (each use then sits in one function).
  SetVector<GlobalVariable *> Used;
  for (GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() == LocalAS) {
      expandConstantUsers(GV);
      for (User *U : GV.users())
        if (auto *I = dyn_cast<Instruction>(U); I && I->getFunction() == &F)
          Used.insert(&GV);
    }

  DenseMap<GlobalVariable *, uint64_t> Offset;
  uint64_t Static = 0;
  for (GlobalVariable *GV : Used) {
    if (GV->isDeclaration())
      continue;
    Align A = DL.getValueOrABITypeAlignment(GV->getAlign(), GV->getValueType());
    if (A.value() > SharedSliceAlign) {
      Errors.error("kernel '" + demangle(Kernel.str()) + "' synchronizes its grid and its "
                   "__shared__ variable '" + GV->getName() + "' asks for " +
                   Twine(A.value()) + "-byte alignment; cuport gives each block's shared "
                   "memory " + Twine(SharedSliceAlign));
      return std::nullopt;
    }
    Static = alignTo(Static, A);
    Offset[GV] = Static;
    Static += DL.getTypeAllocSize(GV->getValueType());
  }
  for (GlobalVariable *GV : Used)
    if (GV->isDeclaration())
      Offset[GV] = alignTo(Static, DynamicSharedAlign);

  // The addresses, computed once at F's entry, which dominates every use.
  IRBuilder<> B(&*F.getEntryBlock().getFirstInsertionPt());
  for (GlobalVariable *GV : Used) {
    Value *Addr = B.CreateConstInBoundsGEP1_64(B.getInt8Ty(), &Slice, Offset[GV],
                                               GV->getName() + ".slice");
    // `extern __shared__ T buf[]` is a zero-length array, which SPIR-V does
    // not have: its users index a T pointer instead.
    auto *Arr = dyn_cast<ArrayType>(GV->getValueType());
    bool ZeroLength = Arr && Arr->getNumElements() == 0;
    Value *View = B.CreateBitCast(
        Addr, ZeroLength ? PointerType::get(Arr->getElementType(), LocalAS) : GV->getType());
    Value *Typed = ZeroLength ? B.CreateBitCast(View, GV->getType()) : View;
    for (Use &U : make_early_inc_range(GV->uses()))
      if (auto *I = dyn_cast<Instruction>(U.getUser()); I && I->getFunction() == &F)
        U.set(Typed);
    if (ZeroLength) {
      if (!replaceZeroLengthArray(Typed, View, Errors))
        return std::nullopt;
      cast<Instruction>(Typed)->eraseFromParent();
    }
    // A variable no other kernel uses goes: SPIR-V cannot declare a
    // zero-length array, and a consumer would set memory aside for it.
    if (GV->removeDeadConstantUsers(), GV->use_empty())
      GV->eraseFromParent();
  }
  return Static;
}
