// Cooperative-groups features that need warp lockstep or co-resident blocks
// are a compile error at the use, naming the function.
// RUN: %not %cuport-cc -c %s -o %t.o 2>&1 | %FileCheck %s
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__global__ void k(int *o) {
  cg::thread_block block = cg::this_thread_block();
  // CHECK: cooperative-tiles.cu:[[@LINE+1]]:19: error: 'tiled_partition<32U, cooperative_groups::thread_block>' is unavailable: cooperative_groups::tiled_partition is not supported
  auto tile = cg::tiled_partition<32>(block);
  // CHECK: cooperative-tiles.cu:[[@LINE+1]]:7: error: 'this_grid' is unavailable
  cg::this_grid().sync();
  o[0] = 1;
}
