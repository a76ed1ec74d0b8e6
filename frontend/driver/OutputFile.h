//===- OutputFile.h - all-or-nothing output files --------------*- C++ -*-===//
//
// Every file cuport-cc produces is first written under a temporary name in
// the destination's directory and renamed over the destination only when
// the step succeeded, so a failed or interrupted compile never leaves a
// partial output behind (and never truncates an older good one).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_OUTPUTFILE_H
#define CUPORT_DRIVER_OUTPUTFILE_H

#include "llvm/Support/Error.h"

#include <string>

namespace cuport {
namespace driver {

class OutputFile {
public:
  explicit OutputFile(std::string Destination);
  ~OutputFile();
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  /// The temporary path a tool should write to.
  const std::string &tempPath() const { return Temp; }
  const std::string &destination() const { return Dest; }
  /// Atomically renames the temporary file onto the destination.
  llvm::Error commit();

private:
  std::string Dest;
  std::string Temp;
  bool Committed = false;
};

/// A scratch directory removed (with its files) on destruction, unless kept.
class ScratchDir {
public:
  ScratchDir();
  ~ScratchDir();
  llvm::Error create();
  std::string file(const std::string &Stem, const std::string &Ext);
  void keep() { Keep = true; }
  const std::string &path() const { return Path; }

private:
  std::string Path;
  unsigned Counter = 0;
  bool Keep = false;
};

} // namespace driver
} // namespace cuport

#endif
