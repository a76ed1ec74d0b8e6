//===- KernelMetadata.cpp - kernel launch metadata from IR ----------------===//
//
// The mapping from IR parameters to CUDA arguments, after lowering:
//   ptr byval(T)            -> Value, sizeof(T) bytes (structs, arrays)
//   ptr addrspace(1)        -> GlobalPointer (a device address)
//   ptr addrspace(3)        -> DynamicShared (hidden; sized by the launch)
//   any other first-class   -> Value, its alloc size
// A pointer in another address space as a kernel parameter cannot come from
// CUDA source through Clang's SPIR ABI, so it is an internal error.
//
// A kernel's static shared memory is what its workgroup-space variables take
// (CUDA's __shared__ arrays, and any lowering added): those the kernel or
// the functions it calls refer to, each at its allocation size and
// alignment. The runtime reports it (cudaFuncGetAttributes) and sizes
// occupancy with it, because OpenCL drivers do not say it per kernel.
//
//===----------------------------------------------------------------------===//
#include "KernelMetadata.h"
#include "SharedSlices.h"


#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Metadata.h"

using namespace llvm;
using cuport::fatbin::ArgKind;
using cuport::fatbin::KernelArg;
using cuport::fatbin::KernelInfo;

static Expected<KernelArg> describe(const Function &F, const Argument &A, const DataLayout &DL) {
  KernelArg K;
  Type *T = A.getType();
  // Hidden arguments added by lowering (HiddenArgument.h) say what they are.
  if (F.getAttributes().hasParamAttr(A.getArgNo(), "cuport-hidden")) {
    StringRef Which = F.getAttributes().getParamAttr(A.getArgNo(), "cuport-hidden").getValueAsString();
    K.Kind = Which == "globals"      ? ArgKind::GlobalsBlock
             : Which == "block-dim"  ? ArgKind::BlockDim
             : Which == "grid-shape" ? ArgKind::GridShape
                                     : ArgKind::DynamicShared;
    K.Size = Which == "block-dim" ? 4 : Which == "grid-shape" ? 16 : 0;
    K.Align = Which == "block-dim" ? 4 : 16;
    if (Which != "globals" && Which != "dynamic-shared" && Which != "block-dim" &&
        Which != "grid-shape")
      return createStringError(inconvertibleErrorCode(),
                               "kernel '" + F.getName() + "' has an unknown hidden argument '" +
                                   Which + "'");
    return K;
  }
  if (Type *ByVal = A.getParamByValType()) {
    K.Kind = ArgKind::Value;
    K.Size = DL.getTypeAllocSize(ByVal);
    K.Align = A.getParamAlign().valueOrOne().value();
    return K;
  }
  if (auto *PT = dyn_cast<PointerType>(T)) {
    switch (PT->getAddressSpace()) {
    case 1:
      K.Kind = ArgKind::GlobalPointer;
      K.Size = 8;
      K.Align = 8;
      return K;
    case 3:
      K.Kind = ArgKind::DynamicShared;
      K.Size = 0;
      K.Align = 16;
      return K;
    default:
      return createStringError(inconvertibleErrorCode(),
                               "kernel '" + F.getName() + "' has a parameter in address space " +
                                   Twine(PT->getAddressSpace()) + ", which cuport cannot launch");
    }
  }
  if (!T->isSized())
    return createStringError(inconvertibleErrorCode(),
                             "kernel '" + F.getName() + "' has an unsized parameter");
  K.Kind = ArgKind::Value;
  K.Size = DL.getTypeAllocSize(T);
  K.Align = DL.getABITypeAlign(T).value();
  return K;
}

/// True when \p V is used, directly or through constant expressions, by an
/// instruction of one of \p Fns.
static bool usedIn(const Value &V, const SmallPtrSetImpl<const Function *> &Fns) {
  for (const User *U : V.users()) {
    if (const auto *I = dyn_cast<Instruction>(U)) {
      if (Fns.count(I->getFunction()))
        return true;
    } else if (isa<ConstantExpr>(U) && usedIn(*U, Fns)) {
      return true;
    }
  }
  return false;
}

/// Bytes of workgroup-space variables that \p Kernel's code reaches, or
/// that lowering recorded for a kernel whose blocks share one buffer.
static uint64_t staticSharedBytes(const Function &Kernel, const DataLayout &DL) {
  if (Attribute A = Kernel.getFnAttribute(cuport::lowering::StaticSharedAttr); A.isValid()) {
    uint64_t Bytes = 0;
    if (!A.getValueAsString().getAsInteger(10, Bytes))
      return Bytes;
  }
  constexpr unsigned WorkgroupAS = 3;
  SmallPtrSet<const Function *, 16> Reached;
  SmallVector<const Function *, 16> Work{&Kernel};
  while (!Work.empty()) {
    const Function *F = Work.pop_back_val();
    if (!Reached.insert(F).second)
      continue;
    for (const Instruction &I : instructions(*F))
      if (const auto *Call = dyn_cast<CallBase>(&I))
        if (const Function *Callee = Call->getCalledFunction(); Callee && !Callee->isDeclaration())
          Work.push_back(Callee);
  }
  uint64_t Bytes = 0;
  for (const GlobalVariable &G : Kernel.getParent()->globals()) {
    if (G.getAddressSpace() != WorkgroupAS || !usedIn(G, Reached))
      continue;
    Align A = DL.getValueOrABITypeAlignment(G.getAlign(), G.getValueType());
    Bytes = alignTo(Bytes, A) + DL.getTypeAllocSize(G.getValueType());
  }
  return Bytes;
}

/// Bytes of the stack slots of \p Kernel (a lockstep kernel's are its warp's
/// lane state and frames, every device function being inlined into it).
static uint64_t privateBytes(const Function &Kernel, const DataLayout &DL) {
  uint64_t Bytes = 0;
  for (const Instruction &I : instructions(Kernel))
    if (const auto *AI = dyn_cast<AllocaInst>(&I))
      if (Optional<TypeSize> Size = AI->getAllocationSizeInBits(DL))
        Bytes = alignTo(Bytes, AI->getAlign()) + Size->getFixedSize() / 8;
  return Bytes;
}

Expected<std::vector<KernelInfo>> cuport::lowering::collectKernelInfo(const Module &M) {
  std::vector<KernelInfo> Kernels;
  const DataLayout &DL = M.getDataLayout();
  for (const Function &F : M) {
    if (F.isDeclaration() || F.getCallingConv() != CallingConv::SPIR_KERNEL)
      continue;
    KernelInfo Info;
    Info.Name = F.getName().str();
    uint64_t Shared = staticSharedBytes(F, DL);
    if (Shared > UINT32_MAX)
      return createStringError(inconvertibleErrorCode(),
                               "kernel '" + F.getName() + "' has " + Twine(Shared) +
                                   " bytes of static shared memory");
    Info.StaticSharedBytes = uint32_t(Shared);
    for (const Argument &A : F.args()) {
      auto K = describe(F, A, DL);
      if (!K)
        return K.takeError();
      if (K->Kind == ArgKind::DynamicShared)
        Info.Flags |= fatbin::KF_UsesDynamicShared;
      if (K->Kind == ArgKind::BlockDim)
        Info.Flags |= fatbin::KF_WarpLockstep;
      if (K->Kind == ArgKind::GridShape) {
        Info.Flags |= fatbin::KF_GridLockstep;
        // The whole grid runs in one work-group: a runtime bounds it by
        // what its work-items need together.
        K->Extra = uint32_t(std::min<uint64_t>(privateBytes(F, DL), UINT32_MAX));
      }
      Info.Args.push_back(*K);
    }
    Kernels.push_back(std::move(Info));
  }
  return Kernels;
}

void cuport::lowering::collectGlobals(const Module &M, fatbin::FatBinary &FB) {
  if (const NamedMDNode *G = M.getNamedMetadata("cuport.globals"); G && G->getNumOperands()) {
    const MDNode *Block = G->getOperand(0);
    FB.Globals.Size = mdconst::extract<ConstantInt>(Block->getOperand(0))->getZExtValue();
    FB.Globals.Align = mdconst::extract<ConstantInt>(Block->getOperand(1))->getZExtValue();
    StringRef Init = cast<MDString>(Block->getOperand(2))->getString();
    FB.Globals.Init.assign(Init.begin(), Init.end());
  }
  if (const NamedMDNode *Table = M.getNamedMetadata("cuport.symbols"))
    for (const MDNode *Entry : Table->operands()) {
      fatbin::SymbolInfo S;
      S.Name = cast<MDString>(Entry->getOperand(0))->getString().str();
      S.Size = mdconst::extract<ConstantInt>(Entry->getOperand(1))->getZExtValue();
      S.Offset = mdconst::extract<ConstantInt>(Entry->getOperand(2))->getZExtValue();
      FB.Symbols.push_back(std::move(S));
    }
}
