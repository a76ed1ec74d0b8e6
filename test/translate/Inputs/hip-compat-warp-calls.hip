// Calls every warp and cooperative-groups helper of cuport_hip_compat.h
// (HipCompatWarp.def) with each operand type CUDA gives it, for
// hip-compat-warp-header.test to compile with hipcc and read the ISA of.
#include "all.h"
namespace cg = cooperative_groups;

// Between a __shared__ store and a load of another lane's word: a wave
// barrier, no work-group barrier.
extern "C" __global__ void syncwarpOnly(const int *In, int *Out) {
  __shared__ int Stage[256];
  Stage[threadIdx.x] = In[threadIdx.x];
  cuport_syncwarp();
  Out[threadIdx.x] = Stage[threadIdx.x ^ 1];
}

// Votes, matches and reductions over lanes: cross-lane operations only.
extern "C" __global__ void warpOnly(const int *In, unsigned *Out) {
  int V = In[threadIdx.x];
  unsigned U = V;
  int P;
  Out[threadIdx.x] = cuport_activemask() + cuport_match_any_sync(~0u, V) + cuport_match_any_sync(~0u, 1.5) +
                     cuport_match_any_sync(~0u, 2.0f) + cuport_match_any_sync(~0u, 3ll) +
                     cuport_match_any_sync(~0u, 4ull) + cuport_match_any_sync(~0u, 5ul) +
                     cuport_match_all_sync(~0u, U, &P) + P + cuport_reduce_add_sync(~0u, U) +
                     cuport_reduce_add_sync(~0u, V) + cuport_reduce_min_sync(~0u, U) + cuport_reduce_min_sync(~0u, V) +
                     cuport_reduce_max_sync(~0u, U) + cuport_reduce_max_sync(~0u, V) + cuport_reduce_and_sync(~0u, U) +
                     cuport_reduce_or_sync(~0u, U) + cuport_reduce_xor_sync(~0u, U);
}

template <unsigned N> __device__ long long tileCalls(int V) {
  cg::thread_block Block = cg::this_thread_block();
  cg::thread_block_tile<N> Tile = cg::tiled_partition<N>(Block);
  auto Direct = cg::tiled_partition<N>(Block);
  int P;
  return cuport_reduce(Tile, V, cuport_plus<int>()) + cuport_reduce(Tile, V, cuport_less<int>()) +
         cuport_reduce(Tile, 1.5f, cuport_greater<float>()) + cuport_reduce(Tile, 2u, cuport_bit_and<unsigned>()) +
         cuport_reduce(Tile, 3ll, cuport_bit_or<long long>()) + cuport_reduce(Tile, V, cuport_bit_xor<int>()) +
         cuport_inclusive_scan(Tile, V) + cuport_inclusive_scan(Tile, 2.0, cuport_plus<double>()) +
         cuport_exclusive_scan(Tile, V) + cuport_exclusive_scan(Tile, V, cuport_less<int>()) +
         cuport_ballot(Tile, V & 1) + cuport_any(Tile, V > 9) + cuport_all(Tile, V > 0) +
         cuport_match_any(Tile, V % 3) + cuport_match_any(Direct, 1.0) + cuport_match_all(Tile, 2.0f, P) + P +
         cuport_block_tile_meta_group_rank(Tile) + cuport_block_tile_meta_group_size(Direct);
}

extern "C" __global__ void tileOnly(const int *In, long long *Out) {
  int V = In[threadIdx.x];
  Out[threadIdx.x] = tileCalls<1>(V) + tileCalls<2>(V) + tileCalls<4>(V) + tileCalls<8>(V) + tileCalls<16>(V) +
                     tileCalls<32>(V);
}

extern "C" __global__ void coalescedOnly(const int *In, unsigned long long *Out) {
  int V = In[threadIdx.x];
  if (V & 1) {
    cg::coalesced_group Odd = cg::coalesced_threads();
    int P;
    Out[threadIdx.x] = cuport_ballot(Odd, V & 2) + cuport_any(Odd, V) + cuport_all(Odd, V) + cuport_match_any(Odd, V) +
                       cuport_match_all(Odd, 2ull, P) + P + cuport_reduce(Odd, V, cuport_plus<int>()) +
                       cuport_inclusive_scan(Odd, V) + cuport_exclusive_scan(Odd, V, cuport_greater<int>());
  }
}

extern "C" __global__ void gridOnly(unsigned long long *Out) {
  cg::grid_group Grid = cg::this_grid();
  dim3 I = cuport_block_index(Grid), D = cuport_dim_blocks(Grid);
  Out[cuport_block_rank(Grid)] = cuport_num_blocks(Grid) + I.x + I.y + I.z + D.x + D.y + D.z;
}
