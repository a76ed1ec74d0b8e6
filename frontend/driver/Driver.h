//===- Driver.h - cuport-cc, an nvcc-compatible driver ---------*- C++ -*-===//
//
// Plans and runs what one cuport-cc command line asks for, the way nvcc
// does: for each .cu, a device compile (Clang -> lowering -> SPIR-V ->
// cuport's container) and a host compile that embeds the container; .cpp
// and .c inputs go to the host compiler; then, unless -c/-E/-M/-dlink/-lib,
// a device link for relocatable device code and the final link against
// cuport's libcudart with an rpath.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_DRIVER_H
#define CUPORT_DRIVER_DRIVER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace cuport {
namespace driver {

/// Where cuport's parts are, relative to the cuport-cc executable
/// (<root>/bin/cuport-cc, <root>/include, <root>/lib), and Clang 15.
struct Toolchain {
  std::string Root;
  std::string Clang;
  std::string IncludeDir;
  std::string LibDir;

  static Toolchain fromExecutable(const std::string &ExePath);
  std::string clangxx() const { return Clang + "++"; }
};

/// Runs cuport-cc with \p Args (argv without argv[0]); returns the exit code.
int runCuportCC(llvm::ArrayRef<std::string> Args, const Toolchain &TC);

} // namespace driver
} // namespace cuport

#endif
