// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Inclusive prefix sum. Within a block: Hillis-Steele scan over a
// double-buffered __shared__ array with __syncthreads between steps. Across
// blocks: each block's total is scanned recursively (more than 256 blocks
// needs a second level) and added back to the following blocks. Sizes cover
// 1, exact multiples of the block, one past, and multi-level inputs;
// results are compared exactly with a sequential host scan.
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

#define BLOCK 256

// Scans one block's slice in place; writes the block total to blockSums
// when it is not null.
__global__ void scanBlocks(int *data, int *blockSums, int n) {
  __shared__ int buf[2][BLOCK];
  int tid = threadIdx.x;
  int i = blockIdx.x * BLOCK + tid;
  int src = 0;
  buf[src][tid] = i < n ? data[i] : 0;
  __syncthreads();
  for (int offset = 1; offset < BLOCK; offset <<= 1) {
    int dst = 1 - src;
    int v = buf[src][tid];
    if (tid >= offset)
      v += buf[src][tid - offset];
    buf[dst][tid] = v;
    __syncthreads();
    src = dst;
  }
  if (i < n)
    data[i] = buf[src][tid];
  if (blockSums && tid == BLOCK - 1)
    blockSums[blockIdx.x] = buf[src][tid];
}

// Adds the scanned total of all earlier blocks to every element of a block.
__global__ void addBlockOffsets(int *data, const int *scannedSums, int n) {
  int i = blockIdx.x * BLOCK + threadIdx.x;
  if (blockIdx.x > 0 && i < n)
    data[i] += scannedSums[blockIdx.x - 1];
}

static int Levels = 0;

static void scanDevice(int *dData, int n, int level) {
  if (level + 1 > Levels)
    Levels = level + 1;
  int blocks = (n + BLOCK - 1) / BLOCK;
  if (blocks == 1) {
    scanBlocks<<<1, BLOCK>>>(dData, nullptr, n);
    CUDA_CHECK(cudaGetLastError());
    return;
  }
  int *dSums;
  CUDA_CHECK(cudaMalloc(&dSums, blocks * sizeof(int)));
  scanBlocks<<<blocks, BLOCK>>>(dData, dSums, n);
  CUDA_CHECK(cudaGetLastError());
  scanDevice(dSums, blocks, level + 1);
  addBlockOffsets<<<blocks, BLOCK>>>(dData, dSums, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaFree(dSums));
}

int main() {
  const int sizes[] = {1, 200, 256, 257, 1000, 65536, 70001};
  int failures = 0;
  for (int n : sizes) {
    int *h = (int *)malloc(n * sizeof(int));
    for (int i = 0; i < n; ++i)
      h[i] = (int)((i * 2654435761u) >> 28) - 3; // values in [-3, 12]
    int *d;
    CUDA_CHECK(cudaMalloc(&d, n * sizeof(int)));
    CUDA_CHECK(cudaMemcpy(d, h, n * sizeof(int), cudaMemcpyHostToDevice));
    Levels = 0;
    scanDevice(d, n, 0);
    CUDA_CHECK(cudaDeviceSynchronize());
    int *out = (int *)malloc(n * sizeof(int));
    CUDA_CHECK(cudaMemcpy(out, d, n * sizeof(int), cudaMemcpyDeviceToHost));
    long long running = 0;
    int bad = 0;
    for (int i = 0; i < n; ++i) {
      running += h[i];
      if (out[i] != running) {
        if (bad++ < 3)
          printf("mismatch: n=%d scan[%d] = %d, want %lld\n", n, i, out[i], running);
      }
    }
    printf("scan n=%d (%d levels): %s\n", n, Levels, bad ? "mismatch" : "ok");
    failures += bad;
    CUDA_CHECK(cudaFree(d));
    free(h);
    free(out);
  }
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
