; Several bool parameters in one kernel, mixed with a byval struct, keep
; their order and the byval attribute.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-kernel-abi -S %s | %FileCheck %s

target triple = "spirv64-unknown-unknown"

%struct.P = type { i32, double }

; CHECK-LABEL: define spir_kernel void @k(i8 %a, ptr byval(%struct.P) align 8 %p, i8 %b, ptr addrspace(1) %out)
; CHECK: %a.bool = icmp ne i8 %a, 0
; CHECK: %b.bool = icmp ne i8 %b, 0
; CHECK: %both = and i1 %a.bool, %b.bool
define spir_kernel void @k(i1 zeroext %a, ptr byval(%struct.P) align 8 %p, i1 zeroext %b, ptr addrspace(1) %out) {
  %both = and i1 %a, %b
  %z = zext i1 %both to i32
  store i32 %z, ptr addrspace(1) %out, align 4
  ret void
}
