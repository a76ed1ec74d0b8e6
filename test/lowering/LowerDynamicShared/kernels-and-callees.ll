; extern __shared__ arrays become one hidden trailing `local` kernel
; argument: used directly by one kernel, through a device function by
; another (which then passes its argument down), through a Generic cast,
; and two arrays declared by different kernels share the one argument.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-dynamic-shared -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-dynamic-shared %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

@buf = external addrspace(3) global [0 x float], align 4
@other = external addrspace(3) global [0 x i32], align 4
; Static shared memory is not touched.
; CHECK: @tile = internal addrspace(3) global [16 x float] undef
@tile = internal addrspace(3) global [16 x float] undef, align 4
; CHECK-NOT: @buf
; CHECK-NOT: @other

; CHECK-LABEL: define spir_kernel void @direct(float addrspace(1)* %out, i64 %i, i8 addrspace(3)* "cuport-hidden"="dynamic-shared" %dynamic-shared)
; CHECK: %buf = bitcast i8 addrspace(3)* %dynamic-shared to float addrspace(3)*
; CHECK: %p = getelementptr inbounds float, float addrspace(3)* %buf, i64 %i
define spir_kernel void @direct(float addrspace(1)* %out, i64 %i) {
  %p = getelementptr inbounds [0 x float], [0 x float] addrspace(3)* @buf, i64 0, i64 %i
  store float 1.0, float addrspace(3)* %p, align 4
  %t = getelementptr inbounds [16 x float], [16 x float] addrspace(3)* @tile, i64 0, i64 %i
  store float 2.0, float addrspace(3)* %t, align 4
  ret void
}

; CHECK-LABEL: define spir_func float @helper(i64 %i, i8 addrspace(3)* "cuport-hidden"="dynamic-shared" %dynamic-shared)
; CHECK: %g = addrspacecast float addrspace(3)* %{{.*}} to float addrspace(4)*
; CHECK: getelementptr inbounds float, float addrspace(4)* %g, i64 %i
define spir_func float @helper(i64 %i) {
  %g = addrspacecast [0 x float] addrspace(3)* @buf to [0 x float] addrspace(4)*
  %p = getelementptr inbounds [0 x float], [0 x float] addrspace(4)* %g, i64 0, i64 %i
  %v = load float, float addrspace(4)* %p, align 4
  ret float %v
}

; CHECK-LABEL: define spir_kernel void @viaHelper(float addrspace(1)* %out, i64 %i, i8 addrspace(3)* "cuport-hidden"="dynamic-shared" %dynamic-shared)
; CHECK: call spir_func float @helper(i64 %i, i8 addrspace(3)* %dynamic-shared)
define spir_kernel void @viaHelper(float addrspace(1)* %out, i64 %i) {
  %v = call spir_func float @helper(i64 %i)
  store float %v, float addrspace(1)* %out, align 4
  ret void
}

; CHECK-LABEL: define spir_kernel void @otherName(i32 addrspace(1)* %out, i8 addrspace(3)* "cuport-hidden"="dynamic-shared" %dynamic-shared)
; CHECK: %other = bitcast i8 addrspace(3)* %dynamic-shared to i32 addrspace(3)*
define spir_kernel void @otherName(i32 addrspace(1)* %out) {
  %p = getelementptr inbounds [0 x i32], [0 x i32] addrspace(3)* @other, i64 0, i64 3
  store i32 7, i32 addrspace(3)* %p, align 4
  ret void
}

; A kernel that uses no dynamic shared memory keeps its signature.
; CHECK-LABEL: define spir_kernel void @none(i32 addrspace(1)* %out)
define spir_kernel void @none(i32 addrspace(1)* %out) {
  store i32 0, i32 addrspace(1)* %out, align 4
  ret void
}
