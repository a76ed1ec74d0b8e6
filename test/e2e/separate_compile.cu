// RUN: %cuport-cc -O2 -c %s -o %t.o && %cuport-cc %t.o -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Makefile-style build: compile to an object with -c, link in a separate
// step. Two kernels in the file, the second consuming the first's output.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

__global__ void squareKernel(const int *in, long long *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = (long long)in[i] * in[i];
}

__global__ void adjacentDiff(const long long *in, long long *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = i == 0 ? in[0] : in[i] - in[i - 1];
}

int main() {
  const int n = 5000;
  int *in = (int *)malloc(n * sizeof(int));
  for (int i = 0; i < n; ++i)
    in[i] = 50000 - 17 * i;
  int *dIn;
  long long *dSq, *dDiff;
  CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dSq, n * sizeof(long long)));
  CUDA_CHECK(cudaMalloc(&dDiff, n * sizeof(long long)));
  CUDA_CHECK(cudaMemcpy(dIn, in, n * sizeof(int), cudaMemcpyHostToDevice));
  squareKernel<<<(n + 255) / 256, 256>>>(dIn, dSq, n);
  CUDA_CHECK(cudaGetLastError());
  adjacentDiff<<<(n + 255) / 256, 256>>>(dSq, dDiff, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  long long *diff = (long long *)malloc(n * sizeof(long long));
  CUDA_CHECK(cudaMemcpy(diff, dDiff, n * sizeof(long long), cudaMemcpyDeviceToHost));

  int failures = 0;
  for (int i = 0; i < n; ++i) {
    // a_i = 50000 - 17i; a_i^2 - a_{i-1}^2 = (a_i - a_{i-1})(a_i + a_{i-1})
    //     = -17 * (100017 - 34i)
    long long want = i == 0 ? 2500000000LL : -17LL * (100017 - 34LL * i);
    if (diff[i] != want) {
      if (failures++ < 5)
        printf("mismatch: diff[%d] = %lld, want %lld\n", i, diff[i], want);
    }
  }
  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dSq));
  CUDA_CHECK(cudaFree(dDiff));
  free(in);
  free(diff);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
