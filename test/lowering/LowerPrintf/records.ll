; printf becomes a record append into the buffer named by
; __cuport_printf_buffer: an atomic reservation, a capacity check, then the
; format's address, the record size and each argument in an 8-byte slot;
; floats are stored as doubles. Both new variables are host-registered.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-printf -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lowering %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

@.str = private unnamed_addr addrspace(4) constant [7 x i8] c"%d %f\0A\00", align 1

declare spir_func i32 @printf(i8 addrspace(4)*, ...)

; CHECK: @__cuport_printf_buffer = addrspace(1) global i8 addrspace(1)* null
; CHECK: @__cuport_printf_format = internal addrspace(1) constant [7 x i8] c"%d %f\0A\00"
; CHECK: @llvm.compiler.used = appending global {{.*}}@__cuport_printf_buffer{{.*}}@__cuport_printf_format

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: %printf.buffer = load i8 addrspace(1)*, i8 addrspace(1)* addrspace(1)* @__cuport_printf_buffer
; CHECK: atomicrmw add i32 addrspace(1)* %{{.*}}, i32 32 monotonic
; CHECK: store i64 ptrtoint ([7 x i8] addrspace(1)* @__cuport_printf_format to i64)
; CHECK: store i32 32,
; CHECK: store i32 2,
; CHECK: fpext float %f to double
; CHECK-NOT: call {{.*}}@printf
define spir_kernel void @k(i32 %i, float %f) {
  %d = fpext float %f to double
  %r = call spir_func i32 (i8 addrspace(4)*, ...) @printf(i8 addrspace(4)* getelementptr inbounds ([7 x i8], [7 x i8] addrspace(4)* @.str, i64 0, i64 0), i32 %i, float %f)
  ret void
}
