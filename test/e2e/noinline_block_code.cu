// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// __noinline__ device functions that call __syncthreads, read threadIdx and
// blockDim and own a static __shared__ array, two levels deep, over 4096
// blocks (many run at once): every block must get its own shared memory and
// barriers (cuport-inline-work-group-code). A __noinline__ function that
// only computes is called too.
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

__device__ __noinline__ int square(int x) { return x * x; }

__device__ __noinline__ int blockSum(int v) {
  __shared__ int s[256];
  s[threadIdx.x] = v;
  __syncthreads();
  for (int o = blockDim.x / 2; o > 0; o /= 2) {
    if (threadIdx.x < o)
      s[threadIdx.x] += s[threadIdx.x + o];
    __syncthreads();
  }
  int r = s[0];
  __syncthreads();
  return r;
}

__device__ __noinline__ int sumOfSquares(int v) { return blockSum(square(v)); }

__global__ void sums(const int *in, int *out) {
  int v = in[blockIdx.x * blockDim.x + threadIdx.x];
  int a = blockSum(v);
  int b = sumOfSquares(v);
  if (threadIdx.x == 0) {
    out[2 * blockIdx.x] = a;
    out[2 * blockIdx.x + 1] = b;
  }
}

int main() {
  const int blocks = 4096, threads = 256, n = blocks * threads;
  std::vector<int> in(n), out(2 * blocks);
  for (int i = 0; i < n; ++i)
    in[i] = (int)((i * 2654435761u) >> 11) % 23 - 11;
  int *dIn, *dOut;
  CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(int)));
  CUDA_CHECK(cudaMalloc(&dOut, 2 * blocks * sizeof(int)));
  CUDA_CHECK(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  sums<<<blocks, threads>>>(dIn, dOut);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
  int bad = 0;
  for (int b = 0; b < blocks; ++b) {
    int sum = 0, squares = 0;
    for (int i = 0; i < threads; ++i) {
      int v = in[b * threads + i];
      sum += v;
      squares += v * v;
    }
    if (out[2 * b] != sum || out[2 * b + 1] != squares) {
      if (bad++ < 10)
        printf("FAILED: block %d: %d %d, want %d %d\n", b, out[2 * b], out[2 * b + 1], sum, squares);
    }
  }
  if (bad) {
    printf("%d blocks wrong\n", bad);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
