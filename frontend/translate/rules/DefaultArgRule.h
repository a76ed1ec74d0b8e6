//===- DefaultArgRule.h ----------------------------------------*- C++ -*-===//
//
// Writes CUDA's default values into a call that leaves trailing parameters
// out where ROCm 5.2's HIP declares them without defaults
// (cudaLaunchCooperativeKernel(k, g, b, args) ->
// hipLaunchCooperativeKernel(k, g, b, args, 0, 0)); the rows are
// CUDA_DEFAULT_ARGS in CudaKernelArgs.def. The rename is DeclRefRule's.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_DEFAULTARGRULE_H
#define CUPORT_TRANSLATE_RULES_DEFAULTARGRULE_H

#include "TranslateRule.h"

#include <set>

namespace cuport {
namespace frontend {

class DefaultArgRule : public TranslateRule {
public:
  using TranslateRule::TranslateRule;
  void registerMatchers(clang::ast_matchers::MatchFinder &Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::set<unsigned> Done; ///< Calls already completed (one per instantiation).
};

} // namespace frontend
} // namespace cuport

#endif
