// Second translation unit of multi_object.cu: its own kernels and its own
// device code (whole-program mode, no -rdc), reached through host wrappers.
#include <cuda_runtime.h>

// Same name as a helper in multi_object.cu; `static` keeps them apart.
static __device__ int helper(int x) { return x * 5; }

__global__ void timesFiveKernel(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    v[i] = helper(v[i]);
}

cudaError_t launchTimesFive(int *dv, int n) {
  timesFiveKernel<<<(n + 63) / 64, 64>>>(dv, n);
  return cudaGetLastError();
}
