// The other translation unit of rdc-link.cu: it defines the device
// function and the device variable rdc-link.cu declares extern.
#include <cuda_runtime.h>

__device__ int scale = 3;

__device__ int scaled(int x) { return x * scale + 1; }

__global__ void libKernel(int *out) { out[threadIdx.x] = scaled(int(threadIdx.x)); }
