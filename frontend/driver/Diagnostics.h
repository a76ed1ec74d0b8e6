//===- Diagnostics.h - driver-level diagnostics ----------------*- C++ -*-===//
//
// A small engine for the messages cuport-cc prints about its own command
// line and steps, in Clang's format (`cuport-cc: error: ...`). Source-level
// diagnostics come from Clang itself with file:line:col.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_DRIVER_DIAGNOSTICS_H
#define CUPORT_DRIVER_DIAGNOSTICS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace cuport {
namespace driver {

enum class DiagID {
#define DIAG(ID, Level, Format) ID,
#include "Diagnostics.def"
};

class Diagnostics {
public:
  explicit Diagnostics(llvm::StringRef Program, llvm::raw_ostream &OS = llvm::errs())
      : Program(Program.str()), OS(OS) {}

  void report(DiagID ID, llvm::ArrayRef<std::string> Args = {});
  bool hasErrors() const { return NumErrors != 0; }
  void setSuppressWarnings(bool V) { SuppressWarnings = V; }

  /// Formats without printing (for tests and for embedding in other text).
  static std::string format(DiagID ID, llvm::ArrayRef<std::string> Args);

private:
  std::string Program;
  llvm::raw_ostream &OS;
  unsigned NumErrors = 0;
  bool SuppressWarnings = false;
};

} // namespace driver
} // namespace cuport

#endif
