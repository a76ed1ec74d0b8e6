//===- AtomicOperandRule.h -------------------------------------*- C++ -*-===//
//
// Warns at atomics whose name HIP shares but whose operand type ROCm 5.2's
// HIP does not accept (CudaAtomicGaps.def): atomicMin on long long,
// atomicAdd on __half2, ... The rename rules see nothing wrong there.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_ATOMICOPERANDRULE_H
#define CUPORT_TRANSLATE_RULES_ATOMICOPERANDRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class AtomicOperandRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
