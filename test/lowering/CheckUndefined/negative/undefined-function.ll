; A __device__ function declared but defined nowhere is a compile error that
; names it, demangled, and its caller.
; RUN: %not %opt -load-pass-plugin %cuport-plugin -passes=cuport-check-undefined -disable-output %s 2>&1 | %FileCheck %s
; CHECK: undefined device function 'mixBits(unsigned int)' (called from 'hashKernel(unsigned int*, int)'); define it in this file, or compile every file that uses it with -rdc=true
target triple = "spirv64-unknown-unknown"

declare spir_func i32 @_Z7mixBitsj(i32)

define spir_kernel void @_Z10hashKernelPji(i32 addrspace(1)* %o, i32 %n) {
  %v = call spir_func i32 @_Z7mixBitsj(i32 %n)
  store i32 %v, i32 addrspace(1)* %o, align 4
  ret void
}
