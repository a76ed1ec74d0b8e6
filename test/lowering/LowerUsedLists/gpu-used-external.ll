; With -fgpu-rdc Clang keeps kernels and variables alive through an internal
; @__clang_gpu_used_external array referenced from llvm.compiler.used. It
; holds a kernel address (a function pointer) that the translator cannot
; take; the pass removes it along with the used-list.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-used-lists -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-used-lists %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK-NOT: __clang_gpu_used_external
; CHECK-NOT: llvm.compiler.used
; CHECK: @gTable = addrspace(1) externally_initialized global [4 x i32] zeroinitializer
@gTable = addrspace(1) externally_initialized global [4 x i32] zeroinitializer, align 4
@__clang_gpu_used_external = internal global [2 x i8*] [i8* bitcast (void (i32 addrspace(1)*)* @fill to i8*), i8* addrspacecast (i8 addrspace(1)* bitcast ([4 x i32] addrspace(1)* @gTable to i8 addrspace(1)*) to i8*)]
@llvm.compiler.used = appending global [1 x i8*] [i8* bitcast ([2 x i8*]* @__clang_gpu_used_external to i8*)], section "llvm.metadata"

; CHECK-LABEL: define spir_kernel void @fill(
define spir_kernel void @fill(i32 addrspace(1)* %o) {
  %p = getelementptr [4 x i32], [4 x i32] addrspace(1)* @gTable, i64 0, i64 0
  store i32 1, i32 addrspace(1)* %p, align 4
  ret void
}
