//===- NotSupported.cpp - exports for the CUDA calls cuport lacks ---------===//
//
// Every CUDA 12 runtime function is exported, so that any program links and
// fails clearly instead of at load time. For each NotSupported row of
// frontend/tables/CudaRuntime.def (and each per-thread spelling in
// PerThreadStream.def) this file defines a stub that names the function
// once on stderr, sets the thread's last error and returns
// cudaErrorNotSupported.
//
// The stubs are `int name(...)`: this file includes no CUDA header because
// every function has its own signature. On x86-64 SysV that is ABI-safe for
// any caller of a function returning cudaError_t (an int in %eax; the
// callee ignores its arguments, and the caller owns the stack). Each stub is
// a hidden function with a weak exported alias, so that:
//  - an implementation elsewhere in libcudart (a row whose status is stale)
//    overrides the stub at link time instead of clashing with it, and the
//    coverage test then reports the row to flip;
//  - cuportIsNotSupportedStub() can tell a stub from an implementation by
//    address, which is what the coverage test checks for Implemented rows.
//
//===----------------------------------------------------------------------===//
#include <cstddef>

namespace cuport {
namespace rt {
/// Error.cpp: prints "<Api> is not supported" once, records
/// cudaErrorNotSupported as the thread's last error and returns it.
int reportNotSupported(const char *Api) noexcept;
} // namespace rt
} // namespace cuport

#define CUPORT_STUB(Name)                                                      \
  extern "C" __attribute__((visibility("hidden"))) int cuportStub_##Name(...) noexcept {  \
    return cuport::rt::reportNotSupported(#Name);                              \
  }                                                                            \
  extern "C" __attribute__((weak, visibility("default"),                       \
                            alias("cuportStub_" #Name))) int Name(...) noexcept;

#define CUPORT_STUB_NotSupported(Name) CUPORT_STUB(Name)
#define CUPORT_STUB_Implemented(Name)
#define CUPORT_STUB_Partial(Name)
#define CUDA_RUNTIME_API(Name, HipName, HipSince, Group, Status, Caveat) CUPORT_STUB_##Status(Name)
#include "CudaRuntime.def"
// Per-thread spellings: a stub for each; where the API is implemented, the
// implementation's strong definition of the symbol takes precedence.
#define CUDA_PER_THREAD_STREAM(Api, Symbol) CUPORT_STUB(Symbol)
#include "PerThreadStream.def"

namespace {

using StubFn = int (*)(...);

const StubFn Stubs[] = {
#define CUPORT_ADDR_NotSupported(Name) &cuportStub_##Name,
#define CUPORT_ADDR_Implemented(Name)
#define CUPORT_ADDR_Partial(Name)
#define CUDA_RUNTIME_API(Name, HipName, HipSince, Group, Status, Caveat) CUPORT_ADDR_##Status(Name)
#include "CudaRuntime.def"
#define CUDA_PER_THREAD_STREAM(Api, Symbol) &cuportStub_##Symbol,
#include "PerThreadStream.def"
};

} // namespace

/// cuport's own export (CuportRuntime.h): 1 when \p Fn is one of the
/// not-supported stubs above, 0 otherwise.
extern "C" __attribute__((visibility("default"))) int cuportIsNotSupportedStub(const void *Fn) {
  for (StubFn S : Stubs)
    if (reinterpret_cast<const void *>(S) == Fn)
      return 1;
  return 0;
}
