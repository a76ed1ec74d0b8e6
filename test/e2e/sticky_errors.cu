// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: before: cudaErrorInvalidConfiguration then cudaSuccess
// CHECK: sticky: cudaErrorAssert
// CHECK: PASSED
//
// CUDA's sticky versus non-sticky errors across the API groups. A failed
// launch configuration is reported once and cleared by cudaGetLastError. A
// failed device assert() corrupts the context: from then on every call that
// uses the device returns cudaErrorAssert (cudaGetLastError and
// cudaPeekAtLastError included, and they do not clear it), while
// cudaGetErrorName/String still answer. cudaDeviceReset clears it and every
// group works again.
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>
#include <string>

__global__ void checkPositive(const int *v) { assert(v[threadIdx.x] > 0); }
__global__ void fill(int *v, int x) { v[threadIdx.x] = x; }

__device__ int symbol[4];

static int Failures = 0;
#define EXPECT_STICKY(call)                                                   \
  do {                                                                        \
    cudaError_t e_ = (call);                                                  \
    if (e_ != cudaErrorAssert) {                                              \
      printf("FAILED: %s returned %s, not cudaErrorAssert\n", #call,          \
             cudaGetErrorName(e_));                                           \
      ++Failures;                                                             \
    }                                                                         \
  } while (0)
#define EXPECT_OK(call)                                                       \
  do {                                                                        \
    cudaError_t e_ = (call);                                                  \
    if (e_ != cudaSuccess) {                                                  \
      printf("FAILED: %s returned %s\n", #call, cudaGetErrorName(e_));        \
      ++Failures;                                                             \
    }                                                                         \
  } while (0)

int main() {
  int *d = nullptr;
  EXPECT_OK(cudaMalloc(&d, 4 * sizeof(int)));
  fill<<<1, 2048>>>(d, 1); // too many threads: not sticky
  cudaError_t first = cudaGetLastError();
  printf("before: %s then %s\n", cudaGetErrorName(first), cudaGetErrorName(cudaGetLastError()));
  fill<<<1, 4>>>(d, 1);
  EXPECT_OK(cudaDeviceSynchronize());

  // Make the context sticky: thread 2 sees 0.
  fill<<<1, 4>>>(d, 3);
  int zero = 0;
  EXPECT_OK(cudaMemcpy(d + 2, &zero, sizeof(int), cudaMemcpyHostToDevice));
  checkPositive<<<1, 4>>>(d);
  cudaError_t e = cudaDeviceSynchronize();
  printf("sticky: %s\n", cudaGetErrorName(e));
  if (e != cudaErrorAssert)
    ++Failures;

  // Error state: not cleared by reading it.
  EXPECT_STICKY(cudaGetLastError());
  EXPECT_STICKY(cudaGetLastError());
  EXPECT_STICKY(cudaPeekAtLastError());
  // Device, streams, events.
  EXPECT_STICKY(cudaDeviceSynchronize());
  cudaStream_t s;
  EXPECT_STICKY(cudaStreamCreate(&s));
  EXPECT_STICKY(cudaStreamSynchronize(0));
  cudaEvent_t ev;
  EXPECT_STICKY(cudaEventCreate(&ev));
  // Memory and symbols.
  int *p = nullptr;
  EXPECT_STICKY(cudaMalloc(&p, 16));
  int h[4];
  EXPECT_STICKY(cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost));
  EXPECT_STICKY(cudaMemset(d, 0, 16));
  EXPECT_STICKY(cudaMemcpyToSymbol(symbol, h, sizeof(h)));
  EXPECT_STICKY(cudaFree(d));
  // Launches and execution control.
  fill<<<1, 4>>>(d, 1);
  EXPECT_STICKY(cudaGetLastError());
  void *args[] = {&d, &zero};
  EXPECT_STICKY(cudaLaunchKernel((const void *)fill, 1, 4, args, 0, 0));
  EXPECT_STICKY(cudaLaunchCooperativeKernel((const void *)fill, 1, 4, args, 0, 0));
  cudaLaunchConfig_t cfg = {};
  cfg.gridDim = cfg.blockDim = dim3(1);
  EXPECT_STICKY(cudaLaunchKernelExC(&cfg, (const void *)fill, args));
  cudaFuncAttributes fa;
  EXPECT_STICKY(cudaFuncGetAttributes(&fa, fill));
  EXPECT_STICKY(cudaFuncSetAttribute(fill, cudaFuncAttributeMaxDynamicSharedMemorySize, 0));
  EXPECT_STICKY(cudaFuncSetCacheConfig(fill, cudaFuncCachePreferL1));
  int blocks;
  EXPECT_STICKY(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, fill, 32, 0));
  int minGrid, block;
  EXPECT_STICKY(cudaOccupancyMaxPotentialBlockSize(&minGrid, &block, fill));
  size_t avail;
  EXPECT_STICKY(cudaOccupancyAvailableDynamicSMemPerBlock(&avail, fill, 1, 32));
  // Limits and device settings.
  size_t lim;
  EXPECT_STICKY(cudaDeviceGetLimit(&lim, cudaLimitStackSize));
  EXPECT_STICKY(cudaDeviceSetLimit(cudaLimitStackSize, 2048));
  EXPECT_STICKY(cudaSetDeviceFlags(cudaDeviceScheduleAuto));
  unsigned flags;
  EXPECT_STICKY(cudaGetDeviceFlags(&flags));
  // Names and strings still answer.
  if (std::string(cudaGetErrorName(cudaErrorAssert)) != "cudaErrorAssert")
    ++Failures;

  // Reset: everything works again. (The thread's last error is not device
  // state; read it once so that the checks below start clean.)
  EXPECT_OK(cudaDeviceReset());
  cudaGetLastError();
  EXPECT_OK(cudaPeekAtLastError());
  EXPECT_OK(cudaMalloc(&d, 4 * sizeof(int)));
  fill<<<1, 4>>>(d, 9);
  EXPECT_OK(cudaGetLastError());
  EXPECT_OK(cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost));
  for (int i = 0; i < 4; ++i)
    if (h[i] != 9)
      ++Failures;
  EXPECT_OK(cudaFuncGetAttributes(&fa, fill));
  EXPECT_OK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, fill, 32, 0));
  EXPECT_OK(cudaDeviceGetLimit(&lim, cudaLimitStackSize));
  EXPECT_OK(cudaStreamCreate(&s));
  EXPECT_OK(cudaStreamDestroy(s));
  EXPECT_OK(cudaFree(d));
  if (Failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
