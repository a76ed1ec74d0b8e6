/*===- cooperative_groups.h - CUDA cooperative groups: the block subset ---===*
 *
 * thread_block (this_thread_block(), sync(), thread_rank(), size(),
 * group_index(), thread_index(), dim_threads()) and cooperative_groups::
 * sync(). Tiles (tiled_partition, coalesced_threads), their shuffles and
 * votes, cg::reduce and grid-wide sync need warp lockstep or co-resident
 * blocks, which the default target does not provide yet: using them is a
 * compile error at the use, naming the function.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_COOPERATIVE_GROUPS_H
#define CUPORT_COOPERATIVE_GROUPS_H

#include "cuda_runtime.h"

#if defined(__CUDACC__)

#define __CUPORT_CG_UNAVAILABLE(What)                                           \
  __attribute__((unavailable(What " is not supported by cuport's SPIR-V target yet " \
                                  "(docs/device-features.md)")))

namespace cooperative_groups {

class thread_block {
public:
  __device__ void sync() const { __syncthreads(); }
  __device__ unsigned long long num_threads() const {
    return (unsigned long long)blockDim.x * blockDim.y * blockDim.z;
  }
  __device__ unsigned long long size() const { return num_threads(); }
  __device__ unsigned long long thread_rank() const {
    return ((unsigned long long)threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x;
  }
  __device__ dim3 group_index() const { return dim3(blockIdx.x, blockIdx.y, blockIdx.z); }
  __device__ dim3 thread_index() const { return dim3(threadIdx.x, threadIdx.y, threadIdx.z); }
  __device__ dim3 dim_threads() const { return dim3(blockDim.x, blockDim.y, blockDim.z); }
  __device__ dim3 group_dim() const { return dim_threads(); }
};

static __device__ __inline__ thread_block this_thread_block() { return thread_block(); }
static __device__ __inline__ void sync(const thread_block &G) { G.sync(); }

class grid_group {
public:
  __device__ void sync() const __CUPORT_CG_UNAVAILABLE("grid_group::sync");
  __device__ bool is_valid() const { return false; }
};
__device__ grid_group this_grid() __CUPORT_CG_UNAVAILABLE("cooperative_groups::this_grid");

/* Complete, so that `auto tile = tiled_partition<32>(block)` reports the
 * unavailable call rather than an incomplete type. */
template <unsigned Size> class thread_block_tile {
public:
  __device__ void sync() const __CUPORT_CG_UNAVAILABLE("thread_block_tile::sync");
  __device__ unsigned thread_rank() const __CUPORT_CG_UNAVAILABLE("thread_block_tile::thread_rank");
  __device__ unsigned size() const { return Size; }
};
template <unsigned Size, typename Parent>
__device__ thread_block_tile<Size> tiled_partition(const Parent &)
    __CUPORT_CG_UNAVAILABLE("cooperative_groups::tiled_partition");
template <typename Parent>
__device__ thread_block tiled_partition(const Parent &, unsigned)
    __CUPORT_CG_UNAVAILABLE("cooperative_groups::tiled_partition");
__device__ thread_block coalesced_threads()
    __CUPORT_CG_UNAVAILABLE("cooperative_groups::coalesced_threads");

template <typename T> struct plus {};
template <typename T> struct less {};
template <typename T> struct greater {};
template <typename Group, typename T, typename Op>
__device__ T reduce(const Group &, T, Op) __CUPORT_CG_UNAVAILABLE("cooperative_groups::reduce");

} // namespace cooperative_groups

#undef __CUPORT_CG_UNAVAILABLE

#endif /* __CUDACC__ */
#endif /* CUPORT_COOPERATIVE_GROUPS_H */
