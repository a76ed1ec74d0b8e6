//===- CompatHeader.h - the generated cuport_hip_compat.h ------*- C++ -*-===//
//
// Some CUDA device calls have no ROCm 5.2 spelling but can be computed
// exactly in HIP (HipCompat.def). Their translation calls a small helper,
// and cuport-translate writes the helpers a directory's files call into
// one header next to them, cuport_hip_compat.h, which those files include.
// The header is generated from the table's HIP_COMPAT_HELPER rows and says
// so at its top; a file of that name without that line is never replaced.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_COMPATHEADER_H
#define CUPORT_TRANSLATE_COMPATHEADER_H

#include "llvm/ADT/StringRef.h"

#include <set>
#include <string>

namespace cuport {
namespace frontend {

/// The header's file name, as the translated files include it.
inline llvm::StringRef compatHeaderName() { return "cuport_hip_compat.h"; }

/// The header with the helpers named in \p Helpers (every helper when it
/// is empty) and the shared helpers their definitions name, in table order.
std::string renderCompatHeader(const std::set<std::string> &Helpers);

/// \p Text is a header renderCompatHeader wrote (its first line says so).
bool isGeneratedCompatHeader(llvm::StringRef Text);

/// The helpers a generated header \p Text defines, so that a later run
/// into the same directory keeps what earlier runs' files call.
std::set<std::string> compatHelpersIn(llvm::StringRef Text);

} // namespace frontend
} // namespace cuport

#endif
