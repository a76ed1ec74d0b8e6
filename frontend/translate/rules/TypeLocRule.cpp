//===- TypeLocRule.cpp - rename spellings of API types --------------------===//
#include "TypeLocRule.h"
#include "Matchers.h"

#include "clang/AST/TypeLoc.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

void TypeLocRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(typeLoc(loc(qualType(hasDeclaration(namedDecl(hasApiTableName()))))).bind("tl"),
                    this);
}

void TypeLocRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Matched = Result.Nodes.getNodeAs<TypeLoc>("tl");
  if (!Matched)
    return;
  TypeLoc TL = Matched->getUnqualifiedLoc();
  const NamedDecl *D = nullptr;
  SourceLocation NameLoc;
  // An elaborated type (struct cudaDeviceProp) is matched again through its
  // inner tag type; only the innermost spelling is renamed.
  if (auto T = TL.getAs<TypedefTypeLoc>()) {
    D = T.getTypedefNameDecl();
    NameLoc = T.getNameLoc();
  } else if (auto T = TL.getAs<TagTypeLoc>()) {
    D = T.getDecl();
    NameLoc = T.getNameLoc();
  } else {
    return;
  }
  const ApiEntry *E = apiEntryFor(D);
  unsigned Offset;
  if (E && Ctx.mainFileOffset(NameLoc, Offset))
    Ctx.renameToken(Offset, *E);
}

} // namespace frontend
} // namespace cuport
