; A module without used-lists is left as it is.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-used-lists -S %s | %FileCheck %s
target triple = "spirv64-unknown-unknown"
; CHECK: @g = addrspace(1) global i32 0
@g = addrspace(1) global i32 0
; CHECK-LABEL: define spir_kernel void @k()
define spir_kernel void @k() {
  ret void
}
