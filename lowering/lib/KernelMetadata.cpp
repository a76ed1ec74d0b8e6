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
//===----------------------------------------------------------------------===//
#include "KernelMetadata.h"

#include "llvm/IR/DataLayout.h"
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
    K.Kind = Which == "globals"     ? ArgKind::GlobalsBlock
             : Which == "block-dim" ? ArgKind::BlockDim
                                    : ArgKind::DynamicShared;
    K.Size = Which == "block-dim" ? 4 : 0;
    K.Align = Which == "block-dim" ? 4 : 16;
    if (Which != "globals" && Which != "dynamic-shared" && Which != "block-dim")
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

Expected<std::vector<KernelInfo>> cuport::lowering::collectKernelInfo(const Module &M) {
  std::vector<KernelInfo> Kernels;
  const DataLayout &DL = M.getDataLayout();
  for (const Function &F : M) {
    if (F.isDeclaration() || F.getCallingConv() != CallingConv::SPIR_KERNEL)
      continue;
    KernelInfo Info;
    Info.Name = F.getName().str();
    for (const Argument &A : F.args()) {
      auto K = describe(F, A, DL);
      if (!K)
        return K.takeError();
      if (K->Kind == ArgKind::DynamicShared)
        Info.Flags |= fatbin::KF_UsesDynamicShared;
      if (K->Kind == ArgKind::BlockDim)
        Info.Flags |= fatbin::KF_WarpLockstep;
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
