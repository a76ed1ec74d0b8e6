// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// 2D convolution with a 5x5 filter and clamp-to-edge borders. Each 16x16
// block stages a 20x20 tile (its outputs plus a 2-wide halo) in __shared__
// memory, loaded cooperatively in a strided loop, then computes from the
// tile. Image sizes smaller than the filter, not multiples of the block,
// and non-square. Inputs are small integers and the weights multiples of
// 1/16, so every sum is exact and compared for equality with the host.
#include <cuda_runtime.h>

#include <cstdio>
#include <cstdlib>

#define CUDA_CHECK(call)                                                      \
  do {                                                                        \
    cudaError_t err_ = (call);                                                \
    if (err_ != cudaSuccess) {                                                \
      printf("CUDA error %s at %s:%d: %s\n", cudaGetErrorName(err_), __FILE__, \
             __LINE__, #call);                                                \
      exit(1);                                                                \
    }                                                                         \
  } while (0)

#define BS 16
#define R 2
#define TW (BS + 2 * R)

__device__ int clampIndex(int v, int n) { return v < 0 ? 0 : (v >= n ? n - 1 : v); }

__global__ void convolve5x5(const float *img, const float *filter, float *out, int width,
                            int height) {
  __shared__ float tile[TW][TW];
  int originX = blockIdx.x * BS - R;
  int originY = blockIdx.y * BS - R;
  int tid = threadIdx.y * BS + threadIdx.x;
  for (int k = tid; k < TW * TW; k += BS * BS) {
    int ty = k / TW, tx = k % TW;
    int gx = clampIndex(originX + tx, width);
    int gy = clampIndex(originY + ty, height);
    tile[ty][tx] = img[gy * width + gx];
  }
  __syncthreads();
  int x = blockIdx.x * BS + threadIdx.x;
  int y = blockIdx.y * BS + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sum = 0.0f;
  for (int dy = -R; dy <= R; ++dy)
    for (int dx = -R; dx <= R; ++dx)
      sum += filter[(dy + R) * (2 * R + 1) + (dx + R)] *
             tile[threadIdx.y + R + dy][threadIdx.x + R + dx];
  out[y * width + x] = sum;
}

int main() {
  struct Size { int w, h; };
  const Size sizes[] = {{64, 64}, {70, 45}, {3, 5}, {1, 1}, {17, 100}};
  float filter[25];
  for (int k = 0; k < 25; ++k)
    filter[k] = (float)((k * 7) % 17 - 8) / 16.0f;
  float *dFilter;
  CUDA_CHECK(cudaMalloc(&dFilter, sizeof(filter)));
  CUDA_CHECK(cudaMemcpy(dFilter, filter, sizeof(filter), cudaMemcpyHostToDevice));

  int failures = 0;
  for (const Size &s : sizes) {
    int n = s.w * s.h;
    float *img = (float *)malloc(n * sizeof(float));
    float *out = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i)
      img[i] = (float)((i * 37 + i / s.w) % 16);
    float *dImg, *dOut;
    CUDA_CHECK(cudaMalloc(&dImg, n * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(float)));
    CUDA_CHECK(cudaMemcpy(dImg, img, n * sizeof(float), cudaMemcpyHostToDevice));
    dim3 grid((s.w + BS - 1) / BS, (s.h + BS - 1) / BS);
    convolve5x5<<<grid, dim3(BS, BS)>>>(dImg, dFilter, dOut, s.w, s.h);
    CUDA_CHECK(cudaGetLastError());
    CUDA_CHECK(cudaDeviceSynchronize());
    CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(float), cudaMemcpyDeviceToHost));

    int bad = 0;
    for (int y = 0; y < s.h; ++y)
      for (int x = 0; x < s.w; ++x) {
        // Integer arithmetic in sixteenths.
        long long sixteenths = 0;
        for (int fy = 0; fy < 5; ++fy)
          for (int fx = 0; fx < 5; ++fx) {
            int sx = x + fx - 2, sy = y + fy - 2;
            sx = sx < 0 ? 0 : (sx >= s.w ? s.w - 1 : sx);
            sy = sy < 0 ? 0 : (sy >= s.h ? s.h - 1 : sy);
            int pixel = ((sy * s.w + sx) * 37 + sy) % 16;
            int weight = ((fy * 5 + fx) * 7) % 17 - 8;
            sixteenths += (long long)pixel * weight;
          }
        double want = sixteenths / 16.0;
        if (out[y * s.w + x] != want) {
          if (bad++ < 3)
            printf("mismatch: %dx%d out(%d,%d) = %.9g, want %.9g\n", s.w, s.h, x, y,
                   out[y * s.w + x], want);
        }
      }
    failures += bad;
    CUDA_CHECK(cudaFree(dImg));
    CUDA_CHECK(cudaFree(dOut));
    free(img);
    free(out);
  }
  CUDA_CHECK(cudaFree(dFilter));
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
