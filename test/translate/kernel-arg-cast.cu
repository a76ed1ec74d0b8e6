// A kernel given to cudaFuncGetAttributes and friends (CudaKernelArgs.def)
// is cast to const void *: ROCm 5.2 declares hipFuncGetAttributes and
// friends only that way, and a function pointer does not convert to it.
// Also inside a macro's arguments and in a template instantiated twice
// (one cast); an argument that is already a pointer to void is left alone.
// RUN: %cuport-translate %s -- | FileCheck --match-full-lines %s

#include <cuda_runtime.h>
#define CHECK_CUDA(x) (void)(x)

__global__ void kernel(float *p) { p[threadIdx.x] = 0.f; }
template <typename T> __global__ void tkernel(T *p) { p[threadIdx.x] = T(); }

template <typename T> void configure() {
  cudaFuncSetCacheConfig(tkernel<T>, cudaFuncCachePreferShared);
  // CHECK: hipFuncSetCacheConfig(reinterpret_cast<const void *>(tkernel<T>), hipFuncCachePreferShared);
}

int main() {
  cudaFuncAttributes a;
  // CHECK: hipFuncAttributes a;
  cudaFuncGetAttributes(&a, kernel);
  // CHECK: hipFuncGetAttributes(&a, reinterpret_cast<const void *>(kernel));
  CHECK_CUDA(cudaFuncGetAttributes(&a, &kernel));
  // CHECK: CHECK_CUDA(hipFuncGetAttributes(&a, reinterpret_cast<const void *>(&kernel)));
  cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, 4096);
  // CHECK: hipFuncSetAttribute(reinterpret_cast<const void *>(kernel), hipFuncAttributeMaxDynamicSharedMemorySize, 4096);
  const void *k = (const void *)kernel;
  cudaFuncGetAttributes(&a, k);
  // CHECK: hipFuncGetAttributes(&a, k);
  configure<float>();
  configure<int>();
  return 0;
}
