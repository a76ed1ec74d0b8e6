/*===- cuda_runtime.h - The CUDA runtime header programs include ----------===*
 *
 * The header nvcc includes into every .cu file and that programs include by
 * name. It brings in the C runtime API (cuda_runtime_api.h), the vector types
 * and their make_* functions, the device built-ins (threadIdx, __syncthreads,
 * ...) in CUDA mode, and the C++ overloads CUDA offers on top of the C API:
 * templates that accept typed pointers, kernel function pointers and
 * __device__ symbols directly.
 *
 * The templates are header-only and forward to the C entry points, so nothing
 * here adds a symbol to libcudart's ABI.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_CUDA_RUNTIME_H
#define CUPORT_CUDA_RUNTIME_H

#include "host_defines.h"

/* CUDA's header makes malloc/free visible, and Clang's CUDA wrapper for <new>
 * (on the include path when the Clang driver runs the host pass) relies on
 * them being declared before it. */
#include <stdlib.h>

#include "builtin_types.h"
#include "cuda_runtime_api.h"
#include "driver_functions.h"
#include "vector_functions.h"

#if defined(__CUPORT_CUDA_MODE__)
#include "cuport/device_builtins.h"
#include "cuport/device_atomics.h"
#include "cuport/device_warp.h"
#include "cuport/device_printf.h"
/* The device library (math functions, atomics, warp operations) is built
 * separately; pick it up when it is installed next to these headers. */
#if __has_include("cuport/device_library.h")
#include "cuport/device_library.h"
#endif
#endif

#if defined(__cplusplus)

/* Clang lowers `kernel<<<grid, block, shmem, stream>>>(args)` to a call of
 * this function; it must be declared for the launch syntax to compile. The
 * runtime implements it (the same ABI nvcc-built objects use). */
extern "C" unsigned CUDARTAPI __cudaPushCallConfiguration(dim3 gridDim,
                                                          dim3 blockDim,
                                                          size_t sharedMem = 0,
                                                          void *stream = 0);

/*===------------------- Overloads of C entry points ----------------------===*/

static __inline__ __host__ cudaError_t cudaEventCreate(cudaEvent_t *event,
                                                       unsigned int flags) {
  return ::cudaEventCreateWithFlags(event, flags);
}

static __inline__ __host__ cudaError_t cudaMallocHost(void **ptr, size_t size,
                                                      unsigned int flags) {
  return ::cudaHostAlloc(ptr, size, flags);
}

static __inline__ __host__ cudaError_t cudaMallocAsync(void **ptr, size_t size,
                                                       cudaMemPool_t memPool,
                                                       cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync(ptr, size, memPool, stream);
}

/*===------------------- Typed allocation --------------------------------===*/

template <class T>
static __inline__ __host__ cudaError_t cudaMalloc(T **devPtr, size_t size) {
  return ::cudaMalloc((void **)(void *)devPtr, size);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocHost(T **ptr, size_t size,
                                                      unsigned int flags = 0) {
  return ::cudaMallocHost((void **)(void *)ptr, size, flags);
}

template <class T>
static __inline__ __host__ cudaError_t cudaHostAlloc(T **ptr, size_t size,
                                                     unsigned int flags) {
  return ::cudaHostAlloc((void **)(void *)ptr, size, flags);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaHostGetDevicePointer(T **pDevice, void *pHost, unsigned int flags) {
  return ::cudaHostGetDevicePointer((void **)(void *)pDevice, pHost, flags);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaMallocManaged(T **devPtr, size_t size,
                  unsigned int flags = cudaMemAttachGlobal) {
  return ::cudaMallocManaged((void **)(void *)devPtr, size, flags);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaStreamAttachMemAsync(cudaStream_t stream, T *devPtr, size_t length = 0,
                         unsigned int flags = cudaMemAttachSingle) {
  return ::cudaStreamAttachMemAsync(stream, (void *)devPtr, length, flags);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocPitch(T **devPtr,
                                                       size_t *pitch,
                                                       size_t width,
                                                       size_t height) {
  return ::cudaMallocPitch((void **)(void *)devPtr, pitch, width, height);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocAsync(T **ptr, size_t size,
                                                       cudaMemPool_t memPool,
                                                       cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync((void **)(void *)ptr, size, memPool, stream);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMallocAsync(T **ptr, size_t size,
                                                       cudaStream_t stream) {
  return ::cudaMallocAsync((void **)(void *)ptr, size, stream);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaMallocFromPoolAsync(T **ptr, size_t size, cudaMemPool_t memPool,
                        cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync((void **)(void *)ptr, size, memPool, stream);
}

/*===------------------- __device__ / __constant__ symbols ----------------===*/

/* A symbol is passed by reference; its host address (the shadow the host
 * compile registers with __cudaRegisterVar) is what the runtime looks up. */

template <class T>
static __inline__ __host__ cudaError_t
cudaMemcpyToSymbol(const T &symbol, const void *src, size_t count,
                   size_t offset = 0,
                   enum cudaMemcpyKind kind = cudaMemcpyHostToDevice) {
  return ::cudaMemcpyToSymbol((const void *)&symbol, src, count, offset, kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMemcpyToSymbolAsync(
    const T &symbol, const void *src, size_t count, size_t offset = 0,
    enum cudaMemcpyKind kind = cudaMemcpyHostToDevice,
    cudaStream_t stream = 0) {
  return ::cudaMemcpyToSymbolAsync((const void *)&symbol, src, count, offset,
                                   kind, stream);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaMemcpyFromSymbol(void *dst, const T &symbol, size_t count,
                     size_t offset = 0,
                     enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost) {
  return ::cudaMemcpyFromSymbol(dst, (const void *)&symbol, count, offset,
                                kind);
}

template <class T>
static __inline__ __host__ cudaError_t cudaMemcpyFromSymbolAsync(
    void *dst, const T &symbol, size_t count, size_t offset = 0,
    enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost,
    cudaStream_t stream = 0) {
  return ::cudaMemcpyFromSymbolAsync(dst, (const void *)&symbol, count, offset,
                                     kind, stream);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGetSymbolAddress(void **devPtr,
                                                            const T &symbol) {
  return ::cudaGetSymbolAddress(devPtr, (const void *)&symbol);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGetSymbolSize(size_t *size,
                                                         const T &symbol) {
  return ::cudaGetSymbolSize(size, (const void *)&symbol);
}

/*===------------------- Kernels ------------------------------------------===*/

/* A kernel is identified by its host-side address (the stub the host compile
 * registers with __cudaRegisterFunction). */

/* CUDA spells the parameter `const T *func`; Clang cannot deduce that from
 * a pointer to function (const does not apply to function types), so the
 * kernel templates take `T *`, which accepts the same arguments. */
template <class T>
static __inline__ __host__ cudaError_t
cudaLaunchKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                 size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchKernel((const void *)func, gridDim, blockDim, args,
                            sharedMem, stream);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaLaunchCooperativeKernel(T *func, dim3 gridDim, dim3 blockDim,
                            void **args, size_t sharedMem = 0,
                            cudaStream_t stream = 0) {
  return ::cudaLaunchCooperativeKernel((const void *)func, gridDim, blockDim,
                                       args, sharedMem, stream);
}

namespace __cuport {
/* Converts each actual argument to the kernel's declared parameter type and
 * launches with pointers to the converted copies, which live until the call
 * returns (the runtime copies argument values at launch). */
template <typename... ParamTypes> struct KernelExLauncher {
  static __host__ cudaError_t launch(const cudaLaunchConfig_t *Config,
                                     const void *Kernel, ParamTypes... Args) {
    void *ArgPtrs[sizeof...(ParamTypes) + 1] = {((void *)&Args)..., nullptr};
    return ::cudaLaunchKernelExC(Config, Kernel, ArgPtrs);
  }
};

/* Maps a kernel's function type to the launcher for its parameter list. In
 * the device pass a __global__ function's type carries the OpenCL kernel
 * calling convention, which no pattern can spell, so only the primary
 * template matches there; host functions are never emitted in that pass, so
 * it merely has to be well-formed. */
template <typename> struct DependentFalse {
  static constexpr bool value = false;
};

template <typename KernelT> struct KernelExTraits {
#if !defined(__CUDA_ARCH__)
  static_assert(DependentFalse<KernelT>::value,
                "cudaLaunchKernelEx needs a pointer to a __global__ function");
#endif
  template <typename... ActTypes>
  static __host__ cudaError_t launch(const cudaLaunchConfig_t *, const void *,
                                     ActTypes &&...) {
    return cudaErrorInvalidDeviceFunction;
  }
};
template <typename... ParamTypes>
struct KernelExTraits<void(ParamTypes...)> : KernelExLauncher<ParamTypes...> {};
#if defined(__cpp_noexcept_function_type)
template <typename... ParamTypes>
struct KernelExTraits<void(ParamTypes...) noexcept>
    : KernelExLauncher<ParamTypes...> {};
#endif
} // namespace __cuport

template <typename KernelT, typename... ActTypes>
static __inline__ __host__ cudaError_t
cudaLaunchKernelEx(const cudaLaunchConfig_t *config, KernelT *kernel,
                   ActTypes &&...args) {
  return __cuport::KernelExTraits<KernelT>::launch(
      config, (const void *)kernel, static_cast<ActTypes &&>(args)...);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaFuncSetCacheConfig(T *func, enum cudaFuncCache cacheConfig) {
  return ::cudaFuncSetCacheConfig((const void *)func, cacheConfig);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaFuncGetAttributes(struct cudaFuncAttributes *attr, T *entry) {
  return ::cudaFuncGetAttributes(attr, (const void *)entry);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaFuncSetAttribute(T *entry, enum cudaFuncAttribute attr, int value) {
  return ::cudaFuncSetAttribute((const void *)entry, attr, value);
}

template <class T>
static __inline__ __host__ cudaError_t cudaFuncGetName(const char **name,
                                                       T *func) {
  return ::cudaFuncGetName(name, (const void *)func);
}

template <class T>
static __inline__ __host__ cudaError_t cudaGetKernel(cudaKernel_t *kernelPtr,
                                                     T *entryFuncAddr) {
  return ::cudaGetKernel(kernelPtr, (const void *)entryFuncAddr);
}

/*===------------------- Occupancy ----------------------------------------===*/

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, T func,
                                              int blockSize,
                                              size_t dynamicSMemSize) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, (const void *)func, blockSize, dynamicSMemSize,
      cudaOccupancyDefault);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(int *numBlocks, T func,
                                                       int blockSize,
                                                       size_t dynamicSMemSize,
                                                       unsigned int flags) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, (const void *)func, blockSize, dynamicSMemSize, flags);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize, T *func,
                                          int numBlocks, int blockSize) {
  return ::cudaOccupancyAvailableDynamicSMemPerBlock(
      dynamicSmemSize, (const void *)func, numBlocks, blockSize);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialClusterSize(int *clusterSize, T *func,
                                     const cudaLaunchConfig_t *config) {
  return ::cudaOccupancyMaxPotentialClusterSize(clusterSize,
                                                (const void *)func, config);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxActiveClusters(int *numClusters, T *func,
                               const cudaLaunchConfig_t *config) {
  return ::cudaOccupancyMaxActiveClusters(numClusters, (const void *)func,
                                          config);
}

namespace __cuport {
/* The block-size-to-dynamic-shared-memory mapping for callers that use the
 * same amount of dynamic shared memory at every block size. */
class ConstantDynamicSMem {
public:
  __host__ explicit ConstantDynamicSMem(size_t Bytes) : Bytes(Bytes) {}
  __host__ size_t operator()(int) const { return Bytes; }

private:
  size_t Bytes;
};
} // namespace __cuport

/* The block size that maximises occupancy, and the smallest grid that fills
 * the device at that size. Tries every multiple of the warp size from the
 * largest allowed block downwards, asks the runtime how many such blocks fit
 * on one multiprocessor, keeps the size with the most resident threads
 * (the largest one on ties) and stops early once a size reaches the
 * multiprocessor's thread limit. */
template <typename UnaryFunction, class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
    int *minGridSize, int *blockSize, T func,
    UnaryFunction blockSizeToDynamicSMemSize, int blockSizeLimit = 0,
    unsigned int flags = 0) {
  if (!minGridSize || !blockSize || !func)
    return cudaErrorInvalidValue;

  int Device;
  cudaError_t Status = ::cudaGetDevice(&Device);
  if (Status != cudaSuccess)
    return Status;

  int MaxThreadsPerSM, WarpSize, DevMaxThreadsPerBlock, NumSMs;
  if ((Status = ::cudaDeviceGetAttribute(
           &MaxThreadsPerSM, cudaDevAttrMaxThreadsPerMultiProcessor, Device)) !=
          cudaSuccess ||
      (Status = ::cudaDeviceGetAttribute(&WarpSize, cudaDevAttrWarpSize,
                                         Device)) != cudaSuccess ||
      (Status = ::cudaDeviceGetAttribute(&DevMaxThreadsPerBlock,
                                         cudaDevAttrMaxThreadsPerBlock,
                                         Device)) != cudaSuccess ||
      (Status = ::cudaDeviceGetAttribute(
           &NumSMs, cudaDevAttrMultiProcessorCount, Device)) != cudaSuccess)
    return Status;

  struct cudaFuncAttributes Attr;
  Status = ::cudaFuncGetAttributes(&Attr, (const void *)func);
  if (Status != cudaSuccess)
    return Status;

  int Limit = blockSizeLimit == 0 ? DevMaxThreadsPerBlock : blockSizeLimit;
  if (DevMaxThreadsPerBlock < Limit)
    Limit = DevMaxThreadsPerBlock;
  if (Attr.maxThreadsPerBlock < Limit)
    Limit = Attr.maxThreadsPerBlock;

  const int Granularity = WarpSize;
  const int LimitAligned =
      ((Limit + (Granularity - 1)) / Granularity) * Granularity;

  int BestBlockSize = 0, BestBlocksPerSM = 0, BestOccupancy = 0;
  for (int Aligned = LimitAligned; Aligned > 0; Aligned -= Granularity) {
    // The first candidate may exceed the limit after rounding up.
    const int TryBlockSize = Limit < Aligned ? Limit : Aligned;
    const size_t DynamicSMem = blockSizeToDynamicSMemSize(TryBlockSize);

    int BlocksPerSM = 0;
    Status = ::cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
        &BlocksPerSM, (const void *)func, TryBlockSize, DynamicSMem, flags);
    if (Status != cudaSuccess)
      return Status;

    const int Occupancy = TryBlockSize * BlocksPerSM;
    if (Occupancy > BestOccupancy) {
      BestBlockSize = TryBlockSize;
      BestBlocksPerSM = BlocksPerSM;
      BestOccupancy = Occupancy;
    }
    if (BestOccupancy == MaxThreadsPerSM)
      break;
  }

  *minGridSize = BestBlocksPerSM * NumSMs;
  *blockSize = BestBlockSize;
  return Status;
}

template <typename UnaryFunction, class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialBlockSizeVariableSMem(
    int *minGridSize, int *blockSize, T func,
    UnaryFunction blockSizeToDynamicSMemSize, int blockSizeLimit = 0) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func, blockSizeToDynamicSMemSize, blockSizeLimit,
      cudaOccupancyDefault);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize, T func,
                                   size_t dynamicSMemSize = 0,
                                   int blockSizeLimit = 0) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func,
      __cuport::ConstantDynamicSMem(dynamicSMemSize), blockSizeLimit,
      cudaOccupancyDefault);
}

template <class T>
static __inline__ __host__ cudaError_t
cudaOccupancyMaxPotentialBlockSizeWithFlags(
    int *minGridSize, int *blockSize, T func, size_t dynamicSMemSize = 0,
    int blockSizeLimit = 0, unsigned int flags = 0) {
  return cudaOccupancyMaxPotentialBlockSizeVariableSMemWithFlags(
      minGridSize, blockSize, func,
      __cuport::ConstantDynamicSMem(dynamicSMemSize), blockSizeLimit, flags);
}

#endif /* __cplusplus */

#endif /* CUPORT_CUDA_RUNTIME_H */
