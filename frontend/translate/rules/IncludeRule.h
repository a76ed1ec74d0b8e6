//===- IncludeRule.h -------------------------------------------*- C++ -*-===//
//
// Rewrites #include lines of CUDA headers in active code to their
// HIP headers (CudaIncludes.def), keeping <> or "". Lines in disabled
// branches are the lexer pass's.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_INCLUDERULE_H
#define CUPORT_TRANSLATE_RULES_INCLUDERULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class IncludeRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerPPCallbacks(clang::Preprocessor &PP) override;
};

} // namespace frontend
} // namespace cuport

#endif
