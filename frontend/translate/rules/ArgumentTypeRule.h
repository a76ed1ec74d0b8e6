//===- ArgumentTypeRule.h --------------------------------------*- C++ -*-===//
//
// Device functions whose name HIP shares but whose argument type ROCm 5.2's
// HIP does not declare them for: __hadd on __nv_bfloat16 is HIP's __hadd on
// __half only in name. Where HIP code computes CUDA's result
// (HipCompat.def rows whose Operand is the type of the first argument, not
// a pointee), the call's name becomes the helper's, with a note. Calls on
// the types HIP has are left alone. AtomicOperandRule does the same for
// atomics, keyed by the pointee of their first argument.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_ARGUMENTTYPERULE_H
#define CUPORT_TRANSLATE_RULES_ARGUMENTTYPERULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class ArgumentTypeRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
