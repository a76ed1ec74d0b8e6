// The directed-rounding helpers of cuport_hip_compat.h (HipCompatMath.def:
// cuport_fadd_rz, cuport_dmul_ru, ...) run on the host and are compared bit
// for bit with the host FPU computing the same operation under fesetround
// (test/e2e/Inputs/rounding_reference.cpp, built apart from them): the
// special values against each other (signed zeros, subnormals, the
// largest finite value, infinities, NaN), then random operands drawn to
// reach the exponent extremes: sums that cancel or land on and next to
// ties, products and quotients at the overflow and underflow thresholds,
// fma with cancelling addends and addends far above or below the product,
// subnormal results, perfect squares. Prints each mismatch (the first few
// per helper), a count per helper, and "PASSED" only when there is none.
// The kernel at the end calls every helper, so that hipcc compiles them for
// the GPU too.
#include "cuport_hip_compat.h"
#include "rounding_reference.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

using roundref::Mode;
using roundref::Op;

namespace {

// The helpers under test, indexed by operation and mode (rz, ru, rd).
typedef float (*FloatFn)(float, float, float);
typedef double (*DoubleFn)(double, double, double);

#define FLOAT2(Name) [](float A, float B, float) { return Name(A, B); }
#define FLOAT1(Name) [](float A, float, float) { return Name(A); }
#define FLOAT3(Name) [](float A, float B, float C) { return Name(A, B, C); }
#define DOUBLE2(Name) [](double A, double B, double) { return Name(A, B); }
#define DOUBLE1(Name) [](double A, double, double) { return Name(A); }
#define DOUBLE3(Name) [](double A, double B, double C) { return Name(A, B, C); }
#define MODES(Wrap, Base) {Wrap(Base##_rz), Wrap(Base##_ru), Wrap(Base##_rd)}

const FloatFn FloatHelpers[][3] = {
    MODES(FLOAT2, cuport_fadd), MODES(FLOAT2, cuport_fsub), MODES(FLOAT2, cuport_fmul),
    MODES(FLOAT2, cuport_fdiv), MODES(FLOAT3, cuport_fmaf), MODES(FLOAT1, cuport_frcp),
    MODES(FLOAT1, cuport_fsqrt)};
const DoubleFn DoubleHelpers[][3] = {
    MODES(DOUBLE2, cuport_dadd), MODES(DOUBLE2, cuport_dsub), MODES(DOUBLE2, cuport_dmul),
    MODES(DOUBLE2, cuport_ddiv), MODES(DOUBLE3, cuport_fma),  MODES(DOUBLE1, cuport_drcp),
    MODES(DOUBLE1, cuport_dsqrt)};
const char *FloatNames[] = {"cuport_fadd", "cuport_fsub", "cuport_fmul", "cuport_fdiv",
                            "cuport_fmaf", "cuport_frcp", "cuport_fsqrt"};
const char *DoubleNames[] = {"cuport_dadd", "cuport_dsub", "cuport_dmul", "cuport_ddiv",
                             "cuport_fma",  "cuport_drcp", "cuport_dsqrt"};
const char *ModeNames[] = {"rz", "ru", "rd"};
const Mode Modes[] = {roundref::RZ, roundref::RU, roundref::RD};
const int NumOps = 7;

struct Rng {
  uint64_t S;
  uint64_t next() {
    S ^= S << 13;
    S ^= S >> 7;
    S ^= S << 17;
    return S;
  }
  int range(int Lo, int Hi) { return Lo + static_cast<int>(next() % static_cast<uint64_t>(Hi - Lo + 1)); }
  double unit() { return static_cast<double>(next() >> 11) * 0x1p-53; }
};

template <class T> struct Traits;
template <> struct Traits<float> {
  static float fromBits(uint64_t U) {
    uint32_t W = static_cast<uint32_t>(U);
    float F;
    memcpy(&F, &W, 4);
    return F;
  }
};
template <> struct Traits<double> {
  static double fromBits(uint64_t U) {
    double D;
    memcpy(&D, &U, 8);
    return D;
  }
};

template <class T> std::vector<T> specials() {
  typedef std::numeric_limits<T> L;
  std::vector<T> S = {T(0), L::denorm_min(), 2 * L::denorm_min(), 3 * L::denorm_min(), L::min(),
                      L::min() - L::denorm_min(), L::min() / 2, T(1), T(1) + L::epsilon(),
                      T(1) - L::epsilon() / 2, T(2), T(3), T(0.1), T(1.5), T(4), T(9),
                      L::max(), L::max() / 2, std::nextafter(L::max(), T(0)),
                      std::ldexp(T(1), L::max_exponent - 1), std::ldexp(T(1), L::min_exponent - 2),
                      L::infinity()};
  size_t N = S.size();
  for (size_t I = 0; I < N; ++I)
    S.push_back(-S[I]);
  S.push_back(L::quiet_NaN());
  return S;
}

// A finite value of either sign with an exponent from Lo to Hi (ldexp
// rounds the subnormal ones onto their grid).
template <class T> T around(Rng &R, int Lo, int Hi) {
  T V = static_cast<T>(std::ldexp(1 + R.unit(), R.range(Lo, Hi)));
  return (R.next() & 1) ? -V : V;
}

template <class T> void randomOperands(Rng &R, int OpIndex, T &A, T &B, T &C) {
  typedef std::numeric_limits<T> L;
  const int P = L::digits, EMax = L::max_exponent, EMin = L::min_exponent - P;
  switch (R.range(0, 9)) {
  case 0: // any bit pattern
    A = Traits<T>::fromBits(R.next());
    B = Traits<T>::fromBits(R.next());
    C = Traits<T>::fromBits(R.next());
    break;
  case 1: // any exponent
    A = around<T>(R, EMin, EMax - 1);
    B = around<T>(R, EMin, EMax - 1);
    C = around<T>(R, EMin, EMax - 1);
    break;
  case 2: // products, quotients and sums at the overflow threshold
    A = around<T>(R, EMax / 2 - 2, EMax / 2 + 1);
    B = OpIndex == 3 ? around<T>(R, -EMax / 2 - 2, -EMax / 2 + 1) : around<T>(R, EMax / 2 - 2, EMax / 2 + 1);
    if (OpIndex <= 1) {
      A = around<T>(R, EMax - 3, EMax - 1);
      B = around<T>(R, EMax - 3, EMax - 1);
    }
    C = -A * B * static_cast<T>(1 - R.range(-2, 2) * std::ldexp(1.0, -P));
    break;
  case 3: // ... and at the underflow threshold: subnormal results
    A = around<T>(R, L::min_exponent / 2 - P, L::min_exponent / 2 + 2);
    B = OpIndex == 3 ? around<T>(R, -L::min_exponent / 2 - 2, -L::min_exponent / 2 + P)
                     : around<T>(R, L::min_exponent / 2 - P, L::min_exponent / 2 + 2);
    if (OpIndex <= 1) {
      A = around<T>(R, EMin, L::min_exponent);
      B = around<T>(R, EMin, L::min_exponent);
    }
    C = around<T>(R, EMin, L::min_exponent + 2);
    break;
  case 4: { // sums on and next to ties: B is about half of A's last place
    A = around<T>(R, -20, 20);
    T Half = std::ldexp(T(1), std::ilogb(A) - P);
    B = Half * static_cast<T>(R.range(-3, 3)) / 2 + Half * static_cast<T>(R.range(0, 2) == 0 ? 0 : 1);
    C = -A * B;
    break;
  }
  case 5: // fma: addends cancelling the product, in part or exactly
    A = around<T>(R, -60, 60);
    B = around<T>(R, -60, 60);
    C = -static_cast<T>(static_cast<long double>(A) * B);
    if (R.next() & 1)
      C = std::nextafter(C, R.next() & 1 ? L::infinity() : -L::infinity());
    if (OpIndex <= 1)
      B = OpIndex == 0 ? -A : A; // sums that cancel to exact zero
    break;
  case 6: // fma: addends far above or far below the product, any scale
    A = around<T>(R, EMin, EMax - 1);
    B = around<T>(R, EMin / 2, EMax / 2);
    C = static_cast<T>(std::ldexp(static_cast<double>(A), std::ilogb(B) + R.range(-3 * P, 3 * P)));
    if (C == 0 || std::isinf(C))
      C = around<T>(R, EMin, EMax - 1);
    break;
  case 7: { // perfect squares and their neighbours; exact quotients
    T Root = static_cast<T>(R.range(1, 1 << (P / 2 - 1)));
    A = Root * Root * static_cast<T>(std::ldexp(1.0, 2 * R.range(-(EMax / 2 - P), EMax / 2 - P)));
    if (R.next() & 1)
      A = std::nextafter(A, (R.next() & 1) ? L::infinity() : T(0));
    B = Root;
    C = around<T>(R, -P, P);
    break;
  }
  default: // moderate values
    A = around<T>(R, -30, 30);
    B = around<T>(R, -30, 30);
    C = around<T>(R, -30, 30);
    break;
  }
}

template <class T> bool same(T X, T Y) {
  if (X != X && Y != Y)
    return true; // any NaN
  return memcmp(&X, &Y, sizeof(T)) == 0;
}

struct Checker {
  long Bad[2][NumOps][3] = {};
  long Count[2][NumOps] = {};

  void check(float A, float B, float C, int O) {
    ++Count[0][O];
    for (int M = 0; M < 3; ++M) {
      float Got = FloatHelpers[O][M](A, B, C);
      float Want = roundref::opFloat(static_cast<Op>(O), Modes[M], A, B, C);
      if (!same(Got, Want) && Bad[0][O][M]++ < 4)
        printf("MISMATCH: %s_%s(%a, %a, %a) = %a, want %a\n", FloatNames[O], ModeNames[M], A, B, C, Got,
               Want);
    }
  }
  void check(double A, double B, double C, int O) {
    ++Count[1][O];
    for (int M = 0; M < 3; ++M) {
      double Got = DoubleHelpers[O][M](A, B, C);
      double Want = roundref::opDouble(static_cast<Op>(O), Modes[M], A, B, C);
      if (!same(Got, Want) && Bad[1][O][M]++ < 4)
        printf("MISMATCH: %s_%s(%a, %a, %a) = %a, want %a\n", DoubleNames[O], ModeNames[M], A, B, C, Got,
               Want);
    }
  }
};

template <class T> void run(Checker &K, long Random) {
  std::vector<T> S = specials<T>();
  for (int O = 0; O < NumOps; ++O) {
    for (T X : S)
      for (T Y : S)
        for (T Z : S)
          if (O == 4 || Z == S[0])
            K.check(X, Y, Z, O);
    Rng R{0x9e3779b97f4a7c15ull + static_cast<uint64_t>(O) * 7919 + sizeof(T)};
    for (long I = 0; I < Random; ++I) {
      T A, B, C;
      randomOperands(R, O, A, B, C);
      K.check(A, B, C, O);
    }
  }
}

} // namespace

#define CALL(Base, Out, ...)                                                   \
  Out[I++] = Base##_rz(__VA_ARGS__);                                           \
  Out[I++] = Base##_ru(__VA_ARGS__);                                           \
  Out[I++] = Base##_rd(__VA_ARGS__);
__global__ void everyHelper(float *F, double *D) {
  int I = 3;
  CALL(cuport_fadd, F, F[0], F[1])
  CALL(cuport_fsub, F, F[0], F[1])
  CALL(cuport_fmul, F, F[0], F[1])
  CALL(cuport_fdiv, F, F[0], F[1])
  CALL(cuport_fmaf, F, F[0], F[1], F[2])
  CALL(cuport_frcp, F, F[0])
  CALL(cuport_fsqrt, F, F[0])
  I = 3;
  CALL(cuport_dadd, D, D[0], D[1])
  CALL(cuport_dsub, D, D[0], D[1])
  CALL(cuport_dmul, D, D[0], D[1])
  CALL(cuport_ddiv, D, D[0], D[1])
  CALL(cuport_fma, D, D[0], D[1], D[2])
  CALL(cuport_drcp, D, D[0])
  CALL(cuport_dsqrt, D, D[0])
}

int main(int Argc, char **Argv) {
  // Random operand triples per helper family, in each of the three modes.
  long Random = Argc > 1 ? atol(Argv[1]) : 100000;
  Checker K;
  run<float>(K, Random);
  run<double>(K, Random);
  long Total = 0;
  for (int T = 0; T < 2; ++T)
    for (int O = 0; O < NumOps; ++O)
      for (int M = 0; M < 3; ++M) {
        printf("%s_%s: %ld inputs, %ld wrong\n", T ? DoubleNames[O] : FloatNames[O], ModeNames[M],
               K.Count[T][O], K.Bad[T][O][M]);
        Total += K.Bad[T][O][M];
      }
  printf(Total ? "FAILED: %ld wrong\n" : "PASSED\n", Total);
  return Total ? 1 : 0;
}
