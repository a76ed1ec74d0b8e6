; An extern __device__ variable defined nowhere is a compile error naming it.
; RUN: %not %opt -load-pass-plugin %cuport-plugin -passes=cuport-check-undefined -disable-output %s 2>&1 | %FileCheck %s
; CHECK: undefined device variable 'gTable'; define it in this file, or compile with -rdc=true
target triple = "spirv64-unknown-unknown"

@gTable = external addrspace(1) global [16 x i32]
@dynShared = external addrspace(3) global [0 x float]

define spir_kernel void @k(i32 addrspace(1)* %o) {
  %p = getelementptr [16 x i32], [16 x i32] addrspace(1)* @gTable, i64 0, i64 1
  %v = load i32, i32 addrspace(1)* %p, align 4
  store i32 %v, i32 addrspace(1)* %o, align 4
  %q = getelementptr [0 x float], [0 x float] addrspace(3)* @dynShared, i64 0, i64 0
  store float 1.0, float addrspace(3)* %q, align 4
  ret void
}
