//===- CompatCall.cpp - a call HipCompat.def keys by an operand type ------===//
#include "CompatCall.h"

#include "clang/AST/Expr.h"

namespace cuport {
namespace frontend {

using namespace clang;

bool substituteCompatCall(TranslateContext &Ctx, const ast_matchers::MatchFinder::MatchResult &Result,
                          const CallExpr *Call, llvm::StringRef Function, QualType Operand) {
  const PrintingPolicy &Policy = Result.Context->getPrintingPolicy();
  const CompatEntry *C = Ctx.table().lookupCompat(Function, Operand.getUnqualifiedType().getAsString(Policy));
  if (!C)
    C = Ctx.table().lookupCompat(Function,
                                 Operand.getCanonicalType().getUnqualifiedType().getAsString(Policy));
  if (!C)
    return false;
  // The callee's name as written (also as a macro's argument); a call
  // spelled inside a macro body has no single place to rename.
  const FunctionDecl *F = Call->getDirectCallee();
  const auto *Ref = dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts());
  unsigned NameOffset;
  if (!F || !Ref || Result.SourceManager->isMacroBodyExpansion(Ref->getLocation()) ||
      !Ctx.mainFileOffset(Ref->getLocation(), NameOffset) || Ctx.isClaimed(NameOffset))
    return true;
  Ctx.recordUse(F->getName());
  Ctx.countConverted(ApiFamily::Device);
  Ctx.replace(NameOffset, F->getName().size(), C->Substitute.str());
  if (!C->Helper.empty())
    Ctx.useCompatHelper(C->Helper);
  Ctx.reportAt(NameOffset, TranslateDiag::note_compat_helper, {F->getName(), C->Operand, C->Substitute, C->How});
  return true;
}

} // namespace frontend
} // namespace cuport
