// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: device 0: {{.+}}
// CHECK: PASSED
//
// Device and version queries: cudaGetDeviceCount, cudaGetDevice/SetDevice,
// cudaGetDeviceProperties (name, memory, limits, warpSize == 32),
// cudaDeviceGetAttribute agreeing with the properties, cudaMemGetInfo,
// driver and runtime versions of CUDA 12 or later, invalid device ordinals
// rejected with cudaErrorInvalidDevice, and a launch with the advertised
// maximum block size actually running every thread.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

static int Failures = 0;
#define EXPECT(cond)                                                          \
  do {                                                                        \
    if (!(cond)) {                                                            \
      printf("check failed: %s (line %d)\n", #cond, __LINE__);                \
      ++Failures;                                                             \
    }                                                                         \
  } while (0)

__global__ void countThreads(int *perThread) {
  perThread[threadIdx.x] = (int)threadIdx.x + 1;
}

int main() {
  int count = 0;
  CUDA_CHECK(cudaGetDeviceCount(&count));
  EXPECT(count >= 1);
  CUDA_CHECK(cudaSetDevice(0));
  int current = -1;
  CUDA_CHECK(cudaGetDevice(&current));
  EXPECT(current == 0);

  cudaDeviceProp prop;
  memset(&prop, 0, sizeof(prop));
  CUDA_CHECK(cudaGetDeviceProperties(&prop, 0));
  printf("device 0: %s\n", prop.name);
  printf("  totalGlobalMem %zu, sharedMemPerBlock %zu, maxThreadsPerBlock %d, warpSize %d\n",
         prop.totalGlobalMem, prop.sharedMemPerBlock, prop.maxThreadsPerBlock, prop.warpSize);
  printf("  multiProcessorCount %d, compute capability %d.%d\n", prop.multiProcessorCount,
         prop.major, prop.minor);
  EXPECT(prop.name[0] != '\0');
  EXPECT(strnlen(prop.name, sizeof(prop.name)) < sizeof(prop.name));
  EXPECT(prop.totalGlobalMem > 0);
  EXPECT(prop.sharedMemPerBlock > 0);
  EXPECT(prop.maxThreadsPerBlock > 0);
  EXPECT(prop.warpSize == 32);
  EXPECT(prop.multiProcessorCount > 0);
  EXPECT(prop.major > 0);
  EXPECT(prop.maxThreadsDim[0] > 0 && prop.maxThreadsDim[1] > 0 && prop.maxThreadsDim[2] > 0);
  EXPECT(prop.maxThreadsDim[0] <= prop.maxThreadsPerBlock);
  EXPECT(prop.maxGridSize[0] > 65535);
  EXPECT(prop.maxGridSize[1] > 0 && prop.maxGridSize[2] > 0);

  int attr = 0;
  CUDA_CHECK(cudaDeviceGetAttribute(&attr, cudaDevAttrWarpSize, 0));
  EXPECT(attr == 32);
  CUDA_CHECK(cudaDeviceGetAttribute(&attr, cudaDevAttrMaxThreadsPerBlock, 0));
  EXPECT(attr == prop.maxThreadsPerBlock);
  CUDA_CHECK(cudaDeviceGetAttribute(&attr, cudaDevAttrMultiProcessorCount, 0));
  EXPECT(attr == prop.multiProcessorCount);
  CUDA_CHECK(cudaDeviceGetAttribute(&attr, cudaDevAttrMaxGridDimX, 0));
  EXPECT(attr == prop.maxGridSize[0]);
  CUDA_CHECK(cudaDeviceGetAttribute(&attr, cudaDevAttrComputeCapabilityMajor, 0));
  EXPECT(attr == prop.major);

  size_t freeMem = 0, totalMem = 0;
  CUDA_CHECK(cudaMemGetInfo(&freeMem, &totalMem));
  EXPECT(totalMem > 0);
  EXPECT(freeMem <= totalMem);

  int driverVersion = 0, runtimeVersion = 0;
  CUDA_CHECK(cudaDriverGetVersion(&driverVersion));
  CUDA_CHECK(cudaRuntimeGetVersion(&runtimeVersion));
  printf("  driver version %d, runtime version %d\n", driverVersion, runtimeVersion);
  EXPECT(driverVersion >= 12000);
  EXPECT(runtimeVersion >= 12000);
  EXPECT(CUDART_VERSION >= 12000);

  // Invalid ordinals.
  EXPECT(cudaGetDeviceProperties(&prop, count) == cudaErrorInvalidDevice);
  EXPECT(cudaGetLastError() == cudaErrorInvalidDevice);
  EXPECT(cudaSetDevice(count) == cudaErrorInvalidDevice);
  EXPECT(cudaGetLastError() == cudaErrorInvalidDevice);
  EXPECT(cudaDeviceGetAttribute(&attr, cudaDevAttrWarpSize, -1) == cudaErrorInvalidDevice);
  EXPECT(cudaGetLastError() == cudaErrorInvalidDevice);
  CUDA_CHECK(cudaGetDevice(&current));
  EXPECT(current == 0);

  // The advertised block size limit is usable (CUDA allows at most 1024).
  int threads = prop.maxThreadsPerBlock < 1024 ? prop.maxThreadsPerBlock : 1024;
  int *dPerThread, perThread[1024];
  CUDA_CHECK(cudaMalloc(&dPerThread, sizeof(perThread)));
  CUDA_CHECK(cudaMemset(dPerThread, 0, sizeof(perThread)));
  countThreads<<<1, threads>>>(dPerThread);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(perThread, dPerThread, sizeof(perThread), cudaMemcpyDeviceToHost));
  for (int t = 0; t < 1024; ++t)
    if (perThread[t] != (t < threads ? t + 1 : 0)) {
      printf("mismatch: thread %d of a %d-thread block wrote %d\n", t, threads, perThread[t]);
      ++Failures;
      break;
    }
  CUDA_CHECK(cudaFree(dPerThread));

  if (Failures) {
    printf("FAILED: %d checks\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
