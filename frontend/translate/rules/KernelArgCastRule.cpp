//===- KernelArgCastRule.cpp - kernels given where HIP wants void* --------===//
#include "KernelArgCastRule.h"

#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
/// The kernel argument's position for a CudaKernelArgs.def function, or -1.
int kernelArgIndex(llvm::StringRef Function) {
#define CUDA_KERNEL_ARG(Name, Index)                                            \
  if (Function == #Name)                                                       \
    return Index;
#include "CudaKernelArgs.def"
  return -1;
}

AST_MATCHER(FunctionDecl, takesKernelAsVoidPointerInHip) {
  return Node.getIdentifier() && kernelArgIndex(Node.getName()) >= 0;
}
} // namespace

void KernelArgCastRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(takesKernelAsVoidPointerInHip()).bind("fn"))).bind("call"), this);
}

void KernelArgCastRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Call || !Fn || !isApiDecl(Fn))
    return;
  int Index = kernelArgIndex(Fn->getName());
  if (Index < 0 || unsigned(Index) >= Call->getNumArgs())
    return;
  const Expr *Arg = Call->getArg(Index);
  QualType T = Arg->IgnoreParenImpCasts()->getType();
  if (!T->isFunctionType() && !T->isFunctionPointerType())
    return;
  // The argument as written in the file (also as a macro's argument).
  const SourceManager &SM = *Result.SourceManager;
  CharSourceRange R = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(Arg->getSourceRange()), SM,
                                               Result.Context->getLangOpts());
  unsigned Begin, End;
  if (R.isInvalid() || !Ctx.mainFileOffset(R.getBegin(), Begin) || !Ctx.mainFileOffset(R.getEnd(), End) ||
      !Cast.insert(Begin).second)
    return;
  Ctx.insert(Begin, "reinterpret_cast<const void *>(");
  Ctx.insert(End, ")");
}

} // namespace frontend
} // namespace cuport
