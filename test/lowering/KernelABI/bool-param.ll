; A bool kernel parameter (i1 zeroext, which OpenCL kernels may not take)
; becomes an i8 compared with zero on entry; other parameters and non-kernel
; functions are untouched. The result translates and validates as SPIR-V.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-kernel-abi -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-kernel-abi %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK-LABEL: define spir_kernel void @flagged(
; CHECK-SAME: i8 %b,
; CHECK-SAME: ptr addrspace(1) noundef %out
; CHECK-NEXT: entry:
; CHECK-NEXT: %b.bool = icmp ne i8 %b, 0
; CHECK-NEXT: %v = select i1 %b.bool, i32 7, i32 3
define spir_kernel void @flagged(i1 noundef zeroext %b, ptr addrspace(1) noundef %out) {
entry:
  %v = select i1 %b, i32 7, i32 3
  store i32 %v, ptr addrspace(1) %out, align 4
  ret void
}

; CHECK-LABEL: define spir_kernel void @plain(i32 %n, ptr addrspace(1) %out)
define spir_kernel void @plain(i32 %n, ptr addrspace(1) %out) {
  store i32 %n, ptr addrspace(1) %out, align 4
  ret void
}

; Device functions keep i1: only kernel entry points have the OpenCL rule.
; CHECK-LABEL: define spir_func i32 @helper(i1 zeroext %b)
define spir_func i32 @helper(i1 zeroext %b) {
  %r = zext i1 %b to i32
  ret i32 %r
}
