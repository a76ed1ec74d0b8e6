//===- LowerUsedLists.cpp - drop llvm.used lists SPIR-V cannot hold -------===//
//
// Clang keeps every __device__/__constant__ variable alive for host
// registration by listing it in @llvm.compiler.used, as an addrspacecast from
// CrossWorkgroup to the default (Function/private) address space. SPIR-V
// allows casts from a named address space only to Generic, so the translator
// rejects the module. The lists have done their job by the time lowering
// runs (no optimisation follows that could drop the variables), so they are
// removed, as is the array Clang keeps for -fgpu-rdc. Variables stay, with
// external linkage, for symbol access.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/Module.h"

#define DEBUG_TYPE "cuport-lower-used-lists"

using namespace llvm;

static bool dropList(Module &M, StringRef Name) {
  GlobalVariable *GV = M.getGlobalVariable(Name, /*AllowInternal=*/true);
  if (!GV)
    return false;
  // Only the used-lists (dropped first) refer to the lists; what remains of
  // those references are dead constant casts.
  GV->removeDeadConstantUsers();
  if (!GV->use_empty())
    return false;
  Constant *Init = GV->hasInitializer() ? GV->getInitializer() : nullptr;
  GV->eraseFromParent();
  if (Init && Init->use_empty())
    Init->destroyConstant();
  return true;
}

PreservedAnalyses cuport::lowering::LowerUsedListsPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = dropList(M, "llvm.compiler.used");
  Changed |= dropList(M, "llvm.used");
  // With -fgpu-rdc Clang also lists the externally used kernels and
  // variables in an internal array for the same purpose; it holds kernel
  // addresses (function pointers, which SPIR-V 1.2 lacks) and the same
  // casts.
  Changed |= dropList(M, "__clang_gpu_used_external");
  // The lists' casts may outlive them as dead constant users (the IR linker
  // builds new list initialisers for -rdc), and the translator visits every
  // user of a variable, dead or not.
  if (Changed)
    for (GlobalVariable &GV : M.globals())
      GV.removeDeadConstantUsers();
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}
