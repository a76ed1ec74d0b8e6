// A kernel that synchronizes its grid runs like a kernel with warp
// functions, every device function inlined into it; a recursive function
// there is a compile error naming the call's line and the function, and no
// object is written.
// RUN: rm -f %t.o
// RUN: %not %cuport-cc -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: not test -e %t.o
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__device__ int paths(int n) {
  // CHECK: grid-recursion.cu:[[@LINE+1]]:{{[0-9]+}}: kernel 'step(int*)' synchronizes its grid and calls the recursive function 'paths(int)'
  return n < 2 ? 1 : paths(n - 1) + paths(n - 2);
}

__global__ void step(int *o) {
  cg::grid_group grid = cg::this_grid();
  o[grid.thread_rank()] = paths(o[grid.thread_rank()]);
  grid.sync();
}
