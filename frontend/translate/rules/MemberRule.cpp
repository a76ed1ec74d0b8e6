//===- MemberRule.cpp - rename members HIP spells differently -------------===//
//
// Member accesses (p.type, prop->uuid) and designated initializers
// ({.type = ...}) of a CUDA struct's field from cuport's headers; a user's
// struct with the same member names is not the API and is left alone.
//
//===----------------------------------------------------------------------===//
#include "MemberRule.h"

#include "clang/AST/Expr.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
AST_MATCHER(FieldDecl, hasMemberRow) {
  const RecordDecl *R = Node.getParent();
  return R && R->getIdentifier() && Node.getIdentifier() &&
         ApiTable::get().lookupMember(R->getName(), Node.getName()) != nullptr;
}
} // namespace

void MemberRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(memberExpr(member(fieldDecl(hasMemberRow()).bind("field"))).bind("member"), this);
  Finder.addMatcher(designatedInitExpr().bind("designated"), this);
}

void MemberRule::renameMember(const FieldDecl *F, SourceLocation Loc) {
  if (!F || !isApiDecl(F))
    return;
  const MemberEntry *M = Ctx.table().lookupMember(F->getParent()->getName(), F->getName());
  unsigned Offset;
  if (M && Ctx.mainFileOffset(Loc, Offset))
    Ctx.renameMember(Offset, *M);
}

void MemberRule::check(const MatchFinder::MatchResult &Result) {
  if (const auto *E = Result.Nodes.getNodeAs<MemberExpr>("member")) {
    renameMember(Result.Nodes.getNodeAs<FieldDecl>("field"), E->getMemberLoc());
    return;
  }
  if (const auto *D = Result.Nodes.getNodeAs<DesignatedInitExpr>("designated"))
    for (const DesignatedInitExpr::Designator &Des : D->designators())
      if (Des.isFieldDesignator())
        renameMember(Des.getField(), Des.getFieldLoc());
}

} // namespace frontend
} // namespace cuport
