// STREAM triad a = b + s * c on doubles, one thread per element, against
// triad_omp.cpp. Work: 24 bytes per element (STREAM's count).
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

__global__ void triad(double *A, const double *B, const double *C, double S, long N) {
  long I = long(blockIdx.x) * blockDim.x + threadIdx.x;
  if (I < N)
    A[I] = B[I] + S * C[I];
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 1 << 24);
  const long N = O.Size;
  const double S = 3.0;
  std::vector<double> B(N), C(N), A(N, 0.0), Got(N);
  unsigned long long Seed = 1;
  for (long I = 0; I < N; ++I) {
    B[I] = bench::uniform(Seed);
    C[I] = bench::uniform(Seed);
  }
  double *DA, *DB, *DC;
  BENCH_CHECK(cudaMalloc(&DA, N * sizeof(double)));
  BENCH_CHECK(cudaMalloc(&DB, N * sizeof(double)));
  BENCH_CHECK(cudaMalloc(&DC, N * sizeof(double)));
  BENCH_CHECK(cudaMemcpy(DB, B.data(), N * sizeof(double), cudaMemcpyHostToDevice));
  BENCH_CHECK(cudaMemcpy(DC, C.data(), N * sizeof(double), cudaMemcpyHostToDevice));
  BENCH_CHECK(cudaMemset(DA, 0, N * sizeof(double)));

  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        triad<<<unsigned((N + 255) / 256), 256>>>(DA, DB, DC, S, N);
        BENCH_CHECK(cudaDeviceSynchronize());
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        triad_omp(A.data(), B.data(), C.data(), S, N);
        return bench::now() - T0;
      },
      TC, TO);

  BENCH_CHECK(cudaMemcpy(Got.data(), DA, N * sizeof(double), cudaMemcpyDeviceToHost));
  bool Ok = true;
  for (long I = 0; I < N && Ok; ++I) {
    double Want = B[I] + S * C[I];
    Ok = bench::closeEnough("triad cuda", I, Got[I], Want, 1e-12) &&
         bench::closeEnough("triad omp", I, A[I], Want, 1e-12);
  }
  bench::emit("kernel", "triad", TC, TO, 24.0 * N, Ok);
  return Ok ? 0 : 1;
}
