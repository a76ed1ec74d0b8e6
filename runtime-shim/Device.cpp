//===- Device.cpp - the device API group ----------------------------------===//
//
// Device count, selection, properties, attributes, synchronization and
// reset. Properties come from the target (real values queried from the
// device; Context.cpp documents the few that are derived), attributes from
// the same cudaDeviceProp through DeviceAttributes.def.
//
// Device flags (cudaSetDeviceFlags) are recorded per device and validated
// as CUDA does: at most one scheduling policy, no bits outside
// cudaDeviceMask. Setting them on a device already in use replaces them
// (CUDA 11 and later). cudaDeviceMapHost is always in effect, as in CUDA
// 12. The scheduling policy changes nothing on the OpenCL target: waiting
// is the OpenCL driver's (clFinish / clWaitForEvents).
//
// PCI bus ids: the targets report no PCI location (PoCL's CPU device has
// none), so each device has a synthetic one, domain 0, bus 0, device =
// its ordinal ("0000:00:01.0" for device 1), the same numbers
// cudaDeviceProp and cudaDeviceGetAttribute report. cudaDeviceGetByPCIBusId
// parses CUDA's forms (domain:bus:device.function, domain:bus:device,
// bus:device.function) and answers cudaErrorInvalidDevice for an id no
// device has.
//
// CUDA 12 exports cudaGetDeviceProperties_v2 and its header renames
// cudaGetDeviceProperties to it; objects built against CUDA 11 headers call
// the old symbol. The layout is the same, so both symbols are exported.
//
//===----------------------------------------------------------------------===//
#include "AllocationTable.h"
#include "Runtime.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>

#undef cudaGetDeviceProperties

using namespace cuport;

namespace {

struct DeviceFlagTable {
  std::mutex Lock;
  std::map<int, unsigned> Flags;
};

DeviceFlagTable &deviceFlags() {
  static DeviceFlagTable *T = new DeviceFlagTable(); // Never destroyed (Context.cpp).
  return *T;
}

/// "dddd:bb:dd.0" for \p P's PCI location.
std::string formatPciBusId(const cudaDeviceProp &P) {
  char Buf[32];
  std::snprintf(Buf, sizeof(Buf), "%04x:%02x:%02x.0", unsigned(P.pciDomainID) & 0xffff,
                unsigned(P.pciBusID) & 0xff, unsigned(P.pciDeviceID) & 0xff);
  return Buf;
}

/// Parses CUDA's PCI bus id forms into domain, bus and device.
bool parsePciBusId(const char *Id, unsigned &Domain, unsigned &Bus, unsigned &Dev) {
  unsigned Fn = 0;
  int End = 0;
  size_t Len = std::strlen(Id);
  if (std::sscanf(Id, "%x:%x:%x.%x%n", &Domain, &Bus, &Dev, &Fn, &End) == 4 && size_t(End) == Len)
    return true;
  End = 0;
  if (std::sscanf(Id, "%x:%x:%x%n", &Domain, &Bus, &Dev, &End) == 3 && size_t(End) == Len)
    return true;
  End = 0;
  Domain = 0;
  return std::sscanf(Id, "%x:%x.%x%n", &Bus, &Dev, &Fn, &End) == 3 && size_t(End) == Len;
}

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

/// Destroys the current device's state: its streams, allocations, loaded
/// modules (rebuilt on the next launch, from the kernel cache), function
/// attributes and limits, and clears a sticky error, as resetting the
/// primary context does.
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
    rt::resetFunctionAttributes(Dev);
    rt::resetLimits(Dev);
    rt::clearStickyError();
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaSetDeviceFlags(unsigned int flags) {
  return rt::apiBoundary([&] {
    unsigned Schedule = flags & unsigned(cudaDeviceScheduleMask);
    if ((flags & ~unsigned(cudaDeviceMask)) ||
        (Schedule != cudaDeviceScheduleAuto && Schedule != cudaDeviceScheduleSpin &&
         Schedule != cudaDeviceScheduleYield && Schedule != cudaDeviceScheduleBlockingSync))
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    DeviceFlagTable &T = deviceFlags();
    std::lock_guard<std::mutex> Guard(T.Lock);
    T.Flags[rt::currentDeviceIndex()] = flags;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaGetDeviceFlags(unsigned int *flags) {
  return rt::apiBoundary([&] {
    if (!flags)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    DeviceFlagTable &T = deviceFlags();
    std::lock_guard<std::mutex> Guard(T.Lock);
    auto It = T.Flags.find(rt::currentDeviceIndex());
    *flags = (It == T.Flags.end() ? 0u : It->second) | unsigned(cudaDeviceMapHost);
    return cudaSuccess;
  });
}

/// The device that best matches \p prop: among the devices whose compute
/// capability is at least prop's major.minor (all of them when none is),
/// the one with the most multiprocessors, the first on ties.
CUPORT_EXPORT cudaError_t cudaChooseDevice(int *device, const struct cudaDeviceProp *prop) {
  return rt::apiBoundary([&] {
    if (!device || !prop)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    auto Capable = [&](const cudaDeviceProp &P) {
      return P.major > prop->major || (P.major == prop->major && P.minor >= prop->minor);
    };
    bool AnyCapable = false;
    for (int I = 0; I < rt::deviceCount(); ++I)
      AnyCapable |= Capable(rt::deviceProp(I));
    int Best = -1;
    for (int I = 0; I < rt::deviceCount(); ++I) {
      const cudaDeviceProp &P = rt::deviceProp(I);
      if (AnyCapable && !Capable(P))
        continue;
      if (Best < 0 || P.multiProcessorCount > rt::deviceProp(Best).multiProcessorCount)
        Best = I;
    }
    if (Best < 0)
      return cudaErrorNoDevice;
    *device = Best;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaDeviceGetPCIBusId(char *pciBusId, int len, int device) {
  return rt::apiBoundary([&] {
    if (!pciBusId || len <= 0)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    if (device < 0 || device >= rt::deviceCount())
      return cudaErrorInvalidDevice;
    std::string Id = formatPciBusId(rt::deviceProp(device));
    // Truncated to len - 1 characters and terminated, as CUDA does.
    size_t N = std::min(Id.size(), size_t(len) - 1);
    std::memcpy(pciBusId, Id.data(), N);
    pciBusId[N] = '\0';
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaDeviceGetByPCIBusId(int *device, const char *pciBusId) {
  return rt::apiBoundary([&] {
    if (!device || !pciBusId)
      return cudaErrorInvalidValue;
    unsigned Domain = 0, Bus = 0, Dev = 0;
    if (!parsePciBusId(pciBusId, Domain, Bus, Dev))
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    for (int I = 0; I < rt::deviceCount(); ++I) {
      const cudaDeviceProp &P = rt::deviceProp(I);
      if (unsigned(P.pciDomainID) == Domain && unsigned(P.pciBusID) == Bus &&
          unsigned(P.pciDeviceID) == Dev) {
        *device = I;
        return cudaSuccess;
      }
    }
    return cudaErrorInvalidDevice;
  });
}
