// An invalid memory access inside a kernel cannot be caught on the CPU
// target: the process ends by the signal, but first says so and names the
// kernel launched last (docs/reliability.md).
// RUN: %cuport-cc %s -o %t
// RUN: %not --crash %t 2>&1 | %FileCheck %s
// REQUIRES: opencl
// CHECK: before the fault
// CHECK: cuport: SIGSEGV while device work was queued; most recent kernel launch: '_Z9writeWildPi'. On the CPU target an invalid memory access inside a kernel ends the process (CUDA would report cudaErrorIllegalAddress at the next synchronization).
#include <cstdio>

__global__ void writeWild(int *p) { p[threadIdx.x] = 1; }

int main() {
  printf("before the fault\n");
  fflush(stdout);
  writeWild<<<1, 1>>>((int *)0x10);
  cudaDeviceSynchronize();
  printf("not reached\n");
  return 0;
}
