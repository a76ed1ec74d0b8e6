//===- CheckUndefined.cpp - reject calls no OpenCL consumer can resolve ---===//
//
// A SPIR-V module is linked by the OpenCL driver against its built-ins only.
// A call to a __device__ function that is declared but defined nowhere in
// the module (forgotten definition, or one defined in another .cu file
// without -rdc=true) would surface as an obscure build failure at the first
// launch, on the user's machine. This pass makes it a compile-time error
// that names the function (demangled) and the kernel-side caller.
//
// Allowed: LLVM intrinsics, SPIR-V friendly `__spirv_*` calls, and OpenCL C
// built-ins, recognised by the demangled base name (OpenCLBuiltins.def), and
// the warp primitives that the next pass lowers.
//
//===----------------------------------------------------------------------===//
#include "LoweringPasses.h"

#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <cstdlib>

#define DEBUG_TYPE "cuport-check-undefined"

using namespace llvm;

static std::string baseName(StringRef Mangled) {
  if (!Mangled.startswith("_Z"))
    return Mangled.str();
  // The demangler keeps pointers into its input: it must outlive D's use.
  std::string Input = Mangled.str();
  ItaniumPartialDemangler D;
  if (D.partialDemangle(Input.c_str()))
    return Input;
  size_t N = 0;
  char *Buf = D.getFunctionBaseName(nullptr, &N);
  std::string Out = Buf ? std::string(Buf) : Input;
  std::free(Buf);
  return Out;
}

static bool isOpenCLBuiltin(StringRef Name) {
#define OPENCL_BUILTIN(B)                                                      \
  if (Name == #B)                                                              \
    return true;
#define OPENCL_BUILTIN_PREFIX(P)                                               \
  if (Name.startswith(#P))                                                     \
    return true;
#include "OpenCLBuiltins.def"
  return false;
}

static bool isProvided(const Function &F) {
  if (F.isIntrinsic())
    return true;
  std::string Base = baseName(F.getName());
  // The warp and grid primitives of cuport/device_warp.h:
  // cuport-lower-warp-lockstep replaces their calls.
  if (Base == "__cuport_warp_suspend" || Base == "__cuport_warp_state" ||
      Base == "__cuport_warp_lane" || Base == "__cuport_grid_sync" ||
      Base == "__cuport_grid_resident")
    return true;
  return StringRef(Base).startswith("__spirv_") || isOpenCLBuiltin(Base);
}

static std::string describeUse(const Function &F) {
  for (const User *U : F.users())
    if (const auto *CB = dyn_cast<CallBase>(U))
      if (const Function *Caller = CB->getFunction())
        return " (called from '" + demangle(Caller->getName().str()) + "')";
  return "";
}

PreservedAnalyses cuport::lowering::CheckUndefinedPass::run(Module &M, ModuleAnalysisManager &) {
  for (const Function &F : M) {
    if (!F.isDeclaration() || F.use_empty() || isProvided(F))
      continue;
    std::string Msg = "undefined device function '" + demangle(F.getName().str()) + "'" +
                      describeUse(F) +
                      "; define it in this file, or compile every file that uses it with "
                      "-rdc=true and link them together";
    Errors.error(Msg);
    return PreservedAnalyses::all();
  }
  for (const GlobalVariable &G : M.globals()) {
    // Dynamic `extern __shared__` arrays are declarations in work-group
    // memory that the launch sizes; they are not link-time symbols.
    if (!G.isDeclaration() || G.use_empty() || G.getName().startswith("__spirv_") ||
        G.getAddressSpace() == 3)
      continue;
    Errors.error("undefined device variable '" + demangle(G.getName().str()) +
                 "'; define it in this file, or compile with -rdc=true and link the file "
                 "that defines it");
    return PreservedAnalyses::all();
  }
  return PreservedAnalyses::all();
}
