//===- UnknownApiRule.h ----------------------------------------*- C++ -*-===//
//
// Warns about uses of cuda* functions that cuport's headers
// declare but that no table row describes, so that a gap in the tables is
// visible instead of silently leaving a CUDA call in HIP code.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_UNKNOWNAPIRULE_H
#define CUPORT_TRANSLATE_RULES_UNKNOWNAPIRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class UnknownApiRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
