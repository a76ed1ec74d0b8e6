//===- CallCycle.cpp - find recursion among device functions -------------===//
#include "CallCycle.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/IR/InstIterator.h"

using namespace llvm;

namespace {
enum class Visit { OnPath = 1, Done = 2 };

CallBase *search(Function &F, function_ref<bool(const Function &)> Follow,
                 DenseMap<Function *, Visit> &State) {
  State[&F] = Visit::OnPath;
  for (Instruction &I : instructions(F))
    if (auto *CB = dyn_cast<CallBase>(&I)) {
      Function *G = CB->getCalledFunction();
      if (!G || G->isDeclaration() || !Follow(*G))
        continue;
      auto It = State.find(G);
      if (It != State.end() && It->second == Visit::OnPath)
        return CB;
      if (It == State.end())
        if (CallBase *C = search(*G, Follow, State))
          return C;
    }
  State[&F] = Visit::Done;
  return nullptr;
}
} // namespace

CallBase *cuport::lowering::findRecursiveCall(ArrayRef<Function *> Roots,
                                              function_ref<bool(const Function &)> Follow) {
  DenseMap<Function *, Visit> State;
  for (Function *F : Roots)
    if (!State.count(F))
      if (CallBase *C = search(*F, Follow, State))
        return C;
  return nullptr;
}
