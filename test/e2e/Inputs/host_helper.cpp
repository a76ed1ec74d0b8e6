// Plain C++ host code linked into mixed_host_cpp.cu's program: it calls the
// CUDA runtime API through <cuda_runtime.h> as host code in a .cpp would.
#include "host_helper.h"

#include <vector>

void referenceBlur(const float *in, float *out, int n, int radius) {
  for (int i = 0; i < n; ++i) {
    double sum = 0;
    for (int d = -radius; d <= radius; ++d) {
      int j = i + d;
      j = j < 0 ? 0 : (j >= n ? n - 1 : j);
      int w = radius + 1 - (d < 0 ? -d : d);
      sum += (double)in[j] * w;
    }
    out[i] = (float)sum;
  }
}

cudaError_t uploadFloats(float **devicePtr, const float *host, int n) {
  cudaError_t err = cudaMalloc((void **)devicePtr, n * sizeof(float));
  if (err != cudaSuccess)
    return err;
  // Stage through a std::vector so the copy source is ordinary C++ memory.
  std::vector<float> staging(host, host + n);
  return cudaMemcpy(*devicePtr, staging.data(), n * sizeof(float), cudaMemcpyHostToDevice);
}

cudaError_t downloadAndFree(float *host, float *devicePtr, int n) {
  cudaError_t err = cudaMemcpy(host, devicePtr, n * sizeof(float), cudaMemcpyDeviceToHost);
  if (err != cudaSuccess)
    return err;
  return cudaFree(devicePtr);
}
