// Device functions defined in their own translation unit and called from
// kernels in rdc_main.cu; built with -rdc=true and linked at device level.
#include <cuda_runtime.h>

__device__ unsigned mixBits(unsigned x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

// Weighted sum of a window of v, starting at `first`, with weights 1..count.
__device__ float windowSum(const float *v, int first, int count) {
  float s = 0.0f;
  for (int k = 0; k < count; ++k)
    s += (float)(k + 1) * v[first + k];
  return s;
}

// Calls back into a function defined in the main file.
__device__ int scaleByMainFactor(int x);
__device__ int scaleTwice(int x) { return scaleByMainFactor(scaleByMainFactor(x)); }
