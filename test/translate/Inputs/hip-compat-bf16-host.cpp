// The bfloat16 helpers of cuport_hip_compat.h (HipCompatMath.def) run on the
// host against a plain model: bfloat16 values decoded with ldexp, the exact
// operation in double (correctly rounded there; double has more than
// 2 * 8 + 2 bits, so rounding that once more is the bfloat16 rounding of the
// exact result), and the nearest bfloat16 found by a search over the
// encodings, ties to the even one, with CUDA's 0x7fff for every NaN. Every
// encoding is converted back and forth; the operations run on every pair
// of a set of special encodings and on random pairs; floats on and next to
// ties are converted. Prints each mismatch (the first few) and "PASSED" only
// when there is none.
#include "cuport_hip_compat.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

double decode(unsigned B) {
  unsigned E = (B >> 7) & 255, M = B & 127;
  if (E == 255)
    return M ? NAN : ((B & 0x8000) ? -INFINITY : INFINITY);
  double V = E == 0 ? std::ldexp(static_cast<double>(M), -133) : std::ldexp(static_cast<double>(128 + M), static_cast<int>(E) - 134);
  return (B & 0x8000) ? -V : V;
}

unsigned nearest(double V) {
  if (std::isnan(V))
    return 0x7fff;
  unsigned Sign = std::signbit(V) ? 0x8000 : 0, Lo = 0, Hi = 0x7f7f;
  double A = std::fabs(V);
  if (A >= decode(0x7f7f) + (decode(0x7f7f) - decode(0x7f7e)) / 2)
    return Sign | 0x7f80;
  while (Lo < Hi) {
    unsigned Mid = (Lo + Hi + 1) / 2;
    if (decode(Mid) <= A)
      Lo = Mid;
    else
      Hi = Mid - 1;
  }
  if (Lo == 0x7f7f)
    return Sign | Lo;
  double Below = A - decode(Lo), Above = decode(Lo + 1) - A;
  return Sign | (Below < Above ? Lo : Below > Above ? Lo + 1 : ((Lo & 1) ? Lo + 1 : Lo));
}

long Failures = 0;

void expect(const char *What, unsigned A, unsigned B, unsigned Got, unsigned Want) {
  if (Got != Want && Failures++ < 10)
    printf("MISMATCH: %s(%04x, %04x) = %04x, want %04x\n", What, A, B, Got, Want);
}

void checkPair(unsigned A, unsigned B) {
  hip_bfloat16 X = cuport_ushort_as_bfloat16(static_cast<unsigned short>(A));
  hip_bfloat16 Y = cuport_ushort_as_bfloat16(static_cast<unsigned short>(B));
  double DX = decode(A), DY = decode(B);
  expect("cuport_hadd", A, B, cuport_bfloat16_as_ushort(cuport_hadd(X, Y)), nearest(DX + DY));
  expect("cuport_hsub", A, B, cuport_bfloat16_as_ushort(cuport_hsub(X, Y)), nearest(DX - DY));
  expect("cuport_hmul", A, B, cuport_bfloat16_as_ushort(cuport_hmul(X, Y)), nearest(DX * DY));
  expect("cuport_hdiv", A, B, cuport_bfloat16_as_ushort(cuport_hdiv(X, Y)), nearest(DX / DY));
}

} // namespace

int main(int Argc, char **Argv) {
  long Random = Argc > 1 ? atol(Argv[1]) : 1000000;
  // Every encoding: as a float, and back.
  for (unsigned B = 0; B < 0x10000; ++B) {
    float F = cuport_bfloat162float(cuport_ushort_as_bfloat16(static_cast<unsigned short>(B)));
    double D = decode(B);
    if (!(F == D || (std::isnan(F) && std::isnan(D))) && Failures++ < 10)
      printf("MISMATCH: cuport_bfloat162float(%04x) = %a, want %a\n", B, F, D);
    expect("cuport_float2bfloat16_rn", B, 0, cuport_bfloat16_as_ushort(cuport_float2bfloat16_rn(F)),
           std::isnan(D) ? 0x7fff : B);
  }
  // Floats on, next to and between the ties of every encoding.
  uint64_t S = 0x9e3779b97f4a7c15ull;
  auto Next = [&] {
    S ^= S << 13;
    S ^= S >> 7;
    S ^= S << 17;
    return S;
  };
  for (unsigned B = 0; B < 0x10000; ++B)
    for (unsigned Low : {0x8000u, 0x7fffu, 0x8001u, 0x0001u, 0xffffu, static_cast<unsigned>(Next() & 0xffff)}) {
      unsigned Bits = (B << 16) | Low;
      float F;
      memcpy(&F, &Bits, sizeof F);
      expect("cuport_float2bfloat16_rn", Bits >> 16, Low, cuport_bfloat16_as_ushort(cuport_float2bfloat16_rn(F)),
             nearest(F));
    }
  // The operations: special encodings against each other, then random pairs
  // (half of them with nearby exponents, where sums cancel and round).
  std::vector<unsigned> Specials = {0x0000, 0x0001, 0x0002, 0x007f, 0x0080, 0x0081, 0x3f80, 0x3f81,
                                    0x3fff, 0x4000, 0x7f7f, 0x7f7e, 0x7f00, 0x7f80, 0x7fc0, 0x7f81,
                                    0x0100, 0x3400, 0x4b00, 0x1f80, 0x2000};
  for (size_t I = 0, N = Specials.size(); I < N; ++I)
    Specials.push_back(Specials[I] | 0x8000);
  for (unsigned A : Specials)
    for (unsigned B : Specials)
      checkPair(A, B);
  for (long I = 0; I < Random; ++I) {
    unsigned A = Next() & 0xffff, B = Next() & 0xffff;
    if (I & 1)
      B = (B & 0x807f) | ((A & 0x7f80) + ((Next() % 17) << 7) - (8u << 7)) % 0x8000;
    checkPair(A, B);
  }
  printf(Failures ? "FAILED: %ld wrong\n" : "PASSED\n", Failures);
  return Failures ? 1 : 0;
}
