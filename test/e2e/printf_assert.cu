// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
//
// Device printf appears on the host at synchronization, in order with the
// host's own output (through a pipe, where stdio buffers), with C's
// formatting of every conversion; a failed device assert() prints CUDA's
// message and makes the next synchronizing call return cudaErrorAssert,
// which stays (sticky).
#include <cassert>
#include <cstdio>
#include <cuda_runtime.h>

__device__ void helper(int v) { printf("helper sees %d\n", v); }

__global__ void show(int i, long long big, double d, float f, const char *s, unsigned u) {
  printf("int %d|%5d|%-5d|%05d|%+d\n", i, i, i, i, i);
  printf("u %u hex %x %#X oct %o big %lld\n", u, u, u, u, big);
  printf("float %f %.3e %g %8.2f char %c str %s pct %%\n", d, d, d, (double)f, 'Q', s);
  helper(i * 2);
}

__global__ void checks(int limit) {
  int t = threadIdx.x;
  assert(t < limit);
}

int main() {
  printf("host first\n");
  // CHECK: host first
  show<<<1, 1>>>(-42, 1ll << 40, 2.5, 1.25f, "device", 3000000000u);
  cudaError_t e = cudaDeviceSynchronize();
  // CHECK-NEXT: int -42|  -42|-42  |-0042|-42
  // CHECK-NEXT: u 3000000000 hex b2d05e00 0XB2D05E00 oct 26264057000 big 1099511627776
  // CHECK-NEXT: float 2.500000 2.500e+00 2.5     1.25 char Q str device pct %
  // CHECK-NEXT: helper sees -84
  printf("after sync: %s\n", cudaGetErrorName(e));
  // CHECK-NEXT: after sync: cudaSuccess

  checks<<<2, 4>>>(4); // passes
  e = cudaDeviceSynchronize();
  printf("no assert: %s\n", cudaGetErrorName(e));
  // CHECK-NEXT: no assert: cudaSuccess

  checks<<<1, 4>>>(3); // thread 3 fails
  e = cudaDeviceSynchronize();
  // CHECK-NEXT: printf_assert.cu:24: void checks(int): block: [0,0,0], thread: [3,0,0] Assertion `t < limit` failed.
  printf("after assert: %s\n", cudaGetErrorName(e));
  // CHECK-NEXT: after assert: cudaErrorAssert
  printf("sticky: %s\n", cudaGetErrorName(cudaDeviceSynchronize()));
  // CHECK-NEXT: sticky: cudaErrorAssert
  return 0;
}
