// Kernels and a host entry point packaged into a static or shared library.
#include <cuda_runtime.h>

__device__ int libCounter;

__global__ void libScale(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] *= a;
  if (i == 0)
    libCounter += 1;
}

extern "C" int libScaleOnDevice(float *hostData, float a, int n) {
  float *d = nullptr;
  if (cudaMalloc(&d, n * sizeof(float)) != cudaSuccess)
    return -1;
  cudaMemcpy(d, hostData, n * sizeof(float), cudaMemcpyHostToDevice);
  libScale<<<(n + 127) / 128, 128>>>(d, a, n);
  libScale<<<(n + 127) / 128, 128>>>(d, a, n);
  cudaError_t e = cudaMemcpy(hostData, d, n * sizeof(float), cudaMemcpyDeviceToHost);
  int calls = 0;
  cudaMemcpyFromSymbol(&calls, libCounter, sizeof(int));
  cudaFree(d);
  return e == cudaSuccess ? calls : -1;
}
