// The integer device intrinsics ROCm 5.2's HIP lacks (HipCompatInteger.def):
// the SIMD intrinsics, every __dp4a / __dp2a overload and umin ... ullmax
// call helpers of the generated cuport_hip_compat.h, with a note and never a
// warning. A name a macro forms by token pasting has no token to rename: it
// is mapped by a #define after the include, once per name, with a note at
// the macro use. A user's own function of such a name is left alone.
// hip-compat-integer.test compiles the output with hipcc and checks the
// helpers' results.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %cuport-translate %s -- 2> %t/err.txt | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=DIAG %s < %t/err.txt
// DIAG-NOT: warning:

#include <cuda_runtime.h>
// CHECK: #include "cuport_hip_compat.h"
// CHECK-NEXT: #define __vaddss2 cuport_vaddss2
// CHECK-NEXT: #define __vaddss4 cuport_vaddss4
// CHECK-NEXT: #define __vsetgtu4 cuport_vsetgtu4
// CHECK-NEXT: #include <hip/hip_runtime.h>
#define SIMD(Op, Lanes, A, B) __v##Op##Lanes(A, B)
#define TWICE(X) X

namespace user {
__device__ unsigned __vadd2(unsigned A, unsigned B) { return A + B; }
}

__global__ void kernel(unsigned *U, int *I, unsigned long long *Ull, long long *Ll) {
  U[0] = __vadd2(U[1], U[2]);
  // CHECK: U[0] = cuport_vadd2(U[1], U[2]);
  // DIAG: hip-compat-integer.cu:[[@LINE-2]]:10: note: '__vadd2' has no HIP equivalent in ROCm 5.2; 'cuport_vadd2' computes the same: per-halfword sum (wrapping), lane by lane
  U[0] = __vabsss4(U[1]);
  // CHECK: U[0] = cuport_vabsss4(U[1]);
  U[0] = __vsads2(U[1], U[2]) + __vcmpltu4(U[1], U[2]);
  // CHECK: U[0] = cuport_vsads2(U[1], U[2]) + cuport_vcmpltu4(U[1], U[2]);
  U[0] = TWICE(__vavgs2(U[1], U[2]));
  // CHECK: U[0] = TWICE(cuport_vavgs2(U[1], U[2]));
  U[0] = SIMD(addss, 2, U[1], U[2]) + SIMD(addss, 4, U[1], U[2]);
  // CHECK: U[0] = SIMD(addss, 2, U[1], U[2]) + SIMD(addss, 4, U[1], U[2]);
  // DIAG: hip-compat-integer.cu:[[@LINE-2]]:10: note: '__vaddss2' has no HIP equivalent in ROCm 5.2 and this macro forms its name by token pasting; '#define __vaddss2 cuport_vaddss2' at the top of the file makes it 'cuport_vaddss2', which computes the same: per-halfword sum, signed saturated, lane by lane
  // DIAG: hip-compat-integer.cu:[[@LINE-3]]:39: note: '__vaddss4' has no HIP equivalent in ROCm 5.2 and this macro forms its name by token pasting;
  U[0] = SIMD(setgtu, 4, U[1], U[2]) + SIMD(addss, 2, U[2], U[1]);
  // CHECK: U[0] = SIMD(setgtu, 4, U[1], U[2]) + SIMD(addss, 2, U[2], U[1]);
  I[0] = __dp4a(I[1], I[2], I[3]);
  // CHECK: I[0] = cuport_dp4a(I[1], I[2], I[3]);
  // DIAG: hip-compat-integer.cu:[[@LINE-2]]:10: note: '__dp4a' has no HIP equivalent in ROCm 5.2; 'cuport_dp4a' computes the same: the four byte products (signed for int and char4, unsigned for unsigned and uchar4) added to c, modulo 2^32
  U[0] = __dp4a(U[1], U[2], U[3]) + __dp2a_hi(U[1], U[2], U[3]);
  // CHECK: U[0] = cuport_dp4a(U[1], U[2], U[3]) + cuport_dp2a_hi(U[1], U[2], U[3]);
  I[0] = __dp2a_lo(I[1], I[2], I[3]) + __dp2a_hi(I[1], I[2], I[3]);
  // CHECK: I[0] = cuport_dp2a_lo(I[1], I[2], I[3]) + cuport_dp2a_hi(I[1], I[2], I[3]);
  U[0] = umin(U[1], U[2]) + umax(U[1], U[2]);
  // CHECK: U[0] = cuport_umin(U[1], U[2]) + cuport_umax(U[1], U[2]);
  Ll[0] = llmin(Ll[1], Ll[2]) + llmax(Ll[1], Ll[2]);
  // CHECK: Ll[0] = cuport_llmin(Ll[1], Ll[2]) + cuport_llmax(Ll[1], Ll[2]);
  Ull[0] = ullmin(Ull[1], Ull[2]) + ullmax(Ull[1], Ull[2]);
  // CHECK: Ull[0] = cuport_ullmin(Ull[1], Ull[2]) + cuport_ullmax(Ull[1], Ull[2]);
  U[0] = user::__vadd2(U[1], U[2]);
  // CHECK: U[0] = user::__vadd2(U[1], U[2]);
}
