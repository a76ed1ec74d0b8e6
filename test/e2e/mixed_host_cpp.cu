// RUN: %cuport-cc -O2 %s %S/Inputs/host_helper.cpp -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// A .cu file and a plain .cpp host file on one command line, as nvcc
// accepts them: the .cpp is host-only C++ that includes <cuda_runtime.h>
// and calls the runtime API (allocation and copies), and also provides the
// host reference the kernel's result is checked against.
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "Inputs/host_helper.h"

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

// Triangular blur with clamped edges.
__global__ void blur(const float *in, float *out, int n, int radius) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float sum = 0.0f;
  for (int d = -radius; d <= radius; ++d) {
    int j = i + d < 0 ? 0 : (i + d >= n ? n - 1 : i + d);
    sum += in[j] * (float)(radius + 1 - (d < 0 ? -d : d));
  }
  out[i] = sum;
}

int main() {
  const int n = 3000, radius = 4;
  float *in = (float *)malloc(n * sizeof(float));
  float *got = (float *)malloc(n * sizeof(float));
  float *want = (float *)malloc(n * sizeof(float));
  for (int i = 0; i < n; ++i)
    in[i] = (float)((i * 7919) % 256) * 0.5f; // halves: the sums are exact
  float *dIn, *dOut;
  CUDA_CHECK(uploadFloats(&dIn, in, n));
  CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(float)));
  blur<<<(n + 255) / 256, 256>>>(dIn, dOut, n, radius);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(downloadAndFree(got, dOut, n));
  CUDA_CHECK(cudaFree(dIn));
  referenceBlur(in, want, n, radius);

  int failures = 0;
  for (int i = 0; i < n; ++i)
    if (got[i] != want[i]) {
      if (failures++ < 5)
        printf("mismatch: blur[%d] = %.9g, want %.9g\n", i, got[i], want[i]);
    }
  free(in);
  free(got);
  free(want);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
