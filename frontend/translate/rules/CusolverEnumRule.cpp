//===- CusolverEnumRule.cpp - hipSOLVER's spelling of cuBLAS enumerators --===//
#include "CusolverEnumRule.h"
#include "Matchers.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

void CusolverEnumRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(cusolverEnumArgument().bind("ref"), this);
}

void CusolverEnumRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref");
  const ApiEntry *E = Ref ? apiEntryFor(Ref->getDecl()) : nullptr;
  unsigned Offset;
  if (!E || !Ctx.mainFileOffset(Ref->getLocation(), Offset) || Ctx.isClaimed(Offset))
    return;
  Ctx.recordUse(E->Name);
  Ctx.countConverted(ApiFamily::Cusolver);
  Ctx.replace(Offset, E->Name.size(), Ctx.table().cusolverSpelling(E->Name).str());
}

} // namespace frontend
} // namespace cuport
