//===- IncludeRule.cpp - CUDA #includes to HIP ----------------------------===//
#include "IncludeRule.h"

namespace cuport {
namespace frontend {

using namespace clang;

namespace {
class IncludeCallbacks : public PPCallbacks {
public:
  explicit IncludeCallbacks(TranslateContext &Ctx) : Ctx(Ctx) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef FileName, bool IsAngled,
                          CharSourceRange FilenameRange, Optional<FileEntryRef>, StringRef,
                          StringRef, const Module *, SrcMgr::CharacteristicKind) override {
    unsigned Begin, End;
    if (HashLoc.isMacroID() || !Ctx.mainFileOffset(FilenameRange.getBegin(), Begin) ||
        !Ctx.mainFileOffset(FilenameRange.getEnd(), End) || Ctx.isClaimed(Begin))
      return;
    if (FileName.startswith("hip/")) {
      Ctx.sawHipInclude(FileName);
      return;
    }
    const IncludeEntry *I = Ctx.table().lookupInclude(FileName);
    if (!I && FileName.startswith("cuport/")) {
      // cuport's own headers (its device library's tables) exist only here.
      Ctx.claim(Begin);
      Ctx.reportAt(Begin, TranslateDiag::warn_header_no_hip, {FileName});
      return;
    }
    if (!I)
      return;
    if (I->HipHeader.empty()) {
      Ctx.claim(Begin);
      Ctx.reportAt(Begin, TranslateDiag::warn_header_no_hip, {FileName});
      return;
    }
    std::string Text = (IsAngled ? "<" : "\"") + I->HipHeader.str() + (IsAngled ? ">" : "\"");
    Ctx.replace(Begin, End - Begin, Text);
    Ctx.countConverted(I->Family);
    Ctx.sawHipInclude(I->HipHeader);
  }

private:
  TranslateContext &Ctx;
};
} // namespace

void IncludeRule::registerPPCallbacks(Preprocessor &PP) {
  PP.addPPCallbacks(std::make_unique<IncludeCallbacks>(Ctx));
}

} // namespace frontend
} // namespace cuport
