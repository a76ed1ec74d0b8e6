//===- MemoryHost.cpp - registered, managed and advised memory ------------===//
//
// cudaHostRegister/Unregister/GetFlags, cudaMallocManaged, and the managed
// memory hints (cudaMemPrefetchAsync, cudaMemAdvise).
//
// Managed memory is fine-grained SVM (target::Device::allocateShared): the
// host and kernels use the same pointer with no copies, and it is coherent
// at synchronization points, which is all CUDA promises on devices without
// concurrent managed access. Prefetch and advice therefore have nothing to
// move: they are validated and, for prefetch, ordered on their stream.
//
// Registered memory stays the user's. It is entered in the allocation
// table so that async copies treat it as pinned (they return once queued)
// and pointer attributes report it. Mapping it for kernels needs
// fine-grained system SVM; without it cudaHostRegisterMapped is
// cudaErrorNotSupported rather than a pointer kernels cannot use.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"
#include "Runtime.h"

using namespace cuport;
using cuport::rt::Allocation;
using cuport::rt::AllocKind;

namespace {

cudaError_t prefetchImpl(const void *DevPtr, size_t Count, int DstDevice, cudaStream_t Stream) {
  if (!DevPtr || Count == 0)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (DstDevice != cudaCpuDeviceId && (DstDevice < 0 || DstDevice >= rt::deviceCount()))
    return cudaErrorInvalidDevice;
  Allocation A;
  if (!rt::allocations().findRange(DevPtr, Count, &A) || A.Kind != AllocKind::Managed)
    return cudaErrorInvalidValue;
  rt::StreamRef R;
  return rt::lookupStream(Stream, R); // Nothing to move: the memory is shared.
}

cudaError_t adviseImpl(const void *DevPtr, size_t Count, int Advice, int Device) {
  if (!DevPtr || Count == 0 || Advice < cudaMemAdviseSetReadMostly ||
      Advice > cudaMemAdviseUnsetAccessedBy)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  bool NeedsDevice = Advice != cudaMemAdviseSetReadMostly &&
                     Advice != cudaMemAdviseUnsetReadMostly;
  if (NeedsDevice && Device != cudaCpuDeviceId && (Device < 0 || Device >= rt::deviceCount()))
    return cudaErrorInvalidDevice;
  Allocation A;
  if (!rt::allocations().findRange(DevPtr, Count, &A) || A.Kind != AllocKind::Managed)
    return cudaErrorInvalidValue;
  return cudaSuccess;
}

} // namespace

CUPORT_EXPORT cudaError_t cudaMallocManaged(void **devPtr, size_t size, unsigned int flags) {
  return rt::apiBoundary([&] {
    if (!devPtr || size == 0 || (flags != cudaMemAttachGlobal && flags != cudaMemAttachHost))
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    int Dev = rt::currentDeviceIndex();
    void *P = nullptr;
    if (cudaError_t E =
            rt::fromResult(rt::device(Dev).allocateShared(size, &P), "cudaMallocManaged"))
      return E;
    rt::allocations().insert(
        {reinterpret_cast<uintptr_t>(P), size, AllocKind::Managed, Dev, true, flags});
    *devPtr = P;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaHostRegister(void *ptr, size_t size, unsigned int flags) {
  return rt::apiBoundary([&] {
    constexpr unsigned Known = cudaHostRegisterPortable | cudaHostRegisterMapped |
                               cudaHostRegisterIoMemory | cudaHostRegisterReadOnly;
    if (!ptr || size == 0 || (flags & ~Known))
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    if (flags & cudaHostRegisterIoMemory)
      return cudaErrorNotSupported;
    int Dev = rt::currentDeviceIndex();
    bool Mappable = rt::deviceProp(Dev).canUseHostPointerForRegisteredMem != 0;
    if ((flags & cudaHostRegisterMapped) && !Mappable)
      return cudaErrorNotSupported;
    Allocation Existing;
    if (rt::allocations().find(ptr, &Existing) ||
        rt::allocations().find(static_cast<char *>(ptr) + size - 1, &Existing))
      return cudaErrorHostMemoryAlreadyRegistered;
    rt::allocations().insert(
        {reinterpret_cast<uintptr_t>(ptr), size, AllocKind::Registered, Dev, Mappable, flags});
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaHostUnregister(void *ptr) {
  return rt::apiBoundary([&] {
    if (!ptr)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    Allocation A;
    if (!rt::allocations().erase(ptr, AllocKind::Registered, &A))
      return cudaErrorHostMemoryNotRegistered;
    // Copies queued from or to it may still run: CUDA requires they finish.
    return rt::fromResult(rt::device(A.Device).synchronize(), "cudaHostUnregister");
  });
}

CUPORT_EXPORT cudaError_t cudaHostGetFlags(unsigned int *pFlags, void *pHost) {
  return rt::apiBoundary([&] {
    if (!pFlags || !pHost)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    Allocation A;
    if (!rt::allocations().find(pHost, &A) ||
        (A.Kind != AllocKind::PinnedHost && A.Kind != AllocKind::Registered))
      return cudaErrorInvalidValue;
    // Pinned memory that kernels can address is mapped whatever was asked.
    *pFlags = A.Flags | (A.DeviceAccessible ? unsigned(cudaHostAllocMapped) : 0u);
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count,
                                               int dstDevice, cudaStream_t stream) {
  return rt::apiBoundary([&] { return prefetchImpl(devPtr, count, dstDevice, stream); });
}
CUPORT_EXPORT cudaError_t cudaMemPrefetchAsync_ptsz(const void *devPtr, size_t count,
                                                    int dstDevice, cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return prefetchImpl(devPtr, count, dstDevice, rt::perThread(stream)); });
}

CUPORT_EXPORT cudaError_t cudaMemPrefetchAsync_v2(const void *devPtr, size_t count,
                                                  struct cudaMemLocation location,
                                                  unsigned int flags, cudaStream_t stream) {
  return rt::apiBoundary([&] {
    if (flags != 0)
      return cudaErrorInvalidValue;
    int Dev = location.type == cudaMemLocationTypeHost ? cudaCpuDeviceId : location.id;
    return prefetchImpl(devPtr, count, Dev, stream);
  });
}
CUPORT_EXPORT cudaError_t cudaMemPrefetchAsync_v2_ptsz(const void *devPtr, size_t count,
                                                       struct cudaMemLocation location,
                                                       unsigned int flags,
                                                       cudaStream_t stream) {
  return cudaMemPrefetchAsync_v2(devPtr, count, location, flags, rt::perThread(stream));
}

CUPORT_EXPORT cudaError_t cudaMemAdvise(const void *devPtr, size_t count,
                                        enum cudaMemoryAdvise advice, int device) {
  return rt::apiBoundary([&] { return adviseImpl(devPtr, count, int(advice), device); });
}

CUPORT_EXPORT cudaError_t cudaMemAdvise_v2(const void *devPtr, size_t count,
                                           enum cudaMemoryAdvise advice,
                                           struct cudaMemLocation location) {
  return rt::apiBoundary([&] {
    int Dev = location.type == cudaMemLocationTypeHost ? cudaCpuDeviceId : location.id;
    return adviseImpl(devPtr, count, int(advice), Dev);
  });
}
