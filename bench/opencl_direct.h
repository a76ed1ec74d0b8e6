// bench/opencl_direct.h - launch one kernel through plain OpenCL (see
// opencl_direct.cpp). No OpenCL types here, so CUDA sources can include it.
#ifndef CUPORT_BENCH_OPENCL_DIRECT_H
#define CUPORT_BENCH_OPENCL_DIRECT_H

#include <string>

namespace direct {

struct Launcher;

/// Builds the SPIR 1.2 bitcode file \p SpirPath on the first OpenCL device
/// and returns a launcher of its kernel \p KernelName (no arguments).
/// Exits the program on any failure.
Launcher *open(const std::string &SpirPath, const std::string &KernelName);
const std::string &deviceName(const Launcher *L);

/// Seconds per launch: N launches of one work-item then one clFinish.
double launchAsync(Launcher *L, int N);
/// Seconds per launch: N times (launch, clFinish).
double launchSync(Launcher *L, int N);

} // namespace direct

#endif // CUPORT_BENCH_OPENCL_DIRECT_H
