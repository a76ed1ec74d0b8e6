; A constant array Clang placed in Generic storage moves to CrossWorkgroup;
; users reach it through an addrspacecast back to Generic.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-generic-globals -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-generic-globals %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %llvm-as %s -o %t.orig.bc
; RUN: %llvm-spirv %t.orig.bc -o %t.orig.spv
; RUN: %not %spirv-val %t.orig.spv 2>&1 | %FileCheck %s --check-prefix=BEFORE
; BEFORE: OpVariable storage class cannot be Generic

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK: @__const.k.table = private unnamed_addr addrspace(1) constant [3 x i32] [i32 1, i32 2, i32 3]
@__const.k.table = private unnamed_addr addrspace(4) constant [3 x i32] [i32 1, i32 2, i32 3], align 4

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: getelementptr inbounds [3 x i32], [3 x i32] addrspace(4)* addrspacecast ([3 x i32] addrspace(1)* @__const.k.table to [3 x i32] addrspace(4)*)
define spir_kernel void @k(i32 addrspace(1)* %out, i64 %i) {
  %p = getelementptr inbounds [3 x i32], [3 x i32] addrspace(4)* @__const.k.table, i64 0, i64 %i
  %v = load i32, i32 addrspace(4)* %p, align 4
  store i32 %v, i32 addrspace(1)* %out, align 4
  ret void
}
