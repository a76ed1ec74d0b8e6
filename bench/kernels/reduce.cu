// Float sum against reduce_omp.cpp. Each thread sums a grid-stride slice,
// then the block combines its threads, and a second one-block launch combines
// the block sums. With -DBENCH_SHUFFLE (bench.py sets it when cuport-cc
// compiles __shfl_down_sync) each warp reduces with shuffles and one warp
// combines the warps' sums; without, a __shared__ tree does it all. Checked against a
// double sum: to 1e-5 for CUDA (short float partial sums), 1e-3 for OpenMP
// (each of its simd lanes adds N/32 floats in order).
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

#define BLOCK 256
#define MAX_BLOCKS 1024

__global__ void blockSums(const float *X, long N, float *Out) {
  __shared__ float S[BLOCK];
  unsigned T = threadIdx.x;
  float Sum = 0.0f;
  for (long I = long(blockIdx.x) * BLOCK + T; I < N; I += long(gridDim.x) * BLOCK)
    Sum += X[I];
#ifdef BENCH_SHUFFLE
  for (int Off = 16; Off > 0; Off >>= 1)
    Sum += __shfl_down_sync(0xffffffffu, Sum, Off);
  if (T % 32 == 0)
    S[T / 32] = Sum;
  __syncthreads();
  if (T < 32) {
    Sum = T < BLOCK / 32 ? S[T] : 0.0f;
    for (int Off = 16; Off > 0; Off >>= 1)
      Sum += __shfl_down_sync(0xffffffffu, Sum, Off);
    if (T == 0)
      Out[blockIdx.x] = Sum;
  }
#else
  S[T] = Sum;
  __syncthreads();
  for (unsigned Stride = BLOCK / 2; Stride > 0; Stride >>= 1) {
    if (T < Stride)
      S[T] += S[T + Stride];
    __syncthreads();
  }
  if (T == 0)
    Out[blockIdx.x] = S[0];
#endif
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 1 << 25);
  const long N = O.Size;
  std::vector<float> X(N);
  unsigned long long Seed = 2;
  double Want = 0.0;
  for (long I = 0; I < N; ++I) {
    X[I] = float(bench::uniform(Seed));
    Want += X[I];
  }
  const unsigned Blocks =
      unsigned(std::min<long>(MAX_BLOCKS, (N + BLOCK - 1) / BLOCK));
  float *DX, *DPartial, *DSum;
  BENCH_CHECK(cudaMalloc(&DX, N * sizeof(float)));
  BENCH_CHECK(cudaMalloc(&DPartial, Blocks * sizeof(float)));
  BENCH_CHECK(cudaMalloc(&DSum, sizeof(float)));
  BENCH_CHECK(cudaMemcpy(DX, X.data(), N * sizeof(float), cudaMemcpyHostToDevice));

  float CudaSum = 0.0f, OmpSum = 0.0f;
  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        blockSums<<<Blocks, BLOCK>>>(DX, N, DPartial);
        blockSums<<<1, BLOCK>>>(DPartial, Blocks, DSum);
        BENCH_CHECK(cudaMemcpy(&CudaSum, DSum, sizeof(float), cudaMemcpyDeviceToHost));
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        OmpSum = reduce_omp(X.data(), N);
        return bench::now() - T0;
      },
      TC, TO);

  bool Ok = bench::closeEnough("reduce cuda", 0, CudaSum, Want, 1e-5) &
            bench::closeEnough("reduce omp", 0, OmpSum, Want, 1e-3);
#ifdef BENCH_SHUFFLE
  const char *Name = "reduce (warp shuffles)";
#else
  const char *Name = "reduce (shared tree)";
#endif
  bench::emit("kernel", Name, TC, TO, 4.0 * N, Ok);
  return Ok ? 0 : 1;
}
