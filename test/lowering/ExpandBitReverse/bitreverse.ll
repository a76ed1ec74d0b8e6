; llvm.bitreverse would become OpBitReverse, which needs the Shader
; capability; the pass expands it into mask-and-shift swaps.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-expand-bitreverse -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-expand-bitreverse %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %spirv-dis %t.spv | %FileCheck %s --check-prefix=SPV
; The expansion is exact: constant-folding it gives the reversed value.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-expand-bitreverse,instcombine -S %s | %FileCheck %s --check-prefix=FOLD

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

declare i32 @llvm.bitreverse.i32(i32)
declare i64 @llvm.bitreverse.i64(i64)

; SPV-NOT: OpCapability Shader
; SPV-NOT: OpBitReverse
; CHECK-LABEL: define spir_kernel void @k(
; CHECK-NOT: llvm.bitreverse
; CHECK: lshr i32 %x, 16
; CHECK: and i32 %x, 65535
define spir_kernel void @k(i32 addrspace(1)* %out, i64 addrspace(1)* %out64, i32 %x, i64 %y) {
  %r = call i32 @llvm.bitreverse.i32(i32 %x)
  store i32 %r, i32 addrspace(1)* %out, align 4
  %r64 = call i64 @llvm.bitreverse.i64(i64 %y)
  store i64 %r64, i64 addrspace(1)* %out64, align 8
  ret void
}

; FOLD-LABEL: define spir_func i32 @folded()
; FOLD: ret i32 -2147483647
define spir_func i32 @folded() {
  %r = call i32 @llvm.bitreverse.i32(i32 -2147483647)
  ret i32 %r
}
