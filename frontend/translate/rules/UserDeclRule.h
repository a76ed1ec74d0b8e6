//===- UserDeclRule.h ------------------------------------------*- C++ -*-===//
//
// Records the names the user's own code declares that also have
// a table row (a local variable called cudaStream_t, a helper called
// cudaMemcpy in a namespace). The lexer pass never renames those names; the
// AST rules already tell them apart by declaration.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_USERDECLRULE_H
#define CUPORT_TRANSLATE_RULES_USERDECLRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class UserDeclRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace frontend
} // namespace cuport

#endif
