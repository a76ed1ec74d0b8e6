//===- LexerPass.h - table renames over raw tokens -------------*- C++ -*-===//
//
// The AST rules see only code the preprocessor let through, expanded. Two
// kinds of text are left: the bodies of the user's #define directives (and
// other directive lines), and branches of #if that were not taken (device
// code under __CUDA_ARCH__ on the host pass, other platforms' code). The
// lexer pass renames table names there, over raw tokens, with the same
// tables. It also is the whole translation for a file that does not parse
// (WholeFile), keeping any edit the AST rules managed to make first.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_LEXERPASS_H
#define CUPORT_TRANSLATE_LEXERPASS_H

#include "TranslateContext.h"

#include "clang/Basic/LangOptions.h"

#include <utility>
#include <vector>

namespace cuport {
namespace frontend {

/// [Begin, End) offsets of the main file that the preprocessor skipped.
using OffsetRanges = std::vector<std::pair<unsigned, unsigned>>;

void runLexerPass(TranslateContext &Ctx, const clang::LangOptions &LO, const OffsetRanges &Skipped,
                  bool WholeFile);

} // namespace frontend
} // namespace cuport

#endif
