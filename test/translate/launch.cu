// RUN: %cuport-translate %s -- > %t.chevron.hip
// RUN: FileCheck --match-full-lines --check-prefix=CHEVRON %s < %t.chevron.hip
// RUN: %cuport-translate --launch=hipLaunchKernelGGL %s -- > %t.ggl.hip 2> %t.err
// RUN: FileCheck --match-full-lines %s < %t.ggl.hip
// RUN: FileCheck --check-prefix=WARN %s < %t.err
// CHEVRON-NOT: {{^ *}}hipLaunchKernelGGL
// RUN: %not %cuport-translate --launch=bogus %s -- 2>&1 | FileCheck --check-prefix=BAD %s
// Kernel launches: kept as <<<>>> by default (HIP accepts it); with
// --launch=hipLaunchKernelGGL, rewritten with the defaults HIP needs.
// BAD: cuport-translate: error: invalid --launch value 'bogus'; expected chevron or hipLaunchKernelGGL

#include <cuda_runtime.h>
// CHECK: #include <hip/hip_runtime.h>

__global__ void simple(int *p) { p[threadIdx.x] = 0; }
__global__ void noargs() {}
template <typename T, int N> __global__ void tmpl(T *p, T v) { p[threadIdx.x % N] = v; }

#define LAUNCH(k, p) k<<<1, 1>>>(p)
// WARN: :[[@LINE-1]]:23: warning: kernel launch inside a macro kept as <<<>>>; hipLaunchKernelGGL needs it spelled in the file

void run(int *d, float *f, cudaStream_t stream, int n) {
// CHECK: void run(int *d, float *f, hipStream_t stream, int n) {
  dim3 grid(n / 256 + 1), block(256);
  simple<<<grid, block>>>(d);
  // CHECK: hipLaunchKernelGGL(simple, grid, block, 0, 0, d);
  // CHEVRON: simple<<<grid, block>>>(d);
  simple<<<grid, block, 0, stream>>>(d);
  // CHECK: hipLaunchKernelGGL(simple, grid, block, 0, stream, d);
  simple<<<dim3(4, 4), dim3(16, 16), 1024>>>(d);
  // CHECK: hipLaunchKernelGGL(simple, dim3(4, 4), dim3(16, 16), 1024, 0, d);
  noargs<<<1, 1>>>();
  // CHECK: hipLaunchKernelGGL(noargs, 1, 1, 0, 0);
  tmpl<float, 4><<<1, 64, 0, stream>>>(f, 1.0f);
  // CHECK: hipLaunchKernelGGL((tmpl<float, 4>), 1, 64, 0, stream, f, 1.0f);
  tmpl<int, 2><<<grid, block>>>(d, n);
  // CHECK: hipLaunchKernelGGL((tmpl<int, 2>), grid, block, 0, 0, d, n);
  LAUNCH(simple, d);
}

int main() { return 0; }

