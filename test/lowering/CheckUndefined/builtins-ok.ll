; OpenCL built-ins, SPIR-V friendly calls and intrinsics are provided by the
; consumer, so calls to them are not errors.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-check-undefined -S %s | %FileCheck %s
target triple = "spirv64-unknown-unknown"

declare spir_func i64 @_Z12get_local_idj(i32)
declare spir_func void @_Z7barrierj(i32)
declare spir_func float @_Z3sinf(float)
declare spir_func i32 @_Z15convert_int_rtef(float)
declare spir_func void @_Z22__spirv_ControlBarrieriii(i32, i32, i32)
declare float @llvm.fabs.f32(float)

; CHECK-LABEL: define spir_kernel void @k(
define spir_kernel void @k(float addrspace(1)* %o) {
  %i = call spir_func i64 @_Z12get_local_idj(i32 0)
  call spir_func void @_Z7barrierj(i32 3)
  call spir_func void @_Z22__spirv_ControlBarrieriii(i32 2, i32 2, i32 272)
  %s = call spir_func float @_Z3sinf(float 1.0)
  %c = call spir_func i32 @_Z15convert_int_rtef(float %s)
  %a = call float @llvm.fabs.f32(float %s)
  store float %a, float addrspace(1)* %o, align 4
  ret void
}
