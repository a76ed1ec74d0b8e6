// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: unregistered: cudaErrorInvalidDeviceFunction
// CHECK: over the set limit: cudaErrorInvalidValue
// CHECK: PASSED
//
// cudaFuncGetAttributes on kernels compiled by cuport-cc: sharedSizeBytes is
// the kernel's own static __shared__ memory (the variables it and its
// __device__ helpers use, not other kernels'), dynamic shared memory is not
// counted, and the limits agree with cudaGetDeviceProperties.
// cudaFuncSetAttribute(MaxDynamicSharedMemorySize) bounds launches as on
// CUDA and resets with cudaDeviceReset. Every launch's result is checked
// against a host reference.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

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
      printf("FAILED at %s:%d: %s\n", __FILE__, __LINE__, #cond);             \
      ++Failures;                                                             \
    }                                                                         \
  } while (0)

// 512 ints + 64 doubles of static shared memory, the doubles in a helper.
__device__ double helperSum(int t) {
  __shared__ double partial[64];
  partial[t % 64] = t % 64; // threads t and t + 64 agree
  __syncthreads();
  return partial[(t + 1) % 64];
}

__global__ void withStatic(int *out) {
  __shared__ int tile[512];
  int t = threadIdx.x;
  tile[t] = t * 2;
  __syncthreads();
  out[blockIdx.x * blockDim.x + t] = tile[blockDim.x - 1 - t] + (int)helperSum(t);
}

__global__ void noShared(int *out) { out[blockIdx.x * blockDim.x + threadIdx.x] = 7; }

__global__ void dynamicOnly(int *out) {
  extern __shared__ int dyn[];
  int t = threadIdx.x;
  dyn[t] = t + 5;
  __syncthreads();
  out[blockIdx.x * blockDim.x + t] = dyn[blockDim.x - 1 - t];
}

static cudaError_t runDynamic(int blocks, int threads, size_t bytes) {
  int *d = nullptr;
  CUDA_CHECK(cudaMalloc(&d, blocks * threads * sizeof(int)));
  dynamicOnly<<<blocks, threads, bytes>>>(d);
  cudaError_t e = cudaGetLastError();
  if (e == cudaSuccess) {
    std::vector<int> h(blocks * threads);
    CUDA_CHECK(cudaMemcpy(h.data(), d, h.size() * sizeof(int), cudaMemcpyDeviceToHost));
    for (int i = 0; i < blocks * threads; ++i)
      EXPECT(h[i] == threads - 1 - i % threads + 5);
  }
  CUDA_CHECK(cudaFree(d));
  return e;
}

int main() {
  cudaDeviceProp p;
  CUDA_CHECK(cudaGetDeviceProperties(&p, 0));

  cudaFuncAttributes a, n, d;
  CUDA_CHECK(cudaFuncGetAttributes(&a, withStatic));
  CUDA_CHECK(cudaFuncGetAttributes(&n, noShared));
  CUDA_CHECK(cudaFuncGetAttributes(&d, dynamicOnly));
  EXPECT(a.sharedSizeBytes == 512 * sizeof(int) + 64 * sizeof(double));
  EXPECT(n.sharedSizeBytes == 0);
  EXPECT(d.sharedSizeBytes == 0);
  for (const cudaFuncAttributes *x : {&a, &n, &d}) {
    EXPECT(x->maxThreadsPerBlock > 0 && x->maxThreadsPerBlock <= p.maxThreadsPerBlock);
    EXPECT((size_t)x->maxDynamicSharedSizeBytes == p.sharedMemPerBlock - x->sharedSizeBytes);
    EXPECT(x->ptxVersion == p.major * 10 + p.minor);
    EXPECT((long)x->numRegs * x->maxThreadsPerBlock <= (long)p.regsPerBlock);
  }

  // The kernels run, and static shared memory holds what they wrote.
  const int threads = 128, blocks = 3;
  int *out;
  CUDA_CHECK(cudaMalloc(&out, blocks * threads * sizeof(int)));
  withStatic<<<blocks, threads>>>(out);
  CUDA_CHECK(cudaGetLastError());
  std::vector<int> h(blocks * threads);
  CUDA_CHECK(cudaMemcpy(h.data(), out, h.size() * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < blocks * threads; ++i) {
    int t = i % threads;
    EXPECT(h[i] == (threads - 1 - t) * 2 + (t + 1) % 64);
  }
  CUDA_CHECK(cudaFree(out));

  char notAKernel;
  cudaError_t e = cudaFuncGetAttributes(&a, (const void *)&notAKernel);
  printf("unregistered: %s\n", cudaGetErrorName(e));
  EXPECT(cudaGetLastError() == cudaErrorInvalidDeviceFunction);

  // A lowered limit takes effect on launches; restoring it lifts it.
  const size_t need = threads * sizeof(int);
  CUDA_CHECK(cudaFuncSetAttribute(dynamicOnly, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                  (int)need));
  EXPECT(runDynamic(2, threads, need) == cudaSuccess);
  e = runDynamic(2, threads, need + 16);
  printf("over the set limit: %s\n", cudaGetErrorName(e));
  EXPECT(e == cudaErrorInvalidValue);
  EXPECT(cudaFuncSetAttribute(dynamicOnly, cudaFuncAttributeMaxDynamicSharedMemorySize,
                              (int)(p.sharedMemPerBlockOptin + 1)) == cudaErrorInvalidValue);
  cudaGetLastError();
  // cudaDeviceReset restores the default (sharedMemPerBlock - static).
  CUDA_CHECK(cudaDeviceReset());
  CUDA_CHECK(cudaFuncGetAttributes(&d, dynamicOnly));
  EXPECT((size_t)d.maxDynamicSharedSizeBytes == p.sharedMemPerBlock);
  EXPECT(runDynamic(2, threads, need + 16) == cudaSuccess);

  if (Failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
