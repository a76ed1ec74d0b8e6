//===- CooperativeGroupsRule.h ---------------------------------*- C++ -*-===//
//
// Warns at each use of a cooperative-groups name that ROCm 5.2's
// hip_cooperative_groups.h lacks (cg::reduce, cg::plus, tile.ballot(), ...;
// CudaCooperativeGroups.def), leaving it as it is: HIP keeps the namespace,
// so the rest of such code translates by the include rename alone.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_COOPERATIVEGROUPSRULE_H
#define CUPORT_TRANSLATE_RULES_COOPERATIVEGROUPSRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class CooperativeGroupsRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void warn(const clang::NamedDecl *D, clang::SourceLocation Loc);
};

} // namespace frontend
} // namespace cuport

#endif
