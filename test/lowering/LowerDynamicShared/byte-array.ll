; `extern __shared__ char smem[]`, the usual buffer that kernels carve into
; typed regions: the hidden argument already has the view's type (an i8
; pointer), so it is used as it is, with no cast in between.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-dynamic-shared -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-dynamic-shared %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

@smem = external addrspace(3) global [0 x i8], align 16
; CHECK-NOT: @smem

; CHECK-LABEL: define spir_kernel void @carve(i64 %n, i8 addrspace(3)* "cuport-hidden"="dynamic-shared" %dynamic-shared)
; CHECK-NEXT: %floats = bitcast i8 addrspace(3)* %dynamic-shared to float addrspace(3)*
; CHECK-NEXT: store float
; CHECK-NEXT: %tail = getelementptr inbounds i8, i8 addrspace(3)* %dynamic-shared, i64 %n
; CHECK-NEXT: store i8 7, i8 addrspace(3)* %tail
define spir_kernel void @carve(i64 %n) {
  %floats = bitcast [0 x i8] addrspace(3)* @smem to float addrspace(3)*
  store float 1.0, float addrspace(3)* %floats, align 4
  %tail = getelementptr inbounds [0 x i8], [0 x i8] addrspace(3)* @smem, i64 0, i64 %n
  store i8 7, i8 addrspace(3)* %tail, align 1
  ret void
}
