//===- GenericAtomics.cpp - atomics on generic pointers for PoCL ----------===//
#include "GenericAtomics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <optional>
#include <vector>

using namespace llvm;

namespace {

constexpr unsigned GenericAS = 4;

struct AtomicCall {
  StringRef Op;   ///< add, sub, xchg, min, max, and, or, xor, inc, dec, cmpxchg
  char TypeCode;  ///< Itanium code of the element type: i j l m f
};

/// Parses `_Z<len>atomic_<op>PU3AS4V<t>...` and `_Z<len>atom_<op>PU3AS4V<t>...`.
std::optional<AtomicCall> parse(StringRef Name) {
  if (!Name.consume_front("_Z"))
    return std::nullopt;
  unsigned Len = 0;
  if (Name.consumeInteger(10, Len) || Name.size() < Len)
    return std::nullopt;
  StringRef Base = Name.take_front(Len);
  StringRef Rest = Name.drop_front(Len);
  if (!Base.consume_front("atomic_") && !Base.consume_front("atom_"))
    return std::nullopt;
  if (!Rest.consume_front("PU3AS4V") || Rest.empty())
    return std::nullopt;
  return AtomicCall{Base, Rest.front()};
}

Value *emit(IRBuilder<> &B, const AtomicCall &C, CallInst *Call) {
  Value *Ptr = Call->getArgOperand(0);
  bool Signed = C.TypeCode == 'i' || C.TypeCode == 'l';
  auto RMW = [&](AtomicRMWInst::BinOp Op, Value *V) {
    return B.CreateAtomicRMW(Op, Ptr, V, MaybeAlign(), AtomicOrdering::Monotonic);
  };
  if (C.Op == "cmpxchg") {
    Value *Pair = B.CreateAtomicCmpXchg(Ptr, Call->getArgOperand(1), Call->getArgOperand(2),
                                        MaybeAlign(), AtomicOrdering::Monotonic,
                                        AtomicOrdering::Monotonic);
    return B.CreateExtractValue(Pair, 0);
  }
  if (C.Op == "inc" || C.Op == "dec")
    return RMW(C.Op == "inc" ? AtomicRMWInst::Add : AtomicRMWInst::Sub,
               ConstantInt::get(Call->getType(), 1));
  auto Op = StringSwitch<std::optional<AtomicRMWInst::BinOp>>(C.Op)
                .Case("add", AtomicRMWInst::Add)
                .Case("sub", AtomicRMWInst::Sub)
                .Case("xchg", AtomicRMWInst::Xchg) // integers and float alike
                .Case("and", AtomicRMWInst::And)
                .Case("or", AtomicRMWInst::Or)
                .Case("xor", AtomicRMWInst::Xor)
                .Case("min", Signed ? AtomicRMWInst::Min : AtomicRMWInst::UMin)
                .Case("max", Signed ? AtomicRMWInst::Max : AtomicRMWInst::UMax)
                .Default(std::nullopt);
  if (!Op || Call->arg_size() != 2)
    return nullptr;
  return RMW(*Op, Call->getArgOperand(1));
}

} // namespace

std::string cuport::target::lowerGenericAtomics(Module &M) {
  std::string Problems;
  std::vector<CallInst *> Calls;
  for (Function &F : M) {
    if (!F.isDeclaration() || !parse(F.getName()))
      continue;
    for (User *U : F.users())
      if (auto *CI = dyn_cast<CallInst>(U))
        Calls.push_back(CI);
  }
  for (CallInst *Call : Calls) {
    AtomicCall C = *parse(Call->getCalledFunction()->getName());
    auto *PT = dyn_cast<PointerType>(Call->getArgOperand(0)->getType());
    if (!PT || PT->getAddressSpace() != GenericAS)
      continue;
    IRBuilder<> B(Call);
    Value *V = emit(B, C, Call);
    if (!V) {
      Problems += "unknown generic atomic '" + Call->getCalledFunction()->getName().str() + "'; ";
      continue;
    }
    Call->replaceAllUsesWith(V);
    Call->eraseFromParent();
  }
  return Problems;
}
