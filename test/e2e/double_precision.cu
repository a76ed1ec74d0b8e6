// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Double precision in device code: values that only survive in 64-bit
// floating point ((1 + x) - 1 for tiny x, integers up to 2^53), conversions
// double <-> float <-> int64 (correctly rounded, so exact), per-thread
// series sums and Horner polynomials checked against host values with a
// relative tolerance of 1e-12, and a __shared__ double tree reduction.
// Uses only + - * / and conversions (no math library calls).
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

#define NUM_OPS 8
#define BLOCK 128

__global__ void doubleOps(const double *x, double *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  double v = x[i];
  double *o = out + (size_t)i * NUM_OPS;
  double tiny = 1e-12 * (i + 1);
  o[0] = (1.0 + tiny) - 1.0;                  // ~tiny in double, 0 in float
  o[1] = (double)(float)v;                    // rounding to float
  o[2] = (double)(long long)(v * 1e6);        // truncation toward zero
  o[3] = (double)((1LL << 53) - i) + 0.0;     // large integers stay exact
  double s = 0.0;                             // harmonic-like series
  for (int k = 1; k <= 1000; ++k)
    s += 1.0 / ((double)k * (double)k + v * v);
  o[4] = s;
  // ln(1 + y) series for |y| < 0.25, Horner form, 30 terms.
  double y = v / 8.0;
  double p = 0.0;
  for (int k = 30; k >= 1; --k)
    p = p * y + ((k % 2) ? 1.0 : -1.0) / k;
  o[5] = p * y;
  o[6] = v / 3.0;
  o[7] = (double)(2.0f / 3.0f) - 2.0 / 3.0;   // float vs double rounding of 2/3
}

__global__ void blockSumDouble(const double *x, double *blockSums, int n) {
  __shared__ double partial[BLOCK];
  int tid = threadIdx.x;
  int i = blockIdx.x * BLOCK + tid;
  partial[tid] = i < n ? x[i] : 0.0;
  __syncthreads();
  for (int stride = BLOCK / 2; stride > 0; stride /= 2) {
    if (tid < stride)
      partial[tid] += partial[tid + stride];
    __syncthreads();
  }
  if (tid == 0)
    blockSums[blockIdx.x] = partial[0];
}

static int Failures = 0;
static void expectRel(const char *what, int i, double got, double want, double rel) {
  if (!(fabs(got - want) <= rel * fabs(want) + 1e-300)) {
    if (Failures < 10)
      printf("mismatch: %s[%d] = %.17g, want %.17g\n", what, i, got, want);
    ++Failures;
  }
}

int main() {
  const int n = 1000;
  double *x = (double *)malloc(n * sizeof(double));
  for (int i = 0; i < n; ++i)
    x[i] = (i % 2 ? -1.0 : 1.0) * (0.001 + 1.9 * i / n) + 1e-9 * i; // |x| < 2
  double *dX, *dOut;
  CUDA_CHECK(cudaMalloc(&dX, n * sizeof(double)));
  CUDA_CHECK(cudaMalloc(&dOut, n * NUM_OPS * sizeof(double)));
  CUDA_CHECK(cudaMemcpy(dX, x, n * sizeof(double), cudaMemcpyHostToDevice));
  doubleOps<<<(n + BLOCK - 1) / BLOCK, BLOCK>>>(dX, dOut, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  double *out = (double *)malloc(n * NUM_OPS * sizeof(double));
  CUDA_CHECK(cudaMemcpy(out, dOut, n * NUM_OPS * sizeof(double), cudaMemcpyDeviceToHost));

  for (int i = 0; i < n; ++i) {
    const double *o = out + (size_t)i * NUM_OPS;
    double v = x[i];
    // (1 + tiny) - 1 is tiny up to the spacing of doubles near 1 (2.2e-16).
    double tiny = 1e-12 * (i + 1);
    if (!(fabs(o[0] - tiny) <= 2.3e-16)) {
      if (Failures++ < 10)
        printf("mismatch: (1 + %.3g) - 1 = %.17g: not double precision\n", tiny, o[0]);
    }
    expectRel("double->float", i, o[1], (double)(float)v, 0);
    expectRel("double->int64 truncation", i, o[2], trunc(v * 1e6), 0);
    expectRel("2^53 - i", i, o[3], 9007199254740992.0 - i, 0);
    // Series reference summed from the small end (more accurate).
    double s = 0;
    for (int k = 1000; k >= 1; --k)
      s += 1.0 / ((double)k * k + v * v);
    expectRel("series", i, o[4], s, 1e-12);
    expectRel("log1p series", i, o[5], log1p(v / 8.0), 1e-12);
    expectRel("v / 3", i, o[6], v / 3.0, 1e-15);
    expectRel("float(2/3) - 2/3", i, o[7], (double)(2.0f / 3.0f) - 2.0 / 3.0, 1e-9);
  }
  if (out[7] == 0.0) {
    printf("mismatch: float(2/3) and double 2/3 compared equal on the device\n");
    ++Failures;
  }

  // Shared-memory reduction of doubles whose float sum would be visibly off.
  const int m = 5000;
  double *vals = (double *)malloc(m * sizeof(double));
  for (int i = 0; i < m; ++i)
    vals[i] = 1.0 + 1e-10 * i;
  int blocks = (m + BLOCK - 1) / BLOCK;
  double *dVals, *dSums;
  CUDA_CHECK(cudaMalloc(&dVals, m * sizeof(double)));
  CUDA_CHECK(cudaMalloc(&dSums, blocks * sizeof(double)));
  CUDA_CHECK(cudaMemcpy(dVals, vals, m * sizeof(double), cudaMemcpyHostToDevice));
  blockSumDouble<<<blocks, BLOCK>>>(dVals, dSums, m);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  double *sums = (double *)malloc(blocks * sizeof(double));
  CUDA_CHECK(cudaMemcpy(sums, dSums, blocks * sizeof(double), cudaMemcpyDeviceToHost));
  double total = 0;
  for (int b = 0; b < blocks; ++b) {
    int first = b * BLOCK, last = first + BLOCK < m ? first + BLOCK : m;
    // Closed form of sum(1 + 1e-10 i) over [first, last).
    double cnt = last - first;
    double want = cnt + 1e-10 * (cnt * (first + last - 1) / 2.0);
    expectRel("block sum", b, sums[b], want, 1e-14);
    total += sums[b];
  }
  expectRel("total", 0, total, m + 1e-10 * (m * (m - 1.0) / 2.0), 1e-14);

  CUDA_CHECK(cudaFree(dX));
  CUDA_CHECK(cudaFree(dOut));
  CUDA_CHECK(cudaFree(dVals));
  CUDA_CHECK(cudaFree(dSums));
  free(x);
  free(out);
  free(vals);
  free(sums);
  if (Failures) {
    printf("FAILED: %d mismatches\n", Failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
