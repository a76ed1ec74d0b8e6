//===- CompileFlags.h - the flags a file's parse needs ---------*- C++ -*-===//
//
// From a compile_commands.json entry, keeps what changes how a file parses
// (include paths, macros, pre-includes, -std) and drops the rest (outputs,
// code generation, warnings). Entries whose compiler is nvcc (or cuport-cc)
// are read with cuport-cc's own nvcc option parser, so `-I dir`,
// `--define-macro=X`, `-Xcompiler` lists and nvcc's other spellings mean
// what nvcc means by them. Relative paths are made absolute against the
// entry's directory.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_COMPILEFLAGS_H
#define CUPORT_TRANSLATE_COMPILEFLAGS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace cuport {
namespace frontend {

/// \p CommandLine includes the compiler as its first element. Problems
/// parsing an nvcc command are appended to \p Problems; what parsed is used.
std::vector<std::string> parseFlagsFromCommand(llvm::ArrayRef<std::string> CommandLine,
                                               llvm::StringRef Directory, std::string &Problems);

/// True when the compiler of a command line is nvcc or cuport-cc.
bool isNvccCommand(llvm::ArrayRef<std::string> CommandLine);

} // namespace frontend
} // namespace cuport

#endif
