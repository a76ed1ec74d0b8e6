// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// __device__ and __constant__ variables: shared by every kernel of the file
// (a counter bumped by one kernel and read by another), reachable from the
// host through cudaMemcpyToSymbol/FromSymbol, cudaGetSymbolAddress (then a
// plain cudaMemcpy) and cudaGetSymbolSize, with initializers of scalars,
// arrays and padded structs, used from a __device__ function, and CUDA's
// errors for an out-of-range offset, a wrong direction and an unknown symbol.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>

struct Params {
  char tag;
  double scale;
  int bias;
};

__device__ unsigned long long counter = 0;
__constant__ float weights[8] = {1, 2, 3, 4, 5, 6, 7, 8};
__device__ Params params = {'p', 0.5, 3};
__device__ int table[16];

static int Failures = 0;
#define EXPECT(cond, ...)                                                      \
  do {                                                                         \
    if (!(cond)) {                                                             \
      printf("FAILED: " __VA_ARGS__);                                          \
      printf("\n");                                                            \
      ++Failures;                                                              \
    }                                                                          \
  } while (0)

__device__ float weighted(int i) { return weights[i % 8] * (float)params.scale + params.bias; }

__global__ void bump(int times) {
  if (threadIdx.x == 0 && blockIdx.x == 0)
    for (int k = 0; k < times; ++k)
      counter += 1;
}

__global__ void readCounter(unsigned long long *out) { *out = counter; }

__global__ void apply(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = weighted(i) + table[i % 16];
}

int main() {
  // Initial values through the symbol API.
  float w[8];
  EXPECT(cudaMemcpyFromSymbol(w, weights, sizeof(w)) == cudaSuccess, "read weights");
  for (int i = 0; i < 8; ++i)
    EXPECT(w[i] == float(i + 1), "initial weights[%d] = %g", i, w[i]);
  Params p;
  EXPECT(cudaMemcpyFromSymbol(&p, params, sizeof(p)) == cudaSuccess, "read params");
  EXPECT(p.tag == 'p' && p.scale == 0.5 && p.bias == 3, "initial params {%c, %g, %d}", p.tag,
         p.scale, p.bias);
  size_t size = 0;
  EXPECT(cudaGetSymbolSize(&size, table) == cudaSuccess && size == sizeof(int) * 16,
         "table size %zu", size);

  // One kernel writes, another reads: the variable is shared.
  bump<<<1, 32>>>(5);
  bump<<<2, 32>>>(7);
  unsigned long long *dCount, count = 0;
  cudaMalloc(&dCount, sizeof(*dCount));
  readCounter<<<1, 1>>>(dCount);
  cudaMemcpy(&count, dCount, sizeof(count), cudaMemcpyDeviceToHost);
  EXPECT(count == 12, "counter seen by a kernel = %llu, want 12", count);
  unsigned long long hostView = 0;
  EXPECT(cudaMemcpyFromSymbol(&hostView, counter, sizeof(hostView)) == cudaSuccess &&
             hostView == 12,
         "counter seen by the host = %llu", hostView);

  // Host writes: a constant array at an offset, and a table through its address.
  float newW[4] = {10, 20, 30, 40};
  EXPECT(cudaMemcpyToSymbol(weights, newW, sizeof(newW), 4 * sizeof(float)) == cudaSuccess,
         "write weights[4..7]");
  int hostTable[16];
  for (int i = 0; i < 16; ++i)
    hostTable[i] = i * i;
  void *tableAddr = nullptr;
  EXPECT(cudaGetSymbolAddress(&tableAddr, table) == cudaSuccess && tableAddr, "table address");
  EXPECT(cudaMemcpy(tableAddr, hostTable, sizeof(hostTable), cudaMemcpyHostToDevice) ==
             cudaSuccess,
         "cudaMemcpy to a symbol's address");

  const int n = 100;
  float *dOut, out[n];
  cudaMalloc(&dOut, n * sizeof(float));
  apply<<<(n + 31) / 32, 32>>>(dOut, n);
  EXPECT(cudaGetLastError() == cudaSuccess, "apply launch");
  cudaMemcpy(out, dOut, sizeof(out), cudaMemcpyDeviceToHost);
  for (int i = 0; i < n; ++i) {
    float wi = i % 8 < 4 ? float(i % 8 + 1) : newW[i % 8 - 4];
    float want = wi * 0.5f + 3 + (i % 16) * (i % 16);
    EXPECT(out[i] == want, "apply[%d] = %g, want %g", i, out[i], want);
  }

  // CUDA's errors.
  int big[32];
  EXPECT(cudaMemcpyToSymbol(table, big, sizeof(big)) == cudaErrorInvalidValue,
         "overrunning copy accepted");
  EXPECT(cudaMemcpyToSymbol(table, big, 8, 60) == cudaErrorInvalidValue,
         "offset past the end accepted");
  EXPECT(cudaMemcpyToSymbol(table, big, 4, 0, cudaMemcpyDeviceToHost) ==
             cudaErrorInvalidMemcpyDirection,
         "wrong direction accepted");
  static int notASymbol;
  EXPECT(cudaMemcpyToSymbol(notASymbol, big, 4) == cudaErrorInvalidSymbol,
         "unknown symbol accepted");
  EXPECT(cudaGetLastError() == cudaErrorInvalidSymbol, "last error is the latest one");
  EXPECT(cudaFree(tableAddr) == cudaErrorInvalidValue, "cudaFree of a symbol accepted");

  if (Failures)
    return 1;
  printf("PASSED\n");
  return 0;
}
