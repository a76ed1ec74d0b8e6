//===- Memory.cpp - the memory API group ----------------------------------===//
//
// cudaMalloc/cudaFree, pinned host memory, cudaMemcpy (every kind, including
// cudaMemcpyDefault, which infers each side from the allocation table),
// cudaMemset and cudaPointerGetAttributes, and the checks that every copy
// call shares (Transfer.h). Before any byte moves, the device side of a
// transfer must lie inside one live allocation; anything else (a wild
// pointer, a freed one, a range that runs off the end) is
// cudaErrorInvalidValue.
//
// The Async variants return as CUDA's do: a copy between device memory and
// pinned (or registered, or managed) host memory, a device-to-device copy
// and a fill return once queued; a copy from pageable host memory returns
// once the source has been staged; a copy to pageable host memory returns
// when done. Every one keeps its stream's order.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"
#include "Runtime.h"
#include "Transfer.h"

#include <cstring>
#include <vector>

using namespace cuport;
using cuport::rt::Allocation;
using cuport::rt::AllocKind;

namespace {

/// Where one side of a copy lives.
struct Side {
  bool OnDevice = false;
  Allocation A; ///< Valid when OnDevice.
};

/// The device side of a transfer: [P, P + Count) inside one live allocation
/// that kernels can address (device memory or mapped pinned memory).
cudaError_t deviceSide(const void *P, size_t Count, Side &S) {
  if (!rt::allocations().findRange(P, Count, &S.A) || !S.A.DeviceAccessible)
    return cudaErrorInvalidValue;
  S.OnDevice = true;
  return cudaSuccess;
}

/// cudaMemcpyDefault: a pointer inside a device allocation (or a device
/// variable) is device memory, anything else is host memory.
cudaError_t inferSide(const void *P, size_t Count, Side &S) {
  Allocation A;
  if (rt::allocations().find(P, &A) &&
      (A.Kind == AllocKind::Device || A.Kind == AllocKind::Symbol ||
       A.Kind == AllocKind::Managed))
    return deviceSide(P, Count, S);
  S.OnDevice = false;
  return cudaSuccess;
}

/// Host memory the device side may read or write after the call returns:
/// pinned, registered or managed.
bool isPinnedHost(const void *P, size_t Count) {
  Allocation A;
  return rt::allocations().findRange(P, Count, &A) && A.Kind != AllocKind::Device &&
         A.Kind != AllocKind::Symbol;
}

} // namespace

cudaError_t rt::planTransfer(void *Dst, size_t DstSpan, const void *Src, size_t SrcSpan,
                             int RawKind, Transfer &Out) {
  Side D, S;
  cudaError_t E = cudaSuccess;
  switch (RawKind) {
  case cudaMemcpyHostToHost:
    break;
  case cudaMemcpyHostToDevice:
    E = deviceSide(Dst, DstSpan, D);
    break;
  case cudaMemcpyDeviceToHost:
    E = deviceSide(Src, SrcSpan, S);
    break;
  case cudaMemcpyDeviceToDevice:
    E = deviceSide(Dst, DstSpan, D);
    if (E == cudaSuccess)
      E = deviceSide(Src, SrcSpan, S);
    break;
  default: // cudaMemcpyDefault
    E = inferSide(Dst, DstSpan, D);
    if (E == cudaSuccess)
      E = inferSide(Src, SrcSpan, S);
    break;
  }
  if (E != cudaSuccess)
    return E;
  Out.DstDevice = D.OnDevice ? D.A.Device : -1;
  Out.SrcDevice = S.OnDevice ? S.A.Device : -1;
  Out.Device = D.OnDevice ? D.A.Device : S.OnDevice ? S.A.Device : rt::currentDeviceIndex();
  Out.Kind = D.OnDevice ? (S.OnDevice ? target::CopyKind::DeviceToDevice
                                      : target::CopyKind::HostToDevice)
                        : (S.OnDevice ? target::CopyKind::DeviceToHost
                                      : target::CopyKind::HostToHost);
  return cudaSuccess;
}

cudaError_t rt::deviceRange(const void *P, size_t Span, int *Device) {
  Side S;
  if (cudaError_t E = deviceSide(P, Span, S))
    return E;
  *Device = S.A.Device;
  return cudaSuccess;
}

target::CopyMode rt::asyncCopyMode(const Transfer &T, const void *Dst, size_t DstSpan,
                                   const void *Src, size_t SrcSpan) {
  switch (T.Kind) {
  case target::CopyKind::DeviceToDevice:
    return target::CopyMode::Async;
  case target::CopyKind::HostToDevice:
    return isPinnedHost(Src, SrcSpan) ? target::CopyMode::Async
                                      : target::CopyMode::AsyncStaged;
  case target::CopyKind::DeviceToHost:
    return isPinnedHost(Dst, DstSpan) ? target::CopyMode::Async : target::CopyMode::Sync;
  case target::CopyKind::HostToHost:
    break;
  }
  return target::CopyMode::Sync;
}

namespace {

cudaError_t copyImpl(void *Dst, const void *Src, size_t Count, cudaMemcpyKind Kind,
                     cudaStream_t Stream, bool Async = false) {
  if (!rt::isValidMemcpyKind(rt::rawValue(Kind)))
    return cudaErrorInvalidMemcpyDirection;
  if (Count == 0)
    return cudaSuccess;
  if (!Dst || !Src)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;

  rt::Transfer T;
  if (cudaError_t E = rt::planTransfer(Dst, Count, Src, Count, rt::rawValue(Kind), T))
    return E;
  int Dev = T.Device;
  target::Queue *Q = nullptr;
  if (cudaError_t QE = rt::resolveStream(Stream, Dev, &Q))
    return QE;
  target::CopyKind K = T.Kind;
  if (K == target::CopyKind::DeviceToDevice && T.DstDevice != T.SrcDevice) {
    // Devices of one target have separate contexts: stage through the host.
    std::vector<uint8_t> Staging(Count);
    if (cudaError_t SE = rt::fromResult(
            rt::device(T.SrcDevice).copy(nullptr, Staging.data(), Src, Count,
                                         target::CopyKind::DeviceToHost),
            "cudaMemcpy"))
      return SE;
    return rt::fromResult(rt::device(T.DstDevice).copy(nullptr, Dst, Staging.data(), Count,
                                                       target::CopyKind::HostToDevice),
                          "cudaMemcpy");
  }
  target::CopyMode Mode =
      Async ? rt::asyncCopyMode(T, Dst, Count, Src, Count) : target::CopyMode::Sync;
  if (cudaError_t CE = rt::fromResult(rt::device(Dev).copy(Q, Dst, Src, Count, K, Mode),
                                      Async ? "cudaMemcpyAsync" : "cudaMemcpy"))
    return CE;
  // A blocking copy is a synchronization point: device printf output so far
  // appears now, as with CUDA.
  if (Async || K == target::CopyKind::HostToHost)
    return cudaSuccess;
  return rt::fromResult(rt::flushPrintf(Dev), "cudaMemcpy");
}

cudaError_t fillImpl(void *DevPtr, int Value, size_t Count, cudaStream_t Stream,
                     bool Async = false) {
  if (Count == 0)
    return cudaSuccess;
  if (!DevPtr)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  int Dev = 0;
  if (cudaError_t E = rt::deviceRange(DevPtr, Count, &Dev))
    return E;
  target::Queue *Q = nullptr;
  if (cudaError_t E = rt::resolveStream(Stream, Dev, &Q))
    return E;
  return rt::fromResult(
      rt::device(Dev)
          .fill(Q, DevPtr, uint8_t(Value), Count,
                Async ? target::CopyMode::Async : target::CopyMode::Sync),
      Async ? "cudaMemsetAsync" : "cudaMemset");
}

cudaError_t hostAllocImpl(void **Ptr, size_t Size, unsigned Flags) {
  if (!Ptr)
    return cudaErrorInvalidValue;
  constexpr unsigned Known = cudaHostAllocPortable | cudaHostAllocMapped |
                             cudaHostAllocWriteCombined;
  if (Flags & ~Known)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  *Ptr = nullptr;
  if (Size == 0)
    return cudaSuccess;
  int Dev = rt::currentDeviceIndex();
  void *P = nullptr;
  bool Mapped = false;
  if (cudaError_t E = rt::fromResult(rt::device(Dev).allocateHost(Size, &P, &Mapped),
                                     "cudaHostAlloc"))
    return E;
  rt::allocations().insert(
      {reinterpret_cast<uintptr_t>(P), Size, AllocKind::PinnedHost, Dev, Mapped, Flags});
  *Ptr = P;
  return cudaSuccess;
}

} // namespace

CUPORT_EXPORT cudaError_t cudaMalloc(void **devPtr, size_t size) {
  return rt::apiBoundary([&] {
    if (!devPtr)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    *devPtr = nullptr;
    if (size == 0)
      return cudaSuccess;
    int Dev = rt::currentDeviceIndex();
    void *P = nullptr;
    if (cudaError_t E = rt::fromResult(rt::device(Dev).allocate(size, &P), "cudaMalloc"))
      return E;
    rt::allocations().insert({reinterpret_cast<uintptr_t>(P), size, AllocKind::Device, Dev});
    *devPtr = P;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaFree(void *devPtr) {
  return rt::apiBoundary([&] {
    // cudaFree(0) is the idiomatic way to create the context: it opens
    // the target like any other call.
    if (cudaError_t E = rt::enter())
      return E;
    if (!devPtr)
      return cudaSuccess;
    Allocation A;
    if (rt::allocations().erase(devPtr, AllocKind::Managed, &A))
      return rt::fromResult(rt::device(A.Device).deallocateShared(devPtr), "cudaFree");
    if (!rt::allocations().erase(devPtr, AllocKind::Device, &A))
      return cudaErrorInvalidValue;
    return rt::fromResult(rt::device(A.Device).deallocate(devPtr), "cudaFree");
  });
}

CUPORT_EXPORT cudaError_t cudaMallocHost(void **ptr, size_t size) {
  return rt::apiBoundary([&] { return hostAllocImpl(ptr, size, cudaHostAllocDefault); });
}

CUPORT_EXPORT cudaError_t cudaHostAlloc(void **pHost, size_t size, unsigned int flags) {
  return rt::apiBoundary([&] { return hostAllocImpl(pHost, size, flags); });
}

CUPORT_EXPORT cudaError_t cudaFreeHost(void *ptr) {
  return rt::apiBoundary([&] {
    if (!ptr)
      return rt::stickyError();
    if (cudaError_t E = rt::enter())
      return E;
    Allocation A;
    if (!rt::allocations().erase(ptr, AllocKind::PinnedHost, &A))
      return cudaErrorInvalidValue;
    return rt::fromResult(rt::device(A.Device).deallocateHost(ptr), "cudaFreeHost");
  });
}

CUPORT_EXPORT cudaError_t cudaHostGetDevicePointer(void **pDevice, void *pHost,
                                                   unsigned int flags) {
  return rt::apiBoundary([&] {
    if (!pDevice || !pHost || flags != 0)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    Allocation A;
    if (!rt::allocations().find(pHost, &A) || A.Kind != AllocKind::PinnedHost ||
        !A.DeviceAccessible)
      return cudaErrorInvalidValue;
    *pDevice = pHost; // Unified addressing: the same pointer on both sides.
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaMemcpy(void *dst, const void *src, size_t count,
                                     enum cudaMemcpyKind kind) {
  return rt::apiBoundary([&] { return copyImpl(dst, src, count, kind, nullptr); });
}

CUPORT_EXPORT cudaError_t cudaMemcpy_ptds(void *dst, const void *src, size_t count,
                                          enum cudaMemcpyKind kind) {
  return rt::apiBoundary(
      [&] { return copyImpl(dst, src, count, kind, cudaStreamPerThread); });
}

CUPORT_EXPORT cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t count,
                                          enum cudaMemcpyKind kind, cudaStream_t stream) {
  return rt::apiBoundary([&] { return copyImpl(dst, src, count, kind, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemcpyAsync_ptsz(void *dst, const void *src, size_t count,
                                               enum cudaMemcpyKind kind,
                                               cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return copyImpl(dst, src, count, kind, rt::perThread(stream), true); });
}

CUPORT_EXPORT cudaError_t cudaMemset(void *devPtr, int value, size_t count) {
  return rt::apiBoundary([&] { return fillImpl(devPtr, value, count, nullptr); });
}

CUPORT_EXPORT cudaError_t cudaMemset_ptds(void *devPtr, int value, size_t count) {
  return rt::apiBoundary(
      [&] { return fillImpl(devPtr, value, count, cudaStreamPerThread); });
}

CUPORT_EXPORT cudaError_t cudaMemsetAsync(void *devPtr, int value, size_t count,
                                          cudaStream_t stream) {
  return rt::apiBoundary([&] { return fillImpl(devPtr, value, count, stream, true); });
}

CUPORT_EXPORT cudaError_t cudaMemsetAsync_ptsz(void *devPtr, int value, size_t count,
                                               cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return fillImpl(devPtr, value, count, rt::perThread(stream), true); });
}

CUPORT_EXPORT cudaError_t cudaPointerGetAttributes(struct cudaPointerAttributes *attributes,
                                                   const void *ptr) {
  return rt::apiBoundary([&] {
    if (!attributes)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    // CUDA 12 writes exactly these four fields (24 bytes).
    Allocation A;
    if (!rt::allocations().find(ptr, &A)) {
      attributes->type = cudaMemoryTypeUnregistered;
      attributes->device = -2; // CUDA's value for unregistered memory.
      attributes->devicePointer = nullptr;
      attributes->hostPointer = const_cast<void *>(ptr);
      return cudaSuccess;
    }
    attributes->device = A.Device;
    if (A.Kind == AllocKind::Managed) {
      attributes->type = cudaMemoryTypeManaged;
      attributes->devicePointer = const_cast<void *>(ptr);
      attributes->hostPointer = const_cast<void *>(ptr);
    } else if (A.Kind == AllocKind::Device || A.Kind == AllocKind::Symbol) {
      attributes->type = cudaMemoryTypeDevice;
      attributes->devicePointer = const_cast<void *>(ptr);
      attributes->hostPointer = nullptr;
    } else {
      attributes->type = cudaMemoryTypeHost;
      attributes->devicePointer = A.DeviceAccessible ? const_cast<void *>(ptr) : nullptr;
      attributes->hostPointer = const_cast<void *>(ptr);
    }
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaMemGetInfo(size_t *free, size_t *total) {
  return rt::apiBoundary([&] {
    if (!free || !total)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    // OpenCL does not report free memory; subtract what this process holds.
    int Dev = rt::currentDeviceIndex();
    size_t Total = size_t(rt::device(Dev).properties().TotalGlobalMem), Used = 0;
    for (const Allocation &A : rt::allocations().all(Dev, AllocKind::Device))
      Used += A.Size;
    *total = Total;
    *free = Used < Total ? Total - Used : 0;
    return cudaSuccess;
  });
}
