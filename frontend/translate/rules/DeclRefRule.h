//===- DeclRefRule.h -------------------------------------------*- C++ -*-===//
//
// Renames references to API functions, enumerators and variables
// (cudaMalloc, cudaSuccess, warpSize), resolved or not yet resolved (a call
// with dependent arguments in a template).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_DECLREFRULE_H
#define CUPORT_TRANSLATE_RULES_DECLREFRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class DeclRefRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
