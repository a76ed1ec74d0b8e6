//===- AtomicOperandRule.cpp - atomics on operand types HIP lacks ---------===//
#include "AtomicOperandRule.h"
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
  std::string Operand = T->getPointeeType().getUnqualifiedType().getAsString(Result.Context->getPrintingPolicy());
  std::string Canonical = T->getPointeeType().getCanonicalType().getUnqualifiedType().getAsString(
      Result.Context->getPrintingPolicy());
  llvm::StringRef Name = hipSpelling(F->getName());
  const CompatEntry *C = Ctx.table().lookupCompat(Name, Operand);
  if (!C)
    C = Ctx.table().lookupCompat(Name, Canonical);
  if (C) {
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
    return;
  }
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
