// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Block reductions in __shared__ memory with __syncthreads (no warp
// shuffles): a multi-pass integer sum, a float maximum, and an arg-min that
// reduces (value, index) pairs with a deterministic tie-break toward the
// lower index. Sizes that are not powers of two or multiples of the block,
// including 1. All comparisons are exact.
#include <cuda_runtime.h>

#include <cfloat>
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

#define BLOCK 128

__global__ void sumPass(const long long *in, long long *out, int n) {
  __shared__ long long s[BLOCK];
  int tid = threadIdx.x;
  int i = blockIdx.x * BLOCK + tid;
  s[tid] = i < n ? in[i] : 0;
  __syncthreads();
  for (int stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (tid < stride)
      s[tid] += s[tid + stride];
    __syncthreads();
  }
  if (tid == 0)
    out[blockIdx.x] = s[0];
}

// One block, strided over the whole input: max and arg-min together.
__global__ void maxAndArgMin(const float *in, int n, float *maxOut, int *argMinOut) {
  __shared__ float maxS[BLOCK];
  __shared__ float minS[BLOCK];
  __shared__ int idxS[BLOCK];
  int tid = threadIdx.x;
  float mx = -FLT_MAX, mn = FLT_MAX;
  int idx = -1;
  for (int i = tid; i < n; i += BLOCK) {
    float v = in[i];
    mx = fmaxf(mx, v);
    if (v < mn) { // strided order visits each thread's indices increasing
      mn = v;
      idx = i;
    }
  }
  maxS[tid] = mx;
  minS[tid] = mn;
  idxS[tid] = idx;
  __syncthreads();
  for (int stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (tid < stride) {
      maxS[tid] = fmaxf(maxS[tid], maxS[tid + stride]);
      float a = minS[tid], b = minS[tid + stride];
      int ia = idxS[tid], ib = idxS[tid + stride];
      if (ib >= 0 && (ia < 0 || b < a || (b == a && ib < ia))) {
        minS[tid] = b;
        idxS[tid] = ib;
      }
    }
    __syncthreads();
  }
  if (tid == 0) {
    *maxOut = maxS[0];
    *argMinOut = idxS[0];
  }
}

int main() {
  const int sizes[] = {1, 127, 128, 129, 1000, 100000};
  int failures = 0;
  for (int n : sizes) {
    long long *vals = (long long *)malloc(n * sizeof(long long));
    float *fvals = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i) {
      vals[i] = (long long)((i * 2654435761u) % 100000) * 1000003LL - 50000000000LL;
      // Repeated values force ties in the arg-min.
      fvals[i] = (float)((i * 7919) % 1009) * 0.5f - 100.0f;
    }
    long long *dA, *dB;
    CUDA_CHECK(cudaMalloc(&dA, n * sizeof(long long)));
    CUDA_CHECK(cudaMalloc(&dB, n * sizeof(long long)));
    CUDA_CHECK(cudaMemcpy(dA, vals, n * sizeof(long long), cudaMemcpyHostToDevice));
    int remaining = n;
    do {
      int blocks = (remaining + BLOCK - 1) / BLOCK;
      sumPass<<<blocks, BLOCK>>>(dA, dB, remaining);
      CUDA_CHECK(cudaGetLastError());
      long long *t = dA;
      dA = dB;
      dB = t;
      remaining = blocks;
    } while (remaining > 1);
    CUDA_CHECK(cudaDeviceSynchronize());
    long long sum;
    CUDA_CHECK(cudaMemcpy(&sum, dA, sizeof(sum), cudaMemcpyDeviceToHost));

    float *dF, *dMax;
    int *dArg;
    CUDA_CHECK(cudaMalloc(&dF, n * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dMax, sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dArg, sizeof(int)));
    CUDA_CHECK(cudaMemcpy(dF, fvals, n * sizeof(float), cudaMemcpyHostToDevice));
    maxAndArgMin<<<1, BLOCK>>>(dF, n, dMax, dArg);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    float mx;
    int arg;
    CUDA_CHECK(cudaMemcpy(&mx, dMax, sizeof(mx), cudaMemcpyDeviceToHost));
    CUDA_CHECK(cudaMemcpy(&arg, dArg, sizeof(arg), cudaMemcpyDeviceToHost));

    long long wantSum = 0;
    float wantMax = fvals[0];
    int wantArg = 0;
    for (int i = 0; i < n; ++i) {
      wantSum += vals[i];
      if (fvals[i] > wantMax)
        wantMax = fvals[i];
      if (fvals[i] < fvals[wantArg])
        wantArg = i;
    }
    if (sum != wantSum) {
      ++failures;
      printf("mismatch: n=%d sum %lld, want %lld\n", n, sum, wantSum);
    }
    if (mx != wantMax) {
      ++failures;
      printf("mismatch: n=%d max %g, want %g\n", n, mx, wantMax);
    }
    if (arg != wantArg) {
      ++failures;
      printf("mismatch: n=%d argmin %d, want %d (first index of the minimum)\n", n, arg, wantArg);
    }
    CUDA_CHECK(cudaFree(dA));
    CUDA_CHECK(cudaFree(dB));
    CUDA_CHECK(cudaFree(dF));
    CUDA_CHECK(cudaFree(dMax));
    CUDA_CHECK(cudaFree(dArg));
    free(vals);
    free(fvals);
  }
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
