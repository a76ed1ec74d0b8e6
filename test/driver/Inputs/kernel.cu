#include <cuda_runtime.h>
__global__ void scale(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}
#ifdef __CUDA_ARCH__
static_assert(__CUDA_ARCH__ >= 520, "device pass sees __CUDA_ARCH__");
#endif
int launch(float *x, int n) { scale<<<(n + 255) / 256, 256>>>(x, 2.0f, n); return 0; }
