// Warp functions and cooperative-groups names ROCm 5.2's HIP lacks but HIP
// code computes exactly (HipCompatWarp.def): calls become helpers of the
// generated cuport_hip_compat.h, with a note, and never a warning, except
// where a 64-wide wavefront changes a result's width (a coalesced group's
// ballot) and where the translator cannot see the group a tile's
// meta_group_rank/size is relative to. Members become calls taking the
// group (also through a pointer, a macro's argument and in a template seen
// once per instantiation); one spelled in a macro body is left and warned
// about. A user's own functions of the same names are left alone.
// RUN: %cuport-translate %s -- 2> %t.err | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=DIAG %s < %t.err
// RUN: FileCheck --check-prefix=NOTE %s < %t.err

#include <cooperative_groups.h>
#include <cuda_runtime.h>
namespace cg = cooperative_groups;
#define SYNC_ALL() __syncwarp()
#define APPLY(x) x
#define TILE_BALLOT(t, p) t.ballot(p)
// CHECK: #include "cuport_hip_compat.h"
// CHECK: #define SYNC_ALL() cuport_syncwarp()
// CHECK-NEXT: #define APPLY(x) x
// CHECK-NEXT: #define TILE_BALLOT(t, p) t.ballot(p)
// DIAG: hip-compat-warp.cu:[[@LINE-5]]:29: warning: 'cooperative_groups::thread_block_tile::ballot' has no HIP equivalent in ROCm 5.2's hip_cooperative_groups.h; left unchanged

namespace mine {
__device__ unsigned __reduce_add_sync(unsigned mask, unsigned v) { return mask + v; }
struct Tile {
  __device__ unsigned ballot(int p) const { return p; }
  __device__ unsigned long long meta_group_rank() const { return 0; }
};
template <typename T> struct plus {
  __device__ T operator()(T a, T b) const { return a + b; }
};
__device__ int reduce(const Tile &, int v, plus<int>) { return v; }
} // namespace mine

__global__ void warp(const int *in, unsigned *out) {
  __shared__ int stage[64];
  int v = in[threadIdx.x];
  unsigned active = __activemask();
  // CHECK: unsigned active = cuport_activemask();
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:21: note: '__activemask' has no HIP equivalent in ROCm 5.2; 'cuport_activemask' computes the same: the active lanes of the caller's 32-lane half of the wavefront (its CUDA warp), from HIP's __ballot
  stage[threadIdx.x] = v;
  __syncwarp();
  // CHECK: cuport_syncwarp();
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:3: note: '__syncwarp' has no HIP equivalent in ROCm 5.2; 'cuport_syncwarp' computes the same: the lanes of a wavefront run together; a wave barrier between work-group-scope release and acquire fences orders their memory accesses
  __syncwarp(active);
  // CHECK: cuport_syncwarp(active);
  SYNC_ALL();
  // CHECK: SYNC_ALL();
  int pred;
  out[0] = __match_any_sync(0xffffffffu, v % 3) + __match_all_sync(active, 1.5f, &pred);
  // CHECK: out[0] = cuport_match_any_sync(0xffffffffu, v % 3) + cuport_match_all_sync(active, 1.5f, &pred);
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:12: note: '__match_any_sync' has no HIP equivalent in ROCm 5.2; 'cuport_match_any_sync' computes the same: the active lanes of the mask whose value has the caller's bits, from HIP's __shfl
  out[1] = __reduce_add_sync(active, (unsigned)v) + __reduce_min_sync(0xffffu, v) + __reduce_max_sync(0xffffu, v);
  // CHECK: out[1] = cuport_reduce_add_sync(active, (unsigned)v) + cuport_reduce_min_sync(0xffffu, v) + cuport_reduce_max_sync(0xffffu, v);
  out[2] = __reduce_and_sync(~0u, 1u) | __reduce_or_sync(~0u, 2u) | __reduce_xor_sync(~0u, 4u);
  // CHECK: out[2] = cuport_reduce_and_sync(~0u, 1u) | cuport_reduce_or_sync(~0u, 2u) | cuport_reduce_xor_sync(~0u, 4u);
  out[3] = APPLY(__reduce_add_sync(0xffffffffu, 1u)) + mine::__reduce_add_sync(1u, 2u);
  // CHECK: out[3] = APPLY(cuport_reduce_add_sync(0xffffffffu, 1u)) + mine::__reduce_add_sync(1u, 2u);
}

template <unsigned N> __global__ void tiles(const int *in, int *out) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<N> tile = cg::tiled_partition<N>(block);
  int v = in[block.thread_rank()];
  out[0] = cg::reduce(tile, v, cg::plus<int>()) + cg::reduce(tile, v, cg::less<int>());
  // CHECK: out[0] = cuport_reduce(tile, v, cuport_plus<int>()) + cuport_reduce(tile, v, cuport_less<int>());
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:16: note: 'cooperative_groups::reduce' has no HIP equivalent in ROCm 5.2; 'cuport_reduce' computes the same: the operator folded over the group's values in rank order, read with the group's shfl
  // NOTE: hip-compat-warp.cu:[[@LINE-3]]:36: note: 'cooperative_groups::plus' has no HIP equivalent in ROCm 5.2; 'cuport_plus' computes the same: the same operator: a + b
  // NOTE: hip-compat-warp.cu:[[@LINE-4]]:75: note: 'cooperative_groups::less' has no HIP equivalent in ROCm 5.2; 'cuport_less' computes the same: the same operator: the smaller operand
  out[1] = cg::reduce(tile, v, cg::greater<int>()) + cg::inclusive_scan(tile, v) + cg::exclusive_scan(tile, v);
  // CHECK: out[1] = cuport_reduce(tile, v, cuport_greater<int>()) + cuport_inclusive_scan(tile, v) + cuport_exclusive_scan(tile, v);
  out[2] = cg::inclusive_scan(tile, v, cg::bit_or<int>()) + cg::reduce(tile, (unsigned)v, cg::bit_and<unsigned>());
  // CHECK: out[2] = cuport_inclusive_scan(tile, v, cuport_bit_or<int>()) + cuport_reduce(tile, (unsigned)v, cuport_bit_and<unsigned>());
  out[3] = cg::exclusive_scan(tile, v, cg::bit_xor<int>());
  // CHECK: out[3] = cuport_exclusive_scan(tile, v, cuport_bit_xor<int>());
  out[4] = tile.ballot(v & 1) + tile.any(v > 9) + tile.all(v > 0);
  // CHECK: out[4] = cuport_ballot(tile, v & 1) + cuport_any(tile, v > 9) + cuport_all(tile, v > 0);
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:17: note: 'cooperative_groups::thread_block_tile::ballot' has no HIP equivalent in ROCm 5.2; 'cuport_ballot' computes the same: bit i is the predicate of the tile's rank i, read with the tile's shfl
  int p;
  out[5] = tile.match_any(v % 3) + tile.match_all(v, p) + TILE_BALLOT(tile, v) + APPLY(tile.any(v));
  // CHECK: out[5] = cuport_match_any(tile, v % 3) + cuport_match_all(tile, v, p) + TILE_BALLOT(tile, v) + APPLY(cuport_any(tile, v));
  out[6] = tile.meta_group_rank() + tile.meta_group_size() + cg::tiled_partition<4>(block).meta_group_rank();
  // CHECK: out[6] = cuport_block_tile_meta_group_rank(tile) + cuport_block_tile_meta_group_size(tile) + cuport_block_tile_meta_group_rank(cg::tiled_partition<4>(block));
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:17: note: 'cooperative_groups::thread_block_tile::meta_group_rank' has no HIP equivalent in ROCm 5.2; 'cuport_block_tile_meta_group_rank' computes the same: the tile was partitioned from the thread block: the block's thread_rank divided by the tile size
  out[7] = mine::Tile().ballot(v) + mine::Tile().meta_group_rank() + mine::reduce(mine::Tile(), v, mine::plus<int>());
  // CHECK: out[7] = mine::Tile().ballot(v) + mine::Tile().meta_group_rank() + mine::reduce(mine::Tile(), v, mine::plus<int>());
  tile.sync();
}
template __global__ void tiles<16>(const int *, int *);
template __global__ void tiles<32>(const int *, int *);

// A tile whose parent the translator cannot vouch for: its address is
// taken, it is assigned to, it is a parameter.
__device__ int parents(const cg::thread_block_tile<8> &param, int v) {
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<8> tile = cg::tiled_partition<8>(block);
  const cg::thread_block_tile<8> *ptr = &tile;
  int r = (int)tile.meta_group_rank() + (int)ptr->meta_group_size() + (int)ptr->ballot(v);
  // CHECK: int r = (int)tile.meta_group_rank() + (int)ptr->meta_group_size() + (int)cuport_ballot(*ptr, v);
  // DIAG: hip-compat-warp.cu:[[@LINE-2]]:21: warning: 'cooperative_groups::thread_block_tile::meta_group_rank' is relative to the group the tile was partitioned from, and cuport-translate cannot see here that it is the thread block (tiled_partition<N>(block) in the tile's initializer, the tile never assigned to); ROCm 5.2's hip_cooperative_groups.h has no such member; left unchanged
  // DIAG: hip-compat-warp.cu:[[@LINE-3]]:51: warning: 'cooperative_groups::thread_block_tile::meta_group_size' is relative to the group
  cg::thread_block_tile<8> other = cg::tiled_partition<8>(block);
  other = cg::tiled_partition<8>(block);
  r += (int)other.meta_group_size() + (int)param.meta_group_rank();
  // CHECK: r += (int)other.meta_group_size() + (int)param.meta_group_rank();
  // DIAG: hip-compat-warp.cu:[[@LINE-2]]:19: warning: 'cooperative_groups::thread_block_tile::meta_group_size' is relative to the group
  // DIAG: hip-compat-warp.cu:[[@LINE-3]]:50: warning: 'cooperative_groups::thread_block_tile::meta_group_rank' is relative to the group
  return r;
}

__global__ void coalesced(const int *in, unsigned long long *out) {
  cg::coalesced_group odd = cg::coalesced_threads();
  out[0] = odd.ballot(in[0] & 1) + odd.any(1) + odd.all(0);
  // CHECK: out[0] = cuport_ballot(odd, in[0] & 1) + cuport_any(odd, 1) + cuport_all(odd, 0);
  // DIAG: hip-compat-warp.cu:[[@LINE-2]]:16: warning: 'cooperative_groups::coalesced_group::ballot' gives a 64-bit lane mask on a 64-wide AMD wavefront; code that keeps it in 32 bits (unsigned, __popc, __ffs) changes meaning
}

__global__ void grid(unsigned long long *out) {
  cg::grid_group grid = cg::this_grid();
  out[0] = grid.num_blocks() + cg::this_grid().block_rank();
  // CHECK: out[0] = cuport_num_blocks(grid) + cuport_block_rank(cg::this_grid());
  // NOTE: hip-compat-warp.cu:[[@LINE-2]]:17: note: 'cooperative_groups::grid_group::num_blocks' has no HIP equivalent in ROCm 5.2; 'cuport_num_blocks' computes the same: gridDim.x * gridDim.y * gridDim.z
  dim3 bi = grid.block_index(), gd = grid.dim_blocks();
  // CHECK: dim3 bi = cuport_block_index(grid), gd = cuport_dim_blocks(grid);
  out[1] = bi.x + gd.y + grid.thread_rank() + grid.size();
  // CHECK: out[1] = bi.x + gd.y + grid.thread_rank() + grid.size();
}
// DIAG-NOT: warning
