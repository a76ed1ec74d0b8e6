// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// A non-recursive chain of __device__ function calls five levels deep, with
// the shapes real code uses: __noinline__ and __forceinline__ functions,
// reference and pointer out-parameters, struct return values, default
// arguments, overloads on int/float, functions in a namespace and static
// functions, a lambda defined inside the kernel, and __shared__ memory
// passed down by pointer. Results are compared with a host model written
// separately.
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

struct Pair {
  int lo, hi;
};

namespace chain {

__device__ __noinline__ int level5(int x, int bias = 3) { return x * 2 + bias; }

__device__ __forceinline__ void level4(int x, int &sum, int *product) {
  sum += level5(x);
  *product *= level5(x, -1) % 7 + 2; // C remainder: factor in [-4, 8]
}

__device__ Pair level3(int a, int b) {
  int sum = 0, product = 1;
  level4(a, sum, &product);
  level4(b, sum, &product);
  return Pair{sum < product ? sum : product, sum < product ? product : sum};
}

} // namespace chain

static __device__ int level2(int x) {
  Pair p = chain::level3(x, x / 2 - 7);
  return p.hi - p.lo;
}

__device__ float scale(float v) { return v * 0.5f; }
__device__ int scale(int v) { return v * 3; }

__device__ int level1(const int *staged, int t, int n) {
  int left = staged[(t + n - 1) % n], right = staged[(t + 1) % n];
  return level2(left) + level2(right) + scale(staged[t]) + (int)scale((float)staged[t]);
}

__global__ void chainKernel(const int *in, int *out, int n) {
  __shared__ int staged[256];
  int t = threadIdx.x;
  staged[t] = in[blockIdx.x * n + t];
  __syncthreads();
  auto twice = [](int v) { return 2 * v; };
  out[blockIdx.x * n + t] = twice(level1(staged, t, n));
}

// Host model, written out without the device helpers.
static int hostLevel2(int x) {
  int b = x / 2 - 7;
  int sum = (2 * x + 3) + (2 * b + 3);
  int product = ((2 * x - 1) % 7 + 2) * ((2 * b - 1) % 7 + 2);
  return sum > product ? sum - product : product - sum;
}

int main() {
  const int n = 256, blocks = 3;
  int *in = (int *)malloc(blocks * n * sizeof(int));
  for (int i = 0; i < blocks * n; ++i)
    in[i] = (i * 31) % 199 - 99;
  int *dIn, *dOut;
  CUDA_CHECK(cudaMalloc(&dIn, blocks * n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dOut, blocks * n * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dIn, in, blocks * n * sizeof(int), cudaMemcpyHostToDevice));
  chainKernel<<<blocks, n>>>(dIn, dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  int *out = (int *)malloc(blocks * n * sizeof(int));
  CUDA_CHECK(cudaMemcpy(out, dOut, blocks * n * sizeof(int), cudaMemcpyDeviceToHost));

  int failures = 0;
  for (int b = 0; b < blocks; ++b)
    for (int t = 0; t < n; ++t) {
      const int *row = in + b * n;
      int v = row[t];
      // (int)(v * 0.5f) truncates toward zero.
      int halved = v / 2;
      int want = 2 * (hostLevel2(row[(t + n - 1) % n]) + hostLevel2(row[(t + 1) % n]) +
                      3 * v + halved);
      if (out[b * n + t] != want) {
        if (failures++ < 5)
          printf("mismatch: block %d thread %d = %d, want %d\n", b, t, out[b * n + t], want);
      }
    }
  CUDA_CHECK(cudaFree(dIn));
  CUDA_CHECK(cudaFree(dOut));
  free(in);
  free(out);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
