/*===- cuport/math/rounding.h - Arithmetic with an explicit rounding mode -===*
 *
 * CUDA's __fadd_rz, __dmul_ru, __fsqrt_rd, __fma_rz and friends. OpenCL
 * arithmetic always rounds to nearest (only conversions take a rounding
 * mode), so every directed result is derived exactly from a
 * round-to-nearest computation:
 *
 *  - float: the exact result is formed in double as S + E (S the rounded
 *    double, E the exact error from an error-free transformation: TwoSum,
 *    fma residuals). E only matters through its sign, so S is rounded to
 *    odd (moved to its odd neighbour towards E when E != 0): 53 bits rounded
 *    to odd then converted to 24 bits with OpenCL's convert_float_rtz/rtp/
 *    rtn(double) is the exact directed result (Boldo and Melquiond,
 *    "Emulation of FMA and correctly-rounded sums: proved algorithms using
 *    rounding to odd", IEEE TC 2008).
 *  - double: R is the round-to-nearest result and Sigma the sign of
 *    (exact - R), found exactly: TwoSum for addition, an fma residual on
 *    operands scaled to [1/2, 1) by frexp for multiplication, division and
 *    square root (which keeps the residual clear of underflow), and an exact
 *    sum of four terms for fma. A nonzero Sigma moves R one ulp with
 *    nextafter when the mode requires it; an overflow to infinity becomes
 *    the largest finite number where the mode says so.
 *
 * IEEE 754 zero signs are kept: an exact zero sum x + (-x) is -0 when
 * rounding down and +0 otherwise.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_MATH_ROUNDING_H
#define CUPORT_MATH_ROUNDING_H

#pragma clang system_header

namespace __cuport {

enum RoundMode { RN, RZ, RU, RD };

__device__ __attribute__((const, nothrow)) float cvtFloatRte(double)
    __asm__("_Z17convert_float_rted");
__device__ __attribute__((const, nothrow)) float cvtFloatRtz(double)
    __asm__("_Z17convert_float_rtzd");
__device__ __attribute__((const, nothrow)) float cvtFloatRtp(double)
    __asm__("_Z17convert_float_rtpd");
__device__ __attribute__((const, nothrow)) float cvtFloatRtn(double)
    __asm__("_Z17convert_float_rtnd");

template <int Mode> __CUPORT_DEVFN float cvtFloat(double S) {
  return Mode == RN ? cvtFloatRte(S)
                    : Mode == RZ ? cvtFloatRtz(S)
                                 : Mode == RU ? cvtFloatRtp(S) : cvtFloatRtn(S);
}

/* The exact value S + E (|E| <= ulp(S)/2, only E's sign is used) rounded to
 * float in Mode, through round-to-odd. */
template <int Mode> __CUPORT_DEVFN float roundToFloat(double S, double E) {
  if (E != 0.0 && (toBits(S) & 1) == 0)
    S = nextafter(S, E > 0.0 ? inf<double>() : -inf<double>());
  return cvtFloat<Mode>(S);
}

/* The sign of an exact zero sum of two addends: that of the addends when
 * both are zeros of one sign, else -0 when rounding down and +0 otherwise. */
template <int Mode, class T> __CUPORT_DEVFN T zeroSum(T A, T B) {
  if (A == (T)0 && B == (T)0 && __builtin_signbit(A) == __builtin_signbit(B))
    return A;
  return Mode == RD ? -(T)0 : (T)0;
}

/* R rounded to nearest, Sigma = sign(exact - R): the result in Mode. */
template <int Mode> __CUPORT_DEVFN double applyMode(double R, int Sigma) {
  if (Sigma == 0 || Mode == RN)
    return R;
  if (Mode == RU)
    return Sigma > 0 ? nextafter(R, inf<double>()) : R;
  if (Mode == RD)
    return Sigma < 0 ? nextafter(R, -inf<double>()) : R;
  if (R == 0.0) /* a tiny exact value rounded to a zero of its sign */
    return R;
  return (Sigma > 0) != (R > 0.0) ? nextafter(R, 0.0) : R;
}

template <class T> __CUPORT_DEVFN int signOf(T X) {
  return X > (T)0 ? 1 : (X < (T)0 ? -1 : 0);
}

/* The sign of an overflowed R's exact value relative to R: finite, so on
 * the zero side. */
__CUPORT_DEVFN int overflowSigma(double R) { return R > 0.0 ? -1 : 1; }

/*===------------------- float ---------------------------------------------===*/

template <int Mode> __CUPORT_DEVFN float fadd(float A, float B) {
  __CUPORT_EXACT
  if (Mode == RN)
    return A + B;
  DW<double> S = twoSum((double)A, (double)B); /* no overflow in double */
  if (!(S.Hi - S.Hi == 0.0))                   /* inf or NaN operand */
    return (float)S.Hi;
  if (S.Hi == 0.0)
    return zeroSum<Mode>(A, B);
  return roundToFloat<Mode>(S.Hi, S.Lo);
}

template <int Mode> __CUPORT_DEVFN float fmul(float A, float B) {
  __CUPORT_EXACT
  if (Mode == RN)
    return A * B;
  return cvtFloat<Mode>((double)A * (double)B); /* the product is exact */
}

/* Q = A/B in double; A - Q*B is exact (fma), its sign times B's is the
 * sign of (A/B - Q). Division and square root in double round correctly,
 * and rounding those once more to float is also correct (53 >= 2*24 + 2),
 * which gives the rn variants. */
template <int Mode> __CUPORT_DEVFN float fdiv(float A, float B) {
  __CUPORT_EXACT
  double Q = (double)A / (double)B;
  if (Mode == RN || !(Q - Q == 0.0) || Q == 0.0)
    return cvtFloat<Mode>(Q);
  double R = fma(-Q, (double)B, (double)A);
  return roundToFloat<Mode>(Q, B > 0.0f ? R : -R);
}

template <int Mode> __CUPORT_DEVFN float fsqrt(float A) {
  __CUPORT_EXACT
  double S = sqrt((double)A);
  if (Mode == RN || !(S > 0.0) || isInf(S))
    return cvtFloat<Mode>(S);
  return roundToFloat<Mode>(S, fma(-S, S, (double)A));
}

template <int Mode> __CUPORT_DEVFN float ffma(float A, float B, float C) {
  __CUPORT_EXACT
  if (Mode == RN)
    return fma(A, B, C);
  double P = (double)A * (double)B; /* exact */
  DW<double> S = twoSum(P, (double)C);
  if (!(S.Hi - S.Hi == 0.0)) /* inf or NaN operand: IEEE's special result */
    return fma(A, B, C);
  if (S.Hi == 0.0)
    return (float)zeroSum<Mode>(P, (double)C);
  return roundToFloat<Mode>(S.Hi, S.Lo);
}

/* 1/sqrt(X) correctly rounded. X is scaled by 4^-K into [1, 4) (exact; the
 * result scales back exactly, it is never subnormal), a candidate F comes
 * from double, and the sign of 1 - X*M^2, exact with fma in double for
 * 25-bit M, decides between F and its neighbour at the midpoint M. */
__CUPORT_DEVFN float frsqrtRn(float X) {
  __CUPORT_EXACT
  if (!(X > 0.0f) || isInf(X))
    return 1.0f / sqrt(X); /* NaN, negative, +-0, inf */
  int K = ilogb(X) >> 1;
  double XS = (double)ldexp(X, -2 * K);
  float F = (float)(1.0 / sqrt(XS));
  double FD = F;
  double T = fma(-XS, FD * FD, 1.0); /* sign of 1/sqrt(XS) - F */
  if (T != 0.0) {
    float G = nextafter(F, T > 0.0 ? inf<float>() : 0.0f);
    double M = 0.5 * (FD + (double)G);
    double TM = fma(-XS, M * M, 1.0);
    if (TM != 0.0 && (TM > 0.0) == (T > 0.0))
      F = G;
  }
  return ldexp(F, -K);
}

/*===------------------- double --------------------------------------------===*/

template <int Mode> __CUPORT_DEVFN double dadd(double A, double B) {
  __CUPORT_EXACT
  double R = A + B;
  if (Mode == RN || !(A - A == 0.0) || !(B - B == 0.0))
    return R;
  if (isInf(R))
    return applyMode<Mode>(R, overflowSigma(R));
  DW<double> S = twoSum(A, B);
  if (R == 0.0)
    return zeroSum<Mode>(A, B);
  return applyMode<Mode>(R, signOf(S.Lo));
}

/* Mantissa in [1/2, 1) and exponent, exact (frexp). */
__CUPORT_DEVFN double mant(double X, int *E) { return frexpImpl(X, E); }

template <int Mode> __CUPORT_DEVFN double dmul(double A, double B) {
  __CUPORT_EXACT
  double R = A * B;
  if (Mode == RN || !(A - A == 0.0) || !(B - B == 0.0) || A == 0.0 ||
      B == 0.0)
    return R;
  if (isInf(R))
    return applyMode<Mode>(R, overflowSigma(R));
  /* A*B - R = 2^(EA+EB) (MA MB - MR 2^(ER-EA-EB)); the exponent gap is a
   * few units even when R is subnormal or zero (MR = 0). */
  int EA, EB, ER;
  double MA = mant(A, &EA), MB = mant(B, &EB), MR = mant(R, &ER);
  double T = R == 0.0 ? 0.0 : ldexp(MR, ER - EA - EB);
  return applyMode<Mode>(R, signOf(fma(MA, MB, -T)));
}

template <int Mode> __CUPORT_DEVFN double ddiv(double A, double B) {
  __CUPORT_EXACT
  double R = A / B;
  if (Mode == RN || !(A - A == 0.0) || !(B - B == 0.0) || A == 0.0 ||
      B == 0.0)
    return R;
  if (isInf(R))
    return applyMode<Mode>(R, overflowSigma(R));
  /* sign(A/B - R) = sign(B) sign(A - R B);
   * A - R B = 2^EA (MA - MR MB 2^(ER+EB-EA)). */
  int EA, EB, ER;
  double MA = mant(A, &EA), MB = mant(B, &EB), MR = mant(R, &ER);
  double T = R == 0.0 ? 0.0 : ldexp(MR, ER + EB - EA);
  return applyMode<Mode>(R, signOf(fma(-T, MB, MA)) * signOf(MB));
}

template <int Mode> __CUPORT_DEVFN double dsqrt(double A) {
  __CUPORT_EXACT
  double R = sqrt(A);
  if (Mode == RN || !(A > 0.0) || isInf(A))
    return R;
  /* A - R^2 = 2^EA (MA - MR (MR 2^(2ER-EA))) */
  int EA, ER;
  double MA = mant(A, &EA), MR = mant(R, &ER);
  double T = ldexp(MR, 2 * ER - EA);
  return applyMode<Mode>(R, signOf(fma(-MR, T, MA)));
}

/* The sign of X[0] + X[1] + X[2] + X[3], exactly: repeated TwoSum passes
 * keep the sum and make the terms non-overlapping, after which the
 * largest nonzero term has the sum's sign. */
__CUPORT_DEVFN int signOfSum4(double X0, double X1, double X2, double X3) {
  __CUPORT_EXACT
  double X[4] = {X0, X1, X2, X3};
  for (int Pass = 0; Pass < 6; ++Pass)
    for (int I = 1; I < 4; ++I) {
      DW<double> S = twoSum(X[I], X[I - 1]);
      X[I] = S.Hi;
      X[I - 1] = S.Lo;
    }
  for (int I = 3; I >= 0; --I)
    if (X[I] != 0.0)
      return signOf(X[I]);
  return 0;
}

template <int Mode>
__CUPORT_DEVFN double dfma(double A, double B, double C) {
  __CUPORT_EXACT
  double R = fma(A, B, C);
  if (Mode == RN || !(A - A == 0.0) || !(B - B == 0.0) || !(C - C == 0.0))
    return R;
  if (isInf(R))
    return applyMode<Mode>(R, overflowSigma(R));
  if (A == 0.0 || B == 0.0) /* the product is a signed zero: R is exact */
    return R == 0.0 ? zeroSum<Mode>(A * B, C) : R;
  int EA, EB, ER, EC;
  double MA = mant(A, &EA), MB = mant(B, &EB), MR = mant(R, &ER);
  int EP = EA + EB;
  int Sigma;
  if (C == 0.0) {
    double T = R == 0.0 ? 0.0 : ldexp(MR, ER - EP); /* as dmul */
    Sigma = signOf(fma(MA, MB, -T));
  } else {
    double MC = mant(C, &EC);
    int M = EP > EC ? EP : EC;
    if (EP - M < -200) {
      /* The product is below half an ulp of C: R == C. */
      Sigma = signOf(MA) * signOf(MB);
    } else if (EC - M < -200) {
      /* C is below every nonzero A*B - R. */
      double T = R == 0.0 ? 0.0 : ldexp(MR, ER - EP);
      Sigma = signOf(fma(MA, MB, -T));
      if (Sigma == 0)
        Sigma = signOf(C);
    } else {
      /* Everything scaled by 2^-M: exact, and nothing underflows (the
       * exact sum, hence R, is a multiple of 2^(M - 310) unless zero). */
      DW<double> P = twoProd(MA, ldexp(MB, EP - M));
      double CS = ldexp(MC, EC - M);
      double RS = R == 0.0 ? 0.0 : ldexp(MR, ER - M);
      Sigma = signOfSum4(P.Lo, CS, -RS, P.Hi);
    }
  }
  if (R == 0.0 && Sigma == 0)
    return zeroSum<Mode>(A * B, C);
  return applyMode<Mode>(R, Sigma);
}

} // namespace __cuport

/*===------------------- Entry points -------------------------------------===*/

#define __CUPORT_ROUNDED(Suffix, Mode)                                         \
  __CUPORT_DEVFN float __cuport_impl___fadd_##Suffix(float __x, float __y) {   \
    return __cuport::fadd<__cuport::Mode>(__x, __y);                           \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___fsub_##Suffix(float __x, float __y) {   \
    return __cuport::fadd<__cuport::Mode>(__x, -__y);                          \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___fmul_##Suffix(float __x, float __y) {   \
    return __cuport::fmul<__cuport::Mode>(__x, __y);                           \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___fdiv_##Suffix(float __x, float __y) {   \
    return __cuport::fdiv<__cuport::Mode>(__x, __y);                           \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___frcp_##Suffix(float __x) {              \
    return __cuport::fdiv<__cuport::Mode>(1.0f, __x);                          \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___fsqrt_##Suffix(float __x) {             \
    return __cuport::fsqrt<__cuport::Mode>(__x);                               \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___fmaf_##Suffix(float __x, float __y,     \
                                                     float __z) {              \
    return __cuport::ffma<__cuport::Mode>(__x, __y, __z);                      \
  }                                                                            \
  __CUPORT_DEVFN float __cuport_impl___fmaf_ieee_##Suffix(                     \
      float __x, float __y, float __z) {                                       \
    return __cuport::ffma<__cuport::Mode>(__x, __y, __z);                      \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___dadd_##Suffix(double __x,              \
                                                      double __y) {            \
    return __cuport::dadd<__cuport::Mode>(__x, __y);                           \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___dsub_##Suffix(double __x,              \
                                                      double __y) {            \
    return __cuport::dadd<__cuport::Mode>(__x, -__y);                          \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___dmul_##Suffix(double __x,              \
                                                      double __y) {            \
    return __cuport::dmul<__cuport::Mode>(__x, __y);                           \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___ddiv_##Suffix(double __x,              \
                                                      double __y) {            \
    return __cuport::ddiv<__cuport::Mode>(__x, __y);                           \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___drcp_##Suffix(double __x) {            \
    return __cuport::ddiv<__cuport::Mode>(1.0, __x);                           \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___dsqrt_##Suffix(double __x) {           \
    return __cuport::dsqrt<__cuport::Mode>(__x);                               \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl___fma_##Suffix(double __x, double __y,   \
                                                     double __z) {             \
    return __cuport::dfma<__cuport::Mode>(__x, __y, __z);                      \
  }
__CUPORT_ROUNDED(rn, RN)
__CUPORT_ROUNDED(rz, RZ)
__CUPORT_ROUNDED(ru, RU)
__CUPORT_ROUNDED(rd, RD)
#undef __CUPORT_ROUNDED

__CUPORT_DEVFN float __cuport_impl___frsqrt_rn(float __x) {
  return __cuport::frsqrtRn(__x);
}

#endif /* CUPORT_MATH_ROUNDING_H */
