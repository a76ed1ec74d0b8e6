//===- TypeLocRule.h -------------------------------------------*- C++ -*-===//
//
// Renames every spelling of an API type (cudaStream_t, struct
// cudaDeviceProp, cublasHandle_t) in declarations, casts and sizeofs.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_TYPELOCRULE_H
#define CUPORT_TRANSLATE_RULES_TYPELOCRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class TypeLocRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
