// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=DIAG --allow-empty %s < %t.err
// Runtime API: devices, streams, events, errors, versions, occupancy.
// DIAG-NOT: fallback
// DIAG-NOT: warning

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>
#include <cstdio>

__global__ void kernel(int *p) { p[threadIdx.x] = 1; }

static int devices() {
  int count = 0, dev = 0, value = 0, driver = 0, runtime = 0;
  cudaGetDeviceCount(&count);
  // CHECK: hipGetDeviceCount(&count);
  cudaGetDevice(&dev);
  // CHECK: hipGetDevice(&dev);
  cudaSetDevice(dev);
  // CHECK: hipSetDevice(dev);
  cudaDeviceProp prop;
  // CHECK: hipDeviceProp_t prop;
  cudaGetDeviceProperties(&prop, dev);
  // CHECK: hipGetDeviceProperties(&prop, dev);
  struct cudaDeviceProp prop2 = prop;
  // CHECK: struct hipDeviceProp_t prop2 = prop;
  cudaDeviceGetAttribute(&value, cudaDevAttrMaxThreadsPerBlock, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeMaxThreadsPerBlock, dev);
  cudaDeviceGetAttribute(&value, cudaDevAttrMultiProcessorCount, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeMultiprocessorCount, dev);
  cudaDeviceGetAttribute(&value, cudaDevAttrWarpSize, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeWarpSize, dev);
  cudaDeviceGetAttribute(&value, cudaDevAttrComputeCapabilityMajor, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeComputeCapabilityMajor, dev);
  cudaDeviceGetAttribute(&value, cudaDevAttrMaxSharedMemoryPerBlock, dev);
  // CHECK: hipDeviceGetAttribute(&value, hipDeviceAttributeMaxSharedMemoryPerBlock, dev);
  cudaDeviceAttr attr = cudaDevAttrMaxGridDimX;
  // CHECK: hipDeviceAttribute_t attr = hipDeviceAttributeMaxGridDimX;
  cudaDeviceGetAttribute(&value, attr, dev);
  // CHECK: hipDeviceGetAttribute(&value, attr, dev);
  cudaDriverGetVersion(&driver);
  // CHECK: hipDriverGetVersion(&driver);
  cudaRuntimeGetVersion(&runtime);
  // CHECK: hipRuntimeGetVersion(&runtime);
  cudaDeviceSetCacheConfig(cudaFuncCachePreferShared);
  // CHECK: hipDeviceSetCacheConfig(hipFuncCachePreferShared);
  cudaDeviceSetLimit(cudaLimitMallocHeapSize, 1 << 20);
  // CHECK: hipDeviceSetLimit(hipLimitMallocHeapSize, 1 << 20);
  // DIAG: :[[@LINE-2]]:3: warning: 'hipDeviceSetLimit' needs ROCm 5.3 or later (ROCm 5.2 lacks it)
  cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync);
  // CHECK: hipSetDeviceFlags(hipDeviceScheduleBlockingSync);
  cudaDeviceSynchronize();
  // CHECK: hipDeviceSynchronize();
  cudaDeviceReset();
  // CHECK: hipDeviceReset();
  return prop2.multiProcessorCount + count;
}

static void streams(int *d) {
  cudaStream_t s1, s2;
  // CHECK: hipStream_t s1, s2;
  cudaStreamCreate(&s1);
  // CHECK: hipStreamCreate(&s1);
  cudaStreamCreateWithFlags(&s2, cudaStreamNonBlocking);
  // CHECK: hipStreamCreateWithFlags(&s2, hipStreamNonBlocking);
  cudaStreamCreateWithFlags(&s2, cudaStreamDefault);
  // CHECK: hipStreamCreateWithFlags(&s2, hipStreamDefault);
  cudaStreamCreateWithPriority(&s2, cudaStreamNonBlocking, 0);
  // CHECK: hipStreamCreateWithPriority(&s2, hipStreamNonBlocking, 0);
  kernel<<<1, 32, 0, s1>>>(d);
  cudaStreamSynchronize(s1);
  // CHECK: hipStreamSynchronize(s1);
  cudaStreamQuery(s2);
  // CHECK: hipStreamQuery(s2);
  cudaStreamDestroy(s1);
  // CHECK: hipStreamDestroy(s1);
  cudaStreamDestroy(s2);
  // CHECK: hipStreamDestroy(s2);
}

static float events() {
  cudaEvent_t start, stop;
  // CHECK: hipEvent_t start, stop;
  float ms = 0;
  cudaEventCreate(&start);
  // CHECK: hipEventCreate(&start);
  cudaEventCreateWithFlags(&stop, cudaEventDisableTiming);
  // CHECK: hipEventCreateWithFlags(&stop, hipEventDisableTiming);
  cudaEventCreateWithFlags(&stop, cudaEventBlockingSync | cudaEventDefault);
  // CHECK: hipEventCreateWithFlags(&stop, hipEventBlockingSync | hipEventDefault);
  cudaEventRecord(start, 0);
  // CHECK: hipEventRecord(start, 0);
  cudaEventRecord(stop);
  // CHECK: hipEventRecord(stop);
  cudaEventSynchronize(stop);
  // CHECK: hipEventSynchronize(stop);
  cudaEventQuery(stop);
  // CHECK: hipEventQuery(stop);
  cudaEventElapsedTime(&ms, start, stop);
  // CHECK: hipEventElapsedTime(&ms, start, stop);
  cudaStreamWaitEvent(0, stop, 0);
  // CHECK: hipStreamWaitEvent(0, stop, 0);
  cudaEventDestroy(start);
  // CHECK: hipEventDestroy(start);
  cudaEventDestroy(stop);
  // CHECK: hipEventDestroy(stop);
  return ms;
}

static void errors() {
  cudaError_t err = cudaGetLastError();
  // CHECK: hipError_t err = hipGetLastError();
  if (err != cudaSuccess)
  // CHECK: if (err != hipSuccess)
    printf("%s: %s\n", cudaGetErrorName(err), cudaGetErrorString(err));
    // CHECK: printf("%s: %s\n", hipGetErrorName(err), hipGetErrorString(err));
  err = cudaPeekAtLastError();
  // CHECK: err = hipPeekAtLastError();
  if (err == cudaErrorInvalidValue || err == cudaErrorMemoryAllocation)
  // CHECK: if (err == hipErrorInvalidValue || err == hipErrorOutOfMemory)
    printf("bad\n");
  if (err == cudaErrorInvalidDevice || err == cudaErrorNotReady)
  // CHECK: if (err == hipErrorInvalidDevice || err == hipErrorNotReady)
    printf("device\n");
  if (err == cudaErrorInitializationError || err == cudaErrorInvalidResourceHandle)
  // CHECK: if (err == hipErrorNotInitialized || err == hipErrorInvalidHandle)
    printf("init\n");
  cudaError e2 = cudaErrorLaunchFailure;
  // CHECK: hipError_t e2 = hipErrorLaunchFailure;
  (void)e2;
}

static void occupancy() {
  int blocks = 0;
  cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernel, 128, 0);
  // CHECK: hipOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, kernel, 128, 0);
  cudaFuncAttributes fa;
  // CHECK: hipFuncAttributes fa;
  cudaFuncGetAttributes(&fa, kernel);
  // CHECK: hipFuncGetAttributes(&fa, reinterpret_cast<const void *>(kernel));
  cudaFuncSetCacheConfig(kernel, cudaFuncCachePreferL1);
  // CHECK: hipFuncSetCacheConfig(reinterpret_cast<const void *>(kernel), hipFuncCachePreferL1);
}

int main() {
  int *d = nullptr;
  devices();
  streams(d);
  events();
  errors();
  occupancy();
  return 0;
}
// DIAG-NOT: warning
