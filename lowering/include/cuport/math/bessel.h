/*===- cuport/math/bessel.h - Bessel functions j0..yn, cyl_bessel_i0/i1 ---===*
 *
 * OpenCL C has no Bessel functions. These are computed in double (the float
 * versions round the double result):
 *
 *  - |x| < 25: the power series around 0, summed in double-word arithmetic,
 *    with log(x/2) in double-word too for Y0 and Y1. The series for J0 at
 *    x = 25 has terms near 1e9 that cancel to about 0.1; double-word
 *    arithmetic keeps the absolute error near 1e-22 there, and near 1e-29
 *    for |x| < 8, which is where CUDA promises a relative (ulp) bound. The
 *    bound therefore holds except within a few dozen ulps of a zero of the
 *    function, where the result is still within 1e-29 of exact.
 *  - |x| >= 25: Hankel's asymptotic expansion (DLMF 10.17.3-4), truncated
 *    at its smallest term (below 1e-21 from x = 25 on).
 *  - jn: forward recurrence while n < |x|, Miller's backward recurrence
 *    normalised by J0 + 2(J2 + J4 + ...) = 1 otherwise; yn: the forward
 *    recurrence, which is stable for Y.
 *  - I0 and I1: the series (all terms positive) below 25, the asymptotic
 *    expansion e^x / sqrt(2 pi x) * sum above.
 *
 *===----------------------------------------------------------------------===*/

#ifndef CUPORT_MATH_BESSEL_H
#define CUPORT_MATH_BESSEL_H

#pragma clang system_header

namespace __cuport {

#define __CUPORT_2_PI DW<double>{0x1.45f306dc9c883p-1, -0x1.6b01ec5417056p-55}
#define __CUPORT_EULER DW<double>{0x1.2788cfc6fb619p-1, -0x1.6cb90701fbfabp-58}
#define __CUPORT_LN2 DW<double>{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56}
#define __CUPORT_2PI DW<double>{0x1.921fb54442d18p+2, 0x1.1a62633145c07p-52}

/* log(X) in double-word for finite X > 0: X = M 2^E with M in
 * [sqrt(1/2), sqrt(2)), log(M) = 2 atanh(S), S = (M - 1)/(M + 1), |S| < 0.172,
 * so 22 terms of the atanh series reach double-word precision. */
__CUPORT_DEVFN DW<double> dwLog(double X) {
  __CUPORT_EXACT
  int E = ilogb(X);
  double M = ldexp(X, -E);
  if (M > 0x1.6a09e667f3bcdp+0) {
    M *= 0.5;
    ++E;
  }
  DW<double> S = dwDiv(dw(M - 1.0), twoSum(M, 1.0));
  DW<double> S2 = dwMul(S, S);
  DW<double> Term = S, Sum = S;
  for (int K = 1; K < 23; ++K) {
    Term = dwMul(Term, S2);
    Sum = dwAdd(Sum, dwDiv(Term, dw((double)(2 * K + 1))));
  }
  return dwAdd(dwMul(__CUPORT_LN2, (double)E), dwMul(Sum, 2.0));
}

/* Power series of J_Nu (Nu = 0, 1) and of the Y_Nu remainder sums, with
 * Q = X^2/4:
 *   SJ = sum (-Q)^k / (k! (k+Nu)!)
 *   SY = Nu == 0: sum_{k>=1} -(-Q)^k H_k / (k!)^2
 *        Nu == 1: sum_{k>=0} (-Q)^k (H_k + H_{k+1}) / (k! (k+1)!)
 * (H_k the harmonic numbers). */
__CUPORT_DEVFN void besselSeries(double X, int Nu, DW<double> *SJ,
                                 DW<double> *SY) {
  __CUPORT_EXACT
  DW<double> Q = twoProd(X * 0.5, X * 0.5);
  DW<double> Term = dw(1.0); /* (-Q)^0 / (0! Nu!) */
  DW<double> H = dw(0.0);                    /* H_k */
  DW<double> SumJ = Term;
  DW<double> SumY = Nu == 0 ? dw(0.0) : Term; /* k = 0: H_0 + H_1 = 1 */
  for (int K = 1; K < 90; ++K) {
    Term = dwDiv(dwMul(Term, DW<double>{-Q.Hi, -Q.Lo}),
                 dw((double)K * (double)(K + Nu)));
    DW<double> Inv = dwDiv(dw(1.0), dw((double)K));
    H = dwAdd(H, Inv);
    SumJ = dwAdd(SumJ, Term);
    if (Nu == 0) {
      DW<double> T = dwMul(Term, H);
      SumY = dwAdd(SumY, DW<double>{-T.Hi, -T.Lo});
    } else {
      DW<double> H1 = dwAdd(H, dwDiv(dw(1.0), dw((double)(K + 1))));
      SumY = dwAdd(SumY, dwMul(Term, dwAdd(H, H1)));
    }
    if ((double)K > Q.Hi && fabs(Term.Hi) < 0x1p-110 * fabs(SumJ.Hi) + 0x1p-1000)
      break;
  }
  *SJ = SumJ;
  *SY = SumY;
}

/* Hankel's expansion for X >= 25: J = sqrt(2/(pi X)) (P cos(chi) - Q sin(chi)),
 * Y = sqrt(2/(pi X)) (P sin(chi) + Q cos(chi)), chi = X - (2 Nu + 1) pi/4,
 * a_k = a_{k-1} (4 Nu^2 - (2k-1)^2) / (8k), P = sum (-1)^j a_2j / X^2j,
 * Q = sum (-1)^j a_2j+1 / X^2j+1. The phase comes from sin(X) and cos(X)
 * (OpenCL's are accurate for every argument), never from X - pi/4. */
__CUPORT_DEVFN void besselHankel(double X, int Nu, double *J, double *Y) {
  double P = 0.0, Q = 0.0, A = 1.0, Prev = 1e300;
  for (int K = 0; K < 60; ++K) {
    double T = A; /* a_k / X^k */
    if (fabs(T) > Prev)
      break; /* past the smallest term */
    Prev = fabs(T);
    int J4 = K & 3; /* sign pattern +P, +Q, -P, -Q */
    if ((K & 1) == 0)
      P += J4 == 0 ? T : -T;
    else
      Q += J4 == 1 ? T : -T;
    A *= (4.0 * Nu * Nu - (2.0 * K + 1) * (2.0 * K + 1)) / (8.0 * (K + 1) * X);
    if (fabs(A) < 1e-20)
      break;
  }
  double S = sin(X), C = cos(X);
  double CosChi, SinChi; /* times sqrt(2) */
  if (Nu == 0) {
    CosChi = C + S;
    SinChi = S - C;
  } else {
    CosChi = S - C;
    SinChi = -(S + C);
  }
  double Scale = sqrt(1.0 / (__CUPORT_PI * X)); /* sqrt(2/(pi X)) / sqrt(2) */
  *J = Scale * (P * CosChi - Q * SinChi);
  *Y = Scale * (P * SinChi + Q * CosChi);
}

/* J_Nu and Y_Nu for Nu = 0, 1 and X > 0. */
__CUPORT_DEVFN void besselJY(double X, int Nu, double *J, double *Y,
                             bool WantY) {
  __CUPORT_EXACT
  if (X >= 25.0) {
    besselHankel(X, Nu, J, Y);
    return;
  }
  DW<double> SJ, SY;
  besselSeries(X, Nu, &SJ, &SY);
  DW<double> Jdw = Nu == 0 ? SJ : dwMul(SJ, X * 0.5);
  *J = Jdw.Hi + Jdw.Lo;
  if (!WantY)
    return;
  /* L = log(X/2) + gamma. */
  DW<double> L = dwAdd(dwAdd(dwLog(X), DW<double>{-__CUPORT_LN2.Hi,
                                                    -__CUPORT_LN2.Lo}),
                       __CUPORT_EULER);
  DW<double> R;
  if (Nu == 0) {
    /* Y0 = 2/pi (L J0 + SY) */
    R = dwMul(__CUPORT_2_PI, dwAdd(dwMul(L, Jdw), SY));
  } else {
    /* Y1 = 2/pi (L J1 - 1/X - X/4 SY) */
    DW<double> InvX = dwDiv(dw(1.0), dw(X));
    DW<double> T = dwAdd(dwMul(L, Jdw), DW<double>{-InvX.Hi, -InvX.Lo});
    DW<double> U = dwMul(SY, X * 0.25);
    R = dwMul(__CUPORT_2_PI, dwAdd(T, DW<double>{-U.Hi, -U.Lo}));
  }
  *Y = R.Hi + R.Lo;
}

__CUPORT_DEVFN double besselJ(int Nu, double X) {
  if (isNaN(X))
    return X;
  if (isInf(X))
    return 0.0;
  double J, Y;
  besselJY(fabs(X), Nu, &J, &Y, false);
  return (Nu == 1 && __builtin_signbit(X)) ? -J : J; /* J1 is odd */
}

__CUPORT_DEVFN double besselY(int Nu, double X) {
  if (isNaN(X) || X < 0)
    return qnan<double>();
  if (X == 0)
    return -inf<double>();
  if (isInf(X))
    return 0.0;
  /* Y1(x) = -2/(pi x) (1 + O(x^2 log x)): the other terms are below an
   * ulp, and 1/x would overflow inside the series for subnormal x. */
  if (Nu == 1 && X < 1e-150)
    return -__CUPORT_2_PI.Hi / X;
  double J, Y;
  besselJY(X, Nu, &J, &Y, true);
  return Y;
}

__CUPORT_DEVFN double besselJn(int N, double X) {
  if (isNaN(X))
    return X;
  /* J_{-n} = (-1)^n J_n, J_n(-x) = (-1)^n J_n(x). */
  bool Negate = false;
  if (N < 0) {
    N = -N;
    Negate = (N & 1) != 0;
  }
  if (X < 0) {
    X = -X;
    Negate = Negate != ((N & 1) != 0);
  }
  /* Orders 0 and 1 are one call with N as the order: an equality test per
   * order would become a switch on a value LLVM knows is non-negative,
   * which InstCombine narrows to i31, a width SPIR-V cannot express. */
  double R;
  if (N < 2) {
    R = besselJ(N, X);
  } else if (X == 0 || isInf(X)) {
    R = 0.0;
  } else if (X < 1e-8) {
    /* J_n(x) = (x/2)^n / n! (1 - (x/2)^2/(n+1) + ...): the leading term,
     * built factor by factor so that it underflows gracefully. */
    R = 1.0;
    for (int K = 1; K <= N && R != 0.0; ++K)
      R *= (0.5 * X) / K;
  } else if ((double)N < X) {
    double Jm = besselJ(0, X), J = besselJ(1, X);
    for (int K = 1; K < N; ++K) {
      double Jp = (2.0 * K / X) * J - Jm;
      Jm = J;
      J = Jp;
    }
    R = J;
  } else {
    /* Miller: start far enough above N that the neglected tail is below
     * double precision, recur downwards, rescale on the way to avoid
     * overflow, and normalise with 1 = J0 + 2 (J2 + J4 + ...). */
    int M = 2 * ((N + (int)sqrt(60.0 * N) + 20) / 2);
    double Jp = 0.0, J = 1.0, Sum = 0.0, Result = 0.0;
    for (int K = M; K > 0; --K) {
      double Jm = (2.0 * K / X) * J - Jp;
      Jp = J;
      J = Jm;
      if (fabs(J) > 1e250) {
        J *= 1e-250;
        Jp *= 1e-250;
        Result *= 1e-250;
        Sum *= 1e-250;
      }
      if (K - 1 == N)
        Result = J;
      if (((K - 1) & 1) == 0 && K - 1 > 0)
        Sum += J;
    }
    Sum = 2.0 * Sum + J; /* J now holds the unnormalised J0 */
    R = Result / Sum;
  }
  return Negate ? -R : R;
}

__CUPORT_DEVFN double besselYn(int N, double X) {
  bool Negate = false;
  if (N < 0) {
    N = -N;
    Negate = (N & 1) != 0;
  }
  double R;
  if (N < 2 || isNaN(X) || X <= 0 || isInf(X)) {
    R = besselY(N < 2 ? N : 0, X); /* (see besselJn on equality tests) */
  } else {
    double Ym = besselY(0, X), Y = besselY(1, X);
    for (int K = 1; K < N && !isInf(Y); ++K) {
      double Yp = (2.0 * K / X) * Y - Ym;
      Ym = Y;
      Y = Yp;
    }
    R = Y;
  }
  return Negate ? -R : R;
}

/* I_Nu for Nu = 0, 1. */
__CUPORT_DEVFN double besselI(int Nu, double X) {
  __CUPORT_EXACT
  if (isNaN(X))
    return X;
  double A = fabs(X);
  double R;
  if (A > 720.0) { /* I0 and I1 exceed DBL_MAX beyond 713.99 */
    R = inf<double>();
  } else if (A < 25.0) {
    /* sum (Q^k / (k! (k+Nu)!)), Q = X^2/4, times (X/2)^Nu */
    DW<double> Q = twoProd(A * 0.5, A * 0.5);
    DW<double> Term = dw(1.0), Sum = dw(1.0);
    for (int K = 1; K < 120; ++K) {
      Term = dwDiv(dwMul(Term, Q), dw((double)K * (double)(K + Nu)));
      Sum = dwAdd(Sum, Term);
      if (Term.Hi < 0x1p-110 * Sum.Hi)
        break;
    }
    if (Nu == 1)
      Sum = dwMul(Sum, A * 0.5);
    R = Sum.Hi + Sum.Lo;
  } else {
    /* e^A / sqrt(2 pi A) * sum (-1)^k a_k(Nu) / A^k. Everything but e^A is
     * carried in double-word (1/sqrt(2 pi A) from rsqrt and one Newton step),
     * so the result has exp's error plus two roundings. Beyond 709.7, where
     * e^A overflows but I0 does not yet, e^A = e^(A-8) e^8. */
    DW<double> T = dw(1.0), Sum = dw(1.0);
    for (int K = 1; K < 60; ++K) {
      DW<double> Next = dwDiv(
          dwMul(T, -(4.0 * Nu * Nu - (2.0 * K - 1) * (2.0 * K - 1))),
          dw(8.0 * K * A)); /* rounding 8KA costs < 1e-18 of the sum */
      if (fabs(Next.Hi) >= fabs(T.Hi) || fabs(Next.Hi) < 0x1p-110)
        break;
      T = Next;
      Sum = dwAdd(Sum, T);
    }
    DW<double> W = dwMul(__CUPORT_2PI, A);
    double Rs = rsqrt(W.Hi);
    DW<double> P = dwMul(twoProd(Rs, Rs), W);
    double Corr = Rs * (0.5 * (((1.0 - P.Hi) - P.Lo)));
    DW<double> F = dwMul(Sum, fastTwoSum(Rs, Corr));
    double Scale = F.Hi + F.Lo;
    R = A < 709.0 ? exp(A) * Scale
                  : exp(A - 8.0) * (Scale * 0x1.749ea7d470c6ep+11); /* e^8 */
  }
  return (Nu == 1 && __builtin_signbit(X)) ? -R : R; /* I1 is odd */
}

} // namespace __cuport

#define __CUPORT_BESSEL1(Name, Expr)                                           \
  __CUPORT_DEVFN float __cuport_impl_##Name##f(float __x) {                    \
    double __d = (double)__x;                                                  \
    return (float)(Expr);                                                      \
  }                                                                            \
  __CUPORT_DEVFN double __cuport_impl_##Name(double __d) { return Expr; }
__CUPORT_BESSEL1(j0, __cuport::besselJ(0, __d))
__CUPORT_BESSEL1(j1, __cuport::besselJ(1, __d))
__CUPORT_BESSEL1(y0, __cuport::besselY(0, __d))
__CUPORT_BESSEL1(y1, __cuport::besselY(1, __d))
__CUPORT_BESSEL1(cyl_bessel_i0, __cuport::besselI(0, __d))
__CUPORT_BESSEL1(cyl_bessel_i1, __cuport::besselI(1, __d))
#undef __CUPORT_BESSEL1

__CUPORT_DEVFN float __cuport_impl_jnf(int __n, float __x) {
  return (float)__cuport::besselJn(__n, (double)__x);
}
__CUPORT_DEVFN double __cuport_impl_jn(int __n, double __x) {
  return __cuport::besselJn(__n, __x);
}
__CUPORT_DEVFN float __cuport_impl_ynf(int __n, float __x) {
  return (float)__cuport::besselYn(__n, (double)__x);
}
__CUPORT_DEVFN double __cuport_impl_yn(int __n, double __x) {
  return __cuport::besselYn(__n, __x);
}

#endif /* CUPORT_MATH_BESSEL_H */
