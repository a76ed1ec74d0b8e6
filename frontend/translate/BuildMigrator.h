//===- BuildMigrator.h - Makefiles and CMake files to hipcc ----*- C++ -*-===//
//
// --migrate-build: applies the rows of BuildMigration.def, line by line, to
// Makefiles and CMake files, and reports each change (file:line, what, and
// the line before and after) and each note (a construct to finish by hand).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_BUILDMIGRATOR_H
#define CUPORT_TRANSLATE_BUILDMIGRATOR_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace cuport {
namespace frontend {

enum class BuildFileKind { None, Make, CMake };

/// What kind of build file \p Path names (by its name).
BuildFileKind buildFileKind(llvm::StringRef Path);

struct BuildChange {
  unsigned Line;
  std::string Description;
  std::string Before, After; ///< Equal for notes.
  bool IsNote;
};

struct BuildMigration {
  std::string Output;
  std::vector<BuildChange> Changes;
};

BuildMigration migrateBuildFile(llvm::StringRef Text, BuildFileKind Kind, llvm::StringRef OffloadArch);

} // namespace frontend
} // namespace cuport

#endif
