//===- AtomicOperandRule.cpp - atomics on operand types HIP lacks ---------===//
#include "AtomicOperandRule.h"

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
} // namespace

void AtomicOperandRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("atomicMin", "atomicMax", "atomicAdd"))),
                             hasArgument(0, expr().bind("ptr")))
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
  std::string Operand = T->getPointeeType().getUnqualifiedType().getAsString(Result.Context->getPrintingPolicy());
  std::string Canonical = T->getPointeeType().getCanonicalType().getUnqualifiedType().getAsString(
      Result.Context->getPrintingPolicy());
  SourceLocation Loc = Result.SourceManager->getExpansionLoc(Call->getBeginLoc());
  unsigned Offset;
  if (!Ctx.mainFileOffset(Loc, Offset) || Ctx.isClaimed(Offset))
    return;
  for (const AtomicGap &G : Gaps)
    if (F->getName() == G.Function && (Operand == G.OperandType || Canonical == G.OperandType)) {
      Ctx.claim(Offset);
      ++Ctx.stats().Unsupported;
      Ctx.reportAt(Offset, TranslateDiag::warn_atomic_operand, {G.Function, G.OperandType});
      return;
    }
}

} // namespace frontend
} // namespace cuport
