; A kernel that synchronizes its grid (__cuport_grid_sync, which
; cooperative_groups::grid_group::sync calls) runs its whole grid in one
; work-group: a warp of a block per work-item, block-major. Block index and
; grid size come from the hidden grid shape; each block's __shared__
; variables and dynamic shared memory live in its slice of one buffer (the
; dynamic shared memory argument after cuport-lower-dynamic-shared), whose
; stride is the shape's fourth element; the static bytes are recorded on
; the kernel. Grid barriers park like block barriers (kind 2) and are
; released once no warp waits at a block barrier in that round.
; __cuport_grid_resident is true there and false in every other kernel.
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-warp-lockstep -S %s | %FileCheck %s
; RUN: %opt -load-pass-plugin %cuport-plugin -passes=cuport-lower-warp-lockstep,cuport-kernel-abi,cuport-lower-dynamic-shared %s -o %t.bc
; RUN: %llvm-spirv %t.bc -o %t.spv
; RUN: %spirv-val %t.spv

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spirv64-unknown-unknown"

%struct.__cuport_warp = type { [32 x i32], [32 x i32], [32 x i32], [32 x i32], i32, [32 x i64], [32 x i32], [32 x i64] }

@tile = internal addrspace(3) global [64 x i32] undef, align 4
@flag = internal addrspace(3) global i8 undef, align 1
@dyn = external addrspace(3) global [0 x float], align 4
@llvm.used = appending global [7 x i8*] [i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_begin to i8*), i8* bitcast (i32 (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_runnable to i8*), i8* bitcast (i32 (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_resume_point to i8*), i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32, i32, i32, i32, i32, i64, i32)* @__cuport_warp_park to i8*), i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_exit to i8*), i8* bitcast (void (%struct.__cuport_warp addrspace(4)*, i32)* @__cuport_warp_release to i8*), i8* bitcast (i32 (%struct.__cuport_warp addrspace(4)*)* @__cuport_warp_schedule to i8*)], section "llvm.metadata"

declare spir_func i64 @_Z12get_local_idj(i32)
declare spir_func i64 @_Z12get_group_idj(i32)
declare spir_func i64 @_Z14get_num_groupsj(i32)
declare spir_func void @_Z7barrierj(i32)
declare void @__cuport_grid_sync()
declare zeroext i1 @__cuport_grid_resident()

; CHECK-LABEL: define spir_kernel void @exchange(
; CHECK-SAME: float addrspace(1)* %out, i32 "cuport-hidden"="block-dim" %block-dim, <4 x i32> "cuport-hidden"="grid-shape" %grid-shape) #[[GRIDATTRS:[0-9]+]]
; The work-item's block and warp; the grid shape; the block's slice.
; CHECK: %item = trunc i64
; CHECK: %block.warps = udiv i32
; CHECK: %block = udiv i32 %item, %block.warps
; CHECK: %warp.id = urem i32 %item, %block.warps
; CHECK: %gdx = extractelement <4 x i32> %grid-shape, i32 0
; CHECK: %slice.bytes = extractelement <4 x i32> %grid-shape, i32 3
; CHECK: %[[OFF:.*]] = mul i32 %block, %slice.bytes
; CHECK: getelementptr inbounds [0 x i8], [0 x i8] addrspace(3)* @exchange.block.shared, i64 0, i64 %{{.*}}
; Both per-round block-barrier counts start at 0.
; CHECK: store i32 0, i32 addrspace(3)* getelementptr inbounds ([2 x i32], [2 x i32] addrspace(3)* @exchange.block.waits, i32 0, i32 0)
; CHECK: store i32 0, i32 addrspace(3)* getelementptr inbounds ([2 x i32], [2 x i32] addrspace(3)* @exchange.block.waits, i32 0, i32 1)
; __shared__ variables at their offsets in the slice, dynamic shared memory
; after them at 16 bytes (64 x i32 + i8 = 257 -> 272).
; CHECK-DAG: bitcast i8 addrspace(3)* %slice to [64 x i32] addrspace(3)*
; CHECK-DAG: %flag.slice{{.*}} = getelementptr inbounds i8, i8 addrspace(3)* %slice, i64 256
; CHECK-DAG: %dyn.slice{{.*}} = getelementptr inbounds i8, i8 addrspace(3)* %slice, i64 272
; blockIdx and gridDim from the block's index and the shape.
; CHECK-NOT: call spir_func i64 @_Z12get_group_idj
; CHECK-NOT: call spir_func i64 @_Z14get_num_groupsj
; The block barrier parks as kind 1, the grid barrier as kind 2.
; CHECK: call void @__cuport_warp_park({{.*}}, i32 1, i32 1, i32 0, i32 0, i64 0, i32 0)
; CHECK: call void @__cuport_warp_park({{.*}}, i32 2, i32 2, i32 0, i32 0, i64 0, i32 0)
; A warp at a block barrier counts itself in this round's slot; the first
; work-item clears the next round's before the barrier.
; CHECK: atomicrmw add i32 addrspace(3)* %{{.*}}, i32 1 monotonic
; CHECK: call spir_func void @_Z7barrierj(i32 3)
; CHECK: %warps.at.block.barrier = load i32
; CHECK: %[[ANY:.*]] = icmp ne i32 %warps.at.block.barrier, 0
; CHECK: %[[WHICH:.*]] = select i1 %[[ANY]], i32 2, i32 4
; CHECK: call void @__cuport_warp_release({{.*}}, i32 %[[WHICH]])
; CHECK-NOT: @__cuport_grid_sync
; CHECK-NOT: @__cuport_grid_resident
define spir_kernel void @exchange(float addrspace(1)* %out) {
entry:
  %tx = call spir_func i64 @_Z12get_local_idj(i32 0)
  %bx = call spir_func i64 @_Z12get_group_idj(i32 0)
  %nx = call spir_func i64 @_Z14get_num_groupsj(i32 0)
  %t32 = trunc i64 %tx to i32
  %slot = getelementptr [64 x i32], [64 x i32] addrspace(3)* @tile, i64 0, i64 %tx
  store i32 %t32, i32 addrspace(3)* %slot
  store i8 1, i8 addrspace(3)* @flag
  %d = getelementptr [0 x float], [0 x float] addrspace(3)* @dyn, i64 0, i64 %tx
  store float 1.0, float addrspace(3)* %d
  call spir_func void @_Z7barrierj(i32 1)
  call void @__cuport_grid_sync()
  %valid = call zeroext i1 @__cuport_grid_resident()
  %v = uitofp i1 %valid to float
  %next = add i64 %bx, 1
  %wrap = urem i64 %next, %nx
  %dst = getelementptr float, float addrspace(1)* %out, i64 %wrap
  store float %v, float addrspace(1)* %dst
  ret void
}

; CHECK-LABEL: define spir_kernel void @plain(float addrspace(1)* %out)
; CHECK: %v = uitofp i1 false to float
define spir_kernel void @plain(float addrspace(1)* %out) {
entry:
  %valid = call zeroext i1 @__cuport_grid_resident()
  %v = uitofp i1 %valid to float
  store float %v, float addrspace(1)* %out
  ret void
}

; CHECK: attributes #[[GRIDATTRS]] = { "cuport-static-shared"="257" }

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
