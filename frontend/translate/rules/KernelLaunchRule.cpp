//===- KernelLaunchRule.cpp - <<<>>> to hipLaunchKernelGGL ----------------===//
#include "KernelLaunchRule.h"

#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"

namespace cuport {
namespace frontend {

using namespace clang;
using namespace clang::ast_matchers;

void KernelLaunchRule::registerMatchers(MatchFinder &Finder) {
  if (Ctx.options().LaunchGGL)
    Finder.addMatcher(cudaKernelCallExpr().bind("launch"), this);
}

void KernelLaunchRule::check(const MatchFinder::MatchResult &Result) {
  const auto *K = Result.Nodes.getNodeAs<CUDAKernelCallExpr>("launch");
  const CallExpr *Config = K->getConfig();
  const Expr *Kernel = K->getCallee();
  SourceManager &SM = Ctx.sourceManager();
  const LangOptions &LO = Result.Context->getLangOpts();

  SourceLocation Open = Config->getCallee()->getBeginLoc(); // <<<
  SourceLocation Close = Config->getRParenLoc();            // >>>
  unsigned KernelOff, OpenOff, CloseOff;
  if (Kernel->getBeginLoc().isMacroID() || Open.isMacroID() || Close.isMacroID() ||
      K->getRParenLoc().isMacroID()) {
    if (Ctx.mainFileOffset(Open, OpenOff) && !Ctx.isClaimed(OpenOff)) {
      Ctx.claim(OpenOff);
      Ctx.reportAt(OpenOff, TranslateDiag::warn_launch_in_macro);
    }
    return;
  }
  if (!Ctx.mainFileOffset(Kernel->getBeginLoc(), KernelOff) || !Ctx.mainFileOffset(Open, OpenOff) ||
      !Ctx.mainFileOffset(Close, CloseOff) || Ctx.isClaimed(OpenOff))
    return;
  auto LParen = Lexer::findNextToken(Close, SM, LO);
  unsigned LParenOff;
  if (!LParen || LParen->isNot(tok::l_paren) || !Ctx.mainFileOffset(LParen->getLocation(), LParenOff))
    return;

  llvm::StringRef KernelText =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Kernel->getSourceRange()), SM, LO);
  bool Parenthesize = KernelText.contains('<'); // k<T> would split the macro argument
  unsigned Given = 0;
  for (const Expr *A : Config->arguments())
    if (!isa<CXXDefaultArgExpr>(A))
      ++Given;
  std::string Tail;
  for (unsigned I = Given; I < 4; ++I)
    Tail += ", 0";
  if (K->getNumArgs() != 0)
    Tail += ", ";

  Ctx.insert(KernelOff, Parenthesize ? "hipLaunchKernelGGL((" : "hipLaunchKernelGGL(");
  Ctx.replace(OpenOff, 3, Parenthesize ? "), " : ", ");
  Ctx.replace(CloseOff, LParenOff + 1 - CloseOff, Tail);
  Ctx.claim(OpenOff);
}

} // namespace frontend
} // namespace cuport
