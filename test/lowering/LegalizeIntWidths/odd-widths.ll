; Integers of widths SPIR-V lacks (here i5 and i24, as InstCombine makes
; them) are widened; operations that read the high bits re-extend their
; operands first (zero for lshr/icmp ult/udiv/switch, sign for ashr/icmp slt),
; and the result translates and validates.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-legalize-int-widths -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-legalize-int-widths %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv
; The widened code computes the same values: constant-fold both versions.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes='cuport-legalize-int-widths,cgscc(inline),instcombine' -S %s | %FileCheck %s --check-prefix=FOLD
; RUN: %opt -passes='cgscc(inline),instcombine' -S %s | %FileCheck %s --check-prefix=FOLD

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

; CHECK-LABEL: define spir_func i32 @exponent(i32 %h)
; CHECK-NOT: i5
; CHECK: trunc i32 %{{.*}} to i8
; CHECK: and i8 %{{.*}}, 31
; CHECK: icmp eq i8
define spir_func i32 @exponent(i32 %h) {
  %s = lshr i32 %h, 10
  %e = trunc i32 %s to i5
  %inf = icmp eq i5 %e, -1
  %r = zext i1 %inf to i32
  ret i32 %r
}

; CHECK-LABEL: define spir_func i32 @arith(i32 %a, i32 %b)
; CHECK-NOT: i24
define spir_func i32 @arith(i32 %a, i32 %b) {
  %x = trunc i32 %a to i24
  %y = trunc i32 %b to i24
  %m = mul i24 %x, %y
  %u = lshr i24 %m, 3
  %s = ashr i24 %m, 3
  %lt = icmp slt i24 %s, %u
  %q = udiv i24 %u, 7
  %z = sext i24 %s to i32
  %w = zext i24 %q to i32
  %sel = select i1 %lt, i32 %z, i32 %w
  ret i32 %sel
}

; CHECK-LABEL: define spir_func i32 @dispatch(i32 %v)
; CHECK: switch i8 %{{.*}}, label %other [
; CHECK-NEXT: i8 3, label %three
; CHECK-NEXT: i8 31, label %max
define spir_func i32 @dispatch(i32 %v) {
  %t = trunc i32 %v to i5
  switch i5 %t, label %other [
    i5 3, label %three
    i5 -1, label %max
  ]
three:
  ret i32 30
max:
  ret i32 310
other:
  ret i32 0
}

; -6 * 5 = -30 (i24); lshr 3 of 0xFFFFE2 = 0x1FFFFC; ashr 3 = -4 -> -4 < 0x1FFFFC;
; so the select takes sext(-4) = -4.
; FOLD-LABEL: define spir_func i32 @check()
; FOLD: ret i32 -4
define spir_func i32 @check() {
  %r = call spir_func i32 @arith(i32 -6, i32 5)
  ret i32 %r
}
