//===- MemberRule.cpp - rename members HIP spells differently -------------===//
//
// Member accesses (p.type, prop->uuid) and designated initializers
// ({.type = ...}) of a CUDA struct's field from cuport's headers; a user's
// struct with the same member names is not the API and is left alone.
//
//===----------------------------------------------------------------------===//
#include "MemberRule.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMapContext.h"

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

/// Object.Member (Ptr->Member) read as a value becomes Substitute(Object)
/// (Substitute(*Ptr)) where the target ROCm's struct lacks Member and a
/// HIP_COMPAT_MEMBER row computes it; false when this is not such a read.
bool MemberRule::rewriteRead(const MemberExpr *E, const FieldDecl *F, ASTContext &AC) {
  if (!F || !isApiDecl(F) || E->isImplicitAccess())
    return false;
  llvm::StringRef Struct = F->getParent()->getName();
  const MemberEntry *M = Ctx.table().lookupMember(Struct, F->getName());
  const MemberCompatEntry *C = Ctx.table().lookupMemberCompat(Struct, F->getName());
  if (!M || !C || Ctx.hipHasMember(*M))
    return false;
  // Only a value read: an assignment, an address or a reference needs the
  // member itself.
  DynTypedNodeList Parents = AC.getParents(*E);
  while (Parents.size() == 1 && Parents[0].get<ParenExpr>())
    Parents = AC.getParents(Parents[0]);
  const auto *Cast = Parents.size() == 1 ? Parents[0].get<ImplicitCastExpr>() : nullptr;
  if (!Cast || Cast->getCastKind() != CK_LValueToRValue)
    return false;
  SourceLocation Begin = E->getBase()->getBeginLoc(), Op = E->getOperatorLoc(), Name = E->getMemberLoc();
  // Spelled in the file, also as a macro's argument; not in a macro's body.
  const SourceManager &SM = AC.getSourceManager();
  if (SM.isMacroBodyExpansion(Begin) || SM.isMacroBodyExpansion(Op) || SM.isMacroBodyExpansion(Name))
    return false;
  unsigned BeginOffset, OpOffset, NameOffset;
  if (!Ctx.mainFileOffset(Begin, BeginOffset) || !Ctx.mainFileOffset(Op, OpOffset) ||
      !Ctx.mainFileOffset(Name, NameOffset) || Ctx.isClaimed(NameOffset) ||
      !Ctx.replace(OpOffset, NameOffset + F->getName().size() - OpOffset, ")"))
    return false;
  Ctx.insert(BeginOffset, C->Substitute.str() + (E->isArrow() ? "(*" : "("));
  Ctx.substitutedAt(NameOffset, (Struct + "::" + F->getName()).str(), ApiFamily::Runtime, C->Substitute, C->Helper,
                    C->How);
  return true;
}

void MemberRule::check(const MatchFinder::MatchResult &Result) {
  if (const auto *E = Result.Nodes.getNodeAs<MemberExpr>("member")) {
    const auto *F = Result.Nodes.getNodeAs<FieldDecl>("field");
    if (!rewriteRead(E, F, *Result.Context))
      renameMember(F, E->getMemberLoc());
    return;
  }
  if (const auto *D = Result.Nodes.getNodeAs<DesignatedInitExpr>("designated"))
    for (const DesignatedInitExpr::Designator &Des : D->designators())
      if (Des.isFieldDesignator())
        renameMember(Des.getField(), Des.getFieldLoc());
}

} // namespace frontend
} // namespace cuport
