//===- CusolverEnumRule.h --------------------------------------*- C++ -*-===//
//
// Gives the cuBLAS enumerators that a cuSOLVER call takes (CUBLAS_OP_N,
// CUBLAS_FILL_MODE_LOWER, CUBLAS_SIDE_LEFT) hipSOLVER's own spelling
// (HIPSOLVER_OP_N, ...): hipSOLVER's functions take hipsolverOperation_t and
// friends, separate enums a hipBLAS enumerator does not convert to in C++.
// The spellings are the CUSOLVER_BLAS_ENUM rows of Cusolver.def; elsewhere
// the same enumerators stay DeclRefRule's (HIPBLAS_OP_N).
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_CUSOLVERENUMRULE_H
#define CUPORT_TRANSLATE_RULES_CUSOLVERENUMRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class CusolverEnumRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
