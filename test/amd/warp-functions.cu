// Warp functions on the AMD path are a compile error at the call, naming the
// function and the line: AMD targets run 64-wide wavefronts and cuport does
// not run them with CUDA's 32-lane semantics yet. The SPIR-V path of the
// same file compiles (cuport-lower-warp-lockstep), so only --offload-arch
// fails, and no object is written.
// RUN: rm -f %t.o
// RUN: %cuport-cc -c %s -o %t.o
// RUN: rm -f %t.o
// RUN: %not %cuport-cc --offload-arch=gfx90a -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: not test -e %t.o
#include <cuda_runtime.h>

__global__ void reduce(int *o) {
  int v = o[threadIdx.x];
  // CHECK: warp-functions.cu:[[@LINE+1]]:8: error: '__shfl_down_sync<int>' is unavailable: warp-level functions are not supported on cuport's AMD targets yet
  v += __shfl_down_sync(0xffffffffu, v, 16);
  // CHECK: warp-functions.cu:[[@LINE+1]]:16: error: '__ballot_sync' is unavailable
  unsigned b = __ballot_sync(0xffffffffu, v > 0);
  o[threadIdx.x] = v + (int)b;
}
