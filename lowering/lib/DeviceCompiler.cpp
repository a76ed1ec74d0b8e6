//===- DeviceCompiler.cpp - CUDA device code to an LLVM module ------------===//
//
// The NVPTX device job is the closest thing Clang 15 has to what cuport
// needs: -fcuda-is-device, the aux (host) triple, and the host's C and C++
// include paths in the right order. deriveSpirvCC1Args rewrites it for
// spirv64: the triple changes, the PTX CPU and features go, Clang's own CUDA
// wrapper headers go (cuport ships its own, and -nocudainc keeps Clang's
// runtime wrapper out), and cuport's macros and headers come in.
//
//===----------------------------------------------------------------------===//
#include "DeviceCompiler.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Job.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Host.h"
#include "llvm/Support/raw_ostream.h"

using namespace cuport::lowering;

std::vector<std::string>
cuport::lowering::nvccCompatMacros(bool DefineNvcc, bool Rdc, bool FastMath) {
  std::vector<std::string> M = {"-D__CUDACC__", "-D__CUDACC_VER_MAJOR__=12",
                                "-D__CUDACC_VER_MINOR__=4", "-D__CUDACC_VER_BUILD__=0",
                                "-D__CUPORT__=1"};
  if (DefineNvcc)
    M.push_back("-D__NVCC__");
  if (Rdc)
    M.push_back("-D__CUDACC_RDC__");
  if (FastMath)
    M.push_back("-D__USE_FAST_MATH__");
  return M;
}

/// The NVPTX device job's cc1 arguments for \p Input, built by Clang's
/// driver without running anything.
static llvm::Expected<std::vector<std::string>>
nvptxDeviceJobArgs(const DeviceCompileRequest &R) {
  std::vector<std::string> Storage = {
      R.ClangPath,  "-x", R.Language, "--cuda-device-only", "--cuda-gpu-arch=sm_70",
      "-nocudainc", "-nocudalib", "--cuda-path=/nonexistent-cuport",
      "-Wno-unknown-cuda-version", "-c", R.Input, "-o", "/dev/null"};
  if (!R.Cuid.empty())
    Storage.push_back("-cuid=" + R.Cuid);
  std::vector<const char *> Argv;
  for (const std::string &S : Storage)
    Argv.push_back(S.c_str());

  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> DiagOpts = new clang::DiagnosticOptions();
  clang::IgnoringDiagConsumer Ignore;
  clang::DiagnosticsEngine Diags(new clang::DiagnosticIDs(), &*DiagOpts, &Ignore, false);
  clang::driver::Driver D(R.ClangPath, llvm::sys::getDefaultTargetTriple(), Diags);
  D.setCheckInputsExist(false);
  std::unique_ptr<clang::driver::Compilation> C(D.BuildCompilation(Argv));
  if (!C || Diags.hasErrorOccurred())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the Clang driver could not plan the device job");
  for (const clang::driver::Command &Job : C->getJobs()) {
    const auto &Args = Job.getArguments();
    if (Args.empty() || llvm::StringRef(Args[0]) != "-cc1")
      continue;
    return std::vector<std::string>(Args.begin() + 1, Args.end());
  }
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "the Clang driver produced no device compile job");
}

llvm::Expected<std::vector<std::string>>
cuport::lowering::deriveSpirvCC1Args(const DeviceCompileRequest &R,
                                     const std::string &OutputPath) {
  auto Base = nvptxDeviceJobArgs(R);
  if (!Base)
    return Base.takeError();

  std::vector<std::string> Out;
  std::vector<std::string> &In = *Base;
  std::string InputArg; // the source file comes last
  for (size_t I = 0; I < In.size(); ++I) {
    llvm::StringRef A = In[I];
    auto Next = [&]() -> std::string { return I + 1 < In.size() ? In[++I] : ""; };
    if (A == "-triple") {
      Next();
      Out.insert(Out.end(), {"-triple", R.Triple});
      if (!R.TargetCPU.empty())
        Out.insert(Out.end(), {"-target-cpu", R.TargetCPU});
    } else if (A == "-target-cpu" || A == "-target-feature" || A == "-o") {
      Next();
    } else if (A == "-internal-isystem" && I + 1 < In.size() &&
               llvm::StringRef(In[I + 1]).endswith("cuda_wrappers")) {
      Next();
    } else if (A == "-S" || A == "-no-integrated-as" || A == "-fno-verbose-asm" ||
               A == "-fno-dwarf-directory-asm" || A.startswith("-O") ||
               A == "-fcolor-diagnostics") {
      // Exceptions stay on: host code in the same file is parsed here too,
      // and Clang marks CUDA device functions nounwind itself.
      // Replaced below, or meaningless for a bitcode-only SPIR-V job.
    } else if (A == "-x") {
      Next();
    } else if (A == R.Input && I + 1 == In.size()) {
      InputArg = In[I];
    } else {
      Out.push_back(In[I]);
    }
  }
  Out.insert(Out.begin(), "-emit-llvm-bc");
  // SPIRV-LLVM-Translator 15 is written for typed pointers: with opaque ones
  // it has to guess pointee types and fails (or crashes) on pointer phis.
  if (llvm::StringRef(R.Triple).startswith("spirv"))
    Out.push_back("-no-opaque-pointers");
  Out.push_back("-O" + std::to_string(R.OptLevel));
  if (R.ColorDiagnostics)
    Out.push_back("-fcolor-diagnostics");
  if (R.Rdc)
    Out.push_back("-fgpu-rdc");
  // Line tables let lowering name the source line of what it rejects; they
  // are stripped before SPIR-V.
  Out.push_back("-debug-info-kind=line-tables-only");
  // printf stays a plain call for cuport-lower-printf: Clang would otherwise
  // lower it for some targets itself (AMDGPU's __printf_alloc protocol).
  Out.push_back("-fno-builtin-printf");
  // Sema picks the <<<>>> configuration function from the SDK version; 11.5
  // selects __cudaPushCallConfiguration, the ABI cuport's libcudart serves.
  Out.push_back("-target-sdk-version=11.5");
  // nvcc contracts a*b+c into fma by default (--fmad=true).
  Out.push_back("-ffp-contract=fast");
  for (const std::string &M : nvccCompatMacros(R.DefineNvcc, R.Rdc, R.FastMath))
    Out.push_back(M);
  // Clang predefines __CUDA_ARCH__ as 1 for SPIR-V device code.
  Out.insert(Out.end(), {"-U__CUDA_ARCH__", "-D__CUDA_ARCH__=" + std::to_string(R.CudaArch)});
  Out.insert(Out.end(), {"-internal-isystem", R.IncludeDir});
  // nvcc includes cuda_runtime.h into every .cu file before the user's code.
  if (R.Language == "cuda")
    Out.insert(Out.end(), {"-include", "cuda_runtime.h"});
  for (const std::string &F : R.UserFlags)
    Out.push_back(F);
  Out.insert(Out.end(), {"-o", OutputPath, "-x", R.Language, InputArg.empty() ? R.Input : InputArg});
  return Out;
}

llvm::Expected<std::unique_ptr<llvm::Module>>
cuport::lowering::compileDeviceModule(const DeviceCompileRequest &R, llvm::LLVMContext &Ctx) {
  auto Args = deriveSpirvCC1Args(R, "-");
  if (!Args)
    return Args.takeError();
  std::vector<const char *> Argv;
  for (const std::string &S : *Args)
    Argv.push_back(S.c_str());

  auto Invocation = std::make_shared<clang::CompilerInvocation>();
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> DiagOpts = new clang::DiagnosticOptions();
  clang::TextDiagnosticPrinter ArgPrinter(llvm::errs(), &*DiagOpts);
  clang::DiagnosticsEngine ArgDiags(new clang::DiagnosticIDs(), &*DiagOpts, &ArgPrinter, false);
  if (!clang::CompilerInvocation::CreateFromArgs(*Invocation, Argv, ArgDiags, R.ClangPath.c_str()))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid device compiler arguments");

  clang::CompilerInstance CI;
  CI.setInvocation(Invocation);
  CI.createDiagnostics();
  if (!CI.hasDiagnostics())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "no diagnostics engine");
  // The module is taken from the action; nothing is written to "-".
  clang::EmitLLVMOnlyAction Action(&Ctx);
  if (!CI.ExecuteAction(Action))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "device compilation of '" + R.Input + "' failed");
  std::unique_ptr<llvm::Module> M = Action.takeModule();
  if (!M)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "device compilation of '" + R.Input + "' produced no module");
  return M;
}
