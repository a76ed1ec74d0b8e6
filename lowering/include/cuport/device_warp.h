/*===- device_warp.h - CUDA warp-level functions: not available yet -------===*
 *
 * Shuffles, votes, __syncwarp, __match_*_sync and __reduce_*_sync need the
 * 32 lanes of a warp to exchange values at the same program point. The
 * default target (PoCL on the CPU) runs work-items of a work-group in turn
 * between barriers and reports no sub-groups, and an emulation through
 * work-group barriers gives wrong answers in divergent code such as
 * `if (threadIdx.x < 32) warpReduce()`. Until cuport's lockstep lowering
 * for them exists, every use is a compile error at the call, naming the
 * function, so no program silently computes something else.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_DEVICE_WARP_H
#define CUPORT_DEVICE_WARP_H

#if defined(__CUDACC__)

#define __CUPORT_WARP_UNAVAILABLE                                               \
  __attribute__((unavailable(                                                   \
      "warp-level functions are not supported by cuport's SPIR-V target yet "   \
      "(docs/device-features.md)")))


template <typename T>
__device__ T __shfl_sync(unsigned Mask, T Var, int SrcLane, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl_up_sync(unsigned Mask, T Var, unsigned Delta, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl_down_sync(unsigned Mask, T Var, unsigned Delta, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl_xor_sync(unsigned Mask, T Var, int LaneMask, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl(T Var, int SrcLane, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl_up(T Var, unsigned Delta, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl_down(T Var, unsigned Delta, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ T __shfl_xor(T Var, int LaneMask, int Width = 32) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ unsigned __match_any_sync(unsigned Mask, T Value) __CUPORT_WARP_UNAVAILABLE;
template <typename T>
__device__ unsigned __match_all_sync(unsigned Mask, T Value, int *Pred) __CUPORT_WARP_UNAVAILABLE;

__device__ unsigned __ballot_sync(unsigned Mask, int Predicate) __CUPORT_WARP_UNAVAILABLE;
__device__ int __any_sync(unsigned Mask, int Predicate) __CUPORT_WARP_UNAVAILABLE;
__device__ int __all_sync(unsigned Mask, int Predicate) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __ballot(int Predicate) __CUPORT_WARP_UNAVAILABLE;
__device__ int __any(int Predicate) __CUPORT_WARP_UNAVAILABLE;
__device__ int __all(int Predicate) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __activemask() __CUPORT_WARP_UNAVAILABLE;
__device__ void __syncwarp(unsigned Mask = 0xffffffffu) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __reduce_add_sync(unsigned Mask, unsigned Value) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __reduce_min_sync(unsigned Mask, unsigned Value) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __reduce_max_sync(unsigned Mask, unsigned Value) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __reduce_and_sync(unsigned Mask, unsigned Value) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __reduce_or_sync(unsigned Mask, unsigned Value) __CUPORT_WARP_UNAVAILABLE;
__device__ unsigned __reduce_xor_sync(unsigned Mask, unsigned Value) __CUPORT_WARP_UNAVAILABLE;

#undef __CUPORT_WARP_UNAVAILABLE

#endif /* __CUDACC__ */
#endif /* CUPORT_DEVICE_WARP_H */
