// RUN: %cuport-cc -O2 --extended-lambda -std=c++17 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// C++ in device code: variadic templates, a __device__ lambda passed to a
// template kernel (--extended-lambda), constexpr, __host__ __device__
// overloads that differ by side, __forceinline__/__noinline__,
// __launch_bounds__, recursion, and a kernel parameter of 4,000 bytes by
// value next to a padded struct, all checked against host values.
#include <cstdio>

template <typename T> __host__ __device__ constexpr T sumAll(T x) { return x; }
template <typename T, typename... Rest> __host__ __device__ constexpr T sumAll(T x, Rest... rest) {
  return x + sumAll<T>(rest...);
}
static_assert(sumAll(1, 2, 3, 4) == 10, "constexpr in host code");

__host__ int side() { return 1; }
__device__ int side() { return 2; }
__host__ __device__ int whereAmI() { return side(); }

__device__ __noinline__ long long factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }
__device__ __forceinline__ int twice(int v) { return 2 * v; }

template <typename F> __global__ void __launch_bounds__(256) applyEach(int *out, int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = f(i);
}

struct Big {
  int values[1000]; // 4,000 bytes: CUDA's classic parameter limit is 4 KB
};
struct Padded {
  char c;
  double d;
  short s;
};

__global__ void useBig(Big b, Padded p, long long *out) {
  int i = threadIdx.x;
  constexpr int k = sumAll(1, 2, 3); // constexpr in device code
  out[i] = (long long)b.values[i * 10] * k + p.c + (long long)p.d + p.s + whereAmI() +
           factorial(i % 15) + twice(i);
}

int main() {
  const int n = 1000;
  int *dOut, out[n];
  cudaMalloc(&dOut, sizeof(out));
  int scale = 3;
  applyEach<<<(n + 255) / 256, 256>>>(dOut, n, [=] __device__(int i) { return i * scale + sumAll(i, 1, 2); });
  cudaMemcpy(out, dOut, sizeof(out), cudaMemcpyDeviceToHost);
  int failures = 0;
  for (int i = 0; i < n; ++i)
    if (out[i] != i * 3 + i + 3 && failures++ < 5)
      printf("FAILED lambda[%d] = %d\n", i, out[i]);

  static Big big;
  for (int i = 0; i < 1000; ++i)
    big.values[i] = 7 * i - 300;
  Padded p = {'A', 2.75, -9};
  long long *dBig, res[100];
  cudaMalloc(&dBig, sizeof(res));
  useBig<<<1, 100>>>(big, p, dBig);
  cudaMemcpy(res, dBig, sizeof(res), cudaMemcpyDeviceToHost);
  for (int i = 0; i < 100; ++i) {
    long long fact = 1;
    for (int k = 2; k <= i % 15; ++k)
      fact *= k;
    long long want = (long long)(7 * (i * 10) - 300) * 6 + 'A' + 2 + (-9) + 2 + fact + 2 * i;
    if (res[i] != want && failures++ < 10)
      printf("FAILED big[%d] = %lld want %lld\n", i, res[i], want);
  }
  if (whereAmI() != 1) {
    printf("FAILED host side\n");
    return 1;
  }
  if (failures || cudaGetLastError() != cudaSuccess)
    return 1;
  printf("PASSED\n");
  return 0;
}
