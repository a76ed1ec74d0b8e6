//===- MacroRule.h ---------------------------------------------*- C++ -*-===//
//
// Renames uses of API macros (cudaStreamNonBlocking,
// cudaHostAllocMapped) written in active code. Uses inside the user's own
// #define bodies are the lexer pass's: there they are still plain tokens.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_MACRORULE_H
#define CUPORT_TRANSLATE_RULES_MACRORULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class MacroRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerPPCallbacks(clang::Preprocessor &PP) override;
};

} // namespace frontend
} // namespace cuport

#endif
