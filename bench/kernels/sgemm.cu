// C = A * B, row-major N x N floats, 16 x 16 tiles staged in __shared__ (the
// CUDA Programming Guide's shared-memory matrix multiply), against
// sgemm_omp.cpp. Work: 2 N^3 flops. 512 sampled elements of each result are
// checked against a double dot product to 1e-4 of the sum of |terms|.
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

#define TILE 16

__global__ void sgemm(const float *A, const float *B, float *C, int N) {
  __shared__ float As[TILE][TILE];
  __shared__ float Bs[TILE][TILE];
  int Row = blockIdx.y * TILE + threadIdx.y, Col = blockIdx.x * TILE + threadIdx.x;
  float Sum = 0.0f;
  for (int K0 = 0; K0 < N; K0 += TILE) {
    As[threadIdx.y][threadIdx.x] =
        Row < N && K0 + threadIdx.x < N ? A[long(Row) * N + K0 + threadIdx.x] : 0.0f;
    Bs[threadIdx.y][threadIdx.x] =
        Col < N && K0 + threadIdx.y < N ? B[long(K0 + threadIdx.y) * N + Col] : 0.0f;
    __syncthreads();
    for (int K = 0; K < TILE; ++K)
      Sum += As[threadIdx.y][K] * Bs[K][threadIdx.x];
    __syncthreads();
  }
  if (Row < N && Col < N)
    C[long(Row) * N + Col] = Sum;
}

static bool check(const char *What, const std::vector<float> &A,
                  const std::vector<float> &B, const std::vector<float> &C, int N) {
  unsigned long long Seed = 99;
  for (int S = 0; S < 512; ++S) {
    int I = int(bench::uniform(Seed) * N), J = int(bench::uniform(Seed) * N);
    double Want = 0.0, Scale = 0.0;
    for (int K = 0; K < N; ++K) {
      double T = double(A[long(I) * N + K]) * B[long(K) * N + J];
      Want += T;
      Scale += std::fabs(T);
    }
    if (std::fabs(C[long(I) * N + J] - Want) > 1e-4 * Scale + 1e-6) {
      std::fprintf(stderr, "%s: C[%d][%d] is %.9g, expected %.9g\n", What, I, J,
                   C[long(I) * N + J], Want);
      return false;
    }
  }
  return true;
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 1024);
  const int N = int(O.Size);
  const size_t Bytes = size_t(N) * N * sizeof(float);
  std::vector<float> A(size_t(N) * N), B(size_t(N) * N), C(size_t(N) * N), Got(C);
  unsigned long long Seed = 3;
  for (float &V : A)
    V = float(bench::uniform(Seed) * 2 - 1);
  for (float &V : B)
    V = float(bench::uniform(Seed) * 2 - 1);
  float *DA, *DB, *DC;
  BENCH_CHECK(cudaMalloc(&DA, Bytes));
  BENCH_CHECK(cudaMalloc(&DB, Bytes));
  BENCH_CHECK(cudaMalloc(&DC, Bytes));
  BENCH_CHECK(cudaMemcpy(DA, A.data(), Bytes, cudaMemcpyHostToDevice));
  BENCH_CHECK(cudaMemcpy(DB, B.data(), Bytes, cudaMemcpyHostToDevice));

  dim3 Block(TILE, TILE), Grid((N + TILE - 1) / TILE, (N + TILE - 1) / TILE);
  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        sgemm<<<Grid, Block>>>(DA, DB, DC, N);
        BENCH_CHECK(cudaDeviceSynchronize());
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        sgemm_omp(A.data(), B.data(), C.data(), N);
        return bench::now() - T0;
      },
      TC, TO);

  BENCH_CHECK(cudaMemcpy(Got.data(), DC, Bytes, cudaMemcpyDeviceToHost));
  bool Ok = check("sgemm cuda", A, B, Got, N) & check("sgemm omp", A, B, C, N);
  bench::emit("kernel", "sgemm (shared tiles)", TC, TO, 2.0 * N * N * N, Ok);
  return Ok ? 0 : 1;
}
