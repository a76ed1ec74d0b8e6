//===- Driver.cpp - cuport-cc, an nvcc-compatible driver ------------------===//
//
// Steps that run Clang or the linker are child processes (as nvcc runs its
// own tools); device compilation, lowering, SPIR-V emission and container
// writing run in process. `-###`/--dryrun prints every step, in-process ones
// marked so, and runs none. Every output goes through OutputFile.
//
//===----------------------------------------------------------------------===//
#include "Driver.h"

#include "CompileOptions.h"
#include "DeviceLink.h"
#include "DeviceCompiler.h"
#include "AmdImage.h"
#include "DeviceImage.h"
#include "Diagnostics.h"
#include "fatbin/FatBinary.h"
#include "KernelMetadata.h"
#include "LoweringPasses.h"
#include "NvccOptions.h"
#include "OutputFile.h"
#include "SpirvWriter.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

using namespace cuport;
using namespace cuport::driver;

#ifndef CUPORT_CLANG_PATH
#define CUPORT_CLANG_PATH "/usr/lib/llvm-15/bin/clang"
#endif
#ifndef CUPORT_ROCM_DEVICE_LIBS
#define CUPORT_ROCM_DEVICE_LIBS "/usr/lib/x86_64-linux-gnu/amdgcn/bitcode"
#endif
#ifndef CUPORT_VERSION_STRING
#define CUPORT_VERSION_STRING "0.1.0"
#endif

Toolchain Toolchain::fromExecutable(const std::string &ExePath) {
  Toolchain TC;
  llvm::SmallString<256> Root(ExePath);
  llvm::sys::path::remove_filename(Root); // bin
  llvm::sys::path::remove_filename(Root); // root
  TC.Root = std::string(Root.str());
  TC.Clang = CUPORT_CLANG_PATH;
  TC.IncludeDir = TC.Root + "/include";
  TC.LibDir = TC.Root + "/lib";
  return TC;
}

namespace {

class Driver {
public:
  Driver(const Toolchain &TC, CompileOptions &Opts, Diagnostics &Diags)
      : TC(TC), Opts(Opts), Diags(Diags) {}
  int run();

private:
  bool compileSource(const InputFile &In, const std::string &ObjPath, const std::string &Dest);
  std::vector<std::string> dependencyFlagsFor(const std::string &Dest) const;
  std::vector<std::string> amdArchs() const;
  lowering::AmdBuild amdBuild(const std::string &Arch, const std::string &ScratchPrefix) const;
  bool writeRdcInputs(const std::string &Container, const std::string &EmbedBc,
                      const std::string &StubPath);
  bool buildDeviceContainer(const InputFile &In, const std::string &ContainerPath);
  bool compileHost(const InputFile &In, const std::vector<std::string> &Extra,
                   const std::string &Output, const char *Action);
  bool linkExecutable(const std::vector<std::string> &Objects, const std::string &Output);
  bool deviceLinkInto(const std::vector<std::string> &Objects, std::vector<std::string> &LinkInputs,
                      bool Required, const std::string &ObjPath);
  bool runTool(const std::vector<std::string> &Argv, const std::string &What);
  void printInProcess(const std::vector<std::string> &Argv, const char *What);
  bool writeBytes(const std::string &Path, const std::vector<uint8_t> &Bytes);
  std::vector<std::string> hostCudaFlags() const;
  std::vector<std::string> hostSourceFlags(const InputFile &In) const;
  std::string objectNameFor(const InputFile &In) const;
  int phaseCompile();
  int phaseLink();
  int phasePreprocess();
  int phaseDeviceLink();
  int phaseLib();
  int phaseFatbin();
  bool checkOutputNotInput(const std::string &Out);
  bool commitOutput(OutputFile &Out);
  bool compileToScratch(std::vector<std::string> &Objects);

  const Toolchain &TC;
  CompileOptions &Opts;
  Diagnostics &Diags;
  ScratchDir Scratch;
};

} // namespace

/// A device-compile message, led by the input's name unless it already
/// names a source location in it.
static std::string located(const InputFile &In, const std::string &Msg) {
  return llvm::StringRef(Msg).startswith(In.Path + ":") ? Msg : In.Path + ": " + Msg;
}

/// A stable compilation-unit ID from the input's absolute path, shared by
/// the host and device passes of one file.
static std::string cuidFor(const InputFile &In) {
  llvm::SmallString<256> Abs(In.Path);
  llvm::sys::fs::make_absolute(Abs);
  uint64_t H = 1469598103934665603ull; // FNV-1a
  for (char C : Abs) {
    H ^= static_cast<unsigned char>(C);
    H *= 1099511628211ull;
  }
  return llvm::utohexstr(H, /*LowerCase=*/true);
}

static std::string quote(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\' || C == '$')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

void Driver::printInProcess(const std::vector<std::string> &Argv, const char *What) {
  if (!Opts.DryRun && !Opts.Verbose)
    return;
  llvm::raw_ostream &OS = llvm::errs();
  OS << " (in-process " << What << ")\n";
  for (const std::string &A : Argv)
    OS << " " << quote(A);
  OS << "\n";
}

bool Driver::runTool(const std::vector<std::string> &Argv, const std::string &What) {
  if (Opts.DryRun || Opts.Verbose) {
    for (const std::string &A : Argv)
      llvm::errs() << " " << quote(A);
    llvm::errs() << "\n";
  }
  if (Opts.DryRun)
    return true;
  std::vector<llvm::StringRef> Refs(Argv.begin(), Argv.end());
  std::string ErrMsg;
  bool Failed = false;
  int RC = llvm::sys::ExecuteAndWait(Argv[0], Refs, llvm::None, {}, 0, 0, &ErrMsg, &Failed);
  if (Failed || RC < 0) {
    Diags.report(DiagID::err_tool_crashed, {What, ErrMsg.empty() ? "it was killed" : ErrMsg});
    return false;
  }
  if (RC != 0) {
    // The tool has printed its own diagnostics; say which step it was only
    // when that adds something (Clang's source errors speak for themselves).
    if (What != "host compilation")
      Diags.report(DiagID::err_tool_failed, {What, std::to_string(RC)});
    return false;
  }
  return true;
}

bool Driver::writeBytes(const std::string &Path, const std::vector<uint8_t> &Bytes) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC) {
    Diags.report(DiagID::err_cannot_write, {Path, EC.message()});
    return false;
  }
  OS.write(reinterpret_cast<const char *>(Bytes.data()), Bytes.size());
  OS.close();
  if (OS.has_error()) {
    Diags.report(DiagID::err_cannot_write, {Path, OS.error().message()});
    OS.clear_error();
    return false;
  }
  return true;
}

/// Flags every host-side CUDA compile gets. The SDK version selects Clang's
/// CUDA >= 9.2 launch ABI (__cudaPushCallConfiguration + cudaLaunchKernel);
/// without a CUDA installation Clang would fall back to the pre-9.2 one.
std::vector<std::string> Driver::hostCudaFlags() const {
  std::vector<std::string> F = {"-x", "cuda", "--cuda-host-only", "-nocudainc", "-nocudalib",
                                "--cuda-path=/nonexistent-cuport", "-Wno-unknown-cuda-version",
                                "-Xclang", "-target-sdk-version=11.5"};
  for (const std::string &M : lowering::nvccCompatMacros(Opts.DefineNvcc, Opts.Rdc, Opts.FastMath))
    F.push_back(M);
  return F;
}

std::vector<std::string> Driver::hostSourceFlags(const InputFile &In) const {
  std::vector<std::string> F;
  if (In.Kind == InputKind::Cuda) {
    F = hostCudaFlags();
    F.push_back("-cuid=" + cuidFor(In));
    // Host shadows of __device__ variables must be visible to other files,
    // and registration goes through the device link's hooks.
    if (Opts.Rdc)
      F.push_back("-fgpu-rdc");
  } else {
    F = {"-x", In.Kind == InputKind::C ? "c" : "c++"};
    if (Opts.DefineNvcc)
      F.push_back("-D__NVCC__");
  }
  if (Opts.PerThreadDefaultStream)
    F.push_back("-DCUDA_API_PER_THREAD_DEFAULT_STREAM=1");
  for (const std::string &P : Opts.PreprocessorFlags) {
    if (In.Kind == InputKind::C && llvm::StringRef(P).startswith("-std=c++"))
      continue;
    F.push_back(P);
  }
  F.insert(F.end(), {"-isystem", TC.IncludeDir});
  // nvcc includes cuda_runtime.h into every .cu file before the user's code.
  if (In.Kind == InputKind::Cuda)
    F.insert(F.end(), {"-include", "cuda_runtime.h"});
  F.insert(F.end(), Opts.HostOnlyFlags.begin(), Opts.HostOnlyFlags.end());
  return F;
}

bool Driver::compileHost(const InputFile &In, const std::vector<std::string> &Extra,
                         const std::string &Output, const char *Action) {
  std::vector<std::string> Argv = {In.Kind == InputKind::C ? TC.Clang : TC.clangxx()};
  for (const std::string &F : hostSourceFlags(In))
    Argv.push_back(F);
  Argv.insert(Argv.end(), Extra.begin(), Extra.end());
  Argv.push_back(Action);
  if (!Output.empty())
    Argv.insert(Argv.end(), {"-o", Output});
  Argv.push_back(In.Path);
  return runTool(Argv, "host compilation");
}

/// --offload-arch values, then CUPORT_AMD_ARCHS (for builds whose flags
/// cannot change), without repeats.
std::vector<std::string> Driver::amdArchs() const {
  std::vector<std::string> Archs = Opts.AmdArchs;
  if (const char *Env = std::getenv("CUPORT_AMD_ARCHS"))
    for (llvm::StringRef A : llvm::split(llvm::StringRef(Env), ','))
      if (!A.trim().empty() && std::find(Archs.begin(), Archs.end(), A.trim().str()) == Archs.end())
        Archs.push_back(A.trim().str());
  return Archs;
}

/// The tools and libraries an AMD code object for \p Arch is built with.
lowering::AmdBuild Driver::amdBuild(const std::string &Arch,
                                    const std::string &ScratchPrefix) const {
  lowering::AmdBuild B;
  B.Arch = Arch;
  B.LldPath = TC.Clang.substr(0, TC.Clang.rfind('/')) + "/ld.lld";
  const char *Libs = std::getenv("CUPORT_ROCM_DEVICE_LIBS");
  B.DeviceLibDir = Libs && *Libs ? Libs : CUPORT_ROCM_DEVICE_LIBS;
  B.ScratchPrefix = ScratchPrefix;
  return B;
}

bool Driver::buildDeviceContainer(const InputFile &In, const std::string &ContainerPath) {
  for (const std::string &Arch : amdArchs())
    if (!lowering::isSupportedAmdArch(Arch)) {
      Diags.report(DiagID::err_bad_value, {"--offload-arch", Arch, "an AMD target such as gfx90a"});
      return false;
    }
  lowering::DeviceCompileRequest R;
  R.ClangPath = TC.Clang;
  R.Input = In.Path;
  R.IncludeDir = TC.IncludeDir;
  R.UserFlags = Opts.PreprocessorFlags;
  if (Opts.PerThreadDefaultStream)
    R.UserFlags.push_back("-DCUDA_API_PER_THREAD_DEFAULT_STREAM=1");
  if (Opts.NoWarnings)
    R.UserFlags.push_back("-w");
  R.OptLevel = Opts.DeviceOptLevel;
  R.CudaArch = Opts.CudaArch;
  R.Rdc = Opts.Rdc;
  R.Cuid = cuidFor(In);
  R.FastMath = Opts.FastMath;
  R.DefineNvcc = Opts.DefineNvcc;
  R.ColorDiagnostics = llvm::sys::Process::StandardErrHasColors();

  if (Opts.DryRun || Opts.Verbose) {
    auto Args = lowering::deriveSpirvCC1Args(R, ContainerPath + ".bc");
    if (!Args) {
      Diags.report(DiagID::err_device, {llvm::toString(Args.takeError())});
      return false;
    }
    std::vector<std::string> Line = {TC.Clang, "-cc1"};
    Line.insert(Line.end(), Args->begin(), Args->end());
    printInProcess(Line, "device compilation");
    if (!Opts.Rdc)
      printInProcess({"cuport-lower", "-passes=cuport-lowering", ContainerPath + ".bc"},
                     "lowering");
    printInProcess({"cuport-spirv", Opts.Rdc ? "--keep-bitcode" : "--emit-spirv", "-o",
                    ContainerPath},
                   "SPIR-V emission and packaging");
    for (const std::string &Arch : amdArchs()) {
      if (Opts.Rdc)
        printInProcess({TC.Clang, "-cc1", "-triple", "amdgcn-amd-amdhsa", "-target-cpu", Arch,
                        "-fgpu-rdc", "(device compile, kept as bitcode for the device link)"},
                       "AMD device code");
      else
        printInProcess({TC.Clang, "-cc1", "-triple", "amdgcn-amd-amdhsa", "-target-cpu", Arch,
                        "(device compile, ROCm device libraries, AMDGPU code generation)", "|",
                        "ld.lld", "-shared", "-o", ContainerPath + "." + Arch + ".co"},
                       "AMD code object");
    }
    if (Opts.DryRun)
      return true;
  }

  llvm::LLVMContext Ctx;
  auto M = lowering::compileDeviceModule(R, Ctx);
  if (!M) {
    llvm::consumeError(M.takeError()); // Clang has printed the diagnostics.
    return false;
  }
  fatbin::FatBinary FB;
  if (Opts.Rdc) {
    // Relocatable device code stays bitcode until the device link, where
    // every translation unit's code is linked, lowered and translated once.
    FB.Flags |= fatbin::CF_RelocatableStub;
    llvm::SmallVector<char, 0> Buf;
    llvm::raw_svector_ostream OS(Buf);
    llvm::WriteBitcodeToFile(**M, OS);
    FB.Images.push_back({fatbin::ImageKind::LLVMBitcode, "spirv64",
                         std::vector<uint8_t>(Buf.begin(), Buf.end())});
    // The same for each AMD architecture: its bitcode, linked and turned
    // into a code object at the device link.
    for (const std::string &Arch : amdArchs()) {
      llvm::LLVMContext AmdCtx;
      auto AmdM = lowering::compileAmdModule(R, amdBuild(Arch, ContainerPath), AmdCtx);
      if (!AmdM) {
        Diags.report(DiagID::err_device, {located(In, llvm::toString(AmdM.takeError()))});
        return false;
      }
      llvm::SmallVector<char, 0> AmdBuf;
      llvm::raw_svector_ostream AmdOS(AmdBuf);
      llvm::WriteBitcodeToFile(**AmdM, AmdOS);
      FB.Images.push_back({fatbin::ImageKind::LLVMBitcode, Arch,
                           std::vector<uint8_t>(AmdBuf.begin(), AmdBuf.end())});
    }
  } else {
    if (llvm::Error E = lowering::lowerToSpirvImage(**M, FB)) {
      Diags.report(DiagID::err_device, {located(In, llvm::toString(std::move(E)))});
      return false;
    }
    for (const std::string &Arch : amdArchs()) {
      auto Code = lowering::buildAmdCodeObject(R, amdBuild(Arch, ContainerPath), FB);
      if (!Code) {
        Diags.report(DiagID::err_device, {located(In, llvm::toString(Code.takeError()))});
        return false;
      }
      FB.Images.push_back({fatbin::ImageKind::AMDGCN, Arch, std::move(*Code)});
    }
  }
  return writeBytes(ContainerPath, fatbin::serialize(FB));
}

bool Driver::writeRdcInputs(const std::string &Container, const std::string &EmbedBc,
                            const std::string &StubPath) {
  printInProcess({"cuport-embed", Container, "-o", EmbedBc, "--stub", StubPath},
                 "device code embedding");
  if (Opts.DryRun)
    return true;
  auto Bytes = llvm::MemoryBuffer::getFile(Container);
  if (!Bytes) {
    Diags.report(DiagID::err_cannot_read, {Container, Bytes.getError().message()});
    return false;
  }
  std::vector<uint8_t> Data((*Bytes)->getBufferStart(), (*Bytes)->getBufferEnd());
  if (llvm::Error E = writeEmbeddingModule(Data, EmbedBc)) {
    Diags.report(DiagID::err_device, {llvm::toString(std::move(E))});
    return false;
  }
  fatbin::FatBinary Stub;
  Stub.Flags = fatbin::CF_RelocatableStub;
  return writeBytes(StubPath, fatbin::serialize(Stub));
}

/// -MD/-MMD flags for a compile whose object goes to \p Dest (through a
/// temporary name): the rule's target and the .d file are named after the
/// real destination, as nvcc names them, not after the temporary.
std::vector<std::string> Driver::dependencyFlagsFor(const std::string &Dest) const {
  std::vector<std::string> F = Opts.DependencyFlags;
  if (F.empty())
    return F;
  auto Has = [&](const char *Flag) { return std::find(F.begin(), F.end(), Flag) != F.end(); };
  if (!Has("-MT"))
    F.insert(F.end(), {"-MT", Dest});
  if (!Has("-MF")) {
    llvm::SmallString<256> D(Dest);
    llvm::sys::path::replace_extension(D, ".d");
    F.insert(F.end(), {"-MF", std::string(D.str())});
  }
  return F;
}

bool Driver::compileSource(const InputFile &In, const std::string &ObjPath,
                           const std::string &Dest) {
  std::vector<std::string> Extra = dependencyFlagsFor(Dest);
  if (In.Kind == InputKind::Cuda) {
    std::string Stem = llvm::sys::path::stem(In.Path).str();
    std::string Container = Scratch.file(Stem, ".fatbin");
    if (!buildDeviceContainer(In, Container))
      return false;
    if (Opts.Rdc) {
      // The device code rides in its own module; Clang registers this
      // file's kernels against a stub that says "find me in the device link".
      std::string Embed = Scratch.file(Stem, ".rdc.bc");
      std::string Stub = Scratch.file(Stem, ".stub.fatbin");
      if (!writeRdcInputs(Container, Embed, Stub))
        return false;
      Extra.insert(Extra.end(), {"-Xclang", "-mlink-bitcode-file", "-Xclang", Embed});
      Container = Stub;
    }
    Extra.insert(Extra.end(), {"-Xclang", "-fcuda-include-gpubinary", "-Xclang", Container});
  }
  return compileHost(In, Extra, ObjPath, "-c");
}

std::string Driver::objectNameFor(const InputFile &In) const {
  std::string Name = llvm::sys::path::stem(In.Path).str() + ".o";
  if (Opts.OutputDirectory.empty())
    return Name;
  llvm::SmallString<256> P(Opts.OutputDirectory);
  llvm::sys::path::append(P, Name);
  return std::string(P.str());
}

bool Driver::checkOutputNotInput(const std::string &Out) {
  for (const InputFile &In : Opts.Inputs) {
    if (llvm::sys::fs::equivalent(In.Path, Out)) {
      Diags.report(DiagID::err_output_is_input, {Out});
      return false;
    }
  }
  return true;
}

/// Renames \p Out into place, or reports why it cannot be.
bool Driver::commitOutput(OutputFile &Out) {
  if (llvm::Error E = Out.commit()) {
    Diags.report(DiagID::err_cannot_write, {Out.destination(), llvm::toString(std::move(E))});
    return false;
  }
  return true;
}

/// Compiles every source input to a scratch object; objects, archives and
/// libraries among the inputs are passed along. \p Objects keeps input order.
bool Driver::compileToScratch(std::vector<std::string> &Objects) {
  for (const InputFile &In : Opts.Inputs) {
    if (!In.isSource()) {
      Objects.push_back(In.Path);
      continue;
    }
    std::string Stem = llvm::sys::path::stem(In.Path).str();
    std::string Obj = Scratch.file(Stem, ".o");
    if (!compileSource(In, Obj, Stem + ".o"))
      return false;
    Objects.push_back(Obj);
  }
  return true;
}

int Driver::phaseCompile() {
  unsigned Sources = 0;
  for (const InputFile &In : Opts.Inputs)
    Sources += In.isSource();
  if (!Opts.Output.empty() && Sources > 1) {
    Diags.report(DiagID::err_multiple_outputs, {std::to_string(Sources)});
    return 1;
  }
  for (const InputFile &In : Opts.Inputs) {
    if (!In.isSource())
      continue; // nvcc passes objects through untouched under -c
    std::string Dest = Opts.Output.empty() ? objectNameFor(In) : Opts.Output;
    if (!checkOutputNotInput(Dest))
      return 1;
    OutputFile Out(Dest);
    if (!compileSource(In, Opts.DryRun ? Dest : Out.tempPath(), Dest))
      return 1;
    if (Opts.DryRun)
      continue;
    if (!commitOutput(Out))
      return 1;
  }
  return 0;
}

bool Driver::deviceLinkInto(const std::vector<std::string> &Objects,
                            std::vector<std::string> &LinkInputs, bool Required,
                            const std::string &ObjPath) {
  std::string Bc = Scratch.file("dlink", ".bc");
  if (Opts.DryRun) {
    if (!Opts.Rdc && !Required)
      return true;
    printInProcess({"cuport-dlink", "-o", Bc}, "device link, lowering and SPIR-V emission");
  } else {
    auto Plan = planDeviceLink(Objects);
    if (!Plan) {
      Diags.report(DiagID::err_device, {llvm::toString(Plan.takeError())});
      return false;
    }
    if (Plan->Bitcode.empty()) {
      if (Required)
        Diags.report(DiagID::err_no_device_code, {Objects.empty() ? "" : Objects.front()});
      return !Required;
    }
    if (Plan->AlreadyLinked && !Required)
      return true; // the user linked a -dlink object in already
    if (llvm::Error E = writeRegistrationModule(*Plan, amdBuild("", Bc), Bc)) {
      Diags.report(DiagID::err_device, {llvm::toString(std::move(E))});
      return false;
    }
  }
  if (!runTool({TC.Clang, "-c", "-fPIC", "-x", "ir", Bc, "-o", ObjPath}, "device link"))
    return false;
  LinkInputs.push_back(ObjPath);
  return true;
}

bool Driver::linkExecutable(const std::vector<std::string> &Objects, const std::string &Output) {
  std::vector<std::string> Inputs = Objects;
  if (!deviceLinkInto(Objects, Inputs, /*Required=*/false, Scratch.file("dlink", ".o")))
    return false;
  std::vector<std::string> Argv = {TC.clangxx()};
  if (Opts.Shared)
    Argv.push_back("-shared");
  Argv.insert(Argv.end(), Inputs.begin(), Inputs.end());
  for (const std::string &F : Opts.HostOnlyFlags)
    if (llvm::StringRef(F).startswith("-f") || F == "-g" || F == "-pthread")
      Argv.push_back(F);
  Argv.insert(Argv.end(), Opts.LinkerFlags.begin(), Opts.LinkerFlags.end());
  Argv.insert(Argv.end(), {"-L" + TC.LibDir, "-Wl,-rpath," + TC.LibDir, "-lcudart", "-lpthread",
                           "-ldl", "-lrt", "-o", Output});
  return runTool(Argv, "link");
}

int Driver::phaseLink() {
  std::string Dest = Opts.Output.empty() ? "a.out" : Opts.Output;
  if (!checkOutputNotInput(Dest))
    return 1;
  std::vector<std::string> Objects;
  if (!compileToScratch(Objects))
    return 1;
  OutputFile Out(Dest);
  if (!linkExecutable(Objects, Opts.DryRun ? Dest : Out.tempPath()))
    return 1;
  if (Opts.DryRun)
    return 0;
  if (!commitOutput(Out))
    return 1;
  if (!Opts.Run)
    return 0;
  llvm::SmallString<256> Abs(Dest);
  llvm::sys::fs::make_absolute(Abs);
  std::string Exe = std::string(Abs.str());
  return llvm::sys::ExecuteAndWait(Exe, {Exe});
}

int Driver::phasePreprocess() {
  for (const InputFile &In : Opts.Inputs) {
    if (!In.isSource())
      continue;
    // -M/-MM imply -E in Clang; -MF (or stdout) receives the rules.
    std::vector<std::string> Extra;
    if (Opts.Mode == Phase::Dependencies)
      Extra = Opts.DependencyFlags;
    std::string Out = Opts.Mode == Phase::Preprocess ? Opts.Output : "";
    if (!compileHost(In, Extra, Out, "-E"))
      return 1;
  }
  return 0;
}

int Driver::phaseDeviceLink() {
  std::string Dest = Opts.Output.empty() ? "a_dlink.o" : Opts.Output;
  if (!checkOutputNotInput(Dest))
    return 1;
  std::vector<std::string> Objects;
  for (const InputFile &In : Opts.Inputs)
    if (!In.isSource())
      Objects.push_back(In.Path);
  OutputFile Out(Dest);
  std::vector<std::string> Produced;
  std::string Target = Opts.DryRun ? Dest : Out.tempPath();
  if (!deviceLinkInto(Objects, Produced, /*Required=*/true, Target))
    return 1;
  if (Opts.DryRun)
    return 0;
  if (!commitOutput(Out))
    return 1;
  return 0;
}

int Driver::phaseLib() {
  std::string Dest = Opts.Output.empty() ? "a.a" : Opts.Output;
  std::vector<std::string> Objects;
  if (!compileToScratch(Objects))
    return 1;
  OutputFile Out(Dest);
  std::vector<std::string> Argv = {TC.Clang.substr(0, TC.Clang.rfind('/')) + "/llvm-ar", "rcs",
                                   Opts.DryRun ? Dest : Out.tempPath()};
  Argv.insert(Argv.end(), Objects.begin(), Objects.end());
  if (!runTool(Argv, "archive"))
    return 1;
  if (Opts.DryRun)
    return 0;
  if (!commitOutput(Out))
    return 1;
  return 0;
}

int Driver::phaseFatbin() {
  for (const InputFile &In : Opts.Inputs) {
    if (In.Kind != InputKind::Cuda)
      continue;
    std::string Dest = Opts.Output.empty() ? llvm::sys::path::stem(In.Path).str() + ".fatbin"
                                           : Opts.Output;
    OutputFile Out(Dest);
    if (!buildDeviceContainer(In, Opts.DryRun ? Dest : Out.tempPath()))
      return 1;
    if (Opts.DryRun)
      continue;
    if (!commitOutput(Out))
      return 1;
  }
  return 0;
}

int Driver::run() {
  if (Opts.Inputs.empty()) {
    Diags.report(DiagID::err_no_inputs);
    return 1;
  }
  for (const InputFile &In : Opts.Inputs) {
    if (!Opts.DryRun && !llvm::sys::fs::exists(In.Path)) {
      Diags.report(DiagID::err_missing_input, {In.Path});
      return 1;
    }
  }
  if (llvm::Error E = Scratch.create()) {
    Diags.report(DiagID::err_device, {llvm::toString(std::move(E))});
    return 1;
  }
  if (Opts.Keep)
    Scratch.keep();
  switch (Opts.Mode) {
  case Phase::Compile:
    return phaseCompile();
  case Phase::Link:
    return phaseLink();
  case Phase::Preprocess:
  case Phase::Dependencies:
    return phasePreprocess();
  case Phase::DeviceLink:
    return phaseDeviceLink();
  case Phase::Lib:
    return phaseLib();
  case Phase::Fatbin:
    return phaseFatbin();
  }
  return 1;
}

static void printVersion(llvm::raw_ostream &OS) {
  // The "release X.Y, VX.Y.Z" line is what build systems (CMake's CUDA
  // support among them) parse from `nvcc --version`.
  OS << "cuport-cc: cuport CUDA compiler driver\n"
     << "cuport " CUPORT_VERSION_STRING " (Clang/LLVM 15, SPIR-V and AMD GCN device code)\n"
     << "Cuda compilation tools, release 12.4, V12.4.0 (cuport " CUPORT_VERSION_STRING ")\n";
}

int cuport::driver::runCuportCC(llvm::ArrayRef<std::string> Args, const Toolchain &TC) {
  Diagnostics Diags("cuport-cc");
  ParsedArgs Parsed = parseNvccArgs(Args, Diags);
  if (Diags.hasErrors())
    return 1;
  CompileOptions Opts = buildCompileOptions(Parsed, Diags);
  if (Diags.hasErrors())
    return 1;
  if (Opts.ShowHelp) {
    printHelp(llvm::outs());
    return 0;
  }
  if (Opts.ShowVersion) {
    printVersion(llvm::outs());
    return 0;
  }
  Driver D(TC, Opts, Diags);
  return D.run();
}
