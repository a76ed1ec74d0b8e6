//===- MemberRule.h --------------------------------------------*- C++ -*-===//
//
// Renames the members of CUDA runtime structs that HIP spells differently
// (cudaPointerAttributes::type is hipPointerAttribute_t::memoryType before
// ROCm 5.5; cudaDeviceProp::sharedMemPerMultiprocessor is
// maxSharedMemoryPerMultiProcessor before ROCm 6.0), and warns at members
// the target ROCm's struct lacks. The rows are CudaMembers.def; the struct
// type itself is TypeLocRule's. A read of a member the target ROCm lacks
// that HIP code can compute from the members it has (HIP_COMPAT_MEMBER in
// HipCompat.def) becomes a call of the helper that does, with a note.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_MEMBERRULE_H
#define CUPORT_TRANSLATE_RULES_MEMBERRULE_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

class MemberRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void renameMember(const clang::FieldDecl *F, clang::SourceLocation Loc);
  bool rewriteRead(const clang::MemberExpr *E, const clang::FieldDecl *F, clang::ASTContext &AC);
};

} // namespace frontend
} // namespace cuport

#endif
