/*===- cuport/math/exact.h - Exact device math: bits, remainders, rounding ===*
 *
 * The LIB rows of DeviceMath.def whose results are exact (frexp, modf,
 * remquo, lrint, ...), the classification functions, the sincos family,
 * and the helpers every other implementation header uses: overloads of the
 * OpenCL built-ins on float and double inside namespace __cuport (so that
 * templates can call them, and so that --use_fast_math, which redirects the
 * public sinf, never reaches cuport's own algorithms), bit access, and
 * double-word ("double-double"/"double-float") arithmetic built on fma.
 *
 * Exactness of the error-free transformations depends on every operation
 * being rounded once: cuport-cc compiles device code with
 * -ffp-contract=fast (nvcc's --fmad=true), so the functions that need it
 * turn contraction off.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_MATH_EXACT_H
#define CUPORT_MATH_EXACT_H

#pragma clang system_header

#define __CUPORT_EXACT _Pragma("clang fp contract(off)")

namespace __cuport {

/*===------------------- Built-ins overloaded on the element type ---------===*/

#define __CUPORT_OVERLOAD(Name, Sig)                                           \
  __CUPORT_DEFINE(Name, Sig, float, __cuport_impl_##Name##f)                   \
  __CUPORT_DEFINE(Name, Sig, double, __cuport_impl_##Name)
__CUPORT_OVERLOAD(fabs, T1)
__CUPORT_OVERLOAD(copysign, T2)
__CUPORT_OVERLOAD(fma, T3)
__CUPORT_OVERLOAD(sqrt, T1)
__CUPORT_OVERLOAD(cbrt, T1)
__CUPORT_OVERLOAD(exp, T1)
__CUPORT_OVERLOAD(log, T1)
__CUPORT_OVERLOAD(log1p, T1)
__CUPORT_OVERLOAD(sin, T1)
__CUPORT_OVERLOAD(cos, T1)
__CUPORT_OVERLOAD(erf, T1)
__CUPORT_OVERLOAD(erfc, T1)
__CUPORT_OVERLOAD(rint, T1)
__CUPORT_OVERLOAD(round, T1)
__CUPORT_OVERLOAD(trunc, T1)
__CUPORT_OVERLOAD(floor, T1)
__CUPORT_OVERLOAD(fmod, T2)
__CUPORT_OVERLOAD(remainder, T2)
__CUPORT_OVERLOAD(ldexp, TI)
__CUPORT_OVERLOAD(nextafter, T2)
#undef __CUPORT_OVERLOAD

/* Built-ins whose CUDA functions need a correction (below). */
__CUPORT_IMPL_OCL(oclSinpi, T1, float, "_Z5sinpif")
__CUPORT_IMPL_OCL(oclSinpi, T1, double, "_Z5sinpid")
__CUPORT_IMPL_OCL(oclCospi, T1, float, "_Z5cospif")
__CUPORT_IMPL_OCL(oclCospi, T1, double, "_Z5cospid")
__CUPORT_IMPL_OCL(oclIlogb, IT, float, "_Z5ilogbf")
__CUPORT_IMPL_OCL(oclIlogb, IT, double, "_Z5ilogbd")
__CUPORT_IMPL_OCL(oclTgamma, T1, double, "_Z6tgammad")
__CUPORT_IMPL_OCL(oclRsqrt, T1, float, "_Z5rsqrtf")
__CUPORT_IMPL_OCL(oclRsqrt, T1, double, "_Z5rsqrtd")
/* The built-in, for cuport's own algorithms (the CUDA rsqrt(double) is
 * refined in special.h). */
__CUPORT_DEFINE(rsqrt, T1, float, __cuport_impl_oclRsqrt)
__CUPORT_DEFINE(rsqrt, T1, double, __cuport_impl_oclRsqrt)

/* Saturating conversions to 64-bit integers (NaN gives 0). */
__device__ __attribute__((const, nothrow)) long long cvtLongRte(float)
    __asm__("_Z20convert_long_sat_rtef");
__device__ __attribute__((const, nothrow)) long long cvtLongRte(double)
    __asm__("_Z20convert_long_sat_rted");
__device__ __attribute__((const, nothrow)) long long cvtLongRtz(float)
    __asm__("_Z20convert_long_sat_rtzf");
__device__ __attribute__((const, nothrow)) long long cvtLongRtz(double)
    __asm__("_Z20convert_long_sat_rtzd");

/*===------------------- Representation -----------------------------------===*/


template <class T> struct Bits;
template <> struct Bits<float> {
  typedef unsigned int U;
  static constexpr int MantBits = 23;
  static constexpr int ExpMax = 0xff;
  static constexpr int Bias = 127;
  static constexpr int Precision = 24;
  __CUPORT_DEVFN float minNormal() { return 0x1p-126f; }
};
template <> struct Bits<double> {
  typedef unsigned long long U;
  static constexpr int MantBits = 52;
  static constexpr int ExpMax = 0x7ff;
  static constexpr int Bias = 1023;
  static constexpr int Precision = 53;
  __CUPORT_DEVFN double minNormal() { return 0x1p-1022; }
};

template <class T> __CUPORT_DEVFN typename Bits<T>::U toBits(T X) {
  return __builtin_bit_cast(typename Bits<T>::U, X);
}
template <class T> __CUPORT_DEVFN T fromBits(typename Bits<T>::U U) {
  return __builtin_bit_cast(T, U);
}
/* The biased exponent field. */
template <class T> __CUPORT_DEVFN int expField(T X) {
  return (int)((toBits(X) >> Bits<T>::MantBits) & Bits<T>::ExpMax);
}
template <class T> __CUPORT_DEVFN bool isNaN(T X) { return X != X; }
template <class T> __CUPORT_DEVFN bool isInf(T X) {
  return fabs(X) == (T)__builtin_inf();
}
template <class T> __CUPORT_DEVFN T inf() { return (T)__builtin_inf(); }
template <class T> __CUPORT_DEVFN T qnan() { return (T)__builtin_nan(""); }

/* ilogb as CUDA defines it: 0 and NaN give INT_MIN, infinities INT_MAX
 * (OpenCL leaves FP_ILOGBNAN to the implementation; PoCL uses INT_MAX). */
template <class T> __CUPORT_DEVFN int ilogb(T X) {
  if (isNaN(X) || X == (T)0)
    return -2147483647 - 1;
  if (isInf(X))
    return 2147483647;
  return __cuport_impl_oclIlogb(X);
}

/* sin(pi x) and cos(pi x) with IEEE 754's zeros: sinPi(n) has the sign of
 * n, cosPi(n + 1/2) is +0 (PoCL returns -0 for some of these). */
template <class T> __CUPORT_DEVFN T sinpi(T X) {
  T R = __cuport_impl_oclSinpi(X);
  return R == (T)0 ? copysign((T)0, X) : R;
}
template <class T> __CUPORT_DEVFN T cospi(T X) {
  T R = __cuport_impl_oclCospi(X);
  return R == (T)0 ? (T)0 : R;
}

/*===------------------- Double-word arithmetic ---------------------------===*/

/* A value Hi + Lo with |Lo| <= ulp(Hi)/2: about twice T's precision. */
template <class T> struct DW {
  T Hi, Lo;
};

/* Hi + Lo == A + B exactly (Knuth's TwoSum; no condition on A, B). */
template <class T> __CUPORT_DEVFN DW<T> twoSum(T A, T B) {
  __CUPORT_EXACT
  T S = A + B;
  T Bv = S - A;
  T Av = S - Bv;
  return DW<T>{S, (A - Av) + (B - Bv)};
}
/* As twoSum when |A| >= |B| (Dekker's FastTwoSum). */
template <class T> __CUPORT_DEVFN DW<T> fastTwoSum(T A, T B) {
  __CUPORT_EXACT
  T S = A + B;
  return DW<T>{S, B - (S - A)};
}
/* Hi + Lo == A * B exactly, barring underflow. */
template <class T> __CUPORT_DEVFN DW<T> twoProd(T A, T B) {
  __CUPORT_EXACT
  T P = A * B;
  return DW<T>{P, fma(A, B, -P)};
}
template <class T> __CUPORT_DEVFN DW<T> dwAdd(DW<T> A, DW<T> B) {
  __CUPORT_EXACT
  DW<T> S = twoSum(A.Hi, B.Hi);
  DW<T> E = twoSum(A.Lo, B.Lo);
  S.Lo += E.Hi;
  S = fastTwoSum(S.Hi, S.Lo);
  S.Lo += E.Lo;
  return fastTwoSum(S.Hi, S.Lo);
}
template <class T> __CUPORT_DEVFN DW<T> dwAdd(DW<T> A, T B) {
  __CUPORT_EXACT
  DW<T> S = twoSum(A.Hi, B);
  S.Lo += A.Lo;
  return fastTwoSum(S.Hi, S.Lo);
}
template <class T> __CUPORT_DEVFN DW<T> dwMul(DW<T> A, DW<T> B) {
  __CUPORT_EXACT
  DW<T> P = twoProd(A.Hi, B.Hi);
  P.Lo = fma(A.Hi, B.Lo, fma(A.Lo, B.Hi, P.Lo));
  return fastTwoSum(P.Hi, P.Lo);
}
template <class T> __CUPORT_DEVFN DW<T> dwMul(DW<T> A, T B) {
  __CUPORT_EXACT
  DW<T> P = twoProd(A.Hi, B);
  P.Lo = fma(A.Lo, B, P.Lo);
  return fastTwoSum(P.Hi, P.Lo);
}
template <class T> __CUPORT_DEVFN DW<T> dwDiv(DW<T> A, DW<T> B) {
  __CUPORT_EXACT
  T Q1 = A.Hi / B.Hi;
  DW<T> R = dwAdd(A, dwMul(B, -Q1));
  T Q2 = R.Hi / B.Hi;
  R = dwAdd(R, dwMul(B, -Q2));
  T Q3 = R.Hi / B.Hi;
  DW<T> Q = fastTwoSum(Q1, Q2);
  return dwAdd(Q, Q3);
}
template <class T> __CUPORT_DEVFN DW<T> dw(T X) { return DW<T>{X, (T)0}; }

} // namespace __cuport

/*===------------------- frexp, modf --------------------------------------===*/

namespace __cuport {
/* The special cases are told apart with floating-point comparisons, not
 * by comparing the exponent field: tests of an 8- or 11-bit field for
 * equality become a switch that LLVM narrows to i8/i11, and
 * SPIRV-LLVM-Translator rejects integer widths other than 8/16/32/64 in
 * some positions (InvalidBitWidth). */
template <class T> __CUPORT_DEVFN T frexpImpl(T X, int *Exp) {
  typedef typename Bits<T>::U U;
  if (isNaN(X) || isInf(X) || X == (T)0) {
    *Exp = 0;
    return X;
  }
  int Adjust = 0;
  if (fabs(X) < Bits<T>::minNormal()) {
    /* subnormal: scale into the normal range first (exact) */
    X = ldexp(X, Bits<T>::Precision + 1);
    Adjust = Bits<T>::Precision + 1;
  }
  int E = expField(X);
  *Exp = E - (Bits<T>::Bias - 1) - Adjust;
  U Mask = ((U)Bits<T>::ExpMax) << Bits<T>::MantBits;
  return fromBits<T>((toBits(X) & ~Mask) |
                     ((U)(Bits<T>::Bias - 1) << Bits<T>::MantBits));
}

template <class T> __CUPORT_DEVFN T modfImpl(T X, T *IntPart) {
  __CUPORT_EXACT
  T I = trunc(X);
  *IntPart = I;
  /* X - I is exact; the fraction keeps X's sign (also for -0 and -inf). */
  return copysign(isInf(X) ? (T)0 : X - I, X);
}
} // namespace __cuport

__CUPORT_DEVFN float __cuport_impl_frexpf(float __x, int *__e) {
  return __cuport::frexpImpl(__x, __e);
}
__CUPORT_DEVFN double __cuport_impl_frexp(double __x, int *__e) {
  return __cuport::frexpImpl(__x, __e);
}
__CUPORT_DEVFN float __cuport_impl_modff(float __x, float *__i) {
  return __cuport::modfImpl(__x, __i);
}
__CUPORT_DEVFN double __cuport_impl_modf(double __x, double *__i) {
  return __cuport::modfImpl(__x, __i);
}

/*===------------------- remquo -------------------------------------------===*/

namespace __cuport {
/* remainder(X, Y) and the low three bits of the rounded quotient, with the
 * quotient's sign. Reducing |X| modulo 8|Y| first keeps those bits (and the
 * parity that remainder's ties-to-even uses) and leaves a quotient below
 * 16, which rounding recovers exactly. Large operands are scaled down by
 * 16 first (exact), so that 8|Y| and the reconstruction cannot overflow. */
template <class T> __CUPORT_DEVFN T remquoImpl(T X, T Y, int *Quo) {
  __CUPORT_EXACT
  T R = remainder(X, Y);
  if (isNaN(R) || isInf(X) || Y == (T)0) {
    *Quo = 0;
    return R;
  }
  T AX = fabs(X), AY = fabs(Y);
  const T Big = ldexp((T)1, Bits<T>::ExpMax - Bits<T>::Bias - 3);
  if (AY >= Big) {
    AX *= (T)0.0625;
    AY *= (T)0.0625;
  } else {
    AX = fmod(AX, 8 * AY);
  }
  T RR = remainder(AX, AY);
  int N = (int)rint((AX - RR) / AY) & 7;
  *Quo = ((X < 0) != (Y < 0)) ? -N : N;
  return R;
}
} // namespace __cuport

__CUPORT_DEVFN float __cuport_impl_remquof(float __x, float __y, int *__q) {
  return __cuport::remquoImpl(__x, __y, __q);
}
__CUPORT_DEVFN double __cuport_impl_remquo(double __x, double __y, int *__q) {
  return __cuport::remquoImpl(__x, __y, __q);
}

/*===------------------- Rounding to integers -----------------------------===*/

/* Device code always runs in round-to-nearest-even, so nearbyint is rint. */
__CUPORT_DEVFN float __cuport_impl_nearbyintf(float __x) {
  return __cuport::rint(__x);
}
__CUPORT_DEVFN double __cuport_impl_nearbyint(double __x) {
  return __cuport::rint(__x);
}
/* Out-of-range results saturate and NaN gives 0 (C leaves both undefined). */
__CUPORT_DEVFN long __cuport_impl_lrintf(float __x) {
  return __cuport::cvtLongRte(__x);
}
__CUPORT_DEVFN long __cuport_impl_lrint(double __x) {
  return __cuport::cvtLongRte(__x);
}
__CUPORT_DEVFN long long __cuport_impl_llrintf(float __x) {
  return __cuport::cvtLongRte(__x);
}
__CUPORT_DEVFN long long __cuport_impl_llrint(double __x) {
  return __cuport::cvtLongRte(__x);
}
__CUPORT_DEVFN long __cuport_impl_lroundf(float __x) {
  return __cuport::cvtLongRtz(__cuport::round(__x));
}
__CUPORT_DEVFN long __cuport_impl_lround(double __x) {
  return __cuport::cvtLongRtz(__cuport::round(__x));
}
__CUPORT_DEVFN long long __cuport_impl_llroundf(float __x) {
  return __cuport::cvtLongRtz(__cuport::round(__x));
}
__CUPORT_DEVFN long long __cuport_impl_llround(double __x) {
  return __cuport::cvtLongRtz(__cuport::round(__x));
}

/* scalbln: any exponent beyond +-65536 over- or underflows every finite
 * nonzero double, so clamping it to int's range changes nothing. */
__CUPORT_DEVFN float __cuport_impl_scalblnf(float __x, long __n) {
  return __cuport::ldexp(
      __x, (int)(__n > 65536 ? 65536 : (__n < -65536 ? -65536 : __n)));
}
__CUPORT_DEVFN double __cuport_impl_scalbln(double __x, long __n) {
  return __cuport::ldexp(
      __x, (int)(__n > 65536 ? 65536 : (__n < -65536 ? -65536 : __n)));
}

__CUPORT_DEVFN float __cuport_impl_nanf(const char *) {
  return __builtin_nanf("");
}
__CUPORT_DEVFN double __cuport_impl_nan(const char *) {
  return __builtin_nan("");
}

__CUPORT_DEVFN int __cuport_impl_ilogbf(float __x) { return __cuport::ilogb(__x); }
__CUPORT_DEVFN int __cuport_impl_ilogb(double __x) { return __cuport::ilogb(__x); }
/* Float rounds the double result: PoCL's float sinpi/cospi reach 1.65 ulp,
 * CUDA promises 1. */
__CUPORT_DEVFN float __cuport_impl_sinpif(float __x) {
  return (float)__cuport::sinpi((double)__x);
}
__CUPORT_DEVFN double __cuport_impl_sinpi(double __x) { return __cuport::sinpi(__x); }
__CUPORT_DEVFN float __cuport_impl_cospif(float __x) {
  return (float)__cuport::cospi((double)__x);
}
__CUPORT_DEVFN double __cuport_impl_cospi(double __x) { return __cuport::cospi(__x); }

/* tgamma. The sign of an underflowed result is that of Gamma on the
 * interval: negative where floor(x) is odd (PoCL returns +0 throughout).
 * Float rounds the double result: PoCL's float tgamma is off by hundreds
 * of ulps where the result is subnormal (x near -36). */
__CUPORT_DEVFN double __cuport_impl_tgamma(double __x) {
  double __r = __cuport::__cuport_impl_oclTgamma(__x);
  if (__r == 0.0 && __x < 0.0) {
    double __f = __cuport::floor(__x);
    bool __odd = __cuport::fmod(__f, 2.0) != 0.0;
    return __odd ? -0.0 : 0.0;
  }
  return __r;
}
__CUPORT_DEVFN float __cuport_impl_tgammaf(float __x) {
  return (float)__cuport_impl_tgamma((double)__x);
}

/*===------------------- Classification -----------------------------------===*/

__CUPORT_DEVFN bool __cuport_impl_isnan(float __x) { return __builtin_isnan(__x); }
__CUPORT_DEVFN bool __cuport_impl_isnan(double __x) { return __builtin_isnan(__x); }
__CUPORT_DEVFN bool __cuport_impl_isinf(float __x) { return __builtin_isinf(__x); }
__CUPORT_DEVFN bool __cuport_impl_isinf(double __x) { return __builtin_isinf(__x); }
__CUPORT_DEVFN bool __cuport_impl_isfinite(float __x) {
  return __builtin_isfinite(__x);
}
__CUPORT_DEVFN bool __cuport_impl_isfinite(double __x) {
  return __builtin_isfinite(__x);
}
__CUPORT_DEVFN bool __cuport_impl_signbit(float __x) {
  return __builtin_signbit(__x);
}
__CUPORT_DEVFN bool __cuport_impl_signbit(double __x) {
  return __builtin_signbit(__x);
}

/*===------------------- sincos family ------------------------------------===*/

/* OpenCL's sincos returns the cosine through a pointer, which the
 * translator cannot lower (see DeviceMath.def); two calls give the same
 * results. */
__CUPORT_DEVFN void __cuport_impl_sincosf(float __x, float *__s, float *__c) {
  *__s = __cuport::sin(__x);
  *__c = __cuport::cos(__x);
}
__CUPORT_DEVFN void __cuport_impl_sincos(double __x, double *__s, double *__c) {
  *__s = __cuport::sin(__x);
  *__c = __cuport::cos(__x);
}
__CUPORT_DEVFN void __cuport_impl_sincospif(float __x, float *__s, float *__c) {
  *__s = __cuport_impl_sinpif(__x);
  *__c = __cuport_impl_cospif(__x);
}
__CUPORT_DEVFN void __cuport_impl_sincospi(double __x, double *__s,
                                           double *__c) {
  *__s = __cuport::sinpi(__x);
  *__c = __cuport::cospi(__x);
}
__CUPORT_DEVFN void __cuport_impl___sincosf(float __x, float *__s, float *__c) {
  *__s = __sinf(__x);
  *__c = __cosf(__x);
}
/* CUDA defines __tanf through its fast sine and cosine. */
__CUPORT_DEVFN float __cuport_impl___tanf(float __x) {
  return __sinf(__x) / __cosf(__x);
}

/*===------------------- Fast division and saturation ---------------------===*/

/* CUDA computes __fdividef as x * (1/y) with a reciprocal that flushes to
 * zero for 2^126 < |y| < 2^128: the result is then a signed zero, or NaN for
 * an infinite x. Elsewhere the quotient is within CUDA's 2 ulp (here it is
 * the correctly rounded one). */
__CUPORT_DEVFN float __cuport_impl___fdividef(float __x, float __y) {
  float __ay = __cuport::fabs(__y);
  if (__ay > 0x1p126f && __ay < __builtin_inff())
    return __x * __cuport::copysign(0.0f, __y);
  return __x / __y;
}
__CUPORT_DEVFN float __cuport_impl_fdividef(float __x, float __y) {
  return __cuport_impl___fdividef(__x, __y);
}

/* Clamp to [0, 1]; NaN (every comparison false) and -0 give +0. */
__CUPORT_DEVFN float __cuport_impl___saturatef(float __x) {
  return __x >= 1.0f ? 1.0f : (__x > 0.0f ? __x : 0.0f);
}

#endif /* CUPORT_MATH_EXACT_H */
