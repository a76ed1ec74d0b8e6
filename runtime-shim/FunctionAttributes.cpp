//===- FunctionAttributes.cpp - per-kernel attributes and settings --------===//
//
// cudaFuncGetAttributes, cudaFuncSetAttribute, cudaFuncSetCacheConfig and
// cudaFuncSetSharedMemConfig. A kernel is named by its host stub's address,
// as registered by __cudaRegisterFunction; anything else is
// cudaErrorInvalidDeviceFunction. As in CUDA 12 (lazy loading), asking for
// a kernel's attributes loads and builds its module on the current device.
//
// The numbers come from the target (KernelAttributes in targets/Target.h:
// OpenCL's CL_KERNEL_WORK_GROUP_SIZE, CL_KERNEL_LOCAL_MEM_SIZE and
// CL_KERNEL_PRIVATE_MEM_SIZE; HIP's hipFuncGetAttribute). What a target
// cannot report is derived, and docs/runtime.md says how:
//  - numRegs: regsPerBlock / maxThreadsPerBlock, the most registers per
//    thread that still let the kernel's largest block fit, so that a
//    program's own register arithmetic agrees with the occupancy calculator;
//  - constSizeBytes: 0 on OpenCL (cuport keeps __constant__ variables in the
//    module's device-variable block, so no kernel reserves a constant bank);
//  - ptxVersion and binaryVersion: the compute capability cuport reports.
// The target's answer is cached per (kernel, device) with what
// cudaFuncSetAttribute set; cudaDeviceReset forgets both, as resetting the
// primary context does.
//
// The cache and shared-memory-bank preferences are validated and recorded;
// the OpenCL and HIP targets have no such knob, so they change nothing.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <utility>

using namespace cuport;

namespace {

struct FunctionState {
  target::KernelAttributes Attrs;
  rt::KernelLimits Limits;
  int Carveout = -1; ///< cudaSharedmemCarveoutDefault.
  int CacheConfig = cudaFuncCachePreferNone;
  int SharedMemConfig = cudaSharedMemBankSizeDefault;
};

struct FunctionTable {
  std::mutex Lock;
  std::map<std::pair<const void *, int>, FunctionState> States;
};

FunctionTable &table() {
  static FunctionTable *T = new FunctionTable(); // Never destroyed (Context.cpp).
  return *T;
}

/// Calls \p Use with the state of \p HostFun on \p Device, under the
/// table's lock (so that a concurrent cudaDeviceReset cannot free it), and
/// returns what it returns. The state is created from the target's answer
/// at the first call, outside the lock: that may build the module.
template <typename Fn>
cudaError_t withState(const void *HostFun, int Device, Fn &&Use) {
  if (!HostFun)
    return cudaErrorInvalidDeviceFunction;
  FunctionTable &T = table();
  {
    std::lock_guard<std::mutex> Guard(T.Lock);
    auto It = T.States.find({HostFun, Device});
    if (It != T.States.end())
      return Use(It->second);
  }
  rt::ResolvedKernel K;
  if (cudaError_t E = rt::resolveKernel(HostFun, Device, K))
    return E;
  FunctionState S;
  if (cudaError_t E = rt::fromResult(rt::device(Device).kernelAttributes(*K.Module, *K.Info,
                                                                          &S.Attrs),
                                     "kernel attributes"))
    return E;
  const cudaDeviceProp &P = rt::deviceProp(Device);
  rt::KernelLimits &L = S.Limits;
  L.MaxThreadsPerBlock = P.maxThreadsPerBlock;
  if (S.Attrs.MaxThreadsPerBlock)
    L.MaxThreadsPerBlock = std::min<int64_t>(L.MaxThreadsPerBlock, S.Attrs.MaxThreadsPerBlock);
  L.StaticSharedBytes = size_t(S.Attrs.StaticSharedBytes);
  // CUDA's default: what sharedMemPerBlock leaves after the static part;
  // more, up to the opt-in limit, only through cudaFuncSetAttribute.
  L.MaxDynamicSharedBytes =
      P.sharedMemPerBlock > L.StaticSharedBytes ? P.sharedMemPerBlock - L.StaticSharedBytes : 0;
  L.NumRegs = S.Attrs.NumRegs >= 0
                  ? S.Attrs.NumRegs
                  : (L.MaxThreadsPerBlock > 0 ? P.regsPerBlock / L.MaxThreadsPerBlock : 0);
  std::lock_guard<std::mutex> Guard(T.Lock);
  // Another thread may have got here first; both answers are the same.
  return Use(T.States.emplace(std::make_pair(HostFun, Device), S).first->second);
}

/// Applies \p Update to the state of \p HostFun on the current device.
template <typename Fn> cudaError_t updateState(const void *HostFun, Fn &&Update) {
  if (cudaError_t E = rt::enter())
    return E;
  return withState(HostFun, rt::currentDeviceIndex(), Update);
}

int clampInt(uint64_t V) { return V > 0x7FFFFFFF ? 0x7FFFFFFF : int(V); }

} // namespace

namespace cuport {
namespace rt {

cudaError_t kernelLimits(const void *HostFun, int Device, KernelLimits &Out) {
  return withState(HostFun, Device, [&](FunctionState &S) {
    Out = S.Limits;
    return cudaSuccess;
  });
}

void resetFunctionAttributes(int Device) {
  FunctionTable &T = table();
  std::lock_guard<std::mutex> Guard(T.Lock);
  for (auto It = T.States.begin(); It != T.States.end();)
    It = It->first.second == Device ? T.States.erase(It) : std::next(It);
}

} // namespace rt
} // namespace cuport

CUPORT_EXPORT cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr,
                                                const void *func) {
  return rt::apiBoundary([&] {
    if (!attr)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    int Dev = rt::currentDeviceIndex();
    const cudaDeviceProp &P = rt::deviceProp(Dev);
    return withState(func, Dev, [&](FunctionState &S) {
      std::memset(attr, 0, sizeof(*attr));
      attr->sharedSizeBytes = S.Limits.StaticSharedBytes;
      attr->constSizeBytes = S.Attrs.ConstBytes > 0 ? size_t(S.Attrs.ConstBytes) : 0;
      attr->localSizeBytes = size_t(S.Attrs.PrivateBytes);
      attr->maxThreadsPerBlock = S.Limits.MaxThreadsPerBlock;
      attr->numRegs = S.Limits.NumRegs;
      attr->ptxVersion = P.major * 10 + P.minor;
      attr->binaryVersion = P.major * 10 + P.minor;
      attr->cacheModeCA = 0;
      attr->maxDynamicSharedSizeBytes = clampInt(S.Limits.MaxDynamicSharedBytes);
      attr->preferredShmemCarveout = S.Carveout;
      return cudaSuccess;
    });
  });
}

CUPORT_EXPORT cudaError_t cudaFuncSetAttribute(const void *func, enum cudaFuncAttribute attr,
                                               int value) {
  return rt::apiBoundary([&] {
    int Attr = rt::rawValue(attr);
    return updateState(func, [&](FunctionState &S) {
      switch (Attr) {
      case cudaFuncAttributeMaxDynamicSharedMemorySize: {
        const cudaDeviceProp &P = rt::deviceProp(rt::currentDeviceIndex());
        size_t Optin = std::max(P.sharedMemPerBlockOptin, P.sharedMemPerBlock);
        size_t Room = Optin > S.Limits.StaticSharedBytes ? Optin - S.Limits.StaticSharedBytes : 0;
        if (value < 0 || size_t(value) > Room)
          return cudaErrorInvalidValue;
        S.Limits.MaxDynamicSharedBytes = size_t(value);
        return cudaSuccess;
      }
      case cudaFuncAttributePreferredSharedMemoryCarveout:
        if (value < cudaSharedmemCarveoutDefault || value > cudaSharedmemCarveoutMaxShared)
          return cudaErrorInvalidValue;
        S.Carveout = value;
        return cudaSuccess;
      default:
        // The cluster attributes need compute capability 9.0; cuport
        // reports 7.0, where CUDA rejects them too.
        return cudaErrorInvalidValue;
      }
    });
  });
}

CUPORT_EXPORT cudaError_t cudaFuncSetCacheConfig(const void *func,
                                                 enum cudaFuncCache cacheConfig) {
  return rt::apiBoundary([&] {
    int Config = rt::rawValue(cacheConfig);
    if (Config < cudaFuncCachePreferNone || Config > cudaFuncCachePreferEqual)
      return cudaErrorInvalidValue;
    return updateState(func, [&](FunctionState &S) {
      S.CacheConfig = Config;
      return cudaSuccess;
    });
  });
}

CUPORT_EXPORT cudaError_t cudaFuncSetSharedMemConfig(const void *func,
                                                     enum cudaSharedMemConfig config) {
  return rt::apiBoundary([&] {
    int Config = rt::rawValue(config);
    if (Config < cudaSharedMemBankSizeDefault || Config > cudaSharedMemBankSizeEightByte)
      return cudaErrorInvalidValue;
    return updateState(func, [&](FunctionState &S) {
      S.SharedMemConfig = Config;
      return cudaSuccess;
    });
  });
}
