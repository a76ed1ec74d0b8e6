//===- Launch.cpp - the launch API group ----------------------------------===//
//
// `kernel<<<grid, block, shmem, stream>>>(args...)` compiles (with Clang, as
// with nvcc) to __cudaPushCallConfiguration at the call site, and in the
// kernel's host stub to __cudaPopCallConfiguration followed by
// cudaLaunchKernel(stub, grid, block, args, shmem, stream). The pushed
// configurations form a per-thread stack because a launch's arguments may
// themselves contain launches.
//
// Every launch (cudaLaunchKernel, cudaLaunchKernelExC,
// cudaLaunchCooperativeKernel) is checked the way CUDA checks it: zero or
// oversized dimensions are cudaErrorInvalidConfiguration; dynamic shared
// memory above the kernel's maxDynamicSharedSizeBytes (which
// cudaFuncSetAttribute sets) cudaErrorInvalidValue; a block larger than
// the kernel's maxThreadsPerBlock cudaErrorLaunchOutOfResources. A
// cooperative launch must fit on the device at once: at most
// cudaOccupancyMaxActiveBlocksPerMultiprocessor * multiProcessorCount
// blocks, else cudaErrorCooperativeLaunchTooLarge. Otherwise it runs as any
// launch: a kernel that synchronizes its grid is compiled to run the whole
// grid in one work-group, and the target refuses a grid that does not fit
// one (docs/device-features.md).
//
// cudaLaunchKernelExC's attributes are validated; those that only tune
// scheduling on NVIDIA hardware (priority, access policy window,
// synchronization policy, memory sync domains, programmatic stream
// serialization, cluster scheduling preference) are accepted and change
// nothing. Thread block clusters beyond 1x1x1 need compute capability 9.0
// and a programmatic or completion event needs device-side triggers: both
// are cudaErrorNotSupported.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <algorithm>
#include <vector>

using namespace cuport;

namespace {

struct CallConfig {
  dim3 Grid, Block;
  size_t SharedMem;
  void *Stream;
};

thread_local std::vector<CallConfig> ConfigStack;

cudaError_t checkConfiguration(const cudaDeviceProp &P, dim3 Grid, dim3 Block,
                               size_t SharedMem) {
  const unsigned G[3] = {Grid.x, Grid.y, Grid.z}, B[3] = {Block.x, Block.y, Block.z};
  uint64_t Threads = 1;
  for (int I = 0; I < 3; ++I) {
    if (G[I] == 0 || B[I] == 0)
      return cudaErrorInvalidConfiguration;
    if (G[I] > unsigned(P.maxGridSize[I]) || B[I] > unsigned(P.maxThreadsDim[I]))
      return cudaErrorInvalidConfiguration;
    Threads *= B[I];
  }
  if (Threads > uint64_t(P.maxThreadsPerBlock))
    return cudaErrorInvalidConfiguration;
  if (SharedMem > std::max(P.sharedMemPerBlock, P.sharedMemPerBlockOptin))
    return cudaErrorInvalidValue;
  return cudaSuccess;
}

struct LaunchRequest {
  const void *Func = nullptr;
  dim3 Grid, Block;
  size_t SharedMem = 0;
  cudaStream_t Stream = nullptr;
  bool Cooperative = false;
};

/// The checks of the kernel's own limits, then the launch.
cudaError_t launchKernel(const LaunchRequest &L, void **Args, const char *Api) {
  if (!L.Func)
    return cudaErrorInvalidDeviceFunction;
  if (cudaError_t E = rt::enter())
    return E;
  int Dev = rt::currentDeviceIndex();
  const cudaDeviceProp &P = rt::deviceProp(Dev);
  if (cudaError_t E = checkConfiguration(P, L.Grid, L.Block, L.SharedMem))
    return E;
  target::Queue *Q = nullptr;
  if (cudaError_t E = rt::resolveStream(L.Stream, Dev, &Q))
    return E;
  rt::ResolvedKernel K;
  if (cudaError_t E = rt::resolveKernel(L.Func, Dev, K))
    return E;
  rt::KernelLimits Limits;
  if (cudaError_t E = rt::kernelLimits(L.Func, Dev, Limits))
    return E;
  if (L.SharedMem > Limits.MaxDynamicSharedBytes)
    return cudaErrorInvalidValue;
  const uint64_t Threads = uint64_t(L.Block.x) * L.Block.y * L.Block.z;
  if (Threads > uint64_t(Limits.MaxThreadsPerBlock))
    return cudaErrorLaunchOutOfResources;
  if (L.Cooperative) {
    if (!P.cooperativeLaunch)
      return cudaErrorNotSupported;
    int PerSM = 0;
    if (cudaError_t E = rt::activeBlocksPerMultiprocessor(L.Func, Dev, int(Threads),
                                                          L.SharedMem, &PerSM))
      return E;
    const uint64_t Blocks = uint64_t(L.Grid.x) * L.Grid.y * L.Grid.z;
    if (Blocks > uint64_t(PerSM) * uint64_t(P.multiProcessorCount))
      return cudaErrorCooperativeLaunchTooLarge;
  }
  target::LaunchConfig Config;
  Config.Grid[0] = L.Grid.x;
  Config.Grid[1] = L.Grid.y;
  Config.Grid[2] = L.Grid.z;
  Config.Block[0] = L.Block.x;
  Config.Block[1] = L.Block.y;
  Config.Block[2] = L.Block.z;
  Config.SharedBytes = L.SharedMem;
  Config.Stream = Q;
  Config.Globals = K.Globals;
  rt::noteKernelLaunch(K.Info->Name.c_str());
  return rt::fromResult(rt::device(Dev).launch(*K.Module, *K.Info, Config, Args), Api);
}

/// cudaLaunchKernelExC: the configuration and its attributes.
cudaError_t launchKernelEx(const cudaLaunchConfig_t *Config, const void *Func, void **Args,
                           bool PerThread, const char *Api) {
  if (!Config || (Config->numAttrs && !Config->attrs))
    return cudaErrorInvalidValue;
  LaunchRequest L;
  L.Func = Func;
  L.Grid = Config->gridDim;
  L.Block = Config->blockDim;
  L.SharedMem = Config->dynamicSmemBytes;
  L.Stream = PerThread ? rt::perThread(Config->stream) : Config->stream;
  for (unsigned I = 0; I < Config->numAttrs; ++I) {
    const cudaLaunchAttribute &A = Config->attrs[I];
    switch (rt::rawValue(A.id)) {
    case cudaLaunchAttributeIgnore:
    case cudaLaunchAttributeAccessPolicyWindow:
    case cudaLaunchAttributePriority:
    case cudaLaunchAttributeMemSyncDomainMap:
    case cudaLaunchAttributeMemSyncDomain:
    case cudaLaunchAttributeProgrammaticStreamSerialization:
    case cudaLaunchAttributeClusterSchedulingPolicyPreference:
      break;
    case cudaLaunchAttributeSynchronizationPolicy: {
      int Policy = rt::rawValue(A.val.syncPolicy);
      if (Policy < cudaSyncPolicyAuto || Policy > cudaSyncPolicyBlockingSync)
        return cudaErrorInvalidValue;
      break;
    }
    case cudaLaunchAttributeCooperative:
      L.Cooperative = A.val.cooperative != 0;
      break;
    case cudaLaunchAttributeClusterDimension: {
      const auto &C = A.val.clusterDim;
      if (C.x == 0 || C.y == 0 || C.z == 0)
        return cudaErrorInvalidValue;
      if (C.x != 1 || C.y != 1 || C.z != 1)
        return cudaErrorNotSupported;
      break;
    }
    case cudaLaunchAttributeProgrammaticEvent:
    case cudaLaunchAttributeLaunchCompletionEvent:
    case cudaLaunchAttributeDeviceUpdatableKernelNode:
      return cudaErrorNotSupported;
    default:
      return cudaErrorInvalidValue;
    }
  }
  return launchKernel(L, Args, Api);
}

} // namespace

CUPORT_EXPORT unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim,
                                                   size_t sharedMem, void *stream) {
  try {
    ConfigStack.push_back({gridDim, blockDim, sharedMem, stream});
    return 0;
  } catch (...) {
    return 1; // The generated code then skips the launch.
  }
}

CUPORT_EXPORT cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim,
                                                     size_t *sharedMem, void **stream) {
  if (ConfigStack.empty())
    return rt::recordError(cudaErrorMissingConfiguration);
  CallConfig C = ConfigStack.back();
  ConfigStack.pop_back();
  if (gridDim)
    *gridDim = C.Grid;
  if (blockDim)
    *blockDim = C.Block;
  if (sharedMem)
    *sharedMem = C.SharedMem;
  if (stream)
    *stream = C.Stream;
  return cudaSuccess;
}

CUPORT_EXPORT cudaError_t cudaLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim,
                                           void **args, size_t sharedMem,
                                           cudaStream_t stream) {
  return rt::apiBoundary([&] {
    LaunchRequest L;
    L.Func = func;
    L.Grid = gridDim;
    L.Block = blockDim;
    L.SharedMem = sharedMem;
    L.Stream = stream;
    return launchKernel(L, args, "cudaLaunchKernel");
  });
}

CUPORT_EXPORT cudaError_t cudaLaunchKernelExC(const cudaLaunchConfig_t *config,
                                              const void *func, void **args) {
  return rt::apiBoundary(
      [&] { return launchKernelEx(config, func, args, false, "cudaLaunchKernelExC"); });
}

CUPORT_EXPORT cudaError_t cudaLaunchKernelExC_ptsz(const cudaLaunchConfig_t *config,
                                                   const void *func, void **args) {
  return rt::apiBoundary(
      [&] { return launchKernelEx(config, func, args, true, "cudaLaunchKernelExC"); });
}

static cudaError_t launchCooperative(const void *Func, dim3 Grid, dim3 Block, void **Args,
                                     size_t SharedMem, cudaStream_t Stream) {
  LaunchRequest L;
  L.Func = Func;
  L.Grid = Grid;
  L.Block = Block;
  L.SharedMem = SharedMem;
  L.Stream = Stream;
  L.Cooperative = true;
  return launchKernel(L, Args, "cudaLaunchCooperativeKernel");
}

CUPORT_EXPORT cudaError_t cudaLaunchCooperativeKernel(const void *func, dim3 gridDim,
                                                      dim3 blockDim, void **args,
                                                      size_t sharedMem, cudaStream_t stream) {
  return rt::apiBoundary(
      [&] { return launchCooperative(func, gridDim, blockDim, args, sharedMem, stream); });
}

CUPORT_EXPORT cudaError_t cudaLaunchCooperativeKernel_ptsz(const void *func, dim3 gridDim,
                                                           dim3 blockDim, void **args,
                                                           size_t sharedMem,
                                                           cudaStream_t stream) {
  return rt::apiBoundary([&] {
    return launchCooperative(func, gridDim, blockDim, args, sharedMem, rt::perThread(stream));
  });
}
