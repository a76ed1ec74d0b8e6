/*===- cuport/device_builtins.h - threadIdx, __syncthreads and friends ----===*
 *
 * CUDA's built-in variables (threadIdx, blockIdx, blockDim, gridDim,
 * warpSize) and the block-level synchronisation and fence functions, for
 * Clang's CUDA mode with a SPIR-V device target.
 *
 * Every device built-in reads an OpenCL C work-item function. The translator
 * (SPIRV-LLVM-Translator) recognises those by their Itanium-mangled OpenCL
 * names and turns them into SPIR-V built-in variables and instructions, so
 * they are declared here under private names bound to the mangled symbol
 * with an asm label; no OpenCL name leaks into the user's namespace:
 *
 *   threadIdx.x   get_local_id(0)     _Z12get_local_idj
 *   blockIdx.x    get_group_id(0)     _Z12get_group_idj
 *   blockDim.x    get_local_size(0)   _Z14get_local_sizej
 *   gridDim.x     get_num_groups(0)   _Z14get_num_groupsj
 *   __syncthreads barrier(3)          _Z7barrierj
 *
 * The built-in variables are objects of empty structs whose x/y/z members are
 * __declspec(property) accessors (Clang accepts the extension in CUDA mode),
 * so `threadIdx.x` compiles to one call and no storage exists. The objects
 * are only declared, never defined: nothing can take their address.
 *
 * The host pass parses all of this (kernel bodies are type-checked there)
 * but never emits it, because every accessor is a __device__ function.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_DEVICE_BUILTINS_H
#define CUPORT_DEVICE_BUILTINS_H

#include "../host_defines.h"
#include "../vector_types.h"

#if defined(__CUPORT_CUDA_MODE__) && defined(__cplusplus)

/*===------------------- OpenCL work-item functions -----------------------===*/

/* cl_mem_fence_flags bits of OpenCL C. */
#define __CUPORT_CLK_LOCAL_MEM_FENCE 0x1u
#define __CUPORT_CLK_GLOBAL_MEM_FENCE 0x2u

/* memory_order and memory_scope values of OpenCL C 2.0. */
#define __CUPORT_MEMORY_ORDER_SEQ_CST 5
#define __CUPORT_MEMORY_SCOPE_WORK_GROUP 1
#define __CUPORT_MEMORY_SCOPE_DEVICE 2
#define __CUPORT_MEMORY_SCOPE_ALL_SVM_DEVICES 3

#define __CUPORT_OCL_QUERY __device__ __attribute__((const, nothrow))

extern "C++" {
__CUPORT_OCL_QUERY __SIZE_TYPE__ __cuport_ocl_local_id(unsigned int Dim)
    __asm__("_Z12get_local_idj");
__CUPORT_OCL_QUERY __SIZE_TYPE__ __cuport_ocl_group_id(unsigned int Dim)
    __asm__("_Z12get_group_idj");
__CUPORT_OCL_QUERY __SIZE_TYPE__ __cuport_ocl_local_size(unsigned int Dim)
    __asm__("_Z14get_local_sizej");
__CUPORT_OCL_QUERY __SIZE_TYPE__ __cuport_ocl_num_groups(unsigned int Dim)
    __asm__("_Z14get_num_groupsj");
__CUPORT_OCL_QUERY __SIZE_TYPE__ __cuport_ocl_global_id(unsigned int Dim)
    __asm__("_Z13get_global_idj");

/* barrier(flags): work-group execution barrier plus memory fence. */
__device__ __attribute__((convergent, nothrow)) void
__cuport_ocl_barrier(unsigned int Flags) __asm__("_Z7barrierj");

/* atomic_work_item_fence(flags, order, scope). The two enums of OpenCL C are
 * passed as int, which is how they are laid out in LLVM IR. */
__device__ __attribute__((nothrow)) void
__cuport_ocl_work_item_fence(unsigned int Flags, int Order, int Scope)
    __asm__("_Z22atomic_work_item_fencej12memory_order12memory_scope");
} // extern "C++"

#undef __CUPORT_OCL_QUERY

/*===------------------- Built-in variables -------------------------------===*/

/* One struct per built-in; Getter is the OpenCL query for that built-in.
 * Copying, constructing and taking the address are disallowed, as in CUDA,
 * because the object has no storage. */
#define __CUPORT_BUILTIN_VAR_TYPE(TypeName, Getter)                            \
  struct TypeName {                                                            \
    static __device__ __forceinline__ unsigned int __fetch_x() {               \
      return (unsigned int)Getter(0);                                          \
    }                                                                          \
    static __device__ __forceinline__ unsigned int __fetch_y() {               \
      return (unsigned int)Getter(1);                                          \
    }                                                                          \
    static __device__ __forceinline__ unsigned int __fetch_z() {               \
      return (unsigned int)Getter(2);                                          \
    }                                                                          \
    __declspec(property(get = __fetch_x)) unsigned int x;                      \
    __declspec(property(get = __fetch_y)) unsigned int y;                      \
    __declspec(property(get = __fetch_z)) unsigned int z;                      \
    __device__ operator uint3() const {                                        \
      return uint3{__fetch_x(), __fetch_y(), __fetch_z()};                     \
    }                                                                          \
    __device__ operator dim3() const {                                         \
      return dim3(__fetch_x(), __fetch_y(), __fetch_z());                      \
    }                                                                          \
                                                                               \
  private:                                                                     \
    __device__ TypeName() = delete;                                            \
    __device__ TypeName(const TypeName &) = delete;                            \
    __device__ void operator=(const TypeName &) const = delete;                \
    __device__ TypeName *operator&() const = delete;                           \
  }

__CUPORT_BUILTIN_VAR_TYPE(__cuport_builtin_threadIdx_t, __cuport_ocl_local_id);
__CUPORT_BUILTIN_VAR_TYPE(__cuport_builtin_blockIdx_t, __cuport_ocl_group_id);
__CUPORT_BUILTIN_VAR_TYPE(__cuport_builtin_blockDim_t, __cuport_ocl_local_size);
__CUPORT_BUILTIN_VAR_TYPE(__cuport_builtin_gridDim_t, __cuport_ocl_num_groups);

#undef __CUPORT_BUILTIN_VAR_TYPE

extern const __device__ __cuport_builtin_threadIdx_t threadIdx;
extern const __device__ __cuport_builtin_blockIdx_t blockIdx;
extern const __device__ __cuport_builtin_blockDim_t blockDim;
extern const __device__ __cuport_builtin_gridDim_t gridDim;

/* CUDA's warp width. cuport guarantees CUDA's 32-lane semantics on every
 * target (see docs/headers.md), so this is a constant, usable on both sides
 * and never a registered device variable. */
static constexpr int warpSize = 32;

/*===------------------- Synchronisation and fences -----------------------===*/

/* Block-wide barrier; orders both shared and global memory like CUDA's.
 * When the host pass runs with an NVPTX auxiliary triple (Clang's driver
 * default), __syncthreads is already an NVPTX builtin there and may not be
 * redefined; the host pass never emits device code, so the builtin's
 * declaration is all it needs. */
#if !__has_builtin(__syncthreads)
static __device__ __forceinline__ void __syncthreads() {
  __cuport_ocl_barrier(__CUPORT_CLK_LOCAL_MEM_FENCE |
                       __CUPORT_CLK_GLOBAL_MEM_FENCE);
}
#endif

static __device__ __forceinline__ void __threadfence_block() {
  __cuport_ocl_work_item_fence(__CUPORT_CLK_LOCAL_MEM_FENCE |
                                   __CUPORT_CLK_GLOBAL_MEM_FENCE,
                               __CUPORT_MEMORY_ORDER_SEQ_CST,
                               __CUPORT_MEMORY_SCOPE_WORK_GROUP);
}

static __device__ __forceinline__ void __threadfence() {
  __cuport_ocl_work_item_fence(__CUPORT_CLK_LOCAL_MEM_FENCE |
                                   __CUPORT_CLK_GLOBAL_MEM_FENCE,
                               __CUPORT_MEMORY_ORDER_SEQ_CST,
                               __CUPORT_MEMORY_SCOPE_DEVICE);
}

static __device__ __forceinline__ void __threadfence_system() {
  __cuport_ocl_work_item_fence(__CUPORT_CLK_LOCAL_MEM_FENCE |
                                   __CUPORT_CLK_GLOBAL_MEM_FENCE,
                               __CUPORT_MEMORY_ORDER_SEQ_CST,
                               __CUPORT_MEMORY_SCOPE_ALL_SVM_DEVICES);
}

#endif /* __CUPORT_CUDA_MODE__ && __cplusplus */

#endif /* CUPORT_DEVICE_BUILTINS_H */
