//===- FileTranslator.h - translate one source file to HIP -----*- C++ -*-===//
//
// Parses one file with Clang 15 in CUDA mode against cuport's own headers
// (no CUDA installation), runs the rewrite rules over its AST, the lexer
// pass over what the AST does not cover, and returns the HIP text with the
// file's diagnostics and counts. When the file does not parse, the lexer
// pass translates all of it (unless fallback is off) and a warning says so.
// One FileTranslator per file and thread: nothing is shared but read-only
// tables.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_FILETRANSLATOR_H
#define CUPORT_TRANSLATE_FILETRANSLATOR_H

#include "TranslateContext.h"

#include <set>
#include <string>
#include <vector>

namespace cuport {
namespace frontend {

struct FileResult {
  std::string Path;
  std::string Output;      ///< The HIP text (valid when Translated).
  std::string Diagnostics; ///< Clang's and the translator's, formatted.
  FileStats Stats;
  /// The cuport_hip_compat.h helpers Output calls (it then includes the
  /// header, which the tool writes next to it).
  std::set<std::string> CompatHelpers;
  bool Translated = false; ///< Output is meaningful.
  bool ParseFailed = false;
  bool Changed = false;
};

struct TranslatorConfig {
  TranslateOptions Options;
  std::string ClangPath;  ///< argv[0] for Clang's driver (finds the resource dir).
  std::string IncludeDir; ///< cuport's CUDA headers.
  bool Color = false;
};

/// Translates \p Path, compiled with \p Flags (include paths, macros,
/// -std; the CUDA mode flags are added here).
FileResult translateFile(const TranslatorConfig &Config, const std::string &Path,
                         const std::vector<std::string> &Flags);

} // namespace frontend
} // namespace cuport

#endif
