//===- DefaultArgRule.cpp - CUDA's default arguments HIP lacks ------------===//
#include "DefaultArgRule.h"

#include "clang/AST/ExprCXX.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

namespace {
/// The defaults of a CUDA_DEFAULT_ARGS function's trailing parameters, split
/// at the commas; empty when it has no row.
llvm::SmallVector<llvm::StringRef, 4> trailingDefaults(llvm::StringRef Function) {
  llvm::StringRef Text;
#define CUDA_DEFAULT_ARGS(Name, Defaults)                                       \
  if (Function == #Name)                                                       \
    Text = Defaults;
#include "CudaKernelArgs.def"
  llvm::SmallVector<llvm::StringRef, 4> Values;
  if (!Text.empty())
    Text.split(Values, ',');
  for (llvm::StringRef &V : Values)
    V = V.trim();
  return Values;
}

AST_MATCHER(FunctionDecl, hasDefaultsHipLacks) {
  return Node.getIdentifier() && !trailingDefaults(Node.getName()).empty();
}
} // namespace

void DefaultArgRule::registerMatchers(MatchFinder &Finder) {
  Finder.addMatcher(callExpr(callee(functionDecl(hasDefaultsHipLacks()).bind("fn"))).bind("call"), this);
}

void DefaultArgRule::check(const MatchFinder::MatchResult &Result) {
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const auto *Fn = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  if (!Call || !Fn || !isApiDecl(Fn))
    return;
  llvm::SmallVector<llvm::StringRef, 4> Defaults = trailingDefaults(Fn->getName());
  unsigned Left = 0;
  for (const Expr *A : Call->arguments())
    Left += isa<CXXDefaultArgExpr>(A);
  if (Left == 0 || Left > Defaults.size())
    return;
  // The closing parenthesis as written (also when the call is a macro's
  // argument); a call spelled inside a macro body is left alone.
  SourceLocation RParen = Call->getRParenLoc();
  unsigned Offset;
  if (RParen.isInvalid() || Result.SourceManager->isMacroBodyExpansion(RParen) ||
      !Ctx.mainFileOffset(RParen, Offset) || !Done.insert(Offset).second)
    return;
  std::string Text;
  for (llvm::StringRef D : llvm::makeArrayRef(Defaults).take_back(Left))
    Text += (", " + D).str();
  Ctx.insert(Offset, Text);
}

} // namespace frontend
} // namespace cuport
