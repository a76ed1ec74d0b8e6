//===- UserDeclRule.cpp - protect the user's own CUDA-looking names -------===//
#include "UserDeclRule.h"
#include "Matchers.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

void UserDeclRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(namedDecl(hasApiTableName()).bind("decl"), this);
}

void UserDeclRule::check(const MatchFinder::MatchResult &Result) {
  const auto *D = Result.Nodes.getNodeAs<NamedDecl>("decl");
  if (D && !isApiDecl(D))
    Ctx.protectName(D->getName());
}

} // namespace frontend
} // namespace cuport
