// CUDA's math headers by their nvcc names, included before cuda_runtime.h
// and after <cmath> (the order real programs use), in both compile passes;
// the overloads CUDA offers resolve to the types nvcc gives them, on the
// device and on the host; CUDART_* constants are constant expressions.
// RUN: %cuport-cc -fatbin %s -o %t.fatbin
// RUN: %cuport-cc -c %s -o %t.o
// RUN: cuport-fatbin --extract=spirv -o %t.spv %t.fatbin
// RUN: %spirv-dis %t.spv | %FileCheck %s
#include <cmath>
#include <algorithm>
#include <math_functions.h>
#include <math_constants.h>
#include <crt/math_functions.h>
#include <device_functions.h>
#include <device_double_functions.h>
#include <sm_20_intrinsics.h>
#include <sm_61_intrinsics.h>

using namespace std; // common in CUDA code; must not make calls ambiguous

#define SAME(T, E) static_assert(__is_same(T, decltype(E)), #E)

__device__ void deviceTypes(float F, double D, int I, unsigned U, long long L) {
  SAME(float, sin(F));          // C++ float overloads
  SAME(float, std::sin(F));
  SAME(double, sin(D));
  SAME(double, sin(I));         // integers compute in double
  SAME(float, pow(F, 2));       // CUDA's pow(float, int)
  SAME(double, pow(F, D));      // mixed: the wider type
  SAME(float, fmaf(F, F, F));
  SAME(float, abs(F));
  SAME(int, abs(I));
  SAME(int, min(I, I));         // CUDA's integer min/max
  SAME(unsigned, min(I, U));    // mixed signedness: unsigned
  SAME(long long, max(L, L));
  SAME(float, max(F, F));
  SAME(double, min(F, D));
  SAME(float, rsqrtf(F));       // CUDA-only names
  SAME(float, rsqrt(F));
  SAME(float, erfinv(F));
  SAME(bool, isnan(F));
  SAME(int, __float2int_rd(F));
  SAME(float, __fadd_rz(F, F));
  SAME(int, __popc(U));
}

void hostTypes(float F, int I, unsigned U) {
  SAME(float, std::sin(F));     // the host keeps the C++ library
  SAME(int, min(I, I));         // CUDA's min/max are __host__ __device__ too
  SAME(unsigned, max(U, I));
  SAME(const int &, std::min(I, I)); // std::min from <algorithm> still works
}

static_assert(CUDART_PI_F > 3.14159f && CUDART_PI_F < 3.1416f, "CUDART_PI_F");
static_assert(CUDART_PI_HI + CUDART_PI_LO == CUDART_PI, "hi + lo rounds to pi");
static_assert(CUDART_INF_F > CUDART_MAX_NORMAL_F, "CUDART_INF_F");
static_assert(CUDART_NAN != CUDART_NAN, "CUDART_NAN");

// CHECK: OpEntryPoint Kernel %{{.*}} "_Z6kernelPfPd"
// CHECK-DAG: OpExtInst %float %{{[0-9]+}} sin
// CHECK-DAG: OpExtInst %double %{{[0-9]+}} sqrt
__global__ void kernel(float *F, double *D) {
  F[0] = sin(F[1]) * CUDART_PI_F + min(F[2], F[3]);
  D[0] = std::sqrt(D[1]) + CUDART_SQRT_2PI;
}
