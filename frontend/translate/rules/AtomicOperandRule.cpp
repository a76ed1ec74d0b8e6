//===- AtomicOperandRule.cpp - atomics on operand types HIP lacks ---------===//
#include "AtomicOperandRule.h"
#include "CompatCall.h"
#include "Matchers.h"

#include "clang/AST/Expr.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
struct AtomicGap {
  const char *Function;
  const char *OperandType;
};
const AtomicGap Gaps[] = {
#define CUDA_ATOMIC_GAP(Function, OperandType) {#Function, OperandType},
#include "CudaAtomicGaps.def"
};

/// The name HIP code calls for \p Name: a _block atomic's substitute, or
/// the name itself.
llvm::StringRef hipSpelling(llvm::StringRef Name) {
  const ApiEntry *E = ApiTable::get().lookup(Name);
  return E && E->Rewrite == DeviceRewrite::Substitute ? E->HipName : Name;
}

AST_MATCHER(FunctionDecl, dependsOnOperandType) {
  if (!Node.getIdentifier())
    return false;
  llvm::StringRef Name = hipSpelling(Node.getName());
  if (ApiTable::get().hasCompatOperands(Name))
    return true;
  for (const AtomicGap &G : Gaps)
    if (Name == G.Function)
      return true;
  return false;
}
} // namespace

void AtomicOperandRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(dependsOnOperandType())), hasArgument(0, expr().bind("ptr")))
                        .bind("call"),
                    this);
}

void AtomicOperandRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Ptr = Result.Nodes.getNodeAs<Expr>("ptr");
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !isApiDecl(F))
    return;
  QualType T = Ptr->IgnoreImpCasts()->getType();
  if (!T->isPointerType())
    return;
  llvm::StringRef Name = hipSpelling(F->getName());
  if (substituteCompatCall(Ctx, Result, Call, Name, T->getPointeeType()))
    return;
  const PrintingPolicy &Policy = Result.Context->getPrintingPolicy();
  std::string Operand = T->getPointeeType().getUnqualifiedType().getAsString(Policy);
  std::string Canonical = T->getPointeeType().getCanonicalType().getUnqualifiedType().getAsString(Policy);
  SourceLocation Loc = Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  unsigned Offset;
  if (!Ctx.mainFileOffset(Loc, Offset) || Ctx.isClaimed(Offset))
    return;
  for (const AtomicGap &G : Gaps)
    if (Name == G.Function && (Operand == G.OperandType || Canonical == G.OperandType)) {
      Ctx.claim(Offset);
      ++Ctx.stats().Unsupported;
      Ctx.reportAt(Offset, TranslateDiag::warn_atomic_operand, {G.Function, G.OperandType});
      return;
    }
}

} // namespace frontend
} // namespace cuport
