//===- TranslateRule.h - the shape every rewrite rule has ------*- C++ -*-===//
//
// A rule is one class that owns one kind of rewrite, in clang-tidy's shape:
// `registerMatchers` adds AST matchers, `registerPPCallbacks` hooks the
// preprocessor, and `check` handles one match. Rules never print or edit
// text themselves; they go through the TranslateContext, which keeps the
// edits, counts and diagnostics. The list of rules is in Rules.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_TRANSLATERULE_H
#define CUPORT_TRANSLATE_RULES_TRANSLATERULE_H

#include "../TranslateContext.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

#include <memory>
#include <vector>

namespace cuport {
namespace frontend {

class TranslateRule : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  explicit TranslateRule(TranslateContext &Ctx) : Ctx(Ctx) {}
  virtual void registerMatchers(clang::ast_matchers::MatchFinder &Finder) {}
  virtual void registerPPCallbacks(clang::Preprocessor &PP) {}
  virtual void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) {}

  void run(const clang::ast_matchers::MatchFinder::MatchResult &Result) final { check(Result); }

protected:
  TranslateContext &Ctx;

  /// True when \p D comes from CUDA's side of the code: cuport's headers,
  /// another system header, or the translator's stub declarations. A
  /// declaration in the user's own files is never an API, whatever its name.
  bool isApiDecl(const clang::Decl *D) const;
  /// The table row for \p D's name, when \p D is an API declaration.
  const ApiEntry *apiEntryFor(const clang::NamedDecl *D) const;
};

/// Every rule, in the order of the registration list in Rules.cpp.
std::vector<std::unique_ptr<TranslateRule>> createRules(TranslateContext &Ctx);

} // namespace frontend
} // namespace cuport

#endif
