//===- WarpFunctionRule.cpp - *_sync warp functions to HIP ----------------===//
#include "WarpFunctionRule.h"
#include "Matchers.h"

#include "clang/AST/ExprCXX.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

void WarpFunctionRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(hasApiTableName()))).bind("call"), this);
  Finder.addMatcher(callExpr(callee(unresolvedLookupExpr())).bind("call"), this);
}

/// True when \p Mask is known to name all 32 lanes of a CUDA warp.
static bool isFullMask(const Expr *Mask, ASTContext &AC) {
  Expr::EvalResult R;
  if (Mask->isValueDependent() || !Mask->EvaluateAsInt(R, AC))
    return false;
  return R.Val.getInt().getZExtValue() == 0xffffffffu;
}

void WarpFunctionRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const Expr *Callee = Call->getCallee()->IgnoreImpCasts();
  const ApiEntry *E = nullptr;
  SourceLocation NameLoc;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Callee)) {
    E = apiEntryFor(Ref->getDecl());
    NameLoc = Ref->getLocation();
  } else if (const auto *U = dyn_cast<UnresolvedLookupExpr>(Callee)) {
    if (!U->getName().isIdentifier() || U->getNumDecls() == 0)
      return;
    for (const NamedDecl *D : U->decls())
      if (!isApiDecl(D->getUnderlyingDecl()))
        return;
    E = Ctx.table().lookup(U->getName().getAsIdentifierInfo()->getName());
    NameLoc = U->getNameLoc();
  }
  if (!E || E->Family != ApiFamily::Device || E->Rewrite != DeviceRewrite::DropMask)
    return;
  // Calls spelled inside a macro body are rewritten token by token by the
  // lexer pass, which sees the #define once.
  unsigned Offset;
  if (NameLoc.isMacroID() || !Ctx.mainFileOffset(NameLoc, Offset) || Ctx.isClaimed(Offset))
    return;

  llvm::SmallVector<const Expr *, 4> Args;
  for (const Expr *A : Call->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      Args.push_back(A);
  unsigned MaskBegin, NextBegin;
  if (E->hasHip()) {
    if (Args.size() < 2 || Args[0]->getBeginLoc().isMacroID() || Args[1]->getBeginLoc().isMacroID() ||
        !Ctx.mainFileOffset(Args[0]->getBeginLoc(), MaskBegin) ||
        !Ctx.mainFileOffset(Args[1]->getBeginLoc(), NextBegin) || NextBegin <= MaskBegin)
      return;
    Ctx.replace(MaskBegin, NextBegin - MaskBegin, "");
  }
  Ctx.renameToken(Offset, *E);
  if (!E->hasHip())
    return;
  if (E->Wave == Wave64::BallotMask)
    Ctx.reportAt(Offset, TranslateDiag::warn_ballot_mask, {E->Name});
  if (E->Wave == Wave64::ShflWidth && Args.size() == 3)
    Ctx.reportAt(Offset, TranslateDiag::warn_shfl_width, {E->Name});
  if (!isFullMask(Args[0], *Result.Context))
    Ctx.reportAt(Offset, TranslateDiag::warn_partial_mask, {E->Name, E->HipName});
}

} // namespace frontend
} // namespace cuport
