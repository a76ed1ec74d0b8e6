// RUN: %cuport-cc -O2 -c %s -o %t.a.o && %cuport-cc -O2 -c %S/Inputs/multi_object_b.cu -o %t.b.o && %cuport-cc %t.a.o %t.b.o -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Two .cu files, each with its own kernels and device code (no -rdc), built
// to objects with -c and linked together: both device images must be
// registered and each kernel must run its own file's code, including a
// `static __device__` helper that has the same name in both files.
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

cudaError_t launchTimesFive(int *dv, int n); // Inputs/multi_object_b.cu

static __device__ int helper(int x) { return x + 11; }

__global__ void plusElevenKernel(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] = helper(v[i]);
}

int main() {
  const int n = 700;
  int h[n];
  for (int i = 0; i < n; ++i)
    h[i] = i - 350;
  int *dv;
  CUDA_CHECK(cudaMalloc(&dv, sizeof(h)));
  CUDA_CHECK(cudaMemcpy(dv, h, sizeof(h), cudaMemcpyHostToDevice));
  // ((x + 11) * 5 + 11) * 5
  plusElevenKernel<<<(n + 127) / 128, 128>>>(dv, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(launchTimesFive(dv, n));
  plusElevenKernel<<<(n + 127) / 128, 128>>>(dv, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(launchTimesFive(dv, n));
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(h, dv, sizeof(h), cudaMemcpyDeviceToHost));
  int failures = 0;
  for (int i = 0; i < n; ++i) {
    int x = i - 350;
    int want = 25 * x + 330;
    if (h[i] != want) {
      if (failures++ < 5)
        printf("mismatch: element %d = %d, want %d\n", i, h[i], want);
    }
  }
  CUDA_CHECK(cudaFree(dv));
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
