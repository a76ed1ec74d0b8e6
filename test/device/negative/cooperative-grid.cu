// Grid-wide sync needs every block of the grid resident at once, which
// cuport's CPU target cannot promise: this_grid() and grid_group::sync()
// are a compile error at the use, naming the function. Tiles compile.
// RUN: %not %cuport-cc -c %s -o %t.o 2>&1 | %FileCheck %s
#include <cooperative_groups.h>
namespace cg = cooperative_groups;

__global__ void k(int *o) {
  cg::thread_block block = cg::this_thread_block();
  auto tile = cg::tiled_partition<32>(block);
  // CHECK-NOT: tiled_partition
  // CHECK: cooperative-grid.cu:[[@LINE+1]]:7: error: 'this_grid' is unavailable: cooperative_groups::this_grid is not supported
  cg::this_grid().sync();
  o[0] = cg::reduce(tile, o[1], cg::plus<int>());
}
