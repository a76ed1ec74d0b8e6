//===- LowerDeviceGlobals.cpp - __device__ variables in one shared block --===//
//
// CUDA's __device__ and __constant__ variables are program-scope storage
// that every kernel of a module shares and that the host reaches through
// cudaMemcpyToSymbol and friends. OpenCL 1.2 has no writable program-scope
// variables, and Debian's PoCL 3.1 reports none ("Max size for global
// variable: 0"): left as they are, each kernel silently gets a private copy.
// OpenCL also has no query for a variable's address.
//
// So the variables move into one block of device memory that the runtime
// allocates per loaded module, fills with the initialisers, and passes to
// every kernel that needs it as a hidden trailing argument (see
// HiddenArgument.h). Each use becomes `block + offset`. The block's size,
// alignment, initial bytes and each host-registered variable's name, size
// and offset are recorded in module metadata (!cuport.globals,
// !cuport.symbols) for the container's globals section.
//
// Which variables: every defined CrossWorkgroup variable that is writable or
// that the host registers (Clang lists those in the used-lists for
// registration, so this pass runs before cuport-lower-used-lists). Constant
// data the host never sees (string literals, lookup tables) stays as it is.
//
//===----------------------------------------------------------------------===//
#include "HiddenArgument.h"
#include "LoweringPasses.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

#include <algorithm>

#define DEBUG_TYPE "cuport-lower-device-globals"

using namespace llvm;

static constexpr unsigned CrossWorkgroupAS = 1;

static void registeredNames(Module &M, StringRef List, StringSet<> &Out) {
  GlobalVariable *GV = M.getGlobalVariable(List, /*AllowInternal=*/true);
  if (!GV || !GV->hasInitializer())
    return;
  if (auto *Arr = dyn_cast<ConstantArray>(GV->getInitializer()))
    for (const Use &Op : Arr->operands())
      if (auto *V = dyn_cast<GlobalVariable>(Op->stripPointerCasts()))
        Out.insert(V->getName());
}

/// Writes \p C's in-memory bytes (target layout) at \p Out. False when the
/// initialiser holds something without a fixed byte image (an address).
static bool writeConstant(const Constant *C, const DataLayout &DL, uint8_t *Out) {
  if (isa<ConstantAggregateZero>(C) || isa<UndefValue>(C) || isa<ConstantPointerNull>(C))
    return true; // the block starts zeroed
  if (auto *CI = dyn_cast<ConstantInt>(C)) {
    APInt V = CI->getValue();
    unsigned Bytes = (V.getBitWidth() + 7) / 8;
    for (unsigned I = 0; I < Bytes; ++I)
      Out[I] = uint8_t(V.extractBitsAsZExtValue(std::min(8u, V.getBitWidth() - I * 8), I * 8));
    return true;
  }
  if (auto *CF = dyn_cast<ConstantFP>(C))
    return writeConstant(ConstantInt::get(C->getContext(), CF->getValueAPF().bitcastToAPInt()),
                         DL, Out);
  if (auto *CDS = dyn_cast<ConstantDataSequential>(C)) {
    StringRef Raw = CDS->getRawDataValues();
    std::copy(Raw.begin(), Raw.end(), Out);
    return true;
  }
  if (auto *CS = dyn_cast<ConstantStruct>(C)) {
    const StructLayout *SL = DL.getStructLayout(CS->getType());
    for (unsigned I = 0; I < CS->getNumOperands(); ++I)
      if (!writeConstant(CS->getOperand(I), DL, Out + SL->getElementOffset(I)))
        return false;
    return true;
  }
  if (isa<ConstantArray>(C) || isa<ConstantVector>(C)) {
    Type *Elem = isa<ConstantArray>(C) ? cast<ArrayType>(C->getType())->getElementType()
                                       : cast<VectorType>(C->getType())->getElementType();
    uint64_t Stride = DL.getTypeAllocSize(Elem);
    for (unsigned I = 0; I < C->getNumOperands(); ++I)
      if (!writeConstant(cast<Constant>(C->getOperand(I)), DL, Out + I * Stride))
        return false;
    return true;
  }
  return false;
}

PreservedAnalyses cuport::lowering::LowerDeviceGlobalsPass::run(Module &M, ModuleAnalysisManager &) {
  StringSet<> Registered;
  registeredNames(M, "llvm.compiler.used", Registered);
  registeredNames(M, "llvm.used", Registered);

  SmallVector<GlobalVariable *, 16> Vars;
  for (GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() == CrossWorkgroupAS && !GV.isDeclaration() &&
        (!GV.isConstant() || Registered.count(GV.getName())))
      Vars.push_back(&GV);
  if (Vars.empty())
    return PreservedAnalyses::all();
  llvm::sort(Vars, [](GlobalVariable *A, GlobalVariable *B) { return A->getName() < B->getName(); });

  // Layout and initial bytes.
  const DataLayout &DL = M.getDataLayout();
  std::vector<uint64_t> Offsets;
  uint64_t Size = 0, MaxAlign = 16;
  for (GlobalVariable *GV : Vars) {
    uint64_t Align = std::max<uint64_t>(GV->getAlign().valueOrOne().value(),
                                        DL.getABITypeAlign(GV->getValueType()).value());
    MaxAlign = std::max(MaxAlign, Align);
    Size = alignTo(Size, Align);
    Offsets.push_back(Size);
    Size += std::max<uint64_t>(DL.getTypeAllocSize(GV->getValueType()), 1);
  }
  std::string Init(Size, '\0');
  for (size_t I = 0; I < Vars.size(); ++I) {
    GlobalVariable *GV = Vars[I];
    if (GV->hasInitializer() &&
        !writeConstant(GV->getInitializer(), DL, reinterpret_cast<uint8_t *>(&Init[Offsets[I]]))) {
      Errors.error("the initializer of device variable '" + GV->getName() +
                   "' holds an address; cuport supports constant initializers without addresses");
      return PreservedAnalyses::all();
    }
  }

  // The block pointer reaches every function using a variable.
  SmallVector<Function *, 8> Direct;
  for (GlobalVariable *GV : Vars) {
    expandConstantUsers(*GV);
    for (User *U : GV->users())
      if (auto *I = dyn_cast<Instruction>(U))
        if (std::find(Direct.begin(), Direct.end(), I->getFunction()) == Direct.end())
          Direct.push_back(I->getFunction());
  }
  LLVMContext &Ctx = M.getContext();
  std::map<Function *, Argument *> Params;
  if (!Direct.empty()) {
    Params = addHiddenArgument(Direct, Type::getInt8PtrTy(Ctx, CrossWorkgroupAS),
                               "globals", Errors);
    if (Params.empty())
      return PreservedAnalyses::none();
  }
  for (size_t I = 0; I < Vars.size(); ++I) {
    GlobalVariable *GV = Vars[I];
    std::map<Function *, SmallVector<Instruction *, 8>> UsersIn;
    for (User *U : GV->users())
      if (auto *Inst = dyn_cast<Instruction>(U))
        UsersIn[Inst->getFunction()].push_back(Inst);
    for (auto &[F, Users] : UsersIn) {
      IRBuilder<> B(&*F->getEntryBlock().getFirstInsertionPt());
      Value *Addr = B.CreateConstInBoundsGEP1_64(Type::getInt8Ty(Ctx), Params.at(F), Offsets[I]);
      Value *Typed = B.CreateBitCast(Addr, GV->getType(), GV->getName());
      for (Instruction *Inst : Users)
        Inst->replaceUsesOfWith(GV, Typed);
    }
    // What still refers to the variable is its used-list entry, dropped by
    // cuport-lower-used-lists; the storage itself is the block now.
    GV->setInitializer(UndefValue::get(GV->getValueType()));
  }

  Type *I64 = Type::getInt64Ty(Ctx);
  M.getOrInsertNamedMetadata("cuport.globals")
      ->addOperand(MDNode::get(Ctx, {ConstantAsMetadata::get(ConstantInt::get(I64, Size)),
                                     ConstantAsMetadata::get(ConstantInt::get(I64, MaxAlign)),
                                     MDString::get(Ctx, Init)}));
  NamedMDNode *Symbols = M.getOrInsertNamedMetadata("cuport.symbols");
  for (size_t I = 0; I < Vars.size(); ++I)
    if (Registered.count(Vars[I]->getName()))
      Symbols->addOperand(MDNode::get(
          Ctx, {MDString::get(Ctx, Vars[I]->getName()),
                ConstantAsMetadata::get(
                    ConstantInt::get(I64, DL.getTypeAllocSize(Vars[I]->getValueType()))),
                ConstantAsMetadata::get(ConstantInt::get(I64, Offsets[I]))}));
  return PreservedAnalyses::none();
}
