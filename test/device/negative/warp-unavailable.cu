// Warp-level functions are a compile error at the call, naming the function
// and the line, until the CPU target can run them exactly; no object is
// written.
// RUN: rm -f %t.o
// RUN: %not %cuport-cc -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: not test -e %t.o
#include <cuda_runtime.h>

__global__ void reduce(int *o) {
  int v = o[threadIdx.x];
  // CHECK: warp-unavailable.cu:[[@LINE+1]]:8: error: '__shfl_down_sync<int>' is unavailable: warp-level functions are not supported by cuport's SPIR-V target yet
  v += __shfl_down_sync(0xffffffffu, v, 16);
  // CHECK: warp-unavailable.cu:[[@LINE+1]]:16: error: '__ballot_sync' is unavailable
  unsigned b = __ballot_sync(0xffffffffu, v > 0);
  o[threadIdx.x] = v + (int)b;
}
