// RUN: %cuport-cc -dc %s -o %t.main.o && %cuport-cc -dc %S/Inputs/rdc_var_def.cu -o %t.def.o && %cuport-cc %t.main.o %t.def.o -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// A __device__ variable defined in one file (Inputs/rdc_var_def.cu) and used
// from kernels in another through `extern __device__`, built with -dc and a
// separate link step. Also launches a kernel defined in the other file, and
// reaches the variables from the host both by symbol in this file and through
// helpers in the defining file, checking that all of them see one object.
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

extern __device__ int gTable[64];
extern __device__ float gScale;
extern __device__ unsigned long long gLaunchCount;

__global__ void fillTable(int base);
cudaError_t setScaleFromDefiningFile(float s);
cudaError_t readTableFromDefiningFile(int *out);

// Reads the table and the scale, both defined in the other file.
__global__ void useTable(float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = (float)gTable[i % 64] * gScale;
}

__global__ void bumpTable(int delta) {
  int i = threadIdx.x;
  if (i < 64)
    gTable[i] += delta * (i + 1);
  if (i == 0)
    gLaunchCount += 100;
}

static int Failures = 0;
static void expectEq(const char *what, int i, double got, double want) {
  if (got != want) {
    if (Failures < 10)
      printf("mismatch: %s[%d] = %.9g, want %.9g\n", what, i, got, want);
    ++Failures;
  }
}

int main() {
  const int n = 200;
  int table[64];
  float *out = (float *)malloc(n * sizeof(float));
  float *dOut;
  CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(float)));

  // The initializer of gScale in the defining file must be visible here.
  float scale = 0;
  CUDA_CHECK(cudaMemcpyFromSymbol(&scale, gScale, sizeof(scale)));
  expectEq("initial gScale", 0, scale, 2.5);

  // Kernel from the other file writes the table; a kernel here reads it.
  fillTable<<<1, 64>>>(10);
  CUDA_CHECK(cudaGetLastError());
  useTable<<<(n + 63) / 64, 64>>>(dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i)
    expectEq("useTable after fill", i, out[i], 2.5 * (10 + (i % 64) * (i % 64)));

  // Scale set by symbol from the defining file, table changed by a kernel here,
  // read back through this file's extern declaration.
  CUDA_CHECK(setScaleFromDefiningFile(-0.5f));
  bumpTable<<<1, 64>>>(3);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpyFromSymbol(table, gTable, sizeof(table)));
  for (int i = 0; i < 64; ++i)
    expectEq("gTable via extern symbol", i, table[i], 10 + i * i + 3 * (i + 1));
  useTable<<<(n + 63) / 64, 64>>>(dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    int k = i % 64;
    expectEq("useTable after bump", i, out[i], -0.5 * (10 + k * k + 3 * (k + 1)));
  }

  // Table written by symbol here, read through the defining file's helper.
  for (int i = 0; i < 64; ++i)
    table[i] = 1000 - 7 * i;
  CUDA_CHECK(cudaMemcpyToSymbol(gTable, table, sizeof(table)));
  int back[64];
  CUDA_CHECK(readTableFromDefiningFile(back));
  for (int i = 0; i < 64; ++i)
    expectEq("gTable via defining file", i, back[i], 1000 - 7 * i);

  unsigned long long launches = 0;
  CUDA_CHECK(cudaMemcpyFromSymbol(&launches, gLaunchCount, sizeof(launches)));
  expectEq("gLaunchCount", 0, (double)launches, 101);

  CUDA_CHECK(cudaFree(dOut));
  free(out);
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
