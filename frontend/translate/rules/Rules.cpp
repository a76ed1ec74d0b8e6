//===- Rules.cpp - the registration list of rewrite rules -----------------===//
//
// The one list of rules, sorted by name. Their relative order does not
// matter for the result: edits are keyed by offset, a name's first handler
// wins, and no two rules handle the same token kind.
//
//===----------------------------------------------------------------------===//
#include "TranslateRule.h"

#include "ArgumentTypeRule.h"
#include "AtomicOperandRule.h"
#include "CooperativeGroupsRule.h"
#include "CusolverEnumRule.h"
#include "DeclRefRule.h"
#include "DefaultArgRule.h"
#include "IncludeRule.h"
#include "KernelArgCastRule.h"
#include "KernelLaunchRule.h"
#include "MacroRule.h"
#include "MemberRule.h"
#include "TypeLocRule.h"
#include "UnknownApiRule.h"
#include "UserDeclRule.h"
#include "WarpFunctionRule.h"

#include "clang/AST/Decl.h"

namespace cuport {
namespace frontend {

std::vector<std::unique_ptr<TranslateRule>> createRules(TranslateContext &Ctx) {
  std::vector<std::unique_ptr<TranslateRule>> R;
  R.push_back(std::make_unique<ArgumentTypeRule>(Ctx));
  R.push_back(std::make_unique<AtomicOperandRule>(Ctx));
  R.push_back(std::make_unique<CooperativeGroupsRule>(Ctx));
  R.push_back(std::make_unique<CusolverEnumRule>(Ctx));
  R.push_back(std::make_unique<DeclRefRule>(Ctx));
  R.push_back(std::make_unique<DefaultArgRule>(Ctx));
  R.push_back(std::make_unique<IncludeRule>(Ctx));
  R.push_back(std::make_unique<KernelArgCastRule>(Ctx));
  R.push_back(std::make_unique<KernelLaunchRule>(Ctx));
  R.push_back(std::make_unique<MacroRule>(Ctx));
  R.push_back(std::make_unique<MemberRule>(Ctx));
  R.push_back(std::make_unique<TypeLocRule>(Ctx));
  R.push_back(std::make_unique<UnknownApiRule>(Ctx));
  R.push_back(std::make_unique<UserDeclRule>(Ctx));
  R.push_back(std::make_unique<WarpFunctionRule>(Ctx));
  return R;
}

bool TranslateRule::isApiDecl(const clang::Decl *D) const {
  if (!D)
    return false;
  const clang::SourceManager &SM = Ctx.sourceManager();
  clang::SourceLocation L = SM.getExpansionLoc(D->getLocation());
  return L.isInvalid() || SM.isInSystemHeader(L);
}

const ApiEntry *TranslateRule::apiEntryFor(const clang::NamedDecl *D) const {
  if (!D || !D->getIdentifier() || !isApiDecl(D))
    return nullptr;
  return Ctx.table().lookup(D->getName());
}

} // namespace frontend
} // namespace cuport
