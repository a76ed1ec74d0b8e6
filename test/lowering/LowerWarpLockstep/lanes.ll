; A kernel that calls a warp function (through a device function) runs one
; warp per work-item: the device function is inlined, the body becomes a
; resumable per-lane function that parks at each site (warp function or
; barrier) and is inlined again into the warp loop, values live across a
; site go through the lane's frame, thread-index queries come from the lane
; and the hidden block shape. A kernel without warp functions is untouched,
; and the scheduler helpers stay only where they are called.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-warp-lockstep -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-warp-lockstep %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

%struct.__cuport_warp = type { [32 x i32], [32 x i32], [32 x i32], [32 x i32], i32, [32 x i64], [32 x i32], [32 x i64] }

@tile = internal addrspace(3) global [64 x i32] undef, align 4
@llvm.used = appending global [7 x i8*] [i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_begin to i8*), i8* bitcast (i32 (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_runnable to i8*), i8* bitcast (i32 (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_resume_point to i8*), i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32, i32, i32, i32, i32, i64, i32)* @__cuport_warp_park to i8*), i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_exit to i8*), i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_release to i8*), i8* bitcast (i32 (%struct.__cuport_warp addrspace(4)*)* @__cuport_warp_schedule to i8*)], section "llvm.metadata"

declare spir_func i64 @_Z12get_local_idj(i32)
declare spir_func i64 @_Z14get_local_sizej(i32)
declare spir_func void @_Z7barrierj(i32)
declare void @__cuport_warp_suspend(i32, i32, i64, i32)
declare %struct.__cuport_warp addrspace(4)* @__cuport_warp_state()
declare i32 @__cuport_warp_lane()

; A shuffle as device_warp.h writes one: park, then read the snapshot.
define internal i32 @shfl(i32 %v) {
  %bits = zext i32 %v to i64
  call void @__cuport_warp_suspend(i32 1, i32 -1, i64 %bits, i32 77)
  %w = call %struct.__cuport_warp addrspace(4)* @__cuport_warp_state()
  %lane = call i32 @__cuport_warp_lane()
  %src = xor i32 %lane, 1
  %idx = zext i32 %src to i64
  %p = getelementptr %struct.__cuport_warp, %struct.__cuport_warp addrspace(4)* %w, i64 0, i32 7, i64 %idx
  %seen = load i64, i64 addrspace(4)* %p
  %r = trunc i64 %seen to i32
  ret i32 %r
}

; CHECK-LABEL: define spir_kernel void @swap(i32 addrspace(1)* %out, i32 "cuport-hidden"="block-dim" %block-dim)
; The lane state and the frames are the work-item's; the block shape is
; unpacked from the hidden argument.
; CHECK: %warp = alloca %struct.__cuport_warp
; CHECK: %frames = alloca [32 x [{{[0-9]+}} x i8]]
; CHECK: %bdx = and i32 %block-dim, 2047
; CHECK: call void @__cuport_warp_begin(
; CHECK: call spir_func void @_Z7barrierj(i32 1)
; The inlined body dispatches on the lane's resume point: 0 is the entry,
; 1 the shuffle's site, 2 the barrier's.
; CHECK: call i32 @__cuport_warp_resume_point(
; CHECK: switch i32
; CHECK-NEXT: i32 1, label
; CHECK-NEXT: i32 2, label
; CHECK: call void @__cuport_warp_park({{.*}}, i32 1, i32 0, i32 1, i32 -1, i64 {{.*}}, i32 77)
; CHECK: call void @__cuport_warp_park({{.*}}, i32 2, i32 1, i32 0, i32 0, i64 0, i32 0)
; CHECK: call void @__cuport_warp_exit(
; CHECK: call i32 @__cuport_warp_schedule(
; CHECK: atomicrmw add i32 addrspace(3)* @swap.warps.done, i32 1 monotonic
; CHECK: call spir_func void @_Z7barrierj(i32 3)
; CHECK: call void @__cuport_warp_release({{.*}}, i32 2)
; CHECK-NOT: call {{.*}}@__cuport_warp_suspend
; CHECK-NOT: call {{.*}}@_Z12get_local_idj(i32 1)
define spir_kernel void @swap(i32 addrspace(1)* %out) {
entry:
  %tx = call spir_func i64 @_Z12get_local_idj(i32 0)
  %ty = call spir_func i64 @_Z12get_local_idj(i32 1)
  %bx = call spir_func i64 @_Z14get_local_sizej(i32 0)
  %row = mul i64 %ty, %bx
  %t = add i64 %row, %tx
  %t32 = trunc i64 %t to i32
  %v = call i32 @shfl(i32 %t32)
  %slot = getelementptr [64 x i32], [64 x i32] addrspace(3)* @tile, i64 0, i64 %t
  store i32 %v, i32 addrspace(3)* %slot
  call spir_func void @_Z7barrierj(i32 1)
  ; %t is live across both sites: it is kept in the lane's frame.
  %back = xor i64 %t, 63
  %from = getelementptr [64 x i32], [64 x i32] addrspace(3)* @tile, i64 0, i64 %back
  %x = load i32, i32 addrspace(3)* %from
  %dst = getelementptr i32, i32 addrspace(1)* %out, i64 %t
  store i32 %x, i32 addrspace(1)* %dst
  ret void
}

; CHECK-LABEL: define spir_kernel void @plain(i32 addrspace(1)* %out)
; CHECK-NEXT: entry:
; CHECK-NEXT: %tx = call spir_func i64 @_Z12get_local_idj(i32 0)
define spir_kernel void @plain(i32 addrspace(1)* %out) {
entry:
  %tx = call spir_func i64 @_Z12get_local_idj(i32 0)
  %t32 = trunc i64 %tx to i32
  %dst = getelementptr i32, i32 addrspace(1)* %out, i64 %tx
  store i32 %t32, i32 addrspace(1)* %dst
  ret void
}

; The scheduler as device_warp.h defines it, reduced to what the pass calls.
define linkonce_odr void @__cuport_warp_begin(%struct.__cuport_warp addrspace(4)* %w, i32 %live) {
  ret void
}
define linkonce_odr i32 @__cuport_warp_runnable(%struct.__cuport_warp addrspace(4)* %w, i32 %l) {
  ret i32 0
}
define linkonce_odr i32 @__cuport_warp_resume_point(%struct.__cuport_warp addrspace(4)* %w, i32 %l) {
  ret i32 0
}
define linkonce_odr void @__cuport_warp_park(%struct.__cuport_warp addrspace(4)* %w, i32 %l, i32 %site, i32 %barrier, i32 %hasmask, i32 %mask, i64 %value, i32 %key) {
  ret void
}
define linkonce_odr void @__cuport_warp_exit(%struct.__cuport_warp addrspace(4)* %w, i32 %l) {
  ret void
}
define linkonce_odr void @__cuport_warp_release(%struct.__cuport_warp addrspace(4)* %w, i32 %wait) {
  ret void
}
define linkonce_odr i32 @__cuport_warp_schedule(%struct.__cuport_warp addrspace(4)* %w) {
  ret i32 2
}
