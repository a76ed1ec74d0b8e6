// 256-bin histogram of bytes with __shared__ atomics: each block counts a
// grid-stride slice into its own __shared__ bins with atomicAdd, then adds
// them to the global bins with atomicAdd. Against histogram_omp.cpp. Counts
// must equal the host's exactly; the data is skewed so that bins differ.
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

#define BLOCK 256

__global__ void histogram(const unsigned char *Data, long N, unsigned *Bins) {
  __shared__ unsigned S[256];
  S[threadIdx.x] = 0;
  __syncthreads();
  for (long I = long(blockIdx.x) * BLOCK + threadIdx.x; I < N;
       I += long(gridDim.x) * BLOCK)
    atomicAdd(&S[Data[I]], 1u);
  __syncthreads();
  if (S[threadIdx.x])
    atomicAdd(&Bins[threadIdx.x], S[threadIdx.x]);
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 1 << 26);
  const long N = O.Size;
  std::vector<unsigned char> Data(N);
  unsigned long long Seed = 5;
  std::vector<unsigned> Want(256, 0), Got(256), Omp(256);
  for (long I = 0; I < N; ++I) {
    double U = bench::uniform(Seed);
    Data[I] = (unsigned char)(256 * U * U);
    ++Want[Data[I]];
  }
  unsigned char *DData;
  unsigned *DBins;
  BENCH_CHECK(cudaMalloc(&DData, N));
  BENCH_CHECK(cudaMalloc(&DBins, 256 * sizeof(unsigned)));
  BENCH_CHECK(cudaMemcpy(DData, Data.data(), N, cudaMemcpyHostToDevice));
  const unsigned Blocks = unsigned(std::min<long>(256, (N + BLOCK - 1) / BLOCK));

  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        BENCH_CHECK(cudaMemset(DBins, 0, 256 * sizeof(unsigned)));
        histogram<<<Blocks, BLOCK>>>(DData, N, DBins);
        BENCH_CHECK(cudaDeviceSynchronize());
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        histogram_omp(Data.data(), N, Omp.data());
        return bench::now() - T0;
      },
      TC, TO);

  BENCH_CHECK(cudaMemcpy(Got.data(), DBins, 256 * sizeof(unsigned),
                         cudaMemcpyDeviceToHost));
  bool Ok = true;
  for (int B = 0; B < 256 && Ok; ++B)
    Ok = bench::closeEnough("histogram cuda", B, Got[B], Want[B], 0) &&
         bench::closeEnough("histogram omp", B, Omp[B], Want[B], 0);
  bench::emit("kernel", "histogram (shared atomics)", TC, TO, double(N), Ok);
  return Ok ? 0 : 1;
}
