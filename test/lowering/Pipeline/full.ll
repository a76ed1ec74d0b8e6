; The whole pipeline, in its real order, turns Clang's output for a kernel
; with a bool parameter and a __device__ variable into valid SPIR-V.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lowering %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; RUN: %llvm-dis %t.bc -o - | %FileCheck %s

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

@counter = addrspace(1) externally_initialized global i32 0, align 4
@llvm.compiler.used = appending global [1 x i8*] [i8* addrspacecast (i8 addrspace(1)* bitcast (i32 addrspace(1)* @counter to i8 addrspace(1)*) to i8*)], section "llvm.metadata"

; CHECK-NOT: llvm.compiler.used
; The bool became a byte, and the __device__ variable lives in the globals
; block that arrives as a hidden argument.
; CHECK-LABEL: define spir_kernel void @k(i8 %on, i8 addrspace(1)* "cuport-hidden"="globals" %globals)
; CHECK: getelementptr inbounds i8, i8 addrspace(1)* %globals, i64 0
; CHECK: !cuport.globals = !{![[G:[0-9]+]]}
; CHECK: !cuport.symbols = !{![[S:[0-9]+]]}
; CHECK: ![[G]] = !{i64 4, i64 16, !"\00\00\00\00"}
; CHECK: ![[S]] = !{!"counter", i64 4, i64 0}
define spir_kernel void @k(i1 zeroext %on) {
  br i1 %on, label %yes, label %no
yes:
  store i32 1, i32 addrspace(1)* @counter, align 4
  br label %no
no:
  ret void
}
