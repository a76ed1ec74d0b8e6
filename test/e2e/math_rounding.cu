// RUN: %cuport-cc -O2 %s %S/Inputs/rounding_reference.cpp -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK-NOT: FAIL
// CHECK: PASSED
//
// CUDA's arithmetic with an explicit rounding mode (__fadd_rz, __dmul_ru,
// __fsqrt_rd, __fma_rz, __frcp_ru, __frsqrt_rn, ...), every function in
// all four modes, compared bit for bit with the host FPU running in the
// same mode (fesetround; Inputs/rounding_reference.cpp). Inputs: the
// special values against each other (zeros of both signs, subnormals,
// infinities, NaN, the largest finite), random bit patterns, sums that
// land exactly on or next to a tie, products and quotients at the overflow
// and underflow thresholds, fma with cancelling addends, exact zero sums
// (which round to -0 downwards), perfect squares.
#include <cuda_runtime.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

#include "Inputs/rounding_reference.h"

using roundref::Mode;
using roundref::Op;

#define CUDA_CHECK(call)                                                       \
  do {                                                                         \
    cudaError_t Err_ = (call);                                                 \
    if (Err_ != cudaSuccess) {                                                 \
      printf("FAIL: CUDA error %s at %s:%d: %s\n", cudaGetErrorName(Err_),     \
             __FILE__, __LINE__, #call);                                       \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

// Operation ids: the roundref::Op values plus the ones without a separate
// reference operation.
enum { FmaIeee = 7, Rsqrt = 8, NumOps = 9 };

#define CASES4(OpId, Base, Args)                                               \
  case OpId * 4 + 0:                                                           \
    return Base##_rn Args;                                                     \
  case OpId * 4 + 1:                                                           \
    return Base##_rz Args;                                                     \
  case OpId * 4 + 2:                                                           \
    return Base##_ru Args;                                                     \
  case OpId * 4 + 3:                                                           \
    return Base##_rd Args;

__device__ float floatOp(int Op_, int M, float a, float b, float c) {
  switch (Op_ * 4 + M) {
    CASES4(0, __fadd, (a, b))
    CASES4(1, __fsub, (a, b))
    CASES4(2, __fmul, (a, b))
    CASES4(3, __fdiv, (a, b))
    CASES4(4, __fmaf, (a, b, c))
    CASES4(5, __frcp, (a))
    CASES4(6, __fsqrt, (a))
    CASES4(7, __fmaf_ieee, (a, b, c))
  case Rsqrt * 4 + 0:
    return __frsqrt_rn(a);
  }
  return 0;
}

__device__ double doubleOp(int Op_, int M, double a, double b, double c) {
  switch (Op_ * 4 + M) {
    CASES4(0, __dadd, (a, b))
    CASES4(1, __dsub, (a, b))
    CASES4(2, __dmul, (a, b))
    CASES4(3, __ddiv, (a, b))
    CASES4(4, __fma, (a, b, c))
    CASES4(5, __drcp, (a))
    CASES4(6, __dsqrt, (a))
  }
  return 0;
}

__global__ void floatKernel(int Op_, int M, const float *A, const float *B,
                            const float *C, float *R, int N) {
  int I = blockIdx.x * blockDim.x + threadIdx.x;
  if (I < N)
    R[I] = floatOp(Op_, M, A[I], B[I], C[I]);
}
__global__ void doubleKernel(int Op_, int M, const double *A, const double *B,
                             const double *C, double *R, int N) {
  int I = blockIdx.x * blockDim.x + threadIdx.x;
  if (I < N)
    R[I] = doubleOp(Op_, M, A[I], B[I], C[I]);
}

// CUDA never merges __fadd_rn/__fmul_rn (or the _rn double ones) into an
// fma, whatever --fmad says: a*b rounded, then added and rounded again.
__global__ void noContraction(const float *F, const double *D, float *RF,
                              double *RD) {
  RF[0] = __fadd_rn(__fmul_rn(F[0], F[1]), F[2]);
  RF[1] = __fadd_rn(F[0] * F[1], F[2]);
  RF[2] = __fsub_rn(__fmul_rn(F[0], F[1]), -F[2]);
  RD[0] = __dadd_rn(__dmul_rn(D[0], D[1]), D[2]);
  RD[1] = __dadd_rn(D[0] * D[1], D[2]);
}

static long checkNoContraction() {
  // (1 + 2^-23)(1 + 2^-22) - 1: 3*2^-23 once the product is rounded,
  // 3*2^-23 + 2^-45 fused. Likewise in double with 2^-52 and 2^-51.
  float F[3] = {1 + 0x1p-23f, 1 + 0x1p-22f, -1};
  double D[3] = {1 + 0x1p-52, 1 + 0x1p-51, -1};
  float *DF, *DRF;
  double *DD, *DRD;
  CUDA_CHECK(cudaMalloc(&DF, sizeof F));
  CUDA_CHECK(cudaMalloc(&DD, sizeof D));
  CUDA_CHECK(cudaMalloc(&DRF, 3 * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&DRD, 2 * sizeof(double)));
  CUDA_CHECK(cudaMemcpy(DF, F, sizeof F, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(DD, D, sizeof D, cudaMemcpyHostToDevice));
  noContraction<<<1, 1>>>(DF, DD, DRF, DRD);
  float RF[3];
  double RD[2];
  CUDA_CHECK(cudaMemcpy(RF, DRF, sizeof RF, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaMemcpy(RD, DRD, sizeof RD, cudaMemcpyDeviceToHost));
  long Bad = 0;
  for (int I = 0; I < 3; ++I)
    if (RF[I] != 0x3p-23f) {
      printf("FAIL: float product-sum %d = %a, want 0x1.8p-22 (not fused)\n", I, RF[I]);
      ++Bad;
    }
  for (int I = 0; I < 2; ++I)
    if (RD[I] != 0x3p-52) {
      printf("FAIL: double product-sum %d = %a, want 0x1.8p-51 (not fused)\n", I, RD[I]);
      ++Bad;
    }
  for (void *P : {(void *)DF, (void *)DD, (void *)DRF, (void *)DRD})
    CUDA_CHECK(cudaFree(P));
  return Bad;
}

// --- Inputs ------------------------------------------------------------------

struct Rng {
  uint64_t S = 0x9e3779b97f4a7c15ull;
  uint64_t next() {
    S ^= S << 13;
    S ^= S >> 7;
    S ^= S << 17;
    return S;
  }
  double unit() { return (double)(next() >> 11) * 0x1p-53; }
  int irange(int Lo, int Hi) { return Lo + (int)(next() % (uint64_t)(Hi - Lo + 1)); }
};

template <class T> T fromBits(uint64_t U) {
  T V;
  if (sizeof(T) == 4) {
    uint32_t W = (uint32_t)U;
    memcpy(&V, &W, 4);
  } else {
    memcpy(&V, &U, 8);
  }
  return V;
}

template <class T> std::vector<T> specials() {
  typedef std::numeric_limits<T> L;
  std::vector<T> S = {(T)0, L::denorm_min(), L::min(), L::min() - L::denorm_min(),
                      (T)1, (T)1 + L::epsilon(), (T)1 - L::epsilon() / 2, (T)2,
                      (T)3, (T)0.1, L::max(), L::infinity(), (T)1.5, (T)4,
                      (T)9, L::max() / 2};
  size_t N = S.size();
  for (size_t I = 0; I < N; ++I)
    S.push_back(-S[I]);
  S.push_back(L::quiet_NaN());
  return S;
}

template <class T> T randomFinite(Rng &R) {
  for (;;) {
    T V = fromBits<T>(R.next());
    if (std::isfinite(V))
      return V;
  }
}

// Operand triples for one operation.
template <class T>
static void makeInputs(int Op_, Rng &R, std::vector<T> &A, std::vector<T> &B,
                       std::vector<T> &C) {
  typedef std::numeric_limits<T> L;
  const int P = L::digits;
  std::vector<T> S = specials<T>();
  for (T X : S)
    for (T Y : S) {
      A.push_back(X);
      B.push_back(Y);
      C.push_back(S[R.irange(0, (int)S.size() - 1)]);
    }
  while (A.size() < 8000) {
    int Pick = R.irange(0, 9);
    T X = randomFinite<T>(R), Y = randomFinite<T>(R), Z = randomFinite<T>(R);
    if (Pick < 3) {
      X = (T)ldexp(1 + R.unit(), R.irange(-30, 30));
      Y = (T)ldexp(1 + R.unit(), R.irange(-30, 30));
      Z = (T)ldexp(1 + R.unit(), R.irange(-30, 30));
    } else if (Pick < 5) {
      // Sums on and next to ties: Y is X's half-ulp (times 1, or 1 +- ulp).
      X = (T)ldexp((double)(1 + R.irange(0, 1 << 20)) / (1 << 20) + 1, R.irange(-20, 20));
      Y = (T)ldexp(1.0, std::ilogb(X) - P) * (T)(R.irange(0, 2) == 0 ? 1 : 1 + R.irange(-1, 1) * ldexp(1.0, 1 - P));
      if (R.next() & 1)
        Y = -Y;
      Z = -X * Y;
    } else if (Pick < 6) {
      // Products and quotients at the overflow threshold.
      X = (T)ldexp(1 + R.unit(), L::max_exponent / 2);
      Y = (T)ldexp(1 + R.unit(), L::max_exponent / 2 - 1);
      Z = -X * Y * (T)(1 - ldexp(1.0, -P));
    } else if (Pick < 7) {
      // ... and at the underflow threshold (subnormal results).
      X = (T)ldexp(1 + R.unit(), L::min_exponent / 2 - R.irange(0, P));
      Y = (T)ldexp(1 + R.unit(), L::min_exponent / 2);
      Z = (T)ldexp(1 + R.unit(), L::min_exponent - R.irange(0, P));
      if (R.next() & 1)
        Z = -Z;
    } else if (Pick < 8) {
      // fma with cancelling addends; sums that cancel to exact zero.
      Z = -(T)((long double)X * Y);
      if (Op_ == roundref::Add)
        Y = -X;
      if (Op_ == roundref::Sub)
        Y = X;
    } else if (Pick < 9) {
      // Perfect squares and their neighbours, for sqrt and rsqrt.
      T Root = (T)R.irange(1, 1 << 11);
      X = Root * Root * (T)ldexp(1.0, 2 * R.irange(-20, 20));
      if (R.next() & 1)
        X = std::nextafter(X, (T)INFINITY);
    }
    A.push_back(X);
    B.push_back(Y);
    C.push_back(Z);
  }
}

// --- Checking ----------------------------------------------------------------

template <class T> static bool sameBits(T X, T Y) {
  if (X != X && Y != Y)
    return true; // any NaN
  return memcmp(&X, &Y, sizeof(T)) == 0;
}

static const char *OpNames[NumOps] = {"add", "sub", "mul", "div", "fma",
                                      "rcp", "sqrt", "fma_ieee", "rsqrt"};
static const char *ModeNames[4] = {"rn", "rz", "ru", "rd"};

template <class T>
static long runOne(int Op_, int M, const char *Prefix) {
  Rng R;
  R.S += (uint64_t)(Op_ * 4 + M) * 0x1234567ull + sizeof(T);
  std::vector<T> A, B, C;
  makeInputs<T>(Op_, R, A, B, C);
  int N = (int)A.size();
  size_t Bytes = N * sizeof(T);
  T *DA, *DB, *DC, *DR;
  CUDA_CHECK(cudaMalloc(&DA, Bytes));
  CUDA_CHECK(cudaMalloc(&DB, Bytes));
  CUDA_CHECK(cudaMalloc(&DC, Bytes));
  CUDA_CHECK(cudaMalloc(&DR, Bytes));
  CUDA_CHECK(cudaMemcpy(DA, A.data(), Bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(DB, B.data(), Bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(DC, C.data(), Bytes, cudaMemcpyHostToDevice));
  if (sizeof(T) == 4)
    floatKernel<<<(N + 255) / 256, 256>>>(Op_, M, (float *)DA, (float *)DB,
                                          (float *)DC, (float *)DR, N);
  else
    doubleKernel<<<(N + 255) / 256, 256>>>(Op_, M, (double *)DA, (double *)DB,
                                           (double *)DC, (double *)DR, N);
  CUDA_CHECK(cudaGetLastError());
  std::vector<T> Got(N);
  CUDA_CHECK(cudaMemcpy(Got.data(), DR, Bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(DA));
  CUDA_CHECK(cudaFree(DB));
  CUDA_CHECK(cudaFree(DC));
  CUDA_CHECK(cudaFree(DR));

  long Bad = 0;
  for (int I = 0; I < N; ++I) {
    T Want;
    Op RefOp = (Op)(Op_ == FmaIeee ? roundref::Fma : Op_);
    if (Op_ == Rsqrt)
      Want = (T)roundref::rsqrtFloat((float)A[I]);
    else if (sizeof(T) == 4)
      Want = (T)roundref::opFloat(RefOp, (Mode)M, (float)A[I], (float)B[I], (float)C[I]);
    else
      Want = (T)roundref::opDouble(RefOp, (Mode)M, A[I], B[I], C[I]);
    if (!sameBits(Got[I], Want)) {
      if (Bad < 4)
        printf("FAIL: %s%s_%s(%a, %a, %a) = %a, want %a\n", Prefix, OpNames[Op_],
               ModeNames[M], (double)A[I], (double)B[I], (double)C[I],
               (double)Got[I], (double)Want);
      ++Bad;
    }
  }
  printf("%-4s%-9s_%s %6d inputs %6ld wrong\n", Prefix, OpNames[Op_], ModeNames[M], N,
         Bad);
  return Bad;
}

int main() {
  long Bad = checkNoContraction();
  for (int O = 0; O < FmaIeee + 1; ++O)
    for (int M = 0; M < 4; ++M)
      Bad += runOne<float>(O, M, "__f");
  Bad += runOne<float>(Rsqrt, 0, "__f");
  for (int O = 0; O < FmaIeee; ++O)
    for (int M = 0; M < 4; ++M)
      Bad += runOne<double>(O, M, "__d");
  printf(Bad ? "FAIL\n" : "PASSED\n");
  return Bad ? 1 : 0;
}
