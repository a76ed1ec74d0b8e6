//===- ArgumentTypeRule.cpp - device calls on argument types HIP lacks ----===//
#include "ArgumentTypeRule.h"
#include "CompatCall.h"

#include "clang/AST/Expr.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
AST_MATCHER(FunctionDecl, hasCompatRows) {
  return Node.getIdentifier() && ApiTable::get().hasCompatOperands(Node.getName());
}
} // namespace

void ArgumentTypeRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(
      callExpr(callee(functionDecl(hasCompatRows())), hasArgument(0, expr().bind("arg"))).bind("call"), this);
}

void ArgumentTypeRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Arg = Result.Nodes.getNodeAs<Expr>("arg");
  const FunctionDecl *F = Call->getDirectCallee();
  if (!F || !isApiDecl(F))
    return;
  // A pointer argument makes it an atomic's row (AtomicOperandRule).
  QualType T = Arg->IgnoreImpCasts()->getType();
  if (T->isPointerType())
    return;
  substituteCompatCall(Ctx, Result, Call, F->getName(), T);
}

} // namespace frontend
} // namespace cuport
