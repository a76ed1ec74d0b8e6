//===- ContainerScan.h - find cuport containers in files -------*- C++ -*-===//
//
// Reads every cuport device container held by a file: a bare container (as
// `cuport-cc -fatbin` writes), an object file's .nv_fatbin section (which
// `ld -r` may have filled with several), or each member of an archive.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_CONTAINERSCAN_H
#define CUPORT_DRIVER_CONTAINERSCAN_H

#include "fatbin/FatBinary.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cuport {
namespace driver {

struct FoundContainer {
  fatbin::FatBinary Value;
  std::string Origin; ///< "file" or "archive(member)".
};

struct ScannedFile {
  std::vector<FoundContainer> Containers;
  /// Undefined `__cudaRegisterLinkedBinary<ModuleID>` symbols: the hooks a
  /// host object compiled with -fgpu-rdc expects the device link to define.
  std::vector<std::string> LinkedBinaryHooks;
};

llvm::Expected<ScannedFile> scanFile(const std::string &Path);

/// The containers alone (what cuport-fatbin lists).
llvm::Expected<std::vector<FoundContainer>> readContainers(const std::string &Path);

} // namespace driver
} // namespace cuport

#endif
