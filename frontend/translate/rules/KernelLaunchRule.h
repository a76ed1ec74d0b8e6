//===- KernelLaunchRule.h --------------------------------------*- C++ -*-===//
//
// With --launch=hipLaunchKernelGGL, turns k<<<g, b, s, st>>>(args)
// into hipLaunchKernelGGL(k, g, b, s, st, args) by small edits around the
// arguments, so renames inside the arguments still apply.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_KERNELLAUNCHRULE_H
#define CUPORT_TRANSLATE_RULES_KERNELLAUNCHRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class KernelLaunchRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
