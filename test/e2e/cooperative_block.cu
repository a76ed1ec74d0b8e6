// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// The cooperative-groups block subset: this_thread_block(), sync(),
// thread_rank() over 3-D blocks, size(), group_index(), in a shared-memory
// reduction checked against the host.
#include <cooperative_groups.h>
#include <cstdio>

namespace cg = cooperative_groups;

__global__ void blockSums(const int *in, int *out) {
  cg::thread_block block = cg::this_thread_block();
  __shared__ int partial[256];
  unsigned rank = (unsigned)block.thread_rank();
  unsigned size = (unsigned)block.size();
  unsigned blockId = block.group_index().x;
  partial[rank] = in[blockId * size + rank];
  block.sync();
  for (unsigned s = size / 2; s > 0; s /= 2) {
    if (rank < s)
      partial[rank] += partial[rank + s];
    cg::sync(block);
  }
  if (rank == 0)
    out[blockId] = partial[0] * 1000 + (int)size;
}

int main() {
  const int blocks = 6, size = 4 * 8 * 8; // 3-D blocks of 4x8x8 = 256 threads
  int h[blocks * size], sums[blocks];
  for (int i = 0; i < blocks * size; ++i)
    h[i] = (i * 37) % 101 - 50;
  int *dIn, *dOut;
  cudaMalloc(&dIn, sizeof(h));
  cudaMalloc(&dOut, sizeof(sums));
  cudaMemcpy(dIn, h, sizeof(h), cudaMemcpyHostToDevice);
  blockSums<<<blocks, dim3(4, 8, 8)>>>(dIn, dOut);
  cudaMemcpy(sums, dOut, sizeof(sums), cudaMemcpyDeviceToHost);
  for (int b = 0; b < blocks; ++b) {
    int want = 0;
    for (int t = 0; t < size; ++t)
      want += h[b * size + t];
    if (sums[b] != want * 1000 + size) {
      printf("FAILED: block %d sum %d want %d\n", b, sums[b], want * 1000 + size);
      return 1;
    }
  }
  printf("PASSED\n");
  return 0;
}
