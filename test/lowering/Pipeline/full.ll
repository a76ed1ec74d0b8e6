; The whole pipeline, in its real order, turns Clang's output for a kernel
; with a bool parameter and a __device__ variable into valid SPIR-V.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lowering %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %llvm-dis %t.bc -o - | %FileCheck %s

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

@counter = addrspace(1) externally_initialized global i32 0, align 4
@llvm.compiler.used = appending global [1 x ptr] [ptr addrspacecast (ptr addrspace(1) @counter to ptr)], section "llvm.metadata"

; CHECK-NOT: llvm.compiler.used
; CHECK-LABEL: define spir_kernel void @k(i8 %on)
define spir_kernel void @k(i1 zeroext %on) {
  br i1 %on, label %yes, label %no
yes:
  store i32 1, ptr addrspace(1) @counter, align 4
  br label %no
no:
  ret void
}
