// bench/opencl_direct.cpp - the baseline for launch overhead: the same
// kernel cuport launches, launched by plain OpenCL calls on the same device.
//
// The kernel is the SPIR-V that cuport-cc put in the benchmark binary,
// extracted by bench.py (`cuport-fatbin --extract=spirv`) and translated back
// to SPIR 1.2 bitcode (`llvm-spirv-15 -r --spirv-target-env=CL1.2`), because
// that is how cuport's OpenCL target loads it on PoCL 3.1, which takes SPIR
// but not SPIR-V: clCreateProgramWithBinary + "-x spir -spir-std=1.2". The
// launches are what an OpenCL programmer would write: no event, no flush.
#include "opencl_direct.h"

#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <vector>

#include "common.h"

namespace direct {

struct Launcher {
  cl_device_id Device = nullptr;
  cl_context Context = nullptr;
  cl_command_queue Queue = nullptr;
  cl_kernel Kernel = nullptr;
  std::string DeviceName;
};

namespace {

[[noreturn]] void fail(const char *What, cl_int Err) {
  std::fprintf(stderr, "opencl_direct: %s failed (%d)\n", What, Err);
  std::exit(2);
}

/// The first device of the first platform that has one: the device cuport's
/// OpenCL target picks when nothing is configured.
cl_device_id firstDevice() {
  cl_uint N = 0;
  if (clGetPlatformIDs(0, nullptr, &N) != CL_SUCCESS || N == 0)
    fail("clGetPlatformIDs", -1);
  std::vector<cl_platform_id> Platforms(N);
  clGetPlatformIDs(N, Platforms.data(), nullptr);
  for (cl_platform_id P : Platforms) {
    cl_device_id D;
    cl_uint ND = 0;
    if (clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, 1, &D, &ND) == CL_SUCCESS && ND)
      return D;
  }
  fail("finding an OpenCL device", -1);
}

} // namespace

Launcher *open(const std::string &SpirPath, const std::string &KernelName) {
  std::ifstream In(SpirPath, std::ios::binary);
  std::vector<unsigned char> Bitcode((std::istreambuf_iterator<char>(In)),
                                     std::istreambuf_iterator<char>());
  if (Bitcode.empty())
    fail(("reading " + SpirPath).c_str(), -1);

  auto *L = new Launcher;
  L->Device = firstDevice();
  char Name[256] = {0};
  clGetDeviceInfo(L->Device, CL_DEVICE_NAME, sizeof(Name) - 1, Name, nullptr);
  L->DeviceName = Name;
  cl_int Err;
  L->Context = clCreateContext(nullptr, 1, &L->Device, nullptr, nullptr, &Err);
  if (Err != CL_SUCCESS)
    fail("clCreateContext", Err);
  L->Queue = clCreateCommandQueueWithProperties(L->Context, L->Device, nullptr, &Err);
  if (Err != CL_SUCCESS)
    fail("clCreateCommandQueueWithProperties", Err);
  const unsigned char *Ptr = Bitcode.data();
  size_t Size = Bitcode.size();
  cl_int BinaryStatus;
  cl_program P = clCreateProgramWithBinary(L->Context, 1, &L->Device, &Size, &Ptr,
                                           &BinaryStatus, &Err);
  if (Err != CL_SUCCESS || BinaryStatus != CL_SUCCESS)
    fail("clCreateProgramWithBinary", Err ? Err : BinaryStatus);
  if ((Err = clBuildProgram(P, 1, &L->Device, "-x spir -spir-std=1.2", nullptr,
                            nullptr)) != CL_SUCCESS)
    fail("clBuildProgram", Err);
  L->Kernel = clCreateKernel(P, KernelName.c_str(), &Err);
  if (Err != CL_SUCCESS)
    fail("clCreateKernel", Err);
  clReleaseProgram(P);
  return L;
}

const std::string &deviceName(const Launcher *L) { return L->DeviceName; }

static void enqueue(Launcher *L) {
  const size_t One = 1;
  cl_int Err = clEnqueueNDRangeKernel(L->Queue, L->Kernel, 1, nullptr, &One, &One, 0,
                                      nullptr, nullptr);
  if (Err != CL_SUCCESS)
    fail("clEnqueueNDRangeKernel", Err);
}

double launchAsync(Launcher *L, int N) {
  double T0 = bench::now();
  for (int I = 0; I < N; ++I)
    enqueue(L);
  BENCH_CHECK(clFinish(L->Queue));
  return (bench::now() - T0) / N;
}

double launchSync(Launcher *L, int N) {
  double T0 = bench::now();
  for (int I = 0; I < N; ++I) {
    enqueue(L);
    BENCH_CHECK(clFinish(L->Queue));
  }
  return (bench::now() - T0) / N;
}

} // namespace direct
