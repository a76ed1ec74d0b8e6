// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// RUN: %cuport-cc -O0 %s -o %t0 && %t0 | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// `extern __shared__ char smem[]` (and unsigned char), the buffer most
// real kernels carve into typed regions by hand: floats, then ints after
// them, then bytes, with the sizes coming from the launch. A template
// kernel declares its buffer with __align__ as library code does. Each
// block computes, per thread, a value from three regions written by other
// threads; the host model computes the same.
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

static int failures = 0;

__global__ void carve(const float *in, float *out) {
  extern __shared__ char smem[];
  int t = threadIdx.x, n = blockDim.x;
  float *f = (float *)smem;
  int *k = (int *)(f + n);
  unsigned char *b = (unsigned char *)(k + n);
  f[t] = in[blockIdx.x * n + t];
  k[t] = t * 3 + (int)blockIdx.x;
  b[t] = (unsigned char)(t ^ 0x5a);
  __syncthreads();
  out[blockIdx.x * n + t] = f[n - 1 - t] * 2.0f + (float)k[(t + 1) % n] + (float)b[(t + 2) % n];
}

template <typename T> __global__ void rotate(const T *in, T *out, int shift) {
  extern __shared__ __align__(16) unsigned char raw[];
  T *s = reinterpret_cast<T *>(raw);
  int t = threadIdx.x, n = blockDim.x;
  s[t] = in[blockIdx.x * n + t];
  __syncthreads();
  out[blockIdx.x * n + t] = s[(t + shift) % n];
}

static void testCarve(int blocks, int threads) {
  const int n = blocks * threads;
  std::vector<float> h(n);
  for (int i = 0; i < n; ++i)
    h[i] = (float)(i % 97) * 0.5f;
  float *in, *out;
  CUDA_CHECK(cudaMalloc(&in, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&out, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  size_t smem = threads * (sizeof(float) + sizeof(int) + 1);
  carve<<<blocks, threads, smem>>>(in, out);
  CUDA_CHECK(cudaGetLastError());
  std::vector<float> got(n);
  CUDA_CHECK(cudaMemcpy(got.data(), out, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int blk = 0; blk < blocks; ++blk)
    for (int t = 0; t < threads; ++t) {
      float want = h[blk * threads + threads - 1 - t] * 2.0f +
                   (float)(((t + 1) % threads) * 3 + blk) +
                   (float)(unsigned char)(((t + 2) % threads) ^ 0x5a);
      float g = got[blk * threads + t];
      if (g != want && failures++ < 10)
        printf("FAILED carve block %d thread %d: %g, want %g\n", blk, t, g, want);
    }
  CUDA_CHECK(cudaFree(in));
  CUDA_CHECK(cudaFree(out));
}

template <typename T> static void testRotate(int blocks, int threads, int shift) {
  const int n = blocks * threads;
  std::vector<T> h(n);
  for (int i = 0; i < n; ++i)
    h[i] = (T)(i * 5 + 1);
  T *in, *out;
  CUDA_CHECK(cudaMalloc(&in, n * sizeof(T)));
  CUDA_CHECK(cudaMalloc(&out, n * sizeof(T)));
  CUDA_CHECK(cudaMemcpy(in, h.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  rotate<T><<<blocks, threads, threads * sizeof(T)>>>(in, out, shift);
  CUDA_CHECK(cudaGetLastError());
  std::vector<T> got(n);
  CUDA_CHECK(cudaMemcpy(got.data(), out, n * sizeof(T), cudaMemcpyDeviceToHost));
  for (int blk = 0; blk < blocks; ++blk)
    for (int t = 0; t < threads; ++t) {
      T want = h[blk * threads + (t + shift) % threads];
      if (got[blk * threads + t] != want && failures++ < 10)
        printf("FAILED rotate<%zu> block %d thread %d: %g, want %g\n", sizeof(T), blk, t,
               (double)got[blk * threads + t], (double)want);
    }
  CUDA_CHECK(cudaFree(in));
  CUDA_CHECK(cudaFree(out));
}

int main() {
  testCarve(4, 64);
  testCarve(3, 200);
  testRotate<double>(5, 128, 7);
  testRotate<short>(2, 96, 95);
  testRotate<char>(3, 33, 1);
  if (failures) {
    printf("%d failures\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
