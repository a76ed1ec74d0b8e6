// RUN: %cuport-cc -O2 %s %S/Inputs/rounding_reference.cpp -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK-NOT: FAIL
// CHECK: PASSED
//
// CUDA's integer intrinsics (__popc, __brev, __byte_perm, __funnelshift_*,
// __mulhi, __mul24, __sad, __dp4a, ...), the SIMD-within-a-word family
// (__vadd2 ... __vsetltu4), min/max/abs, the conversions with a rounding
// mode (__float2int_rd, __ull2float_ru, __double2float_rz, ...) and the bit
// reinterpretations, each compared exactly with a host reference written
// independently: loops over bits and lanes, 128-bit arithmetic, and the
// host FPU under fesetround for the conversions (Inputs/
// rounding_reference.cpp). Inputs mix random words with the edge values
// (0, 1, all ones, the sign bit, INT_MIN, lane extremes, NaN, infinities,
// halves, values beyond each integer range).
#include <cuda_runtime.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "Inputs/rounding_reference.h"

typedef unsigned long long u64;
typedef long long i64;
using namespace roundref;

#define CUDA_CHECK(call)                                                       \
  do {                                                                         \
    cudaError_t Err_ = (call);                                                 \
    if (Err_ != cudaSuccess) {                                                 \
      printf("FAIL: CUDA error %s at %s:%d: %s\n", cudaGetErrorName(Err_),     \
             __FILE__, __LINE__, #call);                                       \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

// Views of the raw 64-bit operands, on both sides.
__host__ __device__ inline unsigned U(u64 V) { return (unsigned)V; }
__host__ __device__ inline int I(u64 V) { return (int)(unsigned)V; }
__host__ __device__ inline i64 L(u64 V) { return (i64)V; }
__host__ __device__ inline float F(u64 V) {
  return __builtin_bit_cast(float, (unsigned)V);
}
__host__ __device__ inline double D(u64 V) { return __builtin_bit_cast(double, V); }
__host__ __device__ inline u64 FB(float X) { // bits of a float result
  return __builtin_bit_cast(unsigned, X);
}
__host__ __device__ inline u64 DB(double X) { return __builtin_bit_cast(u64, X); }

// --- Host references -----------------------------------------------------------

static int refPopc(u64 V) {
  int N = 0;
  for (int B = 0; B < 64; ++B)
    N += (V >> B) & 1;
  return N;
}
static int refClz(u64 V, int Bits) {
  int N = 0;
  for (int B = Bits - 1; B >= 0 && !((V >> B) & 1); --B)
    ++N;
  return N;
}
static int refFfs(u64 V, int Bits) {
  for (int B = 0; B < Bits; ++B)
    if ((V >> B) & 1)
      return B + 1;
  return 0;
}
static u64 refBrev(u64 V, int Bits) {
  u64 R = 0;
  for (int B = 0; B < Bits; ++B)
    if ((V >> B) & 1)
      R |= 1ull << (Bits - 1 - B);
  return R;
}
static unsigned refBytePerm(unsigned X, unsigned Y, unsigned S) {
  unsigned char Bytes[8];
  for (int B = 0; B < 4; ++B) {
    Bytes[B] = (X >> (8 * B)) & 0xff;
    Bytes[B + 4] = (Y >> (8 * B)) & 0xff;
  }
  unsigned R = 0;
  for (int B = 0; B < 4; ++B)
    R |= (unsigned)Bytes[(S >> (4 * B)) & 7] << (8 * B);
  return R;
}
static unsigned refFunnel(unsigned Lo, unsigned Hi, unsigned S, bool Left, bool Clamp) {
  unsigned __int128 V = ((unsigned __int128)Hi << 32) | Lo;
  unsigned Sh = Clamp ? (S > 32 ? 32 : S) : (S % 32);
  return Left ? (unsigned)((V << Sh) >> 32) : (unsigned)(V >> Sh);
}
static int refMul24(int X, int Y) {
  i64 A = X & 0xffffff, B = Y & 0xffffff;
  if (A >= 0x800000)
    A -= 0x1000000;
  if (B >= 0x800000)
    B -= 0x1000000;
  return (int)(unsigned)(u64)(A * B);
}
static i64 floorHalf(i64 V) { return V >= 0 ? V / 2 : -((-V + 1) / 2); }

// SIMD lanes: Bits-wide lanes of A and B as integers, an operation, and the
// result narrowed by wrapping or by clamping.
enum LaneOp {
  LAbs, LNeg, LAdd, LSub, LAbsDiff, LAvg, LHadd, LMax, LMin,
  LEq, LNe, LGe, LGt, LLe, LLt, LSad
};
static u64 refSimd(LaneOp O, bool Signed, bool Saturate, bool Mask, int Bits,
                   unsigned A, unsigned B) {
  const int Lanes = 32 / Bits;
  const i64 Mod = 1ll << Bits;
  const i64 Lo = Signed ? -(Mod / 2) : 0, Hi = Signed ? Mod / 2 - 1 : Mod - 1;
  u64 R = 0, Sum = 0;
  for (int K = 0; K < Lanes; ++K) {
    i64 X = (A >> (Bits * K)) & (Mod - 1), Y = (B >> (Bits * K)) & (Mod - 1);
    if (Signed && X > Hi)
      X -= Mod;
    if (Signed && Y > Hi)
      Y -= Mod;
    i64 V = 0;
    switch (O) {
    case LAbs: V = X < 0 ? -X : X; break;
    case LNeg: V = -X; break;
    case LAdd: V = X + Y; break;
    case LSub: V = X - Y; break;
    case LAbsDiff: case LSad: V = X > Y ? X - Y : Y - X; break;
    case LAvg: V = floorHalf(X + Y + 1); break;
    case LHadd: V = floorHalf(X + Y); break;
    case LMax: V = X > Y ? X : Y; break;
    case LMin: V = X < Y ? X : Y; break;
    case LEq: V = X == Y; break;
    case LNe: V = X != Y; break;
    case LGe: V = X >= Y; break;
    case LGt: V = X > Y; break;
    case LLe: V = X <= Y; break;
    case LLt: V = X < Y; break;
    }
    if (O == LSad) {
      Sum += (u64)V;
      continue;
    }
    if (Mask && V)
      V = -1;
    if (Saturate)
      V = V < Lo ? Lo : (V > Hi ? Hi : V);
    R |= ((u64)V & (u64)(Mod - 1)) << (Bits * K);
  }
  return O == LSad ? (unsigned)Sum : R;
}

static int refDot(unsigned A, unsigned B, unsigned C, bool Signed, int ABits,
                  int BByte) {
  i64 Acc = (i64)(Signed ? (i64)(int)C : (i64)C);
  for (int K = 0; K < 32 / ABits; ++K) {
    i64 X = (A >> (ABits * K)) & ((1ll << ABits) - 1);
    i64 Y = (B >> (8 * (BByte + K))) & 0xff;
    if (Signed && X >= (1ll << (ABits - 1)))
      X -= 1ll << ABits;
    if (Signed && Y >= 128)
      Y -= 256;
    Acc += X * Y;
  }
  return (int)(unsigned)(u64)Acc;
}

// --- The tests -------------------------------------------------------------------
//
// X(Name, Kind, DevExpr, RefExpr): both expressions give a u64 from x, y, z.
enum Kind { KU32, KU64, KShift, KF32, KF64, KLanes };

#define INT_TESTS(X)                                                           \
  X(__popc, KU32, __popc(U(x)), refPopc(U(x)))                                 \
  X(__popcll, KU64, __popcll(x), refPopc(x))                                   \
  X(__clz, KU32, __clz(I(x)), refClz(U(x), 32))                                \
  X(__clzll, KU64, __clzll(L(x)), refClz(x, 64))                               \
  X(__ffs, KU32, __ffs(I(x)), refFfs(U(x), 32))                                \
  X(__ffsll, KU64, __ffsll(L(x)), refFfs(x, 64))                               \
  X(__brev, KU32, __brev(U(x)), refBrev(U(x), 32))                             \
  X(__brevll, KU64, __brevll(x), refBrev(x, 64))                               \
  X(__byte_perm, KU32, __byte_perm(U(x), U(y), U(z)),                          \
    refBytePerm(U(x), U(y), U(z)))                                             \
  X(__funnelshift_l, KShift, __funnelshift_l(U(x), U(y), U(z)),                \
    refFunnel(U(x), U(y), U(z), true, false))                                  \
  X(__funnelshift_lc, KShift, __funnelshift_lc(U(x), U(y), U(z)),              \
    refFunnel(U(x), U(y), U(z), true, true))                                   \
  X(__funnelshift_r, KShift, __funnelshift_r(U(x), U(y), U(z)),                \
    refFunnel(U(x), U(y), U(z), false, false))                                 \
  X(__funnelshift_rc, KShift, __funnelshift_rc(U(x), U(y), U(z)),              \
    refFunnel(U(x), U(y), U(z), false, true))                                  \
  X(__mulhi, KU32, (unsigned)__mulhi(I(x), I(y)),                              \
    (unsigned)(((i64)I(x) * I(y)) >> 32))                                      \
  X(__umulhi, KU32, __umulhi(U(x), U(y)), (unsigned)(((u64)U(x) * U(y)) >> 32)) \
  X(__mul64hi, KU64, __mul64hi(L(x), L(y)),                                    \
    (u64)(i64)(((__int128)L(x) * L(y)) >> 64))                                 \
  X(__umul64hi, KU64, __umul64hi(x, y),                                        \
    (u64)(((unsigned __int128)x * y) >> 64))                                   \
  X(__mul24, KU32, (unsigned)__mul24(I(x), I(y)), (unsigned)refMul24(I(x), I(y))) \
  X(__umul24, KU32, __umul24(U(x), U(y)),                                      \
    (unsigned)(((u64)(U(x) & 0xffffff) * (U(y) & 0xffffff))))                   \
  X(__hadd, KU32, (unsigned)__hadd(I(x), I(y)),                                \
    (unsigned)floorHalf((i64)I(x) + I(y)))                                     \
  X(__rhadd, KU32, (unsigned)__rhadd(I(x), I(y)),                              \
    (unsigned)floorHalf((i64)I(x) + I(y) + 1))                                 \
  X(__uhadd, KU32, __uhadd(U(x), U(y)), (unsigned)(((u64)U(x) + U(y)) >> 1))   \
  X(__urhadd, KU32, __urhadd(U(x), U(y)),                                      \
    (unsigned)(((u64)U(x) + U(y) + 1) >> 1))                                   \
  X(__sad, KU32, __sad(I(x), I(y), U(z)),                                      \
    (unsigned)(u64)(llabs((i64)I(x) - I(y)) + U(z)))                           \
  X(__usad, KU32, __usad(U(x), U(y), U(z)),                                    \
    (unsigned)(u64)(llabs((i64)U(x) - (i64)U(y)) + U(z)))                      \
  X(__dp4a_s, KU32, (unsigned)__dp4a(I(x), I(y), I(z)),                        \
    (unsigned)refDot(U(x), U(y), U(z), true, 8, 0))                            \
  X(__dp4a_u, KU32, __dp4a(U(x), U(y), U(z)),                                  \
    (unsigned)refDot(U(x), U(y), U(z), false, 8, 0))                           \
  X(__dp2a_lo_s, KU32, (unsigned)__dp2a_lo(I(x), I(y), I(z)),                  \
    (unsigned)refDot(U(x), U(y), U(z), true, 16, 0))                           \
  X(__dp2a_lo_u, KU32, __dp2a_lo(U(x), U(y), U(z)),                            \
    (unsigned)refDot(U(x), U(y), U(z), false, 16, 0))                          \
  X(__dp2a_hi_s, KU32, (unsigned)__dp2a_hi(I(x), I(y), I(z)),                  \
    (unsigned)refDot(U(x), U(y), U(z), true, 16, 2))                           \
  X(__dp2a_hi_u, KU32, __dp2a_hi(U(x), U(y), U(z)),                            \
    (unsigned)refDot(U(x), U(y), U(z), false, 16, 2))                          \
  X(min_int, KU32, (unsigned)min(I(x), I(y)),                                  \
    (unsigned)(I(x) < I(y) ? I(x) : I(y)))                                     \
  X(max_uint_int, KU32, max(U(x), I(y)),                                       \
    (U(x) > (unsigned)I(y) ? U(x) : (unsigned)I(y)))                           \
  X(umin, KU32, umin(U(x), U(y)), (U(x) < U(y) ? U(x) : U(y)))                 \
  X(llmax, KU64, (u64)llmax(L(x), L(y)), (u64)(L(x) > L(y) ? L(x) : L(y)))     \
  X(ullmin, KU64, ullmin(x, y), (x < y ? x : y))                               \
  X(abs_int, KU32, (unsigned)abs(I(x)),                                        \
    (unsigned)(I(x) < 0 ? 0u - (unsigned)I(x) : (unsigned)I(x)))               \
  X(llabs, KU64, (u64)llabs(L(x)), (L(x) < 0 ? 0ull - x : x))

// SIMD: Name, the lane operation, signed lanes, saturation, all-ones masks.
#define SIMD_TESTS(S)                                                          \
  S(vabs, LAbs, true, false, false)                                            \
  S(vabsss, LAbs, true, true, false)                                           \
  S(vneg, LNeg, true, false, false)                                            \
  S(vnegss, LNeg, true, true, false)                                           \
  S(vadd, LAdd, false, false, false)                                           \
  S(vaddss, LAdd, true, true, false)                                           \
  S(vaddus, LAdd, false, true, false)                                          \
  S(vsub, LSub, false, false, false)                                           \
  S(vsubss, LSub, true, true, false)                                           \
  S(vsubus, LSub, false, true, false)                                          \
  S(vabsdiffs, LAbsDiff, true, false, false)                                   \
  S(vabsdiffu, LAbsDiff, false, false, false)                                  \
  S(vavgs, LAvg, true, false, false)                                           \
  S(vavgu, LAvg, false, false, false)                                          \
  S(vhaddu, LHadd, false, false, false)                                        \
  S(vmaxs, LMax, true, false, false)                                           \
  S(vmaxu, LMax, false, false, false)                                          \
  S(vmins, LMin, true, false, false)                                           \
  S(vminu, LMin, false, false, false)                                          \
  S(vsads, LSad, true, false, false)                                           \
  S(vsadu, LSad, false, false, false)                                          \
  S(vcmpeq, LEq, false, false, true)                                           \
  S(vcmpne, LNe, false, false, true)                                           \
  S(vcmpges, LGe, true, false, true)                                           \
  S(vcmpgeu, LGe, false, false, true)                                          \
  S(vcmpgts, LGt, true, false, true)                                           \
  S(vcmpgtu, LGt, false, false, true)                                          \
  S(vcmples, LLe, true, false, true)                                           \
  S(vcmpleu, LLe, false, false, true)                                          \
  S(vcmplts, LLt, true, false, true)                                           \
  S(vcmpltu, LLt, false, false, true)                                          \
  S(vseteq, LEq, false, false, false)                                          \
  S(vsetne, LNe, false, false, false)                                          \
  S(vsetges, LGe, true, false, false)                                          \
  S(vsetgeu, LGe, false, false, false)                                         \
  S(vsetgts, LGt, true, false, false)                                          \
  S(vsetgtu, LGt, false, false, false)                                         \
  S(vsetles, LLe, true, false, false)                                          \
  S(vsetleu, LLe, false, false, false)                                         \
  S(vsetlts, LLt, true, false, false)                                          \
  S(vsetltu, LLt, false, false, false)

// Conversions: float/double to integers in four modes, to float from
// integers and double, and the bit casts.
#define CVT4(X, Base, Kind, DevArg, RefFn)                                     \
  X(Base##_rn, Kind, Base##_rn(DevArg), RefFn(RN))                             \
  X(Base##_rz, Kind, Base##_rz(DevArg), RefFn(RZ))                             \
  X(Base##_ru, Kind, Base##_ru(DevArg), RefFn(RU))                             \
  X(Base##_rd, Kind, Base##_rd(DevArg), RefFn(RD))
#define REF_I32(M) (u64)toInt(Arg, M, INT_MIN, INT_MAX) // sign-extended, as the device int
#define REF_U32(M) (unsigned)toInt(Arg, M, 0, UINT_MAX)
#define REF_I64(M) (u64)toInt(Arg, M, LLONG_MIN, LLONG_MAX)
#define REF_U64(M) toUInt64(Arg, M)
#define REF_D2F(M) FB(fromDoubleToFloat(Arg, M))
#define REF_I2F(M) FB(fromInt64ToFloat(I(x), M))
#define REF_U2F(M) FB(fromInt64ToFloat(U(x), M))
#define REF_LL2F(M) FB(fromInt64ToFloat(L(x), M))
#define REF_ULL2F(M) FB(fromUInt64ToFloat(x, M))
#define REF_LL2D(M) DB(fromInt64ToDouble(L(x), M))
#define REF_ULL2D(M) DB(fromUInt64ToDouble(x, M))

#define CVT_TESTS(X)                                                           \
  CVT4(X, __float2int, KF32, F(x), REF_I32)                                    \
  CVT4(X, __float2uint, KF32, F(x), REF_U32)                                   \
  CVT4(X, __float2ll, KF32, F(x), REF_I64)                                     \
  CVT4(X, __float2ull, KF32, F(x), REF_U64)                                    \
  CVT4(X, __double2int, KF64, D(x), REF_I32)                                   \
  CVT4(X, __double2uint, KF64, D(x), REF_U32)                                  \
  CVT4(X, __double2ll, KF64, D(x), REF_I64)                                    \
  CVT4(X, __double2ull, KF64, D(x), REF_U64)                                   \
  X(__double2float_rn, KF64, FB(__double2float_rn(D(x))), REF_D2F(RN))         \
  X(__double2float_rz, KF64, FB(__double2float_rz(D(x))), REF_D2F(RZ))         \
  X(__double2float_ru, KF64, FB(__double2float_ru(D(x))), REF_D2F(RU))         \
  X(__double2float_rd, KF64, FB(__double2float_rd(D(x))), REF_D2F(RD))         \
  X(__int2float_rn, KU32, FB(__int2float_rn(I(x))), REF_I2F(RN))               \
  X(__int2float_rz, KU32, FB(__int2float_rz(I(x))), REF_I2F(RZ))               \
  X(__int2float_ru, KU32, FB(__int2float_ru(I(x))), REF_I2F(RU))               \
  X(__int2float_rd, KU32, FB(__int2float_rd(I(x))), REF_I2F(RD))               \
  X(__uint2float_rn, KU32, FB(__uint2float_rn(U(x))), REF_U2F(RN))             \
  X(__uint2float_rz, KU32, FB(__uint2float_rz(U(x))), REF_U2F(RZ))             \
  X(__uint2float_ru, KU32, FB(__uint2float_ru(U(x))), REF_U2F(RU))             \
  X(__uint2float_rd, KU32, FB(__uint2float_rd(U(x))), REF_U2F(RD))             \
  X(__ll2float_rn, KU64, FB(__ll2float_rn(L(x))), REF_LL2F(RN))                \
  X(__ll2float_rz, KU64, FB(__ll2float_rz(L(x))), REF_LL2F(RZ))                \
  X(__ll2float_ru, KU64, FB(__ll2float_ru(L(x))), REF_LL2F(RU))                \
  X(__ll2float_rd, KU64, FB(__ll2float_rd(L(x))), REF_LL2F(RD))                \
  X(__ull2float_rn, KU64, FB(__ull2float_rn(x)), REF_ULL2F(RN))                \
  X(__ull2float_rz, KU64, FB(__ull2float_rz(x)), REF_ULL2F(RZ))                \
  X(__ull2float_ru, KU64, FB(__ull2float_ru(x)), REF_ULL2F(RU))                \
  X(__ull2float_rd, KU64, FB(__ull2float_rd(x)), REF_ULL2F(RD))                \
  X(__int2double_rn, KU32, DB(__int2double_rn(I(x))), DB((double)I(x)))        \
  X(__uint2double_rn, KU32, DB(__uint2double_rn(U(x))), DB((double)U(x)))      \
  X(__ll2double_rn, KU64, DB(__ll2double_rn(L(x))), REF_LL2D(RN))              \
  X(__ll2double_rz, KU64, DB(__ll2double_rz(L(x))), REF_LL2D(RZ))              \
  X(__ll2double_ru, KU64, DB(__ll2double_ru(L(x))), REF_LL2D(RU))              \
  X(__ll2double_rd, KU64, DB(__ll2double_rd(L(x))), REF_LL2D(RD))              \
  X(__ull2double_rn, KU64, DB(__ull2double_rn(x)), REF_ULL2D(RN))              \
  X(__ull2double_rz, KU64, DB(__ull2double_rz(x)), REF_ULL2D(RZ))              \
  X(__ull2double_ru, KU64, DB(__ull2double_ru(x)), REF_ULL2D(RU))              \
  X(__ull2double_rd, KU64, DB(__ull2double_rd(x)), REF_ULL2D(RD))              \
  X(__float_as_int, KF32, (unsigned)__float_as_int(F(x)), U(x))                \
  X(__float_as_uint, KF32, __float_as_uint(F(x)), U(x))                        \
  X(__int_as_float, KU32, FB(__int_as_float(I(x))), U(x))                      \
  X(__uint_as_float, KU32, FB(__uint_as_float(U(x))), U(x))                    \
  X(__double_as_longlong, KF64, (u64)__double_as_longlong(D(x)), x)           \
  X(__longlong_as_double, KU64, DB(__longlong_as_double(L(x))), x)            \
  X(__double2hiint, KF64, (unsigned)__double2hiint(D(x)), (unsigned)(x >> 32)) \
  X(__double2loint, KF64, (unsigned)__double2loint(D(x)), U(x))                \
  X(__hiloint2double, KU32, DB(__hiloint2double(I(x), I(y))),                  \
    ((u64)U(x) << 32) | U(y))

enum TestId {
#define X(Name, K, Dev, Ref) T_##Name,
  INT_TESTS(X) CVT_TESTS(X)
#undef X
#define S(Name, Op, Sg, Sat, Mask) T_##Name##2, T_##Name##4,
      SIMD_TESTS(S)
#undef S
          NumTests
};

__global__ void evaluate(int T, const u64 *Xs, const u64 *Ys, const u64 *Zs,
                         u64 *Rs, int N) {
  int K = blockIdx.x * blockDim.x + threadIdx.x;
  if (K >= N)
    return;
  u64 x = Xs[K], y = Ys[K], z = Zs[K], r = 0;
  (void)y, (void)z;
  switch (T) {
#define X(Name, Kd, Dev, Ref)                                                  \
  case T_##Name:                                                               \
    r = (u64)(Dev);                                                            \
    break;
    INT_TESTS(X)
    CVT_TESTS(X)
#undef X
#define S(Name, Op, Sg, Sat, Mask)                                             \
  case T_##Name##2:                                                            \
    r = __##Name##2 SIMD_ARGS_##Name;                                          \
    break;                                                                     \
  case T_##Name##4:                                                            \
    r = __##Name##4 SIMD_ARGS_##Name;                                          \
    break;
#define SIMD_ARGS_vabs (U(x))
#define SIMD_ARGS_vabsss (U(x))
#define SIMD_ARGS_vneg (U(x))
#define SIMD_ARGS_vnegss (U(x))
#define SIMD_BINARY (U(x), U(y))
#define SIMD_ARGS_vadd SIMD_BINARY
#define SIMD_ARGS_vaddss SIMD_BINARY
#define SIMD_ARGS_vaddus SIMD_BINARY
#define SIMD_ARGS_vsub SIMD_BINARY
#define SIMD_ARGS_vsubss SIMD_BINARY
#define SIMD_ARGS_vsubus SIMD_BINARY
#define SIMD_ARGS_vabsdiffs SIMD_BINARY
#define SIMD_ARGS_vabsdiffu SIMD_BINARY
#define SIMD_ARGS_vavgs SIMD_BINARY
#define SIMD_ARGS_vavgu SIMD_BINARY
#define SIMD_ARGS_vhaddu SIMD_BINARY
#define SIMD_ARGS_vmaxs SIMD_BINARY
#define SIMD_ARGS_vmaxu SIMD_BINARY
#define SIMD_ARGS_vmins SIMD_BINARY
#define SIMD_ARGS_vminu SIMD_BINARY
#define SIMD_ARGS_vsads SIMD_BINARY
#define SIMD_ARGS_vsadu SIMD_BINARY
#define SIMD_ARGS_vcmpeq SIMD_BINARY
#define SIMD_ARGS_vcmpne SIMD_BINARY
#define SIMD_ARGS_vcmpges SIMD_BINARY
#define SIMD_ARGS_vcmpgeu SIMD_BINARY
#define SIMD_ARGS_vcmpgts SIMD_BINARY
#define SIMD_ARGS_vcmpgtu SIMD_BINARY
#define SIMD_ARGS_vcmples SIMD_BINARY
#define SIMD_ARGS_vcmpleu SIMD_BINARY
#define SIMD_ARGS_vcmplts SIMD_BINARY
#define SIMD_ARGS_vcmpltu SIMD_BINARY
#define SIMD_ARGS_vseteq SIMD_BINARY
#define SIMD_ARGS_vsetne SIMD_BINARY
#define SIMD_ARGS_vsetges SIMD_BINARY
#define SIMD_ARGS_vsetgeu SIMD_BINARY
#define SIMD_ARGS_vsetgts SIMD_BINARY
#define SIMD_ARGS_vsetgtu SIMD_BINARY
#define SIMD_ARGS_vsetles SIMD_BINARY
#define SIMD_ARGS_vsetleu SIMD_BINARY
#define SIMD_ARGS_vsetlts SIMD_BINARY
#define SIMD_ARGS_vsetltu SIMD_BINARY
    SIMD_TESTS(S)
#undef S
  }
  Rs[K] = r;
}

// --- Inputs ------------------------------------------------------------------------

struct Rng {
  u64 S = 0x2545f4914f6cdd1dull;
  u64 next() {
    S ^= S >> 12;
    S ^= S << 25;
    S ^= S >> 27;
    return S * 0x2545f4914f6cdd1dull;
  }
};

static u64 fbits(float V) { return FB(V); }
static u64 dbits(double V) { return DB(V); }

static std::vector<u64> edgeValues(Kind K) {
  std::vector<u64> V;
  switch (K) {
  case KU32:
  case KShift:
  case KLanes:
    V = {0, 1, 2, 0x7fffffff, 0x80000000u, 0xffffffffu, 0xfffffffeu, 0x80000001u,
         0x00ff00ffu, 0x7f7f7f7fu, 0x80808080u, 0x7fff7fffu, 0x80008000u,
         0x01010101u, 0xfefefefeu, 0x00800080u, 0xffff0000u, 0x0000ffffu,
         0x00ffffffu, 0x00800000u, 0xff800000u};
    break;
  case KU64:
    V = {0, 1, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, 0xffffffffull,
         0x100000000ull, 0x0020000000000001ull, 0x0020000000000003ull,
         0xfffffffffffff800ull, 0xfffffffffffffc00ull, 0x8000008000000001ull,
         (u64)-3, (u64)(i64)-1000000000000ll, 0x1000001ull, 0x1000003ull};
    break;
  case KF32: {
    float F32[] = {0.0f, -0.0f, 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f,
                   2147483520.0f, 2147483648.0f, -2147483648.0f, -2147483904.0f,
                   4294967040.0f, 4294967296.0f, 9.2233715e18f, 9.223372e18f,
                   -9.223372e18f, 1.8446743e19f, 1.8446744e19f, 1e30f, -1e30f,
                   1e-40f, -1e-40f, INFINITY, -INFINITY, NAN, 16777217.0f, -0.75f};
    for (float F : F32)
      V.push_back(fbits(F));
    break;
  }
  case KF64: {
    double F64[] = {0.0, -0.0, 0.5, -0.5, 1.5, -2.5, 0.49999999999999994,
                    2147483647.0, 2147483647.5, 2147483648.0, -2147483648.5,
                    -2147483649.0, 4294967295.5, 4294967296.0, 9223372036854774784.0,
                    9223372036854775808.0, -9223372036854775808.0,
                    -9223372036854777856.0, 18446744073709549568.0,
                    18446744073709551616.0, 1e300, -1e300, 1e-310, -1e-310,
                    3.4028235677973366e38, 3.4028235677973362e38, 1.4e-45, 7e-46,
                    1.1754942e-38, INFINITY, -INFINITY, NAN, 0.1, 16777217.0,
                    16777217.5};
    for (double D : F64)
      V.push_back(dbits(D));
    break;
  }
  }
  return V;
}

static u64 randomOperand(Kind K, Rng &R) {
  u64 W = R.next();
  switch (K) {
  case KU32:
  case KLanes:
    return (unsigned)W;
  case KShift:
    return (unsigned)W;
  case KU64:
    return (W & 3) == 0 ? (W >> (W % 64)) : W;
  case KF32: {
    int Pick = (int)(W % 4);
    if (Pick == 0)
      return (unsigned)(W >> 32);
    float F = (float)((double)(i64)(R.next() >> (R.next() % 64)) /
                      (double)(1ull << (R.next() % 8)));
    if (Pick == 1)
      F = (float)(int)F + 0.5f;
    return fbits(Pick == 3 && (W & 16) ? -F : F);
  }
  case KF64: {
    int Pick = (int)(W % 4);
    if (Pick == 0)
      return R.next();
    double D = (double)(i64)(R.next() >> (R.next() % 64)) /
               (double)(1ull << (R.next() % 12));
    if (Pick == 1)
      D = std::floor(D) + 0.5;
    return dbits(Pick == 3 && (W & 16) ? -D : D);
  }
  }
  return W;
}

static long runTest(int T, const char *Name, Kind K, u64 (*Ref)(u64, u64, u64)) {
  Rng R;
  R.S += (u64)T * 0x9e3779b97f4a7c15ull;
  std::vector<u64> X, Y, Z;
  std::vector<u64> Edge = edgeValues(K);
  for (u64 A : Edge)
    for (u64 B : Edge) {
      X.push_back(A);
      Y.push_back(B);
      Z.push_back(Edge[(A * 31 + B) % Edge.size()]);
    }
  while (X.size() < 6000) {
    X.push_back(randomOperand(K, R));
    Y.push_back(randomOperand(K, R));
    Z.push_back(K == KShift ? R.next() % 70 : randomOperand(K, R));
  }
  int N = (int)X.size();
  size_t Bytes = N * sizeof(u64);
  u64 *DX, *DY, *DZ, *DR;
  CUDA_CHECK(cudaMalloc(&DX, Bytes));
  CUDA_CHECK(cudaMalloc(&DY, Bytes));
  CUDA_CHECK(cudaMalloc(&DZ, Bytes));
  CUDA_CHECK(cudaMalloc(&DR, Bytes));
  CUDA_CHECK(cudaMemcpy(DX, X.data(), Bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(DY, Y.data(), Bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(DZ, Z.data(), Bytes, cudaMemcpyHostToDevice));
  evaluate<<<(N + 255) / 256, 256>>>(T, DX, DY, DZ, DR, N);
  CUDA_CHECK(cudaGetLastError());
  std::vector<u64> Got(N);
  CUDA_CHECK(cudaMemcpy(Got.data(), DR, Bytes, cudaMemcpyDeviceToHost));
  for (u64 *P : {DX, DY, DZ, DR})
    CUDA_CHECK(cudaFree(P));
  long Bad = 0;
  for (int I = 0; I < N; ++I) {
    u64 Want = Ref(X[I], Y[I], Z[I]);
    if (Got[I] != Want) {
      if (Bad < 3)
        printf("FAIL: %s(0x%llx, 0x%llx, 0x%llx) = 0x%llx, want 0x%llx\n", Name,
               X[I], Y[I], Z[I], Got[I], Want);
      ++Bad;
    }
  }
  if (Bad)
    printf("FAIL: %s: %ld of %d wrong\n", Name, Bad, N);
  return Bad;
}

// One reference function per test.
#define X(Name, K, Dev, Ref)                                                   \
  static u64 ref_##Name(u64 x, u64 y, u64 z) {                                 \
    double Arg = K == KF32 ? (double)F(x) : D(x);                              \
    (void)Arg, (void)y, (void)z;                                               \
    return (u64)(Ref);                                                         \
  }
INT_TESTS(X)
CVT_TESTS(X)
#undef X
#define S(Name, Op, Sg, Sat, Mask)                                             \
  static u64 ref_##Name##2(u64 x, u64 y, u64) {                                \
    return refSimd(Op, Sg, Sat, Mask, 16, U(x), U(y));                         \
  }                                                                            \
  static u64 ref_##Name##4(u64 x, u64 y, u64) {                                \
    return refSimd(Op, Sg, Sat, Mask, 8, U(x), U(y));                          \
  }
SIMD_TESTS(S)
#undef S

// Every row of DeviceIntrinsics.def is checked here or, for the arithmetic
// with a rounding mode, in math_rounding.cu.
static bool covered(const char *Name, const std::vector<std::string> &Tested) {
  std::string N = Name;
  static const char *RoundingFamilies[] = {"__fadd_", "__fsub_", "__fmul_",
                                           "__fdiv_", "__fmaf_", "__frcp_",
                                           "__fsqrt_", "__frsqrt_", "__dadd_",
                                           "__dsub_", "__dmul_", "__ddiv_",
                                           "__fma_", "__drcp_", "__dsqrt_"};
  for (const char *F : RoundingFamilies)
    if (N.rfind(F, 0) == 0)
      return true; // math_rounding.cu checks all four modes of each
  for (const std::string &T : Tested)
    if (T == N || T == N + "_s" || T == N + "_u")
      return true;
  printf("FAIL: %s is in DeviceIntrinsics.def but not checked\n", Name);
  return false;
}

int main() {
  long Bad = 0;
  int Count = 0;
  std::vector<std::string> Tested;
#define X(Name, K, Dev, Ref) Tested.push_back(#Name);
  INT_TESTS(X)
  CVT_TESTS(X)
#undef X
#define S(Name, Op, Sg, Sat, Mask)                                             \
  Tested.push_back("__" #Name "2");                                            \
  Tested.push_back("__" #Name "4");
  SIMD_TESTS(S)
#undef S
#define CUPORT_INTRINSIC(Name, Sig, Impl, Sym, Note) Bad += !covered(#Name, Tested);
#include <cuport/DeviceIntrinsics.def>
#define X(Name, K, Dev, Ref)                                                   \
  Bad += runTest(T_##Name, #Name, K, ref_##Name);                              \
  ++Count;
  INT_TESTS(X)
  CVT_TESTS(X)
#undef X
#define S(Name, Op, Sg, Sat, Mask)                                             \
  Bad += runTest(T_##Name##2, "__" #Name "2", KLanes, ref_##Name##2);          \
  Bad += runTest(T_##Name##4, "__" #Name "4", KLanes, ref_##Name##4);          \
  Count += 2;
  SIMD_TESTS(S)
#undef S
  printf("%d intrinsics checked\n", Count);
  printf(Bad ? "FAIL\n" : "PASSED\n");
  return Bad ? 1 : 0;
}
