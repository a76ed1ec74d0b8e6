// A kernel that uses warp functions runs with every device function inlined
// into it (one warp per work-item); a recursive function there is a compile
// error naming the call's line and the function, and no object is written.
// RUN: rm -f %t.o
// RUN: %not %cuport-cc -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: not test -e %t.o
#include <cuda_runtime.h>

__device__ int fib(int n) {
  // CHECK: warp-recursion.cu:[[@LINE+1]]:{{[0-9]+}}: kernel 'reduce(int*)' uses warp functions and calls the recursive function 'fib(int)'
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

__global__ void reduce(int *o) {
  int v = o[threadIdx.x];
  v += __shfl_down_sync(0xffffffffu, v, 16);
  o[threadIdx.x] = v + fib(v);
}
