//===- HipTargetTest.cpp - the HIP target without an AMD GPU --------------===//
//
// The runtime side of the HIP target where Debian's libamdhip64 is
// installed and no AMD GPU is: the registry answers "library present but no
// device" with HIP's own error, a CUDA program run with CUPORT_TARGET=hip
// gets cudaErrorNoDevice and one stderr line with HIP's reason, an
// unloadable library is named with dlopen's error, selection with
// CUPORT_TARGET unset tries hip too, and the conformance suite skips hip
// with its reason. Programs run in child processes (this binary, re-executed
// with a gtest filter) so that each starts with libcudart unopened.
//
// On a machine with an AMD GPU these tests skip; the conformance suite then
// runs on hip instead.
//
//===----------------------------------------------------------------------===//
#include "ChildProcess.h"
#include "Target.h"
#include "cuda_runtime_api.h"

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using namespace cuport::target;

namespace {

using cuport::test::Child;
using cuport::test::run;
using cuport::test::runChild;

size_t occurrences(const std::string &Text, const std::string &Word) {
  size_t N = 0;
  for (size_t Pos = Text.find(Word); Pos != std::string::npos; Pos = Text.find(Word, Pos + 1))
    ++N;
  return N;
}

/// What this machine is, for the tests to say what they expect.
enum class HipHere { LibraryAbsent, NoDevice, MayHaveDevice };

HipHere hipHere() {
  if (!::dlopen("libamdhip64.so.5", RTLD_NOW | RTLD_LOCAL) &&
      !::dlopen("libamdhip64.so", RTLD_NOW | RTLD_LOCAL))
    return HipHere::LibraryAbsent;
  struct stat St;
  return ::stat("/dev/kfd", &St) == 0 ? HipHere::MayHaveDevice : HipHere::NoDevice;
}

/// HIP's answer on a machine with Debian's libamdhip64 5.2 and no AMD GPU.
const char NoDeviceReason[] =
    "library present but no device (hipGetDeviceCount: hipErrorNoDevice (error 100)";

class HipTarget : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    // Tests live in <build>/test/unit; the target libraries in <build>/lib.
    setenv("CUPORT_TARGET_DIR", CUPORT_TARGET_LIB_DIR, /*overwrite=*/0);
  }
  void SetUp() override {
    Here = hipHere();
    if (Here == HipHere::MayHaveDevice)
      GTEST_SKIP() << "/dev/kfd exists: this machine may have an AMD GPU";
  }
  HipHere Here = HipHere::NoDevice;
};

TEST_F(HipTarget, RegistryReportsHipsReason) {
  Probe P = openTarget("hip");
  ASSERT_FALSE(P.Instance);
  if (Here == HipHere::LibraryAbsent) {
    EXPECT_EQ(P.Why.status(), Status::TargetUnavailable);
    EXPECT_EQ(P.Why.message().rfind("library absent: ", 0), 0u) << P.Why.message();
    return;
  }
  EXPECT_EQ(P.Why.status(), Status::NoDevice);
  EXPECT_EQ(P.Why.message().rfind(NoDeviceReason, 0), 0u) << P.Why.message();
  EXPECT_NE(P.Why.message().find("/dev/kfd is absent"), std::string::npos) << P.Why.message();
  // A second probe in the same process gives the same answer.
  Probe Again = openTarget("hip");
  EXPECT_FALSE(Again.Instance);
  EXPECT_EQ(Again.Why.message(), P.Why.message());
}

TEST(Child, DISABLED_HipNoDevice) {
  void *P = reinterpret_cast<void *>(0x1);
  EXPECT_EQ(cudaMalloc(&P, 16), cudaErrorNoDevice);
  EXPECT_EQ(cudaGetLastError(), cudaErrorNoDevice);
  EXPECT_STREQ(cudaGetErrorString(cudaErrorNoDevice), "no CUDA-capable device is detected");
  EXPECT_STREQ(cudaGetErrorName(cudaErrorNoDevice), "cudaErrorNoDevice");
  int N = 42;
  EXPECT_EQ(cudaGetDeviceCount(&N), cudaErrorNoDevice);
  EXPECT_EQ(N, 0);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaErrorNoDevice);
}

TEST_F(HipTarget, CudaProgramGetsNoDeviceAndHipsReason) {
  Child C = runChild("HipNoDevice", {{"CUPORT_TARGET", "hip"}});
  EXPECT_EQ(C.ExitCode, 0) << C.Output;
  EXPECT_NE(C.Output.find("[  PASSED  ] 1 test"), std::string::npos) << C.Output;
  // Exactly one line on stderr, with HIP's (or the loader's) reason.
  EXPECT_EQ(occurrences(C.Output, "cuport: no device available:"), 1u) << C.Output;
  std::string Expected = "cuport: no device available: CUPORT_TARGET=hip: " +
                         std::string(Here == HipHere::LibraryAbsent ? "library absent: "
                                                                    : NoDeviceReason);
  EXPECT_NE(C.Output.find(Expected), std::string::npos) << C.Output;
}

TEST_F(HipTarget, UnloadableLibraryNamesTheDlopenFailure) {
  Child C = runChild("HipNoDevice", {{"CUPORT_TARGET", "hip"},
                                     {"CUPORT_HIP_LIBRARY", "/nonexistent/libamdhip64.so.5"}});
  EXPECT_EQ(C.ExitCode, 0) << C.Output;
  EXPECT_NE(C.Output.find("cuport: no device available: CUPORT_TARGET=hip: library absent: "
                          "/nonexistent/libamdhip64.so.5: cannot open shared object file"),
            std::string::npos)
      << C.Output;
}

TEST_F(HipTarget, UnsetSelectionTriesHipToo) {
  // OpenCL made absent, so that selection falls through to hip and reports
  // both reasons.
  Child C = runChild("HipNoDevice", {{"CUPORT_TARGET", ""},
                                     {"OCL_ICD_VENDORS", "/nonexistent"},
                                     {"OCL_ICD_FILENAMES", ""}});
  EXPECT_EQ(C.ExitCode, 0) << C.Output;
  EXPECT_NE(C.Output.find("opencl: no OpenCL platform"), std::string::npos) << C.Output;
  EXPECT_NE(C.Output.find(std::string("; hip: ") + (Here == HipHere::LibraryAbsent
                                                        ? "library absent: "
                                                        : NoDeviceReason)),
            std::string::npos)
      << C.Output;
}

TEST_F(HipTarget, ConformanceSuiteSkipsHipWithItsReason) {
  Child C = run({CUPORT_CONFORMANCE_TESTS, "--gtest_filter=AllTargets/TargetConformance.*/hip"},
                {});
  EXPECT_EQ(C.ExitCode, 0) << C.Output;
  EXPECT_EQ(C.Output.find("[  FAILED  ]"), std::string::npos) << C.Output;
  EXPECT_NE(C.Output.find("[  SKIPPED ]"), std::string::npos) << C.Output;
  EXPECT_NE(C.Output.find(std::string("hip unavailable: ") +
                          (Here == HipHere::LibraryAbsent ? "library absent: "
                                                          : NoDeviceReason)),
            std::string::npos)
      << C.Output;
}

} // namespace
