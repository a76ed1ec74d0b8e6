//===- CompileOptions.h - what an nvcc command line asks for ---*- C++ -*-===//
//
// The validated meaning of a parsed nvcc command line: the phase to stop
// after, the inputs by kind, and the flags for the host compiler, the device
// compiler and the linker. Building it is where bad values are rejected.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_COMPILEOPTIONS_H
#define CUPORT_DRIVER_COMPILEOPTIONS_H

#include "Diagnostics.h"
#include "NvccOptions.h"

#include <optional>
#include <string>
#include <vector>

namespace cuport {
namespace driver {

enum class InputKind { Cuda, Cxx, C, Object, Archive, SharedLibrary };

struct InputFile {
  std::string Path;
  InputKind Kind;
  bool isSource() const { return Kind == InputKind::Cuda || Kind == InputKind::Cxx || Kind == InputKind::C; }
};

enum class Phase {
  Link,         ///< compile and link an executable (or -shared library)
  Compile,      ///< -c / -dc / -dw: one object per source
  DeviceLink,   ///< -dlink: one registration object for rdc objects
  Lib,          ///< -lib: compile and archive
  Preprocess,   ///< -E
  Dependencies, ///< -M / -MM: dependencies only
  Fatbin,       ///< -fatbin: write cuport's device container
};

struct CompileOptions {
  Phase Mode = Phase::Link;
  bool Rdc = false;
  bool Run = false;
  bool Shared = false;
  bool DryRun = false;
  bool Verbose = false;
  bool Keep = false;
  std::string KeepDir;
  std::string Output;
  std::string OutputDirectory;
  std::vector<InputFile> Inputs;

  /// -I/-isystem/-D/-U/-include and -std, in command-line order: both sides.
  std::vector<std::string> PreprocessorFlags;
  std::vector<std::string> HostOnlyFlags; ///< -O, -g, -Xcompiler values, -w
  std::vector<std::string> LinkerFlags;   ///< -L, -l, -Xlinker (as -Wl,)
  std::vector<std::string> DependencyFlags; ///< -MD/-MMD/-MF/-MT/-MP for clang
  unsigned HostOptLevel = 0;
  unsigned DeviceOptLevel = 3;
  unsigned CudaArch = 520;
  std::vector<std::string> AmdArchs; ///< --offload-arch gfx targets
  bool FastMath = false;
  bool DefineNvcc = true;
  bool NoWarnings = false;
  bool PerThreadDefaultStream = false;
  bool ShowHelp = false;
  bool ShowVersion = false;
};

/// Validates \p Args; problems are reported to \p Diags.
CompileOptions buildCompileOptions(const ParsedArgs &Args, Diagnostics &Diags);

/// Classifies a file by extension, or by an active `-x` language.
std::optional<InputKind> classifyInput(llvm::StringRef Path, llvm::StringRef Language);

} // namespace driver
} // namespace cuport

#endif
