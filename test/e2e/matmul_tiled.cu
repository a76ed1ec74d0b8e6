// RUN: %cuport-cc -O2 %s -o %t && %t | %FileCheck %s
// REQUIRES: opencl
// CHECK: PASSED
//
// Tiled matrix multiply through __shared__ tiles with __syncthreads between
// the load and the use of each tile. Shapes include ones that are not
// multiples of the tile (partial edge tiles) and degenerate 1x1. With
// integer-valued inputs every partial sum is exact in float, so the result
// must equal the host's integer computation bit for bit; a second pass with
// fractional inputs is checked against a double reference with a tolerance.
#include <cuda_runtime.h>

#include <cmath>
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

#define TILE 16

__global__ void matmulTiled(const float *A, const float *B, float *C, int M,
                            int K, int N) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty;
  int col = blockIdx.x * TILE + tx;
  float acc = 0.0f;
  int tiles = (K + TILE - 1) / TILE;
  for (int t = 0; t < tiles; ++t) {
    int aCol = t * TILE + tx;
    int bRow = t * TILE + ty;
    As[ty][tx] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
    Bs[ty][tx] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
    __syncthreads();
    for (int k = 0; k < TILE; ++k)
      acc += As[ty][k] * Bs[k][tx];
    __syncthreads();
  }
  if (row < M && col < N)
    C[row * N + col] = acc;
}

static unsigned Seed = 12345u;
static unsigned nextRand() {
  Seed = Seed * 1664525u + 1013904223u;
  return Seed >> 8;
}

// Returns the number of mismatching elements.
static int runCase(int M, int K, int N, bool integerValued) {
  float *A = (float *)malloc(sizeof(float) * M * K);
  float *B = (float *)malloc(sizeof(float) * K * N);
  float *C = (float *)malloc(sizeof(float) * M * N);
  int *Ai = (int *)malloc(sizeof(int) * M * K);
  int *Bi = (int *)malloc(sizeof(int) * K * N);
  for (int i = 0; i < M * K; ++i) {
    Ai[i] = (int)(nextRand() % 9) - 4;
    A[i] = integerValued ? (float)Ai[i] : (float)(nextRand() % 2001) / 1000.0f - 1.0f;
  }
  for (int i = 0; i < K * N; ++i) {
    Bi[i] = (int)(nextRand() % 9) - 4;
    B[i] = integerValued ? (float)Bi[i] : (float)(nextRand() % 2001) / 1000.0f - 1.0f;
  }
  for (int i = 0; i < M * N; ++i)
    C[i] = -12345.0f;

  float *dA, *dB, *dC;
  CUDA_CHECK(cudaMalloc(&dA, sizeof(float) * M * K));
  CUDA_CHECK(cudaMalloc(&dB, sizeof(float) * K * N));
  CUDA_CHECK(cudaMalloc(&dC, sizeof(float) * M * N));
  CUDA_CHECK(cudaMemcpy(dA, A, sizeof(float) * M * K, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, B, sizeof(float) * K * N, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dC, C, sizeof(float) * M * N, cudaMemcpyHostToDevice));

  dim3 block(TILE, TILE);
  dim3 grid((N + TILE - 1) / TILE, (M + TILE - 1) / TILE);
  matmulTiled<<<grid, block>>>(dA, dB, dC, M, K, N);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaDeviceSynchronize());
  CUDA_CHECK(cudaMemcpy(C, dC, sizeof(float) * M * N, cudaMemcpyDeviceToHost));

  int bad = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float got = C[i * N + j];
      bool ok;
      double want;
      if (integerValued) {
        long long exact = 0;
        for (int k = 0; k < K; ++k)
          exact += (long long)Ai[i * K + k] * Bi[k * N + j];
        want = (double)exact;
        ok = got == (float)exact;
      } else {
        double sum = 0, mag = 0;
        for (int k = 0; k < K; ++k) {
          double p = (double)A[i * K + k] * (double)B[k * N + j];
          sum += p;
          mag += fabs(p);
        }
        want = sum;
        ok = fabs(got - sum) <= 1e-5 * mag + 1e-6;
      }
      if (!ok) {
        if (bad < 5)
          printf("mismatch: %dx%dx%d %s C[%d][%d] = %.7g, want %.7g\n", M, K, N,
                 integerValued ? "integer" : "fractional", i, j, got, want);
        ++bad;
      }
    }

  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dC));
  free(A);
  free(B);
  free(C);
  free(Ai);
  free(Bi);
  return bad;
}

int main() {
  struct Shape { int M, K, N; };
  const Shape shapes[] = {{64, 64, 64}, {37, 53, 29}, {1, 1, 1},
                          {16, 33, 15}, {100, 7, 130}, {17, 150, 48}};
  int bad = 0;
  for (const Shape &s : shapes) {
    int b = runCase(s.M, s.K, s.N, true) + runCase(s.M, s.K, s.N, false);
    printf("matmul %dx%dx%d: %s\n", s.M, s.K, s.N, b ? "mismatch" : "ok");
    bad += b;
  }
  if (bad) {
    printf("FAILED: %d mismatching elements\n", bad);
    return 1;
  }
  printf("PASSED\n");
  return 0;
}
