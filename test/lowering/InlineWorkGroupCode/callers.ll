; Device functions that call barrier(), read a work-item index or use a
; work-group variable are inlined into their callers up to the kernels
; (noinline or not), and then erased; a function that only computes is left
; alone. The result passes spirv-val.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-inline-work-group-code -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-inline-work-group-code %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

@tile = internal addrspace(3) global [64 x i32] undef, align 4

declare spir_func i64 @_Z12get_local_idj(i32)
declare spir_func void @_Z7barrierj(i32)

; CHECK-NOT: define {{.*}}@stage(
define internal spir_func i32 @stage(i32 %v) noinline {
  %t = call spir_func i64 @_Z12get_local_idj(i32 0)
  %p = getelementptr [64 x i32], [64 x i32] addrspace(3)* @tile, i64 0, i64 %t
  store i32 %v, i32 addrspace(3)* %p
  call spir_func void @_Z7barrierj(i32 1)
  %q = getelementptr [64 x i32], [64 x i32] addrspace(3)* @tile, i64 0, i64 0
  %r = load i32, i32 addrspace(3)* %q
  ret i32 %r
}

; A caller of a caller: inlined too.
; CHECK-NOT: define {{.*}}@outer(
define spir_func i32 @outer(i32 %v) noinline {
  %r = call spir_func i32 @stage(i32 %v)
  %s = call spir_func i32 @square(i32 %r)
  ret i32 %s
}

; CHECK: define spir_func i32 @square(i32 %x)
define spir_func i32 @square(i32 %x) noinline {
  %y = mul i32 %x, %x
  ret i32 %y
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: call spir_func i64 @_Z12get_local_idj(i32 0)
; CHECK: call spir_func void @_Z7barrierj(i32 1)
; CHECK: call spir_func i32 @square(
; CHECK-NOT: call spir_func i32 @outer
define spir_kernel void @k(i32 addrspace(1)* %out) {
  %v = load i32, i32 addrspace(1)* %out
  %r = call spir_func i32 @outer(i32 %v)
  store i32 %r, i32 addrspace(1)* %out
  ret void
}
