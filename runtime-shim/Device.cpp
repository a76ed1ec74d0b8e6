//===- Device.cpp - the device API group ----------------------------------===//
//
// Device count, selection, properties, attributes, synchronization and
// reset. Properties come from the target (real values queried from the
// device; Context.cpp documents the few that are derived), attributes from
// the same cudaDeviceProp through DeviceAttributes.def.
//
// CUDA 12 exports cudaGetDeviceProperties_v2 and its header renames
// cudaGetDeviceProperties to it; objects built against CUDA 11 headers call
// the old symbol. The layout is the same, so both symbols are exported.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"
#include "Runtime.h"

#undef cudaGetDeviceProperties

using namespace cuport;

namespace {

int clampInt(uint64_t V) { return V > 0x7FFFFFFF ? 0x7FFFFFFF : int(V); }

cudaError_t getProperties(cudaDeviceProp *Prop, int Device) {
  if (!Prop)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  if (Device < 0 || Device >= rt::deviceCount())
    return cudaErrorInvalidDevice;
  *Prop = rt::deviceProp(Device);
  return cudaSuccess;
}

} // namespace

CUPORT_EXPORT cudaError_t cudaGetDeviceCount(int *count) {
  return rt::apiBoundary([&] {
    if (!count)
      return cudaErrorInvalidValue;
    *count = 0;
    if (cudaError_t E = rt::enter())
      return E;
    *count = rt::deviceCount();
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaSetDevice(int device) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (device < 0 || device >= rt::deviceCount())
      return cudaErrorInvalidDevice;
    rt::setCurrentDeviceIndex(device);
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaGetDevice(int *device) {
  return rt::apiBoundary([&] {
    if (!device)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    *device = rt::currentDeviceIndex();
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaGetDeviceProperties_v2(struct cudaDeviceProp *prop, int device) {
  return rt::apiBoundary([&] { return getProperties(prop, device); });
}

CUPORT_EXPORT cudaError_t cudaGetDeviceProperties(struct cudaDeviceProp *prop, int device) {
  return rt::apiBoundary([&] { return getProperties(prop, device); });
}

CUPORT_EXPORT cudaError_t cudaDeviceGetAttribute(int *value, enum cudaDeviceAttr attr,
                                                 int device) {
  return rt::apiBoundary([&] {
    if (!value)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    if (device < 0 || device >= rt::deviceCount())
      return cudaErrorInvalidDevice;
    const cudaDeviceProp &P = rt::deviceProp(device);
    switch (rt::rawValue(attr)) {
#define DEVICE_ATTR(Attribute, Expression)                                     \
  case Attribute:                                                              \
    *value = int(Expression);                                                  \
    return cudaSuccess;
#include "DeviceAttributes.def"
    default:
      return cudaErrorInvalidValue;
    }
  });
}

CUPORT_EXPORT cudaError_t cudaDeviceSynchronize(void) {
  return rt::apiBoundary([&] {
    if (cudaError_t E = rt::enter())
      return E;
    if (cudaError_t E = rt::fromResult(rt::currentDevice().synchronize(), "cudaDeviceSynchronize"))
      return E;
    return rt::fromResult(rt::flushPrintf(rt::currentDeviceIndex()), "cudaDeviceSynchronize");
  });
}

CUPORT_EXPORT cudaError_t cudaThreadSynchronize(void) { return cudaDeviceSynchronize(); }

/// Destroys the current device's state: its streams, allocations and
/// loaded modules (rebuilt on the next launch, from the kernel cache), and
/// clears a sticky error, as resetting the primary context does.
CUPORT_EXPORT cudaError_t cudaDeviceReset(void) {
  return rt::apiBoundary([&] {
    rt::clearStickyError();
    if (cudaError_t E = rt::enter())
      return E;
    int Dev = rt::currentDeviceIndex();
    target::Device &D = rt::device(Dev);
    D.synchronize(); // Errors from abandoned work are dropped with it.
    rt::destroyStreams(Dev);
    rt::destroyEvents(Dev);
    for (rt::AllocKind K : {rt::AllocKind::Device, rt::AllocKind::PinnedHost,
                            rt::AllocKind::Managed, rt::AllocKind::Registered})
      for (const rt::Allocation &A : rt::allocations().all(Dev, K)) {
        void *P = reinterpret_cast<void *>(A.Base);
        rt::allocations().erase(P, K);
        if (K == rt::AllocKind::Device)
          D.deallocate(P);
        else if (K == rt::AllocKind::PinnedHost)
          D.deallocateHost(P);
        else if (K == rt::AllocKind::Managed)
          D.deallocateShared(P);
        // Registered memory is the user's: it is only forgotten.
      }
    rt::unloadModules(Dev);
    rt::clearStickyError();
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaSetDeviceFlags(unsigned int flags) {
  return rt::apiBoundary([&] {
    if (flags & ~unsigned(cudaDeviceMask))
      return cudaErrorInvalidValue;
    return rt::enter();
  });
}

CUPORT_EXPORT cudaError_t cudaGetDeviceFlags(unsigned int *flags) {
  return rt::apiBoundary([&] {
    if (!flags)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    *flags = cudaDeviceMapHost;
    return cudaSuccess;
  });
}
