; A loop exit block laid out before the loop body it is dominated by: the
; pass re-lays blocks in reverse post-order so spirv-val accepts the module,
; and drops an unreachable block.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-order-blocks -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-order-blocks %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %llvm-as %s -o %t.orig.bc
; RUN: %llvm-spirv %t.orig.bc -o %t.orig.spv
; RUN: %not %spirv-val %t.orig.spv 2>&1 | %FileCheck %s --check-prefix=BEFORE
; Laid out as written, the store in %exit uses a value the binary has not
; defined yet.
; BEFORE: ID '{{.*}}next]' has not been defined

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: entry:
; CHECK: body:
; CHECK: exit:
; CHECK-NOT: dead:
define spir_kernel void @k(i32 addrspace(1)* %out, i32 %n) {
entry:
  br label %body
exit:
  store i32 %next, i32 addrspace(1)* %out, align 4
  ret void
dead:
  br label %exit
body:
  %i = phi i32 [ 0, %entry ], [ %next, %body ]
  %next = add i32 %i, 1
  %done = icmp sge i32 %next, %n
  br i1 %done, label %exit, label %body
}
