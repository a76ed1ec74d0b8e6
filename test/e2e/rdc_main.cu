// RUN: %cuport-cc -rdc=true -c %s -o %t.main.o && %cuport-cc -rdc=true -c %S/Inputs/rdc_callee.cu -o %t.callee.o && %cuport-cc %t.main.o %t.callee.o -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Separate compilation of device code: kernels here call __device__
// functions defined in Inputs/rdc_callee.cu, which in turn calls a
// __device__ function defined here. Both files are compiled with
// -rdc=true -c and linked in a final step, as with nvcc.
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

// Defined in Inputs/rdc_callee.cu.
__device__ unsigned mixBits(unsigned x);
__device__ float windowSum(const float *v, int first, int count);
__device__ int scaleTwice(int x);

// Called from Inputs/rdc_callee.cu.
__device__ int scaleByMainFactor(int x) { return 3 * x + 1; }

__global__ void hashKernel(unsigned *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = mixBits((unsigned)i * 2654435761u);
}

__global__ void windowKernel(const float *v, float *out, int n, int window) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i + window <= n)
    out[i] = windowSum(v, i, window);
}

__global__ void scaleKernel(int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = scaleTwice(i - n / 2);
}

static unsigned hostMix(unsigned x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

int main() {
  const int n = 1000, window = 9;
  int failures = 0;

  unsigned *dHash;
  CUDA_CHECK(cudaMalloc(&dHash, n * sizeof(unsigned)));
  hashKernel<<<(n + 127) / 128, 128>>>(dHash, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  unsigned *hash = (unsigned *)malloc(n * sizeof(unsigned));
  CUDA_CHECK(cudaMemcpy(hash, dHash, n * sizeof(unsigned), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    if (hash[i] != hostMix((unsigned)i * 2654435761u)) {
      if (failures++ < 5)
        printf("mismatch: mixBits for %d = %u, want %u\n", i, hash[i],
               hostMix((unsigned)i * 2654435761u));
    }

  float *v = (float *)malloc(n * sizeof(float));
  for (int i = 0; i < n; ++i)
    v[i] = (float)((i * 37) % 101) * 0.25f - 12.0f;
  float *dV, *dW;
  CUDA_CHECK(cudaMalloc(&dV, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dW, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dV, v, n * sizeof(float), cudaMemcpyHostToDevice));
  windowKernel<<<(n + 127) / 128, 128>>>(dV, dW, n, window);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  float *w = (float *)malloc(n * sizeof(float));
  CUDA_CHECK(cudaMemcpy(w, dW, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i + window <= n; ++i) {
    // Quarter-integer inputs with small weights: the float sum is exact.
    double want = 0;
    for (int k = 0; k < window; ++k)
      want += (k + 1) * (double)v[i + k];
    if ((double)w[i] != want) {
      if (failures++ < 5)
        printf("mismatch: windowSum at %d = %.9g, want %.9g\n", i, w[i], want);
    }
  }

  int *dS;
  CUDA_CHECK(cudaMalloc(&dS, n * sizeof(int)));
  scaleKernel<<<(n + 127) / 128, 128>>>(dS, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  int *s = (int *)malloc(n * sizeof(int));
  CUDA_CHECK(cudaMemcpy(s, dS, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    int x = i - n / 2;
    int want = 9 * x + 4; // 3 * (3x + 1) + 1
    if (s[i] != want) {
      if (failures++ < 5)
        printf("mismatch: scaleTwice(%d) = %d, want %d\n", x, s[i], want);
    }
  }

  CUDA_CHECK(cudaFree(dHash));
  CUDA_CHECK(cudaFree(dV));
  CUDA_CHECK(cudaFree(dW));
  CUDA_CHECK(cudaFree(dS));
  free(hash);
  free(v);
  free(w);
  free(s);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
