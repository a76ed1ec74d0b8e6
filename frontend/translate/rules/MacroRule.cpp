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
    if (!MI || !II || Name.getLocation().isMacroID() ||
        !Ctx.sourceManager().isInSystemHeader(MI->getDefinitionLoc()))
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
