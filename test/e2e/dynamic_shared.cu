// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Dynamically sized shared memory: `extern __shared__` arrays sized by the
// third launch parameter, with different sizes on successive launches of
// the same kernel, carved into two typed regions by hand, combined with a
// static __shared__ array in the same kernel, and declared at file scope
// and used directly inside __device__ functions the kernel calls. Each
// block reverses its slice through shared memory.
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

// Reverses each block's slice of `in` (blockDim.x elements) into `out`.
__global__ void reverseDynamic(const int *in, int *out) {
  extern __shared__ int buf[];
  int t = threadIdx.x, n = blockDim.x;
  buf[t] = in[blockIdx.x * n + t];
  __syncthreads();
  out[blockIdx.x * n + t] = buf[n - 1 - t];
}

// Dynamic region holds blockDim.x doubles followed by blockDim.x shorts;
// a static array holds one value per block lane group.
__global__ void twoRegions(const double *d, const short *s, double *out) {
  extern __shared__ double dyn[];
  __shared__ int lane[32];
  int t = threadIdx.x, n = blockDim.x;
  short *shorts = (short *)(dyn + n);
  dyn[t] = d[blockIdx.x * n + t];
  shorts[t] = s[blockIdx.x * n + t];
  if (t < 32)
    lane[t] = t * 100;
  __syncthreads();
  out[blockIdx.x * n + t] = dyn[n - 1 - t] + shorts[(t + 1) % n] + lane[t % 32];
}

// File-scope dynamic shared array, used directly by device functions.
extern __shared__ float fileScopeShared[];

__device__ void stageToShared(const float *in, int t, int n) {
  fileScopeShared[t] = in[blockIdx.x * n + t];
}

__device__ float readMirrored(int t, int n) { return fileScopeShared[n - 1 - t]; }

__global__ void reverseViaHelpers(const float *in, float *out) {
  int t = threadIdx.x, n = blockDim.x;
  stageToShared(in, t, n);
  __syncthreads();
  out[blockIdx.x * n + t] = readMirrored(t, n) * 2.0f;
}

int main() {
  int failures = 0;
  const int sizes[] = {32, 100, 256, 1024};
  const int blocks = 4;
  for (int n : sizes) {
    int total = blocks * n;
    int *in = (int *)malloc(total * sizeof(int)), *out = (int *)malloc(total * sizeof(int));
    for (int i = 0; i < total; ++i)
      in[i] = i * 3 + n;
    int *dIn, *dOut;
    CUDA_CHECK(cudaMalloc(&dIn, total * sizeof(int)));
    CUDA_CHECK(cudaMalloc(&dOut, total * sizeof(int)));
    CUDA_CHECK(cudaMemcpy(dIn, in, total * sizeof(int), cudaMemcpyHostToDevice));
    reverseDynamic<<<blocks, n, n * sizeof(int)>>>(dIn, dOut);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out, dOut, total * sizeof(int), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b)
      for (int t = 0; t < n; ++t) {
        int want = (b * n + (n - 1 - t)) * 3 + n;
        if (out[b * n + t] != want) {
          if (failures++ < 5)
            printf("mismatch: reverse n=%d block %d thread %d = %d, want %d\n", n, b, t,
                   out[b * n + t], want);
        }
      }
    CUDA_CHECK(cudaFree(dIn));
    CUDA_CHECK(cudaFree(dOut));
    free(in);
    free(out);
  }

  for (int n : sizes) {
    int total = blocks * n;
    double *d = (double *)malloc(total * sizeof(double));
    short *s = (short *)malloc(total * sizeof(short));
    double *out = (double *)malloc(total * sizeof(double));
    for (int i = 0; i < total; ++i) {
      d[i] = 0.25 * i - 3.0;
      s[i] = (short)(i % 500 - 250);
    }
    double *dD, *dOut;
    short *dS;
    CUDA_CHECK(cudaMalloc(&dD, total * sizeof(double)));
    CUDA_CHECK(cudaMalloc(&dS, total * sizeof(short)));
    CUDA_CHECK(cudaMalloc(&dOut, total * sizeof(double)));
    CUDA_CHECK(cudaMemcpy(dD, d, total * sizeof(double), cudaMemcpyHostToDevice));
    CUDA_CHECK(cudaMemcpy(dS, s, total * sizeof(short), cudaMemcpyHostToDevice));
    twoRegions<<<blocks, n, n * (sizeof(double) + sizeof(short))>>>(dD, dS, dOut);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out, dOut, total * sizeof(double), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b)
      for (int t = 0; t < n; ++t) {
        double want = d[b * n + (n - 1 - t)] + s[b * n + (t + 1) % n] + (t % 32) * 100;
        if (out[b * n + t] != want) {
          if (failures++ < 5)
            printf("mismatch: two regions n=%d block %d thread %d = %g, want %g\n", n, b, t,
                   out[b * n + t], want);
        }
      }
    CUDA_CHECK(cudaFree(dD));
    CUDA_CHECK(cudaFree(dS));
    CUDA_CHECK(cudaFree(dOut));
    free(d);
    free(s);
    free(out);
  }
  for (int n : sizes) {
    int total = blocks * n;
    float *in = (float *)malloc(total * sizeof(float));
    float *out = (float *)malloc(total * sizeof(float));
    for (int i = 0; i < total; ++i)
      in[i] = 0.5f * i - 7.0f;
    float *dIn, *dOut;
    CUDA_CHECK(cudaMalloc(&dIn, total * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dOut, total * sizeof(float)));
    CUDA_CHECK(cudaMemcpy(dIn, in, total * sizeof(float), cudaMemcpyHostToDevice));
    reverseViaHelpers<<<blocks, n, n * sizeof(float)>>>(dIn, dOut);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out, dOut, total * sizeof(float), cudaMemcpyDeviceToHost));
    for (int b = 0; b < blocks; ++b)
      for (int t = 0; t < n; ++t) {
        double want = 2.0 * (0.5 * (b * n + (n - 1 - t)) - 7.0);
        if (out[b * n + t] != want) {
          if (failures++ < 5)
            printf("mismatch: file-scope shared n=%d block %d thread %d = %g, want %g\n", n, b,
                   t, out[b * n + t], want);
        }
      }
    CUDA_CHECK(cudaFree(dIn));
    CUDA_CHECK(cudaFree(dOut));
    free(in);
    free(out);
  }
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
