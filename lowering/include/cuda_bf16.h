/*===- cuda_bf16.h - CUDA bfloat16: __nv_bfloat16 and __nv_bfloat162 -------===*
 *
 * bfloat16 kept in its bits; operations compute in float (exact for the
 * operands) and round back to nearest-even, which is the correctly rounded
 * bfloat16 result for +, -, *, / since float has at least 2*8+2 bits.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_CUDA_BF16_H
#define CUPORT_CUDA_BF16_H

#include "host_defines.h"
#include "vector_types.h"

#define __CUPORT_BF16_FN static __host__ __device__ __inline__

namespace __cuport_bf16 {
__host__ __device__ __inline__ unsigned short fromFloat(float F) {
  unsigned X = __builtin_bit_cast(unsigned, F);
  if ((X & 0x7fffffffu) > 0x7f800000u)
    return (unsigned short)((X >> 16) | 0x40u); /* quiet NaN, sign kept */
  X += 0x7fffu + ((X >> 16) & 1u);            /* round to nearest, ties to even */
  return (unsigned short)(X >> 16);
}
__host__ __device__ __inline__ float toFloat(unsigned short B) {
  return __builtin_bit_cast(float, (unsigned)B << 16);
}
} // namespace __cuport_bf16

struct __attribute__((aligned(2))) __nv_bfloat16 {
  unsigned short __x;
  __nv_bfloat16() = default;
  __host__ __device__ __nv_bfloat16(float F) : __x(__cuport_bf16::fromFloat(F)) {}
  __host__ __device__ __nv_bfloat16(double D) : __x(__cuport_bf16::fromFloat((float)D)) {}
  __host__ __device__ operator float() const { return __cuport_bf16::toFloat(__x); }
};
struct __attribute__((aligned(4))) __nv_bfloat162 {
  __nv_bfloat16 x, y;
  __nv_bfloat162() = default;
  __host__ __device__ __nv_bfloat162(__nv_bfloat16 A, __nv_bfloat16 B) : x(A), y(B) {}
};
typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;

__CUPORT_BF16_FN __nv_bfloat16 __float2bfloat16(float F) { return __nv_bfloat16(F); }
__CUPORT_BF16_FN __nv_bfloat16 __float2bfloat16_rn(float F) { return __nv_bfloat16(F); }
__CUPORT_BF16_FN float __bfloat162float(__nv_bfloat16 B) { return (float)B; }
__CUPORT_BF16_FN unsigned short __bfloat16_as_ushort(__nv_bfloat16 B) { return B.__x; }
__CUPORT_BF16_FN __nv_bfloat16 __ushort_as_bfloat16(unsigned short S) {
  __nv_bfloat16 B;
  B.__x = S;
  return B;
}
__CUPORT_BF16_FN __nv_bfloat162 __floats2bfloat162_rn(float A, float B) {
  return __nv_bfloat162(__nv_bfloat16(A), __nv_bfloat16(B));
}
__CUPORT_BF16_FN float2 __bfloat1622float2(__nv_bfloat162 B) { return float2{(float)B.x, (float)B.y}; }
__CUPORT_BF16_FN __nv_bfloat16 __low2bfloat16(__nv_bfloat162 B) { return B.x; }
__CUPORT_BF16_FN __nv_bfloat16 __high2bfloat16(__nv_bfloat162 B) { return B.y; }

#define __CUPORT_BF16_BIN(Name, Op)                                             \
  __CUPORT_BF16_FN __nv_bfloat16 Name(__nv_bfloat16 A, __nv_bfloat16 B) {       \
    return __nv_bfloat16((float)A Op (float)B);                                 \
  }                                                                             \
  __CUPORT_BF16_FN __nv_bfloat162 Name##2(__nv_bfloat162 A, __nv_bfloat162 B) { \
    return __nv_bfloat162(Name(A.x, B.x), Name(A.y, B.y));                      \
  }                                                                             \
  __CUPORT_BF16_FN __nv_bfloat16 operator Op(const __nv_bfloat16 &A, const __nv_bfloat16 &B) { \
    return Name(A, B);                                                          \
  }
__CUPORT_BF16_BIN(__hadd, +)
__CUPORT_BF16_BIN(__hsub, -)
__CUPORT_BF16_BIN(__hmul, *)
__CUPORT_BF16_BIN(__hdiv, /)
#undef __CUPORT_BF16_BIN
__CUPORT_BF16_FN __nv_bfloat16 __hfma(__nv_bfloat16 A, __nv_bfloat16 B, __nv_bfloat16 C) {
  /* the product of two bfloat16 values is exact in float */
  return __nv_bfloat16((double)((float)A * (float)B) + (double)(float)C);
}
__CUPORT_BF16_FN bool __heq(__nv_bfloat16 A, __nv_bfloat16 B) { return (float)A == (float)B; }
__CUPORT_BF16_FN bool __hlt(__nv_bfloat16 A, __nv_bfloat16 B) { return (float)A < (float)B; }
__CUPORT_BF16_FN bool __hgt(__nv_bfloat16 A, __nv_bfloat16 B) { return (float)A > (float)B; }
__CUPORT_BF16_FN bool __hisnan(__nv_bfloat16 A) { return (A.__x & 0x7fffu) > 0x7f80u; }
__CUPORT_BF16_FN __nv_bfloat16 __hneg(__nv_bfloat16 A) { return __ushort_as_bfloat16(A.__x ^ 0x8000u); }
__CUPORT_BF16_FN __nv_bfloat16 __habs(__nv_bfloat16 A) { return __ushort_as_bfloat16(A.__x & 0x7fffu); }

#undef __CUPORT_BF16_FN
#endif /* CUPORT_CUDA_BF16_H */
