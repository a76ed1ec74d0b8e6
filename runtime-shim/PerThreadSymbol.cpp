//===- PerThreadSymbol.cpp - _ptds/_ptsz spellings of the symbol copies ---===//
//
// Under `--default-stream per-thread` the symbol copies are called through
// their suffixed symbols (PerThreadStream.def), where stream 0 means the
// calling thread's default stream. They forward to Symbol.cpp's calls with
// that stream; the synchronous ones then wait for it, as cudaMemcpyToSymbol
// waits for the legacy stream. (Thin wrappers kept apart from Symbol.cpp so
// that each file has one owner; they may move there.)
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

using namespace cuport;

CUPORT_EXPORT cudaError_t cudaMemcpyToSymbol_ptds(const void *symbol, const void *src,
                                                  size_t count, size_t offset,
                                                  enum cudaMemcpyKind kind) {
  if (cudaError_t E = cudaMemcpyToSymbolAsync(symbol, src, count, offset, kind,
                                              cudaStreamPerThread))
    return E;
  return cudaStreamSynchronize(cudaStreamPerThread);
}

CUPORT_EXPORT cudaError_t cudaMemcpyFromSymbol_ptds(void *dst, const void *symbol,
                                                    size_t count, size_t offset,
                                                    enum cudaMemcpyKind kind) {
  if (cudaError_t E = cudaMemcpyFromSymbolAsync(dst, symbol, count, offset, kind,
                                                cudaStreamPerThread))
    return E;
  return cudaStreamSynchronize(cudaStreamPerThread);
}

CUPORT_EXPORT cudaError_t cudaMemcpyToSymbolAsync_ptsz(const void *symbol, const void *src,
                                                       size_t count, size_t offset,
                                                       enum cudaMemcpyKind kind,
                                                       cudaStream_t stream) {
  return cudaMemcpyToSymbolAsync(symbol, src, count, offset, kind, rt::perThread(stream));
}

CUPORT_EXPORT cudaError_t cudaMemcpyFromSymbolAsync_ptsz(void *dst, const void *symbol,
                                                         size_t count, size_t offset,
                                                         enum cudaMemcpyKind kind,
                                                         cudaStream_t stream) {
  return cudaMemcpyFromSymbolAsync(dst, symbol, count, offset, kind, rt::perThread(stream));
}
