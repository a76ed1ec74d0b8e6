//===- Launch.cpp - the launch API group ----------------------------------===//
//
// `kernel<<<grid, block, shmem, stream>>>(args...)` compiles (with Clang, as
// with nvcc) to __cudaPushCallConfiguration at the call site, and in the
// kernel's host stub to __cudaPopCallConfiguration followed by
// cudaLaunchKernel(stub, grid, block, args, shmem, stream). The pushed
// configurations form a per-thread stack because a launch's arguments may
// themselves contain launches.
//
// cudaLaunchKernel checks the configuration against the device the way CUDA
// does (zero or oversized dimensions are cudaErrorInvalidConfiguration,
// too much dynamic shared memory cudaErrorInvalidValue), finds the kernel
// registered for the stub, and hands the launch to the target.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

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
  if (SharedMem > P.sharedMemPerBlock)
    return cudaErrorInvalidValue;
  return cudaSuccess;
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
    if (!func)
      return cudaErrorInvalidDeviceFunction;
    if (cudaError_t E = rt::enter())
      return E;
    int Dev = rt::currentDeviceIndex();
    if (cudaError_t E = checkConfiguration(rt::deviceProp(Dev), gridDim, blockDim, sharedMem))
      return E;
    target::Queue *Q = nullptr;
    if (cudaError_t E = rt::resolveStream(stream, Dev, &Q))
      return E;
    rt::ResolvedKernel K;
    if (cudaError_t E = rt::resolveKernel(func, Dev, K))
      return E;
    target::LaunchConfig Config;
    Config.Grid[0] = gridDim.x;
    Config.Grid[1] = gridDim.y;
    Config.Grid[2] = gridDim.z;
    Config.Block[0] = blockDim.x;
    Config.Block[1] = blockDim.y;
    Config.Block[2] = blockDim.z;
    Config.SharedBytes = sharedMem;
    Config.Stream = Q;
    Config.Globals = K.Globals;
    rt::noteKernelLaunch(K.Info->Name.c_str());
    return rt::fromResult(rt::device(Dev).launch(*K.Module, *K.Info, Config, args),
                          "cudaLaunchKernel");
  });
}
