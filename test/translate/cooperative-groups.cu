// Cooperative groups: HIP keeps the namespace and most names, so the
// include rename covers them; of the names ROCm 5.2's hip_cooperative_groups.h
// lacks (CudaCooperativeGroups.def), those HIP code computes become helpers
// of cuport_hip_compat.h (hip-compat-warp.cu checks each), and the rest are
// left and warned about once per spelling, also inside a template kernel
// seen once per instantiation. A user's own functions with the same names
// are not touched.
// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err

#include <cooperative_groups.h>
// CHECK: #include <hip/hip_cooperative_groups.h>
namespace cg = cooperative_groups;

__device__ int reduce(int v) { return v; }
__device__ bool any(bool b) { return b; }

template <unsigned N> __global__ void tiles(const int *in, int *out) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<N> tile = cg::tiled_partition<N>(block);
  int v = in[block.thread_rank()];
  out[0] = tile.shfl_down(v, 1) + tile.thread_rank() + tile.size();
  // CHECK: out[0] = tile.shfl_down(v, 1) + tile.thread_rank() + tile.size();
  out[1] = cg::reduce(tile, v, cg::plus<int>());
  // CHECK: out[1] = cuport_reduce(tile, v, cuport_plus<int>());
  out[2] = tile.ballot(v > 0) + tile.meta_group_rank() + tile.num_threads();
  // CHECK: out[2] = cuport_ballot(tile, v > 0) + cuport_block_tile_meta_group_rank(tile) + tile.num_threads();
  // WARN: :[[@LINE-2]]:63: warning: 'cooperative_groups::thread_block_tile::num_threads' has no HIP equivalent in ROCm 5.2's hip_cooperative_groups.h; left unchanged
  out[3] = reduce(v) + any(v > 0);
  // CHECK: out[3] = reduce(v) + any(v > 0);
}

// grid_group: ROCm 5.2's has thread_rank(), size(), is_valid() and sync()
// only; its ranks and sizes in blocks are computed from blockIdx and gridDim.
struct Grid {
  __device__ unsigned long long num_blocks() const { return 1; }
};

__global__ void grid(unsigned long long *out) {
  cg::grid_group grid = cg::this_grid();
  // CHECK: cg::grid_group grid = cg::this_grid();
  out[0] = grid.thread_rank() + grid.size() + grid.is_valid();
  // CHECK: out[0] = grid.thread_rank() + grid.size() + grid.is_valid();
  grid.sync();
  // CHECK: grid.sync();
  out[1] = grid.num_blocks() + cg::this_grid().block_rank();
  // CHECK: out[1] = cuport_num_blocks(grid) + cuport_block_rank(cg::this_grid());
  dim3 bi = grid.block_index(), gd = grid.dim_blocks();
  // CHECK: dim3 bi = cuport_block_index(grid), gd = cuport_dim_blocks(grid);
  out[3] = grid.num_threads();
  // WARN: :[[@LINE-1]]:17: warning: 'cooperative_groups::grid_group::num_threads' has no HIP equivalent in ROCm 5.2's hip_cooperative_groups.h; left unchanged
  out[2] = bi.x + gd.x + Grid().num_blocks();
  // CHECK: out[2] = bi.x + gd.x + Grid().num_blocks();
}
// WARN-NOT: warning

template __global__ void tiles<16>(const int *, int *);
template __global__ void tiles<32>(const int *, int *);
