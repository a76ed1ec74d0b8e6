//===- CompileOptions.cpp - what an nvcc command line asks for ------------===//
//
// nvcc semantics kept here: -dc is -rdc=true -c; -G turns device
// optimisation off; `-O` alone means -O3; -arch/-gencode pick __CUDA_ARCH__
// (the lowest real architecture, as nvcc's first compilation does);
// -Xptxas and friends are accepted and ignored with a note.
//
//===----------------------------------------------------------------------===//
#include "CompileOptions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

using namespace cuport::driver;

std::optional<InputKind> cuport::driver::classifyInput(llvm::StringRef Path,
                                                       llvm::StringRef Language) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  // -x applies to source files only; objects and libraries keep their kind.
  if (Ext == ".o" || Ext == ".obj")
    return InputKind::Object;
  if (Ext == ".a")
    return InputKind::Archive;
  if (Ext == ".so" || Path.contains(".so."))
    return InputKind::SharedLibrary;
  if (!Language.empty())
    return llvm::StringSwitch<std::optional<InputKind>>(Language)
        .Cases("cu", "cuda", InputKind::Cuda)
        .Cases("c++", "cpp", InputKind::Cxx)
        .Case("c", InputKind::C)
        .Default(std::nullopt);
  return llvm::StringSwitch<std::optional<InputKind>>(Ext)
      .Case(".cu", InputKind::Cuda)
      .Cases(".cpp", ".cc", ".cxx", ".C", ".c++", InputKind::Cxx)
      .Case(".c", InputKind::C)
      .Default(std::nullopt);
}

/// Parses "sm_80", "compute_80", "80"; 0 when it is not such a name.
static unsigned parseSmArch(llvm::StringRef Arch) {
  Arch.consume_front("sm_") || Arch.consume_front("compute_") || Arch.consume_front("lto_");
  Arch = Arch.rtrim("af"); // sm_90a, sm_100f
  unsigned N = 0;
  if (Arch.getAsInteger(10, N) || N < 10 || N > 200)
    return 0;
  return N * 10;
}

static bool parseBool(llvm::StringRef V, bool &Out) {
  if (V == "true" || V == "1" || V == "on") {
    Out = true;
    return true;
  }
  if (V == "false" || V == "0" || V == "off") {
    Out = false;
    return true;
  }
  return false;
}

namespace {
class Builder {
public:
  Builder(const ParsedArgs &Args, Diagnostics &Diags) : Args(Args), Diags(Diags) {}
  CompileOptions build();

private:
  void apply(const ParsedOption &O);
  void noteIgnored(const ParsedOption &O, const char *Why) {
    if (!Noted.insert(O.Spelling).second)
      return;
    Diags.report(DiagID::note_ignored_option, {O.Spelling, Why});
  }
  void setArch(const ParsedOption &O, llvm::StringRef V);

  const ParsedArgs &Args;
  Diagnostics &Diags;
  CompileOptions C;
  std::set<std::string> Noted;
  unsigned LowestArch = 0;
  bool SawCompile = false;
  std::optional<bool> RdcFlag;
};
} // namespace

void Builder::setArch(const ParsedOption &O, llvm::StringRef V) {
  if (V == "native" || V == "all" || V == "all-major")
    return; // SPIR-V serves every architecture; keep the default.
  unsigned A = parseSmArch(V);
  if (!A) {
    Diags.report(DiagID::err_bad_value, {O.Spelling, V.str(), "sm_XX or compute_XX"});
    return;
  }
  if (!LowestArch || A < LowestArch)
    LowestArch = A;
}

void Builder::apply(const ParsedOption &O) {
  const std::string &V = O.Value;
  switch (O.ID) {
  case OptID::Compile:
    SawCompile = true;
    break;
  case OptID::DeviceC:
    SawCompile = true;
    RdcFlag = true;
    break;
  case OptID::DeviceW:
    SawCompile = true;
    RdcFlag = false;
    break;
  case OptID::DeviceLink:
    C.Mode = Phase::DeviceLink;
    break;
  case OptID::Link:
    break;
  case OptID::Lib:
    C.Mode = Phase::Lib;
    break;
  case OptID::Preprocess:
    C.Mode = Phase::Preprocess;
    break;
  case OptID::Run:
    C.Run = true;
    break;
  case OptID::Ptx:
  case OptID::Cubin:
    Diags.report(DiagID::err_unsupported_mode,
                 {O.Spelling, "cuport compiles device code to SPIR-V, not NVIDIA's formats"});
    break;
  case OptID::Fatbin:
    C.Mode = Phase::Fatbin;
    break;
  case OptID::DryRun:
  case OptID::HashHashHash:
    C.DryRun = true;
    break;
  case OptID::Verbose:
    C.Verbose = true;
    break;
  case OptID::Keep:
    C.Keep = true;
    break;
  case OptID::KeepDir:
    C.KeepDir = V;
    break;
  case OptID::Version:
    C.ShowVersion = true;
    break;
  case OptID::Help:
    C.ShowHelp = true;
    break;
  case OptID::Output:
    C.Output = V;
    break;
  case OptID::OutputDirectory:
    C.OutputDirectory = V;
    break;
  case OptID::Include:
  case OptID::SystemInclude:
  case OptID::PreInclude:
  case OptID::Define:
  case OptID::Undefine: {
    const char *Flag = O.ID == OptID::Include         ? "-I"
                       : O.ID == OptID::SystemInclude ? "-isystem"
                       : O.ID == OptID::PreInclude    ? "-include"
                       : O.ID == OptID::Define        ? "-D"
                                                      : "-U";
    std::vector<std::string> Values;
    if (O.ID == OptID::Define) {
      Values.push_back(V);
    } else {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      llvm::StringRef(V).split(Parts, ',', -1, false);
      for (auto P : Parts)
        Values.push_back(P.str());
    }
    for (const std::string &Val : Values) {
      if (O.ID == OptID::SystemInclude || O.ID == OptID::PreInclude) {
        C.PreprocessorFlags.push_back(Flag);
        C.PreprocessorFlags.push_back(Val);
      } else {
        C.PreprocessorFlags.push_back(Flag + Val);
      }
    }
    break;
  }
  case OptID::LibraryPath:
  case OptID::Library: {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(V).split(Parts, ',', -1, false);
    for (auto P : Parts)
      C.LinkerFlags.push_back((O.ID == OptID::Library ? "-l" : "-L") + P.str());
    break;
  }
  case OptID::Language:
    if (!classifyInput("x", V))
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "cu, c++ or c"});
    break;
  case OptID::CompilerBindir:
    noteIgnored(O, "the host compiler is Clang 15, which CUDA host code needs");
    break;
  case OptID::Cudart:
    if (V != "shared" && V != "static" && V != "none")
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "shared, static or none"});
    else if (V == "static")
      noteIgnored(O, "cuport's libcudart is always shared (libcudart.so.12, found through rpath)");
    break;
  case OptID::Shared:
    C.Shared = true;
    break;
  case OptID::Optimize: {
    unsigned L = 3;
    if (!V.empty() && (llvm::StringRef(V).getAsInteger(10, L) || L > 3)) {
      if (V != "s" && V != "z" && V != "fast")
        Diags.report(DiagID::err_bad_value, {O.Spelling, V, "0, 1, 2 or 3"});
      L = 2;
    }
    C.HostOptLevel = L;
    break;
  }
  case OptID::DeviceOptimize: {
    bool On = true;
    if (!parseBool(V, On))
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "on or off"});
    C.DeviceOptLevel = On ? 3 : 0;
    break;
  }
  case OptID::Debug:
    C.HostOnlyFlags.push_back("-g");
    break;
  case OptID::DeviceDebug:
    C.DeviceOptLevel = 0;
    break;
  case OptID::LineInfo:
    break;
  case OptID::Std: {
    static const char *Known[] = {"c++03", "c++11", "c++14", "c++17", "c++20"};
    if (std::find(std::begin(Known), std::end(Known), V) == std::end(Known))
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "c++03, c++11, c++14, c++17 or c++20"});
    else
      C.PreprocessorFlags.push_back("-std=" + V);
    break;
  }
  case OptID::Arch:
    setArch(O, V);
    break;
  case OptID::Code:
    break;
  case OptID::Gencode: {
    // -gencode arch=compute_80,code=sm_80 (code may be [sm_80,compute_80]).
    bool SawArch = false;
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(V).split(Parts, ',', -1, false);
    for (llvm::StringRef Part : Parts) {
      auto [Key, Val] = Part.split('=');
      Val = Val.trim("[]\"'");
      if (Key == "arch") {
        SawArch = true;
        setArch(O, Val);
      } else if (Key != "code" && !Key.startswith("compute_") && !Key.startswith("sm_") &&
                 !Key.endswith("]")) {
        Diags.report(DiagID::err_bad_value, {O.Spelling, V, "arch=compute_XX,code=sm_XX"});
      }
    }
    if (!SawArch)
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "arch=compute_XX,code=sm_XX"});
    break;
  }
  case OptID::OffloadArch: {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(V).split(Parts, ',', -1, false);
    for (auto P : Parts) {
      if (!P.startswith("gfx"))
        Diags.report(DiagID::err_bad_value, {O.Spelling, P.str(), "an AMD target such as gfx90a"});
      else
        C.AmdArchs.push_back(P.str());
    }
    break;
  }
  case OptID::Rdc: {
    bool B = false;
    if (!parseBool(V, B))
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "true or false"});
    RdcFlag = B;
    break;
  }
  case OptID::FastMath:
    C.FastMath = true;
    break;
  case OptID::FtzFlag:
  case OptID::PrecDiv:
  case OptID::PrecSqrt:
  case OptID::Fmad: {
    bool B = false;
    if (!parseBool(V, B))
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "true or false"});
    break;
  }
  case OptID::RelaxedConstexpr:
  case OptID::ExtendedLambda:
  case OptID::ExptExtendedLambda:
    // Clang allows both by default in CUDA mode; nvcc's macros say so.
    C.PreprocessorFlags.push_back(O.ID == OptID::RelaxedConstexpr
                                      ? "-D__CUDACC_RELAXED_CONSTEXPR__"
                                      : "-D__CUDACC_EXTENDED_LAMBDA__");
    break;
  case OptID::DefaultStream:
    if (V != "legacy" && V != "per-thread" && V != "null")
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "legacy, null or per-thread"});
    C.PerThreadDefaultStream = V == "per-thread";
    break;
  case OptID::MachineBits:
    if (V != "64")
      Diags.report(DiagID::err_bad_value, {O.Spelling, V, "64"});
    break;
  case OptID::NoNvccMacro:
    C.DefineNvcc = false;
    break;
  case OptID::XCompiler: {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(V).split(Parts, ',', -1, false);
    for (auto P : Parts)
      C.HostOnlyFlags.push_back(P.str());
    break;
  }
  case OptID::XLinker: {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(V).split(Parts, ',', -1, false);
    for (auto P : Parts)
      C.LinkerFlags.push_back("-Wl," + P.str());
    break;
  }
  case OptID::XPtxas:
    noteIgnored(O, "cuport has no ptxas; SPIR-V is compiled by the target's driver");
    break;
  case OptID::XNvlink:
    noteIgnored(O, "cuport links device code itself");
    break;
  case OptID::XCudafe:
  case OptID::DiagSuppress:
  case OptID::Threads:
  case OptID::ResUsage:
    break;
  case OptID::NoWarnings:
    C.NoWarnings = true;
    C.HostOnlyFlags.push_back("-w");
    break;
  case OptID::WerrorNvcc:
    for (llvm::StringRef P : llvm::split(V, ','))
      if (P == "all-warnings")
        C.HostOnlyFlags.push_back("-Werror");
    break;
  case OptID::GenDeps:
  case OptID::GenNonSysDeps:
    C.Mode = Phase::Dependencies;
    C.DependencyFlags.push_back(O.ID == OptID::GenDeps ? "-M" : "-MM");
    break;
  case OptID::GenDepsWithCompile:
    C.DependencyFlags.push_back("-MD");
    break;
  case OptID::GenNonSysDepsWithCompile:
    C.DependencyFlags.push_back("-MMD");
    break;
  case OptID::DepFile:
    C.DependencyFlags.insert(C.DependencyFlags.end(), {"-MF", V});
    break;
  case OptID::DepTarget:
    C.DependencyFlags.insert(C.DependencyFlags.end(), {"-MT", V});
    break;
  case OptID::DepPhony:
    C.DependencyFlags.push_back("-MP");
    break;
  case OptID::NumOptions:
    break;
  }
}

CompileOptions Builder::build() {
  for (const ParsedOption &O : Args.Options)
    apply(O);
  if (C.Mode == Phase::Link && SawCompile)
    C.Mode = Phase::Compile;
  C.Rdc = RdcFlag.value_or(false);
  if (LowestArch)
    C.CudaArch = LowestArch;
  if (Args.has(OptID::DeviceDebug))
    C.DeviceOptLevel = 0;
  // nvcc gives the host compiler no -O unless asked: that is -O0.
  C.HostOnlyFlags.insert(C.HostOnlyFlags.begin(), "-O" + std::to_string(C.HostOptLevel));

  for (const ParsedInput &In : Args.Inputs) {
    auto Kind = classifyInput(In.Path, In.Language);
    if (!Kind) {
      Diags.report(DiagID::err_unknown_input, {In.Path});
      continue;
    }
    C.Inputs.push_back({In.Path, *Kind});
  }
  Diags.setSuppressWarnings(C.NoWarnings);
  return C;
}

CompileOptions cuport::driver::buildCompileOptions(const ParsedArgs &Args, Diagnostics &Diags) {
  return Builder(Args, Diags).build();
}
