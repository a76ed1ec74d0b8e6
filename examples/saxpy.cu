// saxpy: y = a*x + y with a grid-stride loop, so a fixed, small grid covers
// any vector length. Checked against a double-precision host computation.
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,           \
              cudaGetErrorString(err_));                                      \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

__global__ void saxpy(int n, float a, const float *x, float *y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += blockDim.x * gridDim.x)
    y[i] = a * x[i] + y[i];
}

int main() {
  const int n = 1 << 18;
  const float a = 2.5f;
  float *x = (float *)malloc(n * sizeof(float));
  float *y = (float *)malloc(n * sizeof(float));
  for (int i = 0; i < n; ++i) {
    x[i] = (float)(i % 1000) / 7.0f;
    y[i] = (float)(i % 13) - 6.0f;
  }

  float *dx, *dy;
  CUDA_CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dy, n * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dx, x, n * sizeof(float), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dy, y, n * sizeof(float), cudaMemcpyHostToDevice));

  saxpy<<<64, 256>>>(n, a, dx, dy);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());

  float *result = (float *)malloc(n * sizeof(float));
  CUDA_CHECK(cudaMemcpy(result, dy, n * sizeof(float), cudaMemcpyDeviceToHost));

  int bad = 0;
  double maxErr = 0;
  for (int i = 0; i < n; ++i) {
    double want = (double)a * x[i] + y[i];
    double err = fabs(result[i] - want);
    if (err > maxErr)
      maxErr = err;
    if (err > 1e-5 * fabs(want) + 1e-5) {
      if (bad < 5)
        printf("mismatch at %d: got %f, want %f\n", i, result[i], want);
      ++bad;
    }
  }
  printf("saxpy: n = %d, a = %.1f, y[777] = %.4f, max |error| = %.2e\n", n, a,
         result[777], maxErr);

  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dy));
  free(x);
  free(y);
  free(result);
  if (bad) {
    printf("FAILED (%d mismatches)\n", bad);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
