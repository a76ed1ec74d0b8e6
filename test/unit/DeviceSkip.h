//===- DeviceSkip.h - runtime tests skip when no device answers -*- C++ -*-===//
//
// The runtime suites that launch kernels need a device on some target and
// the test SPIR-V the build compiled for them. With no device they skip;
// a device without the SPIR-V is a build fault and fails the test.
//
//===----------------------------------------------------------------------===//
#ifndef CUPORT_TEST_UNIT_DEVICESKIP_H
#define CUPORT_TEST_UNIT_DEVICESKIP_H

#include "cuda_runtime_api.h"

#include <gtest/gtest.h>

namespace cuport_test {

/// Some target has a device (asked once; the error it may leave is read).
inline bool haveDevice() {
  static const bool Have = [] {
    int N = 0;
    bool Ok = cudaGetDeviceCount(&N) == cudaSuccess && N > 0;
    cudaGetLastError();
    return Ok;
  }();
  return Have;
}

} // namespace cuport_test

/// Skips the test when there is no device, and fails it when \p HaveSpirv
/// says the kernels it launches were not registered.
#define CUPORT_REQUIRE_DEVICE(HaveSpirv)                                       \
  do {                                                                         \
    if (!::cuport_test::haveDevice())                                          \
      GTEST_SKIP() << "no device on any target (see cuport-info)";             \
    ASSERT_TRUE(HaveSpirv) << "test SPIR-V missing";                           \
  } while (0)

#endif
