//===- LowerGenericGlobals.cpp - no module variables in Generic storage ---===//
//
// For spirv64 CUDA device code Clang places some module-scope variables in
// the default (Generic, addrspace 4) address space: the constant arrays it
// makes from local initialisers (`const int k[3][3] = {...}` inside a
// kernel), string literals, and similar. SPIR-V forbids OpVariable in the
// Generic storage class ("OpVariable storage class cannot be Generic"). Each
// such variable moves to CrossWorkgroup (addrspace 1), and its users see it
// through an addrspacecast back to Generic, a cast OpenCL allows. Constant
// data stays constant. Runs while the used-lists still exist (they are
// rewritten along with every other use), before device globals are laid
// out in the runtime's block.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "cuport-lower-generic-globals"

using namespace llvm;

static constexpr unsigned GenericAS = 4;
static constexpr unsigned CrossWorkgroupAS = 1;

PreservedAnalyses cuport::lowering::LowerGenericGlobalsPass::run(Module &M, ModuleAnalysisManager &) {
  SmallVector<GlobalVariable *, 8> Work;
  for (GlobalVariable &GV : M.globals())
    if (GV.getAddressSpace() == GenericAS && !GV.getName().startswith("llvm."))
      Work.push_back(&GV);
  for (GlobalVariable *GV : Work) {
    auto *NewGV = new GlobalVariable(
        M, GV->getValueType(), GV->isConstant(), GV->getLinkage(),
        GV->hasInitializer() ? GV->getInitializer() : nullptr, "", GV,
        GV->getThreadLocalMode(), CrossWorkgroupAS, GV->isExternallyInitialized());
    NewGV->copyAttributesFrom(GV);
    NewGV->takeName(GV);
    GV->replaceAllUsesWith(ConstantExpr::getAddrSpaceCast(NewGV, GV->getType()));
    GV->eraseFromParent();
  }
  return Work.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}
