// One 5-point Jacobi sweep on an N x N float grid (borders copied), 32 x 8
// blocks reading global memory, against stencil_omp.cpp. Work: 8 bytes per
// point (one read, one write). Every point is checked against the host.
#include <cuda_runtime.h>

#include "common.h"
#include "kernels/omp.h"

__global__ void jacobi(const float *In, float *Out, int NX, int NY) {
  int X = blockIdx.x * blockDim.x + threadIdx.x, Y = blockIdx.y * blockDim.y + threadIdx.y;
  if (X >= NX || Y >= NY)
    return;
  long I = long(Y) * NX + X;
  if (X == 0 || Y == 0 || X == NX - 1 || Y == NY - 1)
    Out[I] = In[I];
  else
    Out[I] = 0.2f * (In[I] + In[I - 1] + In[I + 1] + In[I - NX] + In[I + NX]);
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 4096);
  const int N = int(O.Size);
  const size_t Points = size_t(N) * N, Bytes = Points * sizeof(float);
  std::vector<float> In(Points), Out(Points), Got(Points);
  unsigned long long Seed = 4;
  for (float &V : In)
    V = float(bench::uniform(Seed));
  float *DIn, *DOut;
  BENCH_CHECK(cudaMalloc(&DIn, Bytes));
  BENCH_CHECK(cudaMalloc(&DOut, Bytes));
  BENCH_CHECK(cudaMemcpy(DIn, In.data(), Bytes, cudaMemcpyHostToDevice));

  dim3 Block(32, 8), Grid((N + 31) / 32, (N + 7) / 8);
  std::vector<double> TC, TO;
  bench::alternate(
      O,
      [&] {
        double T0 = bench::now();
        jacobi<<<Grid, Block>>>(DIn, DOut, N, N);
        BENCH_CHECK(cudaDeviceSynchronize());
        return bench::now() - T0;
      },
      [&] {
        double T0 = bench::now();
        stencil_omp(In.data(), Out.data(), N, N);
        return bench::now() - T0;
      },
      TC, TO);

  BENCH_CHECK(cudaMemcpy(Got.data(), DOut, Bytes, cudaMemcpyDeviceToHost));
  bool Ok = true;
  for (int Y = 0; Y < N && Ok; ++Y)
    for (int X = 0; X < N && Ok; ++X) {
      size_t I = size_t(Y) * N + X;
      double Want = (X == 0 || Y == 0 || X == N - 1 || Y == N - 1)
                        ? In[I]
                        : 0.2 * (double(In[I]) + In[I - 1] + In[I + 1] + In[I - N] +
                                 In[I + N]);
      Ok = bench::closeEnough("stencil cuda", I, Got[I], Want, 1e-6) &&
           bench::closeEnough("stencil omp", I, Out[I], Want, 1e-6);
    }
  bench::emit("kernel", "stencil 2D", TC, TO, 8.0 * Points, Ok);
  return Ok ? 0 : 1;
}
