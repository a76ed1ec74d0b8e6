#include <cuda_runtime.h>

__global__ void k(float *p) { p[threadIdx.x] = 0 }

int main() {
  float *d;
  cudaMalloc(&d, 16);
  k<<<1, 4>>>(d);
  cudaDeviceSynchronize();
  cudaFree(d);
  return 0;
}
