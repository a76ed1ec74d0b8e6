//===- PassSupport.cpp - small helpers several lowering passes share -----===//
#include "PassSupport.h"

#include "llvm/ADT/Twine.h"
#include "llvm/IR/DebugInfoMetadata.h"

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
