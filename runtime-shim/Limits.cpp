//===- Limits.cpp - cudaDeviceGetLimit / cudaDeviceSetLimit ---------------===//
//
// Per-device resource limits, with CUDA 12's defaults and rules:
//  - cudaLimitPrintfFifoSize sizes the device printf buffer that a module
//    which prints gets when it loads (Registration.cpp asks
//    commitPrintfFifo). Once such a buffer exists the size is fixed and
//    setting it is cudaErrorInvalidValue, as CUDA answers after a kernel
//    that prints has been launched. cuport has one buffer per module rather
//    than one per context; each gets the full size. The header's 32-bit
//    byte counts bound it to 4 GiB - 1.
//  - cudaLimitMallocHeapSize and cudaLimitStackSize are recorded and
//    reported. cuport's compiler has no device malloc, and OpenCL sizes a
//    work-item's private memory itself, so neither changes execution.
//  - cudaLimitMaxL2FetchGranularity is a hint: validated (a power of two up
//    to 128 bytes, or 0) and recorded.
//  - cudaLimitDevRuntimeSyncDepth and cudaLimitDevRuntimePendingLaunchCount
//    (dynamic parallelism) and cudaLimitPersistingL2CacheSize (compute
//    capability 8.0 and later) are cudaErrorUnsupportedLimit, as on a
//    device without those features; so is any unknown limit.
// cudaDeviceReset restores the defaults. cudaThreadGetLimit/SetLimit are
// CUDA's deprecated spellings of the same calls.
//
//===----------------------------------------------------------------------===//
#include "Printf.h"
#include "Runtime.h"

#include <cstdint>
#include <map>
#include <mutex>

using namespace cuport;

namespace {

/// CUDA's defaults.
constexpr size_t DefaultStackBytes = 1024;
constexpr size_t DefaultPrintfFifoBytes = size_t(1) << 20;
constexpr size_t DefaultMallocHeapBytes = size_t(8) << 20;
constexpr size_t DefaultL2FetchGranularity = 64;

struct DeviceLimits {
  size_t Stack = DefaultStackBytes;
  size_t PrintfFifo = DefaultPrintfFifoBytes;
  size_t MallocHeap = DefaultMallocHeapBytes;
  size_t L2FetchGranularity = DefaultL2FetchGranularity;
  bool PrintfFifoCommitted = false;
};

struct LimitTable {
  std::mutex Lock;
  std::map<int, DeviceLimits> Devices;
};

LimitTable &table() {
  static LimitTable *T = new LimitTable(); // Never destroyed (Context.cpp).
  return *T;
}

/// The limit's slot, or nullptr when the limit is unsupported or unknown.
size_t *slotFor(DeviceLimits &L, int Limit) {
  switch (Limit) {
  case cudaLimitStackSize:
    return &L.Stack;
  case cudaLimitPrintfFifoSize:
    return &L.PrintfFifo;
  case cudaLimitMallocHeapSize:
    return &L.MallocHeap;
  case cudaLimitMaxL2FetchGranularity:
    return &L.L2FetchGranularity;
  default:
    return nullptr;
  }
}

cudaError_t getLimit(size_t *Value, int Limit) {
  if (!Value)
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  LimitTable &T = table();
  std::lock_guard<std::mutex> Guard(T.Lock);
  size_t *Slot = slotFor(T.Devices[rt::currentDeviceIndex()], Limit);
  if (!Slot)
    return cudaErrorUnsupportedLimit;
  *Value = *Slot;
  return cudaSuccess;
}

cudaError_t setLimit(int Limit, size_t Value) {
  if (cudaError_t E = rt::enter())
    return E;
  LimitTable &T = table();
  std::lock_guard<std::mutex> Guard(T.Lock);
  DeviceLimits &L = T.Devices[rt::currentDeviceIndex()];
  size_t *Slot = slotFor(L, Limit);
  if (!Slot)
    return cudaErrorUnsupportedLimit;
  switch (Limit) {
  case cudaLimitPrintfFifoSize:
    if (L.PrintfFifoCommitted ||
        Value > size_t(UINT32_MAX) - sizeof(rt::PrintfHeader))
      return cudaErrorInvalidValue;
    break;
  case cudaLimitMaxL2FetchGranularity:
    if (Value > 128 || (Value & (Value - 1)) != 0)
      return cudaErrorInvalidValue;
    break;
  default:
    break;
  }
  *Slot = Value;
  return cudaSuccess;
}

} // namespace

namespace cuport {
namespace rt {

size_t commitPrintfFifo(int Device) {
  LimitTable &T = table();
  std::lock_guard<std::mutex> Guard(T.Lock);
  DeviceLimits &L = T.Devices[Device];
  L.PrintfFifoCommitted = true;
  return L.PrintfFifo;
}

void resetLimits(int Device) {
  LimitTable &T = table();
  std::lock_guard<std::mutex> Guard(T.Lock);
  T.Devices.erase(Device);
}

} // namespace rt
} // namespace cuport

CUPORT_EXPORT cudaError_t cudaDeviceGetLimit(size_t *pValue, enum cudaLimit limit) {
  return rt::apiBoundary([&] { return getLimit(pValue, rt::rawValue(limit)); });
}

CUPORT_EXPORT cudaError_t cudaDeviceSetLimit(enum cudaLimit limit, size_t value) {
  return rt::apiBoundary([&] { return setLimit(rt::rawValue(limit), value); });
}

CUPORT_EXPORT cudaError_t cudaThreadGetLimit(size_t *pValue, enum cudaLimit limit) {
  return rt::apiBoundary([&] { return getLimit(pValue, rt::rawValue(limit)); });
}

CUPORT_EXPORT cudaError_t cudaThreadSetLimit(enum cudaLimit limit, size_t value) {
  return rt::apiBoundary([&] { return setLimit(rt::rawValue(limit), value); });
}
