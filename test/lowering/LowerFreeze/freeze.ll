; freeze (which the translator rejects) is replaced by its operand.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-freeze -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-freeze %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %llvm-as %s -o %t.orig.bc
; RUN: %not %llvm-spirv %t.orig.bc -o %t.bad.spv 2>&1 | %FileCheck %s --check-prefix=BEFORE
; BEFORE: Can't translate llvm instruction:
; BEFORE-NEXT: freeze i32

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK-LABEL: define spir_kernel void @k(
; CHECK-NOT: freeze
; CHECK: %c = icmp slt i32 %x, 10
define spir_kernel void @k(i32 addrspace(1)* %out, i32 %x) {
  %f = freeze i32 %x
  %c = icmp slt i32 %f, 10
  %v = select i1 %c, i32 1, i32 2
  store i32 %v, i32 addrspace(1)* %out, align 4
  ret void
}
