// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// saxpy in two common shapes: one thread per element with a bounds check,
// and a grid-stride loop over a fixed small grid. Lengths that are and are
// not multiples of the block, including 1. Checked against a double
// reference; the tolerance allows a fused multiply-add.
#include <cuda_runtime.h>

#include <cmath>
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

__global__ void saxpyPerElement(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = a * x[i] + y[i];
}

__global__ void saxpyGridStride(int n, float a, const float *x, float *y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

int main() {
  const int sizes[] = {1, 255, 256, 1000, 100003};
  const float alphas[] = {2.0f, -0.75f};
  int failures = 0;
  for (int n : sizes)
    for (float a : alphas)
      for (int variant = 0; variant < 2; ++variant) {
        float *x = (float *)malloc(n * sizeof(float)), *y = (float *)malloc(n * sizeof(float));
        for (int i = 0; i < n; ++i) {
          x[i] = sinf(0.001f * i) * 10.0f;
          y[i] = (float)(i % 101) / 3.0f - 10.0f;
        }
        float *dx, *dy;
        CUDA_CHECK(cudaMalloc(&dx, n * sizeof(float)));
        CUDA_CHECK(cudaMalloc(&dy, n * sizeof(float)));
        CUDA_CHECK(cudaMemcpy(dx, x, n * sizeof(float), cudaMemcpyHostToDevice));
        CUDA_CHECK(cudaMemcpy(dy, y, n * sizeof(float), cudaMemcpyHostToDevice));
        if (variant == 0)
          saxpyPerElement<<<(n + 255) / 256, 256>>>(n, a, dx, dy);
        else
          saxpyGridStride<<<7, 64>>>(n, a, dx, dy);
        CUDA_CHECK(cudaGetLastError());
        CUDA_CHECK(cudaDeviceSynchronize());
        float *out = (float *)malloc(n * sizeof(float));
        CUDA_CHECK(cudaMemcpy(out, dy, n * sizeof(float), cudaMemcpyDeviceToHost));
        int bad = 0;
        for (int i = 0; i < n; ++i) {
          double want = (double)a * x[i] + (double)y[i];
          if (fabs(out[i] - want) > 1e-6 * (fabs(a * x[i]) + fabs(y[i])) + 1e-7) {
            if (bad++ < 3)
              printf("mismatch: %s n=%d a=%g y[%d] = %.9g, want %.9g\n",
                     variant ? "grid-stride" : "per-element", n, a, i, out[i], want);
          }
        }
        failures += bad;
        CUDA_CHECK(cudaFree(dx));
        CUDA_CHECK(cudaFree(dy));
        free(x);
        free(y);
        free(out);
      }
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
