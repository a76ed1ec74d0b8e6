// RUN: %cuport-translate %s -- > %t.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err
// Device intrinsics and *_sync warp functions: HIP's maskless forms, and a
// warning wherever a 64-wide AMD wavefront changes what the code means.

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

__device__ float warpReduce(float v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffff, v, offset);
    // CHECK: v += __shfl_down(v, offset);
    // WARN: :[[@LINE-2]]:10: warning: '__shfl_down_sync' without a width shuffles across warpSize lanes, which is 64 on AMD wavefronts; pass 32 to keep CUDA's 32-lane segments
  return v;
}

__device__ float warpReduceWidth(float v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_xor_sync(0xffffffffu, v, offset, 32);
    // CHECK: v += __shfl_xor(v, offset, 32);
  return v;
}

__global__ void votes(const float *in, unsigned *out, int *flags) {
  int lane = threadIdx.x % warpSize;
  // WARN: :[[@LINE-1]]:28: warning: warpSize is 64 on AMD wavefronts (32 in CUDA); code that assumes 32 changes meaning here
  float x = in[threadIdx.x];
  unsigned ballot = __ballot_sync(0xffffffff, x > 0.0f);
  // CHECK: unsigned ballot = __ballot(x > 0.0f);
  // WARN: :[[@LINE-2]]:21: warning: '__ballot_sync' gives a 64-bit lane mask on a 64-wide AMD wavefront; code that keeps it in 32 bits (unsigned, __popc, __ffs) changes meaning
  int any = __any_sync(0xffffffff, x > 1.0f);
  // CHECK: int any = __any(x > 1.0f);
  int all = __all_sync(0xFFFFFFFF, x < 2.0f);
  // CHECK: int all = __all(x < 2.0f);
  unsigned half = 0x0000ffff;
  int some = __any_sync(half, x > 3.0f);
  // CHECK: int some = __any(x > 3.0f);
  // WARN: :[[@LINE-2]]:14: warning: '__any_sync' lane mask is not the full warp; HIP's __any has no mask and every active lane takes part
  float first = __shfl_sync(0xffffffff, x, 0);
  // CHECK: float first = __shfl(x, 0);
  // WARN: :[[@LINE-2]]:17: warning: '__shfl_sync' without a width shuffles across warpSize lanes, which is 64 on AMD wavefronts; pass 32 to keep CUDA's 32-lane segments
  float up = __shfl_up_sync(0xffffffff, x, 1, 16);
  // CHECK: float up = __shfl_up(x, 1, 16);
  out[threadIdx.x] = ballot + __popc(ballot) + any + all + some + lane;
  flags[threadIdx.x] = (int)(first + up + warpReduce(x) + warpReduceWidth(x));
  __syncthreads();
  __threadfence();
}

// No ROCm 5.2 spelling, but HIP code computes them on the caller's CUDA
// warp (HipCompatWarp.def; hip-compat-warp.cu checks every one).
__global__ void computed(int *p) {
  __syncwarp();
  // CHECK: cuport_syncwarp();
  unsigned active = __activemask();
  // CHECK: unsigned active = cuport_activemask();
  p[threadIdx.x] = __match_any_sync(0xffffffff, p[threadIdx.x]) + active;
  // CHECK: p[threadIdx.x] = cuport_match_any_sync(0xffffffff, p[threadIdx.x]) + active;
}

int main() { return 0; }





