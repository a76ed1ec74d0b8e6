//===- KernelArgCastRule.h -------------------------------------*- C++ -*-===//
//
// Casts the kernel given to a runtime function that HIP declares only with
// `const void *` (cudaFuncGetAttributes(&a, k) ->
// hipFuncGetAttributes(&a, reinterpret_cast<const void *>(k))); the rows are
// CudaKernelArgs.def. The function's own rename is DeclRefRule's.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_KERNELARGCASTRULE_H
#define CUPORT_TRANSLATE_RULES_KERNELARGCASTRULE_H

#include "TranslateRule.h"

#include <set>

namespace cuport {
namespace frontend {

class KernelArgCastRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::set<unsigned> Cast; ///< Arguments already cast (one per instantiation).
};

} // namespace frontend
} // namespace cuport

#endif
