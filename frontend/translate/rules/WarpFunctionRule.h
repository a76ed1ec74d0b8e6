//===- WarpFunctionRule.h --------------------------------------*- C++ -*-===//
//
// Rewrites the *_sync warp functions to HIP's maskless forms
// (__shfl_down_sync(m, v, d) -> __shfl_down(v, d)) and warns where a 64-wide
// wavefront changes the meaning: ballot masks, default shuffle widths, and
// masks that name fewer than all 32 lanes.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_WARPFUNCTIONRULE_H
#define CUPORT_TRANSLATE_RULES_WARPFUNCTIONRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class WarpFunctionRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
