//===- UnknownApiRule.cpp - cuda* functions with no table row -------------===//
#include "UnknownApiRule.h"

#include "clang/AST/Expr.h"

#include <cctype>

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
AST_MATCHER(NamedDecl, isUntabledCudaName) {
  const IdentifierInfo *II = Node.getIdentifier();
  if (!II)
    return false;
  llvm::StringRef N = II->getName();
  return N.size() > 4 && N.startswith("cuda") && std::isupper(static_cast<unsigned char>(N[4])) &&
         !ApiTable::get().lookup(N);
}
} // namespace

void UnknownApiRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(declRefExpr(to(functionDecl(isUntabledCudaName()))).bind("ref"), this);
}

void UnknownApiRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref");
  unsigned Offset;
  if (!Ref || !isApiDecl(Ref->getDecl()) || !Ctx.mainFileOffset(Ref->getLocation(), Offset) ||
      Ctx.isClaimed(Offset))
    return;
  Ctx.claim(Offset);
  Ctx.recordUse(Ref->getDecl()->getName());
  ++Ctx.stats().Unknown;
  Ctx.reportAt(Offset, TranslateDiag::warn_unknown_api, {Ref->getDecl()->getName()});
}

} // namespace frontend
} // namespace cuport
