//===- Symbol.cpp - CUDA runtime: device variables from the host ----------===//
//
// cudaMemcpyToSymbol / FromSymbol (and Async), cudaGetSymbolAddress and
// cudaGetSymbolSize. A symbol is the host shadow of a __device__ or
// __constant__ variable, registered by __cudaRegisterVar; its device storage
// is found when the module that defines it loads (rt::resolveSymbol): in the
// module's globals block through the container's symbol table
// (docs/fatbin-format.md, globals section) on the SPIR-V path, or, where the
// target's modules own their globals (HIP code objects), at the address the
// target resolves by name (target::Device::moduleGlobal, hipModuleGetGlobal).
// Once resolved, the variable's range is in the allocation table,
// so these calls are ordinary copies at an offset, with CUDA's checks:
// unknown symbol -> cudaErrorInvalidSymbol, offset + count past the
// variable -> cudaErrorInvalidValue, a direction that does not involve the
// device side -> cudaErrorInvalidMemcpyDirection.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

using namespace cuport;

namespace {

cudaError_t symbolRange(const void *Symbol, size_t Count, size_t Offset, char **Out) {
  if (!Symbol)
    return cudaErrorInvalidSymbol;
  if (cudaError_t E = rt::enter())
    return E;
  void *Addr = nullptr;
  size_t Size = 0;
  if (cudaError_t E = rt::resolveSymbol(Symbol, rt::currentDeviceIndex(), &Addr, &Size))
    return E;
  if (Offset > Size || Count > Size - Offset)
    return cudaErrorInvalidValue;
  *Out = static_cast<char *>(Addr) + Offset;
  return cudaSuccess;
}

cudaError_t toSymbol(const void *Symbol, const void *Src, size_t Count, size_t Offset,
                     cudaMemcpyKind Kind, cudaStream_t Stream, bool Async) {
  int K = rt::rawValue(Kind);
  if (K != cudaMemcpyHostToDevice && K != cudaMemcpyDeviceToDevice && K != cudaMemcpyDefault)
    return cudaErrorInvalidMemcpyDirection;
  char *Dst = nullptr;
  if (cudaError_t E = symbolRange(Symbol, Count, Offset, &Dst))
    return E;
  return Async ? cudaMemcpyAsync(Dst, Src, Count, Kind, Stream)
               : cudaMemcpy(Dst, Src, Count, Kind);
}

cudaError_t fromSymbol(void *Dst, const void *Symbol, size_t Count, size_t Offset,
                       cudaMemcpyKind Kind, cudaStream_t Stream, bool Async) {
  int K = rt::rawValue(Kind);
  if (K != cudaMemcpyDeviceToHost && K != cudaMemcpyDeviceToDevice && K != cudaMemcpyDefault)
    return cudaErrorInvalidMemcpyDirection;
  char *Src = nullptr;
  if (cudaError_t E = symbolRange(Symbol, Count, Offset, &Src))
    return E;
  return Async ? cudaMemcpyAsync(Dst, Src, Count, Kind, Stream)
               : cudaMemcpy(Dst, Src, Count, Kind);
}

} // namespace

CUPORT_EXPORT cudaError_t cudaMemcpyToSymbol(const void *symbol, const void *src, size_t count,
                                             size_t offset, enum cudaMemcpyKind kind) {
  return rt::apiBoundary(
      [&] { return toSymbol(symbol, src, count, offset, kind, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpyToSymbolAsync(const void *symbol, const void *src,
                                                  size_t count, size_t offset,
                                                  enum cudaMemcpyKind kind, cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return toSymbol(symbol, src, count, offset, kind, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemcpyFromSymbol(void *dst, const void *symbol, size_t count,
                                               size_t offset, enum cudaMemcpyKind kind) {
  return rt::apiBoundary(
      [&] { return fromSymbol(dst, symbol, count, offset, kind, nullptr, false); });
}

CUPORT_EXPORT cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count,
                                                    size_t offset, enum cudaMemcpyKind kind,
                                                    cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return fromSymbol(dst, symbol, count, offset, kind, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaGetSymbolAddress(void **devPtr, const void *symbol) {
  return rt::apiBoundary([&] {
    if (!devPtr)
      return cudaErrorInvalidValue;
    char *Addr = nullptr;
    if (cudaError_t E = symbolRange(symbol, 0, 0, &Addr))
      return E;
    *devPtr = Addr;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaGetSymbolSize(size_t *size, const void *symbol) {
  return rt::apiBoundary([&] {
    if (!size)
      return cudaErrorInvalidValue;
    if (!symbol)
      return cudaErrorInvalidSymbol;
    if (cudaError_t E = rt::enter())
      return E;
    void *Addr = nullptr;
    return rt::resolveSymbol(symbol, rt::currentDeviceIndex(), &Addr, size);
  });
}
