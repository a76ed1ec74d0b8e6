// RUN: %cuport-cc %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// The smallest complete CUDA program, built without -O: allocate, copy in,
// launch one thread per element with a bounds check, copy out, compare.
// Integer and float vectors, lengths below, at and above the block size.
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

__global__ void addInt(const int *a, const int *b, int *c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

__global__ void addFloat(const float *a, const float *b, float *c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

int main() {
  const int sizes[] = {1, 255, 256, 257, 50000};
  int failures = 0;
  for (int n : sizes) {
    int *a = (int *)malloc(n * sizeof(int)), *b = (int *)malloc(n * sizeof(int));
    int *c = (int *)malloc(n * sizeof(int));
    float *fa = (float *)malloc(n * sizeof(float)), *fb = (float *)malloc(n * sizeof(float));
    float *fc = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) {
      a[i] = i * 1000;
      b[i] = -i * 999 + 7;
      fa[i] = 0.5f * i;
      fb[i] = 1.0f / (i + 1);
    }
    int *dA, *dB, *dC;
    float *dFa, *dFb, *dFc;
    CUDA_CHECK(cudaMalloc(&dA, n * sizeof(int)));
    CUDA_CHECK(cudaMalloc(&dB, n * sizeof(int)));
    CUDA_CHECK(cudaMalloc(&dC, n * sizeof(int)));
    CUDA_CHECK(cudaMalloc(&dFa, n * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dFb, n * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dFc, n * sizeof(float)));
    CUDA_CHECK(cudaMemcpy(dA, a, n * sizeof(int), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(dB, b, n * sizeof(int), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(dFa, fa, n * sizeof(float), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(dFb, fb, n * sizeof(float), cudaMemcpyHostToDevice));
    int threads = 256, blocks = (n + threads - 1) / threads;
    addInt<<<blocks, threads>>>(dA, dB, dC, n);
    CUDA_CHECK(cudaGetLastError());
    addFloat<<<blocks, threads>>>(dFa, dFb, dFc, n);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(c, dC, n * sizeof(int), cudaMemcpyDeviceToHost));
    CUDA_CHECK(cudaMemcpy(fc, dFc, n * sizeof(float), cudaMemcpyDeviceToHost));
    for (int i = 0; i < n; ++i) {
      if (c[i] != i + 7) {
        if (failures++ < 5)
          printf("mismatch: n=%d int c[%d] = %d, want %d\n", n, i, c[i], i + 7);
      }
      // A single IEEE addition: the device result must equal the host's.
      float want = fa[i] + fb[i];
      if (fc[i] != want) {
        if (failures++ < 5)
          printf("mismatch: n=%d float c[%d] = %.9g, want %.9g\n", n, i, fc[i], want);
      }
    }
    CUDA_CHECK(cudaFree(dA));
    CUDA_CHECK(cudaFree(dB));
    CUDA_CHECK(cudaFree(dC));
    CUDA_CHECK(cudaFree(dFa));
    CUDA_CHECK(cudaFree(dFb));
    CUDA_CHECK(cudaFree(dFc));
    free(a);
    free(b);
    free(c);
    free(fa);
    free(fb);
    free(fc);
  }
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
