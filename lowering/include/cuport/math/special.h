/*===- cuport/math/special.h - Reciprocal roots, norms, erf inverses ------===*
 *
 * The LIB rows of DeviceMath.def that OpenCL has no built-in for: rcbrt,
 * rhypot, the norm family, erfinv, erfcinv, erfcx, normcdf, normcdfinv.
 *
 * The double versions start from an OpenCL built-in (or a published
 * approximation) and finish with one Newton or Halley step whose residual
 * is computed in double-word arithmetic, which lands within about half an
 * ulp of the exact result. The float versions either run the same template
 * in float (rcbrt and the norms need nothing wider) or round the double
 * result, where the float residual would be as inaccurate as the float
 * built-in it corrects (erfinv, erfcinv, erfcx, normcdf, normcdfinv); those
 * use the device's fp64 arithmetic.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_MATH_SPECIAL_H
#define CUPORT_MATH_SPECIAL_H

#pragma clang system_header

namespace __cuport {

/* Double-word constants: the hexadecimal literals are the two leading
 * doubles of each value's binary expansion. */
#define __CUPORT_INV_SQRT2 DW<double>{0x1.6a09e667f3bcdp-1, -0x1.bdd3413b26456p-55}
#define __CUPORT_SQRT2 DW<double>{0x1.6a09e667f3bcdp+0, -0x1.bdd3413b26456p-54}
#define __CUPORT_SQRT_PI_2 DW<double>{0x1.c5bf891b4ef6bp-1, -0x1.618f13eb7ca89p-55}
#define __CUPORT_2_SQRT_PI 0x1.20dd750429b6dp+0 /* 2/sqrt(pi) */
#define __CUPORT_1_SQRT_PI 0x1.20dd750429b6dp-1 /* 1/sqrt(pi) */
#define __CUPORT_SQRT_PI 0x1.c5bf891b4ef6bp+0   /* sqrt(pi) */
#define __CUPORT_PI 0x1.921fb54442d18p+1

/*===------------------- rcbrt --------------------------------------------===*/

/* X = M * 2^(3K) with M in [1, 8); Y ~ M^(-1/3) from the cbrt built-in, then
 * one Newton step Y += Y * (1 - M*Y^3) / 3 with M*Y^3 in double-word. */
template <class T> __CUPORT_DEVFN T rcbrtImpl(T X) {
  __CUPORT_EXACT
  if (isNaN(X))
    return X;
  if (X == (T)0)
    return copysign(inf<T>(), X);
  if (isInf(X))
    return copysign((T)0, X);
  T A = fabs(X);
  int E = ilogb(A);
  int K = E >= 0 ? E / 3 : -((2 - E) / 3);
  T M = ldexp(A, -3 * K);
  T Y = (T)1 / cbrt(M);
  DW<T> P = dwMul(dwMul(twoProd(Y, Y), Y), M);
  T R = ((T)1 - P.Hi) - P.Lo;
  Y = fma(Y, R * (T)(1.0 / 3.0), Y);
  return copysign(ldexp(Y, -K), X);
}

/*===------------------- rsqrt (double) -----------------------------------===*/

/* PoCL's double rsqrt reaches 1.46 ulps, at the edge of CUDA's 1. X is
 * scaled by 4^-K into [1, 4) (exact, and the result scales back exactly),
 * and one Newton step with the residual 1 - X*Y^2 in double-word leaves
 * only the final rounding. */
__CUPORT_DEVFN double rsqrtImpl(double X) {
  __CUPORT_EXACT
  if (!(X > 0.0) || isInf(X))
    return 1.0 / sqrt(X); /* NaN, negative, +-0, inf */
  int K = ilogb(X) >> 1;
  double XS = ldexp(X, -2 * K);
  double Y = rsqrt(XS);
  DW<double> P = dwMul(twoProd(Y, Y), XS);
  double R = (1.0 - P.Hi) - P.Lo;
  return ldexp(fma(Y, 0.5 * R, Y), -K);
}

/*===------------------- Norms --------------------------------------------===*/

/* sqrt (or 1/sqrt) of the sum of squares of A[0..N). The elements are
 * scaled by the largest one's power of two (exact, and nothing overflows),
 * the squares summed in double-word, and the root finished with one Newton
 * step on the double-word sum. An infinite element gives inf (0 for the
 * reciprocal) even next to a NaN, as hypot does. */
template <class T> __CUPORT_DEVFN T normImpl(int N, const T *A, bool Recip) {
  __CUPORT_EXACT
  T Max = 0;
  bool SawNaN = false;
  for (int I = 0; I < N; ++I) {
    T V = fabs(A[I]);
    if (isInf(V))
      return Recip ? (T)0 : inf<T>();
    SawNaN |= isNaN(V);
    Max = V > Max ? V : Max;
  }
  if (SawNaN)
    return qnan<T>();
  if (Max == (T)0)
    return Recip ? inf<T>() : (T)0;
  int E = ilogb(Max);
  DW<T> S = dw((T)0);
  for (int I = 0; I < N; ++I) {
    T V = ldexp(A[I], -E);
    S = dwAdd(S, twoProd(V, V));
  }
  if (!Recip) {
    T Y = sqrt(S.Hi);
    DW<T> Y2 = twoProd(Y, Y);
    T R = ((S.Hi - Y2.Hi) - Y2.Lo) + S.Lo;
    Y = fma(R, (T)0.5 / Y, Y);
    return ldexp(Y, E);
  }
  T Y = rsqrt(S.Hi);
  DW<T> P = dwMul(twoProd(Y, Y), S);
  T R = ((T)1 - P.Hi) - P.Lo;
  Y = fma(Y, R * (T)0.5, Y);
  return ldexp(Y, -E);
}

template <class T> __CUPORT_DEVFN T norm2(T X, T Y, bool Recip) {
  T V[2] = {X, Y};
  return normImpl(2, V, Recip);
}
template <class T> __CUPORT_DEVFN T norm3(T X, T Y, T Z, bool Recip) {
  T V[3] = {X, Y, Z};
  return normImpl(3, V, Recip);
}
template <class T> __CUPORT_DEVFN T norm4(T X, T Y, T Z, T W, bool Recip) {
  T V[4] = {X, Y, Z, W};
  return normImpl(4, V, Recip);
}

/*===------------------- erfcx, normcdf -----------------------------------===*/

/* exp(X*X) * erfc(X). Up to 26, where erfc is still a normal double, the
 * square is split exactly (X*X = H + L) and exp(H + L) = exp(H) * (1 + L);
 * beyond, the asymptotic series 1/(X sqrt(pi)) * sum (-1)^k (2k-1)!!/(2X^2)^k
 * is below 1e-17 after a few terms. */
__CUPORT_DEVFN double erfcxImpl(double X) {
  __CUPORT_EXACT
  if (isNaN(X))
    return X;
  if (X < 26.0) {
    DW<double> S = twoProd(X, X);
    double E = exp(S.Hi);
    if (isInf(E)) /* X < -26.6: 2 exp(X^2) overflows */
      return E;
    return fma(E, S.Lo, E) * erfc(X);
  }
  if (X > 1e8)
    return __CUPORT_1_SQRT_PI / X;
  double U = 1.0 / (2.0 * X * X);
  double Term = 1.0, Sum = 1.0;
  for (int K = 1; K < 12; ++K) {
    Term *= -(2 * K - 1) * U;
    Sum += Term;
  }
  return __CUPORT_1_SQRT_PI / X * Sum;
}

/* normcdf(X) = erfc(-X/sqrt(2)) / 2. The argument is formed in double-word
 * (Z = H + L) and its low part applied through erfc's derivative:
 * erfc(H + L) = erfc(H) - 2/sqrt(pi) exp(-H^2) L. Without it the rounding of
 * X/sqrt(2) alone costs about 2X^2 ulps in the lower tail. */
__CUPORT_DEVFN double normcdfImpl(double X) {
  __CUPORT_EXACT
  if (isNaN(X))
    return X;
  DW<double> Z = dwMul(__CUPORT_INV_SQRT2, -X);
  double E = erfc(Z.Hi);
  double D = __CUPORT_2_SQRT_PI * exp(-Z.Hi * Z.Hi) * Z.Lo;
  return 0.5 * (E - D);
}

/*===------------------- erfinv, erfcinv, normcdfinv ----------------------===*/

/* Giles' single-precision approximation of erfinv (M. Giles, "Approximating
 * the erfinv function", GPU Computing Gems Jade Edition, 2011), with
 * W = -log((1 - Y)(1 + Y)). Relative error below 4e-7 for W < 16.6. */
__CUPORT_DEVFN double gilesErfinv(double Y, double W) {
  double P;
  if (W < 5.0) {
    W -= 2.5;
    P = 2.81022636e-08;
    P = fma(P, W, 3.43273939e-07);
    P = fma(P, W, -3.5233877e-06);
    P = fma(P, W, -4.39150654e-06);
    P = fma(P, W, 0.00021858087);
    P = fma(P, W, -0.00125372503);
    P = fma(P, W, -0.00417768164);
    P = fma(P, W, 0.246640727);
    P = fma(P, W, 1.50140941);
  } else {
    W = sqrt(W) - 3.0;
    P = -0.000200214257;
    P = fma(P, W, 0.000100950558);
    P = fma(P, W, 0.00134934322);
    P = fma(P, W, -0.00367342844);
    P = fma(P, W, 0.00573950773);
    P = fma(P, W, -0.0076224613);
    P = fma(P, W, 0.00943887047);
    P = fma(P, W, 1.00167406);
    P = fma(P, W, 2.83297682);
  }
  return P * Y;
}

/* erfinv(Y) for |Y| <= 1/2: Giles, then Halley steps on erf(X) - Y
 * (erf' = 2/sqrt(pi) exp(-X^2), erf''/erf' = -2X). Tiny arguments use the
 * first term of the series, erfinv(Y) = sqrt(pi)/2 Y, in double-word. */
__CUPORT_DEVFN double erfinvCentral(double Y) {
  __CUPORT_EXACT
  if (Y == 0.0)
    return Y; /* keeps -0 */
  if (fabs(Y) < 1e-9)
    return fma(Y, __CUPORT_SQRT_PI_2.Hi, Y * __CUPORT_SQRT_PI_2.Lo);
  double X = gilesErfinv(Y, -log1p(-Y * Y));
  for (int I = 0; I < 2; ++I) {
    double D = (erf(X) - Y) / (__CUPORT_2_SQRT_PI * exp(-X * X));
    X -= D / (1.0 + X * D);
  }
  return X;
}

/* erfcinv(T) for 0 < T <= 1/2 (so X >= 0.47). Newton on
 * H(X) = log(erfc(X) / T), whose derivative -2/(sqrt(pi) erfcx(X)) barely
 * changes, so the iteration converges from a rough start; and the
 * residual, a logarithm of a ratio near 1, carries erfc's relative error
 * only, not its absolute error. Where erfc(X) would be subnormal (X > 26)
 * H is log(erfcx(X)) - X^2 - log(T) instead. The start is Giles' formula
 * where it is valid (T > 6e-8), else the asymptotic root of
 * erfc(X) ~ exp(-X^2)/(X sqrt(pi)): X^2 = V - log(pi V)/2, V = -log(T). */
__CUPORT_DEVFN double erfcinvTail(double T) {
  __CUPORT_EXACT
  double LogT = log(T);
  double W = -log(T * (2.0 - T));
  double X;
  int Steps;
  if (W < 16.0) {
    X = gilesErfinv(1.0 - T, W);
    Steps = 2;
  } else {
    double V = -LogT;
    X = sqrt(V - 0.5 * log(__CUPORT_PI * V));
    Steps = 5;
  }
  for (int I = 0; I < Steps; ++I) {
    double Ex = erfcxImpl(X);
    double H;
    if (X < 26.0) {
      H = log(erfc(X) / T);
    } else {
      DW<double> X2 = twoProd(X, X);
      H = ((log(Ex) - X2.Hi) - LogT) - X2.Lo;
    }
    X += H * (0.5 * __CUPORT_SQRT_PI) * Ex;
  }
  return X;
}

__CUPORT_DEVFN double erfinvImpl(double Y) {
  __CUPORT_EXACT
  double A = fabs(Y);
  if (!(A <= 1.0))
    return qnan<double>(); /* NaN or |Y| > 1 */
  if (A == 1.0)
    return copysign(inf<double>(), Y);
  if (A <= 0.5)
    return erfinvCentral(Y);
  return copysign(erfcinvTail(1.0 - A), Y); /* 1 - A is exact */
}

__CUPORT_DEVFN double erfcinvImpl(double T) {
  __CUPORT_EXACT
  if (!(T >= 0.0 && T <= 2.0))
    return qnan<double>();
  if (T == 0.0)
    return inf<double>();
  if (T == 2.0)
    return -inf<double>();
  if (T < 0.5)
    return erfcinvTail(T);
  if (T > 1.5)
    return -erfcinvTail(2.0 - T); /* exact */
  return erfinvCentral(1.0 - T);  /* exact */
}

/* normcdfinv(P) = -sqrt(2) erfcinv(2P), the product rounded once. */
__CUPORT_DEVFN double normcdfinvImpl(double P) {
  __CUPORT_EXACT
  double X = erfcinvImpl(2.0 * P);
  if (isInf(X) || isNaN(X))
    return -X;
  return -fma(X, __CUPORT_SQRT2.Hi, X * __CUPORT_SQRT2.Lo);
}

/*===------------------- tan (double) -------------------------------------===*/

/* PoCL's double tan reaches 2.9 ulps (CUDA: 2), near |r| = pi/4 after its
 * argument reduction. cuport reduces X = K pi/2 + R itself, with R in
 * double-word, and evaluates tan(R) = sin(R)/cos(R) (or -cos/sin for odd K)
 * from the Taylor series in double-word: 14 terms reach 2^-106 for
 * |R| <= pi/4, so the result is rounded once from a nearly exact value.
 *
 * Reduction. |X| < 2^27: Cody and Waite with pi/2 in three doubles (K*P1
 * exact by twoProd, X - hi(K*P1) exact by Sterbenz, the rest summed in
 * double-word). Larger |X|: Payne and Hanek, X * 2/pi with 2/pi in 53-bit
 * chunks C * 2^E; each product is exact (twoProd after an exact scaling),
 * products whose lowest bit is at least 4 are dropped (they are 0 mod 4),
 * the others are reduced mod 4 and summed exactly (repeated TwoSum passes);
 * the integer nearest the sum is K mod 4 and the rest, times pi/2, is R. */
__CUPORT_DEVFN double tanKernel(DW<double> R, bool Odd) {
  __CUPORT_EXACT
  DW<double> R2 = dwMul(R, R);
  DW<double> STerm = R, Sin = R, CTerm = dw(1.0), Cos = dw(1.0);
  for (int I = 1; I < 15; ++I) {
    double N = 2.0 * I;
    STerm = dwDiv(dwMul(STerm, R2), dw(-N * (N + 1)));
    CTerm = dwDiv(dwMul(CTerm, R2), dw(-(N - 1) * N));
    Sin = dwAdd(Sin, STerm);
    Cos = dwAdd(Cos, CTerm);
  }
  DW<double> T = Odd ? dwDiv(DW<double>{-Cos.Hi, -Cos.Lo}, Sin) : dwDiv(Sin, Cos);
  return T.Hi + T.Lo;
}

__CUPORT_DEVFN double tanHuge(double X) {
  __CUPORT_EXACT
  /* 2/pi = sum of C * 2^E: each C a double in [1, 2) (with sign). */
  const struct {
    double C;
    int E;
  } Chunk[24] = {
      {0x1.45f306dc9c883p+0, -1},
      {-0x1.6b01ec5417056p+0, -55},
      {-0x1.6447e493ad4cep+0, -109},
      {0x1.e21c820ff28b2p+0, -163},
      {-0x1.508510ea79237p+0, -218},
      {0x1.b8e909374b802p+0, -274},
      {-0x1.b6d115f62e6dep+0, -328},
      {-0x1.80f10a71a76b3p+0, -383},
      {0x1.cfba208d7d4bbp+0, -438},
      {-0x1.2edec598e3f65p+0, -494},
      {-0x1.741037d8cdc54p+0, -549},
      {0x1.cc1a99cfa4e42p+0, -603},
      {0x1.7e2ef7e4a0ec8p+0, -658},
      {-0x1.da00087e99fc0p+0, -718},
      {-0x1.0d0ee74a5f593p+0, -772},
      {0x1.f6d367ecf27cbp+0, -828},
      {0x1.36e9e8c7ecd3dp+0, -885},
      {-0x1.00ae9456c229cp+0, -939},
      {-0x1.41a0e84c2f8c6p+0, -996},
      {-0x1.0eb5ada2b2809p+0, -1053},
      {-0x1.0277039517bd5p+0, -1107},
      {0x1.98237e3db5d60p+0, -1167},
      {-0x1.e6087beca1794p+0, -1221},
      {0x1.da9e391615ee6p+0, -1276},
  };
  int EX = ilogb(X);
  double Part[16];
  int N = 0;
  for (int I = 0; I < 24 && N < 16; ++I) {
    int EP = EX + Chunk[I].E; /* the lowest bit of X * chunk is >= 2^(EP-104) */
    if (EP >= 106)
      continue;
    if (EP < -150)
      break;
    DW<double> P = twoProd(ldexp(X, Chunk[I].E), Chunk[I].C);
    Part[N++] = P.Hi - 4.0 * rint(P.Hi * 0.25); /* exact mod 4 */
    Part[N++] = P.Lo - 4.0 * rint(P.Lo * 0.25);
  }
  /* Exact sum: each pass moves the rounded sum up and the errors down. */
  for (int Pass = 0; Pass < N; ++Pass)
    for (int I = 1; I < N; ++I) {
      DW<double> S = twoSum(Part[I], Part[I - 1]);
      Part[I] = S.Hi;
      Part[I - 1] = S.Lo;
    }
  double K = rint(Part[N - 1]);
  Part[N - 1] -= K; /* exact */
  for (int Pass = 0; Pass < 3; ++Pass)
    for (int I = 1; I < N; ++I) {
      DW<double> S = twoSum(Part[I], Part[I - 1]);
      Part[I] = S.Hi;
      Part[I - 1] = S.Lo;
    }
  DW<double> F = dwAdd(fastTwoSum(Part[N - 1], Part[N - 2]), Part[N - 3]);
  DW<double> R = dwMul(F, DW<double>{0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54});
  return tanKernel(R, fmod(K, 2.0) != 0.0);
}

__CUPORT_DEVFN double tanImpl(double X) {
  __CUPORT_EXACT
  double A = fabs(X);
  if (!(A - A == 0.0)) /* NaN, infinities */
    return X - X;
  if (A < 0x1p-27) /* tan(x) = x (1 + x^2/3 + ...) rounds to x */
    return X;
  if (A >= 0x1p27)
    return tanHuge(X);
  double K = rint(X * 0x1.45f306dc9c883p-1); /* 2/pi */
  DW<double> P1 = twoProd(K, 0x1.921fb54442d18p+0);
  DW<double> P2 = twoProd(K, 0x1.1a62633145c07p-54);
  DW<double> R = dw(X - P1.Hi);
  R = dwAdd(R, -P1.Lo);
  R = dwAdd(R, -P2.Hi);
  R = dwAdd(R, -P2.Lo);
  R = dwAdd(R, K * 0x1.f1976b7ed8fbcp-110);
  return tanKernel(R, fmod(K, 2.0) != 0.0);
}

} // namespace __cuport

/*===------------------- Entry points -------------------------------------===*/

__CUPORT_DEVFN float __cuport_impl_rcbrtf(float __x) {
  return __cuport::rcbrtImpl(__x);
}
__CUPORT_DEVFN double __cuport_impl_rcbrt(double __x) {
  return __cuport::rcbrtImpl(__x);
}
__CUPORT_DEVFN float __cuport_impl_rhypotf(float __x, float __y) {
  return __cuport::norm2(__x, __y, true);
}
__CUPORT_DEVFN double __cuport_impl_rhypot(double __x, double __y) {
  return __cuport::norm2(__x, __y, true);
}
__CUPORT_DEVFN float __cuport_impl_norm3df(float __x, float __y, float __z) {
  return __cuport::norm3(__x, __y, __z, false);
}
__CUPORT_DEVFN double __cuport_impl_norm3d(double __x, double __y,
                                           double __z) {
  return __cuport::norm3(__x, __y, __z, false);
}
__CUPORT_DEVFN float __cuport_impl_rnorm3df(float __x, float __y, float __z) {
  return __cuport::norm3(__x, __y, __z, true);
}
__CUPORT_DEVFN double __cuport_impl_rnorm3d(double __x, double __y,
                                            double __z) {
  return __cuport::norm3(__x, __y, __z, true);
}
__CUPORT_DEVFN float __cuport_impl_norm4df(float __x, float __y, float __z,
                                           float __w) {
  return __cuport::norm4(__x, __y, __z, __w, false);
}
__CUPORT_DEVFN double __cuport_impl_norm4d(double __x, double __y, double __z,
                                           double __w) {
  return __cuport::norm4(__x, __y, __z, __w, false);
}
__CUPORT_DEVFN float __cuport_impl_rnorm4df(float __x, float __y, float __z,
                                            float __w) {
  return __cuport::norm4(__x, __y, __z, __w, true);
}
__CUPORT_DEVFN double __cuport_impl_rnorm4d(double __x, double __y,
                                            double __z, double __w) {
  return __cuport::norm4(__x, __y, __z, __w, true);
}
__CUPORT_DEVFN float __cuport_impl_normf(int __n, const float *__a) {
  return __cuport::normImpl(__n, __a, false);
}
__CUPORT_DEVFN double __cuport_impl_norm(int __n, const double *__a) {
  return __cuport::normImpl(__n, __a, false);
}
__CUPORT_DEVFN float __cuport_impl_rnormf(int __n, const float *__a) {
  return __cuport::normImpl(__n, __a, true);
}
__CUPORT_DEVFN double __cuport_impl_rnorm(int __n, const double *__a) {
  return __cuport::normImpl(__n, __a, true);
}

__CUPORT_DEVFN double __cuport_impl_tan(double __x) {
  return __cuport::tanImpl(__x);
}

__CUPORT_DEVFN double __cuport_impl_rsqrt(double __x) {
  return __cuport::rsqrtImpl(__x);
}

/* The float versions round the double result: one rounding of a value
 * within a few double ulps of the exact one. */
#define __CUPORT_VIA_DOUBLE(Name, Impl)                                        \
  __CUPORT_DEVFN float __cuport_impl_##Name##f(float __x) {                    \
    return (float)__cuport::Impl((double)__x);                                 \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl_##Name(double __x) {                     \
    return __cuport::Impl(__x);                                                \
  }
__CUPORT_VIA_DOUBLE(erfcx, erfcxImpl)
__CUPORT_VIA_DOUBLE(normcdf, normcdfImpl)
__CUPORT_VIA_DOUBLE(erfinv, erfinvImpl)
__CUPORT_VIA_DOUBLE(erfcinv, erfcinvImpl)
__CUPORT_VIA_DOUBLE(normcdfinv, normcdfinvImpl)
#undef __CUPORT_VIA_DOUBLE

#endif /* CUPORT_MATH_SPECIAL_H */
