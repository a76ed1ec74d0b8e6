; Writable and host-registered CrossWorkgroup variables move into one block
; passed as a hidden argument: laid out by name with their alignment, their
; initializers serialized into !cuport.globals, registered ones (those in the
; used-lists) listed in !cuport.symbols. Unregistered constant data stays.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-device-globals,cuport-lower-used-lists -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-device-globals,cuport-lower-used-lists %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

%struct.P = type { i8, double }

@acc = addrspace(1) externally_initialized global i64 0, align 8
@coef = addrspace(1) externally_initialized global [2 x float] [float 1.0, float 2.0], align 4
@params = addrspace(1) externally_initialized global %struct.P { i8 7, double 5.0e-1 }, align 8
@scratch = internal addrspace(1) global i32 3, align 4
@table = internal addrspace(1) constant [2 x i32] [i32 10, i32 20], align 4
@llvm.compiler.used = appending global [3 x i8*] [i8* addrspacecast (i8 addrspace(1)* bitcast (i64 addrspace(1)* @acc to i8 addrspace(1)*) to i8*), i8* addrspacecast (i8 addrspace(1)* bitcast ([2 x float] addrspace(1)* @coef to i8 addrspace(1)*) to i8*), i8* addrspacecast (i8 addrspace(1)* bitcast (%struct.P addrspace(1)* @params to i8 addrspace(1)*) to i8*)], section "llvm.metadata"

; Layout by name: acc@0 (8), coef@8 (8), params@16 (16), scratch@32 (4) -> 36.
; CHECK: @table = internal addrspace(1) constant [2 x i32] [i32 10, i32 20]

; CHECK-LABEL: define spir_kernel void @k(i32 addrspace(1)* %out, i64 %i, i8 addrspace(1)* "cuport-hidden"="globals" %globals)
; CHECK-DAG: getelementptr inbounds i8, i8 addrspace(1)* %globals, i64 0
; CHECK-DAG: getelementptr inbounds i8, i8 addrspace(1)* %globals, i64 32
define spir_kernel void @k(i32 addrspace(1)* %out, i64 %i) {
  %a = load i64, i64 addrspace(1)* @acc, align 8
  %a1 = add i64 %a, 1
  store i64 %a1, i64 addrspace(1)* @acc, align 8
  %s = load i32, i32 addrspace(1)* @scratch, align 4
  %p = getelementptr [2 x i32], [2 x i32] addrspace(1)* @table, i64 0, i64 %i
  %t = load i32, i32 addrspace(1)* %p, align 4
  %r = add i32 %s, %t
  store i32 %r, i32 addrspace(1)* %out, align 4
  ret void
}

; A device function reaches the block through its caller.
; CHECK-LABEL: define spir_func float @first(i8 addrspace(1)* "cuport-hidden"="globals" %globals)
; CHECK: getelementptr inbounds i8, i8 addrspace(1)* %globals, i64 8
define spir_func float @first() {
  %c = getelementptr [2 x float], [2 x float] addrspace(1)* @coef, i64 0, i64 0
  %v = load float, float addrspace(1)* %c, align 4
  ret float %v
}

; CHECK-LABEL: define spir_kernel void @viaFunction(float addrspace(1)* %out, i8 addrspace(1)* "cuport-hidden"="globals" %globals)
; CHECK: call spir_func float @first(i8 addrspace(1)* %globals)
define spir_kernel void @viaFunction(float addrspace(1)* %out) {
  %v = call spir_func float @first()
  store float %v, float addrspace(1)* %out, align 4
  ret void
}

; CHECK: !cuport.globals = !{![[G:[0-9]+]]}
; CHECK: !cuport.symbols = !{![[ACC:[0-9]+]], ![[COEF:[0-9]+]], ![[PARAMS:[0-9]+]]}
; Initial bytes: acc 0; coef 1.0f, 2.0f; params {7, pad, 0.5}; scratch 3.
; CHECK: ![[G]] = !{i64 36, i64 16, !"\00\00\00\00\00\00\00\00\00\00\80?\00\00\00@\07\00\00\00\00\00\00\00\00\00\00\00\00\00\E0?\03\00\00\00"}
; CHECK: ![[ACC]] = !{!"acc", i64 8, i64 0}
; CHECK: ![[COEF]] = !{!"coef", i64 8, i64 8}
; CHECK: ![[PARAMS]] = !{!"params", i64 16, i64 16}
