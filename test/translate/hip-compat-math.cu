// Directed rounding and bfloat16 (HipCompatMath.def): calls ROCm 5.2 cannot
// compile become exact helpers of the generated cuport_hip_compat.h, with a
// note; __hadd and friends are dispatched on the argument's type, so a
// __half call stays HIP's own; a user's own function of the same name is
// left alone.
// RUN: %cuport-translate %s -- 2> %t.err | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=DIAG %s < %t.err
// DIAG-NOT: warning:

#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cuda_bf16.h>
// CHECK: #include "cuport_hip_compat.h"
// CHECK-NEXT: #include <hip/hip_runtime.h>
// CHECK-NEXT: #include <hip/hip_fp16.h>
// CHECK-NEXT: #include <hip/hip_bfloat16.h>

namespace user {
__device__ float __fadd_rz(float a, float b) { return a - b; }
}

__global__ void kernel(float *f, double *d, __half *h, __nv_bfloat16 *b, unsigned short *u) {
  // CHECK: __global__ void kernel(float *f, double *d, __half *h, hip_bfloat16 *b, unsigned short *u) {
  f[0] = __fadd_rz(f[1], f[2]);
  // CHECK: f[0] = cuport_fadd_rz(f[1], f[2]);
  // DIAG: hip-compat-math.cu:[[@LINE-2]]:10: note: '__fadd_rz' has no HIP equivalent in ROCm 5.2; 'cuport_fadd_rz' computes the same: the float sum rounded to nearest in double
  d[0] = __dsqrt_rd(d[1]) + __fma_ru(d[1], d[2], d[3]);
  // CHECK: d[0] = cuport_dsqrt_rd(d[1]) + cuport_fma_ru(d[1], d[2], d[3]);
  f[3] = __fmaf_ieee_rz(f[1], f[2], f[3]);
  // CHECK: f[3] = cuport_fmaf_rz(f[1], f[2], f[3]);
  h[0] = __hadd(h[1], h[2]);
  // CHECK: h[0] = __hadd(h[1], h[2]);
  b[0] = __hadd(b[1], b[2]);
  // CHECK: b[0] = cuport_hadd(b[1], b[2]);
  // DIAG: hip-compat-math.cu:[[@LINE-2]]:10: note: '__hadd' on '__nv_bfloat16' has no HIP equivalent in ROCm 5.2; 'cuport_hadd'
  __nv_bfloat16 x = __ushort_as_bfloat16(u[0]);
  // CHECK: hip_bfloat16 x = cuport_ushort_as_bfloat16(u[0]);
  u[1] = __bfloat16_as_ushort(__hdiv(x, __float2bfloat16_rn(f[0])));
  // CHECK: u[1] = cuport_bfloat16_as_ushort(cuport_hdiv(x, cuport_float2bfloat16_rn(f[0])));
  f[4] = user::__fadd_rz(f[1], f[2]);
  // CHECK: f[4] = user::__fadd_rz(f[1], f[2]);
}
