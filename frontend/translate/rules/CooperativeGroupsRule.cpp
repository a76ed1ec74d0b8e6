//===- CooperativeGroupsRule.cpp - cooperative groups ROCm 5.2 lacks ------===//
//
// Uses are seen once per template instantiation; the first claims the
// token, so each spelling is rewritten or warned about once.
//
// A name with a HIP_COMPAT_CG row (HipCompatWarp.def) is rewritten to its
// helper: G.member(args) becomes Substitute(G, args) (Substitute(*P, args)
// through a pointer), and a qualified cooperative_groups::name becomes
// Substitute. The text is rewritten only where the whole call (or name) is
// spelled in the file, also as one macro argument; one spelled inside a
// macro body keeps its warning. A tile's meta_group_rank and size depend on
// the group the tile came from, which a HIP tile does not record: they are
// rewritten only where the tile is visibly tiled_partition<N>(a thread
// block), and warned about elsewhere.
//
//===----------------------------------------------------------------------===//
#include "CooperativeGroupsRule.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"

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

/// The cooperative_groups class named \p Name, if \p T (through references)
/// is one.
bool isCgClass(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  return R && R->getIdentifier() && R->getName() == Name && inCooperativeGroups(R);
}

/// \p E without the conversions, temporaries and copies around it.
const Expr *peel(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *K = dyn_cast<CXXConstructExpr>(E); K && !isa<CXXTemporaryObjectExpr>(K) && K->getNumArgs() == 1)
      E = K->getArg(0);
    else
      return E;
  }
}

/// tiled_partition<N>(B) with B a thread_block.
bool isBlockPartition(const Expr *E) {
  const auto *Call = dyn_cast<CallExpr>(peel(E));
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  return F && F->getIdentifier() && F->getName() == "tiled_partition" && inCooperativeGroups(F) &&
         Call->getNumArgs() == 1 && isCgClass(Call->getArg(0)->getType(), "thread_block");
}

/// \p Base is a tile partitioned from the thread block: tiled_partition<N>
/// of a thread_block itself, or a local variable initialized so that is
/// only ever read (by const members, or as a const value) afterwards.
bool isTileOfBlock(const Expr *Base, ASTContext &AC) {
  Base = peel(Base);
  if (isBlockPartition(Base))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Base);
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!V || !V->isLocalVarDecl() || V->getType()->isReferenceType() || !V->getInit() ||
      !isBlockPartition(V->getInit()))
    return false;
  const auto *F = dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  if (!F || !F->getBody())
    return false;
  for (const BoundNodes &Use : match(findAll(declRefExpr(to(varDecl(equalsNode(V)))).bind("use")), *F->getBody(), AC)) {
    DynTypedNodeList Parents = AC.getParents(*Use.getNodeAs<DeclRefExpr>("use"));
    if (Parents.size() != 1)
      return false;
    if (const auto *M = Parents[0].get<MemberExpr>()) {
      const auto *Method = dyn_cast<CXXMethodDecl>(M->getMemberDecl());
      if (!Method || !(Method->isConst() || Method->isStatic()))
        return false;
      continue;
    }
    const auto *Cast = Parents[0].get<ImplicitCastExpr>();
    if (!Cast || !(Cast->getCastKind() == CK_LValueToRValue ||
                   (Cast->getCastKind() == CK_NoOp && Cast->getType().isConstQualified())))
      return false;
  }
  return true;
}
} // namespace

void CooperativeGroupsRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(declRefExpr(to(namedDecl(isMissingCgName()))).bind("ref"), this);
  Finder.addMatcher(memberExpr(member(namedDecl(isMissingCgName()))).bind("member"), this);
  // A template specialization's declaration, for hasDeclaration, is its
  // class template.
  Finder.addMatcher(typeLoc(loc(qualType(hasDeclaration(namedDecl(isMissingCgName()))))).bind("tl"), this);
}

void CooperativeGroupsRule::warn(const NamedDecl *D, SourceLocation Loc, TranslateDiag Why) {
  unsigned Offset;
  if (!isApiDecl(D) || !Ctx.mainFileOffset(Loc, Offset) || Ctx.isClaimed(Offset))
    return;
  Ctx.claim(Offset);
  ++Ctx.stats().Unsupported;
  Ctx.reportAt(Offset, Why, {cgName(D), baselineRocm().getAsString()});
}

std::string CooperativeGroupsRule::cgName(const NamedDecl *D) {
  std::string Name = "cooperative_groups::";
  if (const auto *Method = dyn_cast<CXXMethodDecl>(D))
    Name += Method->getParent()->getNameAsString() + "::";
  return Name + D->getNameAsString();
}

bool CooperativeGroupsRule::spelledInFile(SourceRange Whole, llvm::ArrayRef<SourceLocation> Pieces,
                                          llvm::SmallVectorImpl<unsigned> &Offsets) {
  SourceManager &SM = Ctx.sourceManager();
  CharSourceRange File = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Whole), SM, LangOptions());
  unsigned Begin, End;
  if (File.isInvalid() || !Ctx.mainFileOffset(File.getBegin(), Begin) || !Ctx.mainFileOffset(File.getEnd(), End))
    return false;
  for (SourceLocation L : Pieces) {
    unsigned Offset;
    if (L.isInvalid() || SM.isMacroBodyExpansion(L) || !Ctx.mainFileOffset(L, Offset) || Offset < Begin ||
        Offset > End || (!Offsets.empty() && Offset <= Offsets.back()))
      return false;
    Offsets.push_back(Offset);
  }
  return true;
}

void CooperativeGroupsRule::substituted(unsigned NameOffset, const NamedDecl *D, const CgCompatEntry &C) {
  std::string Name = cgName(D);
  Ctx.substitutedAt(NameOffset, Name, ApiFamily::Device, C.Substitute, C.Helper, C.How);
  if (C.Wave == Wave64::BallotMask)
    Ctx.reportAt(NameOffset, TranslateDiag::warn_ballot_mask, {Name});
}

bool CooperativeGroupsRule::rewriteMember(const MemberExpr *M, ASTContext &AC) {
  const auto *Method = dyn_cast<CXXMethodDecl>(M->getMemberDecl());
  if (!Method || M->isImplicitAccess())
    return false;
  llvm::StringRef Group = Method->getParent()->getName(), Name = Method->getName();
  const CgCompatEntry *C = Ctx.table().lookupCgCompat(Group, Name);
  if (!C && Group == "thread_block_tile") {
    C = Ctx.table().lookupCgCompat("thread_block_tile_of_block", Name);
    if (C && !isTileOfBlock(M->getBase(), AC)) {
      warn(Method, M->getMemberLoc(), TranslateDiag::warn_cg_parent_unknown);
      return true;
    }
  }
  DynTypedNodeList Parents = AC.getParents(*M);
  const auto *Call = Parents.size() == 1 ? Parents[0].get<CXXMemberCallExpr>() : nullptr;
  if (!C || !Call || Call->getCallee() != M)
    return false;
  llvm::SmallVector<const Expr *, 4> Args;
  for (const Expr *A : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  SourceLocation Next = Args.empty() ? Call->getRParenLoc() : Args[0]->getBeginLoc();
  llvm::SmallVector<unsigned, 4> At; // base, operator, name, next
  if (!spelledInFile(Call->getSourceRange(), {M->getBase()->getBeginLoc(), M->getOperatorLoc(), M->getMemberLoc(), Next},
                     At) ||
      Ctx.isClaimed(At[2]))
    return false;
  // ".ballot(" becomes ", "; ".meta_group_rank()" becomes ")".
  if (!Ctx.replace(At[1], At[3] - At[1] + (Args.empty() ? 1 : 0), Args.empty() ? ")" : ", "))
    return false;
  Ctx.insert(At[0], C->Substitute.str() + (M->isArrow() ? "(*" : "("));
  substituted(At[2], Method, *C);
  return true;
}

bool CooperativeGroupsRule::rewriteName(const NamedDecl *D, NestedNameSpecifierLoc Qualifier, SourceLocation NameLoc,
                                        SourceRange Whole) {
  const CgCompatEntry *C = Ctx.table().lookupCgCompat("Namespace", D->getName());
  SourceLocation Begin = Qualifier ? Qualifier.getBeginLoc() : NameLoc;
  llvm::SmallVector<unsigned, 2> At; // first token, name
  if (!C || !spelledInFile(Whole, {Begin, NameLoc}, At) || Ctx.isClaimed(At[1]) ||
      !Ctx.replace(At[0], At[1] + D->getName().size() - At[0], C->Substitute.str()))
    return false;
  substituted(At[1], D, *C);
  return true;
}

void CooperativeGroupsRule::check(const MatchFinder::MatchResult &Result) {
  if (const auto *R = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    // reduce and the scans: over a tile or a coalesced group.
    DynTypedNodeList Parents = Result.Context->getParents(*R);
    const auto *Decay = Parents.size() == 1 ? Parents[0].get<ImplicitCastExpr>() : nullptr;
    Parents = Decay ? Result.Context->getParents(*Decay) : Parents;
    const auto *Call = Parents.size() == 1 ? Parents[0].get<CallExpr>() : nullptr;
    bool OnGroup = Call && Call->getNumArgs() > 0 &&
                   (isCgClass(Call->getArg(0)->getType(), "thread_block_tile") ||
                    isCgClass(Call->getArg(0)->getType(), "coalesced_group"));
    if (isApiDecl(R->getDecl()) && OnGroup &&
        rewriteName(R->getDecl(), R->getQualifierLoc(), R->getLocation(), R->getSourceRange()))
      return;
    return warn(R->getDecl(), R->getLocation());
  }
  if (const auto *M = Result.Nodes.getNodeAs<MemberExpr>("member")) {
    if (isApiDecl(M->getMemberDecl()) && rewriteMember(M, *Result.Context))
      return;
    return warn(M->getMemberDecl(), M->getMemberLoc());
  }
  const auto *TL = Result.Nodes.getNodeAs<TypeLoc>("tl");
  if (!TL)
    return;
  TypeLoc T = TL->getUnqualifiedLoc();
  NestedNameSpecifierLoc Qualifier;
  if (auto E = T.getAs<ElaboratedTypeLoc>()) {
    Qualifier = E.getQualifierLoc();
    T = E.getNamedTypeLoc();
  }
  auto S = T.getAs<TemplateSpecializationTypeLoc>();
  const CXXRecordDecl *D = S ? S.getTypePtr()->getAsCXXRecordDecl() : nullptr;
  const NamedDecl *Named = D;
  if (S && !D)
    Named = S.getTypePtr()->getTemplateName().getAsTemplateDecl();
  if (!Named)
    return;
  if (isApiDecl(Named) && rewriteName(Named, Qualifier, S.getTemplateNameLoc(), TL->getSourceRange()))
    return;
  warn(Named, S.getTemplateNameLoc());
}

} // namespace frontend
} // namespace cuport
