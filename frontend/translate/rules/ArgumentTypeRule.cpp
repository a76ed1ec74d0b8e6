//===- ArgumentTypeRule.cpp - device calls on argument types HIP lacks ----===//
#include "ArgumentTypeRule.h"

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
  const PrintingPolicy &Policy = Result.Context->getPrintingPolicy();
  const CompatEntry *C = Ctx.table().lookupCompat(F->getName(), T.getUnqualifiedType().getAsString(Policy));
  if (!C)
    C = Ctx.table().lookupCompat(F->getName(), T.getCanonicalType().getUnqualifiedType().getAsString(Policy));
  if (!C)
    return;
  // The callee's name as written (also as a macro's argument); a call
  // spelled inside a macro body has no single place to rename.
  const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
  unsigned NameOffset;
  if (!Ref || Result.SourceManager->isMacroBodyExpansion(Ref->getLocation()) ||
      !Ctx.mainFileOffset(Ref->getLocation(), NameOffset) || Ctx.isClaimed(NameOffset))
    return;
  Ctx.recordUse(F->getName());
  Ctx.countConverted(ApiFamily::Device);
  Ctx.replace(NameOffset, F->getName().size(), C->Substitute.str());
  if (!C->Helper.empty())
    Ctx.useCompatHelper(C->Helper);
  Ctx.reportAt(NameOffset, TranslateDiag::note_compat_helper, {F->getName(), C->Operand, C->Substitute, C->How});
}

} // namespace frontend
} // namespace cuport
