//===- CooperativeGroupsRule.cpp - cooperative groups ROCm 5.2 lacks ------===//
//
// Uses are seen once per template instantiation; the first claims the
// token, so each spelling is warned about once.
//
//===----------------------------------------------------------------------===//
#include "CooperativeGroupsRule.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
bool inCooperativeGroups(const Decl *D) {
  const auto *NS = dyn_cast_or_null<NamespaceDecl>(D->getDeclContext()->getEnclosingNamespaceContext());
  return NS && NS->getName() == "cooperative_groups";
}

AST_MATCHER(NamedDecl, isMissingCgName) {
  const IdentifierInfo *II = Node.getIdentifier();
  if (!II || !inCooperativeGroups(&Node))
    return false;
  bool Member = isa<CXXMethodDecl>(Node);
  const CooperativeGroupsEntry *E = ApiTable::get().lookupCooperativeGroups(II->getName());
  return E && E->Member == Member;
}
} // namespace

void CooperativeGroupsRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(declRefExpr(to(namedDecl(isMissingCgName()))).bind("ref"), this);
  Finder.addMatcher(memberExpr(member(namedDecl(isMissingCgName()))).bind("member"), this);
  // A template specialization's declaration, for hasDeclaration, is its
  // class template.
  Finder.addMatcher(typeLoc(loc(qualType(hasDeclaration(namedDecl(isMissingCgName()))))).bind("tl"), this);
}

void CooperativeGroupsRule::warn(const NamedDecl *D, SourceLocation Loc) {
  unsigned Offset;
  if (!isApiDecl(D) || !Ctx.mainFileOffset(Loc, Offset) || Ctx.isClaimed(Offset))
    return;
  Ctx.claim(Offset);
  ++Ctx.stats().Unsupported;
  std::string Name = "cooperative_groups::";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
    Name += Method->getParent()->getNameAsString() + "::";
  Name += D->getNameAsString();
  Ctx.reportAt(Offset, TranslateDiag::warn_cg_missing, {Name, baselineRocm().getAsString()});
}

void CooperativeGroupsRule::check(const MatchFinder::MatchResult &Result) {
  if (const auto *R = Result.Nodes.getNodeAs<DeclRefExpr>("ref"))
    return warn(R->getDecl(), R->getLocation());
  if (const auto *M = Result.Nodes.getNodeAs<MemberExpr>("member"))
    return warn(M->getMemberDecl(), M->getMemberLoc());
  if (const auto *TL = Result.Nodes.getNodeAs<TypeLoc>("tl"))
    if (auto T = TL->getUnqualifiedLoc().getAs<TemplateSpecializationTypeLoc>())
      if (const auto *D = T.getTypePtr()->getAsCXXRecordDecl())
        warn(D, T.getTemplateNameLoc());
}

} // namespace frontend
} // namespace cuport
