/*===- vector_types.h - CUDA's built-in vector types and dim3 -------------===*
 *
 * The short-vector structs (char1 ... double4) and dim3 that every CUDA
 * program uses. Their sizes and alignments are ABI: they cross the host/device
 * boundary as kernel arguments and sit inside structs that objects built by
 * nvcc lay out, so each type carries CUDA 12's alignment (for example
 * float4 aligns to 16, float2 to 8, float3 only to 4).
 *
 * The structs are plain aggregates in both C and C++. dim3 gains constructors
 * (each extent defaulting to 1) and conversions to and from uint3 in C++.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_VECTOR_TYPES_H
#define CUPORT_VECTOR_TYPES_H

#include "host_defines.h"

/* One family of vector types: Name1..Name4 over scalar type Scalar. A2 and A4
 * are the alignments CUDA gives the 2- and 4-wide types; the 1- and 3-wide
 * types keep the scalar's natural alignment. */
#define __CUPORT_VEC_ALIGN_2 __align__(2)
#define __CUPORT_VEC_ALIGN_4 __align__(4)
#define __CUPORT_VEC_ALIGN_8 __align__(8)
#define __CUPORT_VEC_ALIGN_16 __align__(16)

#define __CUPORT_VEC_FAMILY(Name, Scalar, A2, A4)                              \
  struct __device_builtin__ Name##1 { Scalar x; };                             \
  struct __device_builtin__ __CUPORT_VEC_ALIGN_##A2 Name##2 { Scalar x, y; };  \
  struct __device_builtin__ Name##3 { Scalar x, y, z; };                       \
  struct __device_builtin__ __CUPORT_VEC_ALIGN_##A4 Name##4 {                  \
    Scalar x, y, z, w;                                                         \
  };                                                                           \
  typedef struct Name##1 Name##1;                                              \
  typedef struct Name##2 Name##2;                                              \
  typedef struct Name##3 Name##3;                                              \
  typedef struct Name##4 Name##4;

/*                 name       scalar              2   4 */
__CUPORT_VEC_FAMILY(char,      signed char,        2,  4)
__CUPORT_VEC_FAMILY(uchar,     unsigned char,      2,  4)
__CUPORT_VEC_FAMILY(short,     short,              4,  8)
__CUPORT_VEC_FAMILY(ushort,    unsigned short,     4,  8)
__CUPORT_VEC_FAMILY(int,       int,                8,  16)
__CUPORT_VEC_FAMILY(uint,      unsigned int,       8,  16)
__CUPORT_VEC_FAMILY(float,     float,              8,  16)
__CUPORT_VEC_FAMILY(longlong,  long long,          16, 16)
__CUPORT_VEC_FAMILY(ulonglong, unsigned long long, 16, 16)
__CUPORT_VEC_FAMILY(double,    double,             16, 16)

/* long is 8 bytes on LP64 hosts and 4 on LLP64 ones; CUDA aligns long2 to
 * the size of two longs and long4 to 16 either way. */
#if defined(__LP64__) || (defined(__SIZEOF_LONG__) && __SIZEOF_LONG__ == 8)
__CUPORT_VEC_FAMILY(long,      long,               16, 16)
__CUPORT_VEC_FAMILY(ulong,     unsigned long,      16, 16)
#else
__CUPORT_VEC_FAMILY(long,      long,               8,  16)
__CUPORT_VEC_FAMILY(ulong,     unsigned long,      8,  16)
#endif

#undef __CUPORT_VEC_FAMILY
#undef __CUPORT_VEC_ALIGN_2
#undef __CUPORT_VEC_ALIGN_4
#undef __CUPORT_VEC_ALIGN_8
#undef __CUPORT_VEC_ALIGN_16

/* The grid and block extents of a launch. Three unsigned ints, no extra
 * alignment, so it is layout-compatible with uint3. */
struct __device_builtin__ dim3 {
  unsigned int x, y, z;
#if defined(__cplusplus)
  __host__ __device__ constexpr dim3(unsigned int VX = 1, unsigned int VY = 1,
                                     unsigned int VZ = 1)
      : x(VX), y(VY), z(VZ) {}
  __host__ __device__ constexpr dim3(uint3 V) : x(V.x), y(V.y), z(V.z) {}
  __host__ __device__ constexpr operator uint3() const {
    return uint3{x, y, z};
  }
#endif
};
typedef struct dim3 dim3;

#endif /* CUPORT_VECTOR_TYPES_H */
