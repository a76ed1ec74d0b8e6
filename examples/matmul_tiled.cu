// matmul_tiled: C = A * B with 16x16 tiles staged through __shared__ memory.
// Each block loads one tile of A and one of B per step, synchronizes, and
// accumulates; edge tiles are padded with zeros so any M, K, N work.
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

#define TILE 16

__global__ void matmulTiled(const float *A, const float *B, float *C, int M,
                            int K, int N) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];
  int row = blockIdx.y * TILE + threadIdx.y;
  int col = blockIdx.x * TILE + threadIdx.x;
  float acc = 0.0f;
  for (int t = 0; t < (K + TILE - 1) / TILE; ++t) {
    int aCol = t * TILE + threadIdx.x;
    int bRow = t * TILE + threadIdx.y;
    As[threadIdx.y][threadIdx.x] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
    Bs[threadIdx.y][threadIdx.x] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
    __syncthreads();
    for (int k = 0; k < TILE; ++k)
      acc += As[threadIdx.y][k] * Bs[k][threadIdx.x];
    __syncthreads();
  }
  if (row < M && col < N)
    C[row * N + col] = acc;
}

int main() {
  const int M = 200, K = 150, N = 170;
  float *A = (float *)malloc(M * K * sizeof(float));
  float *B = (float *)malloc(K * N * sizeof(float));
  float *C = (float *)malloc(M * N * sizeof(float));
  srand(42);
  for (int i = 0; i < M * K; ++i)
    A[i] = (float)rand() / (float)RAND_MAX - 0.5f;
  for (int i = 0; i < K * N; ++i)
    B[i] = (float)rand() / (float)RAND_MAX - 0.5f;

  float *dA, *dB, *dC;
  CUDA_CHECK(cudaMalloc(&dA, M * K * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dB, K * N * sizeof(float)));
  CUDA_CHECK(cudaMalloc(&dC, M * N * sizeof(float)));
  CUDA_CHECK(cudaMemcpy(dA, A, M * K * sizeof(float), cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, B, K * N * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(TILE, TILE);
  dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
  matmulTiled<<<grid, block>>>(dA, dB, dC, M, K, N);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(C, dC, M * N * sizeof(float), cudaMemcpyDeviceToHost));

  // Reference in double; the tolerance scales with the sum of |products|.
  int bad = 0;
  double maxErr = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      double sum = 0, mag = 0;
      for (int k = 0; k < K; ++k) {
        sum += (double)A[i * K + k] * B[k * N + j];
        mag += fabs((double)A[i * K + k] * B[k * N + j]);
      }
      double err = fabs(C[i * N + j] - sum);
      if (err > maxErr)
        maxErr = err;
      if (err > 1e-5 * mag + 1e-6) {
        if (bad < 5)
          printf("mismatch at C[%d][%d]: got %f, want %f\n", i, j, C[i * N + j], sum);
        ++bad;
      }
    }
  printf("matmul_tiled: (%dx%d) * (%dx%d), grid %ux%u of %dx%d tiles, "
         "C[10][20] = %.5f, max |error| = %.2e\n",
         M, K, K, N, grid.x, grid.y, TILE, TILE, C[10 * N + 20], maxErr);

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dC));
  free(A);
  free(B);
  free(C);
  if (bad) {
    printf("FAILED (%d mismatches)\n", bad);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
