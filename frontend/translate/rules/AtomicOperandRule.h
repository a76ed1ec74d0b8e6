//===- AtomicOperandRule.h -------------------------------------*- C++ -*-===//
//
// Atomics whose name HIP shares but whose operand type ROCm 5.2's HIP does
// not accept. Where HIP code can do the same (HipCompat.def: atomicMin on
// long long, atomicAdd on __half2, also through a _block form) the call's
// name becomes the helper's, with a note; otherwise (CudaAtomicGaps.def:
// atomicAdd on __nv_bfloat16) the call is warned about. The rename rules
// see nothing wrong there.
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
