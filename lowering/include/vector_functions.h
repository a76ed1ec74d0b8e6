/*===- vector_functions.h - make_<type><N>() constructors -----------------===*
 *
 * make_float4(x, y, z, w) and the rest: one constructor per vector type of
 * vector_types.h, callable from host and device code. They are static inline
 * so that every translation unit (and both compilation passes) gets its own
 * copy and no symbol is ever exported.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_VECTOR_FUNCTIONS_H
#define CUPORT_VECTOR_FUNCTIONS_H

#include "host_defines.h"
#include "vector_types.h"

#define __CUPORT_MAKE_VEC(Name, Scalar)                                        \
  static __inline__ __host__ __device__ Name##1 make_##Name##1(Scalar x) {     \
    Name##1 R;                                                                 \
    R.x = x;                                                                   \
    return R;                                                                  \
  }                                                                            \
  static __inline__ __host__ __device__ Name##2 make_##Name##2(Scalar x,       \
                                                               Scalar y) {     \
    Name##2 R;                                                                 \
    R.x = x;                                                                   \
    R.y = y;                                                                   \
    return R;                                                                  \
  }                                                                            \
  static __inline__ __host__ __device__ Name##3 make_##Name##3(                \
      Scalar x, Scalar y, Scalar z) {                                          \
    Name##3 R;                                                                 \
    R.x = x;                                                                   \
    R.y = y;                                                                   \
    R.z = z;                                                                   \
    return R;                                                                  \
  }                                                                            \
  static __inline__ __host__ __device__ Name##4 make_##Name##4(                \
      Scalar x, Scalar y, Scalar z, Scalar w) {                                \
    Name##4 R;                                                                 \
    R.x = x;                                                                   \
    R.y = y;                                                                   \
    R.z = z;                                                                   \
    R.w = w;                                                                   \
    return R;                                                                  \
  }

__CUPORT_MAKE_VEC(char, signed char)
__CUPORT_MAKE_VEC(uchar, unsigned char)
__CUPORT_MAKE_VEC(short, short)
__CUPORT_MAKE_VEC(ushort, unsigned short)
__CUPORT_MAKE_VEC(int, int)
__CUPORT_MAKE_VEC(uint, unsigned int)
__CUPORT_MAKE_VEC(long, long int)
__CUPORT_MAKE_VEC(ulong, unsigned long int)
__CUPORT_MAKE_VEC(longlong, long long int)
__CUPORT_MAKE_VEC(ulonglong, unsigned long long int)
__CUPORT_MAKE_VEC(float, float)
__CUPORT_MAKE_VEC(double, double)

#undef __CUPORT_MAKE_VEC

#endif /* CUPORT_VECTOR_FUNCTIONS_H */
