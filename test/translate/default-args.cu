// A call that leaves out trailing parameters CUDA gives defaults and ROCm
// 5.2's HIP does not (CUDA_DEFAULT_ARGS in CudaKernelArgs.def) gets CUDA's
// defaults written in: hipLaunchCooperativeKernel has no default
// sharedMemBytes or stream. One left out gets one; all given, nothing
// changes; also as a macro's argument and in a template instantiated twice.
// RUN: %cuport-translate %s -- | FileCheck --match-full-lines %s

#include <cuda_runtime.h>
#define CHECK_CUDA(x) (void)(x)

__global__ void kernel(int *p) { p[blockIdx.x] = 1; }
template <typename T> __global__ void tkernel(T *p) { p[blockIdx.x] = T(); }

template <typename T> void launch(void **args) {
  cudaLaunchCooperativeKernel(tkernel<T>, dim3(2), dim3(64), args);
  // CHECK: hipLaunchCooperativeKernel(tkernel<T>, dim3(2), dim3(64), args, 0, 0);
}

int main() {
  int *p = nullptr;
  void *args[] = {&p};
  cudaStream_t s = 0;
  cudaLaunchCooperativeKernel(kernel, dim3(2), dim3(64), args);
  // CHECK: hipLaunchCooperativeKernel(kernel, dim3(2), dim3(64), args, 0, 0);
  CHECK_CUDA(cudaLaunchCooperativeKernel((const void *)kernel, 2, 64, args));
  // CHECK: CHECK_CUDA(hipLaunchCooperativeKernel((const void *)kernel, 2, 64, args, 0, 0));
  cudaLaunchCooperativeKernel(kernel, dim3(2), dim3(64), args, 128);
  // CHECK: hipLaunchCooperativeKernel(kernel, dim3(2), dim3(64), args, 128, 0);
  cudaLaunchCooperativeKernel(kernel, dim3(2), dim3(64), args, 0, s);
  // CHECK: hipLaunchCooperativeKernel(kernel, dim3(2), dim3(64), args, 0, s);
  launch<float>(args);
  launch<int>(args);
  return 0;
}
