//===- TargetConformanceTest.cpp - one suite every target must pass -------===//
//
// In the manner of IREE's hal/cts: the same tests, parameterized by target
// name, run against every target the registry knows (targets/Targets.def),
// through the targets/Target.h interface only. A target that is not
// available here (not built, no platform, no device) skips with its reason,
// so the suite passes on any machine and grows with each new target.
//
//===----------------------------------------------------------------------===//
#include "Target.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <numeric>

using namespace cuport;
using namespace cuport::target;

namespace {

std::vector<uint8_t> readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

/// The test kernels' image for target \p Name (RuntimeTestKernels.cu).
bool testImage(const std::string &Name, fatbin::Image &Out) {
  if (Name != "opencl")
    return false;
  Out.Kind = fatbin::ImageKind::SPIRV;
  Out.Arch = "spirv64";
  Out.Data = readFile(CUPORT_TEST_SPIRV);
  return Out.Data.size() > 20;
}

fatbin::KernelInfo saxpyInfo() {
  fatbin::KernelInfo K;
  K.Name = "_Z5saxpyfPKfPfi";
  K.Args = {{fatbin::ArgKind::Value, 4, 4},
            {fatbin::ArgKind::GlobalPointer, 8, 8},
            {fatbin::ArgKind::GlobalPointer, 8, 8},
            {fatbin::ArgKind::Value, 4, 4}};
  return K;
}

class TargetConformance : public ::testing::TestWithParam<std::string> {
protected:
  static void SetUpTestSuite() {
    // Tests live in <build>/test/unit; the target libraries in <build>/lib.
    setenv("CUPORT_TARGET_DIR", CUPORT_TARGET_LIB_DIR, /*overwrite=*/0);
  }

  void SetUp() override {
    P = openTarget(GetParam());
    if (!P.Instance)
      GTEST_SKIP() << GetParam() << " unavailable: " << P.Why.message();
    ASSERT_GT(P.Instance->deviceCount(), 0u);
  }

  Device &dev() { return P.Instance->device(0); }

  Probe P;
};

TEST_P(TargetConformance, ReportsRealProperties) {
  EXPECT_STREQ(P.Instance->name(), GetParam().c_str());
  const DeviceProperties &D = dev().properties();
  EXPECT_FALSE(D.Name.empty());
  EXPECT_GT(D.TotalGlobalMem, 0u);
  EXPECT_GT(D.MaxAllocationSize, 0u);
  EXPECT_LE(D.MaxAllocationSize, D.TotalGlobalMem);
  EXPECT_GT(D.SharedMemPerBlock, 0u);
  EXPECT_GT(D.ComputeUnits, 0u);
  EXPECT_GT(D.MaxThreadsPerBlock, 0u);
  for (int I = 0; I < 3; ++I)
    EXPECT_GT(D.MaxBlockDim[I], 0u);
  EXPECT_EQ(D.MaxGridDim[0], 2147483647u);
  EXPECT_EQ(D.MaxGridDim[1], 65535u);
  EXPECT_EQ(D.MaxGridDim[2], 65535u);
  EXPECT_EQ(D.WarpSize, 32u);
  EXPECT_FALSE(D.ModuleLoadPath.empty());
  EXPECT_FALSE(dev().describe().empty());
}

TEST_P(TargetConformance, MemoryRoundTrip) {
  const size_t N = (1 << 20) + 5;
  void *A = nullptr, *B = nullptr;
  ASSERT_TRUE(dev().allocate(N, &A).ok());
  ASSERT_TRUE(dev().allocate(N, &B).ok());
  ASSERT_NE(A, B);
  std::vector<uint8_t> Src(N), Dst(N, 0);
  for (size_t I = 0; I < N; ++I)
    Src[I] = uint8_t(I * 13);
  ASSERT_TRUE(dev().copy(nullptr, A, Src.data(), N, CopyKind::HostToDevice).ok());
  ASSERT_TRUE(dev().copy(nullptr, B, A, N, CopyKind::DeviceToDevice).ok());
  ASSERT_TRUE(dev().fill(nullptr, static_cast<uint8_t *>(B) + 7, 0xEE, 3).ok());
  ASSERT_TRUE(dev().copy(nullptr, Dst.data(), B, N, CopyKind::DeviceToHost).ok());
  Src[7] = Src[8] = Src[9] = 0xEE;
  EXPECT_EQ(Dst, Src);
  EXPECT_TRUE(dev().deallocate(A).ok());
  EXPECT_TRUE(dev().deallocate(B).ok());

  void *Huge = nullptr;
  Result R = dev().allocate(size_t(dev().properties().MaxAllocationSize) + 1, &Huge);
  EXPECT_EQ(R.status(), Status::OutOfMemory) << R.message();
  EXPECT_FALSE(R.message().empty());

  void *H = nullptr;
  bool Mapped = false;
  ASSERT_TRUE(dev().allocateHost(4096, &H, &Mapped).ok());
  std::memset(H, 0x11, 4096);
  EXPECT_TRUE(dev().deallocateHost(H).ok());
}

TEST_P(TargetConformance, LoadsAndLaunchesAKernel) {
  fatbin::Image Img;
  if (!testImage(GetParam(), Img))
    GTEST_SKIP() << "no test image for target " << GetParam();
  std::unique_ptr<Module> M;
  ASSERT_TRUE(dev().loadModule(Img, &M).ok());
  const int N = 300;
  std::vector<float> X(N), Y(N);
  std::iota(X.begin(), X.end(), 0.0f);
  std::fill(Y.begin(), Y.end(), 1.0f);
  void *DX, *DY;
  ASSERT_TRUE(dev().allocate(N * 4, &DX).ok());
  ASSERT_TRUE(dev().allocate(N * 4, &DY).ok());
  ASSERT_TRUE(dev().copy(nullptr, DX, X.data(), N * 4, CopyKind::HostToDevice).ok());
  ASSERT_TRUE(dev().copy(nullptr, DY, Y.data(), N * 4, CopyKind::HostToDevice).ok());

  std::unique_ptr<Queue> Q;
  ASSERT_TRUE(dev().createQueue(true, &Q).ok());
  float A = 2.0f;
  int Count = N;
  void *Args[] = {&A, &DX, &DY, &Count};
  LaunchConfig C;
  C.Grid[0] = 3;
  C.Block[0] = 128;
  C.Stream = Q.get();
  Result R = dev().launch(*M, saxpyInfo(), C, Args);
  ASSERT_TRUE(R.ok()) << R.message();
  ASSERT_TRUE(dev().synchronizeQueue(Q.get()).ok());
  ASSERT_TRUE(dev().copy(nullptr, Y.data(), DY, N * 4, CopyKind::DeviceToHost).ok());
  for (int I = 0; I < N; ++I)
    ASSERT_FLOAT_EQ(Y[I], 2.0f * float(I) + 1.0f);

  fatbin::KernelInfo Missing = saxpyInfo();
  Missing.Name = "_Z11not_presentv";
  R = dev().launch(*M, Missing, C, Args);
  EXPECT_EQ(R.status(), Status::InvalidDeviceFunction) << R.message();
  EXPECT_TRUE(dev().synchronize().ok());
  EXPECT_GE(dev().moduleStats().ModulesLoaded, 1u);
  Q.reset();
  dev().deallocate(DX);
  dev().deallocate(DY);
}

TEST_P(TargetConformance, ReportsKernelAttributes) {
  fatbin::Image Img;
  if (!testImage(GetParam(), Img))
    GTEST_SKIP() << "no test image for target " << GetParam();
  std::unique_ptr<Module> M;
  ASSERT_TRUE(dev().loadModule(Img, &M).ok());
  KernelAttributes A;
  Result R = dev().kernelAttributes(*M, saxpyInfo(), &A);
  ASSERT_TRUE(R.ok()) << R.message();
  EXPECT_GT(A.MaxThreadsPerBlock, 0u);
  EXPECT_LE(A.MaxThreadsPerBlock, dev().properties().MaxThreadsPerBlock);
  EXPECT_EQ(A.StaticSharedBytes, 0u); // saxpy has no __shared__ memory.
  fatbin::KernelInfo Missing = saxpyInfo();
  Missing.Name = "_Z11not_presentv";
  EXPECT_EQ(dev().kernelAttributes(*M, Missing, &A).status(), Status::InvalidDeviceFunction);
}

TEST_P(TargetConformance, RefusesImagesItCannotRun) {
  fatbin::Image Wrong;
  Wrong.Kind = fatbin::ImageKind::LLVMBitcode;
  Wrong.Data.assign(64, 0);
  std::unique_ptr<Module> M;
  Result R = dev().loadModule(Wrong, &M);
  EXPECT_EQ(R.status(), Status::InvalidKernelImage) << R.message();
  EXPECT_FALSE(M);
  fatbin::Image Truncated;
  if (testImage(GetParam(), Truncated)) {
    Truncated.Data.resize(7);
    EXPECT_EQ(dev().loadModule(Truncated, &M).status(), Status::InvalidKernelImage);
  }
}

std::string paramName(const ::testing::TestParamInfo<std::string> &I) { return I.param; }

INSTANTIATE_TEST_SUITE_P(AllTargets, TargetConformance,
                         ::testing::ValuesIn(knownTargets()), paramName);

TEST(TargetRegistry, UnknownTargetsAreUnavailable) {
  Probe P = openTarget("no-such-target");
  EXPECT_FALSE(P.Instance);
  EXPECT_EQ(P.Why.status(), Status::TargetUnavailable);
  EXPECT_NE(P.Why.message().find("unknown target"), std::string::npos);
}

TEST(TargetRegistry, StatusNamesComeFromTheTable) {
  EXPECT_STREQ(statusName(Status::Success), "Success");
  EXPECT_STREQ(statusName(Status::OutOfMemory), "OutOfMemory");
  EXPECT_STREQ(statusName(Status::LaunchFailure), "LaunchFailure");
}

} // namespace
