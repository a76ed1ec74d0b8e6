//===- CompatCall.h - calls HipCompat.def keys by a type ---*- C++ -*-===//
//
// AtomicOperandRule (the pointee of an atomic's address) and
// ArgumentTypeRule (the type of a value argument) both look a call up in
// HipCompat.def by a type and, on a row, rename the callee as written and
// note the substitute. This is that shared step.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_COMPATCALL_H
#define CUPORT_TRANSLATE_RULES_COMPATCALL_H

#include "TranslateRule.h"

namespace cuport {
namespace frontend {

/// Looks \p Function up with \p Operand's type as written, then canonical.
/// On a row, renames the callee of \p Call to the row's substitute (unless
/// it is spelled inside a macro body or already rewritten) with a note, and
/// returns true; returns false when there is no row.
bool substituteCompatCall(TranslateContext &Ctx, const clang::ast_matchers::MatchFinder::MatchResult &Result,
                          const clang::CallExpr *Call, llvm::StringRef Function, clang::QualType Operand);

} // namespace frontend
} // namespace cuport

#endif
