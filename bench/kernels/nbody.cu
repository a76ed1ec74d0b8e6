// All-pairs n-body accelerations built with --use_fast_math: each block
// stages tiles of body positions in __shared__ and every thread accumulates
// its body's acceleration with rsqrtf (GPU Gems 3, ch. 31), against
// nbody_omp.cpp built with -ffast-math. Work: 20 flops per interaction
// (the usual count). 64 sampled bodies are checked against a double sum to
// 1e-3 of the sum of |terms|.
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

#define BLOCK 256

__global__ void accelerations(const float4 *Pos, float4 *Acc, int N, float Soft2) {
  __shared__ float4 Tile[BLOCK];
  int I = blockIdx.x * BLOCK + threadIdx.x;
  float4 P = I < N ? Pos[I] : make_float4(0, 0, 0, 0);
  float AX = 0.0f, AY = 0.0f, AZ = 0.0f;
  for (int J0 = 0; J0 < N; J0 += BLOCK) {
    int J = J0 + threadIdx.x;
    Tile[threadIdx.x] = J < N ? Pos[J] : make_float4(0, 0, 0, 0);
    __syncthreads();
    for (int K = 0; K < BLOCK; ++K) {
      float4 Q = Tile[K];
      float DX = Q.x - P.x, DY = Q.y - P.y, DZ = Q.z - P.z;
      float Inv = rsqrtf(DX * DX + DY * DY + DZ * DZ + Soft2);
      float S = Q.w * Inv * Inv * Inv;
      AX += DX * S;
      AY += DY * S;
      AZ += DZ * S;
    }
    __syncthreads();
  }
  if (I < N)
    Acc[I] = make_float4(AX, AY, AZ, 0.0f);
}

static bool check(const char *What, const std::vector<float> &Pos,
                  const std::vector<float> &Acc, int N, float Soft2) {
  for (int S = 0; S < 64; ++S) {
    int I = int((long(S) * 7919) % N);
    double A[3] = {0, 0, 0}, Scale = 0.0;
    for (int J = 0; J < N; ++J) {
      double D[3], D2 = Soft2;
      for (int C = 0; C < 3; ++C) {
        D[C] = double(Pos[4 * J + C]) - Pos[4 * I + C];
        D2 += D[C] * D[C];
      }
      double F = Pos[4 * J + 3] / (D2 * std::sqrt(D2));
      for (int C = 0; C < 3; ++C) {
        A[C] += D[C] * F;
        Scale += std::fabs(D[C] * F);
      }
    }
    for (int C = 0; C < 3; ++C)
      if (std::fabs(Acc[4 * I + C] - A[C]) > 1e-3 * Scale) {
        std::fprintf(stderr, "%s: body %d component %d is %.9g, expected %.9g\n", What,
                     I, C, Acc[4 * I + C], A[C]);
        return false;
      }
  }
  return true;
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 8192);
  const int N = int(O.Size);
  const float Soft2 = 0.01f;
  const size_t Bytes = size_t(N) * 4 * sizeof(float);
  std::vector<float> Pos(size_t(N) * 4), Acc(Pos.size()), Got(Pos.size());
  unsigned long long Seed = 6;
  for (int I = 0; I < N; ++I) {
    for (int C = 0; C < 3; ++C)
      Pos[4 * I + C] = float(bench::uniform(Seed) * 2 - 1);
    Pos[4 * I + 3] = float(0.5 + bench::uniform(Seed));
  }
  float4 *DPos, *DAcc;
  BENCH_CHECK(cudaMalloc(&DPos, Bytes));
  BENCH_CHECK(cudaMalloc(&DAcc, Bytes));
  BENCH_CHECK(cudaMemcpy(DPos, Pos.data(), Bytes, cudaMemcpyHostToDevice));

  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        accelerations<<<(N + BLOCK - 1) / BLOCK, BLOCK>>>(DPos, DAcc, N, Soft2);
        BENCH_CHECK(cudaDeviceSynchronize());
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        nbody_omp(Pos.data(), Acc.data(), N, Soft2);
        return bench::now() - T0;
      },
      TC, TO);

  BENCH_CHECK(cudaMemcpy(Got.data(), DAcc, Bytes, cudaMemcpyDeviceToHost));
  bool Ok = check("nbody cuda", Pos, Got, N, Soft2) & check("nbody omp", Pos, Acc, N, Soft2);
  bench::emit("kernel", "n-body (fast math)", TC, TO, 20.0 * N * N, Ok);
  return Ok ? 0 : 1;
}
