// See rounding_reference.h. Every operation runs with the rounding mode set
// by fesetround; FENV_ACCESS keeps the compiler from folding or moving the
// arithmetic across the mode changes.
#include "rounding_reference.h"

#include <cfenv>
#include <climits>
#include <cmath>
#include <cstdint>

#pragma STDC FENV_ACCESS ON

namespace roundref {

static const int FeModes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD, FE_DOWNWARD};

namespace {
// Sets the mode for one computation and restores round-to-nearest.
struct ScopedMode {
  explicit ScopedMode(Mode M) { fesetround(FeModes[M]); }
  ~ScopedMode() { fesetround(FE_TONEAREST); }
};
} // namespace

float opFloat(Op O, Mode M, float A, float B, float C) {
  volatile float VA = A, VB = B, VC = C;
  volatile float R;
  ScopedMode S(M);
  switch (O) {
  case Add: R = VA + VB; break;
  case Sub: R = VA - VB; break;
  case Mul: R = VA * VB; break;
  case Div: R = VA / VB; break;
  case Fma: R = fmaf(VA, VB, VC); break;
  case Rcp: R = 1.0f / VA; break;
  case Sqrt: R = sqrtf(VA); break;
  }
  return R;
}

double opDouble(Op O, Mode M, double A, double B, double C) {
  volatile double VA = A, VB = B, VC = C;
  volatile double R;
  ScopedMode S(M);
  switch (O) {
  case Add: R = VA + VB; break;
  case Sub: R = VA - VB; break;
  case Mul: R = VA * VB; break;
  case Div: R = VA / VB; break;
  case Fma: R = fma(VA, VB, VC); break;
  case Rcp: R = 1.0 / VA; break;
  case Sqrt: R = sqrt(VA); break;
  }
  return R;
}

float rsqrtFloat(float X) {
  if (!(X > 0) || std::isinf(X))
    return 1.0f / std::sqrt(X);
  float F = (float)(1.0L / sqrtl((long double)X));
  // Step F towards the exact value v while v lies beyond the midpoint m
  // between F and its neighbour: v > m exactly when X*m^2 < 1.
  for (int Step = 0; Step < 4; ++Step) {
    float Up = nextafterf(F, INFINITY), Down = nextafterf(F, 0);
    __float128 MUp = ((__float128)F + (__float128)Up) / 2;
    __float128 MDown = ((__float128)F + (__float128)Down) / 2;
    // v > m  <=>  1 > X m^2 (exact in binary128: 24 + 2*25 bits)
    if ((__float128)X * MUp * MUp < 1)
      F = Up;
    else if ((__float128)X * MDown * MDown > 1)
      F = Down;
    else
      break;
  }
  return F;
}

long long toInt(double X, Mode M, long long Lo, long long Hi) {
  if (X != X)
    return 0;
  volatile double V = X;
  double R;
  {
    ScopedMode S(M);
    R = nearbyint(V);
  }
  if ((long double)R <= (long double)Lo) // long double holds both exactly
    return Lo;
  if ((long double)R >= (long double)Hi)
    return Hi;
  return (long long)R;
}

unsigned long long toUInt64(double X, Mode M) {
  if (X != X)
    return 0;
  volatile double V = X;
  double R;
  {
    ScopedMode S(M);
    R = nearbyint(V);
  }
  if (R <= 0)
    return 0;
  if (R >= 18446744073709551616.0)
    return UINT64_MAX;
  return (unsigned long long)R;
}

float fromInt64ToFloat(long long X, Mode M) {
  volatile long double V = (long double)X; // exact
  ScopedMode S(M);
  volatile float R = (float)V;
  return R;
}
float fromUInt64ToFloat(unsigned long long X, Mode M) {
  volatile long double V = (long double)X; // exact
  ScopedMode S(M);
  volatile float R = (float)V;
  return R;
}
double fromInt64ToDouble(long long X, Mode M) {
  volatile long double V = (long double)X;
  ScopedMode S(M);
  volatile double R = (double)V;
  return R;
}
double fromUInt64ToDouble(unsigned long long X, Mode M) {
  volatile long double V = (long double)X;
  ScopedMode S(M);
  volatile double R = (double)V;
  return R;
}
float fromDoubleToFloat(double X, Mode M) {
  volatile double V = X;
  ScopedMode S(M);
  volatile float R = (float)V;
  return R;
}

} // namespace roundref
