//===- LegalizeIntWidths.cpp - integers SPIR-V can hold --------------------===//
//
// LLVM's optimiser narrows integer work to the bits it needs: a half's
// exponent test `((h >> 10) & 31) == 31` becomes an i5 comparison.
// SPIRV-LLVM-Translator 15 takes only 1, 8, 16, 32 and 64-bit integers
// ("InvalidBitWidth") and then exits the process. This pass promotes every
// other width to the next legal one, as a backend's type legalizer does:
// values live in the wider type with unspecified high bits, and the
// operations whose result depends on those bits (shifts right, division,
// comparison, extension, conversion to float) first re-extend their
// operands from the original width, with zeros or with the sign as the
// operation needs. Anything else on an odd width (loads, stores, calls) is
// a compile error that names the function.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <map>

#define DEBUG_TYPE "cuport-legalize-int-widths"

using namespace llvm;

namespace {

bool isLegal(Type *T) {
  auto *IT = dyn_cast<IntegerType>(T);
  if (!IT)
    return true;
  unsigned W = IT->getBitWidth();
  return W == 1 || W == 8 || W == 16 || W == 32 || W == 64;
}

unsigned legalWidth(unsigned W) { return W <= 8 ? 8 : W <= 16 ? 16 : W <= 32 ? 32 : 64; }

class Legalizer {
public:
  Legalizer(Function &F, const cuport::lowering::ErrorSink &Errors) : F(F), Errors(Errors) {}
  bool run();

private:
  /// The promoted value standing for \p V (V itself when V is legal).
  Value *get(Value *V);
  /// \p V's promoted value with its high bits made meaningful: zero- or
  /// sign-extended from \p Width.
  Value *extended(IRBuilder<> &B, Value *V, unsigned Width, bool Signed);
  bool promote(Instruction &I);

  Function &F;
  const cuport::lowering::ErrorSink &Errors;
  std::map<Value *, Value *> Map;
  std::vector<PHINode *> PendingPhis;
};

Value *Legalizer::get(Value *V) {
  if (isLegal(V->getType()))
    return V;
  auto It = Map.find(V);
  if (It != Map.end())
    return It->second;
  auto *IT = cast<IntegerType>(V->getType());
  Type *To = IntegerType::get(V->getContext(), legalWidth(IT->getBitWidth()));
  if (auto *C = dyn_cast<ConstantInt>(V))
    return ConstantInt::get(To, C->getValue().zext(To->getIntegerBitWidth()));
  if (isa<UndefValue>(V))
    return UndefValue::get(To);
  return nullptr; // not yet promoted (a phi operand from a later block)
}

Value *Legalizer::extended(IRBuilder<> &B, Value *V, unsigned Width, bool Signed) {
  Value *P = get(V);
  unsigned To = P->getType()->getIntegerBitWidth();
  if (Width == To)
    return P;
  if (!Signed)
    return B.CreateAnd(P, ConstantInt::get(P->getType(), APInt::getLowBitsSet(To, Width)));
  Value *Amount = ConstantInt::get(P->getType(), To - Width);
  return B.CreateAShr(B.CreateShl(P, Amount), Amount);
}

bool Legalizer::promote(Instruction &I) {
  IRBuilder<> B(&I);
  Type *T = I.getType();
  unsigned Width = isa<IntegerType>(T) ? T->getIntegerBitWidth() : 0;
  Type *To = isLegal(T) ? T : IntegerType::get(T->getContext(), legalWidth(Width));
  Value *New = nullptr;

  if (auto *BO = dyn_cast<BinaryOperator>(&I)) {
    Value *L = BO->getOperand(0), *R = BO->getOperand(1);
    switch (BO->getOpcode()) {
    case Instruction::Add:
    case Instruction::Sub:
    case Instruction::Mul:
    case Instruction::And:
    case Instruction::Or:
    case Instruction::Xor:
    case Instruction::Shl: // the count needs its true value
      New = B.CreateBinOp(BO->getOpcode(), get(L),
                          BO->getOpcode() == Instruction::Shl ? extended(B, R, Width, false) : get(R));
      break;
    case Instruction::LShr:
    case Instruction::UDiv:
    case Instruction::URem:
      New = B.CreateBinOp(BO->getOpcode(), extended(B, L, Width, false), extended(B, R, Width, false));
      break;
    case Instruction::AShr:
      New = B.CreateAShr(extended(B, L, Width, true), extended(B, R, Width, false));
      break;
    case Instruction::SDiv:
    case Instruction::SRem:
      New = B.CreateBinOp(BO->getOpcode(), extended(B, L, Width, true), extended(B, R, Width, true));
      break;
    default:
      break;
    }
  } else if (auto *Cmp = dyn_cast<ICmpInst>(&I)) {
    unsigned W = Cmp->getOperand(0)->getType()->getIntegerBitWidth();
    New = B.CreateICmp(Cmp->getPredicate(), extended(B, Cmp->getOperand(0), W, Cmp->isSigned()),
                       extended(B, Cmp->getOperand(1), W, Cmp->isSigned()));
  } else if (auto *Cast = dyn_cast<CastInst>(&I)) {
    Value *Src = Cast->getOperand(0);
    unsigned SrcW = Src->getType()->isIntegerTy() ? Src->getType()->getIntegerBitWidth() : 0;
    switch (Cast->getOpcode()) {
    case Instruction::Trunc: // to an odd width: keep the low bits, wider
      New = B.CreateZExtOrTrunc(get(Src), To);
      break;
    case Instruction::ZExt:
    case Instruction::SExt: {
      bool Signed = Cast->getOpcode() == Instruction::SExt;
      Value *E = isLegal(Src->getType()) ? Src : extended(B, Src, SrcW, Signed);
      New = Signed ? B.CreateSExtOrTrunc(E, To) : B.CreateZExtOrTrunc(E, To);
      break;
    }
    case Instruction::UIToFP:
    case Instruction::SIToFP: {
      bool Signed = Cast->getOpcode() == Instruction::SIToFP;
      New = B.CreateCast(Cast->getOpcode(), extended(B, Src, SrcW, Signed), T);
      break;
    }
    case Instruction::FPToUI:
    case Instruction::FPToSI:
      New = B.CreateCast(Cast->getOpcode(), Src, To);
      break;
    default:
      break;
    }
  } else if (auto *SW = dyn_cast<SwitchInst>(&I)) {
    unsigned W = SW->getCondition()->getType()->getIntegerBitWidth();
    Value *Cond = extended(B, SW->getCondition(), W, false);
    auto *CondTy = cast<IntegerType>(Cond->getType());
    SwitchInst *NS = B.CreateSwitch(Cond, SW->getDefaultDest(), SW->getNumCases());
    for (auto &Case : SW->cases())
      NS->addCase(ConstantInt::get(CondTy->getContext(), Case.getCaseValue()->getValue().zext(CondTy->getBitWidth())),
                  Case.getCaseSuccessor());
    SW->eraseFromParent();
    return true;
  } else if (auto *Sel = dyn_cast<SelectInst>(&I)) {
    New = B.CreateSelect(Sel->getCondition(), get(Sel->getTrueValue()), get(Sel->getFalseValue()));
  } else if (auto *Phi = dyn_cast<PHINode>(&I)) {
    PHINode *NP = B.CreatePHI(To, Phi->getNumIncomingValues());
    PendingPhis.push_back(Phi);
    New = NP;
  }
  if (!New) {
    for (Value *Op : I.operands())
      if (!isLegal(Op->getType()))
        Width = Op->getType()->getIntegerBitWidth();
    Errors.error("'" + F.getName() + "' computes with a " + Twine(Width) +
                 "-bit integer in a way cuport cannot widen for SPIR-V (" + I.getOpcodeName() +
                 ")");
    return false;
  }
  // A widening cast can fold to an existing value (an argument): keep its name.
  if (auto *NI = dyn_cast<Instruction>(New); NI && !NI->hasName())
    NI->takeName(&I);
  if (isLegal(T))
    I.replaceAllUsesWith(New);
  else
    Map[&I] = New;
  return true;
}

bool Legalizer::run() {
  std::vector<Instruction *> Work;
  for (Instruction &I : instructions(F)) {
    bool Odd = !isLegal(I.getType());
    for (Value *Op : I.operands())
      Odd |= !isLegal(Op->getType());
    if (Odd)
      Work.push_back(&I);
  }
  if (Work.empty())
    return false;
  std::vector<Instruction *> Replaced;
  for (Instruction *I : Work) {
    bool IsSwitch = isa<SwitchInst>(I);
    if (!promote(*I))
      return true;
    if (!IsSwitch)
      Replaced.push_back(I);
  }
  for (PHINode *Phi : PendingPhis) {
    auto *NP = cast<PHINode>(Map[Phi]);
    for (unsigned K = 0; K < Phi->getNumIncomingValues(); ++K)
      NP->addIncoming(get(Phi->getIncomingValue(K)), Phi->getIncomingBlock(K));
  }
  // Odd-width values are now unused except by each other.
  for (auto It = Replaced.rbegin(); It != Replaced.rend(); ++It) {
    (*It)->replaceAllUsesWith(UndefValue::get((*It)->getType()));
    (*It)->eraseFromParent();
  }
  return true;
}

} // namespace

PreservedAnalyses cuport::lowering::LegalizeIntWidthsPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M)
    if (!F.isDeclaration())
      Changed |= Legalizer(F, Errors).run();
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
