// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// A grid of 70,000 blocks in x (more than the 65,535 limit of y and z and of
// old devices) with 32 threads each. Every thread writes a value derived from
// its global index, and thread 0 of each block records blockIdx.x and
// gridDim.x, so a block that did not run, ran twice with the wrong index, or
// saw a truncated grid size is caught.
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

__global__ void stamp(unsigned *out, unsigned *blockIds, unsigned *gridDims) {
  unsigned gid = blockIdx.x * blockDim.x + threadIdx.x;
  out[gid] = gid ^ 0x5a5a5a5au;
  if (threadIdx.x == 0) {
    blockIds[blockIdx.x] = blockIdx.x;
    gridDims[blockIdx.x] = gridDim.x;
  }
}

int main() {
  const unsigned blocks = 70000, threads = 32, n = blocks * threads;
  unsigned *dOut, *dBlockIds, *dGridDims;
  CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(unsigned)));
  CUDA_CHECK(cudaMalloc(&dBlockIds, blocks * sizeof(unsigned)));
  CUDA_CHECK(cudaMalloc(&dGridDims, blocks * sizeof(unsigned)));
  CUDA_CHECK(cudaMemset(dOut, 0xff, n * sizeof(unsigned)));
  CUDA_CHECK(cudaMemset(dBlockIds, 0xff, blocks * sizeof(unsigned)));
  CUDA_CHECK(cudaMemset(dGridDims, 0, blocks * sizeof(unsigned)));

  stamp<<<blocks, threads>>>(dOut, dBlockIds, dGridDims);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());

  unsigned *out = (unsigned *)malloc(n * sizeof(unsigned));
  unsigned *blockIds = (unsigned *)malloc(blocks * sizeof(unsigned));
  unsigned *gridDims = (unsigned *)malloc(blocks * sizeof(unsigned));
  CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(unsigned), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(blockIds, dBlockIds, blocks * sizeof(unsigned), cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(gridDims, dGridDims, blocks * sizeof(unsigned), cudaMemcpyDeviceToHost));

  int failures = 0;
  for (unsigned i = 0; i < n; ++i)
    if (out[i] != (i ^ 0x5a5a5a5au)) {
      if (failures++ < 5)
        printf("mismatch: out[%u] (block %u) = 0x%08x, want 0x%08x\n", i, i / threads,
               out[i], i ^ 0x5a5a5a5au);
    }
  for (unsigned b = 0; b < blocks; ++b)
    if (blockIds[b] != b || gridDims[b] != blocks) {
      if (failures++ < 10)
        printf("mismatch: block %u recorded blockIdx.x = %u, gridDim.x = %u\n", b,
               blockIds[b], gridDims[b]);
    }
  printf("grid %u x %u threads: last block saw blockIdx.x = %u\n", blocks, threads,
         blockIds[blocks - 1]);

  CUDA_CHECK(cudaFree(dOut));
  CUDA_CHECK(cudaFree(dBlockIds));
  CUDA_CHECK(cudaFree(dGridDims));
  free(out);
  free(blockIds);
  free(gridDims);
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
