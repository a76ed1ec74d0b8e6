//===- MacroRule.cpp - API macros used in active code ---------------------===//
#include "MacroRule.h"

#include "clang/Lex/MacroInfo.h"

namespace cuport {
namespace frontend {

using namespace clang;

namespace {
class MacroCallbacks : public PPCallbacks {
public:
  explicit MacroCallbacks(TranslateContext &Ctx) : Ctx(Ctx) {}

  void MacroExpands(const Token &Name, const MacroDefinition &MD, SourceRange, const MacroArgs *) override {
    const MacroInfo *MI = MD.getMacroInfo();
    const IdentifierInfo *II = Name.getIdentifierInfo();
    // API macros come from system headers or, like __CUDACC__, from the
    // compiler itself; a macro the user defines is the user's.
    SourceManager &SM = Ctx.sourceManager();
    if (!MI || !II || Name.getLocation().isMacroID())
      return;
    SourceLocation Def = MI->getDefinitionLoc();
    if (!MI->isBuiltinMacro() && !SM.isInSystemHeader(Def) && !SM.isWrittenInBuiltinFile(Def) &&
        !SM.isWrittenInCommandLineFile(Def))
      return;
    const ApiEntry *E = Ctx.table().lookup(II->getName());
    unsigned Offset;
    if (E && Ctx.mainFileOffset(Name.getLocation(), Offset))
      Ctx.renameToken(Offset, *E);
  }

private:
  TranslateContext &Ctx;
};
} // namespace

void MacroRule::registerPPCallbacks(Preprocessor &PP) {
  PP.addPPCallbacks(std::make_unique<MacroCallbacks>(Ctx));
}

} // namespace frontend
} // namespace cuport
