#include <cuda_runtime.h>
#include <cuda.h>
#include <cublas_v2.h>

int main() {
  float *d;
  cudaMalloc(&d, 16);
  cudaMemcpy(d, d, 16, cudaMemcpyDeviceToDevice);
  cuInit(0);
  cublasHandle_t h;
  cublasCreate(&h);
  cudaGraph_t g;
  cudaGraphCreate(&g, 0);
  cudaFree(d);
  return 0;
}
