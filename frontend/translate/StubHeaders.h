//===- StubHeaders.h - declarations the translator parses with --*- C++ -*-===//
//
// cuport ships CUDA's runtime headers, not cuda.h, cuBLAS, cuRAND, cuFFT,
// cuSPARSE, cuSOLVER or cuDNN. So that a file using them still parses (and
// the AST rules, not only the lexer pass, see their calls), the translator
// serves stand-in headers from an in-memory directory searched last
// (-idirafter): every header of those families in CudaIncludes.def,
// declaring that family's table rows loosely (functions as variadic
// templates returning int, or the type their result is used as, types as
// int, the complex types as float2/double2, enumerators and macros as
// distinct constants). A real header found earlier in the search path wins.
// The device warp functions cuport's headers may not declare yet come the
// same way, pre-included.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TRANSLATE_STUBHEADERS_H
#define CUPORT_TRANSLATE_STUBHEADERS_H

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace cuport {
namespace frontend {

/// The directory the stand-in headers live in (virtual).
llvm::StringRef stubDirectory();
/// The pre-included header declaring the device warp functions.
llvm::StringRef deviceStubHeader();
/// The real file system with the stand-in headers laid over it.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> createStubFileSystem();

} // namespace frontend
} // namespace cuport

#endif
