// Checks the integer helpers of cuport_hip_compat.h (HipCompatInteger.def)
// on the host against a model written from CUDA's documentation, lane by
// lane in 64-bit arithmetic: the SIMD intrinsics (__vadd2 ... __vsetltu4),
// every overload of __dp4a / __dp2a_lo / __dp2a_hi, and umin ... ullmax.
// Inputs: every pair of words built from lane edge values (0, 1, the
// signed and unsigned lane extremes and their neighbours), then random
// words. Every substitute the table names must be checked here.
#include "cuport_hip_compat.h"

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

typedef long long i64;
typedef unsigned long long u64;

namespace {

// --- The model -----------------------------------------------------------------

enum class LaneOp { Abs, Neg, Add, Sub, AbsDiff, AvgUp, AvgDown, Max, Min, Eq, Ne, Ge, Gt, Le, Lt };
// How a lane's exact result becomes the lane: wrapped modulo 2^Bits,
// clamped to the lane's range, a comparison as all ones / as 1, or summed.
enum class Narrow { Wrap, Saturate, AllOnes, One, Sum };

i64 laneOf(unsigned W, int Bits, int K, bool Signed) {
  i64 V = (W >> (Bits * K)) & ((1ull << Bits) - 1);
  if (Signed && V >= (1ll << (Bits - 1)))
    V -= 1ll << Bits;
  return V;
}

i64 floorDiv2(i64 V) { return V >= 0 ? V / 2 : -((-V + 1) / 2); }

i64 apply(LaneOp Op, i64 X, i64 Y) {
  switch (Op) {
  case LaneOp::Abs: return X < 0 ? -X : X;
  case LaneOp::Neg: return -X;
  case LaneOp::Add: return X + Y;
  case LaneOp::Sub: return X - Y;
  case LaneOp::AbsDiff: return X < Y ? Y - X : X - Y;
  case LaneOp::AvgUp: return floorDiv2(X + Y + 1);
  case LaneOp::AvgDown: return floorDiv2(X + Y);
  case LaneOp::Max: return X < Y ? Y : X;
  case LaneOp::Min: return X < Y ? X : Y;
  case LaneOp::Eq: return X == Y;
  case LaneOp::Ne: return X != Y;
  case LaneOp::Ge: return X >= Y;
  case LaneOp::Gt: return X > Y;
  case LaneOp::Le: return X <= Y;
  case LaneOp::Lt: return X < Y;
  }
  return 0;
}

unsigned model(LaneOp Op, Narrow N, bool Signed, int Bits, unsigned A, unsigned B) {
  const i64 Lo = Signed ? -(1ll << (Bits - 1)) : 0;
  const i64 Hi = Signed ? (1ll << (Bits - 1)) - 1 : (1ll << Bits) - 1;
  u64 R = 0;
  for (int K = 0; K < 32 / Bits; ++K) {
    i64 V = apply(Op, laneOf(A, Bits, K, Signed), laneOf(B, Bits, K, Signed));
    if (N == Narrow::Sum) {
      R += V;
      continue;
    }
    if (N == Narrow::Saturate)
      V = V < Lo ? Lo : (V > Hi ? Hi : V);
    if (N == Narrow::AllOnes && V)
      V = -1;
    R |= (u64(V) & ((1ull << Bits) - 1)) << (Bits * K);
  }
  return unsigned(R);
}

// A dot product: Lanes lanes of ABits bits of A times bytes of B from
// FirstByte on, plus C, modulo 2^32.
unsigned dotModel(unsigned A, unsigned B, unsigned C, bool Signed, int ABits, int FirstByte) {
  i64 Acc = Signed ? i64(int(C)) : i64(C);
  for (int K = 0; K < 32 / ABits; ++K)
    Acc += laneOf(A, ABits, K, Signed) * laneOf(B, 8, FirstByte + K, Signed);
  return unsigned(u64(Acc));
}

// --- The inputs ----------------------------------------------------------------

std::vector<unsigned> edgeWords() {
  std::set<unsigned> Words;
  const unsigned Half[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7ffe, 0x7fff, 0x8000, 0x8001, 0xfffe, 0xffff};
  for (unsigned H0 : Half)
    for (unsigned H1 : Half)
      Words.insert(H0 | H1 << 16);
  const unsigned Byte[] = {0, 1, 0x7f, 0x80, 0x81, 0xff};
  for (unsigned B0 : Byte)
    for (unsigned B1 : Byte)
      for (unsigned B2 : Byte)
        for (unsigned B3 : Byte)
          Words.insert(B0 | B1 << 8 | B2 << 16 | B3 << 24);
  return std::vector<unsigned>(Words.begin(), Words.end());
}

struct Rng {
  u64 S = 0x9e3779b97f4a7c15ull;
  unsigned next() {
    S ^= S << 13;
    S ^= S >> 7;
    S ^= S << 17;
    return unsigned(S >> 16);
  }
};

const std::vector<unsigned> &edges() {
  static const std::vector<unsigned> E = edgeWords();
  return E;
}

// Calls Check(A, B) on every pair of edge words and on random pairs.
template <class F> void forPairs(F Check) {
  for (unsigned A : edges())
    for (unsigned B : edges())
      Check(A, B);
  Rng R;
  for (int I = 0; I < 200000; ++I) {
    unsigned A = R.next();
    Check(A, R.next());
  }
}

// --- The checks ----------------------------------------------------------------

std::set<std::string> Checked;
long Failures = 0;

void mismatch(const char *Name, unsigned A, unsigned B, unsigned C, u64 Got, u64 Want) {
  if (++Failures <= 20)
    printf("FAIL: %s(0x%08x, 0x%08x, 0x%08x) = 0x%llx, CUDA gives 0x%llx\n", Name, A, B, C, Got, Want);
}

struct SimdCase {
  const char *Name;
  unsigned (*Fn)(unsigned, unsigned);
  LaneOp Op;
  Narrow N;
  bool Signed;
  int Bits;
};

#define UNARY(Name) [](unsigned A, unsigned) { return cuport_##Name(A); }
#define BINARY(Name) [](unsigned A, unsigned B) { return cuport_##Name(A, B); }
// Both lane widths of one intrinsic.
#define SIMD(Name, Call, Op, N, Signed)                                        \
  {"cuport_" #Name "2", Call(Name##2), LaneOp::Op, Narrow::N, Signed, 16},     \
      {"cuport_" #Name "4", Call(Name##4), LaneOp::Op, Narrow::N, Signed, 8},

#define SIMD_LIST(S) \
  S(vabs, UNARY, Abs, Wrap, true) \
  S(vabsss, UNARY, Abs, Saturate, true) \
  S(vneg, UNARY, Neg, Wrap, true) \
  S(vnegss, UNARY, Neg, Saturate, true) \
  S(vadd, BINARY, Add, Wrap, false) \
  S(vaddss, BINARY, Add, Saturate, true) \
  S(vaddus, BINARY, Add, Saturate, false) \
  S(vsub, BINARY, Sub, Wrap, false) \
  S(vsubss, BINARY, Sub, Saturate, true) \
  S(vsubus, BINARY, Sub, Saturate, false) \
  S(vabsdiffs, BINARY, AbsDiff, Wrap, true) \
  S(vabsdiffu, BINARY, AbsDiff, Wrap, false) \
  S(vavgs, BINARY, AvgUp, Wrap, true) \
  S(vavgu, BINARY, AvgUp, Wrap, false) \
  S(vhaddu, BINARY, AvgDown, Wrap, false) \
  S(vmaxs, BINARY, Max, Wrap, true) \
  S(vmaxu, BINARY, Max, Wrap, false) \
  S(vmins, BINARY, Min, Wrap, true) \
  S(vminu, BINARY, Min, Wrap, false) \
  S(vsads, BINARY, AbsDiff, Sum, true) \
  S(vsadu, BINARY, AbsDiff, Sum, false) \
  S(vcmpeq, BINARY, Eq, AllOnes, false) \
  S(vcmpne, BINARY, Ne, AllOnes, false) \
  S(vcmpges, BINARY, Ge, AllOnes, true) \
  S(vcmpgeu, BINARY, Ge, AllOnes, false) \
  S(vcmpgts, BINARY, Gt, AllOnes, true) \
  S(vcmpgtu, BINARY, Gt, AllOnes, false) \
  S(vcmples, BINARY, Le, AllOnes, true) \
  S(vcmpleu, BINARY, Le, AllOnes, false) \
  S(vcmplts, BINARY, Lt, AllOnes, true) \
  S(vcmpltu, BINARY, Lt, AllOnes, false) \
  S(vseteq, BINARY, Eq, One, false) \
  S(vsetne, BINARY, Ne, One, false) \
  S(vsetges, BINARY, Ge, One, true) \
  S(vsetgeu, BINARY, Ge, One, false) \
  S(vsetgts, BINARY, Gt, One, true) \
  S(vsetgtu, BINARY, Gt, One, false) \
  S(vsetles, BINARY, Le, One, true) \
  S(vsetleu, BINARY, Le, One, false) \
  S(vsetlts, BINARY, Lt, One, true) \
  S(vsetltu, BINARY, Lt, One, false)

const SimdCase SimdCases[] = {SIMD_LIST(SIMD)};

void checkSimd() {
  for (const SimdCase &C : SimdCases) {
    forPairs([&](unsigned A, unsigned B) {
      unsigned Got = C.Fn(A, B), Want = model(C.Op, C.N, C.Signed, C.Bits, A, B);
      if (Got != Want)
        mismatch(C.Name, A, B, 0, Got, Want);
    });
    Checked.insert(C.Name);
  }
}

char4 chars(unsigned W) {
  return make_char4(char(W), char(W >> 8), char(W >> 16), char(W >> 24));
}
uchar4 uchars(unsigned W) {
  return make_uchar4(W, W >> 8, W >> 16, W >> 24);
}
short2 shorts(unsigned W) { return make_short2(short(W), short(W >> 16)); }
ushort2 ushorts(unsigned W) { return make_ushort2(W, W >> 16); }

// Every overload of one dot product, against the model.
#define DOT(Name, ABits, FirstByte, VecA, UVecA, VecB, UVecB)                  \
  forPairs([&](unsigned A, unsigned B) {                                       \
    unsigned C = A * 2654435761u ^ B;                                          \
    unsigned S = dotModel(A, B, C, true, ABits, FirstByte);                    \
    unsigned U = dotModel(A, B, C, false, ABits, FirstByte);                   \
    if (unsigned(Name(int(A), int(B), int(C))) != S)                           \
      mismatch(#Name "(int)", A, B, C, unsigned(Name(int(A), int(B), int(C))), S); \
    if (Name(A, B, C) != U)                                                    \
      mismatch(#Name "(unsigned)", A, B, C, Name(A, B, C), U);                 \
    if (unsigned(Name(VecA(A), VecB(B), int(C))) != S)                         \
      mismatch(#Name "(" #VecA ")", A, B, C, unsigned(Name(VecA(A), VecB(B), int(C))), S); \
    if (Name(UVecA(A), UVecB(B), C) != U)                                      \
      mismatch(#Name "(" #UVecA ")", A, B, C, Name(UVecA(A), UVecB(B), C), U); \
  });                                                                          \
  Checked.insert(#Name);

void checkDots() {
  DOT(cuport_dp4a, 8, 0, chars, uchars, chars, uchars)
  DOT(cuport_dp2a_lo, 16, 0, shorts, ushorts, chars, uchars)
  DOT(cuport_dp2a_hi, 16, 2, shorts, ushorts, chars, uchars)
}

#define MINMAX(Name, Type, Pick)                                               \
  forPairs([&](unsigned A, unsigned B) {                                       \
    Type X = Type(u64(A) << 32 | B), Y = Type(u64(B) * 0x9e3779b9u ^ A);       \
    for (Type P : {X, Type(A), Type(int(A))})                                  \
      for (Type Q : {Y, Type(B), Type(int(B))}) {                             \
        Type Want = (P < Q) == Pick ? P : Q;                                   \
        if (Name(P, Q) != Want)                                                \
          mismatch(#Name, A, B, 0, u64(Name(P, Q)), u64(Want));                \
      }                                                                        \
  });                                                                          \
  Checked.insert(#Name);

void checkMinMax() {
  MINMAX(cuport_umin, unsigned, true)
  MINMAX(cuport_umax, unsigned, false)
  MINMAX(cuport_llmin, i64, true)
  MINMAX(cuport_llmax, i64, false)
  MINMAX(cuport_ullmin, u64, true)
  MINMAX(cuport_ullmax, u64, false)
}

} // namespace

// Every helper compiles for the GPU as well: hipcc builds this for gfx90a.
__global__ void everyHelper(unsigned *Out, unsigned A, unsigned B, unsigned C) {
  int K = 0;
#define CALL(Name, Call, Op, N, Signed)                                        \
  Out[K++] = Call(Name##2)(A, B);                                              \
  Out[K++] = Call(Name##4)(A, B);
  SIMD_LIST(CALL)
#undef CALL
  Out[K++] = cuport_dp4a(int(A), int(B), int(C)) + cuport_dp4a(A, B, C);
  Out[K++] = cuport_dp4a(make_char4(A, B, C, 1), make_char4(C, B, A, 2), int(C)) +
             cuport_dp4a(make_uchar4(A, B, C, 1), make_uchar4(C, B, A, 2), C);
  Out[K++] = cuport_dp2a_lo(int(A), int(B), int(C)) + cuport_dp2a_lo(A, B, C) +
             cuport_dp2a_lo(make_short2(A, B), make_char4(C, B, A, 2), int(C)) +
             cuport_dp2a_lo(make_ushort2(A, B), make_uchar4(C, B, A, 2), C);
  Out[K++] = cuport_dp2a_hi(int(A), int(B), int(C)) + cuport_dp2a_hi(A, B, C) +
             cuport_dp2a_hi(make_short2(A, B), make_char4(C, B, A, 2), int(C)) +
             cuport_dp2a_hi(make_ushort2(A, B), make_uchar4(C, B, A, 2), C);
  Out[K++] = cuport_umin(A, B) + cuport_umax(A, B) + unsigned(cuport_llmin(A, B) + cuport_llmax(A, C)) +
             unsigned(cuport_ullmin(A, B) + cuport_ullmax(B, C));
}

int main() {
  checkSimd();
  checkDots();
  checkMinMax();
  // Every substitute of the table is checked above.
  std::set<std::string> Rows;
#define HIP_COMPAT(Function, Operand, Substitute, Helper, How) Rows.insert(#Substitute);
#define HIP_COMPAT_HELPER(Name, Includes, Definition)
#include "HipCompatInteger.def"
#undef HIP_COMPAT
#undef HIP_COMPAT_HELPER
  for (const std::string &R : Rows)
    if (!Checked.count(R)) {
      printf("FAIL: %s is in HipCompatInteger.def but not checked\n", R.c_str());
      ++Failures;
    }
  printf("%zu table rows, %zu helpers checked on %zu edge words\n", Rows.size(), Checked.size(),
         edges().size());
  printf(Failures ? "FAIL\n" : "PASSED\n");
  return Failures ? 1 : 0;
}
