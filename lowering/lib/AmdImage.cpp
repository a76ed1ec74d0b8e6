//===- AmdImage.cpp - AMD GCN code objects for the HIP target -------------===//
//
// Two halves, so that -rdc can link between them: compileAmdModule is the
// per-translation-unit Clang device compile for amdgcn-amd-amdhsa, and
// emitAmdCodeObject takes one module (a translation unit's, or the device
// link's of several) through cuport's AMD lowering, the ROCm device
// libraries, the AMDGPU back end and ld.lld.
//
//===----------------------------------------------------------------------===//
#include "AmdImage.h"

#include "LoweringPasses.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Linker/Linker.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/IPO/Internalize.h"

using namespace llvm;
using namespace cuport;

static const char *const AmdTriple = "amdgcn-amd-amdhsa";

bool cuport::lowering::isSupportedAmdArch(StringRef Arch) {
  if (!Arch.consume_front("gfx") || Arch.size() < 3)
    return false;
  return all_of(Arch, [](char C) { return isDigit(C) || (C >= 'a' && C <= 'f'); });
}

static Error fail(const Twine &Msg) { return createStringError(inconvertibleErrorCode(), Msg); }

/// User-visible argument sizes of each kernel, as the host passes them.
static Error checkKernels(const Module &M, const std::vector<fatbin::KernelInfo> &Kernels,
                          StringRef Arch) {
  const DataLayout &DL = M.getDataLayout();
  for (const Function &F : M) {
    if (F.isDeclaration() || F.getCallingConv() != CallingConv::AMDGPU_KERNEL)
      continue;
    const fatbin::KernelInfo *Spirv = nullptr;
    for (const fatbin::KernelInfo &K : Kernels)
      if (K.Name == F.getName())
        Spirv = &K;
    if (!Spirv)
      return fail("internal error: kernel '" + F.getName() + "' exists for " + Arch +
                  " but not in the SPIR-V image");
    std::vector<uint64_t> Want;
    for (const fatbin::KernelArg &A : Spirv->Args)
      if (A.Kind == fatbin::ArgKind::Value || A.Kind == fatbin::ArgKind::GlobalPointer)
        Want.push_back(A.Size);
    std::vector<uint64_t> Got;
    // Aggregates arrive byval, or byref in the kernarg segment on AMDGPU.
    for (const Argument &A : F.args()) {
      Type *Pointee = A.getParamByValType() ? A.getParamByValType() : A.getParamByRefType();
      Got.push_back(DL.getTypeAllocSize(Pointee ? Pointee : A.getType()));
    }
    if (Got != Want)
      return fail("internal error: kernel '" + F.getName() + "' takes different arguments for " +
                  Arch + " than for SPIR-V");
  }
  return Error::success();
}

/// cuport's headers call OpenCL 2.0 atomics by their SPIR names, whose
/// generic pointers mangle as `PU3AS4`; AMD's OpenCL library names them for
/// its own address-space numbering. On AMD a CUDA atomic is simply an LLVM
/// atomic instruction, so the calls become those, relaxed, at the scope the
/// call gives (work-group, device/agent, or system).
static void lowerOpenCLAtomics(Module &M) {
  LLVMContext &Ctx = M.getContext();
  std::vector<CallInst *> Calls;
  for (Function &F : M)
    if (F.isDeclaration() && F.getName().contains("atomic_") && F.getName().contains("_explicitPU3AS4"))
      for (User *U : F.users())
        if (auto *CI = dyn_cast<CallInst>(U))
          Calls.push_back(CI);
  for (CallInst *Call : Calls) {
    StringRef Name = Call->getCalledFunction()->getName();
    auto Scope = [&](Value *V) {
      auto *C = dyn_cast<ConstantInt>(V);
      uint64_t S = C ? C->getZExtValue() : 2;
      return Ctx.getOrInsertSyncScopeID(S == 1 ? "workgroup" : S == 3 ? "" : "agent");
    };
    IRBuilder<> B(Call);
    Value *Result = nullptr;
    if (Name.contains("compare_exchange_strong")) {
      // (object, expected*, desired, success order, failure order, scope)
      Value *Expected = B.CreateLoad(Call->getArgOperand(2)->getType(), Call->getArgOperand(1));
      auto *CX = B.CreateAtomicCmpXchg(Call->getArgOperand(0), Expected, Call->getArgOperand(2),
                                       MaybeAlign(), AtomicOrdering::Monotonic,
                                       AtomicOrdering::Monotonic, Scope(Call->getArgOperand(5)));
      B.CreateStore(B.CreateExtractValue(CX, 0), Call->getArgOperand(1));
      Result = B.CreateExtractValue(CX, 1);
    } else {
      bool Unsigned = Name.contains("_Atomicjj") || Name.contains("_Atomicmm");
      AtomicRMWInst::BinOp Op =
          Name.contains("fetch_add") ? AtomicRMWInst::Add
          : Name.contains("fetch_sub") ? AtomicRMWInst::Sub
          : Name.contains("fetch_and") ? AtomicRMWInst::And
          : Name.contains("fetch_or")  ? AtomicRMWInst::Or
          : Name.contains("fetch_xor") ? AtomicRMWInst::Xor
          : Name.contains("fetch_min") ? (Unsigned ? AtomicRMWInst::UMin : AtomicRMWInst::Min)
          : Name.contains("fetch_max") ? (Unsigned ? AtomicRMWInst::UMax : AtomicRMWInst::Max)
                                       : AtomicRMWInst::Xchg;
      Result = B.CreateAtomicRMW(Op, Call->getArgOperand(0), Call->getArgOperand(1), MaybeAlign(),
                                 AtomicOrdering::Monotonic, Scope(Call->getArgOperand(3)));
    }
    Call->replaceAllUsesWith(Result);
    Call->eraseFromParent();
  }
}

/// After the libraries are linked nothing may stay undefined: the code
/// object has no other source of code.
static Error checkResolved(const Module &M, StringRef Arch) {
  for (const Function &F : M)
    if (F.isDeclaration() && !F.isIntrinsic() && !F.use_empty())
      return fail("'" + F.getName() + "' has no definition for " + Arch +
                  " in the ROCm device libraries");
  return Error::success();
}

static Error linkDeviceLibs(Module &M, const lowering::AmdBuild &B) {
  StringRef Isa = StringRef(B.Arch).drop_front(3);
  bool Wave64 = Isa.startswith("9"); // gfx9 runs wave64 only; gfx10+ default to wave32
  std::vector<std::string> Libs = {"opencl.bc", "ocml.bc", "ockl.bc",
                                   "oclc_isa_version_" + Isa.str() + ".bc",
                                   Wave64 ? "oclc_wavefrontsize64_on.bc" : "oclc_wavefrontsize64_off.bc",
                                   "oclc_daz_opt_off.bc", "oclc_finite_only_off.bc",
                                   "oclc_correctly_rounded_sqrt_on.bc", "oclc_unsafe_math_off.bc",
                                   "oclc_abi_version_400.bc"};
  for (const std::string &Name : Libs) {
    SmallString<256> Path(B.DeviceLibDir);
    sys::path::append(Path, Name);
    if (!sys::fs::exists(Path))
      return fail("AMD code objects need Debian's rocm-device-libs: '" + Path +
                  "' was not found (set CUPORT_ROCM_DEVICE_LIBS to its bitcode folder)");
    SMDiagnostic Diag;
    std::unique_ptr<Module> Lib = parseIRFile(Path, Diag, M.getContext());
    if (!Lib)
      return fail("cannot read '" + Path + "': " + Diag.getMessage());
    Lib->setDataLayout(M.getDataLayout());
    Lib->setTargetTriple(M.getTargetTriple());
    if (Linker::linkModules(M, std::move(Lib), Linker::Flags::LinkOnlyNeeded))
      return fail("linking '" + Path + "' failed");
  }
  return Error::success();
}

/// Variables the host registers (Clang lists them in the used-lists) are
/// found by name in the code object (hipModuleGetGlobal), which sees only
/// symbols of global binding. Clang leaves some of them internal (a static
/// __device__ variable; printf's format strings from cuport-lower-printf);
/// they become external under the name the SPIR-V image's symbol table
/// gives them, which is their LLVM name on both paths.
static void exposeRegisteredVariables(Module &M) {
  for (StringRef List : {"llvm.used", "llvm.compiler.used"}) {
    GlobalVariable *Used = M.getGlobalVariable(List);
    if (!Used || !Used->hasInitializer())
      continue;
    auto *Init = dyn_cast<ConstantArray>(Used->getInitializer());
    if (!Init)
      continue;
    for (const Use &Op : Init->operands())
      if (auto *GV = dyn_cast<GlobalVariable>(Op.get()->stripPointerCasts()))
        if (GV->hasLocalLinkage() && GV->hasInitializer())
          GV->setLinkage(GlobalValue::ExternalLinkage);
  }
}

/// The HIP target finds each symbol of the container by name in the code
/// object and the runtime formats printf records with the container's copy
/// of each format string, so every symbol must be a global here of the
/// same size, and a constant one must hold the same bytes. Names come from
/// the same front end on both paths (printf formats are numbered in call
/// order); this is where a difference would show.
static Error checkSymbols(const Module &M, const fatbin::FatBinary &Spirv, StringRef Arch) {
  const DataLayout &DL = M.getDataLayout();
  const std::vector<uint8_t> &Init = Spirv.Globals.Init;
  for (const fatbin::SymbolInfo &S : Spirv.Symbols) {
    const GlobalVariable *GV = M.getGlobalVariable(S.Name, /*AllowInternal=*/true);
    if (!GV || GV->isDeclaration())
      return fail("internal error: device variable '" + S.Name +
                  "' is in the SPIR-V image but not defined for " + Arch);
    uint64_t Size = DL.getTypeAllocSize(GV->getValueType());
    if (Size != S.Size)
      return fail("internal error: device variable '" + S.Name + "' has " + Twine(Size) +
                  " bytes for " + Arch + " and " + Twine(S.Size) + " for SPIR-V");
    auto *Data = GV->isConstant() && GV->hasInitializer()
                     ? dyn_cast<ConstantDataSequential>(GV->getInitializer())
                     : nullptr;
    if (!Data || S.Offset + S.Size > Init.size())
      continue;
    StringRef Bytes = Data->getRawDataValues();
    if (Bytes.size() != S.Size ||
        !std::equal(Bytes.begin(), Bytes.end(), Init.begin() + S.Offset,
                    [](char A, uint8_t B) { return uint8_t(A) == B; }))
      return fail("internal error: constant '" + S.Name + "' holds different bytes for " +
                  Arch + " than for SPIR-V");
  }
  return Error::success();
}

static Expected<std::unique_ptr<TargetMachine>> createAmdTargetMachine(StringRef Arch) {
  if (!lowering::isSupportedAmdArch(Arch))
    return fail("'" + Arch + "' is not an AMD GCN target name such as gfx90a");
  InitializeAllTargets();
  InitializeAllTargetMCs();
  InitializeAllAsmPrinters();
  std::string TargetError;
  const Target *T = TargetRegistry::lookupTarget(AmdTriple, TargetError);
  if (!T)
    return fail("LLVM has no AMDGPU back end: " + TargetError);
  std::unique_ptr<TargetMachine> TM(T->createTargetMachine(
      AmdTriple, Arch, "", TargetOptions(), Reloc::PIC_, None, CodeGenOpt::Aggressive));
  if (!TM)
    return fail("cannot create an AMDGPU target machine for '" + Arch + "'");
  if (!TM->getMCSubtargetInfo()->isCPUStringValid(Arch))
    return fail("LLVM " LLVM_VERSION_STRING " has no AMDGPU target '" + Arch +
                "' (gfx90a and gfx940 are examples it has)");
  return std::move(TM);
}

Expected<std::unique_ptr<Module>>
cuport::lowering::compileAmdModule(const DeviceCompileRequest &Request, const AmdBuild &B,
                                   LLVMContext &Ctx) {
  auto TM = createAmdTargetMachine(B.Arch);
  if (!TM)
    return TM.takeError();
  DeviceCompileRequest R = Request;
  R.Triple = AmdTriple;
  R.TargetCPU = B.Arch;
  return compileDeviceModule(R, Ctx);
}

Expected<std::vector<uint8_t>>
cuport::lowering::buildAmdCodeObject(const DeviceCompileRequest &Request, const AmdBuild &B,
                                     const fatbin::FatBinary &Spirv) {
  LLVMContext Ctx;
  auto M = compileAmdModule(Request, B, Ctx);
  if (!M)
    return M.takeError();
  return emitAmdCodeObject(**M, B, Spirv);
}

Expected<std::vector<uint8_t>>
cuport::lowering::emitAmdCodeObject(Module &Mod, const AmdBuild &B,
                                    const fatbin::FatBinary &Spirv) {
  auto TMOrErr = createAmdTargetMachine(B.Arch);
  if (!TMOrErr)
    return TMOrErr.takeError();
  std::unique_ptr<TargetMachine> TM = std::move(*TMOrErr);

  // printf records and undefined functions, as on the SPIR-V path.
  std::string Failure;
  {
    LoopAnalysisManager LAM;
    FunctionAnalysisManager FAM;
    CGSCCAnalysisManager CGAM;
    ModuleAnalysisManager MAM;
    PassBuilder PB(TM.get());
    PB.registerModuleAnalyses(MAM);
    PB.registerCGSCCAnalyses(CGAM);
    PB.registerFunctionAnalyses(FAM);
    PB.registerLoopAnalyses(LAM);
    PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
    ErrorSink Errors(&Failure);
    ModulePassManager MPM;
    MPM.addPass(LowerPrintfPass(Errors));
    MPM.addPass(CheckInlineAsmPass(Errors));
    MPM.addPass(CheckUndefinedPass(Errors));
    MPM.run(Mod, MAM);
    if (!Failure.empty())
      return fail(Failure);
    if (Error E = checkKernels(Mod, Spirv.Kernels, B.Arch))
      return std::move(E);
    StripDebugInfo(Mod); // the line tables served the checks above
    exposeRegisteredVariables(Mod);
    if (Error E = checkSymbols(Mod, Spirv, B.Arch))
      return std::move(E);
    lowerOpenCLAtomics(Mod);
    if (Error E = linkDeviceLibs(Mod, B))
      return std::move(E);
    if (Error E = checkResolved(Mod, B.Arch))
      return std::move(E);
    // Everything but kernels and device variables is private now, so the
    // libraries inline and the rest goes.
    internalizeModule(Mod, [](const GlobalValue &GV) {
      if (auto *F = dyn_cast<Function>(&GV))
        return F->getCallingConv() == CallingConv::AMDGPU_KERNEL;
      return isa<GlobalVariable>(GV) && !GV.hasLocalLinkage() && !GV.getName().startswith("llvm.");
    });
    // Kernels and device variables are found by name in the code object;
    // protected visibility lets them be referenced without a GOT, as the
    // HIP toolchain does.
    for (GlobalValue &GV : Mod.global_values())
      if (!GV.isDeclaration() && !GV.hasLocalLinkage()) {
        GV.setVisibility(GlobalValue::ProtectedVisibility);
        GV.setDSOLocal(true);
      }
    ModulePassManager Opt = PB.buildPerModuleDefaultPipeline(OptimizationLevel::O2);
    Opt.run(Mod, MAM);
  }

  SmallVector<char, 0> Object;
  {
    raw_svector_ostream OS(Object);
    legacy::PassManager CodeGen;
    if (TM->addPassesToEmitFile(CodeGen, OS, nullptr, CGFT_ObjectFile))
      return fail("the AMDGPU back end cannot emit an object file");
    CodeGen.run(Mod);
  }
  std::string ObjPath = B.ScratchPrefix + "." + B.Arch + ".o";
  std::string CodeObject = B.ScratchPrefix + "." + B.Arch + ".co";
  {
    std::error_code EC;
    raw_fd_ostream OS(ObjPath, EC, sys::fs::OF_None);
    if (EC)
      return fail("cannot write '" + ObjPath + "': " + EC.message());
    OS.write(Object.data(), Object.size());
  }
  std::string ErrMsg;
  int RC = sys::ExecuteAndWait(B.LldPath, {B.LldPath, "-shared", ObjPath, "-o", CodeObject}, None,
                               {}, 0, 0, &ErrMsg);
  if (RC != 0)
    return fail("ld.lld could not link the " + B.Arch + " code object" +
                (ErrMsg.empty() ? std::string() : ": " + ErrMsg));
  auto Bytes = MemoryBuffer::getFile(CodeObject);
  if (!Bytes)
    return fail("cannot read '" + CodeObject + "'");
  return std::vector<uint8_t>((*Bytes)->getBufferStart(), (*Bytes)->getBufferEnd());
}
