//===- Version.cpp - the version API group --------------------------------===//
//
// cuport implements the CUDA 12.4 runtime API (CUDART_VERSION 12040). Its
// "driver" is the target library that ships with it, so the driver version
// is the same number; CUDA reports 0 when no driver is installed, and
// cuport does the same when no target can be opened.
//
//===----------------------------------------------------------------------===//
#include "Runtime.h"

using namespace cuport;

CUPORT_EXPORT cudaError_t cudaRuntimeGetVersion(int *runtimeVersion) {
  return rt::apiBoundary([&] {
    if (!runtimeVersion)
      return cudaErrorInvalidValue;
    *runtimeVersion = CUDART_VERSION;
    return cudaSuccess;
  });
}

CUPORT_EXPORT cudaError_t cudaDriverGetVersion(int *driverVersion) {
  return rt::apiBoundary([&] {
    if (!driverVersion)
      return cudaErrorInvalidValue;
    cudaError_t E = rt::enter();
    *driverVersion = (E == cudaSuccess || E == rt::stickyError()) ? CUDART_VERSION : 0;
    return cudaSuccess;
  });
}
