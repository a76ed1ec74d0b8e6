//===- DeclRefRule.cpp - rename references to API names -------------------===//
#include "DeclRefRule.h"
#include "Matchers.h"

#include "clang/AST/ExprCXX.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

void DeclRefRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(declRefExpr(to(namedDecl(hasApiTableName())), unless(cusolverEnumArgument())).bind("ref"),
                    this);
  Finder.addMatcher(unresolvedLookupExpr().bind("unresolved"), this);
}

/// The warp functions whose calls change shape belong to WarpFunctionRule.
static bool ownedElsewhere(const ApiEntry &E) {
  return E.Family == ApiFamily::Device && E.Rewrite == DeviceRewrite::DropMask;
}

void DeclRefRule::check(const MatchFinder::MatchResult &Result) {
  unsigned Offset;
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    const ApiEntry *E = apiEntryFor(Ref->getDecl());
    if (!E || ownedElsewhere(*E))
      return;
    if (Ctx.mainFileOffset(Ref->getLocation(), Offset)) {
      Ctx.renameToken(Offset, *E);
      return;
    }
    // A name made by token pasting has no spelling in the file; one without
    // a HIP equivalent is still reported, at the macro use, and one HIP code
    // computes is mapped by a #define (a macro may paste many of them).
    SourceLocation Use = Result.SourceManager->getExpansionLoc(Ref->getLocation());
    if (!Ctx.mainFileOffset(Use, Offset))
      return;
    if (!Ctx.hipAvailable(*E) && !Ctx.isClaimed(Offset)) {
      Ctx.recordUse(E->Name);
      Ctx.reportNoHip(Offset, *E);
    } else if (Ctx.hipAvailable(*E) && E->Rewrite == DeviceRewrite::Substitute) {
      Ctx.substitutePasted(Offset, *E);
    }
    return;
  }
  const auto *U = Result.Nodes.getNodeAs<UnresolvedLookupExpr>("unresolved");
  if (!U || !U->getName().isIdentifier())
    return;
  const ApiEntry *E = Ctx.table().lookup(U->getName().getAsIdentifierInfo()->getName());
  if (!E || ownedElsewhere(*E) || U->getNumDecls() == 0)
    return;
  // Every candidate must come from the API side; one user overload makes the
  // name the user's.
  for (const NamedDecl *D : U->decls())
    if (!isApiDecl(D->getUnderlyingDecl()))
      return;
  if (Ctx.mainFileOffset(U->getNameLoc(), Offset))
    Ctx.renameToken(Offset, *E);
}

} // namespace frontend
} // namespace cuport
