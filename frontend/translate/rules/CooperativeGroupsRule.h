//===- CooperativeGroupsRule.h ---------------------------------*- C++ -*-===//
//
// The cooperative-groups names that ROCm 5.2's hip_cooperative_groups.h
// lacks (cg::reduce, cg::plus, tile.ballot(), ...; CudaCooperativeGroups.def):
// a use is rewritten to the helper of its HIP_COMPAT_CG row where there is
// one (HipCompatWarp.def), with a note; any other is warned about and left
// as it is. HIP keeps the namespace, so the rest of such code translates by
// the include rename alone.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_COOPERATIVEGROUPSRULE_H
#define CUPORT_TRANSLATE_RULES_COOPERATIVEGROUPSRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class CooperativeGroupsRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void warn(const clang::NamedDecl *D, clang::SourceLocation Loc,
            TranslateDiag Why = TranslateDiag::warn_cg_missing);
  /// "cooperative_groups::[Group::]Name", as the diagnostics say it.
  static std::string cgName(const clang::NamedDecl *D);
  /// \p Whole is spelled as one run of the main file's text (perhaps as one
  /// macro argument), and so are \p Pieces, in order, none in a macro
  /// body: their offsets.
  bool spelledInFile(clang::SourceRange Whole, llvm::ArrayRef<clang::SourceLocation> Pieces,
                     llvm::SmallVectorImpl<unsigned> &Offsets);
  /// G.name(args) -> Substitute(G, args); true when handled (rewritten, or
  /// warned about for want of the tile's parent).
  bool rewriteMember(const clang::MemberExpr *M, clang::ASTContext &AC);
  /// [cooperative_groups::]name -> Substitute.
  bool rewriteName(const clang::NamedDecl *D, clang::NestedNameSpecifierLoc Qualifier,
                   clang::SourceLocation NameLoc, clang::SourceRange Whole);
  /// Claims, counts and notes a rewrite of \p D at \p NameOffset.
  void substituted(unsigned NameOffset, const clang::NamedDecl *D, const CgCompatEntry &C);
};

} // namespace frontend
} // namespace cuport

#endif
