// Host references for the rounding-mode tests (math_rounding.cu and the
// conversions in math_integer.cu), computed by the host FPU under
// fesetround in rounding_reference.cpp: an implementation independent of
// cuport's error-free transformations.
#ifndef CUPORT_TEST_ROUNDING_REFERENCE_H
#define CUPORT_TEST_ROUNDING_REFERENCE_H

namespace roundref {

// The four IEEE rounding directions, in CUDA's suffix order rn, rz, ru, rd.
enum Mode { RN = 0, RZ = 1, RU = 2, RD = 3 };

enum Op { Add, Sub, Mul, Div, Fma, Rcp, Sqrt };

float opFloat(Op O, Mode M, float A, float B, float C);
double opDouble(Op O, Mode M, double A, double B, double C);

// 1/sqrt(x) correctly rounded to float (checked at the midpoints in
// binary128, where x*m^2 is exact).
float rsqrtFloat(float X);

// X rounded to an integer in mode M, then saturated to [Lo, Hi] (NaN gives
// 0), as CUDA's __float2int_* and friends; toUInt64 for the unsigned 64-bit
// range.
long long toInt(double X, Mode M, long long Lo, long long Hi);
unsigned long long toUInt64(double X, Mode M);

// Conversions to floating point in mode M.
float fromInt64ToFloat(long long X, Mode M);
float fromUInt64ToFloat(unsigned long long X, Mode M);
double fromInt64ToDouble(long long X, Mode M);
double fromUInt64ToDouble(unsigned long long X, Mode M);
float fromDoubleToFloat(double X, Mode M);

} // namespace roundref

#endif // CUPORT_TEST_ROUNDING_REFERENCE_H
