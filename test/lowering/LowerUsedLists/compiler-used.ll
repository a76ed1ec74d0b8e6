; Clang lists __device__ variables in @llvm.compiler.used through an
; addrspacecast to the private address space, which SPIR-V forbids. The pass
; drops the lists and keeps the variables; the translator then accepts it.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-used-lists -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-used-lists %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %llvm-as %s -o %t.orig.bc
; RUN: %not %llvm-spirv %t.orig.bc -o %t.bad.spv 2>&1 | %FileCheck %s --check-prefix=UNLOWERED

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK-NOT: llvm.compiler.used
; CHECK-NOT: llvm.used
; CHECK: @gv = addrspace(1) externally_initialized global [4 x i32] zeroinitializer
; CHECK: @cv = addrspace(2) externally_initialized constant i32 5
; UNLOWERED: Casts from private/local/global address space are allowed only to generic
@gv = addrspace(1) externally_initialized global [4 x i32] zeroinitializer, align 4
@cv = addrspace(2) externally_initialized constant i32 5, align 4
@llvm.compiler.used = appending global [2 x ptr] [ptr addrspacecast (ptr addrspace(1) @gv to ptr), ptr addrspacecast (ptr addrspace(2) @cv to ptr)], section "llvm.metadata"

; CHECK-LABEL: define spir_kernel void @k(
define spir_kernel void @k(ptr addrspace(1) %o) {
  %v = load i32, ptr addrspace(2) @cv, align 4
  store i32 %v, ptr addrspace(1) @gv, align 4
  ret void
}
