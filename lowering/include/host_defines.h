/*===- host_defines.h - CUDA execution-space and attribute macros ---------===*
 *
 * CUDA source spells execution spaces and a few attributes as macros
 * (__global__, __device__, __shared__, __launch_bounds__, __align__ ...).
 * Clang implements the attributes behind them but, when compiling with
 * -nocudainc, defines none of the macros, so cuport defines them here.
 *
 * Two modes:
 *  - Clang in CUDA mode (__CUDA__ is defined by Clang itself in both the host
 *    and the device pass): the macros expand to Clang's CUDA attributes.
 *  - Plain C or C++ (a .cpp file that includes cuda_runtime_api.h and is
 *    built by an ordinary host compiler): the execution-space macros expand
 *    to nothing so that the declarations still parse, as with CUDA's own
 *    headers.
 *
 * This header never defines __CUDACC__, __NVCC__ or __CUDA_ARCH__: the
 * cuport-cc driver owns those.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_HOST_DEFINES_H
#define CUPORT_HOST_DEFINES_H

#if defined(__clang__) && defined(__CUDA__)
#define __CUPORT_CUDA_MODE__ 1
#endif

/* Execution spaces and memory spaces. */
#if defined(__CUPORT_CUDA_MODE__)
#define __host__ __attribute__((host))
#define __device__ __attribute__((device))
#define __global__ __attribute__((global))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
#define __managed__ __attribute__((managed))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#else
#define __host__
#define __device__
#define __global__
#define __shared__
#define __constant__
#define __managed__
#define __launch_bounds__(...)
#endif

/* Clang 15 treats __noinline__ as a keyword in CUDA mode (so that the
 * libstdc++ spelling __attribute__((__noinline__)) keeps working); defining a
 * macro would break exactly that. Outside CUDA mode leave it alone too. */

#define __forceinline__ __inline__ __attribute__((always_inline))
#define __inline_hint__ __inline__

/* Clang 15 has no grid_constant attribute; kernel parameters are already
 * passed by value, so the qualifier has no effect on cuport's targets. */
#if !defined(__grid_constant__)
#define __grid_constant__
#endif

#define __align__(n) __attribute__((aligned(n)))
#define __CUDA_ALIGN__(n) __attribute__((aligned(n)))
#define __builtin_align__(n) __attribute__((aligned(n)))

/* Markers CUDA puts on its own declarations; they carry no meaning here. */
#define __cudart_builtin__
#define __device_builtin__
#define __device_builtin_texture_type__
#define __device_builtin_surface_type__
#define CUDARTAPI
#define CUDARTAPI_CDECL
#define CUDART_CB

#if defined(__GNUC__) || defined(__clang__)
#define __CUDA_DEPRECATED __attribute__((deprecated))
#define __specialization_static
#else
#define __CUDA_DEPRECATED
#define __specialization_static
#endif

#endif /* CUPORT_HOST_DEFINES_H */
