; A recursive device function that calls barrier() cannot be moved into the
; kernel: a compile error naming it.
; RUN: not %opt -load-pass-plugin %cuport-plugin -passes=cuport-inline-work-group-code -disable-output %s 2>&1 | %FileCheck %s
; CHECK: the recursive device function 'walk' uses __syncthreads, thread indices or __shared__ memory

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

declare spir_func void @_Z7barrierj(i32)

define spir_func void @walk(i32 %n) {
  call spir_func void @_Z7barrierj(i32 1)
  %z = icmp eq i32 %n, 0
  br i1 %z, label %done, label %more
more:
  %m = sub i32 %n, 1
  call spir_func void @walk(i32 %m)
  br label %done
done:
  ret void
}

define spir_kernel void @k() {
  call spir_func void @walk(i32 3)
  ret void
}
