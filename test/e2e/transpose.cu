// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Matrix transpose through a 32x33 __shared__ tile (the +1 column avoids
// bank conflicts) with 32x8 thread blocks, each thread moving four
// elements; plus a naive transpose for comparison. Rectangular sizes that
// are not multiples of the tile. A transpose only moves values, so every
// element must match bit for bit.
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

#define TILE 32
#define ROWS 8

// in is rows x cols; out is cols x rows.
__global__ void transposeTiled(const float *in, float *out, int rows, int cols) {
  __shared__ float tile[TILE][TILE + 1];
  int x = blockIdx.x * TILE + threadIdx.x;
  int y = blockIdx.y * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < cols && y + j < rows)
      tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * cols + x];
  __syncthreads();
  x = blockIdx.y * TILE + threadIdx.x;
  y = blockIdx.x * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < rows && y + j < cols)
      out[(y + j) * rows + x] = tile[threadIdx.x][threadIdx.y + j];
}

__global__ void transposeNaive(const float *in, float *out, int rows, int cols) {
  int c = blockIdx.x * blockDim.x + threadIdx.x;
  int r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r < rows && c < cols)
    out[c * rows + r] = in[r * cols + c];
}

int main() {
  struct Shape { int rows, cols; };
  const Shape shapes[] = {{1, 1}, {32, 32}, {100, 37}, {129, 65}, {300, 200}, {5, 257}};
  int failures = 0;
  for (const Shape &s : shapes) {
    int n = s.rows * s.cols;
    float *in = (float *)malloc(n * sizeof(float));
    float *out = (float *)malloc(n * sizeof(float));
    for (int i = 0; i < n; ++i)
      in[i] = (float)i * 1.000001f - 17.5f;
    float *dIn, *dOut;
    CUDA_CHECK(cudaMalloc(&dIn, n * sizeof(float)));
    CUDA_CHECK(cudaMalloc(&dOut, n * sizeof(float)));
    CUDA_CHECK(cudaMemcpy(dIn, in, n * sizeof(float), cudaMemcpyHostToDevice));
    for (int variant = 0; variant < 2; ++variant) {
      CUDA_CHECK(cudaMemset(dOut, 0xff, n * sizeof(float)));
      if (variant == 0) {
        dim3 grid((s.cols + TILE - 1) / TILE, (s.rows + TILE - 1) / TILE);
        transposeTiled<<<grid, dim3(TILE, ROWS)>>>(dIn, dOut, s.rows, s.cols);
      } else {
        dim3 grid((s.cols + 15) / 16, (s.rows + 15) / 16);
        transposeNaive<<<grid, dim3(16, 16)>>>(dIn, dOut, s.rows, s.cols);
      }
      CUDA_CHECK(cudaGetLastError());
      CUDA_CHECK(cudaDeviceSynchronize());
      CUDA_CHECK(cudaMemcpy(out, dOut, n * sizeof(float), cudaMemcpyDeviceToHost));
      int bad = 0;
      for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.cols; ++c)
          if (out[c * s.rows + r] != in[r * s.cols + c]) {
            if (bad++ < 3)
              printf("mismatch: %s %dx%d out[%d][%d] = %.9g, want %.9g\n",
                     variant ? "naive" : "tiled", s.rows, s.cols, c, r,
                     out[c * s.rows + r], in[r * s.cols + c]);
          }
      failures += bad;
    }
    CUDA_CHECK(cudaFree(dIn));
    CUDA_CHECK(cudaFree(dOut));
    free(in);
    free(out);
  }
  if (failures) {
    printf("FAILED: %d mismatches\n", failures);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
