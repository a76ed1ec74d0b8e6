// Grid-wide synchronization on the AMD path is a compile error at the call,
// naming the function and the line; the SPIR-V path of the same file
// compiles, so only --offload-arch fails, and no object is written.
// RUN: rm -f %t.o
// RUN: %cuport-cc -c %s -o %t.o
// RUN: rm -f %t.o
// RUN: %not %cuport-cc --offload-arch=gfx90a -c %s -o %t.o 2>&1 | %FileCheck %s
// RUN: not test -e %t.o
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__global__ void step(int *o) {
  cg::grid_group grid = cg::this_grid();
  o[grid.thread_rank()] += 1;
  // CHECK: grid-sync.cu:[[@LINE+1]]:8: error: 'sync' is unavailable: grid_group::sync is not supported on cuport's AMD targets yet
  grid.sync();
  // CHECK: grid-sync.cu:[[@LINE+1]]:15: error: 'is_valid' is unavailable
  o[0] = grid.is_valid();
}
