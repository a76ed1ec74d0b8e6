// bench/launch.cu - launch overhead: an empty kernel launched with <<<1, 1>>>
// through cuport's cudaLaunchKernel against the same SPIR-V kernel launched
// through plain OpenCL on the same device (opencl_direct.cpp), alternating
// within every repetition.
//   async: --size launches, then one synchronize; seconds per launch.
//   sync:  --size times (launch, synchronize); seconds per launch.
// --arg names the SPIR bitcode of this binary's own kernel (bench.py makes it).
#include <cuda_runtime.h>

#include "common.h"
#include "opencl_direct.h"

extern "C" __global__ void bench_empty() {}

static double cudaAsync(int N) {
  double T0 = bench::now();
  for (int I = 0; I < N; ++I)
    bench_empty<<<1, 1>>>();
  BENCH_CHECK(cudaDeviceSynchronize());
  return (bench::now() - T0) / N;
}

static double cudaSync(int N) {
  double T0 = bench::now();
  for (int I = 0; I < N; ++I) {
    bench_empty<<<1, 1>>>();
    BENCH_CHECK(cudaDeviceSynchronize());
  }
  return (bench::now() - T0) / N;
}

int main(int argc, char **argv) {
  bench::Options O = bench::Options::parse(argc, argv, 10000);
  int N = int(O.Size);
  // The first launch builds the module; that is the first-launch benchmark's
  // business, not this one's.
  bench_empty<<<1, 1>>>();
  BENCH_CHECK(cudaDeviceSynchronize());
  BENCH_CHECK(cudaGetLastError());
  direct::Launcher *L = direct::open(O.Arg, "bench_empty");
  cudaDeviceProp Prop;
  BENCH_CHECK(cudaGetDeviceProperties(&Prop, 0));
  bool Same = direct::deviceName(L) == Prop.name;
  if (!Same)
    std::fprintf(stderr, "launch: cuport runs on '%s', OpenCL baseline on '%s'\n",
                 Prop.name, direct::deviceName(L).c_str());

  std::vector<double> CA, DA, CS, DS;
  bench::alternate(
      O, [&] { return cudaAsync(N); }, [&] { return direct::launchAsync(L, N); }, CA,
      DA);
  bench::alternate(
      O, [&] { return cudaSync(N); }, [&] { return direct::launchSync(L, N); }, CS, DS);
  bool Ok = Same && cudaGetLastError() == cudaSuccess;
  bench::emit("launch", "async", CA, DA, 0, Ok);
  bench::emit("launch", "sync", CS, DS, 0, Ok);
  return Ok ? 0 : 1;
}
