// Exclusive prefix sum of ints, the three-phase GPU scan: each 256-thread
// block scans 1024 elements in __shared__ (Hillis-Steele over per-thread
// sums of 4) and writes its total; the totals are scanned the same way,
// recursively; then each block adds its offset. Against scan_omp.cpp.
// Exact comparison with the host.
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

#define BLOCK 256
#define PER_THREAD 4
#define CHUNK (BLOCK * PER_THREAD)

__global__ void scanBlocks(const int *In, int *Out, int *Totals, long N) {
  __shared__ int S[2][BLOCK];
  long Base = long(blockIdx.x) * CHUNK + threadIdx.x * PER_THREAD;
  int V[PER_THREAD], Sum = 0;
  for (int K = 0; K < PER_THREAD; ++K) {
    V[K] = Base + K < N ? In[Base + K] : 0;
    Sum += V[K];
  }
  int Cur = 0;
  S[Cur][threadIdx.x] = Sum;
  __syncthreads();
  for (int Off = 1; Off < BLOCK; Off <<= 1) {
    int X = S[Cur][threadIdx.x];
    if (threadIdx.x >= Off)
      X += S[Cur][threadIdx.x - Off];
    S[1 - Cur][threadIdx.x] = X;
    Cur = 1 - Cur;
    __syncthreads();
  }
  int Run = S[Cur][threadIdx.x] - Sum; // exclusive prefix of this thread
  for (int K = 0; K < PER_THREAD; ++K) {
    if (Base + K < N)
      Out[Base + K] = Run;
    Run += V[K];
  }
  if (threadIdx.x == BLOCK - 1)
    Totals[blockIdx.x] = Run;
}

__global__ void addOffsets(int *Out, const int *Offsets, long N) {
  long I = long(blockIdx.x) * CHUNK + threadIdx.x;
  int Off = Offsets[blockIdx.x];
  for (int K = 0; K < PER_THREAD; ++K, I += BLOCK)
    if (I < N)
      Out[I] += Off;
}

/// Scans N ints of In into Out; Levels[0], [1], ... hold each level's totals.
static void scan(const int *In, int *Out, long N, std::vector<int *> &Levels,
                 size_t Level) {
  long Blocks = (N + CHUNK - 1) / CHUNK;
  scanBlocks<<<unsigned(Blocks), BLOCK>>>(In, Out, Levels[Level], N);
  if (Blocks == 1)
    return;
  scan(Levels[Level], Levels[Level], Blocks, Levels, Level + 1);
  addOffsets<<<unsigned(Blocks), BLOCK>>>(Out, Levels[Level], N);
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 1 << 25);
  const long N = O.Size;
  std::vector<int> In(N), Out(N), Got(N);
  unsigned long long Seed = 7;
  for (int &V : In)
    V = int(bench::uniform(Seed) * 16);
  int *DIn, *DOut;
  BENCH_CHECK(cudaMalloc(&DIn, N * sizeof(int)));
  BENCH_CHECK(cudaMalloc(&DOut, N * sizeof(int)));
  BENCH_CHECK(cudaMemcpy(DIn, In.data(), N * sizeof(int), cudaMemcpyHostToDevice));
  std::vector<int *> Levels;
  for (long Len = N; Len > 1 || Levels.empty(); Len = (Len + CHUNK - 1) / CHUNK) {
    int *P;
    BENCH_CHECK(cudaMalloc(&P, ((Len + CHUNK - 1) / CHUNK) * sizeof(int)));
    Levels.push_back(P);
  }

  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        scan(DIn, DOut, N, Levels, 0);
        BENCH_CHECK(cudaDeviceSynchronize());
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        scan_omp(In.data(), Out.data(), N);
        return bench::now() - T0;
      },
      TC, TO);

  BENCH_CHECK(cudaMemcpy(Got.data(), DOut, N * sizeof(int), cudaMemcpyDeviceToHost));
  bool Ok = true;
  long long Run = 0;
  for (long I = 0; I < N && Ok; ++I) {
    Ok = bench::closeEnough("scan cuda", I, Got[I], double(Run), 0) &&
         bench::closeEnough("scan omp", I, Out[I], double(Run), 0);
    Run += In[I];
  }
  bench::emit("kernel", "scan", TC, TO, 8.0 * N, Ok);
  return Ok ? 0 : 1;
}
