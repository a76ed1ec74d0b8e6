/*===- cuda_fp16.h - CUDA half precision: __half and __half2 --------------===*
 *
 * cuport's __half is a 16-bit IEEE binary16 value kept in its bits; every
 * operation converts to float (exact), computes in float and rounds back to
 * nearest-even. For +, -, *, / and sqrt that is the correctly rounded half
 * result, because float's 24-bit significand is at least 2*11+2 bits wide;
 * __hfma rounds a double result once to half. No half support is needed
 * from the device, and host code gets the same answers.
 *
 *===----------------------------------------------------------------------===*/
#ifndef CUPORT_CUDA_FP16_H
#define CUPORT_CUDA_FP16_H

#include "host_defines.h"
#include "vector_types.h"

#include <math.h>

#define __CUDA_FP16_DECL__ static __host__ __device__ __inline__
#define __CUDA_HOSTDEVICE_FP16_DECL__ static __host__ __device__ __inline__

typedef struct __attribute__((aligned(2))) {
  unsigned short x;
} __half_raw;
typedef struct __attribute__((aligned(4))) {
  unsigned short x, y;
} __half2_raw;

namespace __cuport_fp16 {
/* Binary16 bits nearest (ties to even) to Mant * 2^Exp2, for Mant > 0 of
 * at most 53 bits. The result's quantum is 2^(E-10) for a normal half
 * (E the value's binary exponent, E >= -14) and 2^-24 for a subnormal. */
__host__ __device__ __inline__ unsigned short fromBits(unsigned Sign, unsigned long long Mant,
                                                      int Exp2) {
  int E = (63 - __builtin_clzll(Mant)) + Exp2;
  if (E > 15)
    return (unsigned short)(Sign | 0x7c00u);
  int Quantum = E >= -14 ? E - 10 : -24;
  int Drop = Quantum - Exp2; /* low bits of Mant below the quantum */
  unsigned long long Base;
  if (Drop <= 0) {
    Base = Mant << -Drop;
  } else if (Drop >= 64) {
    Base = 0; /* Mant < 2^53: the value is below half a quantum */
  } else {
    Base = Mant >> Drop;
    unsigned long long Rest = Mant & ((1ull << Drop) - 1), Half = 1ull << (Drop - 1);
    if (Rest > Half || (Rest == Half && (Base & 1)))
      ++Base;
  }
  if (E < -14) /* subnormal; rounding up to 0x400 gives the smallest normal */
    return (unsigned short)(Sign | (unsigned)Base);
  if (Base == 0x800u) { /* rounding carried into the next binade */
    Base = 0x400u;
    if (++E > 15)
      return (unsigned short)(Sign | 0x7c00u);
  }
  return (unsigned short)(Sign | ((unsigned)(E + 15) << 10) | (unsigned)(Base & 0x3ffu));
}
__host__ __device__ __inline__ unsigned short fromFloat(float F) {
  unsigned X = __builtin_bit_cast(unsigned, F);
  unsigned Sign = (X >> 16) & 0x8000u, Abs = X & 0x7fffffffu;
  if (Abs >= 0x7f800000u)
    return (unsigned short)(Sign | 0x7c00u | (Abs > 0x7f800000u ? 0x200u | ((Abs >> 13) & 0x3ffu) : 0u));
  if (Abs == 0)
    return (unsigned short)Sign;
  unsigned E = Abs >> 23, M = Abs & 0x7fffffu;
  return E ? fromBits(Sign, M | 0x800000u, (int)E - 150) : fromBits(Sign, M, -149);
}
__host__ __device__ __inline__ unsigned short fromDouble(double D) {
  unsigned long long X = __builtin_bit_cast(unsigned long long, D);
  unsigned Sign = (unsigned)(X >> 48) & 0x8000u;
  unsigned long long Abs = X & 0x7fffffffffffffffull;
  if (Abs >= 0x7ff0000000000000ull)
    return (unsigned short)(Sign | 0x7c00u | (Abs > 0x7ff0000000000000ull ? 0x200u : 0u));
  if (Abs == 0)
    return (unsigned short)Sign;
  int E = (int)(Abs >> 52);
  unsigned long long M = Abs & 0xfffffffffffffull;
  return E ? fromBits(Sign, M | 0x10000000000000ull, E - 1075) : fromBits(Sign, M, -1074);
}
__host__ __device__ __inline__ float toFloat(unsigned short H) {
  unsigned Sign = (unsigned)(H & 0x8000u) << 16, E = (H >> 10) & 0x1fu, M = H & 0x3ffu;
  if (E == 0) {
    float V = (float)M * 5.9604644775390625e-08f; /* M * 2^-24, exact */
    return Sign ? -V : V;
  }
  unsigned Bits = E == 31 ? (Sign | 0x7f800000u | (M << 13)) : (Sign | ((E + 112u) << 23) | (M << 13));
  return __builtin_bit_cast(float, Bits);
}
} // namespace __cuport_fp16

struct __attribute__((aligned(2))) __half {
  unsigned short __x;
  __half() = default;
  __host__ __device__ __half(const __half_raw &R) : __x(R.x) {}
  __host__ __device__ __half(float F) : __x(__cuport_fp16::fromFloat(F)) {}
  __host__ __device__ __half(double D) : __x(__cuport_fp16::fromDouble(D)) {}
  __host__ __device__ __half(int I) : __x(__cuport_fp16::fromDouble((double)I)) {}
  __host__ __device__ __half(unsigned int I) : __x(__cuport_fp16::fromDouble((double)I)) {}
  __host__ __device__ __half(long long I) : __x(__cuport_fp16::fromDouble((double)I)) {}
  __host__ __device__ operator float() const { return __cuport_fp16::toFloat(__x); }
  __host__ __device__ operator __half_raw() const { return __half_raw{__x}; }
};

struct __attribute__((aligned(4))) __half2 {
  __half x, y;
  __half2() = default;
  __host__ __device__ __half2(const __half &A, const __half &B) : x(A), y(B) {}
  __host__ __device__ __half2(const __half2_raw &R) {
    x.__x = R.x;
    y.__x = R.y;
  }
  __host__ __device__ operator __half2_raw() const { return __half2_raw{x.__x, y.__x}; }
};

typedef __half half;
typedef __half2 half2;

/* Conversions. */
__CUDA_HOSTDEVICE_FP16_DECL__ __half __float2half(float F) { return __half(F); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __float2half_rn(float F) { return __half(F); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __double2half(double D) { return __half(D); }
__CUDA_HOSTDEVICE_FP16_DECL__ float __half2float(__half H) { return (float)H; }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __int2half_rn(int I) { return __half(I); }
__CUDA_HOSTDEVICE_FP16_DECL__ int __half2int_rz(__half H) { return (int)(float)H; }
__CUDA_HOSTDEVICE_FP16_DECL__ short __half_as_short(__half H) { return (short)H.__x; }
__CUDA_HOSTDEVICE_FP16_DECL__ unsigned short __half_as_ushort(__half H) { return H.__x; }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __short_as_half(short S) { return __half(__half_raw{(unsigned short)S}); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __ushort_as_half(unsigned short S) { return __half(__half_raw{S}); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __halves2half2(__half A, __half B) { return __half2(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __floats2half2_rn(float A, float B) { return __half2(__half(A), __half(B)); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __float2half2_rn(float A) { return __half2(__half(A), __half(A)); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __half2half2(__half A) { return __half2(A, A); }
__CUDA_HOSTDEVICE_FP16_DECL__ float2 __half22float2(__half2 H) { return float2{(float)H.x, (float)H.y}; }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __float22half2_rn(float2 F) { return __floats2half2_rn(F.x, F.y); }
__CUDA_HOSTDEVICE_FP16_DECL__ float __low2float(__half2 H) { return (float)H.x; }
__CUDA_HOSTDEVICE_FP16_DECL__ float __high2float(__half2 H) { return (float)H.y; }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __low2half(__half2 H) { return H.x; }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __high2half(__half2 H) { return H.y; }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __lows2half2(__half2 A, __half2 B) { return __half2(A.x, B.x); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __highs2half2(__half2 A, __half2 B) { return __half2(A.y, B.y); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __lowhigh2highlow(__half2 A) { return __half2(A.y, A.x); }

/* Arithmetic: exact operation in float (double for fma), one rounding. */
#define __CUPORT_H_BIN(Name, Expr)                                              \
  __CUDA_HOSTDEVICE_FP16_DECL__ __half Name(__half A, __half B) {               \
    float a = (float)A, b = (float)B;                                           \
    return __half(Expr);                                                        \
  }                                                                             \
  __CUDA_HOSTDEVICE_FP16_DECL__ __half2 Name##2(__half2 A, __half2 B) {         \
    return __half2(Name(A.x, B.x), Name(A.y, B.y));                             \
  }
__CUPORT_H_BIN(__hadd, a + b)
__CUPORT_H_BIN(__hsub, a - b)
__CUPORT_H_BIN(__hmul, a * b)
__CUPORT_H_BIN(__hdiv, a / b)
__CUPORT_H_BIN(__hmax, (a != a) ? b : (b != b) ? a : (a > b ? a : b))
__CUPORT_H_BIN(__hmin, (a != a) ? b : (b != b) ? a : (a < b ? a : b))
#undef __CUPORT_H_BIN
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __h2div(__half2 A, __half2 B) { return __hdiv2(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __hadd_sat(__half A, __half B) {
  float r = (float)__hadd(A, B);
  return __half(r != r ? 0.0f : r < 0.0f ? 0.0f : r > 1.0f ? 1.0f : r);
}
__CUDA_HOSTDEVICE_FP16_DECL__ __half __hfma(__half A, __half B, __half C) {
  /* The product of two halves is exact in double and the sum rounds once
     to double before the single rounding to half. */
  return __half((double)(float)A * (double)(float)B + (double)(float)C);
}
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __hfma2(__half2 A, __half2 B, __half2 C) {
  return __half2(__hfma(A.x, B.x, C.x), __hfma(A.y, B.y, C.y));
}
__CUDA_HOSTDEVICE_FP16_DECL__ __half __hneg(__half A) { return __ushort_as_half(A.__x ^ 0x8000u); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __hneg2(__half2 A) { return __half2(__hneg(A.x), __hneg(A.y)); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half __habs(__half A) { return __ushort_as_half(A.__x & 0x7fffu); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 __habs2(__half2 A) { return __half2(__habs(A.x), __habs(A.y)); }

/* Comparisons: ordered (false with a NaN) and unordered (true with a NaN). */
#define __CUPORT_H_CMP(Name, Op)                                                \
  __CUDA_HOSTDEVICE_FP16_DECL__ bool Name(__half A, __half B) { return (float)A Op (float)B; } \
  __CUDA_HOSTDEVICE_FP16_DECL__ bool Name##u(__half A, __half B) {              \
    float a = (float)A, b = (float)B;                                           \
    return a != a || b != b || (a Op b);                                        \
  }                                                                             \
  __CUDA_HOSTDEVICE_FP16_DECL__ __half2 Name##2(__half2 A, __half2 B) {         \
    return __half2(__half(Name(A.x, B.x) ? 1.0f : 0.0f), __half(Name(A.y, B.y) ? 1.0f : 0.0f)); \
  }                                                                             \
  __CUDA_HOSTDEVICE_FP16_DECL__ bool __hb##Name##2(__half2 A, __half2 B) {     \
    return Name(A.x, B.x) && Name(A.y, B.y);                                    \
  }
__CUPORT_H_CMP(__heq, ==)
__CUPORT_H_CMP(__hne, !=)
__CUPORT_H_CMP(__hlt, <)
__CUPORT_H_CMP(__hle, <=)
__CUPORT_H_CMP(__hgt, >)
__CUPORT_H_CMP(__hge, >=)
#undef __CUPORT_H_CMP
__CUDA_HOSTDEVICE_FP16_DECL__ bool __hisnan(__half A) { return (A.__x & 0x7fffu) > 0x7c00u; }
__CUDA_HOSTDEVICE_FP16_DECL__ int __hisinf(__half A) {
  return (A.__x & 0x7fffu) == 0x7c00u ? ((A.__x & 0x8000u) ? -1 : 1) : 0;
}

/* Math: the float function, rounded once to half. */
#define __CUPORT_H_MATH(Name, Fn)                                               \
  __CUDA_HOSTDEVICE_FP16_DECL__ __half Name(__half A) { return __half(Fn((float)A)); } \
  __CUDA_HOSTDEVICE_FP16_DECL__ __half2 h2##Name(__half2 A) {                   \
    return __half2(Name(A.x), Name(A.y));                                       \
  }
__CUPORT_H_MATH(hsqrt, sqrtf)
__CUPORT_H_MATH(hexp, expf)
__CUPORT_H_MATH(hexp2, exp2f)
__CUPORT_H_MATH(hlog, logf)
__CUPORT_H_MATH(hlog2, log2f)
__CUPORT_H_MATH(hlog10, log10f)
__CUPORT_H_MATH(hsin, sinf)
__CUPORT_H_MATH(hcos, cosf)
__CUPORT_H_MATH(hceil, ceilf)
__CUPORT_H_MATH(hfloor, floorf)
__CUPORT_H_MATH(htrunc, truncf)
__CUPORT_H_MATH(hrint, rintf)
#undef __CUPORT_H_MATH
__CUDA_HOSTDEVICE_FP16_DECL__ __half hrsqrt(__half A) { return __half(1.0 / sqrt((double)(float)A)); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half hrcp(__half A) { return __half(1.0f / (float)A); }

/* Operators, as CUDA provides them unless __CUDA_NO_HALF_OPERATORS__. */
#if !defined(__CUDA_NO_HALF_OPERATORS__)
__CUDA_HOSTDEVICE_FP16_DECL__ __half operator+(const __half &A, const __half &B) { return __hadd(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half operator-(const __half &A, const __half &B) { return __hsub(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half operator*(const __half &A, const __half &B) { return __hmul(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half operator/(const __half &A, const __half &B) { return __hdiv(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half &operator+=(__half &A, const __half &B) { return A = __hadd(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half &operator-=(__half &A, const __half &B) { return A = __hsub(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half &operator*=(__half &A, const __half &B) { return A = __hmul(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half &operator/=(__half &A, const __half &B) { return A = __hdiv(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half operator-(const __half &A) { return __hneg(A); }
__CUDA_HOSTDEVICE_FP16_DECL__ bool operator==(const __half &A, const __half &B) { return __heq(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ bool operator!=(const __half &A, const __half &B) { return __hneu(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ bool operator<(const __half &A, const __half &B) { return __hlt(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ bool operator<=(const __half &A, const __half &B) { return __hle(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ bool operator>(const __half &A, const __half &B) { return __hgt(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ bool operator>=(const __half &A, const __half &B) { return __hge(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 operator+(const __half2 &A, const __half2 &B) { return __hadd2(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 operator-(const __half2 &A, const __half2 &B) { return __hsub2(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 operator*(const __half2 &A, const __half2 &B) { return __hmul2(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 operator/(const __half2 &A, const __half2 &B) { return __h2div(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 &operator+=(__half2 &A, const __half2 &B) { return A = __hadd2(A, B); }
__CUDA_HOSTDEVICE_FP16_DECL__ __half2 &operator*=(__half2 &A, const __half2 &B) { return A = __hmul2(A, B); }
#endif

/* Atomic adds on half data, as compare-and-swap loops on the 32-bit word.
 * Declared in both CUDA passes: the host pass parses kernel bodies too. */
#if defined(__CUDACC__)
static __device__ __inline__ __half2 atomicAdd(__half2 *P, __half2 V) {
  unsigned *Word = (unsigned *)P;
  unsigned Old = *(volatile unsigned *)Word, Assumed;
  do {
    Assumed = Old;
    __half2 Sum = __hadd2(__builtin_bit_cast(__half2, Assumed), V);
    Old = atomicCAS(Word, Assumed, __builtin_bit_cast(unsigned, Sum));
  } while (Old != Assumed);
  return __builtin_bit_cast(__half2, Old);
}
static __device__ __inline__ __half atomicAdd(__half *P, __half V) {
  unsigned long long Addr = (unsigned long long)P;
  unsigned *Word = (unsigned *)(Addr & ~3ull);
  unsigned Shift = (unsigned)(Addr & 2ull) * 8u;
  unsigned Old = *(volatile unsigned *)Word, Assumed;
  do {
    Assumed = Old;
    __half Cur = __ushort_as_half((unsigned short)(Assumed >> Shift));
    unsigned NewBits = (unsigned)__half_as_ushort(__hadd(Cur, V)) << Shift;
    Old = atomicCAS(Word, Assumed, (Assumed & ~(0xffffu << Shift)) | NewBits);
  } while (Old != Assumed);
  return __ushort_as_half((unsigned short)(Old >> Shift));
}
#endif

#undef __CUDA_HOSTDEVICE_FP16_DECL__
#undef __CUDA_FP16_DECL__

#endif /* CUPORT_CUDA_FP16_H */
