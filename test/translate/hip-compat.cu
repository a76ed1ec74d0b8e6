// Device calls ROCm 5.2's HIP has no spelling for but HIP code can compute
// exactly (HipCompat.def): the call is rewritten, with a note saying what
// took its place, and never a warning. Atomics on an operand type HIP lacks
// call a helper of the generated cuport_hip_compat.h, which the file then
// includes; _block atomics become HIP's device-scoped ones (also through a
// macro's argument and the lexer pass inside a macro body); a _block atomic
// on such an operand type takes the helper. Operand types HIP has, and a
// user's own function of the same name, are left alone.
// RUN: %cuport-translate %s -- 2> %t.err | FileCheck --match-full-lines %s
// RUN: FileCheck --check-prefix=DIAG %s < %t.err
// DIAG-NOT: warning:

#include <cuda_runtime.h>
#include <cuda_fp16.h>
#define ADD_BLOCK(p, v) atomicAdd_block(p, v)
#define OR_BLOCK_INSIDE(p) (void)atomicOr_block(p, 1u)
#define APPLY(x) x
// CHECK: #include "cuport_hip_compat.h"
// CHECK-NEXT: #include <hip/hip_runtime.h>
// CHECK: #define ADD_BLOCK(p, v) atomicAdd(p, v)
// CHECK-NEXT: #define OR_BLOCK_INSIDE(p) (void)atomicOr(p, 1u)

namespace user {
__device__ int atomicAdd_block(int *p, int v) { return *p += v; }
}

__global__ void kernel(long long *ll, unsigned long long *ull, int *i, unsigned *u, __half *h,
                       __half2 *h2) {
  atomicMin(ll, -1ll);
  // CHECK: cuport_atomicMin(ll, -1ll);
  // DIAG: hip-compat.cu:[[@LINE-2]]:3: note: 'atomicMin' on 'long long' has no HIP equivalent in ROCm 5.2; 'cuport_atomicMin' from the generated cuport_hip_compat.h computes the same: the signed 64-bit atomic min of Clang's __hip_atomic_fetch_min
  atomicMax(ll, 7ll);
  // CHECK: cuport_atomicMax(ll, 7ll);
  atomicMin(ull, 1ull);
  // CHECK: atomicMin(ull, 1ull);
  atomicAdd(h, __float2half(1.0f));
  // CHECK: cuport_atomicAdd(h, __float2half(1.0f));
  atomicAdd(h2, __floats2half2_rn(1.0f, 2.0f));
  // CHECK: cuport_atomicAdd(h2, __floats2half2_rn(1.0f, 2.0f));
  APPLY(atomicAdd(h2, h2[1]));
  // CHECK: APPLY(cuport_atomicAdd(h2, h2[1]));
  atomicAdd(i, 1);
  // CHECK: atomicAdd(i, 1);
  atomicAdd_block(i, 1);
  // CHECK: atomicAdd(i, 1);
  // DIAG: hip-compat.cu:[[@LINE-2]]:3: note: 'atomicAdd_block' has no HIP equivalent in ROCm 5.2; 'atomicAdd' computes the same: the device-scoped atomic, atomic for the block too
  atomicCAS_block(u, 0u, 1u);
  // CHECK: atomicCAS(u, 0u, 1u);
  ADD_BLOCK(u, 2u);
  // CHECK: ADD_BLOCK(u, 2u);
  OR_BLOCK_INSIDE(u);
  atomicMin_block(ll, 3ll);
  // CHECK: cuport_atomicMin(ll, 3ll);
  atomicMax_block(ull, 3ull);
  // CHECK: atomicMax(ull, 3ull);
  user::atomicAdd_block(i, 1);
  // CHECK: user::atomicAdd_block(i, 1);
}
