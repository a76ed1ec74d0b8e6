/*===- cooperative_groups.h - CUDA cooperative groups: block, tiles, grid ---===*
 *
 * thread_block (this_thread_block(), sync(), thread_rank(), size(),
 * group_index(), thread_index(), dim_threads()) and cooperative_groups::
 * sync(); tiles (tiled_partition<N> and tiled_partition(parent, n) for
 * n = 1..32, coalesced_threads()) with their shuffles, votes and match,
 * built on the warp functions (cuport/device_warp.h); cg::reduce,
 * inclusive_scan and exclusive_scan over tiles. grid_group (this_grid(),
 * sync(), ranks and sizes): a kernel that synchronizes its grid runs every
 * block of it at once (cuport/device_warp.h, docs/device-features.md).
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_COOPERATIVE_GROUPS_H
#define CUPORT_COOPERATIVE_GROUPS_H

#include "cuda_runtime.h"

#if defined(__CUDACC__)

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

#if defined(__AMDGCN__)
#define __CUPORT_CG_GRID_SYNC                                                  \
  __attribute__((unavailable("grid_group::sync is not supported on cuport's AMD targets " \
                             "yet (docs/device-features.md)")))
#else
#define __CUPORT_CG_GRID_SYNC
#endif

/* The launch's grid. sync() waits until every thread of the grid has
 * arrived; is_valid() says whether this kernel runs its whole grid
 * resident, which cuport does for every kernel that calls sync(). */
class grid_group {
public:
  __device__ void sync() const __CUPORT_CG_GRID_SYNC { __cuport_grid_sync(); }
  __device__ bool is_valid() const __CUPORT_CG_GRID_SYNC { return __cuport_grid_resident(); }
  __device__ unsigned long long num_blocks() const {
    return (unsigned long long)gridDim.x * gridDim.y * gridDim.z;
  }
  __device__ unsigned long long block_rank() const {
    return ((unsigned long long)blockIdx.z * gridDim.y + blockIdx.y) * gridDim.x + blockIdx.x;
  }
  __device__ unsigned long long num_threads() const {
    return num_blocks() * this_thread_block().num_threads();
  }
  __device__ unsigned long long size() const { return num_threads(); }
  __device__ unsigned long long thread_rank() const {
    return block_rank() * this_thread_block().num_threads() + this_thread_block().thread_rank();
  }
  __device__ dim3 block_index() const { return dim3(blockIdx.x, blockIdx.y, blockIdx.z); }
  __device__ dim3 dim_blocks() const { return dim3(gridDim.x, gridDim.y, gridDim.z); }
  __device__ dim3 group_dim() const { return dim_blocks(); }
};
static __device__ __inline__ grid_group this_grid() { return grid_group(); }
static __device__ __inline__ void sync(const grid_group &G) { G.sync(); }

#if defined(__AMDGCN__)
/* AMD targets: the warp functions the tiles are built on are not available
 * there yet (cuport/device_warp.h). */
#define __CUPORT_CG_TILE                                                       \
  __attribute__((unavailable("cooperative_groups tiles are not supported on cuport's AMD " \
                             "targets yet (docs/device-features.md)")))
#else
#define __CUPORT_CG_TILE
#endif

namespace details {
/* The calling thread's lane: its rank in the block, modulo the warp. */
static __device__ __forceinline__ unsigned lane() {
  return (unsigned)this_thread_block().thread_rank() & 31u;
}
} // namespace details

/* A tile of Size (1, 2, 4, .., 32) consecutive threads of a warp, as
 * tiled_partition<Size> makes it. Its collectives are the warp functions
 * on the tile's lanes, with the tile's width. */
template <unsigned Size, typename ParentT = void> class thread_block_tile {
  static_assert(Size >= 1 && Size <= 32 && (Size & (Size - 1)) == 0,
                "thread_block_tile sizes are powers of two from 1 to 32");

public:
  __device__ thread_block_tile() {}
  template <typename OtherParent>
  __device__ thread_block_tile(const thread_block_tile<Size, OtherParent> &) {}

  __device__ unsigned mask() const {
    unsigned Ones = Size == 32 ? 0xffffffffu : (1u << Size) - 1u;
    return Ones << (details::lane() & ~(Size - 1u));
  }
  __device__ void sync() const __CUPORT_CG_TILE { __syncwarp(mask()); }
  __device__ unsigned long long num_threads() const { return Size; }
  __device__ unsigned long long size() const { return Size; }
  __device__ unsigned long long thread_rank() const { return details::lane() & (Size - 1u); }
  __device__ unsigned long long meta_group_rank() const {
    return this_thread_block().thread_rank() / Size;
  }
  __device__ unsigned long long meta_group_size() const {
    return (this_thread_block().size() + Size - 1) / Size;
  }

  template <typename T> __device__ T shfl(T Var, int Src) const __CUPORT_CG_TILE {
    return __shfl_sync(mask(), Var, Src, Size);
  }
  template <typename T> __device__ T shfl_down(T Var, unsigned Delta) const __CUPORT_CG_TILE {
    return __shfl_down_sync(mask(), Var, Delta, Size);
  }
  template <typename T> __device__ T shfl_up(T Var, unsigned Delta) const __CUPORT_CG_TILE {
    return __shfl_up_sync(mask(), Var, Delta, Size);
  }
  template <typename T> __device__ T shfl_xor(T Var, unsigned LaneMask) const __CUPORT_CG_TILE {
    return __shfl_xor_sync(mask(), Var, (int)LaneMask, Size);
  }
  /* Bit i is the tile's thread of rank i. */
  __device__ unsigned ballot(int Pred) const __CUPORT_CG_TILE {
    return __ballot_sync(mask(), Pred) >> (details::lane() & ~(Size - 1u));
  }
  __device__ int any(int Pred) const __CUPORT_CG_TILE { return __any_sync(mask(), Pred); }
  __device__ int all(int Pred) const __CUPORT_CG_TILE { return __all_sync(mask(), Pred); }
  template <typename T> __device__ unsigned match_any(T Value) const __CUPORT_CG_TILE {
    return __match_any_sync(mask(), Value) >> (details::lane() & ~(Size - 1u));
  }
  template <typename T> __device__ unsigned match_all(T Value, int &Pred) const __CUPORT_CG_TILE {
    return __match_all_sync(mask(), Value, &Pred) >> (details::lane() & ~(Size - 1u));
  }
};

template <unsigned Size, typename Parent>
__device__ thread_block_tile<Size, Parent> tiled_partition(const Parent &) {
  return thread_block_tile<Size, Parent>();
}

/* tiled_partition(parent, n): a tile whose size is known at run time,
 * n = 1, 2, 4, .., 32. */
class thread_group {
public:
  __device__ explicit thread_group(unsigned Size) : Size(Size) {}
  __device__ unsigned mask() const {
    unsigned Ones = Size >= 32 ? 0xffffffffu : (1u << Size) - 1u;
    return Ones << (details::lane() & ~(Size - 1u));
  }
  __device__ void sync() const __CUPORT_CG_TILE { __syncwarp(mask()); }
  __device__ unsigned long long num_threads() const { return Size; }
  __device__ unsigned long long size() const { return Size; }
  __device__ unsigned long long thread_rank() const { return details::lane() & (Size - 1u); }

private:
  unsigned Size;
};

template <typename Parent>
__device__ thread_group tiled_partition(const Parent &, unsigned Size) {
  if (Size == 0 || Size > 32 || (Size & (Size - 1)) != 0)
    __builtin_trap(); /* CUDA: sizes are powers of two up to 32 here */
  return thread_group(Size);
}

/* The active threads of the warp at the call. */
class coalesced_group {
public:
  __device__ explicit coalesced_group(unsigned Mask) : Mask(Mask) {}
  __device__ unsigned mask() const { return Mask; }
  __device__ void sync() const __CUPORT_CG_TILE { __syncwarp(Mask); }
  __device__ unsigned long long num_threads() const { return (unsigned)__builtin_popcount(Mask); }
  __device__ unsigned long long size() const { return num_threads(); }
  __device__ unsigned long long thread_rank() const {
    return (unsigned)__builtin_popcount(Mask & ((1u << details::lane()) - 1u));
  }
  /* Src is a rank in the group: the lane of its Src-th member. */
  template <typename T> __device__ T shfl(T Var, unsigned Src) const __CUPORT_CG_TILE {
    unsigned Rest = Mask;
    for (unsigned I = 0; I < Src % num_threads(); ++I)
      Rest &= Rest - 1u;
    return __shfl_sync(Mask, Var, __builtin_ctz(Rest));
  }
  __device__ unsigned ballot(int Pred) const __CUPORT_CG_TILE {
    /* Compressed to ranks: bit i is the group's member of rank i. */
    unsigned Lanes = __ballot_sync(Mask, Pred), Out = 0, Rank = 0;
    for (unsigned L = 0; L < 32; ++L)
      if (Mask & (1u << L))
        Out |= ((Lanes >> L) & 1u) << Rank++;
    return Out;
  }
  __device__ int any(int Pred) const __CUPORT_CG_TILE { return __any_sync(Mask, Pred); }
  __device__ int all(int Pred) const __CUPORT_CG_TILE { return __all_sync(Mask, Pred); }

private:
  unsigned Mask;
};

/* The caller's site, as for __activemask: calls in two branches are two
 * groups. */
#if defined(__AMDGCN__)
__device__ coalesced_group coalesced_threads() __CUPORT_CG_TILE;
#else
static __device__ __forceinline__ coalesced_group
coalesced_threads(unsigned __Site = __CUPORT_WARP_SITE) {
  return coalesced_group(__activemask(__Site));
}
#endif

template <typename T> struct plus {
  __device__ T operator()(const T &A, const T &B) const { return A + B; }
};
template <typename T> struct less {
  __device__ T operator()(const T &A, const T &B) const { return B < A ? B : A; }
};
template <typename T> struct greater {
  __device__ T operator()(const T &A, const T &B) const { return A < B ? B : A; }
};
template <typename T> struct bit_and {
  __device__ T operator()(const T &A, const T &B) const { return A & B; }
};
template <typename T> struct bit_or {
  __device__ T operator()(const T &A, const T &B) const { return A | B; }
};
template <typename T> struct bit_xor {
  __device__ T operator()(const T &A, const T &B) const { return A ^ B; }
};

/* Every thread of the tile gets Op folded over the tile's values: a
 * butterfly, so the result is the same in every lane. */
template <unsigned Size, typename ParentT, typename T, typename Op>
__device__ T reduce(const thread_block_tile<Size, ParentT> &Tile, T Value, Op Fn) {
  for (unsigned Offset = Size / 2; Offset > 0; Offset /= 2)
    Value = Fn(Value, Tile.shfl_xor(Value, Offset));
  return Value;
}

/* Rank i gets Op folded over ranks 0..i. */
template <unsigned Size, typename ParentT, typename T, typename Op>
__device__ T inclusive_scan(const thread_block_tile<Size, ParentT> &Tile, T Value, Op Fn) {
  for (unsigned Offset = 1; Offset < Size; Offset *= 2) {
    T Other = Tile.shfl_up(Value, Offset);
    if (Tile.thread_rank() >= Offset)
      Value = Fn(Value, Other);
  }
  return Value;
}
template <unsigned Size, typename ParentT, typename T>
__device__ T inclusive_scan(const thread_block_tile<Size, ParentT> &Tile, T Value) {
  return inclusive_scan(Tile, Value, plus<T>());
}

/* Rank i gets Op folded over ranks 0..i-1; rank 0 gets T(). */
template <unsigned Size, typename ParentT, typename T, typename Op>
__device__ T exclusive_scan(const thread_block_tile<Size, ParentT> &Tile, T Value, Op Fn) {
  T Inclusive = inclusive_scan(Tile, Value, Fn);
  T Before = Tile.shfl_up(Inclusive, 1);
  return Tile.thread_rank() == 0 ? T() : Before;
}
template <unsigned Size, typename ParentT, typename T>
__device__ T exclusive_scan(const thread_block_tile<Size, ParentT> &Tile, T Value) {
  return exclusive_scan(Tile, Value, plus<T>());
}

#undef __CUPORT_CG_TILE

} // namespace cooperative_groups


#endif /* __CUDACC__ */
#endif /* CUPORT_COOPERATIVE_GROUPS_H */
