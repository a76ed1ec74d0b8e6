//===- Matchers.h - AST matchers shared by the rewrite rules ---*- C++ -*-===//
//
// `hasApiTableName()` narrows a match to declarations whose name has a row
// in the API tables, so the match callbacks only see candidates.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_RULES_MATCHERS_H
#define CUPORT_TRANSLATE_RULES_MATCHERS_H

#include "../ApiTable.h"

#include "clang/ASTMatchers/ASTMatchers.h"

namespace cuport {
namespace frontend {

AST_MATCHER(clang::NamedDecl, hasApiTableName) {
  const clang::IdentifierInfo *II = Node.getIdentifier();
  return II && ApiTable::get().lookup(II->getName()) != nullptr;
}

} // namespace frontend
} // namespace cuport

#endif
