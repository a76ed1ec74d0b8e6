// __device__ variables and a kernel defined here and used from
// rdc_extern_var.cu through extern declarations (relocatable device code).
#include <cuda_runtime.h>

__device__ int gTable[64];
__device__ float gScale = 2.5f;
__device__ unsigned long long gLaunchCount = 0;

// Fills gTable; launched from the other file.
__global__ void fillTable(int base) {
  int i = threadIdx.x;
  if (i < 64)
    gTable[i] = base + i * i;
  if (i == 0)
    gLaunchCount += 1;
}

// Host helpers that access the variables by symbol from this translation unit.
cudaError_t setScaleFromDefiningFile(float s) {
  return cudaMemcpyToSymbol(gScale, &s, sizeof(s));
}

cudaError_t readTableFromDefiningFile(int *out) {
  return cudaMemcpyFromSymbol(out, gTable, sizeof(gTable));
}
