// RuntimeTestPrelude.h - the minimum a CUDA device compile needs, for the
// runtime's unit tests, which build their kernels without cuport-cc: the
// execution-space macros and OpenCL work-item builtins under the names that
// llvm-spirv turns into SPIR-V builtins. Not a CUDA header; never installed.
#pragma once
#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __shared_local__ __attribute__((address_space(3)))

__device__ unsigned long lid(unsigned) __asm__("_Z12get_local_idj");
__device__ unsigned long gid(unsigned) __asm__("_Z12get_group_idj");
__device__ unsigned long lsize(unsigned) __asm__("_Z14get_local_sizej");
__device__ void barrier(unsigned) __asm__("_Z7barrierj");
#define CLK_LOCAL_MEM_FENCE 1u

__device__ inline unsigned globalIdX() {
  return unsigned(gid(0) * lsize(0) + lid(0));
}
