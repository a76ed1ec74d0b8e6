// The lexer pass: names inside the user's #define bodies and inside #if
// branches the preprocessor skipped (device-only code under __CUDA_ARCH__ on
// the host pass, other platforms) are renamed like active code.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>
#include <cstdio>

#define CUDA_CHECK(call)                                                        \
  do {                                                                          \
    cudaError_t err_ = (call);                                                  \
    if (err_ != cudaSuccess) {                                                  \
      fprintf(stderr, "%s\n", cudaGetErrorString(err_));                       \
    }                                                                           \
  } while (0)
// CHECK: hipError_t err_ = (call);{{ +\\}}
// CHECK: if (err_ != hipSuccess) {{[{] +\\}}
// CHECK: fprintf(stderr, "%s\n", hipGetErrorString(err_));{{ +\\}}
#define ALLOC(p, n) cudaMalloc((void **)&(p), (n))
// CHECK: #define ALLOC(p, n) hipMalloc((void **)&(p), (n))
#define COPY_IN(d, h, n) cudaMemcpy(d, h, n, cudaMemcpyHostToDevice)
// CHECK: #define COPY_IN(d, h, n) hipMemcpy(d, h, n, hipMemcpyHostToDevice)
#define MY_STREAM_FLAGS cudaStreamNonBlocking
// CHECK: #define MY_STREAM_FLAGS hipStreamNonBlocking
#define WARP_SUM(v) __shfl_down_sync(0xffffffff, v, 1)
// CHECK: #define WARP_SUM(v) __shfl_down(v, 1)
// WARN: :[[@LINE-2]]:21: warning: '__shfl_down_sync' without a width shuffles across warpSize lanes, which is 64 on AMD wavefronts; pass 32 to keep CUDA's 32-lane segments
#define LOCAL_WARP 32

#if defined(USE_UNIFIED)
#define ALLOC_ANY(p, n) cudaMallocManaged(&(p), (n))
// CHECK: #define ALLOC_ANY(p, n) hipMallocManaged(&(p), (n))
#else
#define ALLOC_ANY(p, n) cudaMalloc(&(p), (n))
// CHECK: #define ALLOC_ANY(p, n) hipMalloc(&(p), (n))
#endif

__global__ void kernel(float *p) {
#ifdef __CUDA_ARCH__
  float v = p[threadIdx.x];
  p[threadIdx.x] = v + __shfl_xor_sync(0xffffffff, v, 1, 32);
  // CHECK: p[threadIdx.x] = v + __shfl_xor(v, 1, 32);
#endif
  p[threadIdx.x] += WARP_SUM(p[threadIdx.x]);
}

int main() {
  float *d = nullptr, h[4] = {};
  cudaStream_t s;
  // CHECK: hipStream_t s;
  CUDA_CHECK(ALLOC(d, sizeof(h)));
  CUDA_CHECK(COPY_IN(d, h, sizeof(h)));
  CUDA_CHECK(cudaStreamCreateWithFlags(&s, MY_STREAM_FLAGS));
  // CHECK: CUDA_CHECK(hipStreamCreateWithFlags(&s, MY_STREAM_FLAGS));
  CUDA_CHECK(ALLOC_ANY(d, sizeof(h)));
#if CUDART_VERSION >= 11000
// WARN: :[[@LINE-1]]:5: warning: 'CUDART_VERSION' has no HIP equivalent in ROCm 5.2; 'CUPORT_CUDART_VERSION' from the generated cuport_hip_compat.h stands in, but its value is the version of the CUDA the code was translated from, not a HIP version
  cudaDeviceSynchronize();
  // CHECK: hipDeviceSynchronize();
#elif defined(OLD_CUDA)
  cudaThreadSynchronize();
  // CHECK: hipDeviceSynchronize();
#endif
#if 0
  cudaEvent_t never;
  // CHECK: hipEvent_t never;
  cudaEventCreate(&never);
  // CHECK: hipEventCreate(&never);
#endif
#ifndef __CUDACC__
// CHECK: #ifndef __HIPCC__
  cudaFree(d);
  // CHECK: hipFree(d);
#endif
  return 0;
}





