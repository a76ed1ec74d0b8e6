//===- Occupancy.cpp - the occupancy API group ----------------------------===//
//
// How many blocks of a kernel fit on one multiprocessor at once, from the
// device's limits in cudaDeviceProp and the kernel's in
// FunctionAttributes.cpp. With W = warpSize and T = blockSize rounded up to
// a multiple of W, the answer is the smallest of
//   maxBlocksPerMultiProcessor,
//   maxThreadsPerMultiProcessor / T,
//   sharedMemPerMultiprocessor / (static + dynamic shared bytes)  (if > 0),
//   regsPerMultiprocessor / (numRegs * T)                          (if > 0),
// and 0 when blockSize exceeds the kernel's maxThreadsPerBlock or the
// dynamic shared memory exceeds its maxDynamicSharedSizeBytes. This is
// CUDA's calculation without its allocation granularities, which the
// targets do not have. On the OpenCL target cudaDeviceProp reports one
// resident block per compute unit (Context.cpp), so the answer is 1 for
// every launchable configuration and 0 otherwise.
//
// The same number bounds cooperative launches (Launch.cpp): a grid is
// co-resident when it has at most blocksPerSM * multiProcessorCount blocks.
//
// cudaOccupancyMaxPotentialBlockSize and its variants are templates in
// cuda_runtime.h, built on the calls here. libcudart also exports them
// under those names, with C signatures (the VariableSMem forms take a
// `size_t (*)(int)`), for code that binds to them by name as to HIP's; they
// run the header's search.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

#include <algorithm>
#include <climits>

using namespace cuport;

namespace cuport {
namespace rt {

/// The blocks of \p HostFun with \p BlockSize threads and \p DynamicSMem
/// bytes of dynamic shared memory that one multiprocessor of \p Device holds.
cudaError_t activeBlocksPerMultiprocessor(const void *HostFun, int Device, int BlockSize,
                                          size_t DynamicSMem, int *Out) {
  if (BlockSize <= 0)
    return cudaErrorInvalidValue;
  KernelLimits K;
  if (cudaError_t E = kernelLimits(HostFun, Device, K))
    return E;
  *Out = 0;
  if (BlockSize > K.MaxThreadsPerBlock || DynamicSMem > K.MaxDynamicSharedBytes)
    return cudaSuccess;
  const cudaDeviceProp &P = deviceProp(Device);
  const int64_t Warp = std::max(P.warpSize, 1);
  const int64_t Threads = (BlockSize + Warp - 1) / Warp * Warp;
  int64_t Blocks = P.maxBlocksPerMultiProcessor;
  Blocks = std::min<int64_t>(Blocks, P.maxThreadsPerMultiProcessor / Threads);
  if (uint64_t Shared = uint64_t(K.StaticSharedBytes) + DynamicSMem)
    Blocks = std::min<int64_t>(Blocks, int64_t(P.sharedMemPerMultiprocessor / Shared));
  if (K.NumRegs > 0)
    Blocks = std::min<int64_t>(Blocks, P.regsPerMultiprocessor / (K.NumRegs * Threads));
  *Out = int(std::max<int64_t>(Blocks, 0));
  return cudaSuccess;
}

} // namespace rt
} // namespace cuport

namespace {

bool validFlags(unsigned Flags) {
  return (Flags & ~unsigned(cudaOccupancyDisableCachingOverride)) == 0;
}

cudaError_t maxActiveBlocks(int *NumBlocks, const void *Func, int BlockSize,
                            size_t DynamicSMem, unsigned Flags) {
  if (!NumBlocks || !validFlags(Flags))
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  return rt::activeBlocksPerMultiprocessor(Func, rt::currentDeviceIndex(), BlockSize,
                                           DynamicSMem, NumBlocks);
}

/// The search cuda_runtime.h's cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags
/// template does: every multiple of the warp size from the largest allowed
/// block down, keeping the size with the most resident threads (the larger
/// on ties), stopping once one fills a multiprocessor.
template <typename SMemFn>
cudaError_t maxPotentialBlockSize(int *MinGridSize, int *BlockSize, const void *Func,
                                  SMemFn &&DynamicSMemFor, int BlockSizeLimit,
                                  unsigned Flags) {
  if (!MinGridSize || !BlockSize || BlockSizeLimit < 0 || !validFlags(Flags))
    return cudaErrorInvalidValue;
  if (cudaError_t E = rt::enter())
    return E;
  int Dev = rt::currentDeviceIndex();
  rt::KernelLimits K;
  if (cudaError_t E = rt::kernelLimits(Func, Dev, K))
    return E;
  const cudaDeviceProp &P = rt::deviceProp(Dev);
  int Limit = BlockSizeLimit == 0 ? P.maxThreadsPerBlock : BlockSizeLimit;
  Limit = std::min({Limit, P.maxThreadsPerBlock, K.MaxThreadsPerBlock});
  const int Warp = std::max(P.warpSize, 1);
  int Best = 0, BestBlocks = 0, BestThreads = 0;
  for (int Aligned = (Limit + Warp - 1) / Warp * Warp; Aligned > 0; Aligned -= Warp) {
    int Try = std::min(Limit, Aligned);
    int Blocks = 0;
    if (cudaError_t E =
            rt::activeBlocksPerMultiprocessor(Func, Dev, Try, DynamicSMemFor(Try), &Blocks))
      return E;
    if (Try * Blocks > BestThreads) {
      Best = Try;
      BestBlocks = Blocks;
      BestThreads = Try * Blocks;
    }
    if (BestThreads == P.maxThreadsPerMultiProcessor)
      break;
  }
  *MinGridSize = BestBlocks * P.multiProcessorCount;
  *BlockSize = Best;
  return cudaSuccess;
}

} // namespace

CUPORT_EXPORT cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks,
                                                                        const void *func,
                                                                        int blockSize,
                                                                        size_t dynamicSMemSize) {
  return rt::apiBoundary(
      [&] { return maxActiveBlocks(numBlocks, func, blockSize, dynamicSMemSize, 0); });
}

CUPORT_EXPORT cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, const void *func, int blockSize, size_t dynamicSMemSize,
    unsigned int flags) {
  return rt::apiBoundary(
      [&] { return maxActiveBlocks(numBlocks, func, blockSize, dynamicSMemSize, flags); });
}

/// The most dynamic shared memory each of \p numBlocks blocks of
/// \p blockSize threads can have while all of them stay resident on one
/// multiprocessor; 0 when that many blocks never fit.
CUPORT_EXPORT cudaError_t cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize,
                                                                    const void *func,
                                                                    int numBlocks,
                                                                    int blockSize) {
  return rt::apiBoundary([&] {
    if (!dynamicSmemSize || numBlocks <= 0 || blockSize <= 0)
      return cudaErrorInvalidValue;
    if (cudaError_t E = rt::enter())
      return E;
    int Dev = rt::currentDeviceIndex();
    int Fit = 0;
    if (cudaError_t E = rt::activeBlocksPerMultiprocessor(func, Dev, blockSize, 0, &Fit))
      return E;
    *dynamicSmemSize = 0;
    if (Fit < numBlocks)
      return cudaSuccess;
    rt::KernelLimits K;
    if (cudaError_t E = rt::kernelLimits(func, Dev, K))
      return E;
    size_t PerBlock = rt::deviceProp(Dev).sharedMemPerMultiprocessor / size_t(numBlocks);
    if (PerBlock > K.StaticSharedBytes)
      *dynamicSmemSize = std::min(PerBlock - K.StaticSharedBytes, K.MaxDynamicSharedBytes);
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
    int *minGridSize, int *blockSize, const void *func, size_t (*blockSizeToDynamicSMemSize)(int),
    int blockSizeLimit, unsigned int flags) {
  return rt::apiBoundary([&] {
    if (!blockSizeToDynamicSMemSize)
      return cudaErrorInvalidValue;
    return maxPotentialBlockSize(minGridSize, blockSize, func, blockSizeToDynamicSMemSize,
                                 blockSizeLimit, flags);
  });
}

CUPORT_EXPORT cudaError_t cudaOccupancyMaxPotentialBlockSizeVariableSMem(
    int *minGridSize, int *blockSize, const void *func, size_t (*blockSizeToDynamicSMemSize)(int),
    int blockSizeLimit) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func, blockSizeToDynamicSMemSize, blockSizeLimit,
      cudaOccupancyDefault);
}

CUPORT_EXPORT cudaError_t cudaOccupancyMaxPotentialBlockSizeWithFlags(int *minGridSize,
                                                                     int *blockSize,
                                                                     const void *func,
                                                                     size_t dynamicSMemSize,
                                                                     int blockSizeLimit,
                                                                     unsigned int flags) {
  return rt::apiBoundary([&] {
    return maxPotentialBlockSize(
        minGridSize, blockSize, func, [&](int) { return dynamicSMemSize; }, blockSizeLimit,
        flags);
  });
}

CUPORT_EXPORT cudaError_t cudaOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize,
                                                            const void *func,
                                                            size_t dynamicSMemSize,
                                                            int blockSizeLimit) {
  return cudaOccupancyMaxPotentialBlockSizeWithFlags(minGridSize, blockSize, func,
                                                     dynamicSMemSize, blockSizeLimit,
                                                     cudaOccupancyDefault);
}
