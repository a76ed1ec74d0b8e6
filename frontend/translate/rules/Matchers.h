//===- Matchers.h - AST matchers shared by the rewrite rules ---*- C++ -*-===//
//
// `hasApiTableName()` narrows a match to declarations whose name has a row
// in the API tables, so the match callbacks only see candidates.
// `cusolverEnumArgument()` is the one place that says which cuBLAS
// enumerators take hipSOLVER's spelling, shared by the two rules that must
// agree on it.
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

AST_MATCHER(clang::NamedDecl, hasCusolverSpelling) {
  const clang::IdentifierInfo *II = Node.getIdentifier();
  return II && !ApiTable::get().cusolverSpelling(II->getName()).empty();
}

/// An argument of a call to a cuSOLVER function, through parentheses and
/// implicit conversions.
AST_MATCHER(clang::Expr, isCusolverCallArgument) {
  clang::DynTypedNode N = clang::DynTypedNode::create(Node);
  for (;;) {
    clang::DynTypedNodeList Parents = Finder->getASTContext().getParents(N);
    if (Parents.size() != 1)
      return false;
    N = Parents[0];
    if (N.get<clang::ParenExpr>() || N.get<clang::ImplicitCastExpr>())
      continue;
    const auto *Call = N.get<clang::CallExpr>();
    const clang::FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    const clang::IdentifierInfo *II = F ? F->getIdentifier() : nullptr;
    const ApiEntry *E = II ? ApiTable::get().lookup(II->getName()) : nullptr;
    return E && E->Family == ApiFamily::Cusolver && E->Kind == ApiKind::Function;
  }
}

/// A cuBLAS enumerator given to a cuSOLVER call (CusolverEnumRule renames
/// it; DeclRefRule leaves it alone). The enumerator is a NamedDecl: an
/// EnumConstantDecl in cuBLAS's header, a constexpr variable in the
/// translator's stub of it.
inline auto cusolverEnumArgument() {
  using namespace clang::ast_matchers;
  return declRefExpr(to(namedDecl(hasCusolverSpelling())), isCusolverCallArgument());
}

} // namespace frontend
} // namespace cuport

#endif
