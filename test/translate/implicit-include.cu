// nvcc includes cuda_runtime.h ahead of everything, and CUDA headers such as
// cooperative_groups.h rely on it; ROCm 5.2's hip_cooperative_groups.h does
// not compile unless hip_runtime.h came first. A .cu file that includes
// cuda_runtime.h only after another CUDA header gets hip_runtime.h before
// its first #include as well.
// RUN: %cuport-translate %s -- | FileCheck --match-full-lines %s
// CHECK: #include <hip/hip_runtime.h>
// CHECK-NEXT: #include <cstdio>
// CHECK-NEXT: #include <hip/hip_cooperative_groups.h>
// CHECK-NEXT: #include <hip/hip_runtime.h>
#include <cstdio>
#include <cooperative_groups.h>
#include <cuda_runtime.h>

namespace cg = cooperative_groups;

__global__ void k(int *p) { p[cg::this_thread_block().thread_rank()] = 1; }

int main() {
  std::printf("ok\n");
  return 0;
}
